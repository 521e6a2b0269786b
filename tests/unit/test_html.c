/*
 * test_html.c - the HTML reader: charsets, metadata precedence, main text against furniture,
 * JSON-LD fallback, very deep pages, sniffing, and the page language against the text's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rc_test.h"

#include "core/doc.h"
#include "ingest/html.h"
#include "recoupe.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests (rc_test.h), kept in ctx for the tests to use. */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

/* Parses a NUL-terminated page with the context; asserts success. */
static rc_page parse(rc_arena *a, const char *html, const char *charset)
{
    rc_page p;
    assert_int_equal(rc_html_page_ctx(ctx, html, strlen(html), charset, a, &p), RC_OK);
    return p;
}

static const char article_body[] =
    "<p>Les combats ont repris mardi autour de la ville, a indiqué un porte-parole des secours, "
    "qui fait état de nombreux blessés parmi les civils.</p>"
    "<p>Selon les Nations unies, au moins 120 familles ont quitté le quartier depuis dimanche, "
    "et les routes vers le sud restent encombrées.</p>";

static void test_furniture_left_out(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    char html[4096];
    snprintf(html, sizeof html,
             "<html><body><nav><a href=/>Accueil</a> <a href=/monde>Monde</a></nav>"
             "<div class=\"social-share\">Partager sur Facebook, Twitter, par courriel</div>"
             "<article><h1>Reprise des combats</h1>%s"
             "<p class=\"lire-aussi\"><a href=/x>Lire aussi : une autre histoire</a></p></article>"
             "<div id=\"comments\"><p>Un lecteur : merci pour cet article, il manque cependant "
             "le point de vue des habitants, qui ont tout perdu.</p></div>"
             "<footer>Mentions légales, tous droits réservés, contact.</footer></body></html>",
             article_body);
    rc_page p = parse(&a, html, NULL);
    assert_non_null(strstr(p.text, "au moins 120 familles"));
    assert_non_null(strstr(p.text, "nombreux blessés parmi les civils.\nSelon"));
    assert_null(strstr(p.text, "Partager"));
    assert_null(strstr(p.text, "Lire aussi"));
    assert_null(strstr(p.text, "lecteur"));
    assert_null(strstr(p.text, "Mentions"));
    assert_null(strstr(p.text, "Accueil"));
    assert_string_equal(p.title, "Reprise des combats");
    rc_arena_free(&a);
}

static void test_hinted_wrapper(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    char html[8192], comments[4096] = "";
    for (int i = 0; i < 12; i++)
        strcat(comments, "<div class=\"comment\"><p>Un avis de lecteur assez long, avec des "
                         "virgules, des points, et des opinions sur tout.</p></div>");
    /* the wrapper's class says comments, and the comments after it outweigh the article: the
     * article body inside the wrapper still wins */
    snprintf(html, sizeof html,
             "<html><body><div class=\"main comments-open\"><div itemprop=\"articleBody\">%s"
             "</div></div><section>%s</section><p>Pied de page.</p></body></html>",
             article_body, comments);
    rc_page p = parse(&a, html, NULL);
    assert_non_null(strstr(p.text, "au moins 120 familles"));
    assert_null(strstr(p.text, "avis de lecteur"));
    rc_arena_free(&a);
}

/* Reads a fixture of tests/data/web into a malloc'd buffer. */
static char *fixture(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/web/%s", RC_TEST_DATA, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    b[n] = '\0';
    *len = (size_t)n;
    return b;
}

static void test_blog_page(void **state)
{
    (void)state;
    size_t len;
    char *html = fixture("news-live.html", &len);
    rc_arena a;
    rc_arena_init(&a);
    rc_page p;
    assert_int_equal(rc_html_page_ctx(ctx, html, len, NULL, &a, &p), RC_OK);
    assert_string_equal(p.title, "Guerre : ce que l'on sait après la nuit de bombardements");
    assert_string_equal(p.author, "Luc Bernard, Sophie Roux");
    assert_string_equal(p.date, "2022-03-02T07:45:00");
    assert_string_equal(p.site, "Le Courrier de l'Est");
    static const char *const must[] = {
        "Les sirènes ont retenti dès 2 heures du matin.", "au moins 21 personnes ont été tuées",
        "Des évacuations dans l'après-midi", "Environ 3 000 personnes",
        "a indiqué la protection civile."};
    static const char *const never[] = {
        "cookies", "Actualité", "À lire aussi", "négociations reprennent", "pic.twitter.com",
        "Recevez chaque matin", "Publié dans", "journaliste au service International",
        "Article précédent", "Courage aux habitants", "Articles récents", "Fièrement", "7 h 45"};
    for (size_t i = 0; i < sizeof must / sizeof *must; i++)
        if (!strstr(p.text, must[i]))
            fail_msg("lost: %s", must[i]);
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (strstr(p.text, never[i]))
            fail_msg("kept: %s", never[i]);
    rc_arena_free(&a);
    free(html);
}

