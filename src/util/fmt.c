/*
 * fmt.c - decimal digits written from the end, where the length is known, in one pass.
 */
#include "util/fmt.h"

size_t rc_fmt_int(char *buf, size_t cap, int64_t v)
{
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    size_t len = 1 + (v < 0);
    for (uint64_t w = u; w >= 10; w /= 10)
        len++;
    if (cap == 0)
        return 0;
    if (len >= cap) {
        buf[0] = '\0';
        return 0;
    }
    char *p = buf + len;
    *p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
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
