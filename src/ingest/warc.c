/*
 * warc.c - WARC crawls (ISO 28500, versions 0.18 to 1.1): one document per `response` record
 * that holds a successful HTTP response with a text or HTML body. The HTTP status line and
 * headers are parsed: the body is de-chunked (Transfer-Encoding: chunked) and inflated
 * (Content-Encoding: gzip or deflate), and the charset of Content-Type is handed on. Other record
 * types (request, metadata, warcinfo...), other media types and non-2xx responses are skipped
 * without a word. A record whose Content-Length runs past the end of the file keeps what is
 * there and is reported. Documents are named "file#N", N counting the file's records from 1;
 * doc.id hashes the body as delivered (after de-chunking and inflating), so a page has the same
 * id in a crawl as saved to a file. A .warc.gz is inflated member by member (one record each,
 * with per-record gzip) and read as it comes, so memory holds one record, not the crawl.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "ingest/container.h"

/* Largest decoded body accepted from one record. */
#define WARC_BODY_LIMIT ((size_t)1 << 28)

/* One header line "Name: value" of a header block, found by name (case-insensitive). The value
 * is trimmed; returns its length, or -1 when absent. */
static long warc_header(const char *h, size_t n, const char *name, const char **val)
{
    size_t k = strlen(name);
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(h + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - h) : n;
        if (e - i > k && h[i + k] == ':' && strncasecmp(h + i, name, k) == 0) {
            size_t s = i + k + 1, t = e;
            while (s < t && (h[s] == ' ' || h[s] == '\t'))
                s++;
            while (t > s && (h[t - 1] == '\r' || h[t - 1] == ' ' || h[t - 1] == '\t'))
                t--;
            *val = h + s;
            return (long)(t - s);
        }
        i = e + 1;
    }
    return -1;
}

/* The end of a header block that starts at s: the position after the blank line (CRLF CRLF or
 * LF LF), or 0 when there is none. */
