/*
 * test_sources.c - the sources stage: quotation marks paired in every style, speakers on either
 * side of a quote and inside it, pronouns, roles, attribution chains with their relays, scopes,
 * denials, and hostile inputs that must stay linear (a quote that never closes, a 10,000-word
 * quote, a line of 5,000 guillemets, 500 capitalised words).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rc_test.h"

#include "extract/sources.h"

static rc_ctx *ctx;

/* Loads the language data once for all tests, kept in ctx. */
static int setup(void **state)
{
    int r = rc_test_ctx_setup(state);
    ctx = *state;
    return r;
}

/* A document of s with the sources stage run on it directly, so that a sentence too short for
 * the language guess is still read as French. */
static rc_doc *doc_of(const char *s)
{
    rc_doc *doc = rc_test_doc(ctx, s, strlen(s), "2024-05-01");
    rc_stage_env env = {NULL, NULL};
    assert_int_equal(rc_stage_sources(doc, &env), RC_OK);
    return doc;
}

/* The text of bytes [a, b) of the document, in a static buffer. */
static const char *span(const rc_doc *doc, uint32_t a, uint32_t b)
{
    static char buf[512];
    size_t n = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;
    memcpy(buf, doc->text + a, n);
    buf[n] = '\0';
    return buf;
}

/* Checks that the document has a quote containing frag with that speaker (NULL: none). */
static void expect_quote(const rc_doc *doc, const char *frag, const char *speaker, const char *role)
{
    for (size_t i = 0; i < doc->nquotes; i++) {
        const rc_quote *q = &doc->quotes[i];
        if (!strstr(span(doc, q->start, q->end), frag))
            continue;
        if (!speaker) {
            assert_false(q->has_speaker);
            return;
        }
        assert_true(q->has_speaker);
        assert_string_equal(q->speaker.name, speaker);
        if (role)
            assert_string_equal(q->speaker.role ? q->speaker.role : "(null)", role);
        return;
    }
    fprintf(stderr, "no quote with \"%s\"\n", frag);
    fail();
}

/* The chain of attribution i as "a > b" in a static buffer. */
static const char *chain_of(const rc_doc *doc, size_t i)
{
    static char buf[512];
    buf[0] = '\0';
    assert_true(i < doc->nattrs);
    for (size_t k = 0; k < doc->attrs[i].nchain; k++) {
        if (k)
            strcat(buf, (doc->attrs[i].joint >> k) & 1u ? " + " : " > ");
        strncat(buf, doc->attrs[i].chain[k].name, sizeof buf - strlen(buf) - 4);
    }
    return buf;
}

static void test_quote_styles(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("« Le pont est coupé », a déclaré Nadia Amrani.\n"
                         "“Nous tenons la colline”, a assuré le colonel Piet Varga.\n"
                         "Il a dit \"non merci\" puis il est parti.\n");
    /* two words inside a clause quote a word, not an utterance: no quotation */
    assert_int_equal(doc->nquotes, 2);
    /* the text of a quotation leaves out the spaces inside its marks */
    assert_string_equal(span(doc, doc->quotes[0].start, doc->quotes[0].end), "Le pont est coupé");
    expect_quote(doc, "pont est coupé", "Nadia Amrani", NULL);
    expect_quote(doc, "Nous tenons", "Piet Varga", "colonel");
    assert_string_equal(doc->quotes[1].verb, "assurer");
    rc_doc_free(doc);
}

static void test_speaker_positions(void **state)
{
    (void)state;
    rc_doc *doc = doc_of(
        "Le gouverneur Ivan Sorel a déclaré : « Les réfugiés arriveront ce soir. »\n"
        "« Nous devons agir vite, a déclaré Lina Berg, du HCR, avant l'hiver. »\n"
        "« La frontière restera fermée », a annoncé mardi à Kiev le porte-parole du ministère "
        "de l'Intérieur Oleg Marchenko.\n"
        "« Rien ne justifie ces frappes », a-t-il ajouté.\n");
    expect_quote(doc, "réfugiés arriveront", "Ivan Sorel", "gouverneur");
    expect_quote(doc, "devons agir", "Lina Berg", "du HCR");
    expect_quote(doc, "frontière restera", "Oleg Marchenko",
                 "porte-parole du ministère de l'Intérieur");
    expect_quote(doc, "Rien ne justifie", "Oleg Marchenko", NULL);
    rc_doc_free(doc);
}

