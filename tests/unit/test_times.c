/*
 * test_times.c - the French temporal recognizer on each form it covers, with fixed reference
 * dates, the inference of a document's date from small texts, and the seed expectations when
 * ../shared is present. Number words pass through the number recognizer when it is there, and
 * through the recognizer's own small-number vocabulary otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rc_test.h"

#include "core/doc.h"
#include "lang/fr/times.h"
#include "util/date.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests (rc_test.h), kept in ctx for the tests to use. */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

/* Finds the expression with that exact text in s at reference ref and checks its value, from
 * and to (NULL: do not check; "" for from/to: null). */
static void expect(const char *s, const char *ref, const char *text, int type, const char *value,
                   const char *from, const char *to)
{
    rc_date r;
    if (ref)
        assert_int_equal(rc_date_parse(ref, &r), RC_OK);
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    assert_int_equal(rc_fr_times_ctx(ctx, ctx->fr, s, strlen(s), ref ? &r : NULL, &a, &t, &n),
                     RC_OK);
    const rc_time *hit = NULL;
    for (size_t i = 0; i < n; i++)
        if (t[i].end - t[i].start == strlen(text) && memcmp(s + t[i].start, text, strlen(text)) == 0)
            hit = &t[i];
    if (!hit) {
        fprintf(stderr, "in \"%s\": no \"%s\"; found:", s, text);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " [%.*s]", (int)(t[i].end - t[i].start), s + t[i].start);
        fprintf(stderr, "\n");
        fail();
    }
    if (type >= 0)
        assert_int_equal(hit->type, type);
    if (value)
        assert_string_equal(hit->value ? hit->value : "(null)", value);
    if (from)
        assert_string_equal(hit->from, from);
    if (to)
        assert_string_equal(hit->to, to);
    rc_arena_free(&a);
}

/* Checks that nothing is found in s. */
static void expect_none(const char *s)
{
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    rc_date r = {2016, 12, 13, 0, 0, 0, false};
    assert_int_equal(rc_fr_times(ctx->fr, s, strlen(s), &r, &a, &t, &n), RC_OK);
    if (n)
        fprintf(stderr, "in \"%s\": unexpected \"%.*s\"\n", s, (int)(t[0].end - t[0].start),
                s + t[0].start);
    assert_int_equal(n, 0);
    rc_arena_free(&a);
}

/* Clock times spaced as wire copy writes them, ages that are not durations, and days counted
 * from the day the narrative last named. */
static void test_narrative(void **state)
{
    (void)state;
    const char *R = "1999-05-21";
    expect("L'attaque a eu lieu à 21 h 45 et une autre à 14 h 15.", R, "21 h 45", RC_TIME_TIME,
           "T21:45", NULL, NULL);
    expect("L'attaque a eu lieu à 21 h 45 et une autre à 14 h 15.", R, "14 h 15", RC_TIME_TIME,
           "T14:15", NULL, NULL);
    expect("le couvre-feu commence à 00 h 10", R, "00 h 10", RC_TIME_TIME, "T00:10", NULL, NULL);
    expect("entre 17 et 18 heures", R, "entre 17 et 18 heures", RC_TIME_RANGE, "T17:00/T18:00",
           NULL, NULL);
    expect_none("un homme âgé de 87 ans a été tué");
    expect_none("une fillette de 6 ans et un homme de 38 ans");
    expect_none("Ali, 34 ans, a été blessé.");
    expect("la guerre dure depuis 10 ans", R, "depuis 10 ans", RC_TIME_DURATION, "P10Y", NULL,
           NULL);
    expect("Le 3 mars, des combats. Le lendemain, la ville est tombée.", R, "Le lendemain",
           RC_TIME_DATE, "1999-03-04", NULL, NULL);
    expect("Lundi, l'armée est entrée. Le même jour, 12 civils ont été tués.", R, "Le même jour",
           RC_TIME_DATE, "1999-05-17", NULL, NULL);
    expect("Il est arrivé la veille.", R, "la veille", RC_TIME_DATE, "1999-05-20", NULL, NULL);
    expect_none("même si la situation évolue");
    /* a deadline announced in the past tense points to the nearest such day */
    expect("Il a donné jusqu'au 30 juin pour se retirer.", R, "30 juin", RC_TIME_DATE,
           "1999-06-30", NULL, NULL);
    expect("Les combats ont duré jusqu'au 15 mai.", R, "15 mai", RC_TIME_DATE, "1999-05-15", NULL,
           NULL);
    /* centuries, decades and years written short */
    expect("au début du XXe siècle", R, "début du XXe siècle", RC_TIME_DATE, "19", "1900-01-01",
           NULL);
    expect("la fin des années 80", R, "la fin des années 80", RC_TIME_DATE, "198", "1986-09-02",
           "1989-12-31");
    expect("au milieu des années 1990", R, "milieu des années 1990", RC_TIME_DATE, "199",
           "1993-05-02", "1996-08-31");
    expect("élu en 97, il a gouverné", R, "97", RC_TIME_DATE, "1997", NULL, NULL);
    expect("en 12 heures de combats", R, "12 heures", RC_TIME_DURATION, "PT12H", NULL, NULL);
}

