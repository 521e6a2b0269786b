/*
 * json.c - streaming JSON writer. Escaping copies runs of plain bytes at once: the common case of
 * prose without quotes or control characters is one memcpy per string.
 */
#include "util/json.h"
#include "util/fmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void rc_json_init(rc_json *j, rc_buf *out)
{
    memset(j, 0, sizeof *j);
    j->out = out;
}

/* Writes the comma that separates this value from the previous one at the same level. */
static void json_sep(rc_json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->need_comma[j->depth])
        rc_buf_putc(j->out, ',');
    j->need_comma[j->depth] = true;
}

static void json_open(rc_json *j, char c)
{
    json_sep(j);
    rc_buf_putc(j->out, c);
    if (j->depth + 1 < RC_JSON_MAXDEPTH)
        j->depth++;
    j->need_comma[j->depth] = false;
}

static void json_close(rc_json *j, char c)
{
    rc_buf_putc(j->out, c);
    if (j->depth > 0)
        j->depth--;
}

void rc_json_obj(rc_json *j) { json_open(j, '{'); }
void rc_json_obj_end(rc_json *j) { json_close(j, '}'); }
void rc_json_arr(rc_json *j) { json_open(j, '['); }
void rc_json_arr_end(rc_json *j) { json_close(j, ']'); }

void rc_json_keyn(rc_json *j, const char *key, size_t n)
{
    rc_json_key_put(j, key, n);
}

/* The bytes rc_json_escape must rewrite (controls, '"', '\\', DEL): one load per byte decides,
 * as every string of the output goes through here. */
static const bool json_special[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
    [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1, [0x7f] = 1};

/* Whether one of the bytes of w is special (json_special): a byte below 0x20, '"', '\\' or DEL.
 * Each test is the classic "has a zero byte" of a word, exact for the word as a whole. */
static inline bool json_special64(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\'), del = w ^ (ones * 0x7f);
    uint64_t t = ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                 ((bslash - ones) & ~bslash) | ((del - ones) & ~del);
    return (t & high) != 0;
}

/* json_special64 of the eight bytes at s. */
static inline bool json_special8(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return json_special64(w);
}

/* json_special64 of the four bytes at s. */
static inline bool json_special4(const char *s)
{
    const uint32_t ones = 0x01010101u, high = 0x80808080u;
    uint32_t w;
    memcpy(&w, s, 4);
    uint32_t quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\'), del = w ^ (ones * 0x7f);
    uint32_t t = ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
                 ((bslash - ones) & ~bslash) | ((del - ones) & ~del);
    return (t & high) != 0;
}

#if defined(__SSE2__)
/* The special bytes (json_special) among the sixteen of v, as a bit mask (bit k: byte k). */
static inline unsigned json_special16(__m128i v)
{
    /* a control is a byte whose minimum with 0x1f is itself (unsigned) */
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)),
                     _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v)));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The index of the first special byte of s[from..len), or len. Sixteen bytes are tested at once
 * where SSE2 is (x86-64), eight elsewhere and for the tail, the last word overlapping the one
 * before rather than going byte by byte; bytes are looked at one by one only inside a word of
 * eight that holds a special one (or in a string of less than four bytes). Most strings (names,
 * keys, vocabulary words, the text between its line breaks) have none. */
static inline size_t json_plain_end(const char *s, size_t from, size_t len)
{
    size_t i = from;
#if defined(__SSE2__)
    for (; i + 16 <= len; i += 16) {
        unsigned m = json_special16(_mm_loadu_si128((const __m128i *)(const void *)(s + i)));
        if (m)
            return i + (unsigned)__builtin_ctz(m);
    }
#endif
    size_t n = len - i;
    if (n >= 8) {
        for (; i + 8 <= len; i += 8)
            if (json_special8(s + i))
                goto bytes;
        if (i == len || !json_special8(s + len - 8))
            return len;
        i = len - 8;
    } else if (n >= 4) {
        if (!json_special4(s + i) && !json_special4(s + len - 4))
            return len;
    }
bytes:
    while (i < len && !json_special[(unsigned char)s[i]])
        i++;
    return i;
}

/* memcpy(o, s, n), in a few moves of fixed size when n is at most 16 (most strings: names, keys,
 * vocabulary words), two of them overlapping, rather than a call. */