static void test_pronoun_gender_and_roles(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Le ministre Paul Kessel a reçu la présidente Ana Roos mardi.\n"
                         "« Nous signerons », a-t-elle promis.\n"
                         "La présidente de l'ONG Terre vive, Maud Lenoir, a visité le camp. "
                         "« Tout manque ici », a dit la présidente.\n"
                         "« C'était un piège », a rapporté une habitante, le visage fermé.\n");
    expect_quote(doc, "Nous signerons", "Ana Roos", NULL);
    expect_quote(doc, "Tout manque", "Maud Lenoir", NULL);
    expect_quote(doc, "un piège", "habitante", NULL);
    rc_doc_free(doc);
}

static void test_scare_quotes(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Les médias parlent de « terroristes » venus du nord.\n"
                         "Le ministre s'est dit « horrifié » par les images.\n");
    /* a scare quote marks a word, it reports no speech: it is not a quotation, even with a
     * speaker's verb before it */
    assert_int_equal(doc->nquotes, 0);
    rc_doc_free(doc);
    /* a short quotation that is an utterance of its own is one */
    doc = doc_of("« Inacceptable », a réagi le maire Jon Vik.\n"
                 "Le colonel a répondu : « Jamais. »\n");
    assert_int_equal(doc->nquotes, 2);
    expect_quote(doc, "Inacceptable", "Jon Vik", NULL);
    rc_doc_free(doc);
}

static void test_chains(void **state)
{
    (void)state;
    rc_doc *doc = doc_of(
        "Citant une source militaire, l'agence Reuters a rapporté que le pont était détruit.\n"
        "Les rebelles reculent, selon un porte-parole de l'armée cité par l'agence Tass.\n"
        "Un responsable de la police a indiqué à l'AFP que douze hommes avaient été arrêtés.\n"
        "Selon des activistes locaux et le témoignage de deux habitants, l'école a été touchée.\n"
        "Les troupes ont repris la colline, a-t-on appris de source militaire.\n");
    assert_int_equal(doc->nattrs, 5);
    assert_string_equal(chain_of(doc, 0), "source militaire > Reuters");
    assert_string_equal(chain_of(doc, 1), "porte-parole de l'armée > Tass");
    assert_string_equal(chain_of(doc, 2), "responsable de la police > AFP");
    assert_string_equal(chain_of(doc, 3), "activistes locaux + deux habitants");
    assert_string_equal(chain_of(doc, 4), "source militaire");
    assert_int_equal(doc->attrs[0].chain[0].type, RC_ENT_MISC);
    assert_int_equal(doc->attrs[0].chain[1].type, RC_ENT_ORG);
    assert_string_equal(doc->attrs[0].chain[0].key, "source militaire");
    rc_doc_free(doc);
}

/* Patterns of news copy: a title with a name in apposition, a demonstrative description,
 * "comme l'a déclaré", "et d'ajouter", relays before the verb or fronted, outlets not named. */
