/*
 * html.c - the article inside a web page.
 *
 * The steps, each linear in the size of the page:
 *   1. charset: BOM, then what the container (HTTP) declared, then <meta charset> or http-equiv
 *      in the first bytes, then UTF-8 when the bytes are valid UTF-8, else Windows-1252; the page
 *      is converted to UTF-8 with iconv because gumbo reads UTF-8 only;
 *   2. a light pass over the bytes drops comments, scripts and styles (JSON-LD blocks are read on
 *      the way) and caps the nesting of elements, so that gumbo's scope checks, which walk the
 *      stack of open elements, stay cheap on pages nested hundreds of thousands deep;
 *   3. gumbo parses with its memory in a scratch arena (one free for the whole tree, and no
 *      recursive destruction of deep trees);
 *   4. one iterative walk over gumbo's tree records metadata and copies what may be article text
 *      into a flat array of nodes, leaving out navigation, hidden elements, forms' controls and
 *      elements whose class or id says comment, share, related, footer... (data/<lang>/
 *      web_hints.tsv);
 *   5. paragraphs score the elements above them (text length, commas, link density, hints); the
 *      best element and its worthy siblings are the article; link lists and negatively hinted
 *      blocks inside it are dropped; paragraphs are written one per line, and lines that are
 *      site furniture ("À lire aussi", data/<lang>/web_boilerplate.txt) are left out.
 * docs/web.md describes the scoring in more detail.
 */
#include "ingest/html.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/html_int.h"
#include "recoupe.h"
#include "util/fold.h"
#include "util/iconv.h"

/* Deepest nesting of elements handed to gumbo; deeper start tags are left out with their end
 * tags (the text inside is kept). Real pages stay far below. */
#define HTML_MAXDEPTH 512
/* Class/id weight at or below which an element and everything inside it is left out. */
#define HTML_HINT_DROP (-25)
/* Class/id weight of an element that names the article body itself (itemprop="articleBody",
 * "article-body"): an element holding one is never left out for its own hints. */
#define HTML_HINT_BODY 30
/* Shortest inline text that counts as a paragraph when scoring. */
#define HTML_MIN_PARA 25
/* Largest page accepted, after conversion to UTF-8. */
#define HTML_MAXLEN ((size_t)1 << 30)

/* ---- charset ---------------------------------------------------------------------------- */

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
static int html_utf8(const char *bytes, size_t len, const char *charset, rc_arena *tmp,
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

/* ---- the light pass before gumbo ---------------------------------------------------------- */

/* Finds "</name" (any case) in s[from..n); returns its position or n. */
static size_t html_find_end(const char *s, size_t n, size_t from, const char *name)
{
    size_t k = strlen(name);
    for (size_t i = from; i + 2 + k <= n; i++) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            return n;
        i = (size_t)(lt - s);
        if (i + 2 + k <= n && s[i + 1] == '/' && strncasecmp(s + i + 2, name, k) == 0)
            return i;
    }
    return n;
}

/* The position after the '>' that closes a tag starting at s[i], minding quoted attribute
 * values; n when the page ends first. */
static size_t html_tag_end(const char *s, size_t n, size_t i)
{
    char q = 0;
    for (size_t j = i + 1; j < n; j++) {
        char c = s[j];
        if (q) {
            if (c == q)
                q = 0;
        } else if (c == '"' || c == '\'') {
            /* a quote only opens a value right after '=' (maybe with spaces) */
            size_t b = j;
            while (b > i && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n'))
                b--;
            if (b > i && s[b - 1] == '=')
                q = c;
        } else if (c == '>') {
            return j + 1;
        }
    }
    return n;
}

/* Whether name[0..n) is one of the names of list (NULL-terminated), ignoring case. */
static bool html_name_in(const char *name, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(name, *list, n) == 0)
            return true;
    return false;
}

/* Whether an element never nests (void) or is closed by the parser by itself: not counted as
 * depth. */
static bool html_flat(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR: case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_HR: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_P:
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_RB: case GUMBO_TAG_RT: case GUMBO_TAG_RP:
    case GUMBO_TAG_RTC: case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:
    case GUMBO_TAG_FRAME: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_IMAGE:
        return true;
    default:
        return false;
    }
}

/* Shortest run of plain text (after white space is collapsed) that is set aside for a stand-in
 * character: below it, gumbo reading the bytes costs about as much as reading the stand-in back. */
#define HTML_RUN_MIN 8
/* How many runs the stand-ins can name: U+F0000..U+FFFFD, then U+100000..U+10FFFD. */
#define HTML_RUN_PLANE 0xfffeu
#define HTML_RUN_MAX (2 * HTML_RUN_PLANE)

typedef struct html_prep {
    char *out; /* scratch arena */
    size_t len, cap; /* the copy never outgrows the input, except for rewritten start tags,
                        which fall back to a raw copy when room is short */
    size_t depth, excess; /* nesting counted so far, start tags left out beyond the cap */
    char *rs;             /* set-aside runs, one after the other (NULL: none are set aside) */
    size_t rlen;
    uint32_t *off; /* start of each run in rs, and one past the last */
    size_t nruns, offcap;
    rc_arena *tmp;
    bool raw; /* the text that follows is copied as it is: after a '<' that starts no tag,
                 gumbo reads on from it (<!DOCTYPE, </ >...); after a tag copied as it was with
                 quotes inside, gumbo may end it elsewhere than the light pass did */
} html_prep;

/* Appends s[0..n) to the prepared copy (its capacity is the input size). */
static void prep_put(html_prep *p, const char *s, size_t n)
{
    memcpy(p->out + p->len, s, n);
    p->len += n;
}

/* Whether b is ASCII white space as the light pass collapses it. */
static inline bool prep_space(unsigned char b)
{
    return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f';
}

/* Writes s[0..n) to o with each run of ASCII white space made one character (a line break when
 * the run had one); returns the end of what was written. */
static char *prep_squeeze(char *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (!prep_space((unsigned char)c)) {
            *o++ = c;
            i++;
            continue;
        }
        bool nl = false;
        while (i < n && prep_space((unsigned char)s[i]))
            nl |= s[i] == '\n', i++;
        *o++ = nl ? '\n' : ' ';
    }
    return o;
}

/* The length of the plain text at the start of s[0..n): characters gumbo takes one for one
 * into a text node whatever the insertion mode (it stops at '&', which starts a character
 * reference, at control characters and NUL, which gumbo replaces or drops, and at four-byte,
 * non-character or malformed sequences, which are left to gumbo). The text is written to o
 * squeezed as prep_squeeze does; *olen gets the length written. */
