/*
 * decode.c - raw bytes to clean UTF-8.
 *
 * Valid UTF-8, the common case, is decoded in one pass that copies printable ASCII and Latin-1
 * letters sixteen bytes at a time. When that pass meets an invalid sequence, one scan gathers
 * statistics (invalid sequences, valid multi-byte sequences, control bytes, NULs) and the
 * decision follows:
 *   - NUL bytes without a UTF-16 BOM, or more than 1 control byte in 50, mean binary data;
 *   - valid UTF-8 is copied with line ends unified;
 *   - invalid UTF-8 with hardly any valid multi-byte sequence is a single-byte encoding, read as
 *     Windows-1252 through iconv (which is a superset of Latin-1's printable range);
 *   - otherwise the text is UTF-8 with damage, and each bad sequence becomes U+FFFD.
 * NFC is then applied through utf8proc, skipped when a quick check proves the text is already
 * in NFC, which is true of almost all French text (precomposed accents below U+0300).
 */
#include "ingest/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "recoupe.h"
#include "util/fold.h"
#include "util/iconv.h"

/* Whether a code point is dropped from text: soft hyphen, zero-width space, word joiner, BOM. */
static bool invisible(int32_t cp)
{
    return cp == 0xad || cp == 0x200b || cp == 0x2060 || cp == 0xfeff;
}

/* Whether NFC could change text containing cp (conservative: true sends the text to utf8proc). */
static bool nfc_suspect(int32_t cp)
{
    if (cp < 0x300)
        return false;
    if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xac00 && cp <= 0xd7a3))
        return true; /* Hangul composes algorithmically */
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->combining_class != 0 || (p->comb_index != 0xffff && (p->comb_index & 0x8000)) ||
           (p->decomp_type == 0 && p->decomp_seqindex != 0xffff);
}

/* Appends one code point to out, unifying line ends and dropping invisible characters and
 * stray controls; *prev_cr tracks a CR whose LF must be swallowed. */
static size_t put_cp(char *out, int32_t cp, bool *prev_cr)
{
    if (cp == '\n' && *prev_cr) {
        *prev_cr = false;
        return 0;
    }
    *prev_cr = cp == '\r';
    if (cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == '\f' || cp == '\v' || cp == 0x85) {
        out[0] = '\n';
        return 1;
    }
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
        invisible(cp))
        return 0;
    return rc_utf8_encode(cp, out);
}

/* Converts a single-byte or UTF-16 text with iconv, byte by byte on errors (U+FFFD). */
static int decode_iconv(const char *from, const char *bytes, size_t len, rc_arena *a, char **out,
                        size_t *outlen, size_t *replaced)
{
    char *tmp;
    size_t n;
    int status = rc_iconv_utf8(from, bytes, len, true, NULL, &tmp, &n, replaced);
    if (status)
        return status;
    char *res = rc_arena_alloc(a, n + 1);
    if (!res) {
        free(tmp);
        return RC_ENOMEM;
    }
    /* second step: the same cleaning as for UTF-8 input */
    const unsigned char *p = (const unsigned char *)tmp;
    size_t w = 0;
    bool prev_cr = false;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = rc_utf8_decode(p + i, n - i, &cp);
        if (!k)
            cp = 0xfffd, k = 1;
        i += k;
        w += put_cp(res + w, cp, &prev_cr);
    }
    res[w] = '\0';
    free(tmp);
    *out = res;
    *outlen = w;
    return RC_OK;
}