/* The tense of the clause, read by the morphology, points a date without a year or a weekday
 * alone (written on Friday 21 May 1999): past back, future forward, present to the nearest. */
static void test_tense(void **state)
{
    (void)state;
    const char *R = "1999-05-21";
    expect("Le convoi arrive lundi à la frontière.", R, "lundi", RC_TIME_DATE, "1999-05-24",
           NULL, NULL);
    expect("Le convoi est reparti lundi vers le sud.", R, "lundi", RC_TIME_DATE, "1999-05-17",
           NULL, NULL);
    expect("Les délégués réunis mercredi ont signé.", R, "mercredi", RC_TIME_DATE, "1999-05-19",
           NULL, NULL);
    expect("La mission aura achevé son travail mardi.", R, "mardi", RC_TIME_DATE, "1999-05-25",
           NULL, NULL);
    expect("Les troupes quittèrent la vallée le 2 juin.", R, "2 juin", RC_TIME_DATE,
           "1998-06-02", NULL, NULL);
    expect("Le préfet a donné jusqu'au 30 juin aux occupants.", R, "30 juin", RC_TIME_DATE,
           "1999-06-30", NULL, NULL);
    expect("Elle rentre dimanche prochain.", R, "dimanche prochain", RC_TIME_DATE, "1999-05-23",
           NULL, NULL);
    expect("L'attaque de dimanche a fait trois morts.", R, "dimanche", RC_TIME_DATE, "1999-05-16",
           NULL, NULL);
}

/* Holidays that move and periods named by a noun. Easter by the computus; the Islamic feasts
 * from the tabular calendar of data/fr/time_hijri.tsv, a day from the announced one at most. */
static void test_named(void **state)
{
    (void)state;
    const char *R = "2016-05-21";
    expect("à Pâques 2000", R, "Pâques 2000", RC_TIME_DATE, "2000-04-23", NULL, NULL);
    expect("à Pâques 2019", R, "Pâques 2019", RC_TIME_DATE, "2019-04-21", NULL, NULL);
    expect("l'Ascension 2024", R, "Ascension 2024", RC_TIME_DATE, "2024-05-09", NULL, NULL);
    expect("la Pentecôte 2024", R, "Pentecôte 2024", RC_TIME_DATE, "2024-05-19", NULL, NULL);
    expect_none("l'ascension du col a duré");
    /* announced in 2016: Aïd el-Fitr 6 July, Aïd el-Kebir 12 September, ramadan from 6 June */
    expect("pour l'Aïd el-Kebir 2016", R, "Aïd el-Kebir 2016", RC_TIME_DATE, "2016-09-13",
           NULL, NULL);
    expect("après l'Aïd el-Fitr, ils reviendront", R, "Aïd el-Fitr", RC_TIME_DATE, "2016-07-07",
           NULL, NULL);
    expect("pendant le ramadan 2016", R, "ramadan 2016", RC_TIME_RANGE, "2016-06-07/2016-07-06",
           "2016-06-07", "2016-07-06");
    expect("le premier trimestre 2016", R, "premier trimestre 2016", RC_TIME_DATE, "2016-Q1",
           "2016-01-01", "2016-03-31");
    expect("au second semestre", R, "second semestre", RC_TIME_DATE, "2016-H2", "2016-07-01",
           "2016-12-31");
    expect("le trimestre dernier", R, "le trimestre dernier", RC_TIME_DATE, "2016-Q1", NULL,
           NULL);
    expect("un quart de siècle plus tard", R, "un quart de siècle", RC_TIME_DURATION, "P25Y",
           "", "");
    expect("un demi-siècle de guerre", R, "un demi-siècle", RC_TIME_DURATION, "P50Y", "", "");
    expect("trois trimestres", R, "trois trimestres", RC_TIME_DURATION, "P9M", "", "");
    expect("au 3e trimestre 2015", R, "3e trimestre 2015", RC_TIME_DATE, "2015-Q3", NULL, NULL);
    expect("le 1er semestre", R, "1er semestre", RC_TIME_DATE, "2016-H1", NULL, NULL);
}

