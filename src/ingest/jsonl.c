/*
 * jsonl.c - JSON Lines exports: one article per line, {"text": ...} or {"html": ...} with
 * optional url, title, site, date, author and id. A line that is not such an object is named
 * "file:LINE" to the error callback and skipped; the other lines are still read.
 *
 * The document's bytes (which doc.id hashes) are the UTF-8 bytes of the "html" field when there
 * is one, else of the "text" field: a page exported as {"html": ...} has the same id and the same
 * extracted text and metadata as the same page saved as a file.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/container.h"

/* A string member of obj, or NULL; numbers are accepted for "id" and written into buf. */
static const char *jsonl_str(const json_t *obj, const char *key, char *buf, size_t cap)
{
    const json_t *v = json_object_get(obj, key);
    if (json_is_string(v))
        return json_string_value(v);
    if (buf && json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    return NULL;
}

/* Reads one line: hands its document to fn, or reports why it cannot. Returns what fn returned
 * (0 to go on). */
static int jsonl_line(const char *path, size_t lineno, const char *s, size_t n, rc_source_fn fn,
                      rc_error_fn onerr, void *ud)
{
    size_t plen = strlen(path) + 24;
    char *where = malloc(plen);
    if (!where)
        return RC_ENOMEM;
    snprintf(where, plen, "%s:%zu", path, lineno);
    json_error_t err;
    json_t *obj = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    int r = 0;
    const json_t *body;
    if (!obj) {
        if (onerr) {
            char detail[256];
            snprintf(detail, sizeof detail, "not JSON: %s at column %d", err.text, err.column);
            onerr(ud, where, RC_EFORMAT, detail);
        }
    } else if (!json_is_object(obj)) {
        if (onerr)
            onerr(ud, where, RC_EFORMAT, "not a JSON object");
    } else if (!json_is_string(body = json_object_get(obj, "html")) &&
               !json_is_string(body = json_object_get(obj, "text"))) {
        if (onerr)
            onerr(ud, where, RC_EFORMAT, "no text or html field");
    } else {
        char idbuf[32];
        rc_source src;
        memset(&src, 0, sizeof src);
        src.path = where;
        src.data = json_string_value(body);
        src.len = json_string_length(body);
        src.format = body == json_object_get(obj, "html") ? RC_FORMAT_HTML : RC_FORMAT_TEXT;
        src.id = jsonl_str(obj, "id", idbuf, sizeof idbuf);
        src.url = jsonl_str(obj, "url", NULL, 0);
        src.title = jsonl_str(obj, "title", NULL, 0);
        src.site = jsonl_str(obj, "site", NULL, 0);
        src.author = jsonl_str(obj, "author", NULL, 0);
        src.date = jsonl_str(obj, "date", NULL, 0);
        r = fn(ud, &src);
    }
    json_decref(obj);
    free(where);
    return r;
}

int rc_jsonl_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                  rc_error_fn onerr, void *ud)
{
    if (!fn || (!bytes && len))
        return RC_EINVAL;
    size_t i = 0, lineno = 0;
    if (len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < len) {
        const char *nl = memchr(bytes + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - bytes) : len;
        lineno++;
        size_t s = i, t = e;
        while (s < t && (bytes[s] == ' ' || bytes[s] == '\t' || bytes[s] == '\r'))
            s++;
        while (t > s && (bytes[t - 1] == ' ' || bytes[t - 1] == '\t' || bytes[t - 1] == '\r'))
            t--;
        if (t > s) { /* blank lines are allowed between records */
            int r = jsonl_line(path, lineno, bytes + s, t - s, fn, onerr, ud);
            if (r)
                return r;
        }
        i = nl ? e + 1 : len;
    }
    return RC_OK;
}
