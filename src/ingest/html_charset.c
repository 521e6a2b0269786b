/*
 * html_charset.c - a page's bytes as UTF-8, which is all gumbo reads: the charset is decided from
 * the byte-order mark, what the container (HTTP) declared, a <meta charset> or http-equiv in the
 * first bytes, then UTF-8 when the bytes are valid, else Windows-1252, and converted with iconv.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/html_int.h"
#include "recoupe.h"
#include "util/fold.h"
#include "util/iconv.h"

/* Whether s[0..n) is entirely valid UTF-8. */
static bool html_valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            uint64_t w; /* then eight ASCII bytes at a time */
            while (i + 8 <= n && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080u)))
                i += 8;
            continue;
        }
        int32_t cp;
        size_t k = rc_utf8_decode(p + i, n - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

/* Maps a charset label to an iconv name as the WHATWG Encoding standard does for the common
 * labels (Latin-1 and ASCII mean Windows-1252, UTF-16 in a <meta> means UTF-8); writes "" for an
 * empty label. */
static void html_charset_name(const char *label, size_t n, bool from_meta, char out[32])
{
    while (n && (*label == ' ' || *label == '"' || *label == '\''))
        label++, n--;
    while (n && (label[n - 1] == ' ' || label[n - 1] == '"' || label[n - 1] == '\''))
        n--;
    if (n == 0 || n >= 32) {
        out[0] = '\0';
        return;
    }
    char low[32];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(label[i] >= 'A' && label[i] <= 'Z' ? label[i] + 32 : label[i]);
    low[n] = '\0';
    static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1", "l1", "latin-1",
                                         "us-ascii", "ascii", "cp1252", "windows-1252",
                                         "x-cp1252", "iso_8859-1", "cp819", "ibm819"};
    for (size_t i = 0; i < sizeof latin1 / sizeof *latin1; i++)
        if (strcmp(low, latin1[i]) == 0) {
            strcpy(out, "WINDOWS-1252");
            return;
        }
    if (strcmp(low, "utf8") == 0 || strcmp(low, "utf-8") == 0 ||
        strcmp(low, "unicode-1-1-utf-8") == 0 || (from_meta && strncmp(low, "utf-16", 6) == 0)) {
        strcpy(out, "UTF-8");
        return;
    }
    if (strcmp(low, "gb2312") == 0 || strcmp(low, "x-gbk") == 0) {
        strcpy(out, "GBK");
        return;
    }
    if (strcmp(low, "iso-8859-9") == 0 || strcmp(low, "latin5") == 0) {
        strcpy(out, "WINDOWS-1254");
        return;
    }
    for (size_t i = 0; i <= n; i++)
        out[i] = (char)(low[i] >= 'a' && low[i] <= 'z' ? low[i] - 32 : low[i]);
}

/* Finds a charset declared by a <meta> in the first bytes of the page (charset="..." or
 * http-equiv content="...; charset=..."); writes its label bounds or returns false. */
static bool html_meta_charset(const char *s, size_t n, const char **lab, size_t *lablen)
{
    if (n > 4096)
        n = 4096;
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '<' || strncasecmp(s + i, "<meta", 5) != 0)
            continue;
        size_t e = i + 5;
        char q = 0;
        while (e < n && (q || s[e] != '>')) {
            if (q && s[e] == q)
                q = 0;
            else if (!q && (s[e] == '"' || s[e] == '\''))
                q = s[e];
            e++;
        }
        for (size_t j = i + 5; j + 7 <= e; j++) {
            if (strncasecmp(s + j, "charset", 7) != 0)
                continue;
            size_t k = j + 7;
            while (k < e && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n'))
                k++;
            if (k >= e || s[k] != '=')
                continue;
            k++;
            while (k < e && (s[k] == ' ' || s[k] == '"' || s[k] == '\''))
                k++;
            size_t b = k;
            while (k < e && s[k] != '"' && s[k] != '\'' && s[k] != ';' && s[k] != ' ' &&
                   s[k] != '/' && s[k] != '>')
                k++;
            if (k > b) {
                *lab = s + b;
                *lablen = k - b;
                return true;
            }
        }
        i = e;
    }
    return false;
}

/* Gives the page as UTF-8: decides the charset (BOM, container, <meta>, UTF-8 validity, then
 * Windows-1252) and converts; *out may point into bytes when nothing needs converting. */
int html_utf8(const char *bytes, size_t len, const char *charset, rc_arena *tmp,
                     const char **out, size_t *outlen)
{
    const unsigned char *u = (const unsigned char *)bytes;
    char enc[32] = "";
    if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
        bytes += 3, len -= 3;
        strcpy(enc, "UTF-8");
    } else if (len >= 2 && u[0] == 0xff && u[1] == 0xfe) {
        bytes += 2, len -= 2;
        strcpy(enc, "UTF-16LE");
    } else if (len >= 2 && u[0] == 0xfe && u[1] == 0xff) {
        bytes += 2, len -= 2;
        strcpy(enc, "UTF-16BE");
    }
    if (!enc[0] && charset)
        html_charset_name(charset, strlen(charset), false, enc);
    const char *lab;
    size_t lablen;
    if (!enc[0] && html_meta_charset(bytes, len, &lab, &lablen))
        html_charset_name(lab, lablen, true, enc);
    bool valid = html_valid_utf8(bytes, len);
    if (!enc[0])
        strcpy(enc, valid ? "UTF-8" : "WINDOWS-1252");
    if (strcmp(enc, "UTF-8") == 0 && valid) {
        *out = bytes;
        *outlen = len;
        return RC_OK;
    }
    char *conv;
    int status = rc_iconv_utf8(enc, bytes, len, false, tmp, &conv, outlen, NULL);
    if (status == RC_EINVAL) /* a charset iconv does not know */
        status = rc_iconv_utf8(valid ? "UTF-8" : "WINDOWS-1252", bytes, len, false, tmp, &conv,
                               outlen, NULL);
    *out = conv;
    return status;
}
