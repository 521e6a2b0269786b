/*
 * report_html.h - the dossier's output stream and the escaping of every string put into it.
 *
 * Article text is hostile: every string from a document goes through rp_esc (text, attribute
 * values and SVG <text> alike, which all accept the same escapes), never through rp_raw, which is
 * for the dossier's own markup only. Output is gathered in a buffer and handed to the caller's
 * write function in large pieces.
 */
#ifndef RP_HTML_H
#define RP_HTML_H

#include <stddef.h>

#include "recoupe.h"
#include "util/buf.h"

typedef struct rp_out {
    rc_buf b;
    rc_write_fn fn; /* borrowed; NULL keeps everything in b (tests) */
    void *ud;
    int err; /* the first failure of fn or of the buffer */
} rp_out;

/* Starts a stream to fn (NULL: keep all in o->b). */
void rp_out_init(rp_out *o, rc_write_fn fn, void *ud);
/* Hands what is buffered to fn; returns o->err. */
int rp_out_flush(rp_out *o);
/* Flushes and frees the buffer; returns the stream's status. */
int rp_out_done(rp_out *o);

/* The dossier's own markup, written as is. */
void rp_raw(rp_out *o, const char *s);
void rp_rawf(rp_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Escapes len bytes of s for HTML text or a quoted attribute value: & < > " ' as references,
 * control characters other than tab and line feed dropped, bytes that are not UTF-8 as U+FFFD. */
void rp_esc(rp_out *o, const char *s, size_t len);
/* rp_esc of a NUL-terminated string; NULL writes fallback (dossier text, may be NULL). */
void rp_escz(rp_out *o, const char *s, const char *fallback);
/* rp_esc of at most max bytes of s, cut on a character boundary, with "…" when cut. */
void rp_esc_cut(rp_out *o, const char *s, size_t max);

/* Writes a figure for people: 12 000 (narrow no-break space between thousands), 0.5, 1.2e+09;
 * an em dash for NAN. */
void rp_num(rp_out *o, double v);

/* The length of the longest prefix of s[0..len) that ends on a UTF-8 character boundary and is
 * at most max bytes. */
size_t rp_utf8_cut(const char *s, size_t len, size_t max);

#endif
