/*
 * test_report.c - the dossier's page writer on hand-filled views: escaping of hostile strings in
 * every context, well-formed markup where highlights overlap, the facts with their chips and
 * charts, the empty sections, and the caps of large inputs. Set RC_REPORT_DEMO=FILE to keep the
 * page of the full view for looking at it in a browser.
 */
#include "rc_test.h"

#include <math.h>
#include <stdlib.h>

#include "report/report_html.h"
#include "report/report_view.h"

/* A fictional dispatch; offsets below are found with strstr. */
static const char text1[] =
    "VARDES (APC) - Au moins 37 civils ont été tués mardi dans le bombardement du marché, a "
    "annoncé le gouverneur Anselme Keraudy. « Les frappes ont commencé vers 9h30 », a-t-il dit. "
    "Près de 12 000 personnes ont fui, selon Marta Ilves.";
static const char text2[] =
    "Les terroristes <script>alert(1)</script> ont fait sauter un dépôt : 21 morts, selon "
    "l'armée. « </svg><script>x()</script> <img src=x onerror=alert(2)> » "
    "Voir javascript:alert(3) et près de 12 000 déplacés.";

/* The span of needle in hay, as offsets. */
static void span_of(const char *hay, const char *needle, uint32_t *s, uint32_t *e)
{
    const char *p = strstr(hay, needle);
    assert_non_null(p);
    *s = (uint32_t)(p - hay);
    *e = *s + (uint32_t)strlen(needle);
}

typedef struct fixture {
    rp_doc docs[3];
    rc_claim claims1[2], claims2[2];
    rc_speaker src1[1], src2[2];
    rc_entity ents1[3], ents2[1];
    rc_quote quotes1[1], quotes2[1];
    rc_mark marks1[3];
    rc_frame frames2[2], frames1[1];
    rc_fact facts[2];
    rc_fact_claim fc1[3], fc2[2];
    rc_origin or1[3], or2[1];
    const char *places1[1];
    const char *pkeys1[1];
} fixture;

static rc_claim claim_at(const char *text, const char *needle, double v, int what, int who,
                         int mod)
{
    rc_claim c;
    memset(&c, 0, sizeof c);
    span_of(text, needle, &c.start, &c.end);
    c.value = v;
    c.low = NAN;
    c.high = NAN;
    c.what = (uint8_t)what;
    c.who = (uint8_t)who;
    c.modality = (uint8_t)mod;
    c.explain = "rule:toll-subject + lexicon:tués";
    return c;
}

