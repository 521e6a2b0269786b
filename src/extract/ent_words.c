/*
 * ent_words.c - what the entity stage asks of one token or word: its cue class (ent_cues.tsv),
 * what the name lists say of it alone (a given name, a place, a country, an organisation, a
 * nationality or a people), whether it is a function word, an acronym, an article name
 * (al-Assad), a common word in capitals, an adjective that may continue an organisation's name,
 * a model's designation; and the type the gazetteers alone give a run of words. The answers that
 * depend on the word alone are kept in the thread's word table across documents, the others in
 * the per-token memos of ent_run (see ent_int.h for the readers of those memos).
 */
#include <string.h>

#include "extract/ent_int.h"
#include "lang/fr/morph.h"

static int ent_demonym(const ent_run *r, const char *s, size_t n);
static bool ent_article_name_q(ent_run *r, size_t i);

/* The cue class of a word, from ent_cues.tsv. */
static enum ent_cue ent_cue_of(const ent_lex *lx, const char *s, size_t n)
{
    const char *v = rc_lex_get(lx->cues, s, n);
    const char *h = !v && n > 4 ? memchr(s + 1, '-', n - 2 < 6 ? n - 2 : 6) : NULL;
    if (h) { /* sous-préfet, vice-ministre: a prefix of ent_cues.tsv and a title */
        const char *pv = rc_lex_get(lx->cues, s, (size_t)(h - s) + 1);
        const char *tv = pv && strcmp(pv, "prefix") == 0
                             ? rc_lex_get(lx->cues, h + 1, n - (size_t)(h - s) - 1)
                             : NULL;
        if (tv && (strcmp(tv, "title") == 0 || strcmp(tv, "loctitle") == 0))
            v = tv;
    }
    if (!v)
        return CUE_NONE;
    static const char *const names[] = {"", "title", "honor", "orghead", "lochead",
                                        "locprep", "locnoun", "particle", "stop", "orgtail",
                                        "miscnoun", "orgcap", "loctitle", "locde",
                                        "outlet", "mischead", "compass", "regnoun",
                                        "nick", "named", "own"};
    for (size_t i = 1; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(v, names[i]) == 0)
            return (enum ent_cue)i;
    return CUE_NONE;
}

/* What the name lists say of token i alone, looked up once per document. */
unsigned ent_tword_ask(ent_run *r, size_t i)
{
    uint8_t *w = &r->tword[i];
    uint64_t v;
    if (!(*w & W_SET) && rc_word_get(r->doc, i, RC_WM_ENT_WORD, &v))
        *w = (uint8_t)v; /* a function of the word: kept across documents */
    if (!(*w & W_SET)) {
        const char *s = tok_s(r->doc, i);
        size_t n = tok_n(r->doc, i);
        unsigned b = W_SET;
        rc_lex_key k; /* folded once, one probe for the four lists */
        rc_lex_key_make(s, n, &k);
        unsigned g = rc_gaz_word(r->gaz, &k);
        if (g & RC_GAZ_FIRST)
            b |= W_FIRST;
        if (g & RC_GAZ_PLACE)
            b |= W_PLACE;
        if (g & RC_GAZ_COUNTRY)
            b |= W_COUNTRY;
        if ((g & RC_GAZ_ORG) && (n > 3 || ent_acronym(s, n)))
            b |= W_ORG;
        const char *h = n > 6 && !(b & (W_FIRST | W_PLACE | W_COUNTRY | W_ORG))
                            ? memchr(s + 3, '-', n - 4)
                            : NULL;
        if (h) { /* Jean-de-Dieu, Marie-Claire: a compound given name */
            rc_lex_key k2;
            rc_lex_key_make(s, (size_t)(h - s), &k2);
            if (rc_gaz_word(r->gaz, &k2) == RC_GAZ_FIRST)
                b |= W_FIRST;
        }
        int dm = ent_demonym(r, s, n);
        if (dm)
            b |= dm == 2 ? W_PEOPLE : W_DEMO;
        *w = (uint8_t)b;
        rc_word_set(r->doc, i, RC_WM_ENT_WORD, b);
    }
    return *w;
}

