/*
 * test_docjson.c - documents rebuilt from their JSON (rc_doc_from_json): writing a rebuilt
 * document gives the bytes it was read from, on the examples and the seeds, and with RC_JSON_KEYS
 * the claims' sources and places keep their keys; a document read from its compact JSON
 * (RC_JSON_COMPACT) writes the full JSON of the original; a hand-written object
 * with every stage's fields gives the accessors those values; malformed objects are refused.
 */
#include "rc_test.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>

#include "full_doc.h"
#include "util/buf.h"

/* Appends the bytes rc_doc_write_json hands over to an rc_buf. */
static int to_buf(void *ud, const char *bytes, size_t len)
{
    rc_buf *b = ud;
    rc_buf_append(b, bytes, len);
    return b->err;
}

/* The JSON of a document with the given flags, NUL-terminated in b. */
static void doc_json(const rc_doc *doc, unsigned flags, rc_buf *b)
{
    rc_buf_reset(b);
    assert_int_equal(rc_doc_write_json(doc, flags, to_buf, b), RC_OK);
    rc_buf_append(b, "", 0);
}

/* With RC_JSON_KEYS the claims read back have the keys, types and spans of their sources and
 * the keys of their places, as the document had them (a store's check finds the same origins). */
static void same_claim_keys(const rc_doc *doc, const rc_doc *back)
{
    size_t n1, n2;
    const rc_claim *c1 = rc_doc_claims(doc, &n1), *c2 = rc_doc_claims(back, &n2);
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        assert_int_equal(c1[i].nsources, c2[i].nsources);
        for (size_t k = 0; k < c1[i].nsources; k++) {
            assert_string_equal(c1[i].sources[k].key ? c1[i].sources[k].key : "",
                                c2[i].sources[k].key ? c2[i].sources[k].key : "");
            assert_int_equal(c1[i].sources[k].type, c2[i].sources[k].type);
            assert_int_equal(c1[i].sources[k].start, c2[i].sources[k].start);
            assert_int_equal(c1[i].sources[k].end, c2[i].sources[k].end);
        }
        assert_int_equal(c1[i].nplaces, c2[i].nplaces);
        for (size_t k = 0; c1[i].place_keys && k < c1[i].nplaces; k++)
            assert_string_equal(c1[i].place_keys[k], c2[i].place_keys[k]);
    }
}

/* Write, read, write again: the two writes must be the same bytes, and the accessors agree. */
static void round_trip(const rc_ctx *ctx, const rc_doc *doc, const char *name)
{
    static const unsigned flags[] = {
        RC_JSON_TEXT, RC_JSON_TEXT | RC_JSON_EXPLAIN, RC_JSON_TEXT | RC_JSON_EXPLAIN | RC_JSON_KEYS,
        RC_JSON_TEXT | RC_JSON_EXPLAIN | RC_JSON_KEYS | RC_JSON_COMPACT};
    rc_buf a = RC_BUF_INIT, b = RC_BUF_INIT;
    for (size_t f = 0; f < sizeof flags / sizeof *flags; f++) {
        doc_json(doc, flags[f], &a);
        rc_doc *back = NULL;
        int status = rc_doc_from_json(ctx, a.data, a.len, &back);
        if (status)
            fprintf(stderr, "%s: %s\n", name, rc_strerror(status));
        assert_int_equal(status, RC_OK);
        doc_json(back, flags[f], &b);
        if (strcmp(a.data, b.data) != 0) {
            size_t i = 0;
            while (a.data[i] == b.data[i])
                i++;
            fprintf(stderr, "%s: differs at byte %zu:\n  wrote %.120s\n  again %.120s\n", name,
                    i, a.data + (i > 40 ? i - 40 : 0), b.data + (i > 40 ? i - 40 : 0));
        }
        assert_string_equal(a.data, b.data);
        size_t n1, n2;
        rc_doc_claims(doc, &n1);
        rc_doc_claims(back, &n2);
        assert_int_equal(n1, n2);
        if (flags[f] & RC_JSON_KEYS)
            same_claim_keys(doc, back);
        if (flags[f] & RC_JSON_COMPACT) { /* the texts left out are found again */
            unsigned whole = flags[f] & ~(unsigned)RC_JSON_COMPACT;
            doc_json(doc, whole, &a);
            doc_json(back, whole, &b);
            assert_string_equal(a.data, b.data);
            assert_true(strstr(a.data, "\"sentence\":\"") || !strstr(a.data, "\"claims\":[{"));
        }
        rc_doc_entities(doc, &n1);
        rc_doc_entities(back, &n2);
        assert_int_equal(n1, n2);
        const rc_token *t1 = rc_doc_tokens(doc, &n1), *t2 = rc_doc_tokens(back, &n2);
        assert_int_equal(n1, n2); /* the tokens are lexed again from the text */
        for (size_t i = 0; i < n1; i++) {
            assert_int_equal(t1[i].start, t2[i].start);
            assert_int_equal(t1[i].kind, t2[i].kind);
            assert_int_equal(t1[i].flags, t2[i].flags);
        }
        rc_doc_free(back);
    }
    rc_buf_free(&a);
    rc_buf_free(&b);
}