static inline void json_copy(char *o, const char *s, size_t n)
{
    if (n > 16) {
        memcpy(o, s, n);
    } else if (n >= 8) {
        memcpy(o, s, 8);
        memcpy(o + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(o, s, 4);
        memcpy(o + n - 4, s + n - 4, 4);
    } else {
        for (size_t k = 0; k < n; k++)
            o[k] = s[k];
    }
}

void rc_json_escape(rc_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    if (rc_buf_reserve(b, len + 2))
        return;
    /* most strings need no escape: one copy into the room made */
    size_t i = json_plain_end(s, 0, len);
    if (i == len) {
        char *o = b->data + b->len;
        o[0] = '"';
        json_copy(o + 1, s, len);
        o[len + 1] = '"';
        b->len += len + 2;
        b->data[b->len] = '\0';
        return;
    }
    rc_buf_putc(b, '"');
    size_t run = 0; /* the start of the plain bytes not yet copied */
    while (i < len) {
        /* s[i] is special: the plain run before it, its escape, then the next plain run */
        unsigned char c = (unsigned char)s[i];
        rc_buf_append(b, s + run, i - run);
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t n = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        }
        rc_buf_append(b, esc, n);
        run = i + 1;
        i = json_plain_end(s, run, len);
    }
    rc_buf_append(b, s + run, len - run);
    rc_buf_putc(b, '"');
}

void rc_json_str(rc_json *j, const char *s, size_t len)
{
    json_sep(j);
    rc_json_escape(j->out, s, len);
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The length of the C string s, and whether one of its bytes is special (json_special), in one
 * pass of sixteen bytes at a time. The loads are aligned, so they never cross into a page that
 * s does not touch; like the C library's strlen, they read bytes before s and after its NUL in
 * the same sixteen, which the address sanitizer would take for an overflow. */
__attribute__((no_sanitize_address)) static size_t json_strz_scan(const char *s,
                                                                    bool *special /* OUT */)
{
    uintptr_t at = (uintptr_t)s & ~(uintptr_t)15;
    unsigned skip = (unsigned)((uintptr_t)s - at);
    const __m128i *p = (const __m128i *)at;
    __m128i v = _mm_load_si128(p);
    unsigned zero = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())) >> skip;
    unsigned spec = json_special16(v) >> skip; /* a NUL is special too: only those before it */
    size_t done = 16 - skip;
    while (!zero) {
        if (spec) { /* the rest only for its length */
            *special = true;
            return done + strlen(s + done);
        }
        v = _mm_load_si128(++p);
        zero = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
        spec = json_special16(v);
        if (!zero)
            done += 16;
    }
    unsigned end = (unsigned)__builtin_ctz(zero);
    *special = (spec & ((1u << end) - 1)) != 0;
    return (size_t)(p - (const __m128i *)at) == 0 ? end : done + end;
}
#endif

void rc_json_strz(rc_json *j, const char *s)
{
    if (!s) {
        rc_json_null(j);
        return;
    }
    json_sep(j);
    rc_buf *b = j->out;
#if defined(__SSE2__) && defined(__GNUC__)
    /* the length and whether an escape is needed found at once; most of these strings (types,
     * keys, vocabulary words, names) need none and are copied as they are */
    bool special = false;
    size_t len = json_strz_scan(s, &special);
    if (special) {
        rc_json_escape(b, s, len);
        return;
    }
    if (rc_buf_reserve(b, len + 2))
        return;
    char *o = b->data + b->len;
    o[0] = '"';
    json_copy(o + 1, s, len);
    o[len + 1] = '"';
    o[len + 2] = '\0';
    b->len += len + 2;
#else
    /* most of these strings are short (types, keys, vocabulary words): they are copied while
     * their end is looked for, into room made for 32 bytes; a longer one, or one with a byte to
     * escape, goes the general way over what was written past the end of the buffer */
    if (rc_buf_reserve(b, 34))
        return;
    char *o = b->data + b->len;
    o[0] = '"';
    size_t i = 0;
    for (; i < 32; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!c) {
            o[i + 1] = '"';
            o[i + 2] = '\0';
            b->len += i + 2;
            return;
        }
        if (json_special[c])
            break;
        o[i + 1] = (char)c;
    }
    rc_json_escape(b, s, i + strlen(s + i));
#endif
}

/* Appends the decimal digits of v without going through printf: offsets and counts are most of
 * the numbers recoupe writes. */
static void put_int(rc_buf *b, int64_t v)
{
    if (rc_buf_reserve(b, 24)) /* any int64_t and its NUL, written in place */
        return;
    char *o = b->data + b->len;
    if (v >= 0 && v < 10000) { /* offsets in a text of a few kB, counts: two digits at a time */
        static const char d2[201] = "00010203040506070809101112131415161718192021222324252627282930"
                                    "31323334353637383940414243444546474849505152535455565758596061"
                                    "62636465666768697071727374757677787980818283848586878889909192"
                                    "93949596979899";
        unsigned u = (unsigned)v;
        size_t n;
        if (u < 10) {
            o[0] = (char)('0' + u);
            n = 1;
        } else if (u < 100) {
            memcpy(o, d2 + 2 * u, 2);
            n = 2;
        } else if (u < 1000) {
            o[0] = (char)('0' + u / 100);
            memcpy(o + 1, d2 + 2 * (u % 100), 2);
            n = 3;
        } else {
            memcpy(o, d2 + 2 * (u / 100), 2);
            memcpy(o + 2, d2 + 2 * (u % 100), 2);
            n = 4;
        }
        o[n] = '\0';
        b->len += n;
        return;
    }
    b->len += rc_fmt_int(o, 24, v);
}

