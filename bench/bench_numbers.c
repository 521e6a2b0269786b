/*
 * bench_numbers.c - throughput of the French number recognizer alone, single thread, over every
 * file of CORPUS_DIR held in memory, best of BENCH_ROUNDS rounds. Prints one line: MB/s, docs/s,
 * peak RSS.
 * usage: bench_numbers CORPUS_DIR [REPO_DIR]
 */
#include "bench_util.h"

#include "extract/doc_int.h"
#include "lang/fr/numbers.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_numbers CORPUS_DIR [REPO_DIR]\n");
        return 2;
    }
    bench_corpus c;
    rc_ctx *ctx;
    if (bench_load(argv[1], &c) || !(ctx = bench_ctx(argc, argv, "bench_numbers")))
        return 1;
    rc_arena a;
    rc_arena_init(&a);
    size_t found = 0;
    double best = 1e30;
    for (int round = 0; round < BENCH_ROUNDS; round++) {
        found = 0;
        double t0 = bench_now();
        for (size_t i = 0; i < c.n; i++) {
            rc_number *nums;
            size_t n;
            if (rc_fr_numbers(ctx->fr, c.docs[i].data, c.docs[i].len, &a, &nums, &n))
                return 1;
            found += n;
            rc_arena_free(&a);
        }
        double t = bench_now() - t0;
        best = t < best ? t : best;
    }
    char extra[64];
    snprintf(extra, sizeof extra, "%zu figures", found);
    bench_report("numbers", c.n, c.bytes, best, extra);
    bench_free(&c);
    rc_ctx_free(ctx);
    return 0;
}
