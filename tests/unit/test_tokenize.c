/*
 * test_tokenize.c - the French tokenizer and sentence splitter, case by case: each case is a
 * text and the tokens it must give, written "text|text|..." with the kind of chosen tokens.
 */
#include "rc_test.h"

#include "lang/fr/tokenize.h"

typedef struct tokens {
    rc_arena a;
    const char *text;
    rc_token *t;
    size_t n;
    rc_span *s;
    size_t ns;
} tokens;

static void tokenize(const rc_ctx *ctx, const char *text, tokens *r)
{
    rc_arena_init(&r->a);
    r->text = text;
    assert_int_equal(rc_fr_tokenize(ctx->fr, text, strlen(text), &r->a, &r->t, &r->n, &r->s, &r->ns),
                     RC_OK);
}

/* Checks the token texts joined by '|'. */
static void expect_tokens(const rc_ctx *ctx, const char *text, const char *want)
{
    tokens r;
    tokenize(ctx, text, &r);
    char got[2048];
    size_t w = 0;
    for (size_t i = 0; i < r.n && w < sizeof got - 64; i++) {
        if (i)
            got[w++] = '|';
        size_t len = r.t[i].end - r.t[i].start;
        memcpy(got + w, text + r.t[i].start, len);
        w += len;
    }
    got[w] = '\0';
    assert_string_equal(got, want);
    rc_arena_free(&r.a);
}

/* Checks the kind of the token whose text is tok. */
static void expect_kind(const rc_ctx *ctx, const char *text, const char *tok, int kind)
{
    tokens r;
    tokenize(ctx, text, &r);
    for (size_t i = 0; i < r.n; i++) {
        if (r.t[i].end - r.t[i].start == strlen(tok) && memcmp(text + r.t[i].start, tok, strlen(tok)) == 0) {
            assert_int_equal(r.t[i].kind, kind);
            rc_arena_free(&r.a);
            return;
        }
    }
    fail_msg("token '%s' not found in '%s'", tok, text);
}

static void test_elisions(void **state)
{
    expect_tokens(*state, "l’armée d'Alep jusqu’à presqu'île qu'il",
                  "l’|armée|d'|Alep|jusqu’|à|presqu'|île|qu'|il");
    expect_kind(*state, "l’armée", "l’", RC_TOK_ELISION);
    expect_tokens(*state, "aujourd'hui et aujourd’hui", "aujourd'hui|et|aujourd’hui");
}

static void test_hyphens_and_inversions(void **state)
{
    expect_tokens(*state, "Alep-Est, vingt-quatre, a-t-il dit, a-t-on appris, dit-elle",
                  "Alep-Est|,|vingt-quatre|,|a|-t-il|dit|,|a|-t-on|appris|,|dit|-elle");
    expect_kind(*state, "a-t-il", "-t-il", RC_TOK_CLITIC);
    expect_tokens(*state, "un cessez-le-feu, rappelons-le", "un|cessez-le-feu|,|rappelons|-le");
}

static void test_abbreviations(void **state)
{
    expect_tokens(*state, "M. Dupont et Mme Durand, av. J.-C., etc.",
                  "M.|Dupont|et|Mme|Durand|,|av.|J.-C.|,|etc.");
    expect_kind(*state, "selon M. Dupont", "M.", RC_TOK_ABBREV);
    expect_kind(*state, "les U.S.A. aussi", "U.S.A.", RC_TOK_ABBREV);
}

static void test_numbers(void **state)
{
    const rc_ctx *ctx = *state;
    expect_tokens(ctx, "7 796 civils, 80.000 personnes, 1,5 million, 3\xc2\xa0" "946 et 12\xe2\x80\xaf" "000",
                  "7 796|civils|,|80.000|personnes|,|1,5|million|,|3\xc2\xa0" "946|et|12\xe2\x80\xaf" "000");
    expect_kind(ctx, "7 796 civils", "7 796", RC_TOK_NUMBER);
    expect_kind(ctx, "soit 10k vues", "10k", RC_TOK_NUMBER);
    /* a year is not glued to the count that follows */
    expect_tokens(ctx, "en 2011 300 morts", "en|2011|300|morts");
}

static void test_times_dates_percent(void **state)
{
    const rc_ctx *ctx = *state;
    expect_kind(ctx, "à 9h30 du matin", "9h30", RC_TOK_TIME);
    expect_kind(ctx, "vers 20heures", "20heures", RC_TOK_TIME);
    expect_kind(ctx, "à 14:45", "14:45", RC_TOK_TIME);
    expect_kind(ctx, "le 15/12/2016", "15/12/2016", RC_TOK_DATE);
    expect_kind(ctx, "le 2016-12-15", "2016-12-15", RC_TOK_DATE);
    expect_kind(ctx, "le 15.12.16", "15.12.16", RC_TOK_DATE);
    expect_kind(ctx, "plus de 80 % des quartiers", "80 %", RC_TOK_PERCENT);
    expect_kind(ctx, "moins de 1% des", "1%", RC_TOK_PERCENT);
    expect_kind(ctx, "le 1er janvier", "1er", RC_TOK_ORDINAL);
    expect_kind(ctx, "la 2ème fois", "2ème", RC_TOK_ORDINAL);
    expect_kind(ctx, "au XIXe siècle", "XIXe", RC_TOK_ORDINAL);
    /* words that look like roman ordinals are words */
    expect_kind(ctx, "Ce matin", "Ce", RC_TOK_WORD);
    expect_kind(ctx, "Le matin", "Le", RC_TOK_WORD);
}

