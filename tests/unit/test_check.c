/*
 * test_check.c - the cross-check on synthetic claims: grouping into facts (what-families,
 * who-classes and parts, time tolerance, places, orders of magnitude), estimates, origins and
 * status, relays found by MinHash, and the CSV writer's quoting. Claims are built here, without
 * documents, through rc_check_add_claims.
 */
#include "rc_test.h"

#include <math.h>
#include <stdlib.h>

#include "util/buf.h"

/* A reported count of killed civilians with no bounds, time, place or source. */
static rc_claim base(double value)
{
    rc_claim c;
    memset(&c, 0, sizeof c);
    c.value = value;
    c.low = c.high = NAN;
    c.unit = RC_UNIT_COUNT;
    c.what = RC_WHAT_KILLED;
    c.who = RC_WHO_CIVILIANS;
    c.modality = RC_MOD_REPORTED;
    c.explain = "";
    return c;
}

/* Sets the claim's time to one day or a range, as a time expression of the text gave it. */
static void on(rc_claim *c, const char *from, const char *to)
{
    c->time_text = "ce jour-là";
    snprintf(c->time_from, sizeof c->time_from, "%s", from);
    snprintf(c->time_to, sizeof c->time_to, "%s", to ? to : from);
}

static const char *const ALEP[] = {"Alep"};
static const char *const ALEP_K[] = {"alep"};
static const char *const HOMS[] = {"Homs, \"centre\""};
static const char *const HOMS_K[] = {"homs"};

/* Places the claim in one place. */
static void at(rc_claim *c, const char *const *names, const char *const *keys)
{
    c->places = names;
    c->place_keys = keys;
    c->nplaces = 1;
}

static rc_speaker speaker(const char *name, const char *key)
{
    rc_speaker s;
    memset(&s, 0, sizeof s);
    s.name = name;
    s.key = key;
    return s;
}

/* Adds claims as one document with that id and site. */
static void add(rc_check *chk, const char *id, const char *site, const rc_claim *c, size_t n,
                const char *text)
{
    rc_doc_meta m;
    memset(&m, 0, sizeof m);
    m.id = id;
    m.path = id;
    m.site = site;
    m.date = "2016-12-13";
    assert_int_equal(rc_check_add_claims(chk, &m, c, n, NULL, 0, text, text ? strlen(text) : 0),
                     RC_OK);
}

/* The fact that holds claim idx of document doc. */
static const rc_fact *fact_of(const rc_check *chk, uint32_t doc, uint32_t idx)
{
    size_t n;
    const rc_fact *f = rc_check_facts(chk, &n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < f[i].nclaims; k++)
            if (f[i].claims[k].doc == doc && f[i].claims[k].claim == idx)
                return &f[i];
    fail_msg("claim %u of document %u is in no fact", idx, doc);
    return NULL;
}

static rc_check *new_check(void)
{
    rc_check *chk;
    assert_int_equal(rc_check_new(NULL, &chk), RC_OK);
    return chk;
}

/* One toll from three origins, one of them quoted by two papers: one fact, three origins; a
 * lower bound larger than the exact figure makes the conflict; parts and fighters stand apart. */