int rc_nfc(const char *s, size_t len, rc_arena *a, char **out, size_t *outlen)
{
    const unsigned char *p = (const unsigned char *)s;
    bool suspect = false;
    for (size_t i = 0; i < len && !suspect;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t k = rc_utf8_decode(p + i, len - i, &cp);
        if (!k)
            return RC_EINVAL;
        suspect = nfc_suspect(cp);
        i += k;
    }
    if (!suspect) {
        *out = (char *)s;
        *outlen = len;
        return RC_OK;
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? RC_ENOMEM : RC_EINVAL;
    *out = rc_arena_strndup(a, (const char *)nfc, (size_t)n);
    free(nfc);
    if (!*out)
        return RC_ENOMEM;
    *outlen = (size_t)n;
    return RC_OK;
}

/* Copies the 16 bytes at p to out and returns how many of them, from the first, need nothing
 * more than the copy: 16 when all do. The bytes past that count are rewritten by the caller.
 * Such bytes are printable ASCII, the Latin-1 letters of French (C3 then 80..BF, both in the
 * block), and line feeds after the first byte: the byte before those was copied, so it is not
 * the CR of a CRLF. Taking them here spares the caller's loop a branch out at each accent. */
static inline unsigned copy_plain16(const unsigned char *p, char *out)
{
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    _mm_storeu_si128((__m128i *)out, v);
    /* signed compares: bytes of 0x80 and above are negative, so below 0x20 too */
    unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(
        _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f))));
    unsigned lead = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xc3)));
    unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xc0)));
    unsigned lf = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    unsigned pairs = lead & cont >> 1; /* a C3 whose next byte is 80..BF */
    unsigned m = stop & ~(pairs | pairs << 1 | (lf & ~1u));
    return m ? (unsigned)__builtin_ctz(m) : 16;
#else
    unsigned n = 0; /* printable ASCII only: the caller copies the rest as well, more slowly */
    while (n < 16 && p[n] >= 0x20 && p[n] < 0x7f) {
        out[n] = (char)p[n];
        n++;
    }
    return n;
#endif
}

/* How many bytes from p on, within the next sixteen, are ASCII from the space up or line feeds,
 * which the statistics of invalid UTF-8 pass over: 0 when p itself needs a look, or when fewer than
 * sixteen bytes are left (the caller then reads them one at a time). */
static inline size_t plain_run16(const unsigned char *p, size_t left)
{
#if defined(__SSE2__)
    if (left < 16)
        return 0;
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    unsigned stop = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))));
    return stop ? (unsigned)__builtin_ctz(stop) : 16;
#else
    (void)p, (void)left;
    return 0;
#endif
}

/* The common case in one pass: valid UTF-8 copied with line ends unified, invisible characters
 * dropped, and the NFC quick check done on the way. Printable ASCII, with the Latin-1 letters of
 * French and line feeds among it, goes sixteen bytes at a time (copy_plain16); the same bytes
 * met one at a time are copied without decoding as well. Returns RC_EFORMAT at the first invalid
 * sequence (the caller then decides on an encoding), RC_EBINARY at a NUL. When replaced is not
 * NULL, the text is damaged UTF-8 whose NULs were refused already: each invalid byte becomes
 * U+FFFD and is counted there, so that the repair runs at the speed of the common case; text
 * then has room for two more bytes per invalid one (w passes i by at most that much). */
static int decode_utf8(const unsigned char *p, size_t len, char *text, size_t *outlen,
                       size_t *controls, bool *suspect, size_t *replaced)
{
    size_t w = 0;
    bool prev_cr = false;
    for (size_t i = 0; i < len;) {
        /* w never passes i (nothing grows when it is copied), so 16 bytes fit in text */
        while (i + 16 <= len) {
            unsigned ok = copy_plain16(p + i, text + w);
            w += ok, i += ok;
            if (ok)
                prev_cr = false;
            if (ok < 16)
                break;
        }
        if (i >= len)
            break;
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7f) {
            text[w++] = (char)c;
            i++;
            prev_cr = false;
            continue;
        }
        if (c == '\n') { /* after a CR, the LF of a CRLF is already written */
            if (!prev_cr)
                text[w++] = '\n';
            prev_cr = false;
            i++;
            continue;
        }
        /* Latin-1 letters (C3 80..BF), the accents of French: copied as they are */
        if (c == 0xc3 && i + 1 < len && (p[i + 1] & 0xc0) == 0x80) {
            text[w++] = (char)c;
            text[w++] = (char)p[i + 1];
            i += 2;
            prev_cr = false;
            continue;
        }
        int32_t cp;
        size_t k = rc_utf8_decode(p + i, len - i, &cp);
        if (!k) {
            if (!replaced)
                return RC_EFORMAT;
            cp = 0xfffd, k = 1;
            (*replaced)++;
        }
        if (cp == 0)
            return RC_EBINARY;
        if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f')
            (*controls)++;
        if (!*suspect && cp >= 0x300)
            *suspect = nfc_suspect(cp);
        i += k;
        w += put_cp(text + w, cp, &prev_cr);
    }
    text[w] = '\0';
    *outlen = w;
    return RC_OK;
}

