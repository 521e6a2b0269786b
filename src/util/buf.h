/*
 * buf.h - growable byte buffer on the C heap, for output that outlives no document (JSON being
 * written, a file being read). Documents use their arena instead.
 */
#ifndef RC_BUF_H
#define RC_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct rc_buf {
    char *data; /* NUL-terminated when not NULL; owned by the buffer */
    size_t len, cap;
    int err; /* RC_ENOMEM once an append failed; later appends are ignored */
} rc_buf;

#define RC_BUF_INIT {NULL, 0, 0, 0}

/* rc_buf_reserve when the room is not there yet: grows the storage (or fails). */
int rc_buf_grow(rc_buf *b, size_t n);

/* Makes room for n more bytes; returns 0 or RC_ENOMEM (also remembered in b->err). Inline, as
 * JSON output makes many small appends that mostly fit. */
static inline int rc_buf_reserve(rc_buf *b, size_t n)
{
    if (!b->err && b->len + n + 1 <= b->cap)
        return 0;
    return rc_buf_grow(b, n);
}

/* Appends n bytes (inline for the same reason as rc_buf_reserve). */
static inline void rc_buf_append(rc_buf *b, const void *p, size_t n)
{
    if (rc_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Appends a NUL-terminated string (its length is known at compile time for literals). */
static inline void rc_buf_puts(rc_buf *b, const char *s)
{
    rc_buf_append(b, s, strlen(s));
}

/* Appends one byte; inline, as JSON output is made of many. */
static inline void rc_buf_putc(rc_buf *b, char c)
{
    if (b->len + 2 <= b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    rc_buf_append(b, &c, 1);
}
void rc_buf_printf(rc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer but keeps its storage. */
void rc_buf_reset(rc_buf *b);
/* Frees the storage; accepts NULL. */
void rc_buf_free(rc_buf *b);

#endif
