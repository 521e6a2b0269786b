/*
 * bench_pipeline.c - throughput of the text front end (decode + tokenize + clean), single
 * thread, and of the whole extract pipeline (rc_doc_parse and JSON, best of three
 * rounds), over a corpus folder, then the share of each step of it (one more round, with the
 * document's step clock on).
 * Usage: bench_pipeline CORPUS_DIR [REPO_DIR]; the language data comes from $RECOUPE_DATA.
 */
#include "bench_util.h"

#include "core/doc.h"
#include "extract/stages.h"
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

/* Decodes, tokenizes, cleans and splits one document into sentences, as rc_doc_parse does;
 * returns its token count. When stage is not NULL, the time of each of the four steps is added
 * to it. */
static size_t front_end(const rc_ctx *ctx, const bench_doc *d, double *stage)
{
    rc_arena a;
    rc_arena_init(&a);
    char *text;
    size_t len, ntoks = 0, nsents;
    rc_clean_out co;
    rc_token *toks;
    rc_span *sents;
    double t0 = stage ? bench_now() : 0;
    int ok = rc_decode(d->data, d->len, &a, &text, &len, NULL) == RC_OK;
    double t1 = stage ? bench_now() : 0;
    ok = ok && rc_fr_lex(ctx->fr, text, len, &a, &toks, &ntoks) == RC_OK;
    double t2 = stage ? bench_now() : 0;
    ok = ok && rc_clean(ctx, text, len, toks, ntoks, &a, &co) == RC_OK;
    ntoks = co.ntoks;
    double t3 = stage ? bench_now() : 0;
    ok = ok && rc_fr_sentences(ctx->fr, co.text, co.toks, co.ntoks, &a, &sents, &nsents) == RC_OK;
    if (stage) {
        double t4 = bench_now();
        stage[0] += t1 - t0, stage[1] += t2 - t1, stage[2] += t3 - t2, stage[3] += t4 - t3;
    }
    rc_arena_free(&a);
    return ok ? ntoks : 0;
}

/* front_end without the stage times (bench_doc_fn). */
static size_t front_end_pass(void *ud, const bench_doc *d)
{
    return front_end(ud, d, NULL);
}

/* Seconds of the monotonic clock, which the step times of rc_doc use too (the CPU-time clock
 * costs a system call on some virtual machines, too much to read around every step). */
static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Parses one document with every stage and writes its JSON; returns 1 when it was parsed.
 * When steps is not NULL, the time of each step (rc_doc.step_ns) is added to it, and that of
 * the JSON at steps[RC_STEP_STAGE + RC_DOC_MAXSTAGES]. */
static size_t extract_one(const rc_ctx *ctx, const bench_doc *d, size_t *out, double *steps)
{
    rc_source src = {0};
    src.path = "bench";
    src.data = d->data;
    src.len = d->len;
    src.format = RC_FORMAT_TEXT;
    rc_doc_opts opts = {"2021-03-09"};
    rc_doc *doc;
    if (rc_doc_parse(ctx, &src, &opts, &doc) != RC_OK)
        return 0;
    double t0 = steps ? wall_now() : 0;
    rc_doc_write_json(doc, 0, count_bytes, out);
    if (steps) {
        steps[RC_STEP_STAGE + RC_DOC_MAXSTAGES] += wall_now() - t0;
        for (size_t i = 0; i < RC_STEP_STAGE + RC_DOC_MAXSTAGES; i++)
            steps[i] += (double)doc->step_ns[i] * 1e-9;
    }
    rc_doc_free(doc);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_pipeline CORPUS_DIR\n");
        return 2;
    }
    bench_corpus c;
    rc_ctx *ctx;
    if (bench_load(argv[1], &c) || !(ctx = bench_ctx(argc, argv, "bench_pipeline")))
        return 1;
    size_t tokens;
    double best = bench_best(&c, front_end_pass, ctx, &tokens);
    bench_report("decode+clean+tokenize", c.n, c.bytes, best, NULL);

    /* each stage alone, on the output of the one before, to show where the time goes */
    double stage[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < c.n; i++)
        front_end(ctx, &c.docs[i], stage);
    bench_report("  decode", c.n, c.bytes, stage[0], NULL);
    bench_report("  lex", c.n, c.bytes, stage[1], NULL);
    bench_report("  clean (lines from tokens)", c.n, c.bytes, stage[2], NULL);
    bench_report("  sentences", c.n, c.bytes, stage[3], NULL);

    /* the whole pipeline, best of three rounds: the first round also loads the dictionary and
     * builds the derived tables, which a long run pays once; its time is printed apart */
    size_t out = 0;
    double xbest = 1e30, first = 0;
    for (int round = 0; round < 3; round++) {
        size_t bytes = 0;
        out = 0;
        double t0 = bench_now();
        for (size_t i = 0; i < c.n; i++)
            bytes += extract_one(ctx, &c.docs[i], &out, NULL);
        double t = bench_now() - t0;
        if (round == 0)
            first = t;
        xbest = t < xbest ? t : xbest;
        (void)bytes;
    }
    char extra[64];
    snprintf(extra, sizeof extra, "first round %.2f s", first);
    bench_report("extract (all stages, JSON)", c.n, c.bytes, xbest, extra);

    /* where that time goes: one more round with the step clock on. That clock counts wall time,
     * which other processes inflate; so each step is given its share of the round, and its speed
     * is the corpus size over that share of the best round's CPU time */
    double steps[RC_STEP_STAGE + RC_DOC_MAXSTAGES + 1] = {0};
    ctx->time_steps = true;
    for (size_t i = 0; i < c.n; i++)
        extract_one(ctx, &c.docs[i], &out, steps);
    ctx->time_steps = false;
    size_t nstages;
    const rc_stage *stages = rc_stages_for("fr", &nstages);
    double all = 0;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        all += steps[i];
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        const char *name = i == RC_STEP_FRONT   ? "front end (decode, clean, tokens, sentences)"
                           : i == RC_STEP_WORDS ? "word table"
                           : i == RC_STEP_STAGE + RC_DOC_MAXSTAGES ? "JSON"
                           : i - RC_STEP_STAGE < nstages ? stages[i - RC_STEP_STAGE].name
                                                         : NULL;
        if (!name || steps[i] <= 0)
            continue;
        snprintf(extra, sizeof extra, "%.0f %% of extract", all > 0 ? 100 * steps[i] / all : 0);
        char label[96];
        snprintf(label, sizeof label, "  %s", name);
        bench_report(label, c.n, c.bytes, all > 0 ? xbest * steps[i] / all : 0, extra);
    }
    rc_ctx_free(ctx);
    bench_free(&c);
    return tokens ? 0 : 1;
}
