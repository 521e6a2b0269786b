/*
 * fuzz_warc.c - libFuzzer target for the WARC reader: records, HTTP headers, chunked bodies,
 * gzip content encoding, truncation. Every source handed out is read to its last byte.
 */
#include <stddef.h>
#include <stdint.h>

#include "ingest/container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touches every byte of a source, so that ASan sees bounds errors. */
static int fuzz_doc(void *ud, const rc_source *src)
{
    unsigned *sum = ud;
    const unsigned char *b = src->data;
    for (size_t i = 0; i < src->len; i++)
        *sum += b[i];
    return 0;
}

/* Ignores errors. */
static void fuzz_err(void *ud, const char *where, int status, const char *detail)
{
    (void)ud, (void)where, (void)status, (void)detail;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned sum = 0;
    rc_warc_each("f.warc", (const char *)data, size, fuzz_doc, fuzz_err, &sum);
    return 0;
}