/* ent_cue_of the word of token i, kept in the thread's word table across documents. */
static enum ent_cue ent_cue_tok(ent_run *r, size_t i)
{
    uint64_t v;
    if (rc_word_get(r->doc, i, RC_WM_ENT_CUE, &v))
        return (enum ent_cue)v;
    enum ent_cue k = ent_cue_of(&r->lx, tok_s(r->doc, i), tok_n(r->doc, i));
    rc_word_set(r->doc, i, RC_WM_ENT_CUE, (uint64_t)k);
    return k;
}

/* Keeps in token i's memo the cue class k of its word (ent_cue_of), turned into the token's:
 * CUE_ORGCAP by its capital, CUE_OUTLET and CUE_REGNOUN into a head with its bit. */
static inline void ent_tcue_put(ent_run *r, size_t i, enum ent_cue k)
{
    uint16_t *c = &r->tcache[i];
    if (k == CUE_ORGCAP)
        k = r->doc->toks[i].flags & RC_TF_UPPER ? CUE_ORGHEAD : CUE_NONE;
    unsigned outlet = 0;
    if (k == CUE_OUTLET) {
        k = CUE_ORGHEAD;
        outlet = TC_OUTLET;
    } else if (k == CUE_REGNOUN) {
        k = CUE_LOCNOUN;
        outlet = TC_REGION;
    }
    *c = (uint16_t)(*c | TC_CUE_SET | outlet | (unsigned)k);
}

/* The cue class of token i, looked up once per document. */
enum ent_cue ent_tcue_ask(ent_run *r, size_t i)
{
    uint16_t *c = &r->tcache[i];
    if (!(*c & TC_CUE_SET)) {
        const rc_token *t = &r->doc->toks[i];
        ent_tcue_put(r, i,
                     t->kind == RC_TOK_WORD || t->kind == RC_TOK_ELISION ||
                             t->kind == RC_TOK_ABBREV
                         ? ent_cue_tok(r, i)
                         : CUE_NONE);
    }
    return (enum ent_cue)(*c & TC_CUE);
}

/* Copies into the memos of word token i the answers its word already has in the word table (cue
 * class, function word, name lists), all read from one record: a capitalised word is asked all
 * three soon after being found namelike, and each ask on its own would look the record up
 * again. The answers the word lacks are left to the asks. */
static void ent_tfill(ent_run *r, size_t i)
{
    const rc_word *w = rc_word_at(r->doc, i);
    if (!w)
        return;
    uint16_t *c = &r->tcache[i];
    if ((w->have >> RC_WM_ENT_CUE & 1u) && !(*c & TC_CUE_SET))
        ent_tcue_put(r, i, (enum ent_cue)w->memo[RC_WM_ENT_CUE]);
    if ((w->have >> RC_WM_ENT_FUNC & 1u) && !(*c & TC_FUNC_SET))
        *c = (uint16_t)(*c | TC_FUNC_SET | (w->memo[RC_WM_ENT_FUNC] ? TC_FUNC : 0));
    if ((w->have >> RC_WM_ENT_WORD & 1u) && !(r->tword[i] & W_SET))
        r->tword[i] = (uint8_t)w->memo[RC_WM_ENT_WORD];
}

/* Whether token i is a function word (funcwords.txt), looked up once per document. */
bool ent_tfunc_ask(ent_run *r, size_t i)
{
    uint16_t *c = &r->tcache[i];
    if (!(*c & TC_FUNC_SET)) {
        uint64_t v;
        bool f;
        if (rc_word_get(r->doc, i, RC_WM_ENT_FUNC, &v)) { /* kept across documents */
            f = v != 0;
        } else {
            f = rc_lex_get(r->lx.func, tok_s(r->doc, i), tok_n(r->doc, i)) != NULL;
            rc_word_set(r->doc, i, RC_WM_ENT_FUNC, f);
        }
        *c = (uint16_t)(*c | TC_FUNC_SET | (f ? TC_FUNC : 0));
    }
    return *c & TC_FUNC;
}

