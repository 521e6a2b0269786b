/*
 * fmt.h - integers and calendar days written as text without printf: offsets, counts and dates
 * are most of what recoupe writes, and printf (with its locale) is slow and not needed for them.
 */
#ifndef RC_FMT_H
#define RC_FMT_H

#include <stddef.h>
#include <stdint.h>

/* Writes v in decimal into buf of cap bytes, NUL-terminated; returns the length written. A buffer
 * too small for v gets the empty string and 0 (24 bytes hold any int64_t). */
size_t rc_fmt_int(char *buf, size_t cap, int64_t v);

/* Writes the n last decimal digits of v at p, with leading zeros; no NUL. */
void rc_fmt_digits(char *p, unsigned v, int n);

/* Writes "YYYY-MM-DD" (10 bytes and a NUL) for y-m-d, each field taken modulo its width. */
void rc_fmt_ymd(char buf[11], int y, int m, int d);

#endif
