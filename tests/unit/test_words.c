/*
 * test_words.c - the per-thread table of words (core/words.h): equal words share a record, the
 * folded form is kept, a memo slot set for one token is read back for the same word elsewhere and
 * in the next document, non-words get no record, and a document's output is the same whether the
 * table is cold or warm.
 */
#include <stdlib.h>
#include <string.h>

#include "rc_test.h"

#include "core/words.h"
#include "util/buf.h"

/* Loads the language data once for all tests (rc_test.h). */
static int setup(void **state)
{
    return rc_test_ctx_setup(state);
}

static int teardown(void **state)
{
    return rc_test_ctx_teardown(state);
}

/* A parsed document of a NUL-terminated text. */
static rc_doc *doc_of(const rc_ctx *ctx, const char *s)
{
    return rc_test_doc(ctx, s, strlen(s), "2021-03-09");
}

/* The index of the first token that reads w, or SIZE_MAX. */
static size_t tok_of(const rc_doc *doc, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < doc->ntoks; i++)
        if (doc->toks[i].end - doc->toks[i].start == n &&
            memcmp(doc->text + doc->toks[i].start, w, n) == 0)
            return i;
    return SIZE_MAX;
}

/* Equal words share a record, their folded form is kept, punctuation has none. */
static void test_records(void **state)
{
    rc_doc *doc = doc_of(*state, "Les rebelles ont quitté Vardes. Selon Vardes, les Rebelles partent.");
    assert_null(doc->wids); /* the stages are over */
    assert_int_equal(rc_words_begin(doc), RC_OK);
    size_t a = tok_of(doc, "Vardes"), b = SIZE_MAX;
    for (size_t i = a + 1; i < doc->ntoks; i++)
        if (doc->toks[i].end - doc->toks[i].start == 6 &&
            memcmp(doc->text + doc->toks[i].start, "Vardes", 6) == 0)
            b = i;
    assert_true(a != SIZE_MAX && b != SIZE_MAX);
    assert_int_equal(doc->wids[a], doc->wids[b]);
    size_t low = tok_of(doc, "rebelles"), up = tok_of(doc, "Rebelles");
    assert_true(doc->wids[low] != doc->wids[up]); /* as written: case differs */
    size_t fl1, fl2;
    const char *f1 = rc_word_folded(doc, low, &fl1), *f2 = rc_word_folded(doc, up, &fl2);
    assert_non_null(f1);
    assert_non_null(f2);
    assert_int_equal(fl1, 8);
    assert_memory_equal(f1, "rebelles", 8);
    assert_memory_equal(f2, "rebelles", 8);
    size_t dot = tok_of(doc, ".");
    assert_true(dot != SIZE_MAX);
    assert_null(rc_word_at(doc, dot));
    rc_words_end(doc);
    assert_null(rc_word_at(doc, a));
    rc_doc_free(doc);
}

/* A memo slot set through one token is read through the same word; the answers the stages
 * kept (framing asks every word whether it starts a key) are there in the next document on this
 * thread; nothing is read once the document's use has ended. */
static void test_memo(void **state)
{
    rc_doc *doc = doc_of(*state, "Le convoi zorglubien est arrivé dans la ville hier soir, et les "
                                 "habitants disent qu'un autre convoi zorglubien suivra.");
    assert_true(doc->ran != 0); /* read as French: the stages ran */
    assert_int_equal(rc_words_begin(doc), RC_OK);
    size_t a = tok_of(doc, "zorglubien");
    uint64_t kept = 1, v = 0;
    assert_true(rc_word_get(doc, a, RC_WM_FRAME, &kept)); /* the framing stage asked */
    assert_int_equal(kept, 0);                            /* no framing key starts with it */
    rc_word_set(doc, a, RC_WM_FRAME, 4242);
    size_t b = SIZE_MAX;
    for (size_t i = a + 1; i < doc->ntoks; i++)
        if (doc->wids[i] == doc->wids[a])
            b = i;
    assert_true(b != SIZE_MAX);
    assert_true(rc_word_get(doc, b, RC_WM_FRAME, &v));
    assert_int_equal(v, 4242);
    rc_word_set(doc, a, RC_WM_FRAME, kept); /* the stages' answer back */
    rc_words_end(doc);
    assert_false(rc_word_get(doc, a, RC_WM_FRAME, &v));
    rc_doc_free(doc);

    doc = doc_of(*state, "Le ministre a dit que le convoi zorglubien reste dans la ville.");
    assert_int_equal(rc_words_begin(doc), RC_OK);
    v = 1;
    assert_true(rc_word_get(doc, tok_of(doc, "zorglubien"), RC_WM_FRAME, &v));
    assert_int_equal(v, 0);
    rc_words_end(doc);
    rc_doc_free(doc);
}

/* Collects the JSON of a document (rc_doc_write_json sink). */
static int collect(void *ud, const char *bytes, size_t len)
{
    rc_buf_append(ud, bytes, len);
    return 0;
}

/* The JSON of a text in a fresh context (cold table), then again after the table has seen it. */
static void test_cold_warm(void **state)
{
    (void)state;
    static const char text[] =
        "Selon l'agence APC, au moins 42 civils, dont 11 enfants, auraient été tués mardi à "
        "Vardes. « Nous avons évacué 300 familles », a déclaré le gouverneur Karim Haddou. "
        "L'ONU affirme que 1 200 personnes ont fui vers Sarne depuis le 3 mars.";
    rc_buf out[3] = {RC_BUF_INIT, RC_BUF_INIT, RC_BUF_INIT};
    rc_ctx *ctx;
    char err[256];
    assert_int_equal(rc_ctx_new(NULL, err, sizeof err, &ctx), RC_OK);
    for (int k = 0; k < 3; k++) {
        rc_doc *doc = rc_test_doc(ctx, text, sizeof text - 1, "2021-03-09");
        assert_true(doc->ran != 0 && doc->nclaims > 0 && doc->nents > 0);
        assert_int_equal(rc_doc_write_json(doc, RC_JSON_EXPLAIN, collect, &out[k]), RC_OK);
        rc_doc_free(doc);
    }
    assert_true(out[0].len > 100);
    assert_int_equal(out[0].len, out[1].len);
    assert_memory_equal(out[0].data, out[1].data, out[0].len);
    assert_int_equal(out[0].len, out[2].len);
    assert_memory_equal(out[0].data, out[2].data, out[0].len);
    for (int k = 0; k < 3; k++)
        rc_buf_free(&out[k]);
    rc_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records),
        cmocka_unit_test(test_memo),
        cmocka_unit_test(test_cold_warm),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
