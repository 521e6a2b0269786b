/*
 * bench_pipeline.c - throughput of the text front end (decode + clean + tokenize), single
 * thread, and of the whole extract pipeline (rc_doc_parse and JSON), over a corpus folder.
 * Usage: bench_pipeline CORPUS_DIR [REPO_DIR]; the language data comes from $RECOUPE_DATA.
 */
#include "bench_util.h"

#include "extract/doc_int.h"
#include "ingest/decode.h"
#include "lang/fr/tokenize.h"
#include "text/clean.h"
#include "util/buf.h"

static int count_bytes(void *ud, const char *bytes, size_t len)
{
    (void)bytes;
    *(size_t *)ud += len;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_pipeline CORPUS_DIR\n");
        return 2;
    }
    bench_corpus c;
    if (bench_load(argv[1], &c) || c.n == 0) {
        fprintf(stderr, "bench_pipeline: no documents in %s\n", argv[1]);
        return 1;
    }
    char err[512];
    rc_ctx *ctx;
    if (rc_ctx_new(NULL, err, sizeof err, &ctx)) {
        fprintf(stderr, "bench_pipeline: %s\n", err);
        return 1;
    }
    size_t tokens = 0;
    double best = 1e30;
    for (int round = 0; round < 3; round++) { /* best of three, to shed noise */
        double t0 = bench_now();
        for (size_t i = 0; i < c.n; i++) {
            rc_arena a;
            rc_arena_init(&a);
            char *text;
            size_t len;
            rc_clean_out co;
            rc_token *toks;
            rc_span *sents;
            size_t ntoks, nsents;
            if (rc_decode(c.docs[i].data, c.docs[i].len, &a, &text, &len, NULL) == RC_OK &&
                rc_clean(ctx, text, len, &a, &co) == RC_OK &&
                rc_fr_tokenize(ctx->fr, co.text, co.len, &a, &toks, &ntoks, &sents, &nsents) == RC_OK)
                tokens += ntoks;
            rc_arena_free(&a);
        }
        double t = bench_now() - t0;
        best = t < best ? t : best;
    }
    bench_report("decode+clean+tokenize", c.n, c.bytes, best);

    /* each stage alone, on the output of the one before, to show where the time goes */
    double t_dec = 0, t_clean = 0, t_tok = 0;
    for (size_t i = 0; i < c.n; i++) {
        rc_arena a;
        rc_arena_init(&a);
        char *text;
        size_t len;
        rc_clean_out co;
        rc_token *toks;
        rc_span *sents;
        size_t ntoks, nsents;
        double t0 = bench_now();
        int ok = rc_decode(c.docs[i].data, c.docs[i].len, &a, &text, &len, NULL) == RC_OK;
        double t1 = bench_now();
        ok = ok && rc_clean(ctx, text, len, &a, &co) == RC_OK;
        double t2 = bench_now();
        ok = ok && rc_fr_tokenize(ctx->fr, co.text, co.len, &a, &toks, &ntoks, &sents, &nsents) == RC_OK;
        double t3 = bench_now();
        t_dec += t1 - t0, t_clean += t2 - t1, t_tok += t3 - t2;
        rc_arena_free(&a);
    }
    bench_report("  decode alone", c.n, c.bytes, t_dec);
    bench_report("  clean alone", c.n, c.bytes, t_clean);
    bench_report("  tokenize alone", c.n, c.bytes, t_tok);

    size_t out = 0;
    double t0 = bench_now();
    for (size_t i = 0; i < c.n; i++) {
        rc_source src = {0};
        src.path = "bench";
        src.data = c.docs[i].data;
        src.len = c.docs[i].len;
        src.format = RC_FORMAT_TEXT;
        rc_doc_opts opts = {"2021-03-09"};
        rc_doc *doc;
        if (rc_doc_parse(ctx, &src, &opts, &doc) == RC_OK) {
            rc_doc_write_json(doc, 0, count_bytes, &out);
            rc_doc_free(doc);
        }
    }
    bench_report("extract (all stages, JSON)", c.n, c.bytes, bench_now() - t0);
    rc_ctx_free(ctx);
    bench_free(&c);
    return tokens ? 0 : 1;
}