/* NFC of text when the quick check found something to do. */
static int apply_nfc(char *text, size_t tlen, bool suspect, rc_arena *a, char **out,
                     size_t *outlen, rc_decode_info *info)
{
    if (!suspect) {
        *out = text;
        *outlen = tlen;
        return RC_OK;
    }
    int status = rc_nfc(text, tlen, a, out, outlen);
    info->normalized = status == RC_OK && *out != text;
    return status;
}

int rc_decode(const char *bytes, size_t len, rc_arena *a, char **out, size_t *outlen,
              rc_decode_info *info)
{
    rc_decode_info dummy;
    if (!info)
        info = &dummy;
    memset(info, 0, sizeof *info);
    info->encoding = "utf-8";
    const unsigned char *p = (const unsigned char *)bytes;

    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3, len -= 3;
    const char *utf16 = NULL;
    if (len >= 2 && p[0] == 0xff && p[1] == 0xfe)
        utf16 = "UTF-16LE", info->encoding = "utf-16le";
    else if (len >= 2 && p[0] == 0xfe && p[1] == 0xff)
        utf16 = "UTF-16BE", info->encoding = "utf-16be";

    char *text;
    size_t tlen;
    int status;
    if (utf16) {
        status = decode_iconv(utf16, (const char *)p + 2, len - 2, a, &text, &tlen, &info->replaced);
        return status ? status : apply_nfc(text, tlen, true, a, out, outlen, info);
    }

    /* optimistic pass: valid UTF-8 is the common case */
    text = rc_arena_alloc(a, len + 1);
    if (!text)
        return RC_ENOMEM;
    size_t controls = 0;
    bool suspect = false;
    status = decode_utf8(p, len, text, &tlen, &controls, &suspect, NULL);
    if (status == RC_EBINARY || (status == RC_OK && controls * 50 > len))
        return RC_EBINARY;
    if (status == RC_OK)
        return apply_nfc(text, tlen, suspect, a, out, outlen, info);

    /* invalid UTF-8: gather statistics to choose between Windows-1252 and repair */
    size_t invalid = 0, multi = 0, nuls = 0;
    controls = 0;
    for (size_t i = 0; i < len;) {
        size_t skip = plain_run16(p + i, len - i);
        if (skip) {
            i += skip;
            continue;
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
                nuls += c == 0;
            }
            i++;
            continue;
        }
        int32_t cp;
        size_t k = rc_utf8_decode(p + i, len - i, &cp);
        if (k) {
            multi++;
            i += k;
        } else {
            invalid++;
            i++;
        }
    }
    if (nuls || controls * 50 > len)
        return RC_EBINARY;
    if (multi * 4 < invalid) {
        info->encoding = "windows-1252";
        status = decode_iconv("WINDOWS-1252", (const char *)p, len, a, &text, &tlen, &info->replaced);
        return status ? status : apply_nfc(text, tlen, true, a, out, outlen, info);
    }
    /* damaged UTF-8: the same pass as valid text, each invalid byte replaced. Its NFC quick
     * check sees every code point written (U+FFFD too), so that it decides as rc_nfc's own would */
    text = rc_arena_alloc(a, invalid * 2 + len + 1);
    if (!text)
        return RC_ENOMEM;
    suspect = false;
    status = decode_utf8(p, len, text, &tlen, &controls, &suspect, &info->replaced);
    return status ? status : apply_nfc(text, tlen, suspect, a, out, outlen, info);
}
