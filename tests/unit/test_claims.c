/*
 * test_claims.c - the claims stage: what a figure counts and what happened, parts, ellipsis,
 * modality, figures that are no claims, and the use of the entities, quotes and attributions
 * other stages leave in the document (filled by hand here, as those stages would).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rc_test.h"

#include "core/doc.h"
#include "extract/claims.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests (rc_test.h). */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

/* A document from a French text (a title line first, so that its language is decided). */
static rc_doc *doc_of(const char *body)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "Le point sur la situation dans la région\n\n%s\n", body);
    rc_doc *doc = rc_test_doc(ctx, buf, strlen(buf), "2023-05-02");
    assert_non_null(doc->lang);
    assert_string_equal(doc->lang, "fr");
    return doc;
}

/* The claim whose figure text starts with fig, or NULL. */
static const rc_claim *claim_of(const rc_doc *doc, const char *fig)
{
    size_t n;
    const rc_claim *c = rc_doc_claims(doc, &n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < doc->nnums; k++)
            if (doc->nums[k].start >= c[i].start && doc->nums[k].start < c[i].end &&
                strncmp(doc->text + doc->nums[k].start, fig, strlen(fig)) == 0)
                return &c[i];
    return NULL;
}

/* Runs the stage again after the test filled the arrays of other stages by hand. */
static void rerun(rc_doc *doc)
{
    rc_stage_env env = {NULL, NULL};
    assert_int_equal(rc_stage_claims(doc, &env), RC_OK);
}

/* A span of doc->text, found by its first occurrence. */
static void span_of(const rc_doc *doc, const char *s, uint32_t *start, uint32_t *end)
{
    const char *p = strstr(doc->text, s);
    assert_non_null(p);
    *start = (uint32_t)(p - doc->text);
    *end = *start + (uint32_t)strlen(s);
}

static void test_counted_and_what(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Au moins 14 soldats ont été tués et 30 autres blessés lors de l'attaque. "
                         "Une vingtaine de bus ont quitté la ville. Le bilan s'élève à 33 morts.");
    const rc_claim *c = claim_of(doc, "Au moins 14");
    assert_non_null(c);
    assert_int_equal(c->what, RC_WHAT_KILLED);
    assert_int_equal(c->who, RC_WHO_SOLDIERS);
    assert_string_equal(c->counted, "soldats");
    assert_true(c->low == 14);
    c = claim_of(doc, "30");
    assert_non_null(c);
    assert_int_equal(c->what, RC_WHAT_INJURED);
    assert_int_equal(c->who, RC_WHO_SOLDIERS);
    c = claim_of(doc, "Une vingtaine");
    assert_non_null(c);
    assert_int_equal(c->what, RC_WHAT_EVACUATED);
    assert_int_equal(c->who, RC_WHO_VEHICLES);
    c = claim_of(doc, "33");
    assert_non_null(c);
    assert_int_equal(c->what, RC_WHAT_KILLED);
    rc_doc_free(doc);
}

static void test_parts_and_ellipsis(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Quelque 420 civils, dont 60 femmes et 90 enfants, auraient péri depuis "
                         "janvier, 130 dans la seule ville de Saada.");
    size_t n;
    const rc_claim *all = rc_doc_claims(doc, &n);
    assert_int_equal(n, 2); /* the parts are no claims of their own */
    const rc_claim *c = claim_of(doc, "Quelque 420");
    assert_non_null(c);
    assert_int_equal(c->nparts, 2);
    assert_int_equal(c->parts[0].who, RC_WHO_WOMEN);
    assert_true(c->parts[1].value == 90);
    assert_int_equal(c->parts[1].who, RC_WHO_CHILDREN);
    assert_int_equal(c->modality, RC_MOD_CONDITIONAL);
    assert_int_equal(all[1].what, RC_WHAT_KILLED);
    assert_int_equal(all[1].who, RC_WHO_CIVILIANS);
    assert_int_equal(all[1].modality, RC_MOD_CONDITIONAL);
    rc_doc_free(doc);
}

/* The first claim of a one-sentence document, with how many there are. */
static const rc_claim *only_claims(rc_doc *doc, size_t *n)
{
    const rc_claim *c = rc_doc_claims(doc, n);
    return *n ? c : NULL;
}

static void test_recall_wording(void **state)
{
    (void)state;
    size_t n;
    rc_doc *doc = doc_of("Une frappe a fait un mort et sept blessés dans la nuit.");
    const rc_claim *c = only_claims(doc, &n);
    assert_int_equal(n, 2); /* the article counts one before a toll noun */
    assert_true(c[0].value == 1);
    assert_int_equal(c[0].what, RC_WHAT_KILLED);
    assert_int_equal(c[1].what, RC_WHAT_INJURED);
    rc_doc_free(doc);

    doc = doc_of("Une victime a témoigné devant le tribunal.");
    only_claims(doc, &n);
    assert_int_equal(n, 0); /* the speaker of a story, not a toll */
    rc_doc_free(doc);

    doc = doc_of("L'attaque a fait 12 morts et non 10 comme indiqué par erreur.");
    c = only_claims(doc, &n);
    assert_int_equal(n, 2);
    assert_int_equal(c[0].modality, RC_MOD_ASSERTED);
    assert_true(c[1].value == 10);
    assert_int_equal(c[1].what, RC_WHAT_KILLED);
    assert_int_equal(c[1].modality, RC_MOD_DENIED);
    rc_doc_free(doc);

    doc = doc_of("Au moins 24 villageois ont péri, dont 11 femmes, 13 enfants.");
    c = only_claims(doc, &n);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].nparts, 2);
    assert_int_equal(c[0].parts[1].who, RC_WHO_CHILDREN);
    rc_doc_free(doc);

    doc = doc_of("Au moins 54 personnes ont été tuées, dont 30 dans la seule ville de Goma.");
    c = only_claims(doc, &n);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].nparts, 1);
    assert_int_equal(c[0].parts[0].who, RC_WHO_PEOPLE);
    rc_doc_free(doc);

    doc = doc_of("Selon nos informations, 17 étudiants ont été arrêtés.");
    c = only_claims(doc, &n);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].nsources, 0); /* the outlet's own voice */
    assert_int_equal(c[0].modality, RC_MOD_ASSERTED);
    assert_int_equal(c[0].what, RC_WHAT_DETAINED);
    rc_doc_free(doc);

    doc = doc_of("La moitié de l'État Shan est désormais contrôlée par les rebelles.");
    c = only_claims(doc, &n);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].what, RC_WHAT_CONTROLLED);
    assert_int_equal(c[0].who, RC_WHO_AREAS);
    rc_doc_free(doc);
}