static size_t prep_plain(const unsigned char *s, size_t n, char *o, size_t *olen)
{
    size_t i = 0, w = 0;
    while (i < n) {
        unsigned char b = s[i];
        if (b < 0x80) {
            if (prep_space(b)) {
                bool nl = false;
                while (i < n && prep_space(s[i]))
                    nl |= s[i] == '\n', i++;
                o[w++] = nl ? '\n' : ' ';
                continue;
            }
            if (b < 0x20 || b == '&' || b == 0x7f)
                break;
            o[w++] = (char)b;
            i++;
        } else if (b >= 0xc2 && b <= 0xdf) {
            if (i + 1 >= n || (s[i + 1] & 0xc0) != 0x80 || (b == 0xc2 && s[i + 1] < 0xa0))
                break; /* C1 controls */
            o[w++] = (char)b, o[w++] = (char)s[i + 1];
            i += 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            if (i + 2 >= n || (s[i + 1] & 0xc0) != 0x80 || (s[i + 2] & 0xc0) != 0x80 ||
                (b == 0xe0 && s[i + 1] < 0xa0) || (b == 0xed && s[i + 1] >= 0xa0) ||
                (b == 0xef && s[i + 1] == 0xb7 && s[i + 2] >= 0x90 && s[i + 2] <= 0xaf) ||
                (b == 0xef && s[i + 1] == 0xbf && s[i + 2] >= 0xbe))
                break; /* overlong, surrogate, non-character */
            o[w++] = (char)b, o[w++] = (char)s[i + 1], o[w++] = (char)s[i + 2];
            i += 3;
        } else {
            break;
        }
    }
    *olen = w;
    return i;
}

/* Sets aside the squeezed plain text t[0..k), just written at the end of the side buffer, when
 * it is long enough, writing its stand-in; copies it to the output otherwise. */
static void prep_run(html_prep *p, const char *t, size_t k)
{
    if (k < HTML_RUN_MIN || p->nruns >= HTML_RUN_MAX ||
        (p->nruns + 2 > p->offcap &&
         rc_arena_grow(p->tmp, (void **)&p->off, &p->offcap, p->nruns + 2, sizeof *p->off))) {
        memcpy(p->out + p->len, t, k);
        p->len += k;
        return;
    }
    uint32_t idx = (uint32_t)p->nruns++;
    p->off[idx] = (uint32_t)p->rlen;
    p->rlen += k;
    p->off[idx + 1] = (uint32_t)p->rlen;
    uint32_t cp = idx < HTML_RUN_PLANE ? 0xf0000u + idx : 0x100000u + (idx - HTML_RUN_PLANE);
    unsigned char *o = (unsigned char *)p->out + p->len;
    o[0] = (unsigned char)(0xf0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (unsigned char)(0x80 | (cp & 0x3f));
    p->len += 4;
}

/* Appends text between tags with each run of ASCII white space made one character (a line
 * break when the run had one): the parser handles white space a character at a time, and the
 * article text collapses it anyway. Runs of plain text inside are set aside for a stand-in
 * character (prep_run): gumbo then reads one character where the text had dozens. White space
 * at both ends stays as it is, since gumbo's insertion modes (head, table, pre) look at it. */
static void prep_text(html_prep *p, const char *s, size_t n)
{
    if (p->raw || !p->rs) {
        p->raw = false;
        p->len = (size_t)(prep_squeeze(p->out + p->len, s, n) - p->out);
        return;
    }
    const unsigned char *u = (const unsigned char *)s;
    size_t a = 0, z = n;
    while (a < n && prep_space(u[a]))
        a++;
    while (z > a && prep_space(u[z - 1]))
        z--;
    p->len = (size_t)(prep_squeeze(p->out + p->len, s, a) - p->out);
    for (size_t i = a; i < z;) {
        size_t w, k = prep_plain(u + i, z - i, p->rs + p->rlen, &w);
        if (k) {
            prep_run(p, p->rs + p->rlen, w);
            i += k;
            continue;
        }
        /* what gumbo must read itself: a character reference up to its ';', or one byte */
        size_t e = i + 1;
        if (u[i] == '&') {
            while (e < z && (((u[e] | 32) >= 'a' && (u[e] | 32) <= 'z') ||
                             (u[e] >= '0' && u[e] <= '9') || u[e] == '#'))
                e++;
            if (e < z && u[e] == ';')
                e++;
        }
        memcpy(p->out + p->len, s + i, e - i);
        p->len += e - i;
        i = e;
    }
    p->len = (size_t)(prep_squeeze(p->out + p->len, s + z, n - z) - p->out);
}

/* Whether the page holds characters of planes 15 and 16 of its own, which would be taken for
 * stand-ins. */
static bool prep_has_private(const char *s, size_t n)
{
    for (const char *q = s; (q = memchr(q, 0xf3, (size_t)(s + n - q))) && q + 1 < s + n; q++)
        if ((unsigned char)q[1] >= 0xb0 && (unsigned char)q[1] <= 0xbf)
            return true;
    for (const char *q = s; (q = memchr(q, 0xf4, (size_t)(s + n - q))) && q + 1 < s + n; q++)
        if ((unsigned char)q[1] >= 0x80 && (unsigned char)q[1] <= 0x8f)
            return true;
    return false;
}

/* The run that the stand-in at u[0..n) names, or UINT32_MAX when u does not start with one. */
static uint32_t runs_index(const html_runs *r, const unsigned char *u, size_t n)
{
    if (n < 4 || u[0] < 0xf3 || u[0] > 0xf4)
        return UINT32_MAX;
    uint32_t cp = (uint32_t)(u[0] & 7) << 18 | (uint32_t)(u[1] & 0x3f) << 12 |
                  (uint32_t)(u[2] & 0x3f) << 6 | (uint32_t)(u[3] & 0x3f);
    uint32_t idx = cp >= 0x100000u ? cp - 0x100000u + HTML_RUN_PLANE
                   : cp >= 0xf0000u ? cp - 0xf0000u
                                    : UINT32_MAX;
    return idx < r->n ? idx : UINT32_MAX;
}

const char *rc_html_runs_text(const html_runs *r, const char *s, size_t n, rc_arena *tmp,
                              size_t *outlen)
{
    *outlen = n;
    if (!r->n)
        return s;
    const unsigned char *u = (const unsigned char *)s;
    size_t need = 0, found = 0;
    uint32_t one = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t idx = u[i] >= 0xf3 ? runs_index(r, u + i, n - i) : UINT32_MAX;
        if (idx == UINT32_MAX) {
            need++;
            continue;
        }
        need += r->off[idx + 1] - r->off[idx];
        found++, one = idx;
        i += 3;
    }
    if (!found)
        return s;
    if (found == 1 && n == 4) { /* the usual case: a text node that is one run */
        *outlen = r->off[one + 1] - r->off[one];
        return r->s + r->off[one];
    }
    char *o = rc_arena_alloc(tmp, need + 1);
    if (!o)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t idx = u[i] >= 0xf3 ? runs_index(r, u + i, n - i) : UINT32_MAX;
        if (idx == UINT32_MAX) {
            o[w++] = s[i];
            continue;
        }
        memcpy(o + w, r->s + r->off[idx], r->off[idx + 1] - r->off[idx]);
        w += r->off[idx + 1] - r->off[idx];
        i += 3;
    }
    o[w] = '\0';
    *outlen = w;
    return o;
}

