/*
 * fuzz_jsonl.c - libFuzzer target for the JSON Lines reader, and for the documents it yields:
 * each is parsed as a document (HTML or text) with the language data loaded.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ingest/container.h"
#include "recoupe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rc_ctx *ctx;

/* Parses one source as a document and frees it. */
static int fuzz_doc(void *ud, const rc_source *src)
{
    (void)ud;
    rc_doc *doc;
    if (rc_doc_parse(ctx, src, NULL, &doc) == RC_OK)
        rc_doc_free(doc);
    return 0;
}

/* Ignores errors. */
static void fuzz_err(void *ud, const char *where, int status, const char *detail)
{
    (void)ud, (void)where, (void)status, (void)detail;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && rc_ctx_new(RC_DATADIR_FUZZ, NULL, 0, &ctx) != RC_OK)
        abort();
    rc_jsonl_each("f.jsonl", (const char *)data, size, fuzz_doc, fuzz_err, NULL);
    return 0;
}
