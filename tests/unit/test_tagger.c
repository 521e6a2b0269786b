/*
 * test_tagger.c - the statistical entity tagger (extract/ent_tagger.c): it adds the names the
 * rules miss in sentences written for this test, leaves a lone capitalised sentence opener
 * alone, is off unless asked for, and its model reader names FILE:LINE on malformed input.
 */
#include "rc_test.h"

#include "extract/ent_tagger.h"

/* Whether doc has an entity of that text and type. */
static bool has_entity(const rc_doc *doc, const char *text, rc_ent_type type)
{
    size_t n;
    const rc_entity *e = rc_doc_entities(doc, &n);
    const char *t = rc_doc_text(doc, NULL);
    for (size_t i = 0; i < n; i++)
        if (e[i].type == type && e[i].end - e[i].start == strlen(text) &&
            memcmp(t + e[i].start, text, strlen(text)) == 0)
            return true;
    return false;
}

static const char wire[] =
    "Trois soldats ont été tués, a indiqué Hrebenko à la radio.\n\n"
    "Plus tard, Nkurunziza a reçu les chefs de village.\n\n"
    "Internet reste coupé dans la vallée depuis lundi.\n";

/* With the tagger, two surnames no rule vouches for become persons; a sentence's first word
 * seen nowhere else stays out. Without it, the rules alone leave the surnames out. */
static void test_adds_names(void **state)
{
    const rc_ctx *plain = *state;
    char err[512];
    rc_ctx *ctx;
    assert_int_equal(rc_ctx_new(NULL, err, sizeof err, &ctx), RC_OK);
    assert_int_equal(rc_ctx_set_tagger(ctx, 1, err, sizeof err), RC_OK);
    rc_doc *doc = rc_test_doc(ctx, wire, sizeof wire - 1, NULL);
    assert_true(has_entity(doc, "Hrebenko", RC_ENT_PER));
    assert_true(has_entity(doc, "Nkurunziza", RC_ENT_PER));
    assert_false(has_entity(doc, "Internet", RC_ENT_PER));
    assert_false(has_entity(doc, "Internet", RC_ENT_LOC));
    rc_doc_free(doc);
    doc = rc_test_doc(plain, wire, sizeof wire - 1, NULL);
    assert_false(has_entity(doc, "Hrebenko", RC_ENT_PER));
    assert_false(has_entity(doc, "Nkurunziza", RC_ENT_PER));
    rc_doc_free(doc);
    /* turned off again, the tagger adds nothing */
    assert_int_equal(rc_ctx_set_tagger(ctx, 0, err, sizeof err), RC_OK);
    doc = rc_test_doc(ctx, wire, sizeof wire - 1, NULL);
    assert_false(has_entity(doc, "Hrebenko", RC_ENT_PER));
    rc_doc_free(doc);
    rc_ctx_free(ctx);
}

/* A well-formed model is read with its header and features. */
static void test_model_ok(void **state)
{
    (void)state;
    static const char model[] = "recoupe-tagger 1\n# a comment\nlabels O PER LOC ORG\n"
                                "add PER\nmargin 1.5\n"
                                "b\t0.5\t-0.25\t0\t0\nw=alep\t0\t0\t2\t-1\n";
    char err[256];
    ent_tagger *m;
    assert_int_equal(ent_tagger_parse("m.model", model, sizeof model - 1, err, sizeof err, &m),
                     RC_OK);
    assert_int_equal(ent_tagger_size(m), 2);
    assert_true(ent_tagger_margin(m) == 1.5);
    assert_true(ent_tagger_adds(m, ENT_TAG_PER));
    assert_false(ent_tagger_adds(m, ENT_TAG_LOC));
    ent_tagger_free(m);
    ent_tagger_free(NULL);
}

/* Each malformed model is refused with the file and the line of the fault. */
static void test_model_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *where;
    } bad[] = {
        {"", "m.model:1:"},
        {"a model\n", "m.model:1:"},
        {"recoupe-tagger 1\nb\t1\t0\t0\t0\n", "m.model:2:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\nb\t1\t0\t0\n", "m.model:3:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\nb\t1\t0\t0\t0\t7\n", "m.model:3:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\nb\t1\tx\t0\t0\n", "m.model:3:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\nb\t1\t0\t0\t0\nb\t1\t0\t0\t0\n",
         "m.model:4:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\nmargin -1\n", "m.model:3:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\nadd PER MISC\n", "m.model:3:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\n\t1\t0\t0\t0\n", "m.model:3:"},
        {"recoupe-tagger 1\nlabels O PER LOC ORG\nweights\n", "m.model:3:"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[256] = "";
        ent_tagger *m = (ent_tagger *)&err; /* must be set to NULL */
        int st = ent_tagger_parse("m.model", bad[i].text, strlen(bad[i].text), err, sizeof err,
                                  &m);
        if (st != RC_EDATA || m || strncmp(err, bad[i].where, strlen(bad[i].where)) != 0)
            fail_msg("case %zu: status %d, message '%s'", i, st, err);
    }
    /* a missing file is named */
    char err[256];
    ent_tagger *m;
    assert_int_equal(ent_tagger_load("/nonexistent/ent_tagger.model", err, sizeof err, &m),
                     RC_EIO);
    assert_null(m);
    assert_non_null(strstr(err, "/nonexistent/ent_tagger.model"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_adds_names),
        cmocka_unit_test(test_model_ok),
        cmocka_unit_test(test_model_errors),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