static size_t warc_headers_end(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\n')
            continue;
        if (s[i + 1] == '\n')
            return i + 2;
        if (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* Whether a header value contains a token, ignoring case ("chunked", "gzip"). */
static bool warc_has(const char *v, long n, const char *tok)
{
    size_t k = strlen(tok);
    for (long i = 0; n >= 0 && i + (long)k <= n; i++)
        if (strncasecmp(v + i, tok, k) == 0)
            return true;
    return false;
}

/* Decodes a chunked body into a malloc'd buffer; a malformed or cut tail keeps what came
 * before it. */
static int warc_dechunk(const char *s, size_t n, char **out, size_t *outlen)
{
    char *buf = malloc(n + 1);
    if (!buf)
        return RC_ENOMEM;
    size_t w = 0, i = 0;
    while (i < n) {
        size_t size = 0, k = i;
        int digits = 0;
        for (; k < n; k++) {
            char c = s[k];
            int v = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
            if (v < 0 || digits > 14)
                break;
            size = size * 16 + (size_t)v;
            digits++;
        }
        if (!digits)
            break;
        const char *nl = memchr(s + k, '\n', n - k); /* chunk extensions end with the line */
        if (!nl || size == 0)
            break;
        i = (size_t)(nl - s) + 1;
        if (size > n - i)
            size = n - i;
        memcpy(buf + w, s + i, size);
        w += size;
        i += size;
        if (i < n && s[i] == '\r')
            i++;
        if (i < n && s[i] == '\n')
            i++;
    }
    *out = buf;
    *outlen = w;
    return RC_OK;
}

/* Copies a header value's charset parameter into cs (empty when none). */
static void warc_charset(const char *v, long n, char cs[48])
{
    cs[0] = '\0';
    for (long i = 0; n >= 0 && i + 8 <= n; i++) {
        if (strncasecmp(v + i, "charset=", 8) != 0)
            continue;
        long s = i + 8, e;
        while (s < n && (v[s] == '"' || v[s] == '\''))
            s++;
        for (e = s; e < n && v[e] != '"' && v[e] != '\'' && v[e] != ';' && v[e] != ' '; e++)
            ;
        if (e > s && e - s < 48) {
            memcpy(cs, v + s, (size_t)(e - s));
            cs[e - s] = '\0';
        }
        return;
    }
}

/* Reads the HTTP response in one record's block and hands its body to fn. */
static int warc_response(const char *where, const char *uri, const char *blk, size_t n,
                         rc_source_fn fn, rc_error_fn onerr, void *ud)
{
    if (n < 12 || strncmp(blk, "HTTP/", 5) != 0)
        return 0; /* not an HTTP response (dns:, ftp: ...) */
    const char *sp = memchr(blk, ' ', n < 16 ? n : 16);
    if (!sp || sp + 4 > blk + n)
        return 0;
    int code = 0;
    for (int k = 1; k <= 3; k++)
        code = code * 10 + (sp[k] >= '0' && sp[k] <= '9' ? sp[k] - '0' : 0);
    if (code < 200 || code > 299)
        return 0;
    size_t he = warc_headers_end(blk, n);
    if (!he) {
        if (onerr)
            onerr(ud, where, RC_EFORMAT, "HTTP headers do not end; record skipped");
        return 0;
    }
    const char *ct = NULL, *te = NULL, *ce = NULL;
    long ctl = warc_header(blk, he, "Content-Type", &ct);
    long tel = warc_header(blk, he, "Transfer-Encoding", &te);
    long cel = warc_header(blk, he, "Content-Encoding", &ce);
    rc_format fmt = RC_FORMAT_AUTO;
    if (ctl >= 0) {
        if (warc_has(ct, ctl, "html"))
            fmt = RC_FORMAT_HTML;
        else if (warc_has(ct, ctl, "text/plain"))
            fmt = RC_FORMAT_TEXT;
        else
            return 0; /* images, scripts, style sheets, JSON... */
    }
    const char *body = blk + he;
    size_t blen = n - he;
    char *dechunked = NULL, *inflated = NULL;
    int status = 0;
    if (tel >= 0 && warc_has(te, tel, "chunked")) {
        if ((status = warc_dechunk(body, blen, &dechunked, &blen)))
            return status;
        body = dechunked;
    }
    if (cel >= 0 && (warc_has(ce, cel, "gzip") || warc_has(ce, cel, "deflate"))) {
        int truncated;
        size_t ilen;
        status = rc_gunzip(body, blen, WARC_BODY_LIMIT, &inflated, &ilen, &truncated);
        if (status == RC_ENOMEM) {
            free(dechunked);
            return status;
        }
        if (status) {
            if (onerr)
                onerr(ud, where, status, "cannot inflate the HTTP body; record skipped");
            free(dechunked);
            return 0;
        }
        if (truncated && onerr)
            onerr(ud, where, RC_EFORMAT, "compressed HTTP body ends early; kept what was there");
        body = inflated;
        blen = ilen;
    }
    char cs[48];
    warc_charset(ct, ctl, cs);
    rc_source src;
    memset(&src, 0, sizeof src);
    src.path = where;
    src.data = body;
    src.len = blen;
    src.format = fmt;
    src.charset = cs[0] ? cs : NULL;
    src.url = uri;
    int r = fn(ud, &src);
    free(inflated);
    free(dechunked);
    return r;
}

/* Finds the next line that starts with "WARC/" at or after i; len when there is none. */
static size_t warc_resync(const char *s, size_t len, size_t i)
{
    while (i + 5 <= len) {
        const char *m = memmem(s + i, len - i, "WARC/", 5);
        if (!m)
            return len;
        size_t at = (size_t)(m - s);
        if (at == 0 || s[at - 1] == '\n')
            return at;
        i = at + 1;
    }
    return len;
}

/* Where a reader is in a crawl: its name, the records counted so far, the callbacks. */
typedef struct warc_state {
    const char *path;
    char *where; /* "path#N" of the record being read */
    size_t plen, recno;
    rc_source_fn fn;
    rc_error_fn onerr;
    void *ud;
} warc_state;

/* Names record recno + 1 in st->where and reports a problem with it. */
static void warc_report(warc_state *st, const char *detail)
{
    snprintf(st->where, st->plen, "%s#%zu", st->path, st->recno + 1);
    if (st->onerr)
        st->onerr(st->ud, st->where, RC_EFORMAT, detail);
}

/* Reads the records of bytes[0..len). When more bytes may follow (final false), stops before a
 * record that is not complete yet and sets *used to where it starts; at the end of the input
 * (final true) a cut record keeps what is there. Returns what fn returned, or RC_ENOMEM. */
static int warc_records(warc_state *st, const char *bytes, size_t len, bool final, size_t *used)
{
    size_t i = 0;
    int r = 0;
    while (!r) {
        while (i < len && (bytes[i] == '\r' || bytes[i] == '\n'))
            i++;
        if (i >= len || (!final && len - i < 5))
            break;
        if (len - i < 5 || memcmp(bytes + i, "WARC/", 5) != 0) {
            warc_report(st, "not a WARC record; skipped to the next one");
            st->recno++;
            i = warc_resync(bytes, len, i + 1);
            continue;
        }
        size_t he = warc_headers_end(bytes + i, len - i);
        if (!he) {
            if (!final)
                break;
            warc_report(st, "WARC headers do not end; file ends here");
            st->recno++;
            i = len;
            break;
        }
        const char *h = bytes + i, *v;
        long vl = warc_header(h, he, "Content-Length", &v);
        if (vl <= 0) {
            warc_report(st, "no Content-Length; skipped to the next record");
            st->recno++;
            i = warc_resync(bytes, len, i + he);
            continue;
        }
        unsigned long long clen = 0; /* the value is not NUL-terminated: digits by hand */
        for (long k = 0; k < vl && v[k] >= '0' && v[k] <= '9' && clen < (1ull << 60); k++)
            clen = clen * 10 + (unsigned long long)(v[k] - '0');
        size_t start = i + he, avail = len - start;
        if (clen > avail && !final)
            break;
        size_t blen = clen > avail ? avail : (size_t)clen;
        if (clen > avail)
            warc_report(st, "record runs past the end of the file; kept what was there");
        st->recno++;
        snprintf(st->where, st->plen, "%s#%zu", st->path, st->recno);
        const char *type;
        long tl = warc_header(h, he, "WARC-Type", &type);
        if (tl == 8 && strncasecmp(type, "response", 8) == 0) {
            const char *u;
            long ul = warc_header(h, he, "WARC-Target-URI", &u);
            char *uri = NULL;
            if (ul > 0) {
                if (u[0] == '<' && ul >= 2 && u[ul - 1] == '>') /* WARC 1.0 draft form */
                    u++, ul -= 2;
                if (!(uri = strndup(u, (size_t)ul)))
                    return RC_ENOMEM;
            }
            r = warc_response(st->where, uri, bytes + start, blen, st->fn, st->onerr, st->ud);
            free(uri);
        }
        i = start + blen;
    }
    *used = i;
    return r;
}

/* Starts a reader state; st->where is malloc'd and freed by the caller. */
static int warc_start(warc_state *st, const char *path, rc_source_fn fn, rc_error_fn onerr,
                      void *ud)
{
    st->path = path;
    st->plen = strlen(path) + 24;
    st->recno = 0;
    st->fn = fn;
    st->onerr = onerr;
    st->ud = ud;
    return (st->where = malloc(st->plen)) ? RC_OK : RC_ENOMEM;
}

int rc_warc_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                 rc_error_fn onerr, void *ud)
{
    if (!fn || (!bytes && len))
        return RC_EINVAL;
    warc_state st;
    if (warc_start(&st, path, fn, onerr, ud))
        return RC_ENOMEM;
    size_t used;
    int r = warc_records(&st, bytes, len, true, &used);
    free(st.where);
    return r;
}

int rc_warcgz_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                   rc_error_fn onerr, void *ud)
{
    if (!fn || (!bytes && len))
        return RC_EINVAL;
    warc_state st;
    if (warc_start(&st, path, fn, onerr, ud))
        return RC_ENOMEM;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 32) != Z_OK) { /* +32: gzip or zlib header */
        free(st.where);
        return RC_ENOMEM;
    }
    size_t cap = (size_t)1 << 20, have = 0, used;
    char *buf = malloc(cap);
    const unsigned char *in = (const unsigned char *)bytes;
    size_t left = len;
    int r = buf ? 0 : RC_ENOMEM;
    while (!r) {
        if (have == cap) { /* one record bigger than the buffer: grow, up to the gzip limit */
            size_t ncap = cap * 2;
            char *nb = ncap <= RC_GZ_LIMIT ? realloc(buf, ncap) : NULL;
            if (!nb) {
                r = ncap <= RC_GZ_LIMIT ? RC_ENOMEM : 0;
                if (!r && onerr)
                    onerr(ud, path, RC_ETOOBIG, "a record inflates past the limit; stopped");
                break;
            }
            buf = nb;
            cap = ncap;
        }
        uInt chunk_in = left > (1u << 30) ? (1u << 30) : (uInt)left;
        uInt chunk_out = cap - have > (1u << 30) ? (1u << 30) : (uInt)(cap - have);
        zs.next_in = (Bytef *)in;
        zs.avail_in = chunk_in;
        zs.next_out = (Bytef *)buf + have;
        zs.avail_out = chunk_out;
        int z = inflate(&zs, Z_NO_FLUSH);
        in += chunk_in - zs.avail_in;
        left -= chunk_in - zs.avail_in;
        have += chunk_out - zs.avail_out;
        if (z == Z_STREAM_END || have == cap) {
            /* a member ends (a record, with per-record gzip) or the buffer is full: read the
             * complete records and keep the rest for later */
            if ((r = warc_records(&st, buf, have, false, &used)))
                break;
            memmove(buf, buf + used, have - used);
            have -= used;
        }
        if (z == Z_STREAM_END) {
            while (left && *in == 0) /* padding some writers put between members */
                in++, left--;
            if (!left || inflateReset(&zs) != Z_OK)
                break;
            continue;
        }
        if (z == Z_BUF_ERROR && left == 0) {
            if (onerr)
                onerr(ud, path, RC_EFORMAT, "gzip data ends early; kept what was there");
            break;
        }
        if (z != Z_OK && z != Z_BUF_ERROR) {
            if (onerr)
                onerr(ud, path, RC_EFORMAT, "corrupt gzip data; kept what came before");
            break;
        }
    }
    if (!r && buf)
        r = warc_records(&st, buf, have, true, &used);
    inflateEnd(&zs);
    free(buf);
    free(st.where);
    return r;
}
