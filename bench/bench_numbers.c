/*
 * bench_numbers.c - throughput of the French number recognizer alone, single thread, over every
 * file of CORPUS_DIR held in memory, best of BENCH_ROUNDS rounds. Prints one line: MB/s, docs/s,
 * peak RSS.
 * usage: bench_numbers CORPUS_DIR [REPO_DIR]
 */
#include "bench_util.h"

#include "core/doc.h"
#include "lang/fr/numbers.h"

/* The figures of one document (bench_doc_fn). */
static size_t numbers_of(void *ud, const bench_doc *d)
{
    const rc_ctx *ctx = ud;
    rc_arena a;
    rc_arena_init(&a);
    rc_number *nums;
    size_t n;
    if (rc_fr_numbers(ctx->fr, d->data, d->len, &a, &nums, &n))
        n = 0;
    rc_arena_free(&a);
    return n;
}

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
    size_t found;
    double best = bench_best(&c, numbers_of, ctx, &found);
    char extra[64];
    snprintf(extra, sizeof extra, "%zu figures", found);
    bench_report("numbers", c.n, c.bytes, best, extra);
    bench_free(&c);
    rc_ctx_free(ctx);
    return 0;
}
