/*
 * bench_times.c - throughput of the French temporal recognizer alone: every file of CORPUS_DIR
 * read into memory first, then recognised on one thread against a fixed reference date, best of
 * BENCH_ROUNDS rounds. Prints one line: MB/s, documents per second, peak RSS.
 * usage: bench_times CORPUS_DIR [REPO_DIR]
 */
#include "bench_util.h"

#include "core/doc.h"
#include "lang/fr/times.h"

typedef struct times_bench {
    const rc_ctx *ctx;
    rc_date ref;
} times_bench;

/* The time expressions of one document against the fixed reference (bench_doc_fn). */
static size_t times_of(void *ud, const bench_doc *d)
{
    const times_bench *b = ud;
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    if (rc_fr_times_ctx(b->ctx, b->ctx->fr, d->data, d->len, &b->ref, &a, &t, &n))
        n = 0;
    rc_arena_free(&a);
    return n;
}

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
    times_bench b = {ctx, {2016, 12, 13, 0, 0, 0, false}};
    size_t found;
    double best = bench_best(&c, times_of, &b, &found);
    char extra[64];
    snprintf(extra, sizeof extra, "%zu expressions", found);
    bench_report("times", c.n, c.bytes, best, extra);
    bench_free(&c);
    rc_ctx_free(ctx);
    return 0;
}