static void test_quotes_urls(void **state)
{
    const rc_ctx *ctx = *state;
    expect_tokens(ctx, "« Non. » “Oui” \"peut-être\"", "«|Non|.|»|“|Oui|”|\"|peut-être|\"");
    expect_kind(ctx, "« Non »", "«", RC_TOK_QUOTE_OPEN);
    expect_kind(ctx, "« Non »", "»", RC_TOK_QUOTE_CLOSE);
    expect_tokens(ctx, "Voir https://exemple.org/a?b=1. Écrire à presse@exemple.fr, merci…",
                  "Voir|https://exemple.org/a?b=1|.|Écrire|à|presse@exemple.fr|,|merci|…");
    expect_kind(ctx, "voir www.exemple.org", "www.exemple.org", RC_TOK_URL);
    expect_kind(ctx, "(...) puis", "(...)", RC_TOK_ELLIPSIS);
}

/* The lexer reads plain words, elisions and the punctuation after them without its DFA: the
 * tokens must be those the DFA gives. */
static void test_fast_paths(void **state)
{
    const rc_ctx *ctx = *state;
    /* I, V and X are roman numerals on their own and begin ordinals; other capitals never do */
    expect_kind(ctx, "au Ve siècle", "Ve", RC_TOK_ORDINAL);
    expect_kind(ctx, "le Ier Empire", "Ier", RC_TOK_ORDINAL);
    expect_kind(ctx, "la Vème République", "Vème", RC_TOK_ORDINAL);
    expect_kind(ctx, "Vingt soldats", "Vingt", RC_TOK_WORD);
    expect_kind(ctx, "Vénus", "Vénus", RC_TOK_WORD);
    expect_kind(ctx, "Il vit", "Il", RC_TOK_WORD);
    expect_kind(ctx, "De Gaulle", "De", RC_TOK_WORD);
    /* before a full stop, the lexicon says whether a word is an abbreviation */
    expect_tokens(ctx, "Il est parti. Mme. Martin et MM. Durand, tél. 01, févr. 2020, etc.",
                  "Il|est|parti|.|Mme.|Martin|et|MM.|Durand|,|tél.|01|,|févr.|2020|,|etc.");
    expect_kind(ctx, "le Gén. Dupont", "Gén.", RC_TOK_ABBREV);
    expect_kind(ctx, "il a parlé.", ".", RC_TOK_PUNCT);
    /* but a single letter may be an initial or begin p. ex., and other dots mean more */
    expect_tokens(ctx, "Un soldat, p. ex. Paul, et F. Kennedy, attendre... À Alep.",
                  "Un|soldat|,|p. ex.|Paul|,|et|F.|Kennedy|,|attendre|...|À|Alep|.");
    expect_tokens(ctx, "jean.dupont@exemple.fr et www. exemple",
                  "jean.dupont@exemple.fr|et|www|.|exemple");
    /* elisions need a letter after the apostrophe */
    expect_tokens(ctx, "L'État, l’Élysée, Qu’elle, d'1 et c'",
                  "L'|État|,|l’|Élysée|,|Qu’|elle|,|d|'|1|et|c|'");
    expect_kind(ctx, "Qu’elle", "Qu’", RC_TOK_ELISION);
    /* punctuation right after a word */
    expect_tokens(ctx, "oui, non; fin) et fin! puis? À.", "oui|,|non|;|fin|)|et|fin|!|puis|?|À|.");
    /* a number before a space and a letter, unless the letter makes a time */
    expect_tokens(ctx, "37 civils, 12 000 morts, 9 h 30, 9 heures, 3 états, 80 %",
                  "37|civils|,|12 000|morts|,|9 h 30|,|9|heures|,|3|états|,|80 %");
    expect_kind(ctx, "37 civils", "37", RC_TOK_NUMBER);
    expect_kind(ctx, "à 9 h 30", "9 h 30", RC_TOK_TIME);
    /* line breaks and blank lines, with or without space in them, flag the next token */
    tokens r;
    tokenize(ctx, "Un\nDeux\n\nTrois\n \nQuatre\n«", &r);
    assert_int_equal(r.n, 5);
    assert_int_equal(r.t[1].flags & (RC_TF_NEWLINE | RC_TF_PARAGRAPH), RC_TF_NEWLINE);
    assert_int_equal(r.t[2].flags & (RC_TF_NEWLINE | RC_TF_PARAGRAPH), RC_TF_NEWLINE | RC_TF_PARAGRAPH);
    assert_int_equal(r.t[3].flags & (RC_TF_NEWLINE | RC_TF_PARAGRAPH), RC_TF_NEWLINE | RC_TF_PARAGRAPH);
    assert_int_equal(r.t[4].flags & (RC_TF_NEWLINE | RC_TF_PARAGRAPH), RC_TF_NEWLINE);
    rc_arena_free(&r.a);
    /* a capital, ASCII or Latin-1, flags the token */
    tokenize(ctx, "État, Paris et été", &r);
    assert_int_equal(r.n, 5);
    assert_true(r.t[0].flags & RC_TF_UPPER);
    assert_false(r.t[1].flags & RC_TF_UPPER);
    assert_true(r.t[2].flags & RC_TF_UPPER);
    assert_false(r.t[4].flags & RC_TF_UPPER);
    rc_arena_free(&r.a);
}

