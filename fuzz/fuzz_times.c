/*
 * fuzz_times.c - libFuzzer target for the French temporal recognizer and the document-date
 * inference: arbitrary bytes as text, with and without a reference date, through rc_fr_times and
 * a whole rc_doc_parse (which runs rc_fr_docdate when no date is given).
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
    free(text);
    return 0;
}
