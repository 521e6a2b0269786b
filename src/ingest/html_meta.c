/*
 * html_meta.c - what a web page says about itself: title, author, publication date, site,
 * language and canonical URL, from <meta> (Open Graph, Dublin Core, article:*), JSON-LD,
 * schema.org microdata, <h1>, <title>, <time>, byline elements and the URL. Every source is
 * collected during the one walk over the page; rc_html_meta_finish then applies the precedence
 * documented in docs/web.md. Also the class/id hint lookup used by extraction.
 *
 * The names of meta properties and JSON-LD keys are fixed by their standards (Open Graph, Dublin
 * Core, schema.org) and live here; the words that name page regions in class and id attributes
 * vary by site and language and live in data/<lang>/web_hints.tsv and web_byline.txt.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/html_int.h"
#include "recoupe.h"
#include "util/fold.h"
#include "util/date.h"

/* Longest metadata string kept (a title, an author list). */
#define META_MAX 1024

/* ---- class and id hints ------------------------------------------------------------------- */

/* Keeps the length of the longest key seen (an rc_lex_each callback). */
static int lex_longest(void *ud, const char *key, const char *value)
{
    (void)value;
    size_t *max = ud, k = strlen(key);
    if (k > *max)
        *max = k;
    return 0;
}

void rc_html_lex_init(const rc_ctx *ctx, html_lex *lx)
{
    memset(lx, 0, sizeof *lx);
    for (size_t l = 0; ctx && l < ctx->nlangs; l++) {
        lx->hints[l] = rc_lang_lex(&ctx->langs[l], "web_hints");
        lx->byline[l] = rc_lang_lex(&ctx->langs[l], "web_byline");
        lx->boiler[l] = rc_lang_lex(&ctx->langs[l], "web_boilerplate");
        rc_lex_each(lx->boiler[l], lex_longest, &lx->boiler_max[l]);
        lx->n = l + 1;
    }
}

/* The weight of one token found in any language's web_hints lexicon; *found tells whether it
 * was found. */
static int32_t hint_lookup(const html_lex *lx, const char *s, size_t n, bool *found)
{
    *found = false;
    if (n < 2 || n >= RC_LEX_MAXKEY)
        return 0;
    char key[RC_LEX_MAXKEY];
    size_t k = rc_fold(s, n, key, sizeof key);
    if (k > sizeof key)
        return 0;
    for (size_t l = 0; l < lx->n; l++) {
        const char *v = rc_lex_get_folded(lx->hints[l], key, k);
        if (v) {
            *found = true;
            return (int32_t)strtol(v, NULL, 10);
        }
    }
    return 0;
}

/* Weight of one class word: the whole word when listed ("sr-only", "lire-aussi"), else the sum
 * of its parts split at '-', '_', digits and lower-to-upper case changes ("articleBody" gives
 * "article" and "body"). */
