/*
 * test_entkeys.c - entity keys: the spellings of one name get one key (transliterations of
 * Arabic, Slavic and Sahelian names, the article, typos against the gazetteer), and different
 * names keep different keys, however close (Hama/Homs, Bab al-Qasr/Boustane al-Qasr).
 */
#include "rc_test.h"

#include "extract/entkey.h"
#include "extract/gazetteer.h"

/* The key a place name gets (the gazetteer is asked, one edit away too). */
static const char *key_of(const rc_ctx *ctx, const char *name, char *buf, size_t cap)
{
    rc_entkey_of(ctx, name, strlen(name), RC_ENT_LOC, buf, cap);
    return buf;
}

/* Whether two names are one entity for the stage: equal keys, or keys near enough. */
static int same_entity(const rc_ctx *ctx, const char *a, const char *b)
{
    char ka[RC_ENTKEY_MAX], kb[RC_ENTKEY_MAX];
    key_of(ctx, a, ka, sizeof ka);
    key_of(ctx, b, kb, sizeof kb);
    if (strcmp(ka, kb) == 0)
        return 1;
    return rc_entkey_spellings(a, strlen(a), b, strlen(b)) ? 2 : 0;
}

static void assert_same(const rc_ctx *ctx, const char *a, const char *b)
{
    if (!same_entity(ctx, a, b)) {
        char ka[RC_ENTKEY_MAX], kb[RC_ENTKEY_MAX];
        fail_msg("'%s' (%s) and '%s' (%s) should be one entity", a, key_of(ctx, a, ka, sizeof ka),
                 b, key_of(ctx, b, kb, sizeof kb));
    }
}

static void assert_differ(const rc_ctx *ctx, const char *a, const char *b)
{
    if (same_entity(ctx, a, b)) {
        char ka[RC_ENTKEY_MAX], kb[RC_ENTKEY_MAX];
        fail_msg("'%s' (%s) and '%s' (%s) should differ", a, key_of(ctx, a, ka, sizeof ka), b,
                 key_of(ctx, b, kb, sizeof kb));
    }
}

/* Equal keys, not only near ones: what documents share without seeing each other. */
static void assert_key_equal(const rc_ctx *ctx, const char *a, const char *b)
{
    char ka[RC_ENTKEY_MAX], kb[RC_ENTKEY_MAX];
    key_of(ctx, a, ka, sizeof ka);
    key_of(ctx, b, kb, sizeof kb);
    if (strcmp(ka, kb) != 0)
        fail_msg("'%s' (%s) and '%s' (%s) should have one key", a, ka, b, kb);
}

/* The same for persons, whose keys never come from a gazetteer. */
static void assert_person_key_equal(const rc_ctx *ctx, const char *a, const char *b)
{
    char ka[RC_ENTKEY_MAX], kb[RC_ENTKEY_MAX];
    rc_entkey_of(ctx, a, strlen(a), RC_ENT_PER, ka, sizeof ka);
    rc_entkey_of(ctx, b, strlen(b), RC_ENT_PER, kb, sizeof kb);
    if (strcmp(ka, kb) != 0)
        fail_msg("'%s' (%s) and '%s' (%s) should have one key", a, ka, b, kb);
}

static void test_variant_groups(void **state)
{
    const rc_ctx *ctx = *state;
    assert_key_equal(ctx, "Boustane al-Qasr", "Boustan Al Qasr");
    assert_key_equal(ctx, "Ramousseh", "Ramoussa");
    assert_key_equal(ctx, "Ramousseh", "Roumousseh");
    assert_key_equal(ctx, "Kallassé", "Al Kalasah");
    assert_person_key_equal(ctx, "Bachar el-Assad", "Bashar el-Assad");
    assert_person_key_equal(ctx, "Bachar el-Assad", "Bachar al-Assad");
    assert_person_key_equal(ctx, "Bachar Al-Assad", "bachar al assad");
    assert_key_equal(ctx, "Ildeb", "Idleb");
    assert_key_equal(ctx, "Idlib", "Idleb");
    assert_key_equal(ctx, "Kharkiv", "Kharkov");
    assert_key_equal(ctx, "Gaza", "Ghaza");
    assert_key_equal(ctx, "Mossoul", "Mosul");
    assert_key_equal(ctx, "Tombouctou", "Timbuktu");
    assert_person_key_equal(ctx, "Mohammed", "Muhammad");
    assert_person_key_equal(ctx, "Abdel Fattah al-Sissi", "Abd el-Fattah al-Sissi");
    assert_key_equal(ctx, "Kiev", "Kyiv");
    assert_key_equal(ctx, "Alep", "Halab"); /* two names of Aleppo in the gazetteer */
    assert_key_equal(ctx, "Deir ez-Zor", "Deir Zor");
    assert_key_equal(ctx, "Daech", "Etat islamique"); /* an alias of the organisation list */
    assert_key_equal(ctx, "AFP", "Agence France-Presse");
    assert_same(ctx, "Donetsk", "Donetz");
    assert_same(ctx, "Tchétchénie", "Tchetchenie");
    assert_key_equal(ctx, "KHARKIV", "Kharkiv"); /* a dateline in capitals */
    assert_person_key_equal(ctx, "Hussein", "Houssein");
}