/* The sentences of text, joined by " || ". */
static void expect_sentences(const rc_ctx *ctx, const char *text, const char *want)
{
    tokens r;
    tokenize(ctx, text, &r);
    char got[2048];
    size_t w = 0;
    for (size_t i = 0; i < r.ns; i++) {
        if (i) {
            memcpy(got + w, " || ", 4);
            w += 4;
        }
        size_t len = r.s[i].end - r.s[i].start;
        memcpy(got + w, text + r.s[i].start, len);
        w += len;
    }
    got[w] = '\0';
    assert_string_equal(got, want);
    rc_arena_free(&r.a);
}

static void test_sentences(void **state)
{
    const rc_ctx *ctx = *state;
    expect_sentences(ctx, "M. Dupont est arrivé. Il a parlé.", "M. Dupont est arrivé. || Il a parlé.");
    /* a full stop inside a quote ends the sentence after the closing quote */
    expect_sentences(ctx, "Il a dit : « C'est fini. » Puis il est parti.",
                     "Il a dit : « C'est fini. » || Puis il est parti.");
    /* a quote followed by its attribution stays one sentence */
    expect_sentences(ctx, "« C'est fini », a-t-il dit. Ensuite ?",
                     "« C'est fini », a-t-il dit. || Ensuite ?");
    /* ! and ? followed by lower case do not end the sentence */
    expect_sentences(ctx, "Quoi ? dit-il. Bien !", "Quoi ? dit-il. || Bien !");
    /* a heading line without a full stop is a sentence of its own */
    expect_sentences(ctx, "Un bilan lourd\nLes secours comptent les victimes.",
                     "Un bilan lourd || Les secours comptent les victimes.");
    /* a line broken before a closing quote continues the sentence */
    expect_sentences(ctx, "« Nous avons vu des morts\n», a-t-il ajouté.",
                     "« Nous avons vu des morts\n», a-t-il ajouté.");
    /* abbreviations and initials do not end sentences; etc. may */
    expect_sentences(ctx, "Selon le Dr. Martin et J. F. Kennedy, rien. Des armes, des vivres, etc. "
                          "Les convois partent.",
                     "Selon le Dr. Martin et J. F. Kennedy, rien. || Des armes, des vivres, etc. || "
                     "Les convois partent.");
    /* a capital letter that ends a sentence (a name, a label) before a determiner, a pronoun
     * or a number word is no initial */
    expect_sentences(ctx, "Le ministère l'a annoncé sur X. Selon lui, le camp B. Trois obus. "
                          "La zone C. L’armée y est. Le général A. Diallo parle.",
                     "Le ministère l'a annoncé sur X. || Selon lui, le camp B. || Trois obus. || "
                     "La zone C. || L’armée y est. || Le général A. Diallo parle.");
    /* numbers may start a sentence */
    expect_sentences(ctx, "Ils ont fui. 80.000 personnes sont parties.",
                     "Ils ont fui. || 80.000 personnes sont parties.");
}

static void test_sentence_flags(void **state)
{
    tokens r;
    tokenize(*state, "Un. Deux.", &r);
    assert_int_equal(r.n, 4);
    assert_true(r.t[0].flags & RC_TF_SENTSTART);
    assert_false(r.t[1].flags & RC_TF_SENTSTART);
    assert_true(r.t[2].flags & RC_TF_SENTSTART);
    assert_true(r.t[2].flags & RC_TF_UPPER);
    rc_arena_free(&r.a);
}

static void test_empty_and_odd(void **state)
{
    tokens r;
    tokenize(*state, "", &r);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.ns, 0);
    rc_arena_free(&r.a);
    expect_tokens(*state, "a € ☺ b", "a|€|☺|b");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_elisions),       cmocka_unit_test(test_hyphens_and_inversions),
        cmocka_unit_test(test_abbreviations),  cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_times_dates_percent), cmocka_unit_test(test_quotes_urls),
        cmocka_unit_test(test_fast_paths),
        cmocka_unit_test(test_sentences),      cmocka_unit_test(test_sentence_flags),
        cmocka_unit_test(test_empty_and_odd),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