/* Whether an attribute matters to extraction or metadata; the others (href, src, srcset,
 * data-*, on*...) are left out of the copy given to the parser, which reads attribute values a
 * character at a time. href is kept on <link> (canonical URL), style when it may hide. */
static bool prep_keep_attr(const char *tag, size_t tlen, const char *a, size_t n, const char *v,
                           size_t vn)
{
    static const char *const keep[] = {"class", "id", "itemprop", "role", "hidden",
                                       "aria-hidden", "rel", "content", "value", "property",
                                       "name", "http-equiv", "charset", "datetime", "lang",
                                       "xml:lang", "pubdate", NULL};
    if (html_name_in(a, n, keep))
        return true;
    if (n == 4 && strncasecmp(a, "href", 4) == 0)
        return tlen == 4 && strncasecmp(tag, "link", 4) == 0;
    if (n == 5 && strncasecmp(a, "style", 5) == 0)
        return (vn >= 4 && memmem(v, vn, "none", 4)) || (vn >= 6 && memmem(v, vn, "hidden", 6));
    return false;
}

/* Copies a start tag s[i..te) keeping only the attributes prep_keep_attr wants. */
static void prep_start_tag(html_prep *p, const char *s, size_t i, size_t te, const char *name,
                           size_t nlen)
{
    size_t ne = (size_t)(name - s) + nlen;
    prep_put(p, s + i, ne - i); /* "<name" */
    size_t j = ne, end = te;
    if (end > j && s[end - 1] == '>')
        end--;
    bool self = end > j && s[end - 1] == '/';
    while (j < end) {
        while (j < end && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r' ||
                           s[j] == '\f' || s[j] == '/'))
            j++;
        size_t as = j;
        while (j < end && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' &&
               s[j] != '\f' && s[j] != '/' && s[j] != '=' && s[j] != '>')
            j++;
        if (j == as) {
            if (j < end)
                j++; /* a stray character the parser would skip as well */
            continue;
        }
        size_t an = j - as, k = j;
        while (k < end && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r'))
            k++;
        size_t vs = j, ve = j;
        if (k < end && s[k] == '=') {
            k++;
            while (k < end && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r'))
                k++;
            if (k < end && (s[k] == '"' || s[k] == '\'')) {
                const char *q = memchr(s + k + 1, s[k], end - k - 1);
                vs = k + 1;
                ve = q ? (size_t)(q - s) : end;
                k = q ? ve + 1 : end;
            } else {
                vs = k;
                while (k < end && s[k] != ' ' && s[k] != '\n' && s[k] != '\t' && s[k] != '\r' &&
                       s[k] != '>')
                    k++;
                ve = k;
            }
            j = k;
        }
        if (prep_keep_attr(name, nlen, s + as, an, s + vs, ve - vs)) {
            prep_put(p, " ", 1);
            prep_put(p, s + as, an);
            if (ve > vs || vs != as + an) {
                prep_put(p, "=\"", 2);
                for (size_t x = vs; x < ve; x++) /* a quote inside becomes its reference */
                    if (s[x] == '"')
                        prep_put(p, "&quot;", 6);
                    else
                        p->out[p->len++] = s[x];
                prep_put(p, "\"", 1);
            }
        }
    }
    if (self)
        prep_put(p, "/", 1);
    prep_put(p, ">", 1);
}

/* Elements whose whole content is left out before parsing: never article text (navigation,
 * sidebars, footers, form lists, embedded frames and media). Their end is found by counting
 * nested elements of the same name; without a matching end tag the element is parsed as usual. */
static bool prep_skippable(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
        return true;
    default:
        return false;
    }
}

/* The end (after '>') of the element named name[0..k) whose start tag ends at from, counting
 * nested elements of the same name; 0 when it has no matching end tag. */
static size_t prep_element_end(const char *s, size_t n, size_t from, const char *name, size_t k)
{
    size_t depth = 1;
    for (size_t i = from; i + k + 2 < n;) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            return 0;
        i = (size_t)(lt - s);
        bool close = s[i + 1] == '/';
        size_t b = i + 1 + close;
        if (b + k < n && strncasecmp(s + b, name, k) == 0) {
            char c = s[b + k];
            if (c == '>' || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '/' ||
                c == '\f') {
                size_t te = html_tag_end(s, n, i);
                if (close && --depth == 0)
                    return te;
                if (!close && !(te >= 2 && s[te - 2] == '/'))
                    depth++;
                i = te;
                continue;
            }
        }
        i++;
    }
    return 0;
}

/* Reads the JSON-LD blocks inside a region that is left out. */
static void prep_jsonld_in(const char *s, size_t from, size_t to, html_meta *m, rc_arena *tmp)
{
    while (from < to) {
        const char *ld = memmem(s + from, to - from, "ld+json", 7);
        if (!ld)
            return;
        size_t te = html_tag_end(s, to, (size_t)(ld - s));
        size_t ce = html_find_end(s, to, te, "script");
        rc_html_meta_jsonld(m, s + te, ce - te, tmp);
        from = ce + 1;
    }
}

/* Prepares the UTF-8 page for gumbo: comments, scripts and styles out (JSON-LD read into m),
 * nesting capped at HTML_MAXDEPTH, long runs of text set aside in runs. The copy is in tmp. */
