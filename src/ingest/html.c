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

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/html_int.h"
#include "recoupe.h"
#include "util/fold.h"

/* Class/id weight at or below which an element and everything inside it is left out. */
#define HTML_HINT_DROP (-25)
/* Class/id weight of an element that names the article body itself (itemprop="articleBody",
 * "article-body"): an element holding one is never left out for its own hints. */
#define HTML_HINT_BODY 30
/* Shortest inline text that counts as a paragraph when scoring. */
#define HTML_MIN_PARA 25
/* Largest page accepted, after conversion to UTF-8. */
#define HTML_MAXLEN ((size_t)1 << 30)

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