static void test_grouping_and_origins(void **state)
{
    (void)state;
    rc_check *chk = new_check();
    rc_speaker un = speaker("Jeanne Morel", "jeanne morel");
    rc_speaker un2 = speaker("Mme Morel", "jeanne morel");
    rc_speaker act = speaker("militants locaux", NULL);
    rc_speaker cd = speaker("défense civile", NULL);
    rc_claim a[2];
    a[0] = base(82); /* au moins 82 civils */
    a[0].low = 82;
    on(&a[0], "2016-12-12", NULL);
    at(&a[0], ALEP, ALEP_K);
    a[0].sources = &un;
    a[0].nsources = 1;
    a[1] = base(120); /* combattants: another class */
    a[1].who = RC_WHO_FIGHTERS;
    on(&a[1], "2016-12-12", NULL);
    add(chk, "A", "journal-a.example", a, 2, NULL);
    rc_claim b[5];
    b[0] = a[0];
    b[0].sources = &un2;
    b[1] = base(79);
    b[1].sources = &act;
    b[1].nsources = 1;
    on(&b[1], "2016-12-13", NULL); /* a day later: within the tolerance */
    b[2] = base(100); /* plus de 100 corps, no place: joins the fact with places */
    b[2].low = 100;
    b[2].who = RC_WHO_BODIES;
    b[2].what = RC_WHAT_OTHER;
    b[2].sources = &cd;
    b[2].nsources = 1;
    on(&b[2], "2016-12-12", NULL);
    b[3] = base(13); /* dont 13 enfants: a part, not a rival */
    b[3].who = RC_WHO_CHILDREN;
    on(&b[3], "2016-12-12", NULL);
    b[4] = base(7000); /* two orders of magnitude away: another fact */
    on(&b[4], "2016-12-12", NULL);
    b[4].sources = &act;
    b[4].nsources = 1;
    add(chk, "B", "journal-b.example", b, 5, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);

    const rc_fact *f = fact_of(chk, 0, 0);
    assert_int_equal(f->nclaims, 4);
    assert_ptr_equal(fact_of(chk, 1, 0), f);
    assert_ptr_equal(fact_of(chk, 1, 1), f);
    assert_ptr_equal(fact_of(chk, 1, 2), f);
    assert_int_equal(f->norigins, 3);
    assert_string_equal(f->origins[0].name, "Jeanne Morel");
    assert_int_equal(f->origins[0].claims, 2);
    assert_int_equal(f->what, RC_WHAT_KILLED);
    assert_int_equal(f->who, RC_WHO_CIVILIANS);
    assert_true(f->low == 79);
    assert_true(f->high == 100);
    assert_true(f->best == 79); /* one origin each: the exact wording wins over the bounds */
    assert_int_equal(f->status, RC_FACT_CONFLICT);
    assert_string_equal(f->time_from, "2016-12-12");
    assert_string_equal(f->time_to, "2016-12-13");
    assert_int_equal(f->nplaces, 1);
    assert_string_equal(f->places[0], "Alep");
    assert_true(fact_of(chk, 0, 1) != f);
    assert_true(fact_of(chk, 1, 3) != f);
    assert_true(fact_of(chk, 1, 4) != f);
    size_t n;
    rc_check_facts(chk, &n);
    assert_int_equal(n, 4);
    assert_string_equal(rc_check_facts(chk, &n)[0].id, "f1");
    rc_check_free(chk);
}

/* Evacuated and fled are one family; own-voice claims come from their outlets. */
static void test_families_and_outlets(void **state)
{
    (void)state;
    rc_check *chk = new_check();
    rc_claim a = base(80000), b = base(80000);
    a.what = RC_WHAT_EVACUATED;
    a.who = RC_WHO_PEOPLE;
    a.modality = RC_MOD_ASSERTED;
    on(&a, "2016-11-15", "2016-12-13");
    b.what = RC_WHAT_FLED;
    b.who = RC_WHO_CIVILIANS;
    b.modality = RC_MOD_ASSERTED;
    on(&b, "2016-11-15", "2016-12-14");
    add(chk, "A", "a.example", &a, 1, NULL);
    add(chk, "B", NULL, &b, 1, NULL); /* no site: the path is the outlet */
    assert_int_equal(rc_check_run(chk), RC_OK);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_ptr_equal(fact_of(chk, 1, 0), f);
    assert_int_equal(f->norigins, 2);
    assert_string_equal(f->origins[0].name, "a.example");
    assert_string_equal(f->origins[1].name, "B");
    assert_int_equal(f->status, RC_FACT_AGREE);
    assert_true(f->best == 80000);
    rc_check_free(chk);
}

