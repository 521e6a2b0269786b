/*
 * fuzz_times.c - libFuzzer target for the French temporal recognizer and the document-date
 * inference: arbitrary bytes as text, with and without a reference date, through rc_fr_times and
 * a whole rc_doc_parse (which runs rc_fr_docdate when no date is given). With a date given, the
 * document's times, which its stage reads from the tokens and the word memo, must be those the
 * recognizer finds on the document's text alone.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "lang/fr/times.h"

static rc_ctx *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx) {
        char err[256];
        if (rc_ctx_new(RC_DATADIR_FUZZ, err, sizeof err, &ctx))
            abort();
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t len = strlen(text); /* the recognizer reads text without NUL */
    rc_date ref = {2016, 12, 13, 10, 30, 0, true};
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    rc_fr_times_ctx(ctx, ctx->fr, text, len, size % 2 ? &ref : NULL, &a, &t, &n);
    for (size_t i = 0; i < n; i++)
        if (t[i].start > t[i].end || t[i].end > len)
            abort();
    rc_arena_free(&a);
    rc_source src;
    memset(&src, 0, sizeof src);
    src.data = data;
    src.len = size;
    src.format = RC_FORMAT_TEXT;
    src.path = "fuzz";
    rc_doc *doc;
    if (rc_doc_parse(ctx, &src, NULL, &doc) == RC_OK)
        rc_doc_free(doc);
    rc_doc_opts opts = {"2016-12-13"};
    if (rc_doc_parse(ctx, &src, &opts, &doc) == RC_OK) {
        rc_date day = {2016, 12, 13, 0, 0, 0, false};
        rc_arena_init(&a);
        if (rc_doc_stage_ran(doc, "times") && doc->len &&
            rc_fr_times_ctx(ctx, ctx->fr, doc->text, doc->len, &day, &a, &t, &n) == RC_OK) {
            if (doc->ntimes != n)
                abort();
            for (size_t i = 0; i < n; i++)
                if (doc->times[i].start != t[i].start || doc->times[i].end != t[i].end ||
                    doc->times[i].type != t[i].type ||
                    strcmp(doc->times[i].value ? doc->times[i].value : "",
                           t[i].value ? t[i].value : "") != 0 ||
                    strcmp(doc->times[i].from, t[i].from) != 0 ||
                    strcmp(doc->times[i].to, t[i].to) != 0)
                    abort();
        }
        rc_arena_free(&a);
        rc_doc_free(doc);
    }
    free(text);
    return 0;
}