static void test_absolute(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    expect("le 15 décembre 2016, à Alep", R, "15 décembre 2016", RC_TIME_DATE, "2016-12-15",
           "2016-12-15", "2016-12-15");
    expect("publié le 15/12/2016", R, "15/12/2016", RC_TIME_DATE, "2016-12-15", NULL, NULL);
    expect("publié le 15.12.16 à Paris", R, "15.12.16", RC_TIME_DATE, "2016-12-15", NULL, NULL);
    expect("le 1er janvier", R, "1er janvier", RC_TIME_DATE, "2017-01-01", NULL, NULL);
    expect("jeudi 15 décembre", R, "jeudi 15 décembre", RC_TIME_DATE, "2016-12-15", NULL, NULL);
    expect("le 2016-12-15", R, "2016-12-15", RC_TIME_DATE, "2016-12-15", NULL, NULL);
    expect("sources : Le Jour, 08/12/16", R, "08/12/16", RC_TIME_DATE, "2016-12-08", NULL, NULL);
    expect("le 15 décembre", NULL, "15 décembre", RC_TIME_DATE, "XXXX-12-15", "", "");
}

static void test_partial_cues(void **state)
{
    (void)state;
    expect("depuis le lancement, le 15 novembre dernier, le pouvoir", "2016-12-13",
           "le 15 novembre dernier", RC_TIME_DATE, "2016-11-15", "2016-11-15", "2016-11-15");
    expect("Un sommet le 27 décembre prochain", "2016-12-15", "le 27 décembre prochain",
           RC_TIME_DATE, "2016-12-27", NULL, NULL);
    expect("en décembre dernier", "2016-12-13", "décembre dernier", RC_TIME_DATE, "2015-12", NULL,
           NULL);
    expect("Il a été tué le 20 décembre.", "2017-01-05", "20 décembre", RC_TIME_DATE, "2016-12-20",
           NULL, NULL);
    expect("Le sommet aura lieu le 5 janvier.", "2016-12-13", "5 janvier", RC_TIME_DATE,
           "2017-01-05", NULL, NULL);
}

static void test_weekdays(void **state)
{
    (void)state;
    /* 2016-12-13 is a Tuesday */
    expect("ce sont depuis lundi Bab al-Qasr", "2016-12-13", "depuis lundi", RC_TIME_RANGE,
           "2016-12-12", "2016-12-12", "2016-12-13");
    expect("a annoncé samedi une source", "2016-12-13", "samedi", RC_TIME_DATE, "2016-12-10", NULL,
           NULL);
    expect("Ils ont combattu vendredi.", "2016-12-13", "vendredi", RC_TIME_DATE, "2016-12-09", NULL,
           NULL);
    expect("La réunion se tiendra vendredi.", "2016-12-13", "vendredi", RC_TIME_DATE, "2016-12-16",
           NULL, NULL);
    expect("L'évacuation a commencé ce jeudi.", "2016-12-15", "ce jeudi", RC_TIME_DATE, "2016-12-15",
           NULL, NULL);
    expect("Il viendra ce jeudi.", "2016-12-13", "ce jeudi", RC_TIME_DATE, "2016-12-15", NULL, NULL);
    /* devrait, devraient mark an expected event, not an imperfect: the -ait ending does not win */
    expect("Un convoi devrait entrer dans la ville jeudi.", "2018-06-15", "jeudi", RC_TIME_DATE,
           "2018-06-21", NULL, NULL);
    expect("Les camions devraient repartir vendredi.", "2016-12-13", "vendredi", RC_TIME_DATE,
           "2016-12-16", NULL, NULL);
    expect("Les rebelles tenaient encore le quartier vendredi.", "2016-12-13", "vendredi",
           RC_TIME_DATE, "2016-12-09", NULL, NULL);
    /* a participle of expectation points forward; after a past auxiliary, back
     * (2021-03-10 is a Wednesday) */
    expect("Un convoi de 14 camions est attendu jeudi, a-t-on appris.", "2021-03-10", "jeudi",
           RC_TIME_DATE, "2021-03-11", NULL, NULL);
    expect("Des renforts sont attendus jeudi.", "2021-03-10", "jeudi", RC_TIME_DATE, "2021-03-11",
           NULL, NULL);
    expect("La livraison, attendue vendredi, reste incertaine.", "2021-03-10", "vendredi",
           RC_TIME_DATE, "2021-03-12", NULL, NULL);
    expect("Le convoi \xc3\xa9tait attendu jeudi.", "2021-03-10", "jeudi", RC_TIME_DATE,
           "2021-03-04", NULL, NULL);
    expect("Les familles ont attendu lundi sous la pluie.", "2021-03-10", "lundi", RC_TIME_DATE,
           "2021-03-08", NULL, NULL);
    expect("lundi dernier", "2016-12-13", "lundi dernier", RC_TIME_DATE, "2016-12-12", NULL, NULL);
    expect("mardi prochain", "2016-12-13", "mardi prochain", RC_TIME_DATE, "2016-12-20", NULL, NULL);
    expect("a annoncé mardi matin", "2016-12-13", "mardi matin", RC_TIME_DATETIME, "2016-12-13TMO",
           NULL, NULL);
    expect("vendredi", NULL, "vendredi", RC_TIME_DATE, "XXXX-WXX-5", "", "");
}

