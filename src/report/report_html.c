/*
 * report_html.c - the dossier's output stream and its escaping (see report_html.h).
 */
#include "report/report_html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/fold.h"

#define RP_FLUSH_AT (1u << 16)

/* Starts an empty stream; nothing is allocated until the first write. */
void rp_out_init(rp_out *o, rc_write_fn fn, void *ud)
{
    o->b = (rc_buf)RC_BUF_INIT;
    o->fn = fn;
    o->ud = ud;
    o->err = 0;
}

/* Hands the buffer to the caller so that a dossier of thousands of articles is never whole in
 * memory. */
int rp_out_flush(rp_out *o)
{
    if (!o->err && o->b.err)
        o->err = o->b.err;
    if (o->fn && o->b.len) {
        if (!o->err)
            o->err = o->fn(o->ud, o->b.data, o->b.len);
        rc_buf_reset(&o->b);
    }
    return o->err;
}

/* Ends the stream: the rest is written, the buffer freed. */
int rp_out_done(rp_out *o)
{
    int err = rp_out_flush(o);
    if (o->fn)
        rc_buf_free(&o->b);
    return err;
}

/* Flushes when the buffer is large; called after each piece. */
static void out_maybe_flush(rp_out *o)
{
    if (o->fn && o->b.len >= RP_FLUSH_AT)
        rp_out_flush(o);
}

/* Markup of the dossier itself. */
void rp_raw(rp_out *o, const char *s)
{
    rc_buf_puts(&o->b, s);
    out_maybe_flush(o);
}

/* Formatted markup of the dossier itself; arguments must not come from a document. */
void rp_rawf(rp_out *o, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    rc_buf_append(&o->b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
    out_maybe_flush(o);
}

/* The escaping of all contexts the dossier puts text in: since < > & " ' are all references,
 * a string can neither close an element (</svg>, </title>) nor leave an attribute. */
void rp_esc(rp_out *o, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0; /* start of the bytes copied as they are */
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        const char *rep = NULL;
        size_t k = 1;
        if (c < 0x80) {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            case '\t': case '\n': break;
            default:
                if (c < 0x20 || c == 0x7f)
                    rep = "";
            }
        } else {
            int32_t cp;
            k = rc_utf8_decode(p + i, len - i, &cp);
            if (k == 0) {
                rep = "\xef\xbf\xbd";
                k = 1;
            } else if (cp < 0xa0 || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe) {
                rep = ""; /* C1 controls and noncharacters */
            }
        }
        if (rep) {
            rc_buf_append(&o->b, s + run, i - run);
            rc_buf_puts(&o->b, rep);
            run = i + k;
        }
        i += k;
    }
    rc_buf_append(&o->b, s + run, len - run);
    out_maybe_flush(o);
}

void rp_escz(rp_out *o, const char *s, const char *fallback)
{
    if (s)
        rp_esc(o, s, strlen(s));
    else if (fallback)
        rp_esc(o, fallback, strlen(fallback));
}

size_t rp_utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
        n--;
    return n;
}

/* Long strings (sentences, explanations) are cut for tooltips and tables. */
void rp_esc_cut(rp_out *o, const char *s, size_t max)
{
    if (!s)
        return;
    size_t len = strlen(s), n = rp_utf8_cut(s, len, max);
    rp_esc(o, s, n);
    if (n < len)
        rp_raw(o, "…");
}

/* Figures as an analyst reads them: grouped thousands, no spurious decimals. */
void rp_num(rp_out *o, double v)
{
    char tmp[64];
    if (isnan(v)) {
        rp_raw(o, "—");
        return;
    }
    if (isinf(v) || fabs(v) >= 1e15) {
        snprintf(tmp, sizeof tmp, "%.3g", v);
        rp_raw(o, tmp);
        return;
    }
    if (v != floor(v)) {
        if (fabs(v) < 100) {
            snprintf(tmp, sizeof tmp, "%.3g", v);
            rp_raw(o, tmp);
            return;
        }
        v = round(v); /* an estimate of hundreds or more: its decimals mean nothing */
    }
    long long n = (long long)v;
    if (n < 0) {
        rp_raw(o, "−");
        n = -n;
    }
    snprintf(tmp, sizeof tmp, "%lld", n);
    size_t len = strlen(tmp);
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0 && len > 4)
            rc_buf_puts(&o->b, "\xe2\x80\xaf"); /* U+202F */
        rc_buf_putc(&o->b, tmp[i]);
    }
}
