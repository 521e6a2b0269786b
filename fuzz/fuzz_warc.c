/*
 * fuzz_warc.c - libFuzzer target for the WARC reader: records, HTTP headers, chunked bodies,
 * gzip content encoding, truncation; the same bytes as a compressed crawl (rc_warcgz_each),
 * both raw (a corrupt stream) and deflated. Every source handed out is read to its last byte.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

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
    rc_warcgz_each("f.warc.gz", (const char *)data, size, fuzz_doc, fuzz_err, &sum);
    uLongf zlen = compressBound(size);
    unsigned char *z = malloc(zlen);
    if (z && compress2(z, &zlen, data, size, 1) == Z_OK)
        rc_warcgz_each("g.warc.gz", (const char *)z, zlen, fuzz_doc, fuzz_err, &sum);
    free(z);
    return 0;
}
