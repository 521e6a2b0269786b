/*
 * test_lexicons.c - a user's lexicon folder (rc_ctx_add_lexicons): entries added to a built-in
 * lexicon, a user entry overriding a built-in one, a new lexicon, a new language, new serials,
 * tables derived before the change made again, and malformed files named by FILE:LINE with the
 * context left as it was.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc_test.h"

#include "core/lexicon.h"
#include "extract/gazetteer.h"

static char root[256];

/* Writes a file under the temporary root. */
static void put(const char *rel, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    assert_int_equal(system(cmd), 0);
    *slash = '/';
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/rc_test_lexicons_XXXXXX");
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* The framing count of term in a document of text s. */
static unsigned frame_count(const rc_ctx *ctx, const char *s, const char *term)
{
    rc_doc *doc = rc_test_doc(ctx, s, strlen(s), "2023-01-01");
    size_t n;
    const rc_frame *f = rc_doc_framing(doc, &n);
    unsigned c = 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].term, term) == 0)
            c = f[i].count;
    rc_doc_free(doc);
    return c;
}

static const char *text = "Les bandits armés du M23 et les combattants ont fui devant les forces "
                          "gouvernementales, qui tiennent désormais toute la vallée du fleuve.";

/* Adding, overriding, a new lexicon, a new language; derived tables follow. */
static void test_extend(void **state)
{
    (void)state;
    rc_ctx *ctx;
    char err[512];
    assert_int_equal(rc_ctx_new(NULL, err, sizeof err, &ctx), RC_OK);
    /* a framing table derived before the user's folder is added */
    assert_int_equal(frame_count(ctx, text, "combattants"), 1);
    assert_int_equal(frame_count(ctx, text, "bandits armés"), 0);
    const rc_lexicon *before = rc_lang_lex(ctx->fr, "framing");
    size_t nbefore = rc_lex_count(before);
    unsigned long long serial = rc_lex_serial(before);

    put("ok/fr/framing.tsv",
        "# mine\nbandits armés\topposition fighters\ncombattants\t-\nM23\topposition fighters\n");
    put("ok/fr/my_words.txt", "premier\ndeuxième\n");
    put("ok/xx/funcwords.txt", "zorg\n");
    put("ok/README.md", "not a lexicon\n");
    char dir[300];
    snprintf(dir, sizeof dir, "%s/ok", root);
    assert_int_equal(rc_ctx_add_lexicons(ctx, dir, err, sizeof err), RC_OK);

    const rc_lexicon *after = rc_lang_lex(ctx->fr, "framing");
    assert_ptr_not_equal(after, before);
    assert_true(rc_lex_serial(after) != serial);
    assert_int_equal(rc_lex_count(after), nbefore + 2); /* two added, one overridden */
    assert_string_equal(rc_lex_get(after, "Bandits armés", strlen("Bandits armés")),
                        "opposition fighters");
    assert_string_equal(rc_lex_get(after, "combattants", 11), "-");
    assert_string_equal(rc_lex_get(after, "rebelles", 8), "opposition fighters");
    assert_string_equal(rc_lex_get(before, "combattants", 11), "opposition fighters");
    assert_int_equal(rc_lex_count(rc_lang_lex(ctx->fr, "my_words")), 2);
    const rc_lang *xx = rc_ctx_lang(ctx, "xx");
    assert_non_null(xx);
    assert_non_null(rc_lex_get(rc_lang_lex(xx, "funcwords"), "zorg", 4));
    /* the framing stage sees the new lexicon */
    assert_int_equal(frame_count(ctx, text, "combattants"), 0);
    assert_int_equal(frame_count(ctx, text, "bandits armés"), 1);
    assert_int_equal(frame_count(ctx, text, "m23"), 1); /* a term need not be letters only */
    assert_int_equal(frame_count(ctx, text, "forces gouvernementales"), 1);
    rc_ctx_free(ctx);
}

