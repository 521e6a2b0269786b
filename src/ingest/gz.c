/*
 * gz.c - gzip and zlib decompression with zlib, for .gz inputs and .warc.gz crawls whose
 * records are separate gzip members. Output grows by doubling up to a caller's limit, so a
 * compression bomb stops at the limit instead of exhausting memory.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "ingest/container.h"

int rc_gunzip(const void *bytes, size_t len, size_t limit, char **out, size_t *outlen,
              int *truncated)
{
    *out = NULL;
    *outlen = 0;
    if (truncated)
        *truncated = 0;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 32) != Z_OK) /* +32: gzip or zlib header, detected */
        return RC_ENOMEM;
    size_t cap = len * 4 + 4096, used = 0;
    char *buf = malloc(cap);
    if (!buf) {
        inflateEnd(&zs);
        return RC_ENOMEM;
    }
    const unsigned char *in = bytes;
    size_t left = len;
    int status = RC_OK;
    for (;;) {
        if (used == cap) {
            if (cap >= limit) {
                status = RC_ETOOBIG;
                break;
            }
            size_t ncap = cap * 2 < limit ? cap * 2 : limit;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                status = RC_ENOMEM;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        uInt chunk_in = left > (1u << 30) ? (1u << 30) : (uInt)left;
        uInt chunk_out = cap - used > (1u << 30) ? (1u << 30) : (uInt)(cap - used);
        zs.next_in = (Bytef *)in;
        zs.avail_in = chunk_in;
        zs.next_out = (Bytef *)buf + used;
        zs.avail_out = chunk_out;
        int r = inflate(&zs, Z_NO_FLUSH);
        size_t consumed = chunk_in - zs.avail_in;
        in += consumed;
        left -= consumed;
        used += chunk_out - zs.avail_out;
        if (r == Z_STREAM_END) {
            /* another gzip member may follow (per-record WARC compression) */
            while (left && *in == 0) /* padding some writers add between members */
                in++, left--;
            if (!left)
                break;
            if (inflateReset(&zs) != Z_OK) {
                status = RC_EFORMAT;
                break;
            }
            continue;
        }
        if (r == Z_BUF_ERROR && left == 0) {
            if (truncated)
                *truncated = 1; /* the file ends inside a member: keep what came out */
            break;
        }
        if (r != Z_OK && r != Z_BUF_ERROR) {
            status = used ? RC_OK : RC_EFORMAT;
            if (truncated && used)
                *truncated = 1;
            break;
        }
    }
    inflateEnd(&zs);
    if (status) {
        free(buf);
        return status;
    }
    *out = buf;
    *outlen = used;
    return RC_OK;
}