static int html_prepare(const char *s, size_t n, html_meta *m, rc_arena *tmp, char **out,
                        size_t *outlen, html_runs *runs)
{
    html_prep p = {rc_arena_alloc(tmp, n + n / 2 + 64), 0, n + n / 2 + 64, 0, 0, NULL, 0, NULL,
                   0, 0, tmp, false};
    if (!p.out)
        return RC_ENOMEM;
    if (n < UINT32_MAX && !prep_has_private(s, n) && !(p.rs = rc_arena_alloc(tmp, n + 1)))
        return RC_ENOMEM;
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t at = lt ? (size_t)(lt - s) : n;
        prep_text(&p, s + i, at - i);
        i = at;
        if (i >= n)
            break;
        if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = i + 4 < n ? memmem(s + i + 2, n - i - 2, "-->", 3) : NULL;
            if (i + 4 < n && s[i + 4] == '>')
                end = s + i + 2; /* <!--> */
            i = end ? (size_t)(end - s) + 3 : n;
            continue;
        }
        bool close = i + 1 < n && s[i + 1] == '/';
        size_t nb = i + 1 + close, ne = nb;
        while (ne < n && ((s[ne] | 32) >= 'a' && (s[ne] | 32) <= 'z'))
            ne++;
        while (ne < n && ne > nb && ((s[ne] >= '0' && s[ne] <= '9') || s[ne] == '-' || s[ne] == ':'))
            ne++;
        if (ne == nb) { /* not a tag: a lone '<' or <!DOCTYPE, <?xml */
            prep_put(&p, s + i, 1);
            p.raw = true;
            i++;
            continue;
        }
        const char *name = s + nb;
        size_t nlen = ne - nb;
        size_t te = html_tag_end(s, n, i);
        GumboTag tag = gumbo_tagn_enum(name, (unsigned)nlen);
        if (!close && prep_skippable(tag) && te < n) {
            size_t e = prep_element_end(s, n, te, name, nlen);
            if (e) {
                prep_jsonld_in(s, te, e, m, tmp);
                i = e;
                continue;
            }
        }
        if (!close && nlen == 6 && strncasecmp(name, "script", 6) == 0) {
            size_t ce = html_find_end(s, n, te, "script");
            const char *st = s + i;
            size_t stlen = te - i;
            if (memmem(st, stlen, "ld+json", 7) || memmem(st, stlen, "LD+JSON", 7))
                rc_html_meta_jsonld(m, s + te, ce - te, tmp);
            i = ce < n ? html_tag_end(s, n, ce) : n;
            continue;
        }
        if (!close && ((nlen == 5 && strncasecmp(name, "style", 5) == 0) ||
                       (nlen == 3 && strncasecmp(name, "svg", 3) == 0))) {
            size_t ce = html_find_end(s, n, te, nlen == 3 ? "svg" : "style");
            i = ce < n ? html_tag_end(s, n, ce) : n;
            continue;
        }
        if (!close && ((nlen == 5 && strncasecmp(name, "title", 5) == 0) ||
                       (nlen == 8 && strncasecmp(name, "textarea", 8) == 0))) {
            /* raw text: copy through the end tag so that nothing inside is read as markup */
            char nm[9];
            memcpy(nm, name, nlen);
            nm[nlen] = '\0';
            size_t ce = html_find_end(s, n, te, nm);
            prep_put(&p, s + i, ce - i);
            i = ce;
            if (ce < n) {
                size_t e = html_tag_end(s, n, ce);
                prep_put(&p, s + ce, e - ce);
                i = e;
            }
            continue;
        }
        bool counted = !html_flat(tag) && !(te >= 2 && s[te - 2] == '/');
        if (counted && !close) {
            if (p.depth >= HTML_MAXDEPTH) {
                p.excess++;
                i = te;
                continue;
            }
            p.depth++;
        } else if (counted && close) {
            if (p.excess) {
                p.excess--;
                i = te;
                continue;
            }
            if (p.depth)
                p.depth--;
        }
        if (!close && te <= n && te > i && s[te - 1] == '>' &&
            p.cap - p.len > 6 * (te - i) + 8 + (n - te))
            prep_start_tag(&p, s, i, te, name, nlen);
        else {
            prep_put(&p, s + i, te - i);
            p.raw = memchr(s + i, '"', te - i) || memchr(s + i, '\'', te - i);
        }
        i = te;
    }
    p.out[p.len] = '\0';
    *out = p.out;
    *outlen = p.len;
    runs->s = p.rs;
    runs->off = p.off;
    runs->n = (uint32_t)p.nruns;
    return RC_OK;
}

/* ---- from gumbo's tree to the node array ------------------------------------------------- */

/* gumbo's memory: a bump allocator over chunks. The chunks of one page are released together
 * after it; up to HTML_SPARE_MAX bytes of standard chunks are kept per thread for the next page,
 * which spares the C library and the kernel from handing out (and zeroing) the same memory
 * page after page. */
#define HTML_CHUNK ((size_t)256 * 1024)
#define HTML_SPARE_MAX ((size_t)4 * 1024 * 1024)

typedef struct html_chunk {
    struct html_chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char mem[];
} html_chunk;

typedef struct html_scratch {
    html_chunk *head; /* chunks of the page being parsed, newest first */
} html_scratch;

static _Thread_local html_chunk *html_spare; /* standard chunks kept for the next page */
static _Thread_local size_t html_spare_bytes;
static _Thread_local bool html_spare_watched; /* the thread's end will free its spare chunks */
static pthread_once_t html_spare_once = PTHREAD_ONCE_INIT;
static pthread_key_t html_spare_key;
static bool html_spare_keyed; /* html_spare_key exists */

/* Frees the spare chunks of a thread that ends (html_spare_key's destructor): they would
 * otherwise be lost with its thread-local pointer. */
static void html_spare_drop(void *unused)
{
    (void)unused;
    while (html_spare) {
        html_chunk *c = html_spare;
        html_spare = c->next;
        free(c);
    }
    html_spare_bytes = 0;
    html_spare_watched = false;
}

/* Creates the key whose destructor frees a thread's spare chunks; once per process. */
static void html_spare_key_init(void)
{
    html_spare_keyed = pthread_key_create(&html_spare_key, html_spare_drop) == 0;
}

/* Whether this thread may keep spare chunks: only once its end is known to free them. */
static bool html_spare_watch(void)
{
    if (html_spare_watched)
        return true;
    pthread_once(&html_spare_once, html_spare_key_init);
    html_spare_watched =
        html_spare_keyed && pthread_setspecific(html_spare_key, &html_spare_once) == 0;
    return html_spare_watched;
}

/* gumbo's allocator: bump allocation in the page's chunks. */
static void *html_gumbo_alloc(void *ud, size_t n)
{
    html_scratch *sc = ud;
    n = (n + 15) & ~(size_t)15;
    html_chunk *c = sc->head;
    if (!c || c->size - c->used < n) {
        if (n <= HTML_CHUNK && html_spare) {
            c = html_spare;
            html_spare = c->next;
            html_spare_bytes -= c->size;
        } else {
            size_t size = n > HTML_CHUNK ? n : HTML_CHUNK;
            if (!(c = malloc(sizeof *c + size)))
                return NULL; /* gumbo does not check; a page that big fails anyway */
            c->size = size;
        }
        c->used = 0;
        c->next = sc->head;
        sc->head = c;
    }
    void *p = c->mem + c->used;
    c->used += n;
    return p;
}

