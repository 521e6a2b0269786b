/*
 * json.h - streaming JSON writer into an rc_buf. It tracks commas and nesting so that callers
 * write fields in order and never format JSON by hand. Strings must be valid UTF-8 (every text
 * recoupe emits has been decoded and validated first); control characters are escaped.
 */
#ifndef RC_JSON_H
#define RC_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <stdint.h>

#include "util/buf.h"

#define RC_JSON_MAXDEPTH 32

typedef struct rc_json {
    rc_buf *out;
    int depth;
    bool need_comma[RC_JSON_MAXDEPTH];
    bool after_key;
    /* set by the caller: a null written after a key of an object nested three deep or more (the
     * objects inside a document's arrays, RC_JSON_COMPACT) is left out with its key, which a
     * reader then takes for null */
    bool omit_null;
    bool key_comma; /* whether the last key was written after a comma */
    size_t key_at;  /* where the last key (with its comma) starts in out */
} rc_json;

/* Starts a writer that appends to out (borrowed). */
void rc_json_init(rc_json *j, rc_buf *out);

void rc_json_obj(rc_json *j);      /* { */
void rc_json_obj_end(rc_json *j);  /* } */
void rc_json_arr(rc_json *j);      /* [ */
void rc_json_arr_end(rc_json *j);  /* ] */
/* Writes a key of n bytes: plain ASCII, written unescaped. */
void rc_json_keyn(rc_json *j, const char *key, size_t n);
/* The body of rc_json_keyn, inline: the comma, the quoted key and the colon in the room of one
 * reserve (keys are recoupe's own identifiers, written without escaping). */
static inline void rc_json_key_put(rc_json *j, const char *key, size_t n)
{
    if (rc_buf_reserve(j->out, n + 4))
        return;
    char *o = j->out->data + j->out->len;
    size_t k = 0;
    j->key_at = j->out->len;
    if (j->after_key)
        j->after_key = false;
    else if (j->need_comma[j->depth])
        o[k++] = ',';
    j->key_comma = k != 0;
    j->need_comma[j->depth] = true;
    o[k++] = '"';
    memcpy(o + k, key, n);
    k += n;
    o[k++] = '"';
    o[k++] = ':';
    o[k] = '\0';
    j->out->len += k;
    j->after_key = true;
}
/* rc_json_keyn of a NUL-terminated key, inline, so that a literal key's length is a constant and
 * its copy a few moves rather than a call to memcpy (the output has a key for every value). */
static inline void rc_json_key(rc_json *j, const char *key)
{
    rc_json_key_put(j, key, strlen(key));
}
void rc_json_str(rc_json *j, const char *s, size_t len);
void rc_json_strz(rc_json *j, const char *s); /* NULL writes null */
void rc_json_num(rc_json *j, double v);       /* integers without a fraction; NaN writes null */
void rc_json_int(rc_json *j, int64_t v);
void rc_json_bool(rc_json *j, bool v);
void rc_json_null(rc_json *j); /* or nothing, key and all, under omit_null (see rc_json) */
/* Writes s[0..n), a value already in JSON form (one the caller had a writer format before, say,
 * and writes again), after its comma when one is due. */
void rc_json_raw(rc_json *j, const char *s, size_t n);

/* Appends s as a JSON string literal (with quotes) to b; exposed for callers without a writer. */
void rc_json_escape(rc_buf *b, const char *s, size_t len);

#endif
