/*
 * frontdump.c - what the text front end makes of each file, in a form two builds can compare.
 * Speed work on the decoder, the lexer's fast paths, the cleaner or the sentence splitter must
 * not change a single token: run this from the build before and the build after on the same
 * file list, and the two outputs must be identical.
 *
 * usage: frontdump < LIST    (one path per line; the language data from $RECOUPE_DATA)
 *
 * For each file it prints the decoded length and a hash of the text, the token count and a hash
 * of every token's start, end, kind and flags (after lexing, and again after cleaning and
 * sentence splitting), the cleaned text's hash, the word and function-word counts, every dropped
 * line with its reason, and every sentence span. Hashes keep the output small enough to diff a
 * few thousand files; the lines that differ say which stage to look at.
 */
#include "bench_util.h"

#include "core/doc.h"
#include "ingest/decode.h"
#include "lang/fr/tokenize.h"
#include "text/clean.h"

/* FNV-1a over bytes: equal texts give equal hashes. */
static unsigned long long text_hash(const char *s, size_t n)
{
    unsigned long long h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* A hash of every field of every token, in order. */
static unsigned long long token_hash(const rc_token *t, size_t n)
{
    unsigned long long h = 0;
    for (size_t i = 0; i < n; i++)
        h = h * 1000003 ^ (t[i].start * 7919ull + t[i].end * 31ull + t[i].kind * 131ull + t[i].flags);
    return h;
}

/* Runs the front end over one file's bytes as rc_doc_parse does, printing each stage's result;
 * a stage that fails prints its status and ends the file. */
static void dump(const rc_ctx *ctx, const char *bytes, size_t len)
{
    rc_arena a;
    rc_arena_init(&a);
    char *text;
    size_t tlen, ntoks, nsents;
    rc_token *toks;
    rc_clean_out co;
    rc_span *sents;
    int status = rc_decode(bytes, len, &a, &text, &tlen, NULL);
    if (status) {
        printf("decode %d\n", status);
        goto done;
    }
    printf("decode %zu %016llx\n", tlen, text_hash(text, tlen));
    if ((status = rc_fr_lex(ctx->fr, text, tlen, &a, &toks, &ntoks))) {
        printf("lex %d\n", status);
        goto done;
    }
    printf("lex %zu %016llx\n", ntoks, token_hash(toks, ntoks));
    if ((status = rc_clean(ctx, text, tlen, toks, ntoks, &a, &co))) {
        printf("clean %d\n", status);
        goto done;
    }
    printf("clean %zu %016llx words %zu", co.len, text_hash(co.text, co.len), co.words);
    for (size_t l = 0; l < ctx->nlangs; l++)
        printf(" %s %zu", ctx->langs[l].code, co.funcwords[l]);
    printf("\n");
    for (size_t i = 0; i < co.nnoise; i++)
        printf("noise %u %u %s\n", co.noise[i].start, co.noise[i].end, co.noise[i].reason);
    if ((status = rc_fr_sentences(ctx->fr, co.text, co.toks, co.ntoks, &a, &sents, &nsents))) {
        printf("sentences %d\n", status);
        goto done;
    }
    printf("tokens %zu %016llx\n", co.ntoks, token_hash(co.toks, co.ntoks));
    for (size_t i = 0; i < nsents; i++)
        printf("sentence %u %u\n", sents[i].start, sents[i].end);
done:
    rc_arena_free(&a);
}

int main(int argc, char **argv)
{
    rc_ctx *ctx = bench_ctx(argc, argv, "frontdump");
    if (!ctx)
        return 1;
    char path[4096];
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = '\0';
        size_t len;
        char *bytes = bench_slurp(path, &len);
        if (!bytes) {
            fprintf(stderr, "frontdump: cannot read %s\n", path);
            continue;
        }
        printf("== %s\n", path);
        dump(ctx, bytes, len);
        free(bytes);
    }
    rc_ctx_free(ctx);
    return 0;
}