/* Whether a word token is all capitals and digits, two characters or more with a letter: an
 * acronym (ONU, M23). Latin-1 capitals count. */
bool ent_acronym(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            letters++;
        else if (c == 0xc3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0x9e)
            letters++, i++;
        else if (!(c >= '0' && c <= '9') && c != '-')
            return false;
    }
    return letters >= 1 && n >= 2;
}

/* Whether a lower-case word carries the Arabic article before a capital: al-Qasr, el-Assad,
 * ad-Din. */
bool ent_article_name(const char *s, size_t n)
{
    if (n < 4 || (s[0] != 'a' && s[0] != 'e' && s[0] != 'u'))
        return false;
    size_t i = 0;
    while (i < n && i < 4 && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i + 1 >= n || s[i] != '-')
        return false;
    static const char *const art[] = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an",
                                      "ed", "er", "es", "ech", "et", "ez", "ul", "ud"};
    bool found = false;
    for (size_t k = 0; k < sizeof art / sizeof art[0]; k++)
        if (art[k][0] == s[0] && strlen(art[k]) == i && memcmp(art[k], s, i) == 0)
            found = true;
    if (!found)
        return false;
    unsigned char c = (unsigned char)s[i + 1];
    return (c >= 'A' && c <= 'Z') || c == 0xc3;
}

/* ent_head_of of a word that starts like an article name (ent_int.h tests that first). */
enum ent_cue ent_head_of_article(ent_run *r, size_t i)
{
    const char *s = tok_s(r->doc, i);
    size_t n = tok_n(r->doc, i);
    if (!ent_shape(r, i, SH_ARTICLE, ent_article_name_q))
        return ent_tcue(r, i);
    const char *h = memchr(s, '-', n);
    n -= (size_t)(h + 1 - s);
    enum ent_cue k = ent_cue_of(&r->lx, h + 1, n);
    /* al-Markaz: capitalised after the article */
    return k == CUE_ORGCAP || k == CUE_OUTLET ? CUE_ORGHEAD : k == CUE_REGNOUN ? CUE_LOCNOUN : k;
}

/* Whether token i, written all in capitals, is a common word of the dictionary (three letters or
 * more, or a grammar word of two: LE, UN) that no name list holds: a word of a headline in
 * capitals (LE PEUPLE RÉSISTE, NAUFRAGE D'UN FERRY), not a name. Acronyms are unknown to the
 * dictionary or proper nouns there. */
static bool ent_caps_common(const rc_doc *d, size_t i)
{
    const char *s = tok_s(d, i);
    size_t n = tok_n(d, i);
    if (n < 2 || !ent_acronym(s, n))
        return false;
    for (size_t k = 0; k < n; k++)
        if (s[k] >= '0' && s[k] <= '9')
            return false;
    rc_morph m;
    if (!rc_fr_morph_tok(d, i, &m))
        return false;
    bool func = m.flags & RC_M_FUNC; /* ET, LES: a grammar word even when a name too */
    if ((!func && (m.flags & RC_M_PROPER)) ||
        !(m.flags & (RC_M_NOUN | RC_M_VERB | RC_M_ADJ | RC_M_ADV | RC_M_FUNC)) ||
        (n == 2 && !func))
        return false; /* two capitals: only a grammar word (UN, LE), else an acronym (UE) */
    const rc_gaz *g = rc_gaz_get(d->ctx);
    rc_lex_key k;
    rc_lex_key_make(s, n, &k);
    return g && !rc_gaz_word(g, &k);
}

/* ent_caps_common as an ent_shape question. */
static bool ent_caps_common_q(ent_run *r, size_t i)
{
    return ent_caps_common(r->doc, i);
}

/* ent_article_name as an ent_shape question. */
static bool ent_article_name_q(ent_run *r, size_t i)
{
    return ent_article_name(tok_s(r->doc, i), tok_n(r->doc, i));
}

/* Whether the word in capitals at token i, a common word of the dictionary, opens a name the
 * lists know, whose next word is written as a name and not in capitals (RIA Novosti: ria is
 * a word of the dictionary): in a headline in capitals every word would be. */