/* Days apart, places apart: separate facts. */
static void test_time_and_places(void **state)
{
    (void)state;
    rc_check *chk = new_check();
    rc_claim c[4];
    c[0] = base(10);
    on(&c[0], "2016-12-01", NULL);
    c[1] = base(12);
    on(&c[1], "2016-12-20", NULL);
    c[2] = base(10);
    on(&c[2], "2016-12-01", NULL);
    at(&c[2], ALEP, ALEP_K);
    c[3] = base(11);
    on(&c[3], "2016-12-02", NULL);
    at(&c[3], HOMS, HOMS_K);
    add(chk, "A", "a.example", c, 4, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    assert_true(fact_of(chk, 0, 0) != fact_of(chk, 0, 1));
    assert_ptr_equal(fact_of(chk, 0, 0), fact_of(chk, 0, 2)); /* no place fits a place */
    assert_true(fact_of(chk, 0, 2) != fact_of(chk, 0, 3));    /* Alep is not Homs */
    rc_check_free(chk);

    /* Alep-Est lies in Alep; 100 is ten times 10, too far */
    static const char *const EAST[] = {"Alep-Est"}, *const EAST_K[] = {"alep-est"};
    chk = new_check();
    c[0] = base(10);
    on(&c[0], "2016-12-01", NULL);
    at(&c[0], ALEP, ALEP_K);
    c[1] = base(12);
    on(&c[1], "2016-12-01", NULL);
    at(&c[1], EAST, EAST_K);
    c[2] = base(100);
    on(&c[2], "2016-12-01", NULL);
    add(chk, "A", "a.example", c, 3, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    assert_ptr_equal(fact_of(chk, 0, 0), fact_of(chk, 0, 1));
    assert_true(fact_of(chk, 0, 2) != fact_of(chk, 0, 0));
    rc_check_free(chk);

    /* a claim with no time at all (an undated article) joins a dated fact its places and
     * figures fit, and no other */
    chk = new_check();
    c[0] = base(37);
    on(&c[0], "2016-12-01", NULL);
    at(&c[0], ALEP, ALEP_K);
    add(chk, "A", "a.example", c, 1, NULL);
    c[1] = base(41);
    at(&c[1], ALEP, ALEP_K);
    c[2] = base(45); /* not 41: the same outlet's same figure would be one statement */
    at(&c[2], HOMS, HOMS_K);
    rc_doc_meta m;
    memset(&m, 0, sizeof m);
    m.id = m.path = "B";
    assert_int_equal(rc_check_add_claims(chk, &m, &c[1], 2, NULL, 0, NULL, 0), RC_OK);
    assert_int_equal(rc_check_run(chk), RC_OK);
    assert_ptr_equal(fact_of(chk, 0, 0), fact_of(chk, 1, 0));
    assert_true(fact_of(chk, 1, 1) != fact_of(chk, 0, 0));
    rc_check_free(chk);
}

/* Weights: denied claims do not count, hedged ones weigh half; status thresholds. */
static void test_estimates_and_status(void **state)
{
    (void)state;
    rc_speaker s1 = speaker("S1", "s1"), s2 = speaker("S2", "s2"), s3 = speaker("S3", "s3");
    rc_claim c[3];
    /* 50 reported by S1, 60 hedged by S2, 500 denied by S3 */
    rc_check *chk = new_check();
    c[0] = base(50);
    c[0].sources = &s1;
    c[0].nsources = 1;
    c[1] = base(60);
    c[1].modality = RC_MOD_HEDGED;
    c[1].sources = &s2;
    c[1].nsources = 1;
    c[2] = base(200);
    c[2].modality = RC_MOD_DENIED;
    c[2].sources = &s3;
    c[2].nsources = 1;
    for (int i = 0; i < 3; i++)
        on(&c[i], "2016-12-12", NULL);
    add(chk, "A", "a.example", c, 3, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_int_equal(f->nclaims, 3);
    assert_true(f->low == 50 && f->best == 50 && f->high == 60);
    assert_int_equal(f->status, RC_FACT_CONFLICT); /* 50 against 60: 17 % */
    rc_check_free(chk);

    /* two origins for 60 beat one for 50; 100 and 105 are close; equal values agree */
    chk = new_check();
    c[1].modality = RC_MOD_REPORTED;
    c[2] = c[1];
    c[2].sources = &s3;
    add(chk, "A", "a.example", c, 3, NULL);
    rc_claim d[2] = {base(100), base(105)};
    d[0].sources = &s1;
    d[0].nsources = 1;
    d[1].sources = &s2;
    d[1].nsources = 1;
    d[0].what = d[1].what = RC_WHAT_INJURED;
    on(&d[0], "2016-12-12", NULL);
    on(&d[1], "2016-12-12", NULL);
    add(chk, "B", "b.example", d, 2, NULL);
    rc_claim e[2] = {base(30), base(30)}; /* one origin twice: single */
    e[0].what = e[1].what = RC_WHAT_DETAINED;
    e[1].approx = 1;
    add(chk, "C", "c.example", e, 2, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    f = fact_of(chk, 0, 0);
    assert_true(f->best == 60);
    assert_int_equal(f->norigins, 3);
    f = fact_of(chk, 1, 0);
    assert_ptr_equal(fact_of(chk, 1, 1), f);
    assert_int_equal(f->status, RC_FACT_CLOSE);
    f = fact_of(chk, 2, 0);
    assert_ptr_equal(fact_of(chk, 2, 1), f);
    assert_int_equal(f->status, RC_FACT_SINGLE);
    rc_check_free(chk);
}

/* Figures more than five times apart are two facts (a day's exodus and one convoy), figures
 * within it one; a range with no figure of its own (des milliers) agrees with the figures it
 * holds and is in conflict with one outside it. */
static void test_spread_and_ranges(void **state)
{
    (void)state;
    rc_speaker s1 = speaker("S1", "s1"), s2 = speaker("S2", "s2"), s3 = speaker("S3", "s3");
    rc_claim c[3] = {base(7796), base(951), base(2000)};
    c[0].sources = &s1;
    c[0].nsources = 1;
    c[1].sources = &s2;
    c[1].nsources = 1;
    c[2].value = NAN; /* des milliers: 2 000 to 9 999 */
    c[2].low = 2000;
    c[2].high = 9999;
    c[2].approx = 1;
    c[2].sources = &s3;
    c[2].nsources = 1;
    for (int i = 0; i < 3; i++)
        on(&c[i], "2016-12-12", NULL);
    rc_check *chk = new_check();
    add(chk, "A", "a.example", c, 3, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_true(fact_of(chk, 0, 1) != f);      /* 7 796 and 951: 8 times apart */
    assert_ptr_equal(fact_of(chk, 0, 2), f);   /* des milliers holds 7 796 */
    assert_int_equal(f->status, RC_FACT_AGREE); /* the one figure, held by the range */
    rc_check_free(chk);

    /* des milliers beside 900 and 1 000: 900 lies outside it */
    c[0] = base(1000);
    c[0].sources = &s1;
    c[0].nsources = 1;
    c[1] = base(900);
    c[1].sources = &s2;
    c[1].nsources = 1;
    on(&c[0], "2016-12-12", NULL);
    on(&c[1], "2016-12-12", NULL);
    chk = new_check();
    add(chk, "A", "a.example", c, 3, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    f = fact_of(chk, 0, 0);
    assert_ptr_equal(fact_of(chk, 0, 1), f);
    assert_ptr_equal(fact_of(chk, 0, 2), f);
    assert_int_equal(f->status, RC_FACT_CONFLICT);
    rc_check_free(chk);
}

/* A headline's toll in the outlet's own voice that the body gives with a source is that
 * source's statement: one origin with the other paper that quotes the same source, not two. */
static void test_headline_statement(void **state)
{
    (void)state;
    rc_speaker s1 = speaker("Responsable local", "responsable local");
    rc_claim a[2] = {base(12), base(12)};
    a[1].sources = &s1;
    a[1].nsources = 1;
    rc_claim b[1] = {base(12)};
    b[0].sources = &s1;
    b[0].nsources = 1;
    rc_claim c[1] = {base(12)}; /* another paper's own voice, with no source for it anywhere */
    for (int i = 0; i < 2; i++)
        on(&a[i], "2016-12-12", NULL);
    on(&b[0], "2016-12-12", NULL);
    on(&c[0], "2016-12-12", NULL);
    rc_check *chk = new_check();
    add(chk, "A", "a.example", a, 2, NULL);
    add(chk, "B", "b.example", b, 1, NULL);
    add(chk, "C", "c.example", c, 1, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_ptr_equal(fact_of(chk, 1, 0), f);
    assert_ptr_equal(fact_of(chk, 2, 0), f);
    assert_int_equal(f->norigins, 2); /* the official, and paper C's own voice */
    rc_check_free(chk);
}

/* An exact figure and a larger lower bound from two origins: close when within 10 %. A lower
 * bound under an exact figure is no rival: agree. */
static void test_bounds(void **state)
{
    (void)state;
    rc_speaker s1 = speaker("Centre", "centre"), s2 = speaker("Agence", "agence");
    rc_check *chk = new_check();
    rc_claim c[2] = {base(7796), base(8000)};
    c[1].low = 8000; /* plus de 8 000 */
    c[0].sources = &s1;
    c[0].nsources = 1;
    c[1].sources = &s2;
    c[1].nsources = 1;
    c[0].what = c[1].what = RC_WHAT_EVACUATED;
    add(chk, "A", "a.example", c, 2, NULL);
    rc_claim d[2] = {base(90), base(80)};
    d[1].low = 80; /* au moins 80, beside 90 */
    d[0].sources = &s1;
    d[0].nsources = 1;
    d[1].sources = &s2;
    d[1].nsources = 1;
    add(chk, "B", "b.example", d, 2, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_ptr_equal(fact_of(chk, 0, 1), f);
    assert_int_equal(f->status, RC_FACT_CLOSE);
    assert_true(f->low == 7796 && f->high == 8000 && f->best == 7796);
    f = fact_of(chk, 1, 0);
    assert_ptr_equal(fact_of(chk, 1, 1), f);
    /* au moins 80 allows 90, but the origins give different figures: 10 of 90 is beyond 10 % */
    assert_int_equal(f->status, RC_FACT_CONFLICT);
    assert_true(f->low == 80 && f->high == 90);
    rc_check_free(chk);
}

static const char ARTICLE[] =
    "Les bombardements ont repris mardi matin sur les quartiers est de la ville, où des milliers "
    "d'habitants attendent toujours les bus promis par les négociateurs. Selon le bureau local "
    "de la protection civile, au moins quarante personnes ont été tuées depuis l'aube, dont une "
    "dizaine d'enfants. Les convois de la veille n'ont pu franchir le dernier barrage tenu par "
    "des miliciens, qui exigeaient l'évacuation simultanée de deux villages assiégés au nord. "
    "Un médecin joint par téléphone décrit des rues jonchées de gravats et des abris saturés.";

static const char OTHER[] =
    "La récolte de pommes a été abondante cette année dans la vallée, et les coopératives "
    "prévoient d'exporter une partie des fruits vers les pays voisins avant l'hiver. Le maire "
    "a inauguré une nouvelle halle couverte pour le marché du samedi.";

/* A reprint with a new headline is a relay; an unrelated text is not. The relay's own-voice
 * claim counts for the original's outlet, so the fact has one origin. */
static void test_relays(void **state)
{
    (void)state;
    char reprint[sizeof ARTICLE + 100];
    snprintf(reprint, sizeof reprint, "Reprise des frappes sur l'est de la ville\n%s", ARTICLE);
    rc_check *chk = new_check();
    rc_claim c = base(40);
    c.modality = RC_MOD_ASSERTED;
    on(&c, "2016-12-13", NULL);
    add(chk, "A", "agence.example", &c, 1, ARTICLE);
    add(chk, "B", "gazette.example", &c, 1, reprint);
    add(chk, "C", "vallee.example", NULL, 0, OTHER);
    assert_int_equal(rc_check_run(chk), RC_OK);
    size_t n;
    const rc_check_doc *d = rc_check_docs(chk, &n);
    assert_int_equal(n, 3);
    assert_int_equal(d[0].relay_of, -1);
    assert_int_equal(d[1].relay_of, 0);
    assert_true(d[1].relay_similarity >= 0.6);
    assert_int_equal(d[2].relay_of, -1);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_ptr_equal(fact_of(chk, 1, 0), f);
    assert_int_equal(f->norigins, 1);
    assert_string_equal(f->origins[0].name, "agence.example");
    assert_int_equal(f->status, RC_FACT_SINGLE);
    rc_check_free(chk);
}

static const char *const FERDOUS[] = {"Ferdous", "Salhine"};
static const char *const FERDOUS_K[] = {"ferdous", "salhine"};
static const char *const FARDOUS[] = {"Fardous", "Salihine"};
static const char *const FARDOUS_K[] = {"fardous", "salihine"};
static const char *const EST[] = {"Alep-Est"};
static const char *const EST_K[] = {"alep-est"};
static const char *const OUEST[] = {"Alep-Ouest"};
static const char *const OUEST_K[] = {"alep-ouest"};

/* Transliterations meet (Ferdous and Fardous), names that differ in consonants do not (Est and
 * Ouest); one source's same figure joins across places; a range made after the days of its
 * block joins the day fact it fits or stands apart; an expected figure is not a measure. */
static void test_places_statements_ranges(void **state)
{
    (void)state;
    rc_check *chk = new_check();
    rc_speaker un = speaker("Jeanne Morel", NULL);
    rc_claim c[7];
    c[0] = base(82);
    on(&c[0], "2016-12-12", NULL);
    c[0].places = FERDOUS;
    c[0].place_keys = FERDOUS_K;
    c[0].nplaces = 2;
    c[0].sources = &un;
    c[0].nsources = 1;
    c[1] = base(79); /* other spellings of the same districts */
    on(&c[1], "2016-12-13", NULL);
    c[1].places = FARDOUS;
    c[1].place_keys = FARDOUS_K;
    c[1].nplaces = 2;
    c[2] = base(82); /* the same source's figure, placed in the city's east: the same statement */
    on(&c[2], "2016-12-12", NULL);
    at(&c[2], EST, EST_K);
    c[2].sources = &un;
    c[2].nsources = 1;
    c[3] = base(369); /* since 15 November in the east: a range, apart from the night's toll */
    on(&c[3], "2016-11-15", "2016-12-13");
    at(&c[3], EST, EST_K);
    c[4] = base(300); /* the west on the same range: another place */
    on(&c[4], "2016-11-15", "2016-12-13");
    at(&c[4], OUEST, OUEST_K);
    c[5] = base(80); /* devrait: a plan */
    c[5].modality = RC_MOD_EXPECTED;
    on(&c[5], "2016-12-12", NULL);
    c[6] = base(85); /* no time expression: the document's day, widened back three days */
    snprintf(c[6].time_from, sizeof c[6].time_from, "2016-12-15");
    snprintf(c[6].time_to, sizeof c[6].time_to, "2016-12-15");
    add(chk, "A", "a.example", c, 7, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_ptr_equal(fact_of(chk, 0, 1), f);
    assert_ptr_equal(fact_of(chk, 0, 2), f);
    assert_ptr_equal(fact_of(chk, 0, 6), f);
    assert_int_equal(f->nclaims, 4);
    assert_true(fact_of(chk, 0, 3) != f);
    assert_true(fact_of(chk, 0, 4) != fact_of(chk, 0, 3));
    assert_true(fact_of(chk, 0, 5) != f);
    assert_string_equal(fact_of(chk, 0, 3)->time_from, "2016-11-15");
    assert_string_equal(f->time_to, "2016-12-13"); /* the untold day gives no time to the fact */
    rc_check_free(chk);
}

/* A source named by a part of another's name in the same fact is that source; a part of two
 * is left alone. */
static void test_shortened_sources(void **state)
{
    (void)state;
    rc_check *chk = new_check();
    rc_speaker s[5] = {speaker("Jeanne Morel", NULL), speaker("Morel", NULL),
                       speaker("armée", NULL), speaker("armée russe", NULL),
                       speaker("armée syrienne", NULL)};
    rc_claim c[5];
    for (int i = 0; i < 5; i++) {
        c[i] = base(i < 2 ? 40 : 41);
        on(&c[i], "2016-12-12", NULL);
        c[i].sources = &s[i];
        c[i].nsources = 1;
    }
    add(chk, "A", "a.example", c, 5, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    const rc_fact *f = fact_of(chk, 0, 0);
    assert_int_equal(f->nclaims, 5);
    assert_int_equal(f->norigins, 4); /* Jeanne Morel (2), armée, armée russe, armée syrienne */
    assert_string_equal(f->origins[0].name, "Jeanne Morel");
    assert_int_equal(f->origins[0].claims, 2);
    assert_int_equal(f->claims[1].origin, 0);
    assert_string_equal(f->origins[1].name, "armée");
    rc_check_free(chk);
}

static int to_buf(void *ud, const char *bytes, size_t len)
{
    rc_buf_append(ud, bytes, len);
    return 0;
}

/* CSV: one header, one row per claim, fields with commas and quotes quoted, quotes doubled;
 * JSON and text come out too. */
static void test_writers(void **state)
{
    (void)state;
    rc_check *chk = new_check();
    rc_speaker s = speaker("porte-parole, \"armée\"", NULL);
    rc_claim c = base(12);
    at(&c, HOMS, HOMS_K);
    c.sources = &s;
    c.nsources = 1;
    add(chk, "A", "a.example", &c, 1, NULL);
    assert_int_equal(rc_check_write(chk, RC_CHECK_CSV, 0, to_buf, NULL), RC_EINVAL); /* not run */
    assert_int_equal(rc_check_run(chk), RC_OK);
    rc_buf out = RC_BUF_INIT;
    assert_int_equal(rc_check_write(chk, RC_CHECK_CSV, 0, to_buf, &out), RC_OK);
    assert_non_null(strstr(out.data, "\r\n"));
    assert_non_null(strstr(out.data, ",\"Homs, \"\"centre\"\"\","));
    assert_non_null(strstr(out.data, ",\"porte-parole, \"\"armée\"\"\","));
    assert_non_null(strstr(out.data, "\r\nf1,,,"));
    assert_int_equal(strncmp(out.data, "fact,event_date,", 16), 0);
    rc_buf_reset(&out);
    assert_int_equal(rc_check_write(chk, RC_CHECK_JSON, 0, to_buf, &out), RC_OK);
    assert_non_null(strstr(out.data, "\"status\":\"single\""));
    assert_non_null(strstr(out.data, "\"claim\":\"c1\""));
    rc_buf_reset(&out);
    assert_int_equal(rc_check_write(chk, RC_CHECK_TEXT, 0, to_buf, &out), RC_OK);
    assert_non_null(strstr(out.data, "FACT"));
    assert_null(strchr(out.data, '\033'));
    rc_buf_reset(&out);
    assert_int_equal(rc_check_write(chk, RC_CHECK_TEXT, RC_CHECK_COLOR, to_buf, &out), RC_OK);
    assert_non_null(strchr(out.data, '\033'));
    rc_buf_free(&out);
    rc_check_free(chk);
}

/* Output larger than one piece (64 KiB) comes whole and in order: every fact once. */
static void test_large_output(void **state)
{
    (void)state;
    rc_check *chk = new_check();
    enum { N = 3000 };
    rc_claim *c = calloc(N, sizeof *c);
    assert_non_null(c);
    for (int i = 0; i < N; i++) {
        c[i] = base(1000.0 * (i + 1)); /* blocks of what, who and unit, figures far apart */
        c[i].what = (uint8_t)(i % RC_WHAT_N);
        c[i].who = (uint8_t)((i / RC_WHAT_N) % RC_WHO_N);
        c[i].unit = (uint8_t)((i / (RC_WHAT_N * RC_WHO_N)) % RC_UNIT_N);
    }
    add(chk, "A", "a.example", c, N, NULL);
    assert_int_equal(rc_check_run(chk), RC_OK);
    size_t nf;
    rc_check_facts(chk, &nf);
    assert_true(nf > 100);
    rc_buf out = RC_BUF_INIT;
    assert_int_equal(rc_check_write(chk, RC_CHECK_JSON, 0, to_buf, &out), RC_OK);
    assert_true(out.len > 1 << 16);
    assert_int_equal(out.data[out.len - 1], '\n');
    size_t seen = 0;
    for (const char *p = out.data; (p = strstr(p, "{\"id\":\"f")); p++)
        seen++;
    assert_int_equal(seen, nf);
    char last[32];
    snprintf(last, sizeof last, "{\"id\":\"f%zu\"", nf);
    assert_non_null(strstr(out.data, last));
    rc_buf_free(&out);
    free(c);
    rc_check_free(chk);
}

/* A parsed document goes in through rc_check_add and can be freed before the check runs. */
static void test_add_document(void **state)
{
    static const char text[] = "Trois civils ont été tués lundi à Alep, selon une ONG.";
    rc_doc *doc = rc_test_doc(*state, text, sizeof text - 1, "2016-12-13");
    rc_check *chk = new_check();
    assert_int_equal(rc_check_add(chk, doc), RC_OK);
    rc_doc_free(doc);
    assert_int_equal(rc_check_run(chk), RC_OK);
    size_t n;
    const rc_check_doc *d = rc_check_docs(chk, &n);
    assert_int_equal(n, 1);
    assert_string_equal(d[0].meta.date, "2016-12-13");
    assert_string_equal(d[0].meta.path, "test");
    rc_check_free(chk);
    rc_check_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grouping_and_origins), cmocka_unit_test(test_families_and_outlets),
        cmocka_unit_test(test_time_and_places),      cmocka_unit_test(test_estimates_and_status),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_spread_and_ranges),    cmocka_unit_test(test_relays),
        cmocka_unit_test(test_headline_statement),
        cmocka_unit_test(test_writers),              cmocka_unit_test(test_add_document),
        cmocka_unit_test(test_places_statements_ranges),
        cmocka_unit_test(test_shortened_sources),
        cmocka_unit_test(test_large_output),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