/* Round trips every file of a folder; returns how many it read. */
static size_t round_trip_dir(const rc_ctx *ctx, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 4 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        char *buf = malloc(1 << 20);
        size_t got = fread(buf, 1, 1 << 20, f);
        fclose(f);
        rc_source src = {.path = path, .data = buf, .len = got};
        rc_doc *doc;
        assert_int_equal(rc_doc_parse(ctx, &src, NULL, &doc), RC_OK);
        round_trip(ctx, doc, path);
        rc_doc_free(doc);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}

static void test_examples(void **state)
{
    assert_true(round_trip_dir(*state, RC_TEST_DATA "/../../examples") >= 4);
}

static void test_seeds(void **state)
{
    if (round_trip_dir(*state, RC_SHARED "/seeds") == 0)
        skip();
}

static void test_small(void **state)
{
    const rc_ctx *ctx = *state;
    static const char *const texts[] = {
        "",
        "Une ligne.",
        "Le 3 mars, 12 personnes ont été blessées à Vardes, selon la préfecture. Le dernier "
        "convoi partira demain.\n\nPublié le 04/03/2021 à 10h12\n",
        "« Nous avons compté 40 morts », a déclaré le maire.\tTabulation \\ et \"guillemets\".",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        rc_doc *doc = rc_test_doc(ctx, texts[i], strlen(texts[i]), i % 2 ? "2021-03-04" : NULL);
        round_trip(ctx, doc, texts[i]);
        rc_doc_free(doc);
    }
}

static void test_fields(void **state)
{
    rc_doc *doc;
    assert_int_equal(rc_doc_from_json(*state, full, strlen(full), &doc), RC_OK);
    rc_doc_meta m;
    rc_doc_get_meta(doc, &m);
    assert_string_equal(m.id, "00112233aabbccdd");
    assert_string_equal(m.title, "T");
    assert_null(m.site);
    assert_string_equal(m.date_source, "given");
    assert_true(rc_doc_stage_ran(doc, "numbers"));
    assert_false(rc_doc_stage_ran(doc, "times"));
    assert_true(rc_doc_stage_ran(doc, "quotes"));
    size_t n;
    const rc_entity *e = rc_doc_entities(doc, &n);
    assert_int_equal(n, 2);
    assert_string_equal(e[0].canon, "Paul Roux"); /* the span's text when none is written */
    assert_true(isnan(e[0].lat));
    assert_int_equal(e[1].type, RC_ENT_LOC);
    assert_true(fabs(e[1].lon - 37.15) < 1e-9);
    const rc_attribution *at = rc_doc_attributions(doc, &n);
    assert_int_equal(n, 1);
    assert_int_equal(at[0].scope_end, 63);
    assert_int_equal(at[0].quote, -1);
    assert_int_equal(at[0].nchain, 1);
    assert_int_equal(at[0].chain[0].type, RC_ENT_PER);
    const rc_claim *c = rc_doc_claims(doc, &n);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].what, RC_WHAT_KILLED);
    assert_int_equal(c[0].modality, RC_MOD_REPORTED);
    assert_true(isnan(c[0].high));
    assert_int_equal(c[0].nparts, 1);
    assert_int_equal(c[0].parts[0].who, RC_WHO_WOMEN);
    assert_string_equal(c[0].places[0], "Alep");
    assert_string_equal(c[0].time_from, "2016-12-12");
    assert_null(c[0].time_text);
    assert_string_equal(c[0].sources[0].role, "maire");
    assert_string_equal(c[0].sources[0].key, "paul roux"); /* folded: no link has that role */
    assert_string_equal(c[0].place_keys[0], "alep");       /* the entity's key */
    assert_int_equal(c[0].sentence, 0);
    assert_string_equal(c[0].explain, "");
    const rc_frame *f = rc_doc_framing(doc, &n);
    assert_int_equal(n, 1);
    assert_int_equal(f[0].count, 2);
    rc_doc_free(doc);
}