static bool ent_caps_known(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    if (i + 1 >= d->ntoks || d->toks[i + 1].kind != RC_TOK_WORD ||
        !(d->toks[i + 1].flags & RC_TF_UPPER) || d->toks[i + 1].start != d->toks[i].end + 1 ||
        ent_acronym(tok_s(d, i + 1), tok_n(d, i + 1)))
        return false;
    return rc_gaz_starts_name(r->gaz, tok_s(d, i), tok_n(d, i)) &&
           ent_type_known_run(r, i, i + 2) != -1;
}

/* Whether token i can be part of a name: a capitalised word, an acronym, or an article name.
 * Asked of most tokens several times (runs, look-backs, look-aheads): answered once per token,
 * and the part that depends on the word alone once per word (ent_shape). */
bool ent_namelike_ask(ent_run *r, size_t i)
{
    uint8_t *m = &r->tname[i];
    const rc_doc *d = r->doc;
    const rc_token *t = &d->toks[i];
    bool yes;
    if (t->kind != RC_TOK_WORD) {
        yes = false;
    } else if (t->flags & RC_TF_UPPER) {
        ent_tfill(r, i);
        yes = !ent_shape(r, i, SH_CAPS_COMMON, ent_caps_common_q) || ent_caps_known(r, i);
    } else {
        const char *s = tok_s(d, i);
        /* most lower-case words fail the article's first test: no memo needed */
        yes = tok_n(d, i) >= 4 && ent_article_start(s[0]) &&
              ent_shape(r, i, SH_ARTICLE, ent_article_name_q);
    }
    *m = yes ? 2 : 1;
    return yes;
}

/* Whether a capitalised word opening a sentence is a common word rather than a name: a function
 * word, a cue word, or a word the dictionary knows only as a common word. */
bool ent_common_opener(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    if (ent_tfunc(r, i))
        return true;
    enum ent_cue c = ent_tcue(r, i);
    if (c == CUE_STOP || c == CUE_COMPASS || c == CUE_TITLE || c == CUE_LOCTITLE ||
        c == CUE_LOCPREP ||
        c == CUE_LOCNOUN || c == CUE_HONOR)
        return true;
    if ((c == CUE_ORGHEAD || c == CUE_LOCHEAD) && i + 1 < d->ntoks && ent_namelike(r, i + 1) &&
        !(d->toks[i + 1].flags & RC_TF_SENTSTART))
        return false; /* Radio Okapi indique: the head of the name */
    if (ent_tword(r, i) & (W_FIRST | W_PLACE | W_COUNTRY | W_ORG))
        return false;
    rc_morph m;
    if (rc_fr_morph_tok(d, i, &m) && !(m.flags & RC_M_PROPER) &&
        (m.flags & (RC_M_NOUN | RC_M_VERB | RC_M_ADJ | RC_M_ADV | RC_M_FUNC)))
        return true;
    return false;
}

/* Whether a lower-case word may continue an organisation's name after its head: an adjective
 * by its ending (syrien, islamique, nationale ...: "adjend" entries of ent_cues.tsv, or the
 * dictionary's adjectives). */
static bool ent_org_adjective_q(ent_run *r, size_t tok)
{
    const char *s = tok_s(r->doc, tok);
    size_t n = tok_n(r->doc, tok);
    static const char *const ends[] = {"ien", "ienne", "iens", "iennes", "ique", "iques",
                                       "aire", "aires", "ais", "aise", "aises", "ain",
                                       "aine", "ains", "aines", "al", "ale", "aux", "ales",
                                       "el", "elle", "els", "elles", "if", "ive", "ifs",
                                       "ives", "libre", "libres", "unies", "unis", "arabe",
                                       "rouge", "rouges", "blancs", "blanches", "turc",
                                       "turque", "kurde", "kurdes", "russe", "russes", "armé",
                                       "armée", "armés", "armées"};
    rc_morph m;
    bool known = rc_fr_morph(r->doc->ctx, s, n, &m);
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t l = strlen(ends[i]);
        if (n >= l && memcmp(s + n - l, ends[i], l) == 0) /* unless only a verb: arrive */
            return !known || (m.flags & RC_M_ADJ) || !(m.flags & RC_M_VERB);
    }
    return known && (m.flags & RC_M_ADJ) && !(m.flags & (RC_M_VERB | RC_M_FUNC)) &&
           !rc_lex_get(r->lx.func, s, n);
}

