/*
 * test_numbers.c - the French number recognizer: the contract's examples, the word grammar,
 * fractions, ordinals, percentages, bounds, ranges, and what must not be read as a quantity.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc_test.h"

#include "core/doc.h"
#include "core/words.h"
#include "lang/fr/numbers.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests (rc_test.h), kept in ctx for the tests to use. */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

#define NA (-12345.0) /* stands for NAN (null) in expectations */

typedef struct want {
    const char *text;
    double value, low, high;
    bool approx;
    int kind;
} want;

/* Whether a result value matches an expectation, NA meaning null. */
static bool same(double got, double exp)
{
    if (exp == NA)
        return got != got;
    double d = got - exp;
    return d < 1e-9 && d > -1e-9;
}

/* Runs the recognizer on in and checks that the results are exactly w[0..nw). */
static void check_flags(const char *in, unsigned flags, const want *w, size_t nw)
{
    rc_arena a;
    rc_arena_init(&a);
    rc_number *nums;
    size_t n;
    assert_int_equal(rc_fr_numbers_ex(ctx->fr, in, strlen(in), flags, &a, &nums, &n), RC_OK);
    if (n != nw) {
        for (size_t i = 0; i < n; i++)
            print_message("got '%.*s' = %g\n", (int)(nums[i].end - nums[i].start),
                          in + nums[i].start, nums[i].value);
        fail_msg("'%s': %zu results, want %zu", in, n, nw);
    }
    for (size_t i = 0; i < n; i++) {
        const rc_number *r = &nums[i];
        size_t len = r->end - r->start;
        if (len != strlen(w[i].text) || memcmp(in + r->start, w[i].text, len) != 0)
            fail_msg("'%s': result %zu is '%.*s', want '%s'", in, i, (int)len, in + r->start,
                     w[i].text);
        if (!same(r->value, w[i].value) || !same(r->low, w[i].low) || !same(r->high, w[i].high))
            fail_msg("'%s': '%s' gives value %g low %g high %g, want %g %g %g", in, w[i].text,
                     r->value, r->low, r->high, w[i].value, w[i].low, w[i].high);
        if (r->approx != w[i].approx)
            fail_msg("'%s': '%s' approx %d", in, w[i].text, r->approx);
        if (r->kind != w[i].kind)
            fail_msg("'%s': '%s' kind %d, want %d", in, w[i].text, r->kind, w[i].kind);
    }
    rc_arena_free(&a);
}

#define CHECK(in, ...)                                                         \
    do {                                                                       \
        const want w_[] = {__VA_ARGS__};                                       \
        check_flags(in, 0, w_, sizeof w_ / sizeof *w_);                        \
    } while (0)
#define NONE(in) check_flags(in, 0, NULL, 0)
#define NUM(t, v) {t, v, NA, NA, false, RC_NUM_NUMBER}
#define ORD(t, v) {t, v, NA, NA, false, RC_NUM_ORDINAL}
#define PCT(t, v) {t, v, NA, NA, false, RC_NUM_PERCENT}
#define FRAC(t, v) {t, v, NA, NA, false, RC_NUM_FRACTION}

/* Every example of the contract's NUMBER paragraph. */
static void test_contract(void **state)
{
    (void)state;
    CHECK("une vingtaine", {"une vingtaine", 20, NA, NA, true, RC_NUM_NUMBER});
    CHECK("7 796", NUM("7 796", 7796));
    CHECK("80.000", NUM("80.000", 80000));
    CHECK("80 mille", NUM("80 mille", 80000));
    CHECK("la moitié", FRAC("la moitié", 0.5));
    CHECK("au moins 82", {"au moins 82", 82, 82, NA, false, RC_NUM_NUMBER});
    CHECK("plus de 350", {"plus de 350", 350, 350, NA, false, RC_NUM_NUMBER});
    CHECK("près de 15.000", {"près de 15.000", 15000, NA, 15000, true, RC_NUM_NUMBER});
    CHECK("des dizaines de milliers", {"des dizaines de milliers", NA, 20000, 99999, false,
                                       RC_NUM_NUMBER});
    CHECK("environ 300 morts", {"environ 300", 300, NA, NA, true, RC_NUM_NUMBER});
}

