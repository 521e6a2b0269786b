/*
 * conf_html.c - article extraction against the French pages of Mozilla Readability's and
 * Postlight Parser's test suites (SHARED/testdata/html, with EXPECTED.json). For each page:
 * the title must match exactly (white space normalised), the date must fall on the expected
 * day when one is expected, the word-level F1 of our text against expected.html's must reach
 * 0.90, and a Postlight page's text must start as expected. Prints the figures per page and
 * overall; exits 1 when a page fails, 77 when the shared data is absent.
 */
#include <gumbo.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/doc.h"
#include "recoupe.h"

#define MIN_F1 0.90

/* Reads a whole file into a malloc'd NUL-terminated buffer, or NULL. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* Collapses white space (ASCII and Unicode spaces) to single spaces and trims, into a new
 * malloc'd string. */
static char *norm_ws(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    size_t w = 0;
    int space = 0;
    for (utf8proc_ssize_t i = 0; i < (utf8proc_ssize_t)n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)n - i, &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS || cp == '\n' || cp == '\t' || cp == '\r') {
            space = 1;
        } else {
            if (space && w)
                out[w++] = ' ';
            space = 0;
            memcpy(out + w, s + i, (size_t)k);
            w += (size_t)k;
        }
        i += k;
    }
    out[w] = '\0';
    return out;
}

/* A bag of lower-case words (letters and digits). */
typedef struct bag {
    char **w;
    size_t n, cap;
} bag;

/* Appends the lower-cased words of s to b. */
static void words(const char *s, bag *b)
{
    size_t n = strlen(s);
    char word[256];
    size_t wl = 0;
    for (utf8proc_ssize_t i = 0; i <= (utf8proc_ssize_t)n;) {
        utf8proc_int32_t cp = ' ';
        utf8proc_ssize_t k = 1;
        if (i < (utf8proc_ssize_t)n) {
            k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)n - i, &cp);
            if (k <= 0)
                k = 1, cp = ' ';
        }
        utf8proc_category_t c = utf8proc_category(cp);
        if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO && wl + 4 < sizeof word) {
            wl += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)word + wl);
        } else if (wl) {
            if (b->n == b->cap) {
                b->cap = b->cap ? b->cap * 2 : 1024;
                b->w = realloc(b->w, b->cap * sizeof *b->w);
            }
            word[wl] = '\0';
            b->w[b->n++] = strdup(word);
            wl = 0;
        }
        i += k;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Word-level F1 of two bags (multiset overlap). */
static double f1(bag *got, bag *want)
{
    qsort(got->w, got->n, sizeof *got->w, cmp_str);
    qsort(want->w, want->n, sizeof *want->w, cmp_str);
    size_t i = 0, j = 0, common = 0;
    while (i < got->n && j < want->n) {
        int c = strcmp(got->w[i], want->w[j]);
        if (c == 0)
            common++, i++, j++;
        else if (c < 0)
            i++;
        else
            j++;
    }
    if (!common)
        return 0;
    double p = (double)common / got->n, r = (double)common / want->n;
    return 2 * p * r / (p + r);
}

static void bag_free(bag *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->w[i]);
    free(b->w);
}

/* Appends the text of an HTML fragment (tags stripped with gumbo, blocks on their own lines) to
 * b; iterative. */