static void test_news_patterns(void **state)
{
    (void)state;
    rc_doc *doc = doc_of(
        "Le porte-parole de l'armée, le colonel Marc Duval, a déclaré : « Les assaillants ont "
        "été repoussés vers le fleuve. »\n"
        "Le commandant Taras Bilyk dirige la brigade. « On tient encore, mais pour combien de "
        "temps ? », s'interroge cet officier.\n"
        "Comme l'a rappelé le député Paul Vernet, « nos soldats se battent pour nous tous ».\n"
        "« Nous ne reculerons pas », a averti le chef rebelle. Et d'ajouter : « La riposte sera "
        "terrible pour eux. »\n"
        "Des sources sécuritaires citées par l'agence Reuters évoquent une dizaine de morts.\n"
        "Interrogé par la radio Kanal Nord, un habitant a affirmé que les tirs continuaient.\n"
        "« Le front ne bougera plus cet hiver », a déclaré à la presse le ministre Ivo Lind.\n"
        "« Les bombardements visent les écoles », a affirmé l'ONG Amnesty International.\n");
    expect_quote(doc, "assaillants", "Marc Duval", NULL);
    expect_quote(doc, "On tient encore", "Taras Bilyk", NULL);
    expect_quote(doc, "nos soldats", "Paul Vernet", NULL);
    expect_quote(doc, "La riposte", "chef rebelle", NULL);
    expect_quote(doc, "Le front ne bougera", "Ivo Lind", NULL);
    expect_quote(doc, "bombardements visent", "Amnesty International", NULL);
    bool relayed = false, fronted = false;
    for (size_t i = 0; i < doc->nattrs; i++) {
        const char *c = chain_of(doc, i);
        relayed |= strcmp(c, "sources sécuritaires > Reuters") == 0;
        fronted |= strcmp(c, "habitant > Kanal Nord") == 0;
        assert_null(strstr(c, "presse")); /* à la presse names no outlet */
    }
    assert_true(relayed);
    assert_true(fronted);
    rc_doc_free(doc);
}

static void test_scopes_and_denials(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("Selon l'ONU, 40 civils ont été tués à Gao.\n"
                         "Le camp a été bombardé trois fois, a déclaré un médecin.\n"
                         "L'armée a démenti avoir frappé l'hôpital.\n"
                         "Toujours selon l'agence, les combats continuent.\n");
    assert_int_equal(doc->nattrs, 4);
    const rc_attribution *at = doc->attrs;
    assert_string_equal(span(doc, at[0].scope_start, at[0].scope_end), "40 civils ont été tués à Gao");
    assert_string_equal(span(doc, at[1].scope_start, at[1].scope_end),
                        "Le camp a été bombardé trois fois");
    assert_true(at[2].denied);
    assert_false(at[1].denied);
    assert_string_equal(at[2].cue, "démentir");
    assert_string_equal(at[3].cue, "toujours selon");
    assert_string_equal(chain_of(doc, 3), "armée"); /* continues the previous source */
    rc_doc_free(doc);
}

static void test_unclosed_and_nested(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("« Il a crié “au feu” puis il a couru », raconte Omar Said.\n"
                         "Le centre a fait état de « plus de 300 blessés dans la nuit.\n"
                         "La suite est calme.\n"
                         "« « Nous partons », a dit Jan Vos.\n");
    assert_int_equal(doc->nquotes, 3);
    expect_quote(doc, "au feu", "Omar Said", NULL);
    assert_string_equal(span(doc, doc->quotes[1].start, doc->quotes[1].end),
                        "plus de 300 blessés dans la nuit.");
    expect_quote(doc, "Nous partons", "Jan Vos", NULL);
    rc_doc_free(doc);
}