/* ent_org_adjective_q of token i, once per word (ent_shape). */
bool ent_org_adjective(ent_run *r, size_t i)
{
    return ent_shape(r, i, SH_ORG_ADJ, ent_org_adjective_q);
}

/* Whether a word is a nationality or people noun: the entry (masculine singular) or its
 * feminine and plural forms (Syriens, Kurdes, Syriennes). 2 for a people (the entry's value is
 * "people"), 1 for a nationality, 0 for neither. */
static int ent_demonym_entry(const ent_run *r, const char *s, size_t n)
{
    const char *v = rc_lex_get(r->lx.demonyms, s, n);
    return !v ? 0 : strcmp(v, "people") == 0 ? 2 : 1;
}

static int ent_demonym(const ent_run *r, const char *s, size_t n)
{
    int k;
    if ((k = ent_demonym_entry(r, s, n)))
        return k;
    if (n > 2 && s[n - 1] == 's') {
        if ((k = ent_demonym_entry(r, s, n - 1)))
            return k;
        if (n > 4 && memcmp(s + n - 3, "nes", 3) == 0 && (k = ent_demonym_entry(r, s, n - 3)))
            return k;
        if (n > 3 && s[n - 2] == 'e' && (k = ent_demonym_entry(r, s, n - 2)))
            return k;
    }
    if (n > 3 && s[n - 1] == 'e' && s[n - 2] == 'n' && (k = ent_demonym_entry(r, s, n - 2)))
        return k;
    return 0;
}

/* ent_type_known of a run of several words (ent_int.h answers one word from its cached bits). */
int ent_type_known_run(ent_run *r, size_t a, size_t b)
{
    const rc_doc *d = r->doc;
    /* no organisation or country starts with the first word: the run is none, unfolded */
    if (!ent_may_be_known(r, a))
        return -1;
    const char *s = d->text + d->toks[a].start;
    size_t n = d->toks[b - 1].end - d->toks[a].start;
    rc_lex_key k;
    rc_lex_key_make(s, n, &k);
    if (rc_lex_get_key(r->lx.orgs, &k))
        return RC_ENT_ORG;
    if (rc_lex_get_key(r->lx.countries, &k))
        return RC_ENT_LOC;
    return -1;
}

/* Whether the run [a, b) opening a sentence is an unknown word then a name the lexicons know
 * (Même Al Jazeera, Hier Kharkiv): the first word is then no part of the name. */
bool ent_known_rest(ent_run *r, size_t a, size_t b)
{
    const rc_doc *d = r->doc;
    if (b - a < 2)
        return false;
    if ((ent_tword(r, a) & (W_FIRST | W_PLACE | W_COUNTRY | W_ORG)) ||
        ent_tcue(r, a) != CUE_NONE)
        return false;
    const char *s = tok_s(d, a + 1);
    size_t n = d->toks[b - 1].end - d->toks[a + 1].start;
    return ent_type_known(r, a + 1, b) != -1 || (ent_tword(r, a + 1) & W_FIRST) ||
           rc_lex_get(r->lx.places, s, n);
}

/* Whether a word is a model's designation: one to three letters, a hyphen, digits (F-16, Su-25,
 * MQ-9, KAB-500), the first a capital. */
bool ent_model(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 4 && ((s[i] >= 'A' && s[i] <= 'Z') || (i > 0 && s[i] >= 'a' && s[i] <= 'z')))
        i++;
    if (i == 0 || i > 3 || i + 1 >= n || s[i] != '-' || s[0] < 'A' || s[0] > 'Z')
        return false;
    for (size_t k = i + 1; k < n; k++)
        if (s[k] < '0' || s[k] > '9')
            return false;
    return true;
}