/* Three documents (the third a relay of the first), two facts. */
static void fixture_fill(fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    rp_doc *d = fx->docs;
    d[0].meta = (rc_doc_meta){"aaaa", "examples/apc.txt", "Bombardement du marché",
                              "Agence Presse Continentale", NULL, NULL, "fr", "2021-03-09",
                              "text"};
    d[0].text = text1;
    d[0].len = strlen(text1);
    d[0].relay_of = -1;
    fx->src1[0] = (rc_speaker){.name = "Anselme Keraudy", .role = "gouverneur",
                                .key = "anselme keraudy", .type = RC_ENT_PER};
    fx->claims1[0] = claim_at(text1, "Au moins 37 civils", 37, RC_WHAT_KILLED, RC_WHO_CIVILIANS,
                              RC_MOD_REPORTED);
    fx->claims1[0].low = 37;
    fx->claims1[0].sources = fx->src1;
    fx->claims1[0].nsources = 1;
    fx->places1[0] = "Vardes";
    fx->pkeys1[0] = "vardes";
    fx->claims1[0].places = fx->places1;
    fx->claims1[0].place_keys = fx->pkeys1;
    fx->claims1[0].nplaces = 1;
    memcpy(fx->claims1[0].time_from, "2021-03-09", 11);
    fx->claims1[1] = claim_at(text1, "Près de 12 000 personnes", 12000, RC_WHAT_FLED,
                              RC_WHO_PEOPLE, RC_MOD_REPORTED);
    fx->claims1[1].approx = 1;
    d[0].claims = fx->claims1;
    d[0].nclaims = 2;
    fx->ents1[0] = (rc_entity){0, 6, RC_ENT_LOC, "vardes", "Vardes", 44.5, 4.8};
    span_of(text1, "Anselme Keraudy", &fx->ents1[1].start, &fx->ents1[1].end);
    fx->ents1[1].type = RC_ENT_PER;
    fx->ents1[1].key = "anselme keraudy";
    fx->ents1[1].canon = "Anselme Keraudy";
    fx->ents1[1].lat = fx->ents1[1].lon = NAN;
    /* an entity that crosses the claim's end: "civils ont" */
    span_of(text1, "civils ont", &fx->ents1[2].start, &fx->ents1[2].end);
    fx->ents1[2].type = RC_ENT_MISC;
    fx->ents1[2].key = "x";
    fx->ents1[2].canon = "x";
    fx->ents1[2].lat = fx->ents1[2].lon = NAN;
    d[0].ents = fx->ents1;
    d[0].nents = 3;
    span_of(text1, "Les frappes ont commencé vers 9h30", &fx->quotes1[0].start,
            &fx->quotes1[0].end);
    fx->quotes1[0].has_speaker = 1;
    fx->quotes1[0].speaker = fx->src1[0];
    d[0].quotes = fx->quotes1;
    d[0].nquotes = 1;
    fx->marks1[0] = (rc_mark){0, 0, RC_MARK_NUMBER, 37, NULL};
    span_of(text1, "37", &fx->marks1[0].start, &fx->marks1[0].end);
    fx->marks1[1] = (rc_mark){0, 0, RC_MARK_TIME, NAN, "2021-03-09"};
    span_of(text1, "mardi", &fx->marks1[1].start, &fx->marks1[1].end);
    fx->marks1[2] = (rc_mark){0, 0, RC_MARK_NUMBER, 12000, NULL};
    span_of(text1, "12 000", &fx->marks1[2].start, &fx->marks1[2].end);
    d[0].marks = fx->marks1;
    d[0].nmarks = 3;
    fx->frames1[0] = (rc_frame){"opposition fighters", "rebelles", 2};
    d[0].frames = fx->frames1;
    d[0].nframes = 1;

    d[1].meta = (rc_doc_meta){"bbbb", "examples/<radio>.txt", "<script>alert('t')</script>",
                              "Radio \"Sarne\" <b>Info</b>", "javascript:alert(4)", NULL, "fr",
                              "2021-03-10", "metadata"};
    d[1].text = text2;
    d[1].len = strlen(text2);
    d[1].relay_of = -1;
    fx->src2[0] = (rc_speaker){.name = "l'armée <img src=y onerror=z()>", .type = RC_ENT_ORG};
    fx->src2[1] = (rc_speaker){.name = "</svg><script>s()</script>",
                                .role = "role\" onmouseover=\"p()", .type = RC_ENT_MISC};
    fx->claims2[0] = claim_at(text2, "21 morts", 21, RC_WHAT_KILLED, RC_WHO_CIVILIANS,
                              RC_MOD_CONDITIONAL);
    fx->claims2[0].sources = fx->src2;
    fx->claims2[0].nsources = 2;
    fx->claims2[0].explain = "\"><script>e()</script><a href=\"javascript:x\">";
    fx->claims2[1] = claim_at(text2, "près de 12 000 déplacés", 12000, RC_WHAT_FLED,
                              RC_WHO_PEOPLE, RC_MOD_REPORTED);
    d[1].claims = fx->claims2;
    d[1].nclaims = 2;
    fx->ents2[0] = (rc_entity){0, 0, RC_ENT_LOC, "k</svg>", "</svg><script>m()</script>", 44.6,
                               4.9};
    span_of(text2, "dépôt", &fx->ents2[0].start, &fx->ents2[0].end);
    d[1].ents = fx->ents2;
    d[1].nents = 1;
    span_of(text2, "</svg><script>x()</script> <img src=x onerror=alert(2)>", &fx->quotes2[0].start,
            &fx->quotes2[0].end);
    fx->quotes2[0].has_speaker = 1;
    fx->quotes2[0].speaker = fx->src2[1];
    d[1].quotes = fx->quotes2;
    d[1].nquotes = 1;
    fx->frames2[0] = (rc_frame){"opposition fighters", "terroristes <img onerror=f()>", 5};
    fx->frames2[1] = (rc_frame){"capture of the town", "libération", 3};
    d[1].frames = fx->frames2;
    d[1].nframes = 2;

    d[2] = d[0]; /* a relay of the first, nearly word for word */
    d[2].meta.site = "Le Courrier de Vardes";
    d[2].meta.id = "cccc";
    d[2].relay_of = 0;
    d[2].relay_similarity = 0.93;

    fx->fc1[0] = (rc_fact_claim){0, 0, 0};
    fx->fc1[1] = (rc_fact_claim){1, 0, 1};
    fx->fc1[2] = (rc_fact_claim){2, 0, 0};
    fx->or1[0] = (rc_origin){"Anselme Keraudy", "anselme keraudy", 2};
    fx->or1[1] = (rc_origin){"</svg><script>o()</script>", "o", 1};
    fx->facts[0] = (rc_fact){"f1", RC_WHAT_KILLED, RC_WHO_CIVILIANS, RC_FACT_CONFLICT,
                             fx->places1, 1, "2021-03-09", "2021-03-09", fx->fc1, 3, 21, 37,
                             37, fx->or1, 2};
    fx->fc2[0] = (rc_fact_claim){0, 1, 0};
    fx->fc2[1] = (rc_fact_claim){1, 1, 0};
    fx->or2[0] = (rc_origin){"Marta Ilves", "marta ilves", 2};
    fx->facts[1] = (rc_fact){"f2", RC_WHAT_FLED, RC_WHO_PEOPLE, RC_FACT_SINGLE, NULL, 0, "", "",
                             fx->fc2, 2, 12000, 12000, 12000, fx->or2, 1};
}

