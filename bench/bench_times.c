/*
 * bench_times.c - throughput of the French temporal recognizer alone: every file of CORPUS_DIR
 * read into memory first, then recognised on one thread against a fixed reference date, best of
 * BENCH_ROUNDS rounds. Prints one line: MB/s, documents per second, peak RSS.
 * usage: bench_times CORPUS_DIR [REPO_DIR]
 */
#include "bench_util.h"

#include "extract/doc_int.h"
#include "lang/fr/times.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_times CORPUS_DIR [REPO_DIR]\n");
        return 2;
    }
    bench_corpus c;
    rc_ctx *ctx;
    if (bench_load(argv[1], &c) || !(ctx = bench_ctx(argc, argv, "bench_times")))
        return 1;
    rc_date ref = {2016, 12, 13, 0, 0, 0, false};
    size_t found = 0;
    double best = 1e30;
    for (int round = 0; round < BENCH_ROUNDS; round++) {
        found = 0;
        double t0 = bench_now();
        for (size_t i = 0; i < c.n; i++) {
            rc_arena a;
            rc_arena_init(&a);
            rc_time *t;
            size_t n;
            if (rc_fr_times(ctx->fr, c.docs[i].data, c.docs[i].len, &ref, &a, &t, &n) == RC_OK)
                found += n;
            rc_arena_free(&a);
        }
        double t = bench_now() - t0;
        best = t < best ? t : best;
    }
    char extra[64];
    snprintf(extra, sizeof extra, "%zu expressions", found);
    bench_report("times", c.n, c.bytes, best, extra);
    bench_free(&c);
    rc_ctx_free(ctx);
    return 0;
}