/* Digit forms: separators, decimal comma, signs, 10k, mixed forms. */
static void test_digits(void **state)
{
    (void)state;
    CHECK("1 234 567", NUM("1 234 567", 1234567));
    CHECK("1\u00a0234\u202f567,89", NUM("1\u00a0234\u202f567,89", 1234567.89));
    CHECK("1'000'000", NUM("1'000'000", 1000000));
    CHECK("1’000", NUM("1’000", 1000));
    CHECK("4,800", NUM("4,800", 4.8));
    CHECK(" -1", NUM("-1", -1));
    CHECK("+5", NUM("+5", 5));
    CHECK("10k", NUM("10k", 10000));
    CHECK("1,5 million", NUM("1,5 million", 1500000));
    CHECK("2,3 milliards", NUM("2,3 milliards", 2.3e9));
    CHECK("3 millions et demi", NUM("3 millions et demi", 3500000));
    CHECK("423 0000", NUM("423", 423), NUM("0000", 0));
    CHECK("1, 234, 567", NUM("1", 1), NUM("234", 234), NUM("567", 567));
    CHECK("3/4", FRAC("3/4", 0.75));
    CHECK("2 1/4", FRAC("2 1/4", 2.25));
    CHECK("1e10", NUM("1e10", 1e10));
    CHECK("½", FRAC("½", 0.5));
}

/* Number words, the whole grammar. */
static void test_words(void **state)
{
    (void)state;
    CHECK("quatre-vingt-dix-neuf", NUM("quatre-vingt-dix-neuf", 99));
    CHECK("quatre vingt dix neuf", NUM("quatre vingt dix neuf", 99));
    CHECK("soixante et onze", NUM("soixante et onze", 71));
    CHECK("soixante-et-onze", NUM("soixante-et-onze", 71));
    CHECK("soixante-dix-sept", NUM("soixante-dix-sept", 77));
    CHECK("quatre-vingts", NUM("quatre-vingts", 80));
    CHECK("quatre-vingt-un", NUM("quatre-vingt-un", 81));
    CHECK("vingt et un", NUM("vingt et un", 21));
    CHECK("mille cent", NUM("mille cent", 1100));
    CHECK("deux millions trois cent mille", NUM("deux millions trois cent mille", 2300000));
    CHECK("neuf mille neuf cent quatre-vingt-dix-neuf",
          NUM("neuf mille neuf cent quatre-vingt-dix-neuf", 9999));
    CHECK("septante-cinq", NUM("septante-cinq", 75));
    CHECK("nonante", NUM("nonante", 90));
    CHECK("huitante", NUM("huitante", 80));
    CHECK("dix-sept", NUM("dix-sept", 17));
    CHECK("deux cents", NUM("deux cents", 200));
    CHECK("cent un", NUM("cent un", 101));
    CHECK("une douzaine", {"une douzaine", 12, NA, NA, true, RC_NUM_NUMBER});
    CHECK("trois douzaines", {"trois douzaines", 36, NA, NA, true, RC_NUM_NUMBER});
    CHECK("deux cent virgule cinq", NUM("deux cent virgule cinq", 200.5));
    CHECK("vingt et un ou vingt-deux",
          {"vingt et un ou vingt-deux", NA, 21, 22, false, RC_NUM_RANGE}, NUM("vingt et un", 21),
          NUM("vingt-deux", 22));
    CHECK("un million", NUM("un million", 1e6));
    CHECK("Un demi-million", NUM("Un demi-million", 500000));
}

/* rc_fr_numwords, the reader the time recognizer uses. */
static void test_numwords(void **state)
{
    (void)state;
    double v;
    const char *s = "vingt-quatre heures";
    assert_int_equal(rc_fr_numwords(s, strlen(s), &v), strlen("vingt-quatre"));
    assert_true(v == 24);
    s = "trois jours";
    assert_int_equal(rc_fr_numwords(s, strlen(s), &v), 5);
    assert_true(v == 3);
    s = "mille cent morts";
    assert_int_equal(rc_fr_numwords(s, strlen(s), &v), 10);
    assert_true(v == 1100);
    s = "quatre-vingt-dix-neuf";
    assert_int_equal(rc_fr_numwords(s, 12, &v), 12); /* only "quatre-vingt" is given */
    assert_true(v == 80);
    s = "jours";
    assert_int_equal(rc_fr_numwords(s, strlen(s), &v), 0);
    assert_int_equal(rc_fr_numwords("", 0, &v), 0);
}