static int32_t hint_word(const html_lex *lx, const char *w, size_t n)
{
    bool found;
    int32_t whole = hint_lookup(lx, w, n, &found);
    if (found)
        return whole;
    int32_t sum = 0;
    size_t start = 0;
    for (size_t i = 1; i <= n; i++) {
        bool cut = i == n || w[i] == '-' || w[i] == '_' || w[i] == ':' || w[i] == '.' ||
                   (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z');
        if (!cut)
            continue;
        size_t b = start, e = i;
        while (b < e && (w[b] == '-' || w[b] == '_' || w[b] == ':' || w[b] == '.'))
            b++;
        if (e > b && !(n == e - b))
            sum += hint_lookup(lx, w + b, e - b, &found);
        start = i;
    }
    return sum;
}

/* Sums hint_word over the space-separated words of an attribute value (at most 16 words). */
static int32_t hint_attr(const html_lex *lx, const GumboElement *el, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
    if (!a)
        return 0;
    int32_t sum = 0;
    const char *v = a->value;
    for (int words = 0; *v && words < 16;) {
        while (*v == ' ' || *v == '\t' || *v == '\n')
            v++;
        const char *b = v;
        while (*v && *v != ' ' && *v != '\t' && *v != '\n')
            v++;
        if (v > b) {
            sum += hint_word(lx, b, (size_t)(v - b));
            words++;
        }
    }
    return sum;
}

int32_t rc_html_hint(const html_lex *lx, const GumboElement *el)
{
    if (!lx->n || !el->attributes.length)
        return 0;
    return hint_attr(lx, el, "class") + hint_attr(lx, el, "id") + hint_attr(lx, el, "itemprop");
}

/* Whether one attribute value has a word (or a part of one) listed in web_byline. */
static bool byline_attr(const html_lex *lx, const GumboElement *el, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
    if (!a)
        return false;
    const char *v = a->value;
    size_t start = 0, n = strlen(v);
    for (size_t i = 0; i <= n; i++) {
        bool cut = i == n || v[i] == ' ' || v[i] == '-' || v[i] == '_' || v[i] == '\t';
        if (!cut)
            continue;
        if (i > start && i - start < RC_LEX_MAXKEY)
            for (size_t l = 0; l < lx->n; l++)
                if (rc_lex_get(lx->byline[l], v + start, i - start))
                    return true;
        start = i + 1;
    }
    return false;
}

bool rc_html_byline_class(const html_lex *lx, const GumboElement *el)
{
    if (!lx->n || !el->attributes.length)
        return false;
    return byline_attr(lx, el, "class") || byline_attr(lx, el, "id");
}

/* ---- text helpers ------------------------------------------------------------------------- */

/* Copies a string into tmp, squeezed, cut at META_MAX bytes (on a character boundary). */
static const char *meta_str(rc_arena *tmp, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (n > META_MAX) {
        n = META_MAX;
        while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
            n--;
    }
    char *c = rc_arena_strndup(tmp, s, n);
    if (!c)
        return NULL;
    n = rc_html_squeeze(c, n);
    return n ? c : NULL;
}

/* ---- collection during the walk ----------------------------------------------------------- */

/* Sets *slot to s (squeezed copy) when it is still empty. */
static void meta_set(rc_arena *tmp, const char **slot, const char *s)
{
    if (!*slot && s && *s)
        *slot = meta_str(tmp, s);
}

/* The value of an attribute, or NULL. */
static const char *attr(const GumboElement *el, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
    return a ? a->value : NULL;
}

/* Whether s equals one of the names of list (NULL-terminated), ignoring ASCII case. */
static bool name_is(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(s, *list) == 0)
            return true;
    return false;
}

/* Whether a value is a link rather than a name (article:author often is). */
static bool is_link(const char *s)
{
    return strncasecmp(s, "http:", 5) == 0 || strncasecmp(s, "https:", 6) == 0 || s[0] == '/';
}

/* Records one <meta>: the key is its property, name or itemprop; the value its content (or
 * value, which some saved pages use). */
