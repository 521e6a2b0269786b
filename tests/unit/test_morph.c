/*
 * test_morph.c - French morphology from hunspell-fr: moods, tenses, lemmas, parts of speech, the
 * cache (same answer twice, many distinct forms past its size), threads, and a context without
 * a dictionary. Skips (77) when no French hunspell dictionary is installed.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rc_test.h"

#include "lang/fr/morph.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests (rc_test.h). */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

/* Analyses a NUL-terminated word. */
static rc_morph morph(const char *w)
{
    rc_morph m;
    int known = rc_fr_morph(ctx, w, strlen(w), &m);
    assert_int_equal(known, m.flags != 0);
    return m;
}

/* Asserts the form carries all of the flags and has that lemma. */
static void want(const char *w, uint32_t flags, const char *lemma)
{
    rc_morph m = morph(w);
    if ((m.flags & flags) != flags || (lemma && (!m.lemma || strcmp(m.lemma, lemma) != 0)))
        fail_msg("%s: flags %#x (want %#x), lemma %s (want %s)", w, (unsigned)m.flags,
                 (unsigned)flags, m.lemma ? m.lemma : "NULL", lemma ? lemma : "-");
}

/* Conditional, future, participles of the forms news copy hinges on. */
static void test_moods(void **state)
{
    (void)state;
    want("auraient", RC_M_KNOWN | RC_M_VERB | RC_M_COND | RC_M_PLURAL, "avoir");
    want("serait", RC_M_VERB | RC_M_COND, "être");
    want("devrait", RC_M_VERB | RC_M_COND, "devoir");
    want("déclaré", RC_M_VERB | RC_M_PPAS, "déclarer");
    want("annoncé", RC_M_VERB | RC_M_PPAS, "annoncer");
    want("tués", RC_M_VERB | RC_M_PPAS | RC_M_PLURAL, "tuer");
    want("tuera", RC_M_VERB | RC_M_FUT, "tuer");
    want("fuirent", RC_M_VERB | RC_M_PSIM, "fuir");
    want("étaient", RC_M_VERB | RC_M_IMPF, "être");
    want("soient", RC_M_VERB | RC_M_SUBJ, "être");
    want("évacuer", RC_M_VERB | RC_M_INF, "évacuer");
    want("bombardant", RC_M_VERB | RC_M_PPRE, "bombarder");
    assert_false(morph("serait").flags & RC_M_IND);
    assert_false(morph("déclaré").flags & RC_M_COND);
}

/* Nouns, adjectives, function words, proper nouns, and the reading chosen as lemma. */
static void test_parts(void **state)
{
    (void)state;
    want("rebelles", RC_M_NOUN | RC_M_PLURAL, "rebelle");
    want("annonce", RC_M_NOUN | RC_M_VERB | RC_M_FEMININE, "annonce");
    assert_string_equal(morph("annonce").verb, "annoncer");
    want("rapidement", RC_M_ADV, "rapidement");
    want("dans", RC_M_FUNC, "dans");
    want("Alep", RC_M_PROPER, "Alep");
    want("Paris", RC_M_PROPER, "Paris"); /* capitalised: the city, not "pari" */
    want("paris", RC_M_NOUN, "pari");
    assert_false(morph("paris").flags & RC_M_PROPER);
    want("Marie", RC_M_PROPER, "Marie");
    want("dit", RC_M_VERB | RC_M_PPAS, "dit");
    assert_string_equal(morph("dit").verb, "dire");
    want("été", RC_M_VERB | RC_M_PPAS, "être"); /* the auxiliary before the season */
    assert_null(morph("rapidement").verb);
}

/* Forms the dictionary does not have, and what is not a word. */
static void test_unknown(void **state)
{
    (void)state;
    const char *no[] = {"zzqxwv", "Kzlxwtrop", "", "\xff\xfe", "a\xc3"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        rc_morph m;
        assert_int_equal(rc_fr_morph(ctx, no[i], strlen(no[i]), &m), 0);
        assert_int_equal(m.flags, 0);
        assert_null(m.lemma);
    }
    char longw[300];
    memset(longw, 'a', sizeof longw);
    rc_morph m;
    assert_int_equal(rc_fr_morph(ctx, longw, sizeof longw, &m), 0);
    /* a NUL inside the given length is not a word either */
    assert_int_equal(rc_fr_morph(ctx, "tué\0s", 6, &m), 0);
    /* the length is honoured: "tuésXYZ" cut to "tués" */
    assert_int_equal(rc_fr_morph(ctx, "tuésXYZ", strlen("tués"), &m), 1);
    assert_string_equal(m.lemma, "tuer");
}