/* Malformed files: FILE:LINE in the message, and the context as it was. */
static void test_errors(void **state)
{
    (void)state;
    rc_ctx *ctx;
    char err[512];
    assert_int_equal(rc_ctx_new(NULL, err, sizeof err, &ctx), RC_OK);
    const rc_lexicon *before = rc_lang_lex(ctx->fr, "framing");
    char dir[300], want[400];

    put("bad1/fr/aaa.txt", "fine\n");
    put("bad1/fr/framing.tsv", "# a comment\n\nrebelles\topposition fighters\nsans valeur\n");
    snprintf(dir, sizeof dir, "%s/bad1", root);
    assert_int_equal(rc_ctx_add_lexicons(ctx, dir, err, sizeof err), RC_EDATA);
    snprintf(want, sizeof want, "%s/fr/framing.tsv:4:", dir);
    assert_non_null(strstr(err, want));
    assert_ptr_equal(rc_lang_lex(ctx->fr, "framing"), before);
    assert_null(rc_lang_lex(ctx->fr, "aaa")); /* nothing of the folder was taken */

    put("bad2/fr/framing.tsv", "rebelles\topposition fighters\nins\xe9rg\xe9s\tdoubt\n");
    snprintf(dir, sizeof dir, "%s/bad2", root);
    assert_int_equal(rc_ctx_add_lexicons(ctx, dir, err, sizeof err), RC_EDATA);
    snprintf(want, sizeof want, "%s/fr/framing.tsv:2: the line is not UTF-8", dir);
    assert_non_null(strstr(err, want));

    put("bad3/framing.tsv", "rebelles\topposition fighters\n");
    snprintf(dir, sizeof dir, "%s/bad3", root);
    assert_int_equal(rc_ctx_add_lexicons(ctx, dir, err, sizeof err), RC_EDATA);
    assert_non_null(strstr(err, "language folder"));

    snprintf(dir, sizeof dir, "%s/none", root);
    assert_int_equal(rc_ctx_add_lexicons(ctx, dir, err, sizeof err), RC_EIO);
    assert_non_null(strstr(err, dir));

    /* a .txt lexicon may have keys alone; an empty .tsv value is refused only in user files */
    put("ok2/fr/funcwords.txt", "zorglub\n");
    snprintf(dir, sizeof dir, "%s/ok2", root);
    assert_int_equal(rc_ctx_add_lexicons(ctx, dir, err, sizeof err), RC_OK);
    assert_non_null(rc_lex_get(rc_lang_lex(ctx->fr, "funcwords"), "zorglub", 7));
    assert_non_null(rc_lex_get(rc_lang_lex(ctx->fr, "funcwords"), "le", 2));
    rc_ctx_free(ctx);
}

/* A word folded once (rc_lex_key) gets from every lexicon what rc_lex_get gives, and the
 * combined table of the name lists (rc_gaz_word) what the four lists say one by one, for user
 * entries too, accented and capitalised words, and a word longer than any key. */
static void test_keys(void **state)
{
    (void)state;
    rc_ctx *ctx;
    char err[512], dir[300];
    assert_int_equal(rc_ctx_new(NULL, err, sizeof err, &ctx), RC_OK);
    put("keys/fr/ent_firstnames.txt", "Zéphyrine\n");
    put("keys/fr/place_names.tsv", "Zéphyrine\tXX1\n");
    snprintf(dir, sizeof dir, "%s/keys", root);
    assert_int_equal(rc_ctx_add_lexicons(ctx, dir, err, sizeof err), RC_OK);
    char longw[300];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    const char *words[] = {"Paris", "PARIS", "Alep", "Mohamed", "zéphyrine", "ZÉPHYRINE",
                           "Syrie", "ONU", "le", "des", "Nations unies", "x", "", "Évry",
                           "Croix-Rouge", "Kharkiv", longw};
    const char *lists[] = {"ent_firstnames", "place_names", "ent_countries", "ent_orgs",
                           "funcwords", "ent_cues"};
    const unsigned bits[] = {RC_GAZ_FIRST, RC_GAZ_PLACE, RC_GAZ_COUNTRY, RC_GAZ_ORG, 0, 0};
    const rc_gaz *g = rc_gaz_get(ctx);
    assert_non_null(g);
    unsigned seen = 0;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        rc_lex_key k;
        rc_lex_key_make(words[w], strlen(words[w]), &k);
        unsigned want = 0;
        for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
            const rc_lexicon *lex = rc_lang_lex(ctx->fr, lists[l]);
            const char *a = rc_lex_get(lex, words[w], strlen(words[w]));
            assert_ptr_equal(rc_lex_get_key(lex, &k), a);
            if (a)
                want |= bits[l];
        }
        assert_int_equal(rc_gaz_word(g, &k), want);
        seen |= want;
    }
    /* the user's name is in both lists it was added to, whatever its case */
    rc_lex_key z;
    rc_lex_key_make("ZÉPHYRINE", strlen("ZÉPHYRINE"), &z);
    assert_int_equal(rc_gaz_word(g, &z), RC_GAZ_FIRST | RC_GAZ_PLACE);
    assert_true(seen & RC_GAZ_COUNTRY);
    rc_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extend),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_keys),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
