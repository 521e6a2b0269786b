/*
 * bench_html.c - HTML to article text throughput, single thread, and the peak memory it needs.
 *
 * Usage: bench_html CORPUS_DIR REPO_DIR. The page corpus is made of the shared test pages
 * (REPO_DIR/../shared/testdata/html, when present), the fixture pages of tests/data/web, and
 * the .txt articles of CORPUS_DIR wrapped in realistic news-page markup (header, navigation,
 * share bar, related links, comments, footer, scripts). The set is repeated, each copy marked,
 * until it reaches 10 MB. Prints one line for rc_html_page_ctx alone (CPU time, best of three
 * rounds) and one for the whole document pipeline on the same pages (one round).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ingest/html.h"
#include "recoupe.h"

#define WANT_BYTES (10u * 1024 * 1024)

typedef struct page {
    char *data;
    size_t len;
} page;

static page *pages;
static size_t npages, cap;

/* Adds a page (takes ownership of data). */
static void add(char *data, size_t len)
{
    if (npages == cap) {
        cap = cap ? cap * 2 : 256;
        pages = realloc(pages, cap * sizeof *pages);
        if (!pages)
            exit(1);
    }
    pages[npages++] = (page){data, len};
}

/* Reads a whole file, or NULL. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b)
        b[n] = '\0', *len = (size_t)n;
    return b;
}

/* Adds every file of dir whose name ends with suffix (one level, or one level of subfolders
 * holding source.html); returns how many. */
static size_t add_dir(const char *dir, const char *suffix, size_t limit)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    size_t added = 0;
    while ((e = readdir(d)) && added < limit) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        size_t n = strlen(e->d_name), k = strlen(suffix), len;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *b = NULL;
        if (n > k && strcmp(e->d_name + n - k, suffix) == 0)
            b = slurp(path, &len);
        else if (strcmp(suffix, ".html") == 0) {
            snprintf(path, sizeof path, "%s/%s/source.html", dir, e->d_name);
            b = slurp(path, &len);
        }
        if (b)
            add(b, len), added++;
    }
    closedir(d);
    return added;
}

/* Wraps a plain-text article in the markup of a news page with its furniture. */
static void add_wrapped(const char *text, size_t len, size_t serial)
{
    static const char head[] =
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        "<title>Article %zu - Le Journal</title>"
        "<meta property=\"og:title\" content=\"Article %zu\">"
        "<meta property=\"article:published_time\" content=\"2016-12-15T10:00:00+01:00\">"
        "<script>var cfg={a:1,b:[1,2,3]};function f(x){return x<2?'<div>':'</div>';}</script>"
        "<style>.nav{display:flex}.share a{color:red}</style></head><body>"
        "<div class=\"cookie-banner\">Nous utilisons des cookies. <button>OK</button></div>"
        "<header class=\"site\"><nav><ul><li><a href=/>Accueil</a></li><li><a href=/monde>Monde"
        "</a></li><li><a href=/france>France</a></li><li><a href=/eco>Économie</a></li></ul></nav>"
        "</header><main><article><h1>Article %zu</h1><div class=\"share\"><a href=#>Facebook</a>"
        "<a href=#>Twitter</a></div><div class=\"article-body\">";
    static const char tail[] =
        "</div><section class=\"related\"><h2>Sur le même sujet</h2><ul><li><a href=/a>Un autre "
        "article sur le même sujet</a></li><li><a href=/b>Encore un article</a></li></ul></section>"
        "</article><section class=\"comments\"><div class=\"comment\"><p>Très bon article, merci."
        "</p></div><div class=\"comment\"><p>Je ne suis pas d'accord avec ces chiffres.</p></div>"
        "</section></main><aside class=\"sidebar\"><h3>Les plus lus</h3><ol><li><a href=/c>Un"
        "</a></li><li><a href=/d>Deux</a></li></ol></aside><footer><p>© Le Journal</p></footer>"
        "<script>track('page');</script></body></html>";
    size_t capb = len * 2 + sizeof head + sizeof tail + 256;
    char *b = malloc(capb);
    if (!b)
        exit(1);
    size_t n = (size_t)snprintf(b, capb, head, serial, serial, serial);
    /* one <p> per line of the text */
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        if (e > i) {
            memcpy(b + n, "<p>", 3), n += 3;
            for (size_t j = i; j < e; j++) {
                if (text[j] == '<')
                    memcpy(b + n, "&lt;", 4), n += 4;
                else if (text[j] == '&')
                    memcpy(b + n, "&amp;", 5), n += 5;
                else
                    b[n++] = text[j];
            }
            memcpy(b + n, "</p>\n", 5), n += 5;
        }
        i = e + 1;
    }
    memcpy(b + n, tail, sizeof tail - 1);
    n += sizeof tail - 1;
    add(b, n);
}