/* gumbo's deallocator: nothing, the page's chunks go back in one call. */
static void html_gumbo_free(void *ud, void *p)
{
    (void)ud, (void)p;
}

/* Releases a page's chunks: standard ones are kept for the next page up to HTML_SPARE_MAX. */
static void html_scratch_release(html_scratch *sc)
{
    while (sc->head) {
        html_chunk *c = sc->head;
        sc->head = c->next;
        if (c->size == HTML_CHUNK && html_spare_bytes + c->size <= HTML_SPARE_MAX &&
            html_spare_watch()) {
            c->next = html_spare;
            html_spare = c;
            html_spare_bytes += c->size;
        } else {
            free(c);
        }
    }
}

/* Whether an element starts a line of its own when rendered. */
static bool html_is_block(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_LEGEND: case GUMBO_TAG_HTML: case GUMBO_TAG_BR:
        return true;
    default:
        return false;
    }
}

/* Whether an element is a paragraph of its own for scoring and rendering. */
static bool html_is_para(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_H1:
        return true;
    default:
        return false;
    }
}

/* Whether an element can never hold article text: scripts, media, navigation, form controls. */
static bool html_drop_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_MENU: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_MAP: case GUMBO_TAG_TITLE: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_APPLET: case GUMBO_TAG_DATALIST:
        return true;
    default:
        return false;
    }
}

/* Whether an attribute value contains needle, ignoring ASCII case and spaces in the value. */
static bool html_attr_has(const GumboElement *el, const char *name, const char *needle)
{
    const GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
    if (!a)
        return false;
    char buf[128];
    size_t k = 0;
    for (const char *v = a->value; *v && k + 1 < sizeof buf; v++)
        if (*v != ' ' && *v != '\t' && *v != '\n')
            buf[k++] = (char)(*v >= 'A' && *v <= 'Z' ? *v + 32 : *v);
    buf[k] = '\0';
    return strstr(buf, needle) != NULL;
}

/* Whether an element is hidden or a landmark that is not the article (role=navigation...). */
static bool html_hidden(const GumboElement *el)
{
    if (!el->attributes.length)
        return false;
    if (gumbo_get_attribute(&el->attributes, "hidden"))
        return true;
    if (html_attr_has(el, "aria-hidden", "true"))
        return true;
    if (html_attr_has(el, "style", "display:none") || html_attr_has(el, "style", "visibility:hidden"))
        return true;
    const GumboAttribute *role = gumbo_get_attribute(&el->attributes, "role");
    if (role) {
        static const char *const roles[] = {"navigation", "banner", "complementary",
                                            "contentinfo", "dialog", "alertdialog", "menu",
                                            "menubar", "search", "toolbar", "tooltip", NULL};
        return html_name_in(role->value, strlen(role->value), roles);
    }
    return false;
}

typedef struct html_tree {
    html_node *n;
    size_t len, cap;
    rc_arena *tmp;
} html_tree;

/* Appends a node under parent; returns its index or HN_NONE when memory runs out. */
static uint32_t tree_add(html_tree *t, uint32_t parent)
{
    if (t->len >= UINT32_MAX - 1 ||
        rc_arena_grow(t->tmp, (void **)&t->n, &t->cap, t->len + 1, sizeof *t->n))
        return HN_NONE;
    uint32_t i = (uint32_t)t->len++;
    html_node *x = &t->n[i];
    memset(x, 0, sizeof *x);
    x->parent = parent;
    x->first = x->last = x->next = HN_NONE;
    if (parent != HN_NONE) {
        html_node *p = &t->n[parent];
        if (p->last == HN_NONE)
            p->first = i;
        else
            t->n[p->last].next = i;
        p->last = i;
    }
    return i;
}

/* Counts the characters that are not white space, the commas and the sentence ends of a text. */
static void html_count(const char *s, size_t n, uint32_t *chars, uint32_t *commas, uint32_t *stops)
{
    uint32_t c = 0, cm = 0, st = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || (b & 0xc0) == 0x80)
            continue;
        if (b == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0)
            continue; /* no-break space */
        c++;
        if (b == ',')
            cm++;
        else if (b == '.' || b == '!' || b == '?')
            st++;
    }
    *chars = c, *commas = cm, *stops = st;
}

typedef struct walk_frame {
    const GumboNode *g;
    uint32_t child; /* next child to visit */
    uint32_t me;    /* node index, or HN_NONE inside a dropped subtree */
    uint32_t owner; /* nearest block element: the line its inline text belongs to */
    uint8_t dropped, link, pre, in_article, time;
} walk_frame;

/* Walks gumbo's tree without recursion: metadata from every element, article candidates into
 * t. */
