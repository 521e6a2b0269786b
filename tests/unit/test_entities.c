/*
 * test_entities.c - the entity recognizer on sentences of several styles: the type a name gets
 * from its title, trigger or gazetteer, the linking of short forms to full names, coordinates
 * from the gazetteer, and hostile input (a name of 500 capitalised words, a line of guillemets)
 * that must neither crash nor take long.
 */
#include "rc_test.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

/* The entity whose text is name (the first one), or NULL. */
static const rc_entity *find(const rc_doc *doc, const char *name)
{
    size_t n;
    const rc_entity *e = rc_doc_entities(doc, &n);
    const char *text = rc_doc_text(doc, NULL);
    for (size_t i = 0; i < n; i++)
        if (e[i].end - e[i].start == strlen(name) && memcmp(text + e[i].start, name, strlen(name)) == 0)
            return &e[i];
    return NULL;
}

/* Asserts that name is found with type type. */
static const rc_entity *expect(const rc_doc *doc, const char *name, int type)
{
    const rc_entity *e = find(doc, name);
    if (!e)
        fail_msg("'%s' not found", name);
    if (e->type != type)
        fail_msg("'%s' has type %d, want %d", name, e->type, type);
    return e;
}

static rc_doc *parse(const rc_ctx *ctx, const char *s)
{
    return rc_test_doc(ctx, s, strlen(s), "2023-03-01");
}

static void test_wire_copy(void **state)
{
    const rc_ctx *ctx = *state;
    rc_doc *doc = parse(ctx,
        "Le porte-parole du Kremlin Dmitri Peskov a démenti mardi toute frappe sur des civils à "
        "Kharkiv. Selon l'Observatoire syrien des droits de l'homme (OSDH), les combats se "
        "poursuivaient dans le quartier de Tell Sirine. Interrogé par l'AFP, Peskov a renvoyé "
        "vers le ministère de la Défense. Les Syriens déplacés attendent toujours, comme des "
        "Yazidis venus de Sinjar.");
    assert_true(rc_doc_stage_ran(doc, "entities"));
    const rc_entity *full = expect(doc, "Dmitri Peskov", RC_ENT_PER);
    const rc_entity *sur = expect(doc, "Peskov", RC_ENT_PER);
    assert_string_equal(sur->key, full->key); /* the surname alone links to the full name */
    assert_string_equal(sur->canon, "Dmitri Peskov");
    expect(doc, "Kremlin", RC_ENT_ORG);
    expect(doc, "Observatoire syrien des droits de l'homme", RC_ENT_ORG);
    expect(doc, "OSDH", RC_ENT_ORG);
    expect(doc, "AFP", RC_ENT_ORG);
    expect(doc, "Tell Sirine", RC_ENT_LOC);
    assert_null(find(doc, "Syriens")); /* a nationality counts people, it names nothing */
    expect(doc, "Yazidis", RC_ENT_MISC);  /* a people */
    const rc_entity *k = expect(doc, "Kharkiv", RC_ENT_LOC);
    assert_false(isnan(k->lat)); /* GeoNames gives Kharkiv's coordinates */
    assert_true(k->lat > 49 && k->lat < 51);
    assert_null(find(doc, "Selon")); /* a sentence opener is not a name */
    assert_null(find(doc, "Interrogé"));
    rc_doc_free(doc);
}

static void test_blog_and_radio(void **state)
{
    const rc_ctx *ctx = *state;
    rc_doc *doc = parse(ctx,
        "Encore une fois, la presse occidentale reprend sans vérifier les chiffres du Front "
        "al-Nosra. A Ramoussa, personne n'a vu ces prétendus massacres, et les habitants de "
        "Roumousseh le disent aussi. Le président Bachar el-Assad l'a rappelé : Assad ne "
        "négociera pas. Sur l'antenne de RFI, le chercheur Ziad Majed parlait pourtant "
        "d'exécutions sommaires près d'Ildeb et dans la province d'Idleb.");
    expect(doc, "Front al-Nosra", RC_ENT_ORG);
    const rc_entity *a = expect(doc, "Ramoussa", RC_ENT_LOC);
    const rc_entity *b = expect(doc, "Roumousseh", RC_ENT_LOC);
    assert_string_equal(a->key, b->key); /* two spellings, one place */
    const rc_entity *full = expect(doc, "Bachar el-Assad", RC_ENT_PER);
    const rc_entity *sur = expect(doc, "Assad", RC_ENT_PER);
    assert_string_equal(full->key, sur->key);
    expect(doc, "RFI", RC_ENT_ORG);
    expect(doc, "Ziad Majed", RC_ENT_PER);
    const rc_entity *typo = expect(doc, "Ildeb", RC_ENT_LOC);
    const rc_entity *right = expect(doc, "Idleb", RC_ENT_LOC);
    assert_string_equal(typo->key, right->key); /* the typo gets the right place's key */
    rc_doc_free(doc);
}