/* Seconds of processor time to run the stage on s. */
static double time_of(const char *s, rc_doc **out)
{
    clock_t t0 = clock();
    *out = doc_of(s);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void test_hostile(void **state)
{
    (void)state;
    size_t cap = 200000;
    char *s = malloc(cap);
    assert_non_null(s);
    rc_doc *doc;
    /* a 10,000-word quote, then its speaker */
    strcpy(s, "« ");
    for (int i = 0; i < 10000; i++)
        strcat(s + strlen(s) - 2, "mot ");
    strcat(s, "», a déclaré Ana Vos.\n");
    assert_true(time_of(s, &doc) < 2.0);
    assert_int_equal(doc->nquotes, 1);
    expect_quote(doc, "mot mot", "Ana Vos", NULL);
    rc_doc_free(doc);
    /* a line of 5,000 guillemets, then one of 5,000 alternating marks */
    s[0] = '\0';
    for (int i = 0; i < 5000; i++)
        strcat(s + (i ? strlen(s) - 2 : 0), "«");
    strcat(s, "\n");
    for (int i = 0; i < 2500; i++)
        strcat(s + strlen(s) - 4, "«»");
    strcat(s, "\n");
    assert_true(time_of(s, &doc) < 2.0);
    assert_int_equal(doc->nquotes, 0); /* no word inside: no quote */
    rc_doc_free(doc);
    /* 500 capitalised words, a verb, and a quote that never closes */
    strcpy(s, "« Selon ");
    for (int i = 0; i < 500; i++)
        strcat(s + strlen(s) - 8, "Nom ");
    strcat(s, "a déclaré Marc Lin, « Alors");
    assert_true(time_of(s, &doc) < 2.0);
    for (size_t i = 0; i < doc->nquotes; i++)
        assert_true(doc->quotes[i].start <= doc->quotes[i].end && doc->quotes[i].end <= doc->len);
    for (size_t i = 0; i < doc->nattrs; i++)
        assert_true(doc->attrs[i].scope_end <= doc->len && doc->attrs[i].end <= doc->len);
    rc_doc_free(doc);
    free(s);
}

/* The seeds, when ../shared is present: every quote of three words or more has a speaker, but
 * for one that is the name of a source. */
static void test_seeds(void **state)
{
    (void)state;
    char path[1024];
    int seen = 0;
    static const char *const names[] = {"000_b86379217dcff5c1", "001_d4c31b82abd46e6b",
                                        "002_12f48d127a8be376", "003_f776e755a06bad7c",
                                        "004_0cd7dd9b98127112"};
    for (size_t f = 0; f < sizeof names / sizeof names[0]; f++) {
        snprintf(path, sizeof path, "%s/seeds/%s.txt", RC_SHARED, names[f]);
        FILE *fp = fopen(path, "rb");
        if (!fp)
            continue;
        static char buf[1 << 16];
        size_t n = fread(buf, 1, sizeof buf - 1, fp);
        fclose(fp);
        buf[n] = '\0';
        rc_doc *doc = doc_of(buf);
        for (size_t i = 0; i < doc->nquotes; i++) {
            const rc_quote *q = &doc->quotes[i];
            int words = 0;
            for (uint32_t k = q->start; k < q->end; k++)
                words += doc->text[k] == ' ' && k + 1 < q->end && doc->text[k + 1] != ' ';
            bool named = false; /* D'après le « centre de réconciliation »: a source's name */
            for (size_t a = 0; a < doc->nattrs; a++)
                named |= doc->attrs[a].start <= q->start && q->end <= doc->attrs[a].end;
            if (words >= 3 && !q->has_speaker && !named) {
                fprintf(stderr, "%s: no speaker for \"%s\"\n", names[f], span(doc, q->start, q->end));
                fail();
            }
        }
        rc_doc_free(doc);
        seen++;
    }
    if (!seen)
        skip();
}

/* Cue phrases of several words, read from their first word on: an elided first word (d'après),
 * three words (à en croire), a phrase after an inverted verb (de source), and the same first
 * words where no phrase follows (de la ville, à l'hôpital), which make no attribution. */
static void test_cue_phrases(void **state)
{
    (void)state;
    rc_doc *doc = doc_of("D'après la préfecture de Tarnos, trois ponts ont été coupés par la crue "
                         "du fleuve. À en croire le maire de Vessac, Jules Parmentier, la digue de "
                         "la ville tiendra encore une semaine. Douze blessés ont été admis à "
                         "l'hôpital de la ville, a-t-on appris de source hospitalière.");
    assert_int_equal(doc->nattrs, 3);
    assert_string_equal(doc->attrs[0].cue, "d'après");
    assert_string_equal(chain_of(doc, 0), "préfecture de Tarnos");
    assert_string_equal(doc->attrs[1].cue, "à en croire");
    assert_string_equal(chain_of(doc, 1), "Jules Parmentier");
    assert_string_equal(doc->attrs[2].cue, "apprendre");
    assert_string_equal(chain_of(doc, 2), "source hospitalière");
    rc_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote_styles),      cmocka_unit_test(test_speaker_positions),
        cmocka_unit_test(test_pronoun_gender_and_roles), cmocka_unit_test(test_scare_quotes),
        cmocka_unit_test(test_chains),            cmocka_unit_test(test_scopes_and_denials),
        cmocka_unit_test(test_unclosed_and_nested), cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_seeds),             cmocka_unit_test(test_news_patterns),
        cmocka_unit_test(test_cue_phrases),
    };
    return cmocka_run_group_tests(tests, setup, rc_test_ctx_teardown);
}