static void test_not_claims(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Le général, âgé de 63 ans, a été nommé en 2015 pour la troisième fois. "
                         "La ville de 90 000 habitants est à 45 km de la frontière. Une aide de "
                         "3 millions d'euros a été votée à 18h30. Les prix ont augmenté de 12 %.\n"
                         "510578 01 03 1481125894 56");
    size_t n;
    rc_doc_claims(doc, &n);
    assert_int_equal(n, 0);
    rc_doc_free(doc);
}

static void test_modality(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("L'accord devrait permettre l'évacuation de 5 000 civils. Selon des "
                         "informations non vérifiées, 40 rebelles ont été tués. Les forces de "
                         "Lorvane n'ont pas tué 12 civils. Les présumées 300 exécutions de "
                         "prisonniers sont de la propagande.");
    const rc_claim *c = claim_of(doc, "5 000");
    assert_non_null(c);
    assert_int_equal(c->modality, RC_MOD_EXPECTED);
    assert_int_equal(c->what, RC_WHAT_EVACUATED);
    c = claim_of(doc, "40");
    assert_non_null(c);
    assert_int_equal(c->modality, RC_MOD_HEDGED);
    c = claim_of(doc, "12");
    assert_non_null(c);
    assert_int_equal(c->modality, RC_MOD_DENIED);
    assert_int_equal(c->what, RC_WHAT_KILLED);
    rc_doc_free(doc);
}

/* Attributions, quotes and entities as the sources and entities stages leave them. */
static void test_other_stages(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Au moins 82 civils ont été tués à Ferdous, a déclaré Ana Vidal, "
                         "porte-parole de l'ONU. « Nous avons compté 40 corps », dit-il. "
                         "Le ministère a démenti que 15 soldats aient été capturés.");
    rc_speaker *sp = rc_arena_calloc(&doc->arena, 3, sizeof *sp);
    sp[0] = (rc_speaker){.name = "Ana Vidal", .role = "porte-parole de l'ONU", .key = "ana vidal",
                         .type = RC_ENT_PER};
    sp[1] = (rc_speaker){.name = "Marc Delorme", .key = "marc delorme", .type = RC_ENT_PER};
    sp[2] = (rc_speaker){.name = "ministère", .key = "ministère", .type = RC_ENT_ORG};
    rc_attribution *at = rc_arena_calloc(&doc->arena, 2, sizeof *at);
    span_of(doc, "Au moins 82 civils ont été tués à Ferdous", &at[0].scope_start, &at[0].scope_end);
    at[0].cue = "déclarer";
    at[0].chain = &sp[0];
    at[0].nchain = 1;
    at[0].quote = -1;
    span_of(doc, "15 soldats aient été capturés", &at[1].scope_start, &at[1].scope_end);
    at[1].cue = "démentir";
    at[1].chain = &sp[2];
    at[1].nchain = 1;
    at[1].quote = -1;
    doc->attrs = at;
    doc->nattrs = 2;
    rc_quote *q = rc_arena_calloc(&doc->arena, 1, sizeof *q);
    span_of(doc, "Nous avons compté 40 corps", &q->start, &q->end);
    q->has_speaker = 1;
    q->speaker = sp[1];
    doc->quotes = q;
    doc->nquotes = 1;
    rc_entity *e = rc_arena_calloc(&doc->arena, 1, sizeof *e);
    span_of(doc, "Ferdous", &e->start, &e->end);
    e->type = RC_ENT_LOC;
    e->key = "ferdous";
    e->canon = "Ferdous";
    doc->ents = e;
    doc->nents = 1;
    rerun(doc);

    const rc_claim *c = claim_of(doc, "Au moins 82");
    assert_non_null(c);
    assert_int_equal(c->nsources, 1);
    assert_string_equal(c->sources[0].name, "Ana Vidal");
    assert_int_equal(c->modality, RC_MOD_REPORTED);
    assert_int_equal(c->nplaces, 1);
    assert_string_equal(c->places[0], "Ferdous");
    c = claim_of(doc, "40");
    assert_non_null(c);
    assert_int_equal(c->nsources, 1);
    assert_string_equal(c->sources[0].name, "Marc Delorme");
    assert_int_equal(c->who, RC_WHO_BODIES);
    c = claim_of(doc, "15");
    assert_non_null(c);
    assert_int_equal(c->modality, RC_MOD_DENIED);
    assert_string_equal(c->sources[0].name, "ministère");
    rc_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counted_and_what), cmocka_unit_test(test_parts_and_ellipsis),
        cmocka_unit_test(test_not_claims),       cmocka_unit_test(test_modality),
        cmocka_unit_test(test_other_stages),      cmocka_unit_test(test_recall_wording),
    };
    return cmocka_run_group_tests(tests, setup, rc_test_ctx_teardown);
}
