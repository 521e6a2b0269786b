/*
 * html_prepass.c - the light pass over a page's bytes before gumbo: comments, scripts and styles
 * are dropped (JSON-LD blocks are read on the way), long runs of characters gumbo would copy one
 * by one are set aside, and the nesting of elements is capped, so that gumbo's scope checks, which
 * walk the stack of open elements, stay cheap on pages nested hundreds of thousands deep.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/html_int.h"
#include "recoupe.h"
#include "util/fold.h"

/* Deepest nesting of elements handed to gumbo; deeper start tags are left out with their end
 * tags (the text inside is kept). Real pages stay far below. */
#define HTML_MAXDEPTH 512

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
bool html_name_in(const char *name, size_t n, const char *const *list)
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
        if (i + k + 2 >= n) /* no room left for "</name>" after this "<" */
            return 0;
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
int html_prepare(const char *s, size_t n, html_meta *m, rc_arena *tmp, char **out,
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