/* Fractions in words and digits. */
static void test_fractions(void **state)
{
    (void)state;
    CHECK("un tiers", FRAC("un tiers", 1.0 / 3));
    CHECK("deux tiers", FRAC("deux tiers", 2.0 / 3));
    CHECK("trois quarts", FRAC("trois quarts", 0.75));
    CHECK("un cinquième", FRAC("un cinquième", 0.2));
    CHECK("trois cinquièmes", FRAC("trois cinquièmes", 0.6));
    CHECK("cent et trois quarts", FRAC("cent et trois quarts", 100.75));
    CHECK("un sur trois", FRAC("un sur trois", 1.0 / 3));
    CHECK("1 sur 20", FRAC("1 sur 20", 0.05));
    CHECK("quatre centièmes", FRAC("quatre centièmes", 0.04));
}

/* Ordinals in digits, roman numerals and words. */
static void test_ordinals(void **state)
{
    (void)state;
    CHECK("1er 1re 2e 2ème IIe XXIe", ORD("1er", 1), ORD("1re", 1), ORD("2e", 2), ORD("2ème", 2),
          ORD("IIe", 2), ORD("XXIe", 21));
    CHECK("Le XXIEME siècle, le XIXème", ORD("XXIEME", 21), ORD("XIXème", 19));
    CHECK("premier", ORD("premier", 1));
    CHECK("sixième", ORD("sixième", 6));
    CHECK("le vingt et unième jour", ORD("vingt et unième", 21));
    CHECK("cent vingt-cinquième", ORD("cent vingt-cinquième", 125));
    CHECK("quatre-vingtième", ORD("quatre-vingtième", 80));
    CHECK("deux centième", ORD("deux centième", 200));
    NONE("une seconde");
    NONE("Le maire et la Cie");
}

/* Percentages. */
static void test_percent(void **state)
{
    (void)state;
    CHECK("80 %", PCT("80 %", 80));
    CHECK("80\u00a0%", PCT("80\u00a0%", 80));
    CHECK("80 pour cent", PCT("80 pour cent", 80));
    CHECK("80 pourcent", PCT("80 pourcent", 80));
    CHECK("1,5%", PCT("1,5%", 1.5));
    CHECK("vingt pour cent", PCT("vingt pour cent", 20));
    CHECK("moins de 1%", {"moins de 1%", 1, NA, 1, false, RC_NUM_PERCENT});
    CHECK("pour cent euros", NUM("cent", 100));
}

/* Vague quantities and bounds. */
static void test_vague(void **state)
{
    (void)state;
    CHECK("une dizaine de morts", {"une dizaine", 10, NA, NA, true, RC_NUM_NUMBER});
    CHECK("une trentaine", {"une trentaine", 30, NA, NA, true, RC_NUM_NUMBER});
    CHECK("une centaine", {"une centaine", 100, NA, NA, true, RC_NUM_NUMBER});
    CHECK("un millier", {"un millier", 1000, NA, NA, true, RC_NUM_NUMBER});
    CHECK("des dizaines", {"des dizaines", NA, 20, 99, false, RC_NUM_NUMBER});
    CHECK("des centaines", {"des centaines", NA, 200, 999, false, RC_NUM_NUMBER});
    CHECK("des milliers", {"des milliers", NA, 2000, 9999, false, RC_NUM_NUMBER});
    CHECK("des centaines de milliers", {"des centaines de milliers", NA, 200000, 999999, false,
                                        RC_NUM_NUMBER});
    CHECK("plusieurs centaines", {"plusieurs centaines", NA, 200, 999, false, RC_NUM_NUMBER});
    CHECK("quelques dizaines", {"quelques dizaines", NA, 20, 99, false, RC_NUM_NUMBER});
    CHECK("des millions", {"des millions", NA, 2e6, 1e7 - 1, false, RC_NUM_NUMBER});
    CHECK("au plus 12", {"au plus 12", 12, NA, 12, false, RC_NUM_NUMBER});
    CHECK("moins de 5", {"moins de 5", 5, NA, 5, false, RC_NUM_NUMBER});
    CHECK("quelque 300", {"quelque 300", 300, NA, NA, true, RC_NUM_NUMBER});
    CHECK("jusqu'à 40", {"jusqu'à 40", 40, NA, 40, false, RC_NUM_NUMBER});
    CHECK("jusqu’à 40", {"jusqu’à 40", 40, NA, 40, false, RC_NUM_NUMBER});
    CHECK("un peu plus de 200", {"un peu plus de 200", 200, 200, NA, true, RC_NUM_NUMBER});
    CHECK("Près d'un millier", {"Près d'un millier", 1000, NA, 1000, true, RC_NUM_NUMBER});
    CHECK("plus d’une centaine", {"plus d’une centaine", 100, 100, NA, true, RC_NUM_NUMBER});
    CHECK("300 environ", {"300 environ", 300, NA, NA, true, RC_NUM_NUMBER});
    NONE("mis en quarantaine");
}

