/*
 * fmt.c - decimal digits written from the end, where the length is known, in one pass.
 */
#include "util/fmt.h"

#include <assert.h>
#include <string.h>

/* "00" to "99": two digits per division, as offsets of thousands have four or five. */
static const char fmt_pairs[201] = "00010203040506070809101112131415161718192021222324252627282930"
                                   "31323334353637383940414243444546474849505152535455565758596061"
                                   "62636465666768697071727374757677787980818283848586878889909192"
                                   "93949596979899";

size_t rc_fmt_int(char *buf, size_t cap, int64_t v)
{
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    /* the digit count by comparisons, not divisions: 10^19 is the last power below 2^64 */
    size_t nd = 1;
    for (uint64_t p = 10; nd < 20 && u >= p; p *= 10)
        nd++;
    size_t len = nd + (v < 0);
    if (cap == 0)
        return 0;
    if (len >= cap) {
        buf[0] = '\0';
        return 0;
    }
    char *p = buf + len;
    *p = '\0';
    while (u >= 100) {
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        p -= 2;
        memcpy(p, fmt_pairs + 2 * r, 2);
    }
    if (u >= 10) {
        p -= 2;
        memcpy(p, fmt_pairs + 2 * u, 2);
    } else {
        *--p = (char)('0' + u);
    }
    if (v < 0)
        *--p = '-';
    assert(p == buf);
    return len;
}

void rc_fmt_digits(char *p, unsigned v, int n)
{
    for (int k = n - 1; k >= 0; k--) {
        p[k] = (char)('0' + v % 10);
        v /= 10;
    }
}

void rc_fmt_ymd(char buf[11], int y, int m, int d)
{
    rc_fmt_digits(buf, (unsigned)y % 10000u, 4);
    buf[4] = '-';
    rc_fmt_digits(buf + 5, (unsigned)m % 100u, 2);
    buf[7] = '-';
    rc_fmt_digits(buf + 8, (unsigned)d % 100u, 2);
    buf[10] = '\0';
}