static void test_deictics(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    expect("hier, les rebelles", R, "hier", RC_TIME_DATE, "2016-12-12", "2016-12-12", "2016-12-12");
    expect("avant-hier", R, "avant-hier", RC_TIME_DATE, "2016-12-11", NULL, NULL);
    expect("aujourd'hui", R, "aujourd'hui", RC_TIME_DATE, "2016-12-13", NULL, NULL);
    /* the typographic apostrophe of most news copy */
    expect("Il pleut aujourd\xe2\x80\x99hui.", R, "aujourd\xe2\x80\x99hui", RC_TIME_DATE, "2016-12-13",
           NULL, NULL);
    expect("AUJOURD'HUI", R, "AUJOURD'HUI", RC_TIME_DATE, "2016-12-13", NULL, NULL);
    expect("demain", R, "demain", RC_TIME_DATE, "2016-12-14", NULL, NULL);
    expect("ce matin", R, "ce matin", RC_TIME_DATETIME, "2016-12-13TMO", NULL, NULL);
    expect("« Hier soir, nous avons", R, "Hier soir", RC_TIME_DATETIME, "2016-12-12TEV",
           "2016-12-12", "2016-12-12");
    expect("initiée la veille.", "2016-12-15", "la veille", RC_TIME_DATE, "2016-12-14", NULL, NULL);
    expect("le lendemain", R, "le lendemain", RC_TIME_DATE, "2016-12-14", NULL, NULL);
    expect("l'avant-veille", R, "l'avant-veille", RC_TIME_DATE, "2016-12-11", NULL, NULL);
    expect("maintenant", R, "maintenant", RC_TIME_DATE, "PRESENT_REF", NULL, NULL);
}

static void test_relative(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    expect("il y a 3 jours", R, "il y a 3 jours", RC_TIME_DATE, "2016-12-10", NULL, NULL);
    expect("dans 2 semaines", R, "dans 2 semaines", RC_TIME_DATE, "2016-12-27", NULL, NULL);
    expect("la semaine dernière", R, "la semaine dernière", RC_TIME_DATE, "2016-W49", "2016-12-05",
           "2016-12-11");
    expect("le mois dernier", R, "le mois dernier", RC_TIME_DATE, "2016-11", "2016-11-01",
           "2016-11-30");
    expect("l'an dernier", R, "l'an dernier", RC_TIME_DATE, "2015", "2015-01-01", "2015-12-31");
    expect("ces derniers jours", R, "ces derniers jours", RC_TIME_DURATION, "PXD", "", "2016-12-13");
    expect("au cours des 24 dernières heures", R, "24 dernières heures", RC_TIME_DURATION, "PT24H",
           "2016-12-12", "2016-12-13");
    expect("dans les prochaines heures", R, "prochaines heures", RC_TIME_DURATION, "PTXH", NULL,
           NULL);
}