/* Ranges: entre X et Y, de X à Y, X à Y, and X ou Y when the two are guesses at one amount. */
static void test_ranges(void **state)
{
    (void)state;
    CHECK("entre 30 et 40 morts", {"entre 30 et 40", NA, 30, 40, false, RC_NUM_RANGE},
          NUM("30", 30), NUM("40", 40));
    CHECK("de 10 à 15 blessés", {"de 10 à 15", NA, 10, 15, false, RC_NUM_RANGE}, NUM("10", 10),
          NUM("15", 15));
    CHECK("10 à 15 blessés", {"10 à 15", NA, 10, 15, false, RC_NUM_RANGE}, NUM("10", 10),
          NUM("15", 15));
    CHECK("entre deux et trois millions", {"entre deux et trois millions", NA, 2e6, 3e6, false,
                                           RC_NUM_RANGE},
          NUM("deux", 2e6), NUM("trois millions", 3e6));
    CHECK("deux ou trois civils", {"deux ou trois", NA, 2, 3, false, RC_NUM_RANGE},
          NUM("deux", 2), NUM("trois", 3));
    CHECK("cinq ou six mille", {"cinq ou six mille", NA, 5000, 6000, false, RC_NUM_RANGE},
          NUM("cinq", 5000), NUM("six mille", 6000));
    /* two amounts, or two years: no range */
    CHECK("5 ou 20 blessés", NUM("5", 5), NUM("20", 20));
    CHECK("3 ou 2 morts", NUM("3", 3), NUM("2", 2));
    CHECK("en 2014 ou 2015", NUM("2014", 2014), NUM("2015", 2015));
}

/* What must not be read as a quantity. */
static void test_not_quantities(void **state)
{
    (void)state;
    NONE("à 9h30 puis à 20heures et à 9 h 30");
    NONE("le 15/12/2016 et le 2016-12-15");
    NONE("le 15 décembre");
    NONE("en décembre 2016");
    NONE("le 1er janvier");
    NONE("sous la pluie et un vent glacial");
    NONE("Une femme a vu un homme");
    NONE("l'un des soldats");
    NONE("le vol MH17 et l'Airbus A320");
    NONE("le liquide de 180ml, route de 29km");
    NONE("https://example.org/a/2016/12/15/80-morts.html");
    /* identifiers and long digit runs: plain numbers, no bounds */
    CHECK("plus de 0612345678", NUM("0612345678", 612345678));
    CHECK("192.168.1.2", NUM("192.168", 192168), NUM("1", 1), NUM("2", 2));
    CHECK("la résolution n° 2254", NUM("2254", 2254));
}

/* The Recognizers-Text conventions, on request. */
static void test_options(void **state)
{
    (void)state;
    const want un[] = {NUM("un", 1)};
    check_flags("Je veux un crédit", RC_FRNUM_ARTICLES, un, 1);
    const want une[] = {NUM("une", 1)};
    check_flags("une\x9e mesure", RC_FRNUM_ARTICLES, une, 1); /* a stray byte after the word */
    const want rel[] = {ORD("l’avant-dernier", NA)};
    check_flags("Je veux l’avant-dernier.", RC_FRNUM_RELATIVE, rel, 1);
    NONE("Je veux l’avant-dernier.");
}

/* Text that does not end in NUL is copied, never read past. */
static void test_unterminated(void **state)
{
    (void)state;
    char buf[8] = {'1', '2', ' ', 'm', 'o', 'r', 't', 's'};
    rc_arena a;
    rc_arena_init(&a);
    rc_number *nums;
    size_t n;
    char *heap = malloc(9);
    memcpy(heap, buf, 8);
    heap[8] = 'x';
    assert_int_equal(rc_fr_numbers(ctx->fr, heap, 2, &a, &nums, &n), RC_OK);
    assert_int_equal(n, 1);
    assert_true(nums[0].value == 12);
    free(heap);
    rc_arena_free(&a);
}

/* The start and approx flag of the only figure of in, read with the French data of c. */
static void only_figure(const rc_ctx *c, const char *in, uint32_t *start, bool *approx)
{
    rc_arena a;
    rc_arena_init(&a);
    rc_number *nums;
    size_t n;
    assert_int_equal(rc_fr_numbers(c->fr, in, strlen(in), &a, &nums, &n), RC_OK);
    assert_int_equal(n, 1);
    *start = nums[0].start;
    *approx = nums[0].approx;
    rc_arena_free(&a);
}

