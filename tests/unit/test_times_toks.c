/*
 * test_times_toks.c - the time stage of a document, which lexes from the document's tokens and
 * its word memo, finds exactly what the recognizer finds on the same text alone: elided words
 * (l', d’, jusqu'au, qu’il), il y a, Roman centuries, abbreviations with their dot, hyphenated
 * words, grouped digits, no-break spaces, capitals, and the same text read again once the memo
 * holds its words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rc_test.h"

#include "core/doc.h"
#include "lang/fr/times.h"
#include "util/date.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests (rc_test.h). */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

/* Frees the context of setup. */
static int teardown(void **state)
{
    return rc_test_ctx_teardown(state);
}

/* Texts of several styles; each mixes forms the token lexer settles itself and forms it hands to
 * the automaton. */
static const char *const texts[] = {
    "Le 12 mars, l'armée a repris la ville. Jusqu'au 15, d’après l’agence, les convois sont "
    "restés bloqués ; il y a trois jours encore, qu’il pleuve ou non, on tirait.",
    "DÉPÊCHE — Mer. 4 sept. 2019 : le cessez-le-feu, annoncé mi-septembre, devait durer "
    "vingt-quatre heures. Au XIXe siècle déjà, la région était disputée.",
    "Selon le porte-parole, 7 796 personnes ont fui depuis lundi dernier ; l'ONU prévoit "
    "d'autres départs d'ici la fin du mois.\nAujourd'hui, la situation reste confuse.",
    "Il ya deux semaines, les rebelles avaient promis une trêve pour le lendemain matin. "
    "Elle n'a jamais été respectée, l’été dernier non plus.",
    "Vendredi\xc2\xa0soir, vers 20\xc2\xa0h\xc2\xa0" "30, les tirs ont repris. La veille, entre "
    "le 3 et le 12 octobre, aucun bilan n’avait été publié. Le lendemain : rien.",
    "D'ici l'an prochain, le port rouvrira, jurait-on à la mairie, jusqu'à l'automne au moins. "
    "D’ici le 5 mai ? L’an dernier, d'un jour à l'autre, tout avait changé.",
    "Ils seront là dans deux jours, a-t-il dit ; L'été 2012 et l'hiver suivant furent durs. "
    "Les années 1990, c'était autre chose. XXIe siècle oblige, tout va vite.",
};

/* Checks that the document's times equal the recognizer's on its text against ref. */
static void same_times(const rc_doc *doc, const char *ref)
{
    rc_date r;
    assert_int_equal(rc_date_parse(ref, &r), RC_OK);
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    assert_int_equal(rc_fr_times_ctx(ctx, ctx->fr, doc->text, doc->len, &r, &a, &t, &n), RC_OK);
    assert_true(n > 0);
    assert_int_equal(doc->ntimes, n);
    for (size_t i = 0; i < n; i++) {
        const rc_time *d = &doc->times[i];
        assert_int_equal(d->start, t[i].start);
        assert_int_equal(d->end, t[i].end);
        assert_int_equal(d->type, t[i].type);
        assert_string_equal(d->value ? d->value : "", t[i].value ? t[i].value : "");
        assert_string_equal(d->from, t[i].from);
        assert_string_equal(d->to, t[i].to);
    }
    rc_arena_free(&a);
}

/* Every text, twice: the first reading fills the word memo, the second reads from it. */
static void test_same_as_text(void **state)
{
    (void)state;
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
            rc_doc *doc = rc_test_doc(ctx, texts[k], strlen(texts[k]), "2021-03-09");
            same_times(doc, "2021-03-09");
            rc_doc_free(doc);
        }
}

/* A document with no date given reads its times from the first pass, made before the word
 * table exists; the result must not depend on it. */
static void test_no_date(void **state)
{
    (void)state;
    const char *s = "MOSSOUL, 3 novembre 2016 (AFP) - Les combattants ont quitté le quartier "
                    "hier soir, d'après l'observatoire ; ils partiront d’ici jeudi.\n";
    rc_doc *doc = rc_test_doc(ctx, s, strlen(s), NULL);
    assert_non_null(doc->date);
    same_times(doc, doc->date);
    rc_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_text),
        cmocka_unit_test(test_no_date),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