static int html_walk(const html_lex *lx, const GumboNode *root, html_tree *t, html_meta *m)
{
    walk_frame *st = NULL;
    size_t sp = 0, scap = 0;
    if (rc_arena_grow(t->tmp, (void **)&st, &scap, 64, sizeof *st))
        return RC_ENOMEM;
    uint32_t top = tree_add(t, HN_NONE); /* node 0: the document */
    if (top == HN_NONE)
        return RC_ENOMEM;
    t->n[top].flags = HN_BLOCK;
    t->n[top].tag = GUMBO_TAG_UNKNOWN;
    st[sp++] = (walk_frame){root, 0, top, top, 0, 0, 0, 0, 0};
    while (sp) {
        walk_frame *f = &st[sp - 1];
        const GumboVector *kids = f->g->type == GUMBO_NODE_DOCUMENT ? &f->g->v.document.children
                                                                    : &f->g->v.element.children;
        if (f->child >= kids->length) {
            sp--;
            continue;
        }
        const GumboNode *c = kids->data[f->child++];
        walk_frame fr = *f; /* copy: the stack may move */
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
            c->type == GUMBO_NODE_CDATA) {
            if (fr.dropped)
                continue;
            uint32_t i = tree_add(t, fr.me);
            if (i == HN_NONE)
                return RC_ENOMEM;
            html_node *x = &t->n[i];
            size_t tl;
            x->text = rc_html_runs_text(m->runs, c->v.text.text, strlen(c->v.text.text),
                                        t->tmp, &tl);
            if (!x->text)
                return RC_ENOMEM;
            x->tlen = (uint32_t)tl;
            x->flags = HN_TEXT | (fr.link ? HN_LINK : 0) | (fr.pre ? HN_PRE : 0) |
                       (fr.time ? HN_TIME : 0);
            html_count(x->text, x->tlen, &x->chars, &x->commas, &x->stops);
            if (fr.link)
                x->linkchars = x->chars;
            x->owner = fr.owner;
            continue;
        }
        if (c->type != GUMBO_NODE_ELEMENT)
            continue; /* comments, templates */
        const GumboElement *el = &c->v.element;
        GumboTag tag = el->tag;
        bool drop = fr.dropped;
        int32_t hint = 0;
        if (!drop) {
            drop = html_drop_tag(tag) || html_hidden(el) ||
                   (tag == GUMBO_TAG_HEADER && !fr.in_article);
            hint = drop ? 0 : rc_html_hint(lx, el);
            const GumboAttribute *role = gumbo_get_attribute(&el->attributes, "role");
            if (role && (strcasecmp(role->value, "main") == 0 ||
                         strcasecmp(role->value, "article") == 0))
                hint += 25;
        }
        rc_html_meta_element(lx, m, c, drop, t->tmp);
        walk_frame nf = {c, 0, HN_NONE, fr.owner, drop, fr.link, fr.pre, fr.in_article, fr.time};
        if (!drop) {
            uint32_t i = tree_add(t, fr.me);
            if (i == HN_NONE)
                return RC_ENOMEM;
            html_node *x = &t->n[i];
            x->tag = (uint16_t)tag;
            if (html_is_block(tag))
                x->flags |= HN_BLOCK, nf.owner = i;
            if (tag == GUMBO_TAG_BR)
                x->flags |= HN_BR;
            if (html_is_para(tag))
                x->flags |= HN_PARA;
            if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6)
                x->flags |= HN_HEADING;
            x->hint = hint;
            if (hint <= HTML_HINT_DROP && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML)
                x->flags |= HN_HINTDROP;
            nf.me = i;
            if (tag == GUMBO_TAG_A)
                nf.link = 1;
            if (tag == GUMBO_TAG_PRE)
                nf.pre = 1;
            if (tag == GUMBO_TAG_TIME)
                nf.time = 1;
            if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
                (gumbo_get_attribute(&el->attributes, "itemprop") &&
                 html_attr_has(el, "itemprop", "articlebody")))
                nf.in_article = 1;
        }
        if (sp == scap && rc_arena_grow(t->tmp, (void **)&st, &scap, sp + 1, sizeof *st))
            return RC_ENOMEM;
        st[sp++] = nf;
    }
    return RC_OK;
}

/* ---- scoring ------------------------------------------------------------------------------ */

/* Whether an element is a container whose own text stands for a paragraph inside it. */
static bool html_is_container(const html_node *x)
{
    switch (x->tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER: case GUMBO_TAG_TD:
        return true;
    default:
        return false;
    }
}

/* Sums the counts of text nodes into their ancestors, leaving out what is gone. */
static void html_sum(html_tree *t)
{
    html_node *n = t->n;
    for (size_t i = 0; i < t->len; i++)
        if (!(n[i].flags & HN_TEXT))
            n[i].chars = n[i].linkchars = n[i].commas = n[i].stops = n[i].own = n[i].paras = 0;
    for (size_t i = t->len; i-- > 1;) {
        html_node *x = &n[i], *p = &n[x->parent];
        if (x->flags & HN_GONE)
            continue;
        if (x->flags & HN_TEXT)
            n[x->owner].own += x->chars;
        p->chars += x->chars;
        p->linkchars += x->linkchars;
        p->commas += x->commas;
        p->stops += x->stops;
        if ((x->flags & HN_PARA) && x->chars >= HTML_MIN_PARA)
            x->paras++;
        p->paras += x->paras;
    }
}

/* Leaves out the elements whose hints say furniture, and everything inside them, unless one
 * holds most of the page's text (a site that wraps the whole page in "ad-portal"). */
static void html_drop_hinted(html_tree *t)
{
    html_node *n = t->n;
    uint32_t total = n[0].chars;
    for (size_t i = 0; i < t->len; i++)
        n[i].best_below = INT32_MIN;
    for (size_t i = t->len; i-- > 1;) {
        html_node *x = &n[i], *p = &n[x->parent];
        int32_t b = x->hint > x->best_below ? x->hint : x->best_below;
        if (!(x->flags & HN_TEXT) && b > p->best_below)
            p->best_below = b;
    }
    for (size_t i = 1; i < t->len; i++) {
        html_node *x = &n[i];
        /* kept when it holds most of the page or an element marked as the article body */
        if ((n[x->parent].flags & HN_GONE) ||
            ((x->flags & HN_HINTDROP) && (double)x->chars < 0.5 * total &&
             x->best_below < HTML_HINT_BODY))
            x->flags |= HN_GONE;
    }
}

/* Gives each paragraph's score to the elements above it: full to the first, then a half, a
 * third, a quarter. */
static void html_score(html_tree *t)
{
    html_node *n = t->n;
    html_sum(t);
    html_drop_hinted(t);
    html_sum(t);
    for (size_t i = 1; i < t->len; i++) {
        html_node *x = &n[i];
        if ((x->flags & (HN_TEXT | HN_GONE)) || !(x->flags & HN_BLOCK) || x->own < HTML_MIN_PARA)
            continue;
        if (!(x->flags & HN_PARA) && !html_is_container(x))
            continue;
        /* the paragraph's own counts: its whole subtree for a paragraph element, an estimate
         * from its own characters for a container with loose text */
        double chars = x->own, links = 0, commas = 0;
        if (x->flags & HN_PARA) {
            chars = x->chars;
            links = x->linkchars;
            commas = x->commas;
        } else if (x->chars) {
            links = (double)x->linkchars * x->own / x->chars;
            commas = (double)x->commas * x->own / x->chars;
        }
        double ld = chars > 0 ? links / chars : 1;
        if (ld > 0.5)
            continue;
        double s = 1 + (chars / 100 < 3 ? chars / 100 : 3) + (commas < 6 ? commas : 6) * 0.5;
        if (x->flags & HN_HEADING)
            s *= 0.5;
        s *= 1 - ld;
        uint32_t at = (x->flags & HN_PARA) ? x->parent : (uint32_t)i;
        for (int level = 0; level < 4 && at != HN_NONE && at != 0; level++) {
            n[at].score += (float)(s / (level + 1));
            at = n[at].parent;
        }
    }
}

/* The final score of a candidate: gathered score, less its share of link text, weighted by its
 * class and id hints. */
static double html_final(const html_node *x)
{
    if (x->score <= 0 || x->chars == 0 || (x->flags & HN_GONE))
        return 0;
    double ld = (double)x->linkchars / x->chars;
    double h = x->hint;
    if (h > 100)
        h = 100;
    if (h < -50)
        h = -50;
    return x->score * (1 - ld) * (1 + h / 100);
}

