/*
 * buf.c - growable byte buffer. Errors are sticky so that a long sequence of appends needs one
 * check at the end, as in stdio.
 */
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recoupe.h"

int rc_buf_grow(rc_buf *b, size_t n)
{
    if (b->err)
        return b->err;
    if (b->len + n + 1 <= b->cap)
        return RC_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->err = RC_ENOMEM;
            return b->err;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->err = RC_ENOMEM;
        return b->err;
    }
    b->data = p;
    b->cap = cap;
    return RC_OK;
}

void rc_buf_printf(rc_buf *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        rc_buf_append(b, small, (size_t)n);
        return;
    }
    if (rc_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void rc_buf_reset(rc_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void rc_buf_free(rc_buf *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->err = 0;
}