/* Replaces the first occurrence of from in full by to and reads the result. */
static int read_edited(const rc_ctx *ctx, const char *from, const char *to)
{
    const char *at = strstr(full, from);
    assert_non_null(at);
    rc_buf b = RC_BUF_INIT;
    rc_buf_append(&b, full, (size_t)(at - full));
    rc_buf_append(&b, to, strlen(to));
    rc_buf_append(&b, at + strlen(from), strlen(at + strlen(from)));
    rc_doc *doc = NULL;
    int status = rc_doc_from_json(ctx, b.data, b.len, &doc);
    rc_doc_free(doc);
    rc_buf_free(&b);
    return status;
}

static void test_malformed(void **state)
{
    const rc_ctx *ctx = *state;
    rc_doc *doc = (rc_doc *)1;
    assert_int_equal(rc_doc_from_json(ctx, "", 0, &doc), RC_EFORMAT);
    assert_null(doc);
    assert_int_equal(rc_doc_from_json(ctx, "[]", 2, &doc), RC_EFORMAT);
    assert_int_equal(rc_doc_from_json(ctx, full, strlen(full) - 1, &doc), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"start\":58,\"end\":62", "\"start\":58,\"end\":99"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"start\":17,\"end\":19", "\"start\":19,\"end\":17"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"what\":\"killed\"", "\"what\":\"slain\""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"type\":\"PER\"", "\"type\":\"PERSON\""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"chars\":62", "\"chars\":61"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"chars\":62", "\"chars\":\"55\""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"times\":null,", ""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"sentence_spans\":[[0,63]]", "\"sentence_spans\":[[0,64]]"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"quote\":null", "\"quote\":0"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"count\":2", "\"count\":-2"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"title\":\"T\"", "\"title\":\"T\",\"title\":\"U\""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"id\":\"00112233aabbccdd\"", "\"id\":\"00112233aabbccdd0\""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"approx\":false,\"unit\"", "\"approx\":0,\"unit\""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"sentence\":\"Selon", "\"sentence\":\"Chez"), RC_EFORMAT);
    /* a span that cuts a character: "à" is bytes 55-56 */
    assert_int_equal(read_edited(ctx, "\"start\":58,\"end\":62", "\"start\":56,\"end\":62"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"scope_end\":63", "\"scope_end\":56"), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"scope_end\":63", "\"scope_end\":55"), RC_OK);
    assert_int_equal(read_edited(ctx, "\"title\":\"T\"", "\"title\":\"T\""), RC_OK);
    /* inside the stages' arrays a missing member is null (a store's compact form leaves nulls
     * out), refused where null is; the document's own members must all be there */
    assert_int_equal(read_edited(ctx, ",\"low\":null,\"high\":null", ""), RC_OK);
    assert_int_equal(read_edited(ctx, ",\"quote\":null}", "}"), RC_OK);
    assert_int_equal(read_edited(ctx, "\"role\":null,", ""), RC_OK);
    assert_int_equal(read_edited(ctx, "\"start\":17,", ""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"approx\":false,\"kind\"", "\"kind\""), RC_EFORMAT);
    assert_int_equal(read_edited(ctx, "\"site\":null,", ""), RC_EFORMAT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples), cmocka_unit_test(test_seeds),
        cmocka_unit_test(test_small),    cmocka_unit_test(test_fields),
        cmocka_unit_test(test_malformed),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
