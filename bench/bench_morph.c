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
    rc_doc *docs[4] = {0};
    for (size_t d = 0; d < c.n && d < 4 && w; d++) {
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
    /* misses alone: forms not yet seen, real-looking (a word with a letter doubled) */
    char buf[128];
    size_t misses = 0;
    t0 = bench_now();
    for (size_t i = 0; i < n && misses < 20000; i++) {
        if (w[i].len + 1 >= sizeof buf || w[i].len < 2)
            continue;
        memcpy(buf, w[i].s, w[i].len);
        memcpy(buf + w[i].len, w[i].s + w[i].len - 1, 1);
        buf[w[i].len + 1] = '\0';
        rc_fr_morph(ctx, buf, w[i].len + 1, &m);
        misses++;
    }
    double tmiss = bench_now() - t0;
    printf("morph: %.1f M lookups/s on cache hits, %.0f lookups/s on misses "
           "(first pass over %zu words incl. dictionary load: %.3f s; %zu known), peak RSS %.1f "
           "MiB\n",
           n / best / 1e6, misses / tmiss, n, first, known / (BENCH_ROUNDS + 1),
           bench_peak_mib());
    for (int d = 0; d < 4; d++)
        rc_doc_free(docs[d]);
    free(w);
    rc_ctx_free(ctx);
    bench_free(&c);
    return 0;
}