static void test_words_numbers(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    /* the recognizer's own small numbers; the number recognizer takes over when present */
    expect("il y a trois jours", R, "il y a trois jours", RC_TIME_DATE, "2016-12-10", NULL, NULL);
    expect("Avec vingt-quatre heures de retard", R, "vingt-quatre heures", RC_TIME_DURATION, "PT24H",
           NULL, NULL);
    expect("depuis cinq ans", R, "depuis cinq ans", RC_TIME_DURATION, "P5Y", "2011-12-13",
           "2016-12-13");
    expect("un mois d'offensive", R, "un mois", RC_TIME_DURATION, "P1M", NULL, NULL);
}

static void test_parts_nights(void **state)
{
    (void)state;
    expect("dans la nuit de lundi à mardi, pour la fêter", "2016-12-13",
           "dans la nuit de lundi à mardi", RC_TIME_DATETIME, "2016-12-12TNI", "2016-12-12",
           "2016-12-13");
    expect("dans la nuit du 12 au 13 décembre", "2016-12-15", "dans la nuit du 12 au 13 décembre",
           RC_TIME_DATETIME, "2016-12-12TNI", "2016-12-12", "2016-12-13");
    expect("un accord était conclu mardi en fin d'après-midi", "2016-12-14",
           "mardi en fin d'après-midi", RC_TIME_DATETIME, "2016-12-13TAF", NULL, NULL);
}

static void test_clock(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    expect("A 9h30 du matin", R, "9h30 du matin", RC_TIME_TIME, "T09:30", NULL, NULL);
    expect("vers 20 heures", R, "20 heures", RC_TIME_TIME, "T20:00", NULL, NULL);
    expect("vers 20heures (heure locale)", R, "20heures", RC_TIME_TIME, "T20:00", NULL, NULL);
    expect("à midi", R, "midi", RC_TIME_TIME, "T12:00", NULL, NULL);
    expect("à 19:56:30", R, "19:56:30", RC_TIME_TIME, "T19:56:30", NULL, NULL);
    expect("demain à 8h", R, "demain à 8h", RC_TIME_DATETIME, "2016-12-14T08:00", NULL, NULL);
    expect("de 14h à 16h", R, "de 14h à 16h", RC_TIME_RANGE, "T14:00/T16:00", NULL, NULL);
}

static void test_periods(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    expect("la route Castello, fin juillet 2016, l'étau", R, "fin juillet 2016", RC_TIME_DATE,
           "2016-07", "2016-07-21", "2016-07-31");
    expect("à la mi-septembre", R, "la mi-septembre", RC_TIME_DATE, "2016-09", NULL, NULL);
    expect("début décembre", R, "début décembre", RC_TIME_DATE, "2016-12", "2016-12-01",
           "2016-12-10");
    expect("depuis l'été 2012", R, "depuis l'été 2012", RC_TIME_RANGE, "2012-SU", "2012-06-21",
           "2016-12-13");
    expect("l'été 2012", R, "été 2012", RC_TIME_DATE, "2012-SU", NULL, NULL);
    expect("en 2012, la ville", R, "2012", RC_TIME_DATE, "2012", "2012-01-01", "2012-12-31");
    expect("les années 1990", R, "les années 1990", RC_TIME_DATE, "199", "1990-01-01", "1999-12-31");
}

static void test_ranges(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    expect("du 12 au 15 décembre", R, "du 12 au 15 décembre", RC_TIME_RANGE,
           "2016-12-12/2016-12-15", "2016-12-12", "2016-12-15");
    expect("depuis le 15 novembre, 80.000 personnes", R, "depuis le 15 novembre", RC_TIME_RANGE,
           "2016-11-15", "2016-11-15", "2016-12-13");
    expect("de 2010 à 2018", R, "de 2010 à 2018", RC_TIME_RANGE, NULL, "2010-01-01", "2018-12-31");
    expect("Depuis 2012, elle", R, "Depuis 2012", RC_TIME_RANGE, "2012", "2012-01-01", "2016-12-13");
}