static void test_charsets(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    /* <meta> in Windows-1252, with a euro sign (0x80) that Latin-1 lacks */
    rc_page p = parse(&a,
                      "<html><head><meta charset=\"iso-8859-1\"><title>D\xe9p\xea" "che</title></head>"
                      "<body><p>Le co\xfbt est estim\xe9 \xe0 12 \x80, d'apr\xe8s le minist\xe8re "
                      "qui a publi\xe9 ses chiffres mardi.</p></body></html>",
                      NULL);
    assert_string_equal(p.title, "D\xc3\xa9p\xc3\xaa" "che");
    assert_non_null(strstr(p.text, "12 \xe2\x82\xac"));
    /* the container's charset wins over the page's <meta> */
    p = parse(&a,
              "<html><head><meta charset=\"utf-8\"></head><body><p>Un bilan tr\xe8s lourd a "
              "\xe9t\xe9 annonc\xe9 dans la soir\xe9" "e par les autorit\xe9s.</p></body></html>",
              "ISO-8859-1");
    assert_non_null(strstr(p.text, "tr\xc3\xa8s lourd"));
    /* no declaration and bytes that are not UTF-8: Windows-1252 */
    p = parse(&a, "<p>Apr\xe8s la tr\xeave, les n\xe9gociations ont repris \xe0 Gen\xe8ve.</p>",
              NULL);
    assert_non_null(strstr(p.text, "Apr\xc3\xa8s la tr\xc3\xaave"));
    /* UTF-16LE with a BOM */
    const char *u = "<p>Les secours ont \xc3\xa9vacu\xc3\xa9 les bless\xc3\xa9s dans la nuit.</p>";
    char w[256];
    size_t n = 0;
    w[n++] = (char)0xff, w[n++] = (char)0xfe;
    for (const char *s = u; *s; s++) {
        unsigned cp = (unsigned char)*s;
        if (cp == 0xc3) /* two-byte é */
            cp = 0xc0 | ((unsigned char)*++s & 0x3f);
        w[n++] = (char)(cp & 0xff), w[n++] = 0;
    }
    rc_page q;
    assert_int_equal(rc_html_page_ctx(ctx, w, n, NULL, &a, &q), RC_OK);
    assert_non_null(strstr(q.text, "\xc3\xa9vacu\xc3\xa9"));
    rc_arena_free(&a);
}

static void test_metadata(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    char html[4096];
    /* og:title over <h1>; JSON-LD author list and date; site from og:site_name */
    snprintf(html, sizeof html,
             "<html lang=\"fr-FR\"><head><title>Titre long - Le Journal</title>"
             "<meta property=\"og:title\" content=\"Le titre  de la page\">"
             "<meta property=\"og:site_name\" content=\"Le Journal\">"
             "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},"
             "{\"@type\":\"NewsArticle\",\"datePublished\":\"2016-12-13T21:05:00+01:00\","
             "\"author\":[{\"name\":\"A. Martin\"},{\"name\":\"B. Durand\"}]}]}</script>"
             "</head><body><h1>Un autre titre</h1>%s</body></html>",
             article_body);
    rc_page p = parse(&a, html, NULL);
    assert_string_equal(p.title, "Le titre de la page");
    assert_string_equal(p.author, "A. Martin, B. Durand");
    assert_string_equal(p.date, "2016-12-13T21:05:00");
    assert_string_equal(p.site, "Le Journal");
    assert_string_equal(p.lang, "fr-fr");
    /* only <title>: the site suffix goes; date from the canonical URL; site from its host */
    snprintf(html, sizeof html,
             "<html><head><title>Les secours débordés dans la vallée | Blog du Front</title>"
             "<link rel=\"canonical\" href=\"https://www.blog.example/2016/12/14/secours.html\">"
             "</head><body>%s</body></html>",
             article_body);
    p = parse(&a, html, NULL);
    assert_string_equal(p.title, "Les secours débordés dans la vallée");
    assert_string_equal(p.date, "2016-12-14");
    assert_string_equal(p.site, "blog.example");
    assert_string_equal(p.url, "https://www.blog.example/2016/12/14/secours.html");
    assert_null(p.author);
    rc_arena_free(&a);
}

static void test_jsonld_body(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    char body[1200] = "";
    for (int i = 0; i < 8; i++)
        strcat(body, i == 4 ? "Les habitants du quartier ont passé la nuit dans les abris, selon "
                              "la mairie.\\n\\n<p>Ensuite</p>"
                            : "Les habitants du quartier ont passé la nuit dans les abris, selon "
                              "la mairie. ");
    char html[4096];
    snprintf(html, sizeof html,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
             "\"headline\":\"L&#039;abri &amp; la nuit\",\"articleBody\":\"%s\"}</script></head>"
             "<body><div id=\"app\"><p>Chargement en cours, veuillez patienter un instant.</p>"
             "</div></body></html>",
             body);
    rc_page p = parse(&a, html, NULL);
    assert_string_equal(p.title, "L'abri & la nuit");
    assert_non_null(strstr(p.text, "passé la nuit dans les abris"));
    assert_non_null(strstr(p.text, "selon la mairie.\nEnsuite\nLes habitants"));
    assert_null(strstr(p.text, "Chargement"));
    rc_arena_free(&a);
}

