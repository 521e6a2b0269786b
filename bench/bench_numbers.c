/*
 * bench_numbers.c - throughput of the French number recognizer alone, single thread, over every
 * file of CORPUS_DIR held in memory, repeated for at least a second of CPU time. Prints one line:
 * MB/s, docs/s, peak RSS.
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
    size_t found = 0, rounds = 0;
    double t0 = bench_now(), t;
    do {
        for (size_t i = 0; i < c.n; i++) {
            rc_number *nums;
            size_t n;
            if (rc_fr_numbers(ctx->fr, c.docs[i].data, c.docs[i].len, &a, &nums, &n))
                return 1;
            found += n;
            rc_arena_free(&a);
        }
        rounds++;
        t = bench_now() - t0;
    } while (t < 1.0);
    char extra[64];
    snprintf(extra, sizeof extra, "%zu figures per pass", found / rounds);
    bench_report("numbers", c.n * rounds, c.bytes * rounds, t, extra);
    bench_free(&c);
    rc_ctx_free(ctx);
    return 0;
}