static void test_durations_sets(void **state)
{
    (void)state;
    const char *R = "2016-12-13";
    expect("pendant 24 heures", R, "24 heures", RC_TIME_DURATION, "PT24H", NULL, NULL);
    expect("qui date de 10 siècles", R, "10 siècles", RC_TIME_DURATION, "P10CE", NULL, NULL);
    expect("quelques jours", R, "quelques jours", RC_TIME_DURATION, "PXD", NULL, NULL);
    expect("chaque jour", R, "chaque jour", RC_TIME_SET, "P1D", NULL, NULL);
    expect("tous les lundis", R, "tous les lundis", RC_TIME_SET, "XXXX-WXX-1", NULL, NULL);
    expect("toutes les trois semaines", R, "toutes les trois semaines", RC_TIME_SET, "P3W", NULL,
           NULL);
}

static void test_negatives(void **state)
{
    (void)state;
    expect_none("7 796 civils dont 3 946 enfants");
    expect_none("Il a été tué.");
    expect_none("2000 personnes ont fui.");
    expect_none("mettre fin à l'effusion de sang");
    expect_none("le front al-Nosra");
}

/* Parses text as a plain-text document and returns its inferred date ("" when none). */
static void docdate(const char *text, const char *want)
{
    rc_source src;
    memset(&src, 0, sizeof src);
    src.data = text;
    src.len = strlen(text);
    src.format = RC_FORMAT_TEXT;
    src.path = "test";
    rc_doc *doc;
    assert_int_equal(rc_doc_parse(ctx, &src, NULL, &doc), RC_OK);
    char out[11];
    int r = rc_fr_docdate(ctx->fr, doc, out);
    if (want[0]) {
        assert_int_equal(r, 1);
        assert_string_equal(out, want);
        assert_non_null(doc->date);
        assert_string_equal(doc->date, want);
    } else {
        assert_int_equal(r, 0);
        assert_string_equal(out, "");
        assert_null(doc->date);
    }
    /* the document's times come from the pass that inferred its date: the same as a reading of
     * its text against that date, or against none */
    if (!rc_doc_stage_ran(doc, "times")) { /* a text too short to be told French: no times were read */
        rc_doc_free(doc);
        return;
    }
    rc_date d;
    if (want[0])
        assert_int_equal(rc_date_parse(want, &d), RC_OK);
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    assert_int_equal(rc_fr_times(ctx->fr, doc->text, doc->len, want[0] ? &d : NULL, &a, &t, &n),
                     RC_OK);
    assert_int_equal(doc->ntimes, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(doc->times[i].start, t[i].start);
        assert_int_equal(doc->times[i].end, t[i].end);
        assert_int_equal(doc->times[i].type, t[i].type);
        assert_string_equal(doc->times[i].value ? doc->times[i].value : "-",
                            t[i].value ? t[i].value : "-");
        assert_string_equal(doc->times[i].from, t[i].from);
        assert_string_equal(doc->times[i].to, t[i].to);
    }
    rc_arena_free(&a);
    rc_doc_free(doc);
}

/* Parses text as a plain-text document: rc_fr_docdate finds nothing, and the document's date is
 * want from its list of sources ("" when none). */
static void docdate_sources(const char *text, const char *want)
{
    rc_source src;
    memset(&src, 0, sizeof src);
    src.data = text;
    src.len = strlen(text);
    src.format = RC_FORMAT_TEXT;
    src.path = "test";
    rc_doc *doc;
    assert_int_equal(rc_doc_parse(ctx, &src, NULL, &doc), RC_OK);
    char out[11];
    assert_int_equal(rc_fr_docdate(ctx->fr, doc, out), 0);
    if (want[0]) {
        assert_non_null(doc->date);
        assert_string_equal(doc->date, want);
        assert_string_equal(doc->date_source, "sources");
    } else {
        assert_null(doc->date);
    }
    rc_doc_free(doc);
}