/* The index just after the subtree at i (nodes are in preorder): the next sibling of i or of
 * its nearest ancestor that has one. */
static uint32_t subtree_end(const html_tree *t, uint32_t i)
{
    while (i != HN_NONE) {
        if (t->n[i].next != HN_NONE)
            return t->n[i].next;
        i = t->n[i].parent;
    }
    return (uint32_t)t->len;
}

/* Marks, inside a chosen subtree, the blocks that are not article text: link lists, negatively
 * hinted blocks, the title's <h1>. */
static void html_prune(html_tree *t, uint32_t root)
{
    html_node *n = t->n;
    uint32_t end = subtree_end(t, root);
    for (uint32_t i = root + 1; i < end;) {
        html_node *x = &n[i];
        if (x->flags & HN_GONE) {
            x->flags |= HN_REMOVED;
            i = subtree_end(t, i);
            continue;
        }
        if ((x->flags & HN_TEXT) || !x->chars) {
            i++;
            continue;
        }
        double ld = (double)x->linkchars / x->chars;
        bool list = x->tag == GUMBO_TAG_UL || x->tag == GUMBO_TAG_OL || x->tag == GUMBO_TAG_DL;
        bool block = (x->flags & HN_BLOCK) != 0;
        if ((x->hint < 0 && x->commas < 10) || (block && ld > 0.5 && x->commas < 10) ||
            (list && ld > 0.33) || x->tag == GUMBO_TAG_H1) {
            x->flags |= HN_REMOVED;
            i = subtree_end(t, i);
            continue;
        }
        i++;
    }
}

/* Whether the paragraph text (UTF-8, squeezed) is site furniture named by a web_boilerplate
 * lexicon: the whole line, or its start when the entry's value is "prefix". */
static bool html_boilerplate(const html_lex *lx, const char *s, size_t n)
{
    if (!lx->n || n > 400)
        return false;
    char key[RC_LEX_MAXKEY];
    size_t head = n < 100 ? n : 100;
    size_t k = rc_fold(s, head, key, sizeof key);
    if (k > sizeof key)
        return false;
    /* strip trailing punctuation and spaces of the whole line */
    size_t whole = k;
    while (whole && (key[whole - 1] == ' ' || key[whole - 1] == ':' || key[whole - 1] == '.' ||
                     key[whole - 1] == '>' || key[whole - 1] == '-'))
        whole--;
    for (size_t l = 0; l < lx->n; l++) {
        const rc_lexicon *lex = lx->boiler[l];
        if (!lex)
            continue;
        size_t longest = lx->boiler_max[l]; /* no key is longer: no lookup past it */
        if (head == n && whole && whole <= longest && rc_lex_get_folded(lex, key, whole))
            return true;
        for (size_t e = 1, words = 0; e <= k && e <= longest + 1 && words < 6; e++) {
            if (e < k && key[e] != ' ' && key[e] != ':')
                continue;
            words++;
            size_t ke = e;
            while (ke && key[ke - 1] == ' ')
                ke--;
            const char *v = ke ? rc_lex_get_folded(lex, key, ke) : NULL;
            if (v && strcmp(v, "prefix") == 0)
                return true;
        }
    }
    return false;
}

/* ---- rendering ---------------------------------------------------------------------------- */

typedef struct html_out {
    char *s; /* scratch arena */
    size_t len, cap;
    size_t para;      /* where the current paragraph starts */
    size_t chars, links, times; /* its non-space characters, those in links and in <time> */
    bool space;       /* white space seen since the last character */
    rc_arena *tmp;
    const html_lex *lx;
    int err;
} html_out;

/* Makes room for n more bytes. */
static bool out_room(html_out *o, size_t n)
{
    if (o->err)
        return false;
    if (rc_arena_grow(o->tmp, (void **)&o->s, &o->cap, o->len + n + 1, 1)) {
        o->err = RC_ENOMEM;
        return false;
    }
    return true;
}

/* Ends the current paragraph: kept with a line break, or taken back when it is furniture. */
static void out_flush(html_out *o)
{
    size_t n = o->len - o->para;
    if (n == 0)
        return;
    bool drop = o->chars == 0 || (o->links * 2 > o->chars && o->chars < 300) ||
                (o->times == o->chars && o->chars < 100) || /* a date line of the page */
                html_boilerplate(o->lx, o->s + o->para, n);
    if (drop) {
        o->len = o->para;
    } else if (out_room(o, 1)) {
        o->s[o->len++] = '\n';
    }
    o->para = o->len;
    o->chars = o->links = o->times = 0;
    o->space = false;
}

/* Appends a text node with white space collapsed (line breaks kept in <pre>): a word at a time,
 * counting its characters (UTF-8 lead bytes) for the paragraph's link and date shares. */
static void out_text(html_out *o, const html_node *x)
{
    if (!out_room(o, x->tlen + 1))
        return;
    const unsigned char *s = (const unsigned char *)x->text;
    size_t n = x->tlen;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (c == '\n' && (x->flags & HN_PRE)) {
                out_flush(o);
                if (!out_room(o, n - i + 1))
                    return;
            } else {
                o->space = true;
            }
            i++;
            continue;
        }
        size_t e = i + 1, chars = 1;
        for (; e < n; e++) {
            unsigned char d = s[e];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f')
                break;
            chars += (d & 0xc0) != 0x80;
        }
        if (o->space && o->len > o->para)
            o->s[o->len++] = ' ';
        o->space = false;
        memcpy(o->s + o->len, s + i, e - i);
        o->len += e - i;
        if ((c & 0xc0) == 0x80)
            chars--; /* a word that starts with a continuation byte */
        o->chars += chars;
        if (x->flags & HN_LINK)
            o->links += chars;
        if (x->flags & HN_TIME)
            o->times += chars;
        i = e;
    }
}

/* Writes the text of the subtree at root, skipping removed blocks; iterative. */
static void html_render(html_tree *t, uint32_t root, html_out *o)
{
    html_node *n = t->n;
    uint32_t i = root;
    out_flush(o);
    for (;;) {
        html_node *x = &n[i];
        bool enter = false;
        if (x->flags & HN_TEXT) {
            out_text(o, x);
        } else if (!(x->flags & HN_REMOVED)) {
            if (x->flags & HN_BLOCK)
                out_flush(o);
            enter = x->first != HN_NONE;
        }
        if (enter) {
            i = x->first;
            continue;
        }
        /* next in preorder: a sibling, or the sibling of the nearest ancestor that has one */
        while (i != root && n[i].next == HN_NONE) {
            i = n[i].parent;
            if (n[i].flags & HN_BLOCK)
                out_flush(o);
        }
        if (i == root)
            break;
        i = n[i].next;
    }
    out_flush(o);
}

