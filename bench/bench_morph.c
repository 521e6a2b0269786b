/*
 * bench_morph.c - cost of rc_fr_morph, single thread: a lookup of a form already in the cache
 * (hits) and the first lookup of each distinct form (misses, which ask hunspell).
 * Usage: bench_morph CORPUS_DIR [REPO_DIR]; prints one line, or nothing useful without a
 * dictionary (every word is unknown then).
 */
#include "bench_util.h"

#include "core/doc.h"
#include "lang/fr/morph.h"

/* A word token of the first documents of the corpus. */
typedef struct word {
    const char *s;
    size_t len;
} word;

/* Orders words by length then bytes, to find the distinct ones. */
static int word_cmp(const void *a, const void *b)
{
    const word *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return memcmp(x->s, y->s, x->len);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_morph CORPUS_DIR\n");
        return 2;
    }
    bench_corpus c;
    rc_ctx *ctx;
    if (bench_load(argv[1], &c) || !(ctx = bench_ctx(argc, argv, "bench_morph")))
        return 1;
    size_t cap = 1 << 20, n = 0;
    word *w = malloc(cap * sizeof *w);
    rc_doc *docs[64] = {0};
    for (size_t d = 0; d < c.n && d < 64 && w; d++) {
        rc_source src = {0};
        src.path = "bench";
        src.data = c.docs[d].data;
        src.len = c.docs[d].len;
        src.format = RC_FORMAT_TEXT;
        rc_doc_opts opts = {"2016-12-15"};
        if (rc_doc_parse(ctx, &src, &opts, &docs[d]) != RC_OK)
            continue;
        size_t nt, len;
        const char *text = rc_doc_text(docs[d], &len);
        const rc_token *t = rc_doc_tokens(docs[d], &nt);
        for (size_t i = 0; i < nt && n < cap; i++)
            if (t[i].kind == RC_TOK_WORD)
                w[n++] = (word){text + t[i].start, t[i].end - t[i].start};
    }
    if (!w || !n) {
        fprintf(stderr, "bench_morph: no words\n");
        return 1;
    }
    /* the first pass over the real words: misses for each distinct form, hits for repeats */
    rc_morph m;
    size_t known = 0;
    double t0 = bench_now();
    for (size_t i = 0; i < n; i++) /* the first call also loads the dictionary */
        known += (size_t)rc_fr_morph(ctx, w[i].s, w[i].len, &m);
    double first = bench_now() - t0;
    /* hits: every form is cached now */
    double best = 1e30;
    for (int r = 0; r < BENCH_ROUNDS; r++) {
        t0 = bench_now();
        for (size_t i = 0; i < n; i++)
            known += (size_t)rc_fr_morph(ctx, w[i].s, w[i].len, &m);
        double dt = bench_now() - t0;
        if (dt < best)
            best = dt;
    }
    /* misses alone: the distinct forms of the text, each asked once of a fresh context whose
     * dictionary is already loaded (one word asked first) */
    rc_ctx *fresh = bench_ctx(argc, argv, "bench_morph");
    if (!fresh)
        return 1;
    rc_fr_morph(fresh, "le", 2, &m);
    word *u = malloc(n * sizeof *u);
    if (!u)
        return 1;
    memcpy(u, w, n * sizeof *u);
    qsort(u, n, sizeof *u, word_cmp);
    size_t misses = 0;
    for (size_t i = 0; i < n; i++)
        if (!misses || word_cmp(&u[misses - 1], &u[i]) != 0)
            u[misses++] = u[i];
    t0 = bench_now();
    for (size_t i = 0; i < misses; i++)
        rc_fr_morph(fresh, u[i].s, u[i].len, &m);
    double tmiss = bench_now() - t0;
    free(u);
    printf("morph: %.1f M lookups/s on cache hits, %.0f lookups/s on misses (%zu distinct forms "
           "asked of hunspell); first pass over %zu words incl. dictionary load %.3f s; %zu known; "
           "peak RSS %.1f MiB\n",
           n / best / 1e6, misses / tmiss, misses, n, first, known / (BENCH_ROUNDS + 1),
           bench_peak_mib());
    rc_ctx_free(fresh);
    for (int d = 0; d < 64; d++)
        rc_doc_free(docs[d]);
    free(w);
    rc_ctx_free(ctx);
    bench_free(&c);
    return 0;
}