/* The page of a view, NUL-terminated; the caller frees it. */
static char *page_of(const rp_view *v)
{
    rp_out o;
    rp_out_init(&o, NULL, NULL);
    assert_int_equal(rp_write_page(v, &o), RC_OK);
    char *s = o.b.data;
    assert_non_null(s);
    return s;
}

/* Checks that <a> and <span> elements nest: each close matches the innermost open one. */
static void assert_nested(const char *s)
{
    char stack[256];
    int depth = 0;
    for (const char *p = s; (p = strchr(p, '<')) != NULL; p++) {
        if (strncmp(p, "<span", 5) == 0 && (p[5] == ' ' || p[5] == '>'))
            stack[depth++] = 's';
        else if (strncmp(p, "<a", 2) == 0 && (p[2] == ' ' || p[2] == '>'))
            stack[depth++] = 'a';
        else if (strncmp(p, "</span>", 7) == 0)
            assert_true(depth > 0 && stack[--depth] == 's');
        else if (strncmp(p, "</a>", 4) == 0)
            assert_true(depth > 0 && stack[--depth] == 'a');
        assert_true(depth >= 0 && depth < 256);
    }
    assert_int_equal(depth, 0);
}

/* Checks that no tag has an event handler attribute (on...=) or a javascript: value: the
 * attribute names of every tag, outside the quoted values, are read as a browser would. */
static void assert_no_handlers(const char *s)
{
    for (const char *p = s; (p = strchr(p, '<')) != NULL; p++) {
        const char *end = strchr(p, '>');
        assert_non_null(end);
        char quote = 0;
        for (const char *q = p; q < end; q++) {
            if (quote) {
                if (*q == quote)
                    quote = 0;
                else if (strncmp(q, "javascript:", 11) == 0)
                    assert_true(q > p && q[-1] != quote && q[-1] != '=');
                continue;
            }
            if (*q == '"' || *q == '\'') {
                quote = *q;
                continue;
            }
            if ((*q == ' ' || *q == '\n') && (q[1] == 'o' || q[1] == 'O') &&
                (q[2] == 'n' || q[2] == 'N')) {
                const char *r = q + 3;
                while (r < end && ((*r >= 'a' && *r <= 'z') || (*r >= 'A' && *r <= 'Z')))
                    r++;
                assert_false(r < end && *r == '=');
            }
        }
    }
}