static void meta_tag(html_meta *m, const GumboElement *el, rc_arena *tmp)
{
    const char *val = attr(el, "content");
    if (!val)
        val = attr(el, "value");
    if (!val || !*val)
        return;
    static const char *const authors[] = {"author", "article:author", "og:article:author",
                                          "dc.creator", "dcterms.creator", "byl",
                                          "sailthru.author", "parsely-author", "book:author",
                                          NULL};
    static const char *const dates[] = {"date", "pubdate", "publishdate", "publish-date",
                                        "publish_date", "publication_date", "dc.date",
                                        "dc.date.created", "dc.date.issued", "dcterms.date",
                                        "dcterms.created", "dcterms.issued", "sailthru.date",
                                        "parsely-pub-date", "article.published", "og:pubdate",
                                        "originalpublicationdate", "datecreated", NULL};
    static const char *const published[] = {"article:published_time", "og:article:published_time",
                                            "og:published_time", "published_time", NULL};
    const char *keys[3] = {attr(el, "property"), attr(el, "name"), attr(el, "itemprop")};
    for (int k = 0; k < 3; k++) {
        const char *key = keys[k];
        if (!key)
            continue;
        if (strcasecmp(key, "og:title") == 0)
            meta_set(tmp, &m->og_title, val);
        else if (strcasecmp(key, "twitter:title") == 0)
            meta_set(tmp, &m->tw_title, val);
        else if (strcasecmp(key, "dc.title") == 0 || strcasecmp(key, "dcterms.title") == 0)
            meta_set(tmp, &m->dc_title, val);
        else if (strcasecmp(key, "headline") == 0)
            meta_set(tmp, &m->itemprop_headline, val);
        else if (strcasecmp(key, "og:site_name") == 0)
            meta_set(tmp, &m->og_site, val);
        else if (strcasecmp(key, "application-name") == 0 ||
                 strcasecmp(key, "apple-mobile-web-app-title") == 0)
            meta_set(tmp, &m->app_name, val);
        else if (name_is(key, authors) && !is_link(val))
            meta_set(tmp, &m->meta_author, val);
        else if (name_is(key, published))
            meta_set(tmp, &m->pub_time, val);
        else if (strcasecmp(key, "datepublished") == 0)
            meta_set(tmp, &m->itemprop_date, val);
        else if (name_is(key, dates))
            meta_set(tmp, &m->meta_date, val);
        else if (strcasecmp(key, "og:url") == 0)
            meta_set(tmp, &m->og_url, val);
        else if (strcasecmp(key, "og:locale") == 0)
            meta_set(tmp, &m->og_locale, val);
        else if (strcasecmp(key, "dc.language") == 0 || strcasecmp(key, "language") == 0 ||
                 strcasecmp(key, "dcterms.language") == 0)
            meta_set(tmp, &m->meta_lang, val);
    }
    const char *equiv = attr(el, "http-equiv");
    if (equiv && strcasecmp(equiv, "content-language") == 0)
        meta_set(tmp, &m->meta_lang, val);
}

void rc_html_meta_element(const html_lex *lx, html_meta *m, const GumboNode *node, bool dropped,
                          rc_arena *tmp)
{
    const GumboElement *el = &node->v.element;
    switch (el->tag) {
    case GUMBO_TAG_HTML: {
        const char *lang = attr(el, "lang");
        meta_set(tmp, &m->html_lang, lang ? lang : attr(el, "xml:lang"));
        return;
    }
    case GUMBO_TAG_META:
        meta_tag(m, el, tmp);
        return;
    case GUMBO_TAG_TITLE:
        if (!m->title_el)
            m->title_el = rc_html_gumbo_text(node, m->runs, META_MAX, tmp);
        return;
    case GUMBO_TAG_LINK: {
        const char *rel = attr(el, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0)
            meta_set(tmp, &m->canonical, attr(el, "href"));
        return;
    }
    case GUMBO_TAG_H1:
        m->h1_count++;
        if (!m->h1)
            m->h1 = rc_html_gumbo_text(node, m->runs, META_MAX, tmp);
        break;
    case GUMBO_TAG_TIME: {
        const char *dt = attr(el, "datetime");
        if (dt && (gumbo_get_attribute(&el->attributes, "pubdate") ||
                   (attr(el, "itemprop") && strcasecmp(attr(el, "itemprop"), "datePublished") == 0)))
            meta_set(tmp, &m->itemprop_date, dt);
        else if (dt && !dropped)
            meta_set(tmp, &m->time_el, dt);
        break;
    }
    default:
        break;
    }
    if (!el->attributes.length)
        return;
    const char *ip = attr(el, "itemprop");
    if (ip) {
        if (strcasecmp(ip, "datePublished") == 0) {
            const char *v = attr(el, "content");
            meta_set(tmp, &m->itemprop_date, v ? v : attr(el, "datetime"));
        } else if (strcasecmp(ip, "author") == 0 && !m->itemprop_author) {
            const char *v = attr(el, "content");
            m->itemprop_author =
                v ? meta_str(tmp, v) : rc_html_gumbo_text(node, m->runs, 200, tmp);
        } else if (strcasecmp(ip, "headline") == 0 && !m->itemprop_headline) {
            m->itemprop_headline = rc_html_gumbo_text(node, m->runs, META_MAX, tmp);
        }
    }
    const char *rel = attr(el, "rel");
    if (!m->byline && rel && strcasecmp(rel, "author") == 0 && el->tag == GUMBO_TAG_A)
        m->byline = rc_html_gumbo_text(node, m->runs, 200, tmp);
    if (!m->byline && el->tag != GUMBO_TAG_META && el->tag != GUMBO_TAG_BODY &&
        el->tag != GUMBO_TAG_HTML && rc_html_byline_class(lx, el)) {
        char *t = rc_html_gumbo_text(node, m->runs, 200, tmp);
        if (t && strlen(t) < 120 && !strpbrk(t, "0123456789")) /* not a date line */
            m->byline = t;
    }
}