static void test_must_differ(void **state)
{
    const rc_ctx *ctx = *state;
    assert_differ(ctx, "Bab al-Qasr", "Boustane al-Qasr");
    assert_differ(ctx, "Hama", "Homs");
    assert_differ(ctx, "Bab al-Qasr", "Bab al-Nasr");
    assert_differ(ctx, "Karim", "Kazim");
    assert_differ(ctx, "Gaza", "Goma");
    assert_differ(ctx, "Damas", "Doha");
    assert_differ(ctx, "Raqqa", "Deraa");
    assert_differ(ctx, "Dmitri Peskov", "Sergueï Lavrov");
    assert_differ(ctx, "ONU", "OTAN");
    assert_differ(ctx, "Mali", "Bali");
    /* a near match with the gazetteer is confirmed with the vowels: a village one consonant
     * swap away from a city is not that city */
    assert_differ(ctx, "Valbrune", "Villeurbanne");
    assert_differ(ctx, "Koupiansk", "Gdansk");
    /* a person's key is the folded name itself, whatever town is one edit away */
    char k[RC_ENTKEY_MAX];
    rc_entkey_of(ctx, "Sergueï Lavrov", 15, RC_ENT_PER, k, sizeof k);
    assert_string_equal(k, "srg lvrv");
    rc_entity_key(ctx, "Lavrov", 6, k, sizeof k);
    assert_string_equal(k, "lvrv");
}

static void test_fold(void **state)
{
    (void)state;
    char k[RC_ENTKEY_MAX];
    /* the article goes, case and accents go, short words keep their vowels */
    rc_entkey_fold("Bab al-Qasr", 11, k, sizeof k);
    assert_string_equal(k, "bab ksr");
    rc_entkey_fold("AFP", 3, k, sizeof k);
    assert_string_equal(k, "afp");
    /* a name of nothing but the article keeps it */
    rc_entkey_fold("Al", 2, k, sizeof k);
    assert_string_equal(k, "al");
    /* overlong input is cut at a word and stays NUL-terminated */
    char big[4000];
    for (size_t i = 0; i < sizeof big - 1; i++)
        big[i] = i % 7 == 6 ? ' ' : 'A' + (char)(i % 5);
    big[sizeof big - 1] = 0;
    size_t n = rc_entkey_fold(big, strlen(big), k, sizeof k);
    assert_true(n < sizeof k);
    assert_int_equal(strlen(k), n);
    assert_true(rc_entkey_near("idlb", 4, "ildb", 4));
    assert_false(rc_entkey_near("hms", 3, "ham", 3));
    assert_false(rc_entkey_near("bab ksr", 7, "bstn ksr", 8));
}

/* The prefix set of the gazetteer: every start of an organisation's or a country's folded
 * name is in it, byte by byte (the stage folds a name's longer readings only while it is), and
 * a text no name starts with is not. */
static void test_prefixes(void **state)
{
    const rc_ctx *ctx = *state;
    const rc_gaz *g = rc_gaz_get(ctx);
    assert_non_null(g);
    const char *names[] = {"nations unies", "arabie saoudite", "organisation des nations unies"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        uint32_t h = RC_GAZ_PREFIX_SEED;
        for (size_t i = 0; names[k][i]; i++) {
            h = rc_gaz_prefix_hash(h, names[k] + i, 1);
            assert_true(rc_gaz_is_prefix(g, h));
        }
    }
    /* the hash of a text is the same whether it is read at once or piece by piece */
    uint32_t whole = rc_gaz_prefix_hash(RC_GAZ_PREFIX_SEED, "nations unies", 13);
    uint32_t parts = rc_gaz_prefix_hash(rc_gaz_prefix_hash(RC_GAZ_PREFIX_SEED, "nations", 7),
                                        " unies", 6);
    assert_int_equal(whole, parts);
    assert_false(rc_gaz_is_prefix(g, rc_gaz_prefix_hash(RC_GAZ_PREFIX_SEED, "nations qqx", 11)));
    assert_false(rc_gaz_is_prefix(g, rc_gaz_prefix_hash(RC_GAZ_PREFIX_SEED, "xqzwv", 5)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variant_groups),
        cmocka_unit_test(test_must_differ),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_prefixes),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