/* Two sets of data in turn: what the recognizer keeps from one text to the next about the bound
 * phrases follows the lexicon it is given. */
static void test_two_lexicons(void **state)
{
    (void)state;
    char dir[] = "/tmp/rc-numbers-XXXXXX", path[256];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/fr", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/fr/number_bounds.tsv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("vers\tapprox\t-\n", f);
    fclose(f);
    char err[512];
    rc_ctx *other;
    assert_int_equal(rc_ctx_new(dir, err, sizeof err, &other), RC_OK);
    for (int round = 0; round < 2; round++) {
        uint32_t start;
        bool approx;
        only_figure(ctx, "vers 40 personnes", &start, &approx);
        assert_true(start == 5 && !approx);
        only_figure(other, "vers 40 personnes", &start, &approx);
        assert_true(start == 0 && approx);
        only_figure(other, "environ 40 personnes", &start, &approx);
        assert_true(start == 8 && !approx);
        only_figure(ctx, "environ 40 personnes", &start, &approx);
        assert_true(start == 0 && approx);
    }
    rc_ctx_free(other);
    remove(path);
    snprintf(path, sizeof path, "%s/fr", dir);
    rmdir(path);
    rmdir(dir);
}

/* The numbers stage walks the document's tokens and passes over words through the answers kept
 * in their records (rc_fr_numbers_doc): the figures are those of the scan over the bytes, with
 * the table cold and warm, around articles, "pour" with and without "cent", elided and
 * hyphenated words, identifiers, addresses and words glued to figures. */
static void test_token_walk(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Une colonne de blindés a quitté Port-Hélène ; un sur deux est revenu, selon un officier.",
        "Le maire parle de vingt pour cent des maisons, pour centaines de familles, pour rien.",
        "L'armée dit qu'aujourd'hui vingt-cinq F-16 et un A320 ont survolé la vallée-3.",
        "Écrivez à presse.nord@exemple.org ou sur www.exemple.org : un tiers des écoles, une dizaine.",
        "A-t-il vu les 3e et XXIe régiments ? Une seconde, dit-on. Un -5 degrés, pourraient-ils dire.",
        "Des milliers de personnes, une centaine de blessés, un million et demi de déplacés, 1,5 %.",
        "un\u00a0obus, une\tsalve, un. Un-deux, bloc un-3, code pour@XXIe, pour\u00a0cent, une et deux, Il Ils Iran IVe.",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        rc_doc *doc = rc_test_doc(ctx, texts[t], strlen(texts[t]), "2021-03-09");
        assert_non_null(doc);
        rc_number *want_n, *got;
        size_t nw, ng;
        assert_int_equal(
            rc_fr_numbers(ctx->fr, doc->text, doc->len, &doc->arena, &want_n, &nw), RC_OK);
        for (int round = 0; round < 2; round++) { /* the word table cold, then warm */
            assert_int_equal(rc_words_begin(doc), RC_OK);
            assert_int_equal(rc_fr_numbers_doc(doc, &doc->arena, &got, &ng), RC_OK);
            rc_words_end(doc);
            if (ng != nw)
                fail_msg("'%s': %zu figures through the tokens, %zu over the bytes", texts[t], ng,
                         nw);
            for (size_t i = 0; i < ng; i++) {
                assert_int_equal(got[i].start, want_n[i].start);
                assert_int_equal(got[i].end, want_n[i].end);
                assert_int_equal(got[i].kind, want_n[i].kind);
                assert_true(same(got[i].value, want_n[i].value != want_n[i].value
                                                   ? NA
                                                   : want_n[i].value));
            }
        }
        if (t == 0) /* un sur deux, and no article */
            assert_true(nw == 1 && want_n[0].kind == RC_NUM_FRACTION);
        rc_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contract),      cmocka_unit_test(test_digits),
        cmocka_unit_test(test_words),         cmocka_unit_test(test_numwords),
        cmocka_unit_test(test_fractions),     cmocka_unit_test(test_ordinals),
        cmocka_unit_test(test_percent),       cmocka_unit_test(test_vague),
        cmocka_unit_test(test_ranges),        cmocka_unit_test(test_not_quantities),
        cmocka_unit_test(test_options),       cmocka_unit_test(test_unterminated),
        cmocka_unit_test(test_two_lexicons),  cmocka_unit_test(test_token_walk),
    };
    return cmocka_run_group_tests(tests, setup, rc_test_ctx_teardown);
}
