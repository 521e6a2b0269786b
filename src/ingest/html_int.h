/*
 * html_int.h - what the parts of the HTML reader share: the charset step, the light copy of the
 * gumbo tree that scoring works on, and the metadata collector. Private to src/ingest/.
 *
 * Ownership: everything here lives in the scratch arena of one rc_html_page call (gumbo's own
 * nodes included) and dies with it; only the strings copied into the caller's arena survive.
 */
#ifndef RC_HTML_INT_H
#define RC_HTML_INT_H

#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"
#include "ingest/html.h"
#include "util/arena.h"

#define HN_NONE UINT32_MAX

/* Node flags. */
#define HN_TEXT 0x1    /* a text node */
#define HN_LINK 0x2    /* inside an <a> */
#define HN_BLOCK 0x4   /* an element that starts a new line */
#define HN_PRE 0x8     /* inside <pre>: line breaks are kept */
#define HN_REMOVED 0x10 /* dropped from the article by the clean-up of the chosen content */
#define HN_PARA 0x20   /* a paragraph-like element (p, li, h2..h6, blockquote, td, dd, pre) */
#define HN_HEADING 0x40 /* h1..h6 */
#define HN_BR 0x80     /* <br> */
#define HN_HINTDROP 0x100 /* its class or id says furniture (comment, share...) */
#define HN_GONE 0x200  /* left out: furniture by its hints, or inside such an element */
#define HN_TIME 0x400  /* text inside a <time> element */

/* One node of the copy of the page that extraction works on: only what may be article text
 * (no scripts, no navigation, nothing hidden). Indices point into the same array; children are
 * created after their parent, so a backward scan visits children before parents. */
typedef struct html_node {
    const char *text; /* text nodes: gumbo's decoded text; NULL for elements */
    uint32_t tlen;
    uint32_t parent, first, last, next;
    uint32_t owner; /* text nodes: the nearest block element, whose line the text is on */
    uint16_t tag;   /* GumboTag */
    uint16_t flags; /* HN_* */
    int32_t hint;   /* class/id/itemprop weight from the web_hints lexicons */
    int32_t best_below; /* the highest hint of the elements inside it */
    uint32_t chars, linkchars, commas, stops; /* whole subtree: non-space characters, those in
                                                 links, commas, sentence ends */
    uint32_t own;   /* characters of inline text that belongs to this element's own lines */
    uint32_t paras; /* paragraph-like descendants with real text */
    float score;    /* content score gathered from the paragraphs below */
} html_node;

/* The runs of text that the light pass set aside: gumbo is handed one private-use character
 * (planes 15 and 16) for each run instead of its bytes, and the text read back from gumbo's tree
 * has these characters replaced by their runs. off[i]..off[i + 1] are the bounds of run i in s.
 * n == 0 when nothing was set aside (a page that has such characters of its own). */
/* How many runs the stand-ins can name: U+F0000..U+FFFFD, then U+100000..U+10FFFD. */
#define HTML_RUN_PLANE 0xfffeu
typedef struct html_runs {
    const char *s;
    const uint32_t *off;
    uint32_t n;
} html_runs;

/* The text of a gumbo text node s[0..n) with the set-aside runs put back: s itself when it has
 * none, else a copy in tmp (NULL when memory runs out). */
const char *rc_html_runs_text(const html_runs *r, const char *s, size_t n, rc_arena *tmp,
                              size_t *outlen /* OUT */);

/* What the metadata collector has found so far; strings are in the scratch arena. */
typedef struct html_meta {
    const html_runs *runs; /* how to read text nodes back (see html_runs) */
    const char *og_title, *tw_title, *dc_title, *ld_headline, *h1, *title_el, *itemprop_headline;
    const char *og_site, *ld_publisher, *app_name;
    const char *meta_author, *ld_author, *byline, *itemprop_author;
    const char *pub_time, *ld_date, *itemprop_date, *time_el, *meta_date;
    const char *html_lang, *meta_lang, *og_locale, *ld_lang;
    const char *canonical, *og_url, *ld_url;
    const char *ld_body;
    int h1_count;
} html_meta;

/* The web lexicons of every language of a context, looked up once per page. Borrowed from the
 * context. */
typedef struct html_lex {
    const rc_lexicon *hints[RC_MAXLANG], *byline[RC_MAXLANG], *boiler[RC_MAXLANG];
    size_t boiler_max[RC_MAXLANG]; /* length of the longest key of boiler[i] */
    size_t n;
} html_lex;

/* Finds the web_hints, web_byline and web_boilerplate lexicons of ctx (none when ctx is NULL). */
void rc_html_lex_init(const rc_ctx *ctx, html_lex *lx /* OUT */);

/* Looks up the class/id/itemprop weight of an element in the web_hints lexicons (0 when nothing
 * matches). */
int32_t rc_html_hint(const html_lex *lx, const GumboElement *el);

/* Whether an element's class or id names a byline (web_byline lexicons). */
bool rc_html_byline_class(const html_lex *lx, const GumboElement *el);

/* Records what one element says about the page (meta, title, link, time, h1, byline); dropped
 * tells that the element is outside possible article text. Strings go to tmp. */
void rc_html_meta_element(const html_lex *lx, html_meta *m, const GumboNode *node, bool dropped,
                          rc_arena *tmp);

/* Reads one JSON-LD block (the text of a <script type="application/ld+json">). */
void rc_html_meta_jsonld(html_meta *m, const char *json, size_t len, rc_arena *tmp);

/* Decides title, author, date, site, language and URL from what was collected, copying them into
 * the caller's arena a. */
int rc_html_meta_finish(const html_meta *m, rc_arena *a, rc_page *out /* OUT */);

/* The text of a gumbo subtree with white space collapsed, at most max bytes, in tmp, set-aside
 * runs put back (runs may be NULL); iterative. */
char *rc_html_gumbo_text(const GumboNode *node, const html_runs *runs, size_t max, rc_arena *tmp);

/* Collapses runs of white space (ASCII and no-break) into one space and trims; in place. */
size_t rc_html_squeeze(char *s, size_t len);

/* ---- what the page reader's modules offer one another ---------------------------------- */

/* Gives the page as UTF-8: decides the charset (BOM, container, <meta>, UTF-8 validity, then
 * Windows-1252) and converts; *out may point into bytes when nothing needs converting. */
int html_utf8(const char *bytes, size_t len, const char *charset, rc_arena *tmp,
                     const char **out, size_t *outlen);

/* Whether name[0..n) is one of the names of list (NULL-terminated), ignoring case. */
bool html_name_in(const char *name, size_t n, const char *const *list);

/* Prepares the UTF-8 page for gumbo: comments, scripts and styles out (JSON-LD read into m),
 * nesting capped at HTML_MAXDEPTH, long runs of text set aside in runs. The copy is in tmp. */
int html_prepare(const char *s, size_t n, html_meta *m, rc_arena *tmp, char **out,
                        size_t *outlen, html_runs *runs);

#endif
