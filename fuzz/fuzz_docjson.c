/*
 * fuzz_docjson.c - libFuzzer target for rc_doc_from_json, the reader of stored documents: any
 * input it accepts must write back (rc_doc_write_json reads every span it holds) and read again
 * into a document that writes the same bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "recoupe.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rc_ctx *ctx;

/* Appends the bytes of rc_doc_write_json to an rc_buf. */
static int to_buf(void *ud, const char *bytes, size_t len)
{
    rc_buf *b = ud;
    rc_buf_append(b, bytes, len);
    return b->err;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && rc_ctx_new(RC_DATADIR_FUZZ, NULL, 0, &ctx) != RC_OK)
        abort();
    rc_doc *doc;
    if (rc_doc_from_json(ctx, (const char *)data, size, &doc) != RC_OK)
        return 0;
    rc_buf a = RC_BUF_INIT, b = RC_BUF_INIT;
    unsigned flags = RC_JSON_TEXT | RC_JSON_EXPLAIN;
    if (rc_doc_write_json(doc, flags, to_buf, &a) != RC_OK)
        abort();
    rc_doc_free(doc);
    if (rc_doc_from_json(ctx, a.data, a.len, &doc) != RC_OK)
        abort(); /* what the writer wrote must read */
    if (rc_doc_write_json(doc, flags, to_buf, &b) != RC_OK)
        abort();
    if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
        abort(); /* and write the same bytes again */
    rc_doc_free(doc);
    rc_buf_free(&a);
    rc_buf_free(&b);
    return 0;
}