/* Peak resident memory in MiB. */
static double peak_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: other work on the machine does
                                                    not count against the program */
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *corpus = argc > 1 ? argv[1] : "bench/corpus";
    const char *repo = argc > 2 ? argv[2] : ".";
    char path[4096];
    snprintf(path, sizeof path, "%s/../shared/testdata/html", repo);
    add_dir(path, ".html", 100);
    snprintf(path, sizeof path, "%s/tests/data/web", repo);
    add_dir(path, ".html", 100);
    size_t base = npages;
    add_dir(corpus, ".txt", 200);
    /* wrap the text articles, which were added raw */
    size_t ntxt = npages - base;
    for (size_t i = 0; i < ntxt; i++) {
        page t = pages[base + i];
        add_wrapped(t.data, t.len, i);
        free(t.data);
        pages[base + i] = pages[--npages];
        pages[npages] = (page){NULL, 0};
    }
    if (npages == 0) {
        printf("html: no pages found (no shared pages, fixtures or corpus); skipped\n");
        return 0;
    }
    size_t set = npages, total = 0;
    for (size_t i = 0; i < set; i++)
        total += pages[i].len;
    for (size_t copy = 1; total < WANT_BYTES; copy++) {
        for (size_t i = 0; i < set && total < WANT_BYTES; i++) {
            char mark[64];
            int k = snprintf(mark, sizeof mark, "<!-- copie %zu -->", copy);
            char *b = malloc(pages[i].len + (size_t)k);
            if (!b)
                return 1;
            memcpy(b, pages[i].data, pages[i].len);
            memcpy(b + pages[i].len, mark, (size_t)k);
            add(b, pages[i].len + (size_t)k);
            total += pages[i].len + (size_t)k;
        }
    }
    rc_ctx *ctx;
    char err[256];
    if (rc_ctx_new(NULL, err, sizeof err, &ctx)) {
        fprintf(stderr, "bench_html: %s\n", err);
        return 1;
    }
    double dt = 1e30, t0;
    size_t out = 0;
    for (int round = 0; round < 3; round++) { /* the best of three rounds */
        t0 = now();
        out = 0;
        for (size_t i = 0; i < npages; i++) {
            rc_arena a;
            rc_arena_init(&a);
            rc_page p;
            if (rc_html_page_ctx(ctx, pages[i].data, pages[i].len, NULL, &a, &p) == RC_OK)
                out += p.len;
            rc_arena_free(&a);
        }
        if (now() - t0 < dt)
            dt = now() - t0;
    }
    printf("html: %.1f MB/s, %.0f docs/s, peak RSS %.0f MiB (%zu pages, %.1f MB in, %.1f MB of "
           "text out)\n",
           total / dt / 1e6, npages / dt, peak_mib(), npages, total / 1e6, out / 1e6);
    t0 = now();
    for (size_t i = 0; i < npages; i++) {
        rc_source src = {0};
        src.path = "bench.html";
        src.data = pages[i].data;
        src.len = pages[i].len;
        src.format = RC_FORMAT_HTML;
        rc_doc *doc;
        if (rc_doc_parse(ctx, &src, NULL, &doc) == RC_OK)
            rc_doc_free(doc);
    }
    dt = now() - t0;
    printf("html documents (extract, clean, tokenize, recognize): %.1f MB/s, %.0f docs/s, peak "
           "RSS %.0f MiB\n",
           total / dt / 1e6, npages / dt, peak_mib());
    for (size_t i = 0; i < npages; i++)
        free(pages[i].data);
    free(pages);
    rc_ctx_free(ctx);
    return 0;
}