static void html_text(const char *html, size_t len, bag *b)
{
    GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    size_t cap = len + 1, n = 0;
    char *text = malloc(cap * 2);
    const GumboNode **stack = malloc(sizeof *stack * 100000);
    unsigned *idx = malloc(sizeof *idx * 100000);
    int sp = 0;
    stack[sp] = out->root, idx[sp++] = 0;
    while (sp) {
        const GumboNode *nd = stack[sp - 1];
        if (idx[sp - 1] >= nd->v.element.children.length) {
            sp--;
            text[n++] = '\n';
            continue;
        }
        const GumboNode *c = nd->v.element.children.data[idx[sp - 1]++];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) {
            size_t k = strlen(c->v.text.text);
            if (n + k + 2 < cap * 2) {
                memcpy(text + n, c->v.text.text, k);
                n += k;
            }
        } else if (c->type == GUMBO_NODE_ELEMENT && sp < 100000 &&
                   c->v.element.tag != GUMBO_TAG_SCRIPT && c->v.element.tag != GUMBO_TAG_STYLE) {
            stack[sp] = c, idx[sp++] = 0;
        }
        if (n + 2 >= cap * 2)
            break;
    }
    text[n] = '\0';
    words(text, b);
    free(text);
    free(stack);
    free(idx);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: conf_html SHARED_DIR\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/testdata/html/EXPECTED.json", argv[1]);
    json_error_t jerr;
    json_t *expected = json_load_file(path, 0, &jerr);
    if (!expected) {
        printf("conf_html: %s not found; skipped\n", path);
        return 77;
    }
    char err[512];
    rc_ctx *ctx;
    if (rc_ctx_new(NULL, err, sizeof err, &ctx)) {
        fprintf(stderr, "conf_html: %s\n", err);
        return 1;
    }
    int failures = 0, pages = 0, titles_ok = 0, dates_ok = 0, dates_want = 0, starts_ok = 0,
        starts_want = 0, f1_pages = 0;
    double f1_sum = 0, f1_min = 1;
    const char *name;
    json_t *exp;
    printf("%-32s %-5s %-5s %-6s %-5s\n", "page", "title", "date", "F1", "start");
    json_object_foreach(expected, name, exp)
    {
        snprintf(path, sizeof path, "%s/testdata/html/%s/source.html", argv[1], name);
        size_t len;
        char *html = slurp(path, &len);
        if (!html) {
            printf("%-32s missing source.html\n", name);
            failures++;
            continue;
        }
        pages++;
        rc_source src = {0};
        src.path = path;
        src.data = html;
        src.len = len;
        src.format = RC_FORMAT_HTML;
        rc_doc *doc;
        int status = rc_doc_parse(ctx, &src, NULL, &doc);
        if (status) {
            printf("%-32s extraction failed: %s\n", name, rc_strerror(status));
            failures++;
            free(html);
            continue;
        }
        int ok = 1;
        /* title */
        const char *want_title = json_string_value(json_object_get(exp, "title"));
        char *a = norm_ws(doc->title ? doc->title : ""), *b = norm_ws(want_title ? want_title : "");
        int title_ok = strcmp(a, b) == 0;
        if (!title_ok)
            printf("  title: got \"%s\", want \"%s\"\n", a, b);
        free(a);
        free(b);
        titles_ok += title_ok;
        ok &= title_ok;
        /* date */
        const char *want_date = json_string_value(json_object_get(exp, "date"));
        const char *date_res = "-";
        if (want_date) {
            dates_want++;
            const char *got = doc->date_source && strcmp(doc->date_source, "metadata") == 0
                                  ? doc->date
                                  : NULL;
            int d_ok = got && strncmp(got, want_date, 10) == 0;
            if (!d_ok)
                printf("  date: got %s, want %s\n", got ? got : "null", want_date);
            dates_ok += d_ok;
            ok &= d_ok;
            date_res = d_ok ? "ok" : "FAIL";
        }
        /* F1 against expected.html */
        char f1buf[16] = "-";
        const char *eh = json_string_value(json_object_get(exp, "expected_html"));
        if (eh) {
            snprintf(path, sizeof path, "%s/testdata/html/%s/%s", argv[1], name, eh);
            size_t elen;
            char *ehtml = slurp(path, &elen);
            if (ehtml) {
                bag got = {0}, want = {0};
                size_t tl;
                const char *t = rc_doc_text(doc, &tl);
                words(t, &got);
                html_text(ehtml, elen, &want);
                double f = f1(&got, &want);
                snprintf(f1buf, sizeof f1buf, "%.3f", f);
                f1_sum += f;
                f1_pages++;
                if (f < f1_min)
                    f1_min = f;
                if (f < MIN_F1)
                    ok = 0;
                bag_free(&got);
                bag_free(&want);
                free(ehtml);
            } else {
                printf("  %s missing\n", path);
                ok = 0;
            }
        }
        /* start of the text */
        const char *want_start = json_string_value(json_object_get(exp, "text_starts_with"));
        const char *start_res = "-";
        if (want_start) {
            starts_want++;
            char *t = norm_ws(rc_doc_text(doc, NULL)), *w = norm_ws(want_start);
            int s_ok = strncmp(t, w, strlen(w)) == 0;
            if (!s_ok)
                printf("  start: got \"%.100s\"\n", t);
            starts_ok += s_ok;
            ok &= s_ok;
            start_res = s_ok ? "ok" : "FAIL";
            free(t);
            free(w);
        }
        printf("%-32s %-5s %-5s %-6s %-5s\n", name, title_ok ? "ok" : "FAIL", date_res, f1buf,
               start_res);
        failures += !ok;
        rc_doc_free(doc);
        free(html);
    }
    printf("overall: %d pages, titles %d/%d, dates %d/%d, starts %d/%d, F1 mean %.3f min %.3f "
           "over %d pages; %d failing\n",
           pages, titles_ok, pages, dates_ok, dates_want, starts_ok, starts_want,
           f1_pages ? f1_sum / f1_pages : 0, f1_pages ? f1_min : 0, f1_pages, failures);
    json_decref(expected);
    rc_ctx_free(ctx);
    return failures ? 1 : 0;
}