/* printf writes the decimal point of the process locale (a French host program gets "1,5"):
 * whatever sits between the digits that is not an exponent or sign becomes one '.', and the
 * bytes of a multi-byte point are dropped. */
static void fix_decimal_point(char *s)
{
    char *w = s;
    bool point = false;
    for (const char *r = s; *r; r++) {
        char c = *r;
        if ((c >= '0' && c <= '9') || c == 'e' || c == 'E' || c == '+' || c == '-') {
            *w++ = c;
        } else if (!point) {
            *w++ = '.';
            point = true;
        }
    }
    *w = '\0';
}

/* Reads a number written by fix_decimal_point without the locale: digits, one '.', an optional
 * exponent. Exact for the 17 significant digits printf gives, through long double where wider. */
static double strtod_c(const char *s)
{
    bool neg = *s == '-';
    s += neg || *s == '+';
    long double m = 0;
    int exp10 = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        m = m * 10 + (*s - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++, exp10--)
            m = m * 10 + (*s - '0');
    if (*s == 'e' || *s == 'E') {
        s++;
        bool eneg = *s == '-';
        s += eneg || *s == '+';
        int e = 0;
        for (; *s >= '0' && *s <= '9' && e < 10000; s++)
            e = e * 10 + (*s - '0');
        exp10 += eneg ? -e : e;
    }
    /* powers of ten up to 10^27 are exact in a long double: the common case needs no powl */
    static const long double p10[] = {1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,
                                      1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
                                      1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
                                      1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L};
    long double v = exp10 >= 0 && exp10 < 28   ? m * p10[exp10]
                    : exp10 < 0 && exp10 > -28 ? m / p10[-exp10]
                                               : m * powl(10.0L, exp10);
    return (double)(neg ? -v : v);
}

/* The %.15g form of v written without printf when v is a short decimal (coordinates, shares:
 * at most 8 decimals and 15 significant digits, 1e-4 <= |v| < 1e15): such a decimal reads
 * back as v, so %.15g prints exactly its digits, trailing zeros dropped. Returns its length,
 * or 0 when v is not such a decimal (or the check that it reads back fails): the caller then
 * goes through printf. */
static size_t json_short_decimal(double v, char *out /* OUT, 40 bytes */)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e15))
        return 0;
    for (int k = 1; k <= 8; k++) {
        double scaled = a * p10[k];
        if (scaled >= 1e15)
            return 0;
        double m = nearbyint(scaled);
        if (m / p10[k] != a)
            continue;
        /* a = m / 10^k exactly as doubles go; m has at most 15 digits */
        uint64_t im = (uint64_t)m, ip = (uint64_t)p10[k];
        uint64_t whole = im / ip, frac = im % ip;
        char *o = out;
        if (v < 0)
            *o++ = '-';
        o += rc_fmt_int(o, 24, (int64_t)whole);
        char digits[8];
        int nd = k;
        for (int d = k - 1; d >= 0; d--, frac /= 10)
            digits[d] = (char)('0' + frac % 10);
        while (nd > 0 && digits[nd - 1] == '0')
            nd--;
        if (nd == 0)
            return 0; /* an integer: not this function's case */
        *o++ = '.';
        memcpy(o, digits, (size_t)nd);
        o += nd;
        *o = '\0';
        return strtod_c(out) == v ? (size_t)(o - out) : 0;
    }
    return 0;
}

void rc_json_num(rc_json *j, double v)
{
    if (isnan(v) || isinf(v)) {
        rc_json_null(j);
        return;
    }
    json_sep(j);
    if (v == floor(v) && fabs(v) < 1e15) {
        put_int(j->out, (int64_t)v);
        return;
    }
    /* the shortest of %.15g .. %.17g that reads back as v, so that doubles round-trip */
    char tmp[40];
    size_t n = json_short_decimal(v, tmp);
    if (n) {
        rc_buf_append(j->out, tmp, n);
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        fix_decimal_point(tmp);
        if (strtod_c(tmp) == v)
            break;
    }
    rc_buf_puts(j->out, tmp);
}

void rc_json_int(rc_json *j, int64_t v)
{
    json_sep(j);
    put_int(j->out, v);
}

void rc_json_bool(rc_json *j, bool v)
{
    json_sep(j);
    rc_buf_puts(j->out, v ? "true" : "false");
}

void rc_json_null(rc_json *j)
{
    if (j->omit_null && j->after_key && j->depth >= 3 && !j->out->err) {
        /* the key just written goes: the output and the comma state are as before it */
        j->out->len = j->key_at;
        j->out->data[j->out->len] = '\0';
        j->need_comma[j->depth] = j->key_comma;
        j->after_key = false;
        return;
    }
    json_sep(j);
    rc_buf_puts(j->out, "null");
}

void rc_json_raw(rc_json *j, const char *s, size_t n)
{
    json_sep(j);
    rc_buf_append(j->out, s, n);
}
