/*
 * html.h - the article inside a web page: main text without menus, related links, comments or
 * banners, and the page's metadata (title, author, date, site, language, canonical URL).
 */
#ifndef RC_HTML_H
#define RC_HTML_H

#include <stddef.h>

#include "recoupe.h"
#include "util/arena.h"

typedef struct rc_page {
    const char *title, *author, *site, *lang, *url; /* NULL when the page does not say */
    const char *date; /* publication date as "YYYY-MM-DD" (or with "THH:MM:SS"), or NULL */
    char *text;       /* UTF-8 article text, one paragraph per line */
    size_t len;
} rc_page;

/* Parses an HTML page of len bytes. charset is what a container declared (HTTP header) or NULL;
 * the page's own BOM and <meta> are used otherwise, then Windows-1252. Every string of *out is
 * allocated in a. Returns 0, RC_ENOMEM, or RC_EFORMAT when no text can be found. Without a
 * context no class/id hints or boilerplate lexicons are known: structure and density only. */
int rc_html_page(const char *bytes, size_t len, const char *charset, rc_arena *a,
                 rc_page *out /* OUT */);

/* Like rc_html_page, with the web_hints, web_byline and web_boilerplate lexicons of every
 * language of ctx (borrowed, may be NULL). */
int rc_html_page_ctx(const rc_ctx *ctx, const char *bytes, size_t len, const char *charset,
                     rc_arena *a, rc_page *out /* OUT */);

/* Whether bytes look like HTML rather than plain text (a doctype, <html>, or markup density). */
int rc_html_sniff(const char *bytes, size_t len);

#endif
