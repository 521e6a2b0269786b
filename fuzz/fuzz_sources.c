/*
 * fuzz_sources.c - libFuzzer target for the sources stage: quotation pairing, speakers and
 * attribution chains on arbitrary bytes read as a plain-text file. The stage is run on every
 * input, French or not, and every span it reports must lie inside the text, in order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/doc.h"
#include "extract/sources.h"
#include "fuzz_ctx.h"
#include "recoupe.h"

static rc_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ctx = fuzz_ctx("fuzz_sources");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rc_doc *doc;
    if (fuzz_parse_text(ctx, data, size, &doc) != RC_OK)
        return 0;
    rc_stage_env env = {NULL, NULL};
    if (rc_stage_sources(doc, &env) != RC_OK)
        abort();
    uint32_t prev = 0;
    for (size_t i = 0; i < doc->nquotes; i++) {
        const rc_quote *q = &doc->quotes[i];
        if (q->start > q->end || q->end > doc->len || q->start < prev)
            abort();
        prev = q->start;
        if (q->has_speaker && !q->speaker.name)
            abort();
    }
    prev = 0;
    for (size_t i = 0; i < doc->nattrs; i++) {
        const rc_attribution *at = &doc->attrs[i];
        if (at->start > at->end || at->end > doc->len || at->scope_start > at->scope_end ||
            at->scope_end > doc->len || at->start < prev || !at->nchain || !at->cue)
            abort();
        prev = at->start;
        if (at->quote >= (int32_t)doc->nquotes)
            abort();
        for (size_t k = 0; k < at->nchain; k++)
            if (!at->chain[k].name || !at->chain[k].key)
                abort();
    }
    rc_doc_free(doc);
    return 0;
}