static void test_docdate(void **state)
{
    (void)state;
    docdate("ALEP, 13 décembre 2016 (AFP) - Les forces du régime ont repris la ville.\n",
            "2016-12-13");
    docdate("Depuis janvier 2016, la ville est assiégée.\nALEP, 13 décembre (AFP) - Les forces du régime "
            "ont repris la ville.\n",
            "2016-12-13");
    docdate("Depuis 2012, elle résiste. Ce jeudi 15 décembre marque la fin du siège.\n",
            "2016-12-15");
    /* relative days of the text resolved against the inferred date (checked in docdate) */
    docdate("ALEP, 13 décembre 2016 (AFP) - Les forces du régime ont repris la ville hier et les "
            "habitants qui restent dans les quartiers de l'est attendent le convoi qui est attendu "
            "jeudi, selon les organisations humanitaires.\n",
            "2016-12-13");
    /* contradictory: two present-marked days */
    docdate("En 2016. Ce jeudi 15 décembre marque la fin. Ce lundi 12 décembre aussi.\n", "");
    /* the text shows a later day as past */
    docdate("ALEP, 13 décembre 2016 (AFP) - Selon le rapport du 20/12/2016, rien.\n", "");
    /* no year to pair with */
    docdate("Ce jeudi 15 décembre marque la fin.\n", "");
    /* only bounds */
    /* a list of sources: no strong evidence, but the weakest gives its latest day */
    docdate_sources("Sources : Le Jour, 08/12/16\nTVA, 07/12/16\n", "2016-12-08");
    docdate_sources("Le 2 décembre 2016, la ville tombe.\nSources : Le Jour, 08/12/16\n", "");
    docdate_sources("Le Jour, 08/12/16\nTVA, 07/12/16\n", "");
}

/* Reads a seed file of ../shared into a document, or skips. */
static rc_doc *seed(const char *prefix, const char *date)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/seeds", RC_SHARED);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "ls %s/%s_*.txt 2>/dev/null", path, prefix);
    FILE *p = popen(cmd, "r");
    char file[1024] = "";
    if (p) {
        if (!fgets(file, sizeof file, p))
            file[0] = '\0';
        pclose(p);
    }
    file[strcspn(file, "\n")] = '\0';
    FILE *f = file[0] ? fopen(file, "rb") : NULL;
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    rc_source src;
    memset(&src, 0, sizeof src);
    src.data = buf;
    src.len = n;
    src.format = RC_FORMAT_TEXT;
    src.path = file;
    rc_doc_opts o = {date};
    rc_doc *doc;
    assert_int_equal(rc_doc_parse(ctx, &src, &o, &doc), RC_OK);
    return doc;
}

/* Whether doc has an expression with that text resolved to value. */
static bool has_time(const rc_doc *doc, const char *text, const char *value)
{
    for (size_t i = 0; i < doc->ntimes; i++) {
        const rc_time *t = &doc->times[i];
        if (t->end - t->start == strlen(text) && memcmp(doc->text + t->start, text, strlen(text)) == 0 &&
            t->value && strcmp(t->value, value) == 0)
            return true;
    }
    return false;
}

static void test_seeds(void **state)
{
    (void)state;
    rc_doc *d0 = seed("000", "2016-12-13");
    if (!d0)
        skip();
    assert_true(has_time(d0, "le 15 novembre dernier", "2016-11-15"));
    assert_true(has_time(d0, "depuis lundi", "2016-12-12"));
    rc_doc_free(d0);
    rc_doc *d2 = seed("002", "2016-12-15");
    assert_non_null(d2);
    assert_true(has_time(d2, "la veille", "2016-12-14"));
    assert_true(has_time(d2, "le 27 décembre prochain", "2016-12-27"));
    rc_doc_free(d2);
    /* without a date: 002 finds its own, 003 the latest of its sources, the others none (a
     * wrong date is worse than none) */
    static const char *const want[] = {"", "", "2016-12-15", "2016-12-08", ""};
    for (int i = 0; i < 5; i++) {
        char prefix[8];
        snprintf(prefix, sizeof prefix, "%03d", i);
        rc_doc *d = seed(prefix, NULL);
        assert_non_null(d);
        if (want[i][0]) {
            assert_non_null(d->date);
            assert_string_equal(d->date, want[i]);
            assert_string_equal(d->date_source, i == 3 ? "sources" : "text");
        } else {
            assert_null(d->date);
        }
        rc_doc_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_narrative),    cmocka_unit_test(test_tense),
        cmocka_unit_test(test_named),
        cmocka_unit_test(test_absolute),
        cmocka_unit_test(test_partial_cues),
        cmocka_unit_test(test_weekdays),     cmocka_unit_test(test_deictics),
        cmocka_unit_test(test_relative),     cmocka_unit_test(test_words_numbers),
        cmocka_unit_test(test_parts_nights), cmocka_unit_test(test_clock),
        cmocka_unit_test(test_periods),      cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_durations_sets), cmocka_unit_test(test_negatives),
        cmocka_unit_test(test_docdate),      cmocka_unit_test(test_seeds),
    };
    return cmocka_run_group_tests(tests, setup, rc_test_ctx_teardown);
}
