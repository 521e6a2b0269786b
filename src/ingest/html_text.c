/*
 * html_text.c - text read back from gumbo's tree, shared by the article extraction and the
 * metadata reader: white space squeezed, and the long runs the light pass set aside (stand-ins in
 * the private-use planes) put back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/html_int.h"
#include "recoupe.h"

/* Length of the white space at s (ASCII, no-break, narrow no-break, thin), or 0. */
static size_t ws_len(const unsigned char *s, size_t n)
{
    if (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f'))
        return 1;
    if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
        return 2;
    if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xaf || s[2] == 0x89 || s[2] == 0x8a))
        return 3;
    return 0;
}

size_t rc_html_squeeze(char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w = 0;
    bool space = false;
    for (size_t i = 0; i < len;) {
        size_t k = ws_len(u + i, len - i);
        if (k) {
            space = true;
            i += k;
            continue;
        }
        if (space && w)
            s[w++] = ' ';
        space = false;
        s[w++] = s[i++];
    }
    s[w] = '\0';
    return w;
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

char *rc_html_gumbo_text(const GumboNode *node, const html_runs *runs, size_t max,
                         rc_arena *tmp)
{
    char *buf = rc_arena_alloc(tmp, max + 1);
    if (!buf)
        return NULL;
    size_t len = 0;
    typedef struct {
        const GumboNode *n;
        unsigned i;
    } frame;
    frame stack[64];
    int sp = 0;
    if (node->type != GUMBO_NODE_ELEMENT)
        return NULL;
    stack[sp++] = (frame){node, 0};
    while (sp && len < max) {
        frame *f = &stack[sp - 1];
        const GumboVector *kids = &f->n->v.element.children;
        if (f->i >= kids->length) {
            sp--;
            continue;
        }
        const GumboNode *c = kids->data[f->i++];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
            c->type == GUMBO_NODE_CDATA) {
            size_t k = strlen(c->v.text.text);
            const char *txt = runs ? rc_html_runs_text(runs, c->v.text.text, k, tmp, &k)
                                   : c->v.text.text;
            if (!txt)
                return NULL;
            if (k > max - len)
                k = max - len;
            memcpy(buf + len, txt, k);
            len += k;
        } else if (c->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = c->v.element.tag;
            if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE)
                continue;
            if (len < max && (t == GUMBO_TAG_BR || t == GUMBO_TAG_P || t == GUMBO_TAG_DIV ||
                              t == GUMBO_TAG_LI))
                buf[len++] = ' ';
            if (sp < 64) /* deeper inline markup in a title or byline is not worth reading */
                stack[sp++] = (frame){c, 0};
        }
    }
    while (len && ((unsigned char)buf[len - 1] & 0xc0) == 0x80 && len == max)
        len--; /* do not end inside a character cut at max */
    if (len && ((unsigned char)buf[len - 1] & 0xc0) == 0xc0)
        len--;
    buf[len] = '\0';
    len = rc_html_squeeze(buf, len);
    return len ? buf : NULL;
}
