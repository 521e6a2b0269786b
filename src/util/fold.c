/*
 * fold.c - folding for matching, and the small UTF-8 helpers the stages share. ASCII takes a
 * table-free fast path; other code points go through utf8proc's simple lower-case mapping.
 */
#include "util/fold.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <utf8proc.h>

size_t rc_utf8_count(const char *s, size_t len)
{
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    size_t cont = 0, i = 0;
#if defined(__SSE2__)
    /* sixteen bytes at a time: a continuation byte is 0x80..0xbf, below -64 as a signed byte;
     * each lane counts its own (up to 255 rounds), then the lanes are summed */
    while (i + 16 <= len) {
        __m128i acc = _mm_setzero_si128();
        for (size_t r = 0; r < 255 && i + 16 <= len; r++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
        }
        __m128i sum = _mm_sad_epu8(acc, _mm_setzero_si128());
        cont += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
    }
#endif
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        /* a continuation byte is 10xxxxxx: bit 7 set, bit 6 (shifted into bit 7) clear; the
         * eight 0/1 bytes are summed by one multiplication into the top byte */
        uint64_t c = (w & ~(w << 1) & high) >> 7;
        cont += (size_t)((c * ones) >> 56);
    }
    for (; i < len; i++)
        cont += ((unsigned char)s[i] & 0xc0) == 0x80;
    return len - cont;
}

size_t rc_utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    int32_t v, min;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2, v = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3, v = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return n;
}

size_t rc_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xc0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xe0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (unsigned char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (unsigned char)(0xf0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}

int32_t rc_fold_typo(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x02bc: case 0x02b9:
    case 0x0060: case 0x00b4:
        return '\'';
    case 0x00ab: case 0x00bb: case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
    case 0x2039: case 0x203a:
        return '"';
    case 0x00a0: case 0x202f: case 0x2007: case 0x2009: case 0x200a: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2008: case 0x205f: case 0x3000:
        return ' ';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    default:
        return 0;
    }
}

size_t rc_fold(const char *s, size_t len, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        if (c < 0x80) {
            /* eight bytes of ASCII at a time: the capitals A-Z are the bytes at least 'A' and
             * not above 'Z', found by two additions that set each byte's high bit */
            const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
            while (i + 8 <= len) {
                uint64_t w;
                memcpy(&w, p + i, 8);
                if (w & high)
                    break;
                if (o + 8 > cap)
                    return cap + 1; /* the run is longer than the room left */
                uint64_t upper = ((w + ones * (0x80 - 'A')) ^ (w + ones * (0x80 - 'Z' - 1))) & high;
                w |= upper >> 2;
                memcpy(out + o, &w, 8);
                o += 8;
                i += 8;
            }
            if (i >= len || p[i] >= 0x80)
                continue;
            /* a run of ASCII: output length equals input length, so check room once */
            size_t j = i;
            while (j < len && p[j] < 0x80)
                j++;
            if (o + (j - i) > cap)
                return cap + 1;
            for (; i < j; i++) {
                unsigned char a = p[i];
                out[o++] = (char)((unsigned)(a - 'A') < 26u ? a + 32 : a);
            }
            continue;
        }
        if (o + 4 > cap)
            return cap + 1;
        /* Latin-1 letters, the bulk of French text: upper case is 0xC3 0x80..0x9E but 0x97 (x) */
        if (c == 0xc3 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0xbf) {
            unsigned char d = p[i + 1];
            out[o++] = (char)0xc3;
            out[o++] = (char)(d <= 0x9e && d != 0x97 ? d + 0x20 : d);
            i += 2;
            continue;
        }
        int32_t cp;
        size_t n = rc_utf8_decode(p + i, len - i, &cp);
        if (n == 0) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        i += n;
        if (cp == 0x2026) {
            out[o++] = '.', out[o++] = '.', out[o++] = '.';
            continue;
        }
        int32_t t = rc_fold_typo(cp);
        int32_t f = t ? t : utf8proc_tolower(cp);
        o += rc_utf8_encode(f, out + o);
    }
    return o;
}