/* Counts the occurrences of needle. */
static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void test_hostile(void **state)
{
    (void)state;
    fixture fx;
    fixture_fill(&fx);
    rp_view v = {fx.docs, 3, fx.facts, 2, true, rp_default_limits};
    char *s = page_of(&v);
    const char *demo = getenv("RC_REPORT_DEMO");
    if (demo) {
        FILE *f = fopen(demo, "w");
        if (f) {
            fputs(s, f);
            fclose(f);
        }
    }
    /* nothing from the documents became markup */
    assert_null(strstr(s, "<script"));
    assert_null(strstr(s, "<img"));
    assert_null(strstr(s, "<b>Info"));
    assert_null(strstr(s, "href=\"javascript"));
    assert_no_handlers(s);
    assert_non_null(strstr(s, "&lt;/svg&gt;&lt;script&gt;"));
    assert_non_null(strstr(s, "javascript:alert(4)")); /* the address as text */
    assert_non_null(strstr(s, "Content-Security-Policy"));
    /* every <svg opened is closed: no text closed one early */
    assert_int_equal(count(s, "<svg"), count(s, "</svg>"));
    assert_nested(strstr(s, "<main>"));
    free(s);
}

static void test_facts(void **state)
{
    (void)state;
    fixture fx;
    fixture_fill(&fx);
    rp_view v = {fx.docs, 3, fx.facts, 2, true, rp_default_limits};
    char *s = page_of(&v);
    /* the facts table and details, status as a word as well as a colour */
    assert_non_null(strstr(s, "id=\"fact-1\""));
    assert_non_null(strstr(s, "✗ conflict"));
    assert_non_null(strstr(s, "● single origin"));
    /* chips link to the claims, which link back to their fact */
    assert_non_null(strstr(s, "href=\"#d1-c1\""));
    assert_non_null(strstr(s, "id=\"d1-c1\""));
    assert_non_null(strstr(s, "href=\"#fact-1\""));
    /* the claim of the relay document is marked as a relay */
    assert_non_null(strstr(s, "class=\"chip relay\" href=\"#d3-c1\""));
    /* the claim's rule is in its tooltip */
    assert_non_null(strstr(s, "rule: rule:toll-subject + lexicon:tués"));
    /* figures are grouped for reading */
    assert_non_null(strstr(s, "12\xe2\x80\xaf" "000"));
    /* the map has the place of the fact, the timeline the outlets */
    assert_non_null(strstr(s, ">Vardes (1)</text>"));
    assert_non_null(strstr(s, ">Agence Presse Continentale</text>"));
    /* framing side by side */
    assert_non_null(strstr(s, "rebelles <span class=\"cnt\">×2</span>"));
    assert_non_null(strstr(s, "libération"));
    /* speakers, with their quotes */
    assert_non_null(strstr(s, "Les frappes ont commencé vers 9h30"));
    /* each id once */
    assert_int_equal(count(s, "id=\"d1-c1\""), 1);
    assert_int_equal(count(s, "id=\"d3-c1\""), 1);
    free(s);
}

static void test_empty(void **state)
{
    (void)state;
    rp_view v = {NULL, 0, NULL, 0, false, rp_default_limits};
    char *s = page_of(&v);
    assert_non_null(strstr(s, "The cross-check did not run"));
    assert_non_null(strstr(s, "No dated claims"));
    assert_non_null(strstr(s, "No place named"));
    assert_non_null(strstr(s, "No framing terms"));
    assert_non_null(strstr(s, "No speakers"));
    assert_non_null(strstr(s, "</html>"));
    free(s);
    /* documents without any result still show their text */
    rp_doc d;
    memset(&d, 0, sizeof d);
    d.text = "Un texte sans chiffre & sans nom.";
    d.len = strlen(d.text);
    d.relay_of = -1;
    rp_view v2 = {&d, 1, NULL, 0, true, rp_default_limits};
    s = page_of(&v2);
    assert_non_null(strstr(s, "Un texte sans chiffre &amp; sans nom."));
    assert_non_null(strstr(s, "No facts"));
    free(s);
}