/* Decodes the character references some sites leave in JSON-LD strings (&amp;, &#039;,
 * &#x2019;, &nbsp;...), in place; unknown references stay as they are. */
static void ld_unescape(char *s)
{
    static const struct {
        const char *name;
        const char *utf8;
    } named[] = {{"amp", "&"}, {"quot", "\""}, {"apos", "'"}, {"lt", "<"}, {"gt", ">"},
                 {"nbsp", "\xc2\xa0"}, {"rsquo", "\xe2\x80\x99"}, {"laquo", "\xc2\xab"},
                 {"raquo", "\xc2\xbb"}, {"hellip", "\xe2\x80\xa6"}};
    char *w = s;
    for (char *r = s; *r;) {
        char *semi = *r == '&' ? strchr(r, ';') : NULL;
        if (semi && semi - r <= 10) {
            char out[8];
            size_t k = 0;
            if (r[1] == '#') {
                long cp = r[2] == 'x' || r[2] == 'X' ? strtol(r + 3, NULL, 16) : strtol(r + 2, NULL, 10);
                if (cp > 0 && cp < 0x110000 && !(cp >= 0xd800 && cp < 0xe000))
                    k = rc_utf8_encode((int32_t)cp, out);
            } else {
                for (size_t i = 0; i < sizeof named / sizeof *named; i++)
                    if ((size_t)(semi - r - 1) == strlen(named[i].name) &&
                        strncmp(r + 1, named[i].name, strlen(named[i].name)) == 0) {
                        k = strlen(named[i].utf8);
                        memcpy(out, named[i].utf8, k);
                    }
            }
            if (k && k <= (size_t)(semi - r + 1)) { /* never longer than the reference */
                memcpy(w, out, k);
                w += k;
                r = semi + 1;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
}

/* Sets *slot from a JSON-LD string, references decoded. */
static void ld_set(rc_arena *tmp, const char **slot, const char *s)
{
    if (*slot || !s || !*s)
        return;
    char *c = rc_arena_strdup(tmp, s);
    if (!c)
        return;
    ld_unescape(c);
    meta_set(tmp, slot, c);
}

/* ---- JSON-LD ------------------------------------------------------------------------------ */

/* Whether a JSON-LD @type names an article. */
static bool ld_is_article(const json_t *type)
{
    if (json_is_array(type)) {
        size_t i;
        const json_t *v;
        json_array_foreach(type, i, v) if (ld_is_article(v)) return true;
        return false;
    }
    const char *t = json_string_value(type);
    if (!t)
        return false;
    size_t n = strlen(t);
    return (n >= 7 && strcmp(t + n - 7, "Article") == 0) || strcmp(t, "BlogPosting") == 0 ||
           strcmp(t, "LiveBlogPosting") == 0 || strcmp(t, "Report") == 0;
}

/* The name of a JSON-LD person or organisation: a string, {"name": ...}, or a list of them
 * joined with ", ". */
static const char *ld_name(const json_t *v, rc_arena *tmp)
{
    if (json_is_string(v))
        return is_link(json_string_value(v)) ? NULL : meta_str(tmp, json_string_value(v));
    if (json_is_object(v))
        return json_is_string(json_object_get(v, "name"))
                   ? meta_str(tmp, json_string_value(json_object_get(v, "name")))
                   : NULL;
    if (!json_is_array(v))
        return NULL;
    char buf[META_MAX];
    size_t len = 0, i;
    const json_t *x;
    json_array_foreach(v, i, x)
    {
        const json_t *nm = json_is_object(x) ? json_object_get(x, "name") : x;
        const char *s = json_string_value(nm);
        if (!s || !*s || is_link(s))
            continue;
        size_t k = strlen(s);
        if (len + k + 2 >= sizeof buf)
            break;
        if (len)
            memcpy(buf + len, ", ", 2), len += 2;
        memcpy(buf + len, s, k);
        len += k;
    }
    buf[len] = '\0';
    return len ? meta_str(tmp, buf) : NULL;
}

/* Takes what an article object says. */
static void ld_article(html_meta *m, const json_t *o, rc_arena *tmp)
{
    ld_set(tmp, &m->ld_headline, json_string_value(json_object_get(o, "headline")));
    meta_set(tmp, &m->ld_date, json_string_value(json_object_get(o, "datePublished")));
    meta_set(tmp, &m->ld_lang, json_string_value(json_object_get(o, "inLanguage")));
    meta_set(tmp, &m->ld_url, json_string_value(json_object_get(o, "url")));
    const json_t *main = json_object_get(o, "mainEntityOfPage");
    if (json_is_object(main))
        main = json_object_get(main, "@id");
    meta_set(tmp, &m->ld_url, json_string_value(main));
    if (!m->ld_author)
        ld_set(tmp, &m->ld_author, ld_name(json_object_get(o, "author"), tmp));
    if (!m->ld_publisher)
        ld_set(tmp, &m->ld_publisher, ld_name(json_object_get(o, "publisher"), tmp));
    const char *body = json_string_value(json_object_get(o, "articleBody"));
    if (!m->ld_body && body && *body && (m->ld_body = rc_arena_strdup(tmp, body)))
        ld_unescape((char *)m->ld_body);
}

void rc_html_meta_jsonld(html_meta *m, const char *json, size_t len, rc_arena *tmp)
{
    json_error_t err;
    json_t *root = json_loadb(json, len, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &err);
    if (!root)
        return;
    /* breadth of objects and arrays, iteratively, a few levels deep (@graph, lists) */
    const json_t *queue[256];
    int depth[256];
    size_t qh = 0, qt = 0;
    queue[qt] = root, depth[qt++] = 0;
    while (qh < qt) {
        const json_t *v = queue[qh];
        int d = depth[qh++];
        if (json_is_object(v)) {
            if (ld_is_article(json_object_get(v, "@type")))
                ld_article(m, v, tmp);
            const char *k;
            const json_t *x;
            json_object_foreach((json_t *)v, k, x) if ((json_is_object(x) || json_is_array(x)) &&
                                                       d < 4 && qt < 256 &&
                                                       strcmp(k, "author") != 0 &&
                                                       strcmp(k, "publisher") != 0)
            {
                queue[qt] = x, depth[qt++] = d + 1;
            }
        } else if (json_is_array(v)) {
            size_t i;
            const json_t *x;
            json_array_foreach(v, i, x) if ((json_is_object(x) || json_is_array(x)) && d < 4 &&
                                            qt < 256)
            {
                queue[qt] = x, depth[qt++] = d + 1;
            }
        }
    }
    json_decref(root);
}

/* ---- decisions ---------------------------------------------------------------------------- */

/* Normalises a date found in metadata to "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" in buf (32
 * bytes), as rc_date_parse_loose reads it. Returns false when s is not an ISO 8601-like date. */
static bool norm_date(const char *s, char buf[32])
{
    rc_date dt;
    if (rc_date_parse_loose(s, &dt) != RC_OK)
        return false;
    rc_date_format(&dt, buf);
    return true;
}

/* A date written in a URL path: /2015/04/30/ or -2015-04-30 or /20150430. */
static bool url_date(const char *u, char buf[32])
{
    if (!u)
        return false;
    for (const char *p = u; *p; p++) {
        if (*p != '/' && *p != '-' && *p != '_')
            continue;
        const char *q = p + 1;
        int dig = 0;
        while (q[dig] >= '0' && q[dig] <= '9')
            dig++;
        if (dig == 4 && (q[4] == '/' || q[4] == '-') && q[5] >= '0' && q[5] <= '9' &&
            q[6] >= '0' && q[6] <= '9' && q[7] == q[4] && q[8] >= '0' && q[8] <= '9' &&
            q[9] >= '0' && q[9] <= '9' && (q[10] == '/' || q[10] == '-' || q[10] == '_' ||
                                           q[10] == '.' || !q[10])) {
            char tmp[11];
            memcpy(tmp, q, 10);
            tmp[4] = tmp[7] = '-';
            tmp[10] = '\0';
            if (norm_date(tmp, buf) && atoi(tmp) >= 1990)
                return true;
        }
    }
    return false;
}

/* The host of an absolute URL without "www.", into buf; false for a relative URL. */
static bool url_host(const char *u, char *buf, size_t cap)
{
    if (!u)
        return false;
    const char *p = strstr(u, "://");
    if (!p)
        return false;
    p += 3;
    if (strncasecmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = strcspn(p, "/:?#");
    if (n == 0 || n >= cap)
        return false;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return true;
}

/* Lower-case ASCII letters and digits of s, for comparing a title's tail with the site name. */
static size_t site_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[k++] = (char)c;
    }
    out[k] = '\0';
    return k;
}

/* Removes a site-name suffix (" - Libération", " | Radio-Canada.ca") from a title. When the site
 * is unknown (generic), the last part goes when it is short and the rest is longer. */
static const char *strip_site(rc_arena *tmp, const char *title, const char *site, const char *host,
                              bool generic)
{
    if (!title)
        return NULL;
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
                                       " \xc2\xb7 ", " :: ", " \xc2\xbb ", NULL};
    size_t n = strlen(title);
    const char *cut = NULL;
    for (const char *const *sp = seps; *sp; sp++) {
        size_t k = strlen(*sp);
        for (const char *p = title; (p = strstr(p, *sp)); p += k)
            if (!cut || p > cut)
                cut = p;
    }
    if (!cut)
        return title;
    const char *tail = cut;
    while (*tail == ' ')
        tail++;
    while (*tail && *tail != ' ') /* the separator */
        tail++;
    while (*tail == ' ')
        tail++;
    char tk[256], sk[256], hk[256];
    size_t tl = site_key(tail, strlen(tail), tk, sizeof tk);
    size_t sl = site ? site_key(site, strlen(site), sk, sizeof sk) : 0;
    size_t hl = host ? site_key(host, strlen(host), hk, sizeof hk) : 0;
    bool match = tl && ((sl && (strncmp(tk, sk, tl) == 0 || strncmp(sk, tk, sl) == 0)) ||
                        (hl && (strncmp(tk, hk, tl) == 0 || strncmp(hk, tk, hl) == 0)));
    if (!match && generic) {
        int words = 1;
        for (const char *p = tail; *p; p++)
            words += *p == ' ';
        match = words <= 4 && (size_t)(cut - title) > strlen(tail);
    }
    if (!match)
        return title;
    (void)n;
    return rc_arena_strndup(tmp, title, (size_t)(cut - title));
}

/* The first non-NULL of up to 8 candidates. */
static const char *first_of(const char *a, const char *b, const char *c, const char *d,
                            const char *e, const char *f, const char *g, const char *h)
{
    const char *v[] = {a, b, c, d, e, f, g, h};
    for (int i = 0; i < 8; i++)
        if (v[i] && *v[i])
            return v[i];
    return NULL;
}

/* A language tag in lower case with '-' (fr_FR -> fr-fr), in a. */
static const char *norm_lang(rc_arena *a, const char *s)
{
    if (!s)
        return NULL;
    char buf[36];
    size_t k = 0;
    for (; s[k] && k + 1 < sizeof buf; k++) {
        char c = s[k];
        buf[k] = c == '_' ? '-' : (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[k] = '\0';
    if (k < 2 || !(buf[0] >= 'a' && buf[0] <= 'z'))
        return NULL;
    return rc_arena_strdup(a, buf);
}

int rc_html_meta_finish(const html_meta *m, rc_arena *a, rc_page *out)
{
    rc_arena scratch;
    rc_arena_init(&scratch);
    const char *url = NULL;
    const char *cands[] = {m->canonical, m->og_url, m->ld_url};
    for (int i = 0; i < 3 && !url; i++)
        if (cands[i] && (strncasecmp(cands[i], "http:", 5) == 0 ||
                         strncasecmp(cands[i], "https:", 6) == 0))
            url = cands[i];
    if (!url)
        url = first_of(m->canonical, m->og_url, m->ld_url, NULL, NULL, NULL, NULL, NULL);
    char host[256];
    bool have_host = url_host(url, host, sizeof host);
    const char *site = first_of(m->og_site, m->ld_publisher, m->app_name, NULL, NULL, NULL, NULL,
                                NULL);
    if (!site && have_host)
        site = host;
    const char *title = NULL;
    if (m->og_title || m->ld_headline || m->itemprop_headline)
        title = strip_site(&scratch,
                           first_of(m->og_title, m->ld_headline, m->itemprop_headline, NULL, NULL,
                                    NULL, NULL, NULL),
                           site, have_host ? host : NULL, false);
    else if (m->h1 && m->h1_count == 1)
        title = m->h1;
    else
        title = strip_site(&scratch, first_of(m->tw_title, m->dc_title, m->title_el, m->h1, NULL,
                                              NULL, NULL, NULL),
                           site, have_host ? host : NULL, true);
    const char *author = first_of(m->meta_author, m->ld_author, m->itemprop_author, m->byline,
                                  NULL, NULL, NULL, NULL);
    char date[32];
    const char *dates[] = {m->pub_time, m->ld_date, m->itemprop_date, m->time_el, m->meta_date};
    bool have_date = false;
    for (int i = 0; i < 5 && !have_date; i++)
        have_date = norm_date(dates[i], date);
    if (!have_date)
        for (int i = 0; i < 3 && !have_date; i++)
            have_date = url_date(cands[i], date);
    const char *lang = first_of(m->html_lang, m->meta_lang, m->og_locale, m->ld_lang, NULL, NULL,
                                NULL, NULL);
    out->title = rc_arena_strdup(a, title);
    out->author = rc_arena_strdup(a, author);
    out->site = rc_arena_strdup(a, site);
    out->url = rc_arena_strdup(a, url);
    out->date = have_date ? rc_arena_strdup(a, date) : NULL;
    out->lang = norm_lang(a, lang);
    rc_arena_free(&scratch);
    if ((title && !out->title) || (author && !out->author) || (site && !out->site) ||
        (url && !out->url) || (have_date && !out->date))
        return RC_ENOMEM;
    return RC_OK;
}