/* Chooses the article's elements and renders them into o. */
static void html_extract(html_tree *t, html_out *o)
{
    html_node *n = t->n;
    uint32_t best = HN_NONE;
    double bs = 0;
    for (uint32_t i = 1; i < t->len; i++) {
        double s = html_final(&n[i]);
        if (s > bs)
            bs = s, best = i;
    }
    if (best == HN_NONE) { /* no paragraph anywhere: render the whole page, filtered */
        html_prune(t, 0);
        html_render(t, 0, o);
        return;
    }
    uint32_t parent = n[best].parent;
    double floor = bs * 0.25 > 3 ? bs * 0.25 : 3;
    for (uint32_t c = parent != HN_NONE ? n[parent].first : best; c != HN_NONE; c = n[c].next) {
        html_node *x = &n[c];
        bool take = c == best;
        if (!take && !(x->flags & (HN_TEXT | HN_GONE)) && x->hint >= 0) {
            double ld = x->chars ? (double)x->linkchars / x->chars : 1;
            if (html_final(x) >= floor)
                take = true;
            else if ((x->flags & HN_BLOCK) && !(x->flags & HN_HEADING) && x->paras <= 1 &&
                     x->chars >= 80 && ld < 0.25 && x->stops > 0)
                take = true; /* one paragraph of prose beside the article: a lead, a last line */
        }
        if (take) {
            html_prune(t, c);
            html_render(t, c, o);
        }
        if (parent == HN_NONE)
            break;
    }
}

/* Copies JSON-LD articleBody text into o, when it is all there is: one paragraph per line, tags
 * that some sites leave in it stripped (<p> and <br> end a line). */
static void html_use_ld_body(html_out *o, const char *body)
{
    o->len = o->para = 0;
    size_t n = strlen(body);
    if (!out_room(o, n + 2))
        return;
    size_t w = 0, line = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = body[i];
        bool brk = c == '\n' || c == '\0';
        if (c == '<') {
            const char *gt = memchr(body + i, '>', n - i);
            if (gt && gt - (body + i) < 200) {
                bool block = (body[i + 1] | 32) == 'p' || (body[i + 1] | 32) == 'b' ||
                             body[i + 1] == '/';
                i = (size_t)(gt - body);
                if (!block)
                    continue;
                brk = true;
            }
        }
        if (!brk) {
            o->s[w++] = c;
            continue;
        }
        size_t k = rc_html_squeeze(o->s + line, w - line);
        w = line + k;
        if (k)
            o->s[w++] = '\n', line = w;
    }
    o->len = w;
}

/* ---- entry points ------------------------------------------------------------------------- */

int rc_html_page_ctx(const rc_ctx *ctx, const char *bytes, size_t len, const char *charset,
                     rc_arena *a, rc_page *out)
{
    memset(out, 0, sizeof *out);
    if (!bytes && len)
        return RC_EINVAL;
    html_lex lx;
    rc_html_lex_init(ctx, &lx);
    rc_arena tmp;
    rc_arena_init(&tmp);
    html_meta meta;
    memset(&meta, 0, sizeof meta);
    const char *u8;
    size_t u8len;
    char *prep;
    size_t plen;
    int status = html_utf8(bytes ? bytes : "", len, charset, &tmp, &u8, &u8len);
    if (!status && u8len > HTML_MAXLEN)
        status = RC_ETOOBIG;
    html_runs runs = {NULL, NULL, 0};
    meta.runs = &runs;
    if (!status)
        status = html_prepare(u8, u8len, &meta, &tmp, &prep, &plen, &runs);
    if (status) {
        rc_arena_free(&tmp);
        return status;
    }
    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = html_gumbo_alloc;
    opt.deallocator = html_gumbo_free;
    html_scratch gscratch = {NULL};
    opt.userdata = &gscratch;
    opt.max_errors = 0;
    GumboOutput *g = gumbo_parse_with_options(&opt, prep, plen);
    html_tree t = {NULL, 0, 0, &tmp};
    status = g ? html_walk(&lx, g->document, &t, &meta) : RC_ENOMEM;
    html_out o;
    memset(&o, 0, sizeof o);
    o.tmp = &tmp;
    o.lx = &lx;
    if (!status) {
        html_score(&t);
        html_extract(&t, &o);
        status = o.err;
    }
    if (!status && meta.ld_body && strlen(meta.ld_body) >= 500 &&
        strlen(meta.ld_body) > o.len * 3 / 2)
        html_use_ld_body(&o, meta.ld_body);
    while (!status && o.len && o.s[o.len - 1] == '\n')
        o.len--;
    if (!status)
        status = rc_html_meta_finish(&meta, a, out);
    if (!status && o.len == 0)
        status = RC_EFORMAT;
    if (!status && !(out->text = rc_arena_strndup(a, o.s, o.len)))
        status = RC_ENOMEM;
    if (status)
        memset(out, 0, sizeof *out);
    else
        out->len = o.len;
    html_scratch_release(&gscratch); /* gumbo's tree */
    rc_arena_free(&tmp);
    return status;
}

int rc_html_page(const char *bytes, size_t len, const char *charset, rc_arena *a, rc_page *out)
{
    return rc_html_page_ctx(NULL, bytes, len, charset, a, out);
}

int rc_html_sniff(const char *bytes, size_t len)
{
    size_t n = len < 2048 ? len : 2048;
    size_t i = 0;
    if (n >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < n && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r'))
        i++;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                         NULL};
    for (const char *const *s = starts; *s; s++)
        if (n - i >= strlen(*s) && strncasecmp(bytes + i, *s, strlen(*s)) == 0)
            return 1;
    for (size_t j = i; j + 5 <= n; j++)
        if (bytes[j] == '<' && (strncasecmp(bytes + j, "<html", 5) == 0 ||
                                strncasecmp(bytes + j, "<!doc", 5) == 0 ||
                                strncasecmp(bytes + j, "<body", 5) == 0))
            return 1;
    /* markup density: several paragraph, division or line-break tags */
    size_t tags = 0;
    for (size_t j = i; j + 4 <= n; j++)
        if (bytes[j] == '<' && (strncasecmp(bytes + j + 1, "p>", 2) == 0 ||
                                strncasecmp(bytes + j + 1, "div", 3) == 0 ||
                                strncasecmp(bytes + j + 1, "br", 2) == 0 ||
                                strncasecmp(bytes + j + 1, "/p>", 3) == 0))
            tags++;
    return tags >= 4;
}