static void test_deep_page(void **state)
{
    (void)state;
    /* 300 000 nested elements of several kinds, never closed, text at the bottom */
    const char *open[] = {"<div>", "<span>", "<b>", "<section>", "<i>", "<em>"};
    size_t depth = 300000, cap = depth * 10 + 4096, n = 0;
    char *html = malloc(cap);
    assert_non_null(html);
    n += (size_t)snprintf(html, cap, "<html><body>");
    for (size_t i = 0; i < depth; i++) {
        const char *t = open[i % 6];
        size_t k = strlen(t);
        memcpy(html + n, t, k);
        n += k;
    }
    n += (size_t)snprintf(html + n, cap - n,
                          "<p>Au fond de la page, le texte de l'article reste lisible, avec ses "
                          "virgules, ses points et ses chiffres : 42 blessés.</p></body></html>");
    rc_arena a;
    rc_arena_init(&a);
    rc_page p;
    assert_int_equal(rc_html_page_ctx(ctx, html, n, NULL, &a, &p), RC_OK);
    assert_non_null(strstr(p.text, "42 blessés"));
    rc_arena_free(&a);
    /* the same depth closed properly, inside an article */
    n = (size_t)snprintf(html, cap, "<article>");
    for (size_t i = 0; i < depth / 2; i++)
        memcpy(html + n, "<div>", 5), n += 5;
    n += (size_t)snprintf(html + n, cap - n, "<p>Un texte tout au fond, avec une virgule, et "
                                             "un point final pour finir.</p>");
    for (size_t i = 0; i < depth / 2; i++)
        memcpy(html + n, "</div>", 6), n += 6;
    n += (size_t)snprintf(html + n, cap - n, "</article>");
    rc_arena_init(&a);
    assert_int_equal(rc_html_page_ctx(ctx, html, n, NULL, &a, &p), RC_OK);
    assert_non_null(strstr(p.text, "tout au fond"));
    rc_arena_free(&a);
    free(html);
}

static void test_no_text(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    rc_page p;
    const char *html = "<html><head><title>Vide</title></head><body><nav>Menu</nav></body></html>";
    assert_int_equal(rc_html_page_ctx(ctx, html, strlen(html), NULL, &a, &p), RC_EFORMAT);
    assert_int_equal(rc_html_page(NULL, 0, NULL, &a, &p), RC_EFORMAT);
    rc_arena_free(&a);
}

static void test_sniff(void **state)
{
    (void)state;
    assert_true(rc_html_sniff("\xef\xbb\xbf<!DOCTYPE html><p>x", 20));
    assert_true(rc_html_sniff("  <html><body>", 14));
    const char *frag = "<div><p>Un</p><p>deux</p><br><p>trois</p></div>";
    assert_true(rc_html_sniff(frag, strlen(frag)));
    const char *txt = "Les combats ont repris. 3 < 4 et 5 > 2.";
    assert_false(rc_html_sniff(txt, strlen(txt)));
}

/* Parses a page as a document, returns its decided language (copied into buf). */
static void doc_lang(const char *html, char *buf, size_t cap)
{
    rc_source src = {0};
    src.path = "t.html";
    src.data = html;
    src.len = strlen(html);
    src.format = RC_FORMAT_HTML;
    rc_doc *doc;
    assert_int_equal(rc_doc_parse(ctx, &src, NULL, &doc), RC_OK);
    snprintf(buf, cap, "%s", doc->lang ? doc->lang : "(null)");
    rc_doc_free(doc);
}

static void test_lang(void **state)
{
    (void)state;
    char html[4096], lang[16];
    /* the page says English, the text is French: the text wins */
    snprintf(html, sizeof html, "<html lang=\"en\"><body>%s</body></html>", article_body);
    doc_lang(html, lang, sizeof lang);
    assert_string_equal(lang, "fr");
    /* too short to tell: the page's primary subtag */
    doc_lang("<html lang=\"fr-CA\"><body><p>Kiev, Odessa, Kharkiv.</p></body></html>", lang,
             sizeof lang);
    assert_string_equal(lang, "fr");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_furniture_left_out),
        cmocka_unit_test(test_hinted_wrapper),
        cmocka_unit_test(test_blog_page),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_metadata),
        cmocka_unit_test(test_jsonld_body),
        cmocka_unit_test(test_deep_page),
        cmocka_unit_test(test_no_text),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_lang),
    };
    return cmocka_run_group_tests(tests, setup, rc_test_ctx_teardown);
}
