/*
 * bench_html.c - HTML to article text throughput, single thread, and the peak memory it needs.
 *
 * Usage: bench_html CORPUS_DIR REPO_DIR. The page corpus is made of the shared test pages
 * (REPO_DIR/../shared/testdata/html, when present), the fixture pages of tests/data/web, and
 * the .txt articles of CORPUS_DIR wrapped in realistic news-page markup (header, navigation,
 * share bar, related links, comments, footer, scripts). The set is repeated, each copy marked,
 * until it reaches 10 MB. Prints one line for rc_html_page_ctx alone (CPU time, best of
 * BENCH_ROUNDS rounds) and one for the whole document pipeline on the same pages (one round).
 */
#include "bench_util.h"

#include "ingest/html.h"
#include "recoupe.h"

#define WANT_BYTES (10u * 1024 * 1024)

static bench_corpus pages; /* the page set */

/* Adds the source.html of every subfolder of dir (the layout of the shared test pages). */
static void add_page_dirs(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        size_t len;
        if (snprintf(path, sizeof path, "%s/%s/source.html", dir, e->d_name) >= (int)sizeof path)
            continue;
        char *b = bench_slurp(path, &len);
        if (b)
            bench_add(&pages, b, len);
    }
    closedir(d);
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
    bench_add(&pages, b, n);
}

/* The length of the article text taken out of one page (bench_doc_fn). */
static size_t text_of(void *ud, const bench_doc *d)
{
    rc_arena a;
    rc_arena_init(&a);
    rc_page p;
    size_t n = rc_html_page_ctx(ud, d->data, d->len, NULL, &a, &p) == RC_OK ? p.len : 0;
    rc_arena_free(&a);
    return n;
}

int main(int argc, char **argv)
{
    const char *corpus = argc > 1 ? argv[1] : "bench/corpus";
    const char *repo = argc > 2 ? argv[2] : ".";
    char path[4096];
    snprintf(path, sizeof path, "%s/../shared/testdata/html", repo);
    add_page_dirs(path);
    snprintf(path, sizeof path, "%s/tests/data/web", repo);
    bench_load_dir(&pages, path, ".html", 100);
    bench_corpus texts = {0};
    bench_load_dir(&texts, corpus, ".txt", 200);
    for (size_t i = 0; i < texts.n; i++) /* each article wrapped in a news page */
        add_wrapped(texts.docs[i].data, texts.docs[i].len, i);
    bench_free(&texts);
    size_t npages = pages.n;
    if (npages == 0) {
        printf("html: no pages found (no shared pages, fixtures or corpus); skipped\n");
        return 0;
    }
    size_t set = npages;
    for (size_t copy = 1; pages.bytes < WANT_BYTES; copy++) {
        for (size_t i = 0; i < set && pages.bytes < WANT_BYTES; i++) {
            char mark[64];
            int k = snprintf(mark, sizeof mark, "<!-- copie %zu -->", copy);
            const bench_doc *p = &pages.docs[i];
            char *b = malloc(p->len + (size_t)k + 1);
            if (!b)
                return 1;
            memcpy(b, p->data, p->len);
            memcpy(b + p->len, mark, (size_t)k + 1);
            bench_add(&pages, b, p->len + (size_t)k);
        }
    }
    npages = pages.n;
    size_t total = pages.bytes;
    rc_ctx *ctx = bench_ctx(argc, argv, "bench_html");
    if (!ctx)
        return 1;
    size_t out;
    double dt = bench_best(&pages, text_of, ctx, &out), t0;
    printf("html: %.1f MB/s, %.0f docs/s, peak RSS %.0f MiB (%zu pages, %.1f MB in, %.1f MB of "
           "text out)\n",
           total / dt / 1e6, npages / dt, bench_peak_mib(), npages, total / 1e6, out / 1e6);
    t0 = bench_now();
    for (size_t i = 0; i < npages; i++) {
        rc_source src = {0};
        src.path = "bench.html";
        src.data = pages.docs[i].data;
        src.len = pages.docs[i].len;
        src.format = RC_FORMAT_HTML;
        rc_doc *doc;
        if (rc_doc_parse(ctx, &src, NULL, &doc) == RC_OK)
            rc_doc_free(doc);
    }
    dt = bench_now() - t0;
    printf("html documents (extract, clean, tokenize, recognize): %.1f MB/s, %.0f docs/s, peak "
           "RSS %.0f MiB\n",
           total / dt / 1e6, npages / dt, bench_peak_mib());
    bench_free(&pages);
    rc_ctx_free(ctx);
    return 0;
}
