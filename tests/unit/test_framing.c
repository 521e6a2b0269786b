/*
 * test_framing.c - the framing stage: terms found on folded tokens, the longest term winning,
 * phrases marked "-" hiding the term they start with, counts, the order of the output, and the
 * framing lexicon's own consistency (every value a known concept).
 */
#include <stdlib.h>
#include <string.h>

#include "rc_test.h"

#include "core/lexicon.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests (rc_test.h). */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

/* The count of (concept, term) in the document's framing, 0 when absent. */
static unsigned count_of(const rc_doc *doc, const char *concept, const char *term)
{
    size_t n;
    const rc_frame *f = rc_doc_framing(doc, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].concept, concept) == 0 && strcmp(f[i].term, term) == 0)
            return f[i].count;
    return 0;
}

/* Parses s (a NUL-terminated text) as a document. */
static rc_doc *doc_of(const char *s)
{
    return rc_test_doc(ctx, s, strlen(s), "2022-05-10");
}

/* Case, accents kept, typography folded; multi-word terms; one term per place. */
static void test_terms(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Les FORCES DU RÉGIME ont pilonné la ville. Le régime nie. "
                         "Selon l’opposition armée, les Forces gouvernementales reculent.");
    assert_true(rc_doc_stage_ran(doc, "framing"));
    assert_int_equal(count_of(doc, "government forces", "forces du régime"), 1);
    assert_int_equal(count_of(doc, "government forces", "régime"), 1); /* not inside the longer */
    assert_int_equal(count_of(doc, "government forces", "forces gouvernementales"), 1);
    assert_int_equal(count_of(doc, "opposition fighters", "opposition armée"), 1);
    rc_doc_free(doc);
}

/* A phrase marked "-" hides the term it starts with; a term broken by punctuation is no term. */
static void test_skips(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("La prise en charge des blessés a commencé. La reprise des combats est "
                         "annoncée pour demain. La prise de la colline, puis la chute. Bain, de "
                         "sang-froid.");
    assert_int_equal(count_of(doc, "taking of a place", "prise"), 1);
    assert_int_equal(count_of(doc, "taking of a place", "reprise"), 0);
    assert_int_equal(count_of(doc, "taking of a place", "chute"), 1);
    assert_int_equal(count_of(doc, "civilian deaths", "bain de sang"), 0);
    rc_doc_free(doc);
}

/* Counts add up and the output is sorted by concept then term. */
static void test_counts_order(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Rebelles ici, rebelles là : les rebelles avancent. Les djihadistes "
                         "aussi. Un massacre présumé, selon des rumeurs.");
    assert_int_equal(count_of(doc, "opposition fighters", "rebelles"), 3);
    size_t n;
    const rc_frame *f = rc_doc_framing(doc, &n);
    assert_int_equal(n, 5);
    for (size_t i = 1; i < n; i++) {
        int c = strcmp(f[i - 1].concept, f[i].concept);
        assert_true(c < 0 || (c == 0 && strcmp(f[i - 1].term, f[i].term) < 0));
    }
    assert_string_equal(f[0].concept, "civilian deaths");
    assert_string_equal(f[0].term, "massacre");
    rc_doc_free(doc);
}

/* A capital inside a sentence makes a name (the daily Libération), not the common word; at a
 * sentence's start, after an opening quote and in a word in capitals, it is the word. */
static void test_names(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Selon Libération, la libération de la ville a eu lieu hier soir. "
                         "Libération de Vesna : des habitants parlent d'un « Massacre ». "
                         "MASSACRE DANS LA VALLÉE, titre un quotidien du matin.");
    assert_int_equal(count_of(doc, "taking of a place", "libération"), 2);
    assert_int_equal(count_of(doc, "civilian deaths", "massacre"), 2);
    rc_doc_free(doc);
}

/* A text without any term has an empty framing, and the stage ran. */
static void test_none(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Le conseil municipal a voté mardi soir le budget des écoles de la "
                         "ville, et il a été adopté par une large majorité des élus.");
    size_t n = 99;
    rc_doc_framing(doc, &n);
    assert_int_equal(n, 0);
    assert_true(rc_doc_stage_ran(doc, "framing"));
    rc_doc_free(doc);
}

/* rc_lex_each: every entry names one of the concepts, or "-". */
static int check_entry(void *ud, const char *key, const char *value)
{
    static const char *const concepts[] = {"government forces",
                                           "opposition fighters",
                                           "taking of a place",
                                           "civilian deaths",
                                           "doubt",
                                           "-"};
    (void)ud;
    for (size_t i = 0; i < sizeof concepts / sizeof *concepts; i++)
        if (strcmp(value, concepts[i]) == 0)
            return 0;
    fail_msg("framing.tsv: %s has concept \"%s\"", key, value);
    return 1;
}

static void test_lexicon(void **state)
{
    (void)state;
    const rc_lexicon *lex = rc_lang_lex(ctx->fr, "framing");
    assert_non_null(lex);
    assert_true(rc_lex_count(lex) > 100);
    assert_int_equal(rc_lex_each(lex, check_entry, NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_terms),        cmocka_unit_test(test_skips),
        cmocka_unit_test(test_counts_order), cmocka_unit_test(test_none),
        cmocka_unit_test(test_lexicon),      cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, setup, rc_test_ctx_teardown);
}
