/*
 * fuzz_text.c - libFuzzer target for the text front end: decoding, cleaning, tokenizing and
 * the whole per-document pipeline up to JSON, on arbitrary bytes given as a plain-text file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_ctx.h"
#include "recoupe.h"

static rc_ctx *ctx;

static int discard(void *ud, const char *bytes, size_t len)
{
    (void)ud, (void)bytes, (void)len;
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ctx = fuzz_ctx("fuzz_text");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rc_doc *doc;
    if (fuzz_parse_text(ctx, data, size, &doc) == RC_OK) {
        size_t n, len;
        const char *text = rc_doc_text(doc, &len);
        const rc_token *t = rc_doc_tokens(doc, &n);
        for (size_t i = 0; i < n; i++) /* every token lies inside the text, in order */
            if (t[i].start >= t[i].end || t[i].end > len || (i && t[i].start < t[i - 1].end))
                abort();
        const rc_span *s = rc_doc_sentences(doc, &n);
        for (size_t i = 0; i < n; i++)
            if (s[i].start > s[i].end || s[i].end > len)
                abort();
        if (text[len] != '\0')
            abort();
        rc_doc_write_json(doc, RC_JSON_TEXT, discard, NULL);
        rc_doc_free(doc);
    }
    return 0;
}