/* Many distinct forms, past the cache's size: answers stay right and lemmas stay valid. */
static void test_cache(void **state)
{
    (void)state;
    rc_morph first = morph("auraient");
    const char *lemma = first.lemma;
    char w[32];
    for (int i = 0; i < 30000; i++) { /* fills and empties the cache at least once */
        int n = snprintf(w, sizeof w, "zq%dx", i);
        rc_morph m;
        assert_int_equal(rc_fr_morph(ctx, w, (size_t)n, &m), 0);
    }
    assert_string_equal(lemma, "avoir"); /* still readable after the cache was emptied */
    rc_morph again = morph("auraient");
    assert_ptr_equal(again.lemma, lemma); /* interned once per context */
    assert_int_equal(again.flags, first.flags);
}

/* Each thread gets its own handle; the answers agree. */
static void *thread_body(void *arg)
{
    const char **words = arg;
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; words[i]; i++) {
            rc_morph m;
            if (!rc_fr_morph(ctx, words[i], strlen(words[i]), &m) || !m.lemma)
                return (void *)1;
            if (strcmp(words[i], "tués") == 0 && strcmp(m.lemma, "tuer") != 0)
                return (void *)1;
        }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    const char *words[] = {"tués", "serait", "rebelles", "Alep", "déclaré", NULL};
    pthread_t th[3];
    for (int i = 0; i < 3; i++)
        assert_int_equal(pthread_create(&th[i], NULL, thread_body, words), 0);
    for (int i = 0; i < 3; i++) {
        void *r;
        assert_int_equal(pthread_join(th[i], &r), 0);
        assert_null(r);
    }
}

/* Threads that start and stop together create and destroy their hunspell handles at the same
 * time: libhunspell counts its shared character table in a plain integer, so without morph.c's
 * lock a round can free that table twice ("double free or corruption"). The race is narrow:
 * this test gives it a chance at every run, not a certainty; helgrind shows it each time. */
static pthread_barrier_t together;

static void *together_body(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&together);
    rc_morph m;
    int known = rc_fr_morph(ctx, "tués", strlen("tués"), &m);
    pthread_barrier_wait(&together); /* the handles are destroyed as the threads exit */
    return known && m.lemma && strcmp(m.lemma, "tuer") == 0 ? NULL : (void *)1;
}

static void test_threads_together(void **state)
{
    (void)state;
    enum { N = 4 };
    for (int round = 0; round < 3; round++) {
        pthread_t th[N];
        assert_int_equal(pthread_barrier_init(&together, NULL, N), 0);
        for (int i = 0; i < N; i++)
            assert_int_equal(pthread_create(&th[i], NULL, together_body, NULL), 0);
        for (int i = 0; i < N; i++) {
            void *r;
            assert_int_equal(pthread_join(th[i], &r), 0);
            assert_null(r);
        }
        pthread_barrier_destroy(&together);
    }
}

/* A context made while no dictionary can be found knows no word, and nothing fails. */
static void test_no_dictionary(void **state)
{
    (void)state;
    char *old = getenv("RECOUPE_HUNSPELL_DIR") ? strdup(getenv("RECOUPE_HUNSPELL_DIR")) : NULL;
    setenv("RECOUPE_HUNSPELL_DIR", "/nonexistent/hunspell", 1);
    rc_ctx *bare;
    char err[256];
    assert_int_equal(rc_ctx_new(NULL, err, sizeof err, &bare), RC_OK);
    rc_morph m;
    assert_int_equal(rc_fr_morph(bare, "serait", 6, &m), 0);
    assert_int_equal(m.flags, 0);
    assert_null(m.lemma);
    rc_ctx_free(bare);
    if (old)
        setenv("RECOUPE_HUNSPELL_DIR", old, 1);
    else
        unsetenv("RECOUPE_HUNSPELL_DIR");
    free(old);
}

/* Whether a French dictionary is where rc_fr_morph looks. */
static int have_dictionary(void)
{
    const char *dir = getenv("RECOUPE_HUNSPELL_DIR");
    if (!dir || !*dir)
        dir = "/usr/share/hunspell";
    const char *names[] = {"fr_FR", "fr"};
    for (int i = 0; i < 2; i++) {
        char aff[1024], dic[1024];
        snprintf(aff, sizeof aff, "%s/%s.aff", dir, names[i]);
        snprintf(dic, sizeof dic, "%s/%s.dic", dir, names[i]);
        if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0)
            return 1;
    }
    return 0;
}

int main(void)
{
    if (!have_dictionary()) {
        fprintf(stderr, "test_morph: no French hunspell dictionary, skipped\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_moods),         cmocka_unit_test(test_parts),
        cmocka_unit_test(test_unknown),       cmocka_unit_test(test_cache),
        cmocka_unit_test(test_threads),       cmocka_unit_test(test_threads_together),
        cmocka_unit_test(test_no_dictionary),
    };
    return cmocka_run_group_tests(tests, setup, rc_test_ctx_teardown);
}