static void test_sahel_regional(void **state)
{
    const rc_ctx *ctx = *state;
    rc_doc *doc = parse(ctx,
        "A Gao, dans le nord du Mali, les casques bleus de la Minusma ont essuyé des tirs "
        "revendiqués par le JNIM. Le colonel Assimi Goïta a réagi depuis Bamako. Plus au sud, "
        "les shebab n'ont rien à voir avec cette attaque, précise notre correspondant Moussa "
        "Diallo, joint à Tombouctou.");
    expect(doc, "Gao", RC_ENT_LOC);
    expect(doc, "Mali", RC_ENT_LOC);
    expect(doc, "Minusma", RC_ENT_ORG);
    expect(doc, "JNIM", RC_ENT_ORG);
    expect(doc, "Assimi Goïta", RC_ENT_PER);
    expect(doc, "Bamako", RC_ENT_LOC);
    expect(doc, "shebab", RC_ENT_ORG);
    expect(doc, "Tombouctou", RC_ENT_LOC);
    rc_doc_free(doc);
}

/* Hama and Homs in one text stay two places; Bab al-Qasr and Boustane al-Qasr too. */
static void test_must_stay_apart(void **state)
{
    const rc_ctx *ctx = *state;
    rc_doc *doc = parse(ctx,
        "Les habitants de Hama et de Homs craignent une offensive, tandis que les quartiers de "
        "Bab al-Qasr et de Boustane al-Qasr sont déjà sous le feu de l'armée, a-t-on appris "
        "auprès de sources locales dans la région.");
    const rc_entity *hama = expect(doc, "Hama", RC_ENT_LOC);
    const rc_entity *homs = expect(doc, "Homs", RC_ENT_LOC);
    assert_string_not_equal(hama->key, homs->key);
    const rc_entity *bab = expect(doc, "Bab al-Qasr", RC_ENT_LOC);
    const rc_entity *bou = expect(doc, "Boustane al-Qasr", RC_ENT_LOC);
    assert_string_not_equal(bab->key, bou->key);
    rc_doc_free(doc);
}

/* Entities are in text order, inside the text, and never overlap. */
static void check_order(const rc_doc *doc)
{
    size_t n, len;
    const rc_entity *e = rc_doc_entities(doc, &n);
    rc_doc_text(doc, &len);
    for (size_t i = 0; i < n; i++) {
        assert_true(e[i].start < e[i].end && e[i].end <= len);
        assert_non_null(e[i].key);
        assert_non_null(e[i].canon);
        if (i)
            assert_true(e[i - 1].end <= e[i].start);
    }
}

/* Hostile input: 500 capitalised words in a row, a line of guillemets, a long repeated name.
 * Each must finish quickly (the stage is linear) and keep its invariants. */
static void test_hostile(void **state)
{
    const rc_ctx *ctx = *state;
    size_t cap = 1 << 20;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t n = (size_t)snprintf(s, cap, "Le ministre a dit que les combats continuent. ");
    for (int i = 0; i < 500; i++)
        n += (size_t)snprintf(s + n, cap - n, "Xavor%c%d ", 'A' + i % 26, i);
    n += (size_t)snprintf(s + n, cap - n, ". Les civils sont partis de la ville et des quartiers. ");
    for (int i = 0; i < 3000; i++)
        n += (size_t)snprintf(s + n, cap - n, "« ");
    n += (size_t)snprintf(s + n, cap - n, "\n");
    for (int i = 0; i < 4000; i++)
        n += (size_t)snprintf(s + n, cap - n, "le général Jean Dupont a vu Dupont à Alep, ");
    clock_t t0 = clock();
    rc_doc *doc = rc_test_doc(ctx, s, n, NULL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    check_order(doc);
    assert_true(secs < 5.0);
    rc_doc_free(doc);
    free(s);
}

/* Names in the last bytes of the text, where the scan for the words that may start a name reads
 * the text byte by byte rather than four bytes at a time, and a group named in lower case after
 * a plural article at the very end. */
static void test_text_end(void **state)
{
    const rc_ctx *ctx = *state;
    rc_doc *doc = parse(ctx, "Des renforts arrivent de Mopti vers Gao");
    expect(doc, "Mopti", RC_ENT_LOC);
    expect(doc, "Gao", RC_ENT_LOC);
    rc_doc_free(doc);
    doc = parse(ctx, "Le communiqué est signé par l'UE");
    expect(doc, "UE", RC_ENT_ORG);
    rc_doc_free(doc);
    doc = parse(ctx, "Les habitants accusent les talibans");
    expect(doc, "talibans", RC_ENT_ORG);
    assert_null(find(doc, "Les"));
    rc_doc_free(doc);
    doc = parse(ctx, "Le chef des shebab");
    expect(doc, "shebab", RC_ENT_ORG);
    rc_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wire_copy),
        cmocka_unit_test(test_blog_and_radio),
        cmocka_unit_test(test_sahel_regional),
        cmocka_unit_test(test_must_stay_apart),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_text_end),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