static void test_caps(void **state)
{
    (void)state;
    fixture fx;
    fixture_fill(&fx);
    rp_doc many[40];
    for (size_t i = 0; i < 40; i++)
        many[i] = fx.docs[i % 2];
    rp_view v = {many, 40, NULL, 0, true, rp_default_limits};
    v.lim.docs_text = 5;
    char *s = page_of(&v);
    assert_non_null(strstr(s, "The text of the first 5 documents is included; 35 more"));
    assert_int_equal(count(s, "<div class=\"body\""), 5);
    assert_non_null(strstr(s, "id=\"d40\""));
    free(s);
    /* a fact's line of origins names the first ones and counts the rest */
    rp_view vf = {fx.docs, 3, fx.facts, 2, true, rp_default_limits};
    vf.lim.origins_fact = 1;
    s = page_of(&vf);
    assert_non_null(strstr(s, "Anselme Keraudy <span class=\"muted\">(2 claims)</span>; "
                              "<span class=\"muted\">and 1 more</span>"));
    free(s);
}

/* Overlapping spans of every kind, split where they cross, at the very end of the text too. */
static void test_overlaps(void **state)
{
    (void)state;
    static const char t[] = "abcdefghij";
    rc_entity e[2] = {{2, 6, RC_ENT_LOC, "k", "K", NAN, NAN}, {5, 10, RC_ENT_PER, "p", "P", NAN, NAN}};
    rc_quote q[1] = {{4, 10, 0, {0}, NULL}};
    rc_mark m[2] = {{0, 3, RC_MARK_NUMBER, 1, NULL}, {3, 8, RC_MARK_TIME, NAN, NULL}};
    rc_claim c[1];
    memset(c, 0, sizeof c);
    c[0].start = 1;
    c[0].end = 5;
    c[0].value = c[0].low = c[0].high = NAN;
    c[0].explain = "";
    rp_doc d;
    memset(&d, 0, sizeof d);
    d.text = t;
    d.len = 10;
    d.ents = e;
    d.nents = 2;
    d.quotes = q;
    d.nquotes = 1;
    d.marks = m;
    d.nmarks = 2;
    d.claims = c;
    d.nclaims = 1;
    d.relay_of = -1;
    rp_view v = {&d, 1, NULL, 0, true, rp_default_limits};
    char *s = page_of(&v);
    char *body = strstr(s, "<div class=\"body\"");
    assert_non_null(body);
    *strstr(body, "</div>") = '\0';
    assert_nested(body);
    /* the text survives the splits: strip the tags and compare */
    char plain[64];
    size_t n = 0;
    for (const char *p = strchr(body, '>') + 1; *p && n < sizeof plain - 1; p++) {
        if (*p == '<') {
            p = strchr(p, '>');
            continue;
        }
        plain[n++] = *p;
    }
    plain[n] = '\0';
    assert_string_equal(plain, t);
    assert_int_equal(count(body, "id=\"d1-c1\""), 1);
    free(s);
}

static void test_escape(void **state)
{
    (void)state;
    rp_out o;
    rp_out_init(&o, NULL, NULL);
    rp_esc(&o, "a<b>&\"'\x01\x7f\xff\xc2\x85z\n", 14);
    assert_string_equal(o.b.data, "a&lt;b&gt;&amp;&quot;&#39;\xef\xbf\xbdz\n");
    rc_buf_reset(&o.b);
    rp_num(&o, 12000);
    rp_raw(&o, " ");
    rp_num(&o, 8500);
    rp_raw(&o, " ");
    rp_num(&o, 0.5);
    rp_raw(&o, " ");
    rp_num(&o, NAN);
    assert_string_equal(o.b.data, "12\xe2\x80\xaf" "000 8500 0.5 —");
    rc_buf_reset(&o.b);
    rp_esc_cut(&o, "ééé", 3); /* cut inside the second é: one character and an ellipsis */
    assert_string_equal(o.b.data, "é…");
    rc_buf_free(&o.b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape), cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_facts),  cmocka_unit_test(test_empty),
        cmocka_unit_test(test_caps),   cmocka_unit_test(test_overlaps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
