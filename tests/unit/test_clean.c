/*
 * test_clean.c - noise removal and language decision: what is dropped, why, and that prose,
 * headings and dated source lines stay.
 */
#include "rc_test.h"

#include "lang/fr/tokenize.h"
#include "text/clean.h"

typedef struct clean_case {
    rc_arena a;
    rc_clean_out out;
} clean_case;

/* Tokenizes and cleans in (NUL-terminated), as the pipeline does. */
static void run_clean(const rc_ctx *ctx, const char *in, clean_case *c)
{
    rc_arena_init(&c->a);
    rc_token *toks;
    size_t n;
    assert_int_equal(rc_fr_lex(ctx->fr, in, strlen(in), &c->a, &toks, &n), RC_OK);
    assert_int_equal(rc_clean(ctx, in, strlen(in), toks, n, &c->a, &c->out), RC_OK);
    /* every kept token lies in the cleaned text, in order */
    for (size_t i = 0; i < c->out.ntoks; i++) {
        assert_true(c->out.toks[i].end <= c->out.len);
        assert_true(i == 0 || c->out.toks[i].start >= c->out.toks[i - 1].end);
    }
}

/* Whether the cleaned text contains the line exactly. */
static int has_line(const clean_case *c, const char *line)
{
    size_t n = strlen(line);
    const char *t = c->out.text;
    for (const char *p = t; (p = strstr(p, line)); p++)
        if ((p == t || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return 1;
    return 0;
}

/* The reason the line was dropped, or NULL. */
static const char *dropped(const clean_case *c, const char *in, const char *line)
{
    for (size_t i = 0; i < c->out.nnoise; i++) {
        const rc_noise *n = &c->out.noise[i];
        if (n->end - n->start == strlen(line) && memcmp(in + n->start, line, strlen(line)) == 0)
            return n->reason;
    }
    return NULL;
}

static const char *const prose =
    "Les forces gouvernementales ont repris le quartier mardi, selon une source militaire.\n";

static void test_digit_line(void **state)
{
    char in[512];
    snprintf(in, sizeof in, "%s902341 11 07 1479823311 12\n%s", prose, prose + 4);
    clean_case c;
    run_clean(*state, in, &c);
    assert_string_equal(dropped(&c, in, "902341 11 07 1479823311 12"), "digits");
    assert_null(strstr(c.out.text, "1479823311"));
    rc_arena_free(&c.a);
}

static void test_keyword_bag(void **state)
{
    const char *in = "Un convoi humanitaire est entré dans la ville assiégée ce matin.\n"
                     "guerre conflit syrie actualité monde\n";
    clean_case c;
    run_clean(*state, in, &c);
    assert_string_equal(dropped(&c, in, "guerre conflit syrie actualité monde"), "keywords");
    assert_true(has_line(&c, "Un convoi humanitaire est entré dans la ville assiégée ce matin."));
    rc_arena_free(&c.a);
}

static void test_furniture(void **state)
{
    const char *in = "Le bilan provisoire fait état de douze morts.\n"
                     "Partager sur Facebook\n"
                     "Réagir à cet article\n"
                     "Lire aussi\n"
                     "Abonnez-vous à notre newsletter\n"
                     "Partager l'émotion des familles\n";
    clean_case c;
    run_clean(*state, in, &c);
    assert_string_equal(dropped(&c, in, "Partager sur Facebook"), "furniture");
    assert_string_equal(dropped(&c, in, "Réagir à cet article"), "furniture");
    assert_string_equal(dropped(&c, in, "Lire aussi"), "furniture");
    assert_string_equal(dropped(&c, in, "Abonnez-vous à notre newsletter"), "furniture");
    /* one furniture word among content words is prose */
    assert_true(has_line(&c, "Partager l'émotion des familles"));
    rc_arena_free(&c.a);
}

static void test_repeats(void **state)
{
    const char *in = "Trêve rompue à l'aube\n"
                     "Les combats ont repris avant le lever du jour ; la trêve rompue à l'aube "
                     "n'aura duré que six heures.\n"
                     "Un bilan lourd\n"
                     "Les secours comptent les victimes.\n"
                     "Les secours comptent les victimes.\n";
    clean_case c;
    run_clean(*state, in, &c);
    /* a sub-heading repeated inside the body, and a duplicated paragraph */
    assert_string_equal(dropped(&c, in, "Trêve rompue à l'aube"), "repeat");
    assert_int_equal(c.out.nnoise, 2);
    /* a sub-heading that does not repeat stays, and so does the first copy of the paragraph */
    assert_true(has_line(&c, "Un bilan lourd"));
    assert_true(has_line(&c, "Les secours comptent les victimes."));
    rc_arena_free(&c.a);

    /* same length, same first and last eight bytes: only the middle tells them apart */
    in = "Le maire a vu la ville en ruine ce soir.\n"
         "Le maire a lu la ville en ruine ce soir.\n";
    run_clean(*state, in, &c);
    assert_int_equal(c.out.nnoise, 0);
    rc_arena_free(&c.a);
}

static void test_source_lines_kept(void **state)
{
    const char *in = "Sources :\n"
                     "Le Courrier de Vardes (Vardes) : Les secours entrent dans la vieille ville, "
                     "08/03/21\n";
    clean_case c;
    run_clean(*state, in, &c);
    assert_int_equal(c.out.nnoise, 0);
    assert_true(has_line(&c, "Sources :"));
    rc_arena_free(&c.a);
}

static void test_blank_lines_and_spaces(void **state)
{
    const char *in = "  Premier paragraphe du texte.  \n\xc2\xa0\n\n\n\tSecond paragraphe du texte.\n"
                     "Suite du second.\n";
    clean_case c;
    run_clean(*state, in, &c);
    assert_string_equal(c.out.text, "Premier paragraphe du texte.\n\nSecond paragraphe du texte.\n"
                                    "Suite du second.");
    rc_arena_free(&c.a);
}

static void test_language(void **state)
{
    const rc_ctx *ctx = *state;
    clean_case c;
    run_clean(ctx, prose, &c);
    assert_string_equal(rc_clean_lang(ctx, &c.out), "fr");
    rc_arena_free(&c.a);
    run_clean(ctx, "The government said on Tuesday that the convoy of the agency was in the city "
                   "and that it would leave after the talks.", &c);
    assert_string_equal(rc_clean_lang(ctx, &c.out), "en");
    rc_arena_free(&c.a);
    run_clean(ctx, "Alep", &c);
    assert_null(rc_clean_lang(ctx, &c.out));
    rc_arena_free(&c.a);
    /* a dispatch of one line: few function words, but none of another language */
    run_clean(ctx, "Le bombardement a fait 12 morts et 43 blessés.", &c);
    assert_string_equal(rc_clean_lang(ctx, &c.out), "fr");
    rc_arena_free(&c.a);
    run_clean(ctx, "Home | Contact | A propos", &c);
    assert_null(rc_clean_lang(ctx, &c.out));
    rc_arena_free(&c.a);
}

/* The French function words the cleaner counts in word, given alone as one token of kind WORD,
 * at the end of the text or followed by spaces: a word is folded eight bytes at a time or byte by
 * byte, by reading past it or not, and an ASCII word is looked up case-blind. */
static size_t fr_funcwords(const rc_ctx *ctx, const char *word, bool at_end)
{
    char text[64];
    size_t n = strlen(word);
    snprintf(text, sizeof text, "%s%s", word, at_end ? "" : "                ");
    size_t fr = 0;
    while (strcmp(ctx->langs[fr].code, "fr") != 0)
        fr++;
    rc_arena a;
    rc_arena_init(&a);
    rc_token t = {0, (uint32_t)n, RC_TOK_WORD, 0};
    rc_clean_out out;
    assert_int_equal(rc_clean(ctx, text, strlen(text), &t, 1, &a, &out), RC_OK);
    rc_arena_free(&a);
    return out.funcwords[fr];
}

static void test_word_folding(void **state)
{
    static const char *const func[] = {"qu'", "QU'", "Qu'", "qu\xe2\x80\x99", "qu\xca\xbc",
                                       "\xc3\xa0", "\xc3\x80", "o\xc3\xb9", "O\xc3\x99"};
    /* bit 5 makes ' of the control character 0x07, which must not pass for qu' */
    static const char *const other[] = {"qu\x07", "QU\x07", "quo", "\xc3\xa1"};
    for (int at_end = 0; at_end < 2; at_end++) {
        for (size_t i = 0; i < sizeof func / sizeof *func; i++)
            assert_int_equal(fr_funcwords(*state, func[i], at_end), 1);
        for (size_t i = 0; i < sizeof other / sizeof *other; i++)
            assert_int_equal(fr_funcwords(*state, other[i], at_end), 0);
    }
}

/* Function words are counted among the first RC_CLEAN_PROBED (48) words of a line, and in every
 * clitic: sums of several words are added to the line's counts at a clitic and at the line's end. */
static void test_function_word_counts(void **state)
{
    const rc_ctx *ctx = *state;
    char in[512] = "";
    for (int i = 0; i < 60; i++)
        strcat(in, "le ");
    strcat(in, "a-t-il le");
    size_t fr = 0;
    while (strcmp(ctx->langs[fr].code, "fr") != 0)
        fr++;
    clean_case c;
    run_clean(ctx, in, &c);
    assert_int_equal(c.out.funcwords[fr], 48 + 1);
    assert_int_equal(c.out.words, 63);
    rc_arena_free(&c.a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digit_line),        cmocka_unit_test(test_keyword_bag),
        cmocka_unit_test(test_furniture),         cmocka_unit_test(test_repeats),
        cmocka_unit_test(test_source_lines_kept), cmocka_unit_test(test_blank_lines_and_spaces),
        cmocka_unit_test(test_language),          cmocka_unit_test(test_word_folding),
        cmocka_unit_test(test_function_word_counts),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
