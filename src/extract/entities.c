/*
 * entities.c - the entity stage: finds the names of a document (runs of capitalised words, names
 * with Arabic particles, acronyms, organisation names headed by Comité, Front, Observatoire ...),
 * types them PER, ORG, LOC or MISC from the gazetteers and from the words around them (titles
 * before persons, place triggers before places), keys them (keys.c) and links the spellings of
 * one entity (entlink.c). The language knowledge is in data/fr/ent_*.tsv|txt, place_names.tsv and
 * places.tsv; see docs/entities.md. When the context asks for it (rc_ctx_set_tagger), the
 * statistical tagger (ent_tagger.c) then adds the names the rules left out.
 *
 * Cost: tokens are classed from their flags; lexicons are asked only about capitalised words and
 * the few words before a name, so a document costs a few look-ups per name, not per word.
 */
#include "extract/entities.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "core/lang.h"
#include "core/words.h"
#include "extract/ent_tagger.h"
#include "extract/entkey.h"
#include "extract/entlink.h"
#include "extract/gazetteer.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* A run longer than this is a heading or a list in title case, not one name. */
#define ENT_MAXWORDS 8
/* How far back a title may stand from the name it introduces (le ministre turc des affaires
 * étrangères Mevlüt Cavusoglu). */
#define ENT_TITLE_BACK 10

/* Cue classes of ent_cues.tsv. */
enum ent_cue {
    CUE_NONE, CUE_TITLE, CUE_HONOR, CUE_ORGHEAD, CUE_LOCHEAD, CUE_LOCPREP, CUE_LOCNOUN,
    CUE_PARTICLE, CUE_STOP, CUE_ORGTAIL, CUE_MISCNOUN,
    CUE_ORGCAP, /* an organisation's head only when capitalised (Centre; le centre de X is a
                 * place's part): ent_tcue turns it into CUE_ORGHEAD or CUE_NONE */
    CUE_LOCTITLE, /* a title whose de-complement is a place (le maire de X): a title otherwise */
    CUE_LOCDE, /* a place noun only with its complement (le site de déplacés de X); right before a
                * name, an outlet's or a body's noun (le site ActuNiger) */
    CUE_OUTLET, /* an orghead that, in lower case, names an outlet or a group even across its
                 * adjectives (la radio militaire X, le quotidien Dawn): ent_tcue turns it into
                 * CUE_ORGHEAD and sets TC_OUTLET */
    CUE_MISCHEAD, /* a capitalised word that starts the name of a thing (Toyota, Leopard): MISC */
    CUE_COMPASS, /* a point of the compass: a stop word, but a region's name after a region's
                  * noun (la région du Nord-Ouest, les régions du Nord et de l'Est) */
    CUE_REGNOUN, /* a locnoun that names an administrative region (région, province):
                  * ent_tcue turns it into CUE_LOCNOUN and sets TC_REGION */
    CUE_NICK,  /* introduces a nickname (X, dit « Y »; alias, surnommé) */
    CUE_NAMED, /* introduces the name given to a thing or an event (baptisée, dénommée) */
    CUE_OWN    /* a possessive of the first or second person (notre chaîne X: the outlet speaking) */
};

/* The lexicons the stage reads, fetched once per document. */
typedef struct ent_lex {
    const rc_lexicon *cues, *orgs, *countries, *demonyms, *first, *func, *places;
    const rc_lexicon *grammar; /* source_grammar: its definite articles open titles */
} ent_lex;

/* The state of the stage on one document. */
typedef struct ent_run {
    rc_doc *doc;
    ent_lex lx;
    const rc_gaz *gaz; /* the context's name tables */
    size_t cap; /* capacity of doc->ents */
    size_t time_i; /* next time expression to compare against */
    size_t num_i;  /* next number to compare against */
    uint16_t *tcache; /* per token: TC_* bits, the cue class in the low five */
    uint8_t *tword;  /* per token: W_* bits, what the name lists say of the word alone */
    uint8_t *tverb;  /* per token: 0 not asked, 1 not only a verb, 2 only a verb */
    uint8_t *tname;  /* per token: 0 not asked, 1 no part of a name, 2 may be (ent_namelike) */
    int32_t *memo;   /* open-addressing table: index + 1 of an entity of the same text and type */
    size_t memo_mask;
    uint32_t *given; /* open-addressing set: hashes of the first words of persons' full names */
    rc_span *pending; /* lone names nothing typed yet, in text order */
    size_t npending, cappending;
} ent_run;

/* Bits of ent_run.tcache. */
#define TC_CUE 0x1f   /* the cue class */
#define TC_CUE_SET 0x20
#define TC_FUNC 0x40  /* a function word */
#define TC_FUNC_SET 0x80
#define TC_OUTLET 0x100 /* the orghead is an outlet's or a group's noun (CUE_OUTLET) */
#define TC_REGION 0x200 /* the locnoun names a region (CUE_REGNOUN) */

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

static const char *tok_s(const rc_doc *d, size_t i);
static size_t tok_n(const rc_doc *d, size_t i);

/* Bits of ent_run.tword. */
#define W_SET 0x01
#define W_FIRST 0x02   /* a given name */
#define W_PLACE 0x04   /* a place of the gazetteer */
#define W_COUNTRY 0x08 /* a country or region */
#define W_ORG 0x10     /* an organisation (short entries only in capitals) */
#define W_DEMO 0x20    /* a nationality, in any of its forms: no entity of its own */
#define W_PEOPLE 0x40  /* a people or a community (Kurdes, Rohingyas): MISC */

/* ent_type_known's answer for a run that is a word of the lexicons but no entity. */
#define ENT_NONE (-2)

static bool ent_acronym(const char *s, size_t n);
static int ent_demonym(const ent_run *r, const char *s, size_t n);
static inline bool ent_inner_apostrophe(const rc_doc *d, size_t i);

/* What the name lists say of token i alone, looked up once per document. */
static unsigned ent_tword_ask(ent_run *r, size_t i)
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

/* ent_tword_ask, read from the token's cache after the first time. */
static inline unsigned ent_tword(ent_run *r, size_t i)
{
    unsigned w = r->tword[i];
    return w & W_SET ? w : ent_tword_ask(r, i);
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

/* The cue class of token i, looked up once per document. */
static enum ent_cue ent_tcue_ask(ent_run *r, size_t i)
{
    uint16_t *c = &r->tcache[i];
    if (!(*c & TC_CUE_SET)) {
        const rc_token *t = &r->doc->toks[i];
        enum ent_cue k = t->kind == RC_TOK_WORD || t->kind == RC_TOK_ELISION ||
                                 t->kind == RC_TOK_ABBREV
                             ? ent_cue_tok(r, i)
                             : CUE_NONE;
        if (k == CUE_ORGCAP)
            k = t->flags & RC_TF_UPPER ? CUE_ORGHEAD : CUE_NONE;
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
    return (enum ent_cue)(*c & TC_CUE);
}

/* ent_tcue_ask, read from the token's cache after the first time. */
static inline enum ent_cue ent_tcue(ent_run *r, size_t i)
{
    unsigned c = r->tcache[i];
    return c & TC_CUE_SET ? (enum ent_cue)(c & TC_CUE) : ent_tcue_ask(r, i);
}

/* Whether token i is only a verb for the dictionary, asked once per document (the look-back
 * for titles passes over the same words for every name of a sentence). */
static bool ent_tverb(ent_run *r, size_t i)
{
    uint8_t *v = &r->tverb[i];
    if (!*v) {
        rc_morph m;
        bool verb = rc_fr_morph_tok(r->doc, i, &m) &&
                    (m.flags & RC_M_VERB) && !(m.flags & (RC_M_NOUN | RC_M_ADJ));
        *v = verb ? 2 : 1;
    }
    return *v == 2;
}

/* Whether token i is a function word (funcwords.txt), looked up once per document. */
static bool ent_tfunc_ask(ent_run *r, size_t i)
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

/* The facts of ent_shape: each takes two bits of the RC_WM_ENT_SHAPE memo, set then value. */
enum ent_shape_fact {
    SH_CAPS_COMMON, /* ent_caps_common: a common word written in capitals */
    SH_ARTICLE,     /* ent_article_name: al-Assad */
    SH_ORG_ADJ,     /* ent_org_adjective: may continue an organisation's name */
    SH_STARTS_NAME, /* rc_gaz_starts_name: the first word of a known name of several words */
    SH_AUX          /* one of the auxiliaries and conjunctions that end a title's look-back */
};

/* A fact of token i's word alone, computed by ask once per word and kept in the thread's word
 * table across documents (tokens without a record are asked every time). */
static bool ent_shape(ent_run *r, size_t i, enum ent_shape_fact f, bool (*ask)(ent_run *, size_t))
{
    rc_word *w = rc_word_at(r->doc, i);
    const uint64_t set = (uint64_t)1 << (2 * f), val = set << 1;
    const uint32_t slot = 1u << RC_WM_ENT_SHAPE;
    if (w && (w->have & slot) && (w->memo[RC_WM_ENT_SHAPE] & set))
        return (w->memo[RC_WM_ENT_SHAPE] & val) != 0;
    bool v = ask(r, i);
    if (w) {
        if (!(w->have & slot)) {
            w->memo[RC_WM_ENT_SHAPE] = 0;
            w->have |= slot;
        }
        w->memo[RC_WM_ENT_SHAPE] |= set | (v ? val : 0);
    }
    return v;
}

/* ent_tfunc_ask, read from the token's cache after the first time. */
static inline bool ent_tfunc(ent_run *r, size_t i)
{
    unsigned c = r->tcache[i];
    return c & TC_FUNC_SET ? (c & TC_FUNC) != 0 : ent_tfunc_ask(r, i);
}

/* The bytes of token i. */
static const char *tok_s(const rc_doc *d, size_t i)
{
    return d->text + d->toks[i].start;
}

static size_t tok_n(const rc_doc *d, size_t i)
{
    return d->toks[i].end - d->toks[i].start;
}

/* Whether a word token is all capitals and digits, two characters or more with a letter: an
 * acronym (ONU, M23). Latin-1 capitals count. */
static bool ent_acronym(const char *s, size_t n)
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
static bool ent_article_name(const char *s, size_t n)
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

static bool ent_article_name_q(ent_run *r, size_t i);

/* The cue class of a name's head word, through an article (al-Jabhat -> jabhat). */
static enum ent_cue ent_head_of(ent_run *r, size_t i)
{
    const char *s = tok_s(r->doc, i);
    size_t n = tok_n(r->doc, i);
    if (n < 4 || (s[0] != 'a' && s[0] != 'e' && s[0] != 'u') ||
        !ent_shape(r, i, SH_ARTICLE, ent_article_name_q))
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

/* Whether a lower-case word starting with byte c may be an article name (ent_article_name's
 * first test). */
static inline bool ent_article_start(char c)
{
    return c == 'a' || c == 'e' || c == 'u';
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

/* Whether token i can be part of a name: a capitalised word, an acronym, or an article name.
 * Asked of most tokens several times (runs, look-backs, look-aheads): answered once per token,
 * and the part that depends on the word alone once per word (ent_shape). */
static bool ent_namelike_ask(ent_run *r, size_t i)
{
    uint8_t *m = &r->tname[i];
    const rc_doc *d = r->doc;
    const rc_token *t = &d->toks[i];
    bool yes;
    if (t->kind != RC_TOK_WORD) {
        yes = false;
    } else if (t->flags & RC_TF_UPPER) {
        yes = !ent_shape(r, i, SH_CAPS_COMMON, ent_caps_common_q);
    } else {
        const char *s = tok_s(d, i);
        /* most lower-case words fail the article's first test: no memo needed */
        yes = tok_n(d, i) >= 4 && ent_article_start(s[0]) &&
              ent_shape(r, i, SH_ARTICLE, ent_article_name_q);
    }
    *m = yes ? 2 : 1;
    return yes;
}

/* ent_namelike_ask, answered from the token's memo after the first time. */
static inline bool ent_namelike(ent_run *r, size_t i)
{
    uint8_t m = r->tname[i];
    return m ? m == 2 : ent_namelike_ask(r, i);
}

/* Whether token i is a word of a number (Trente civils, Deux mille): a figure, not a name.
 * Asked in text order, like ent_in_time. */
static bool ent_in_number(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    while (r->num_i < d->nnums && d->nums[r->num_i].end <= d->toks[i].start)
        r->num_i++;
    return r->num_i < d->nnums && d->nums[r->num_i].start <= d->toks[i].start;
}

/* Whether token i is an apostrophe inside a word, no space on either side, a word before and
 * after it: a transliteration (Qal'at, Ma'arrat), since the tokenizer has already taken the
 * French elisions (l', d', qu') as tokens of their own. */
static inline bool ent_inner_apostrophe(const rc_doc *d, size_t i)
{
    if (i == 0 || i + 1 >= d->ntoks)
        return false;
    const rc_token *t = &d->toks[i];
    size_t n = t->end - t->start;
    if (n != 1 && n != 3)
        return false; /* most tokens: no apostrophe alone */
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    bool apos = (n == 1 && s[0] == '\'') || (n == 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] == 0x99);
    return apos && d->toks[i - 1].kind == RC_TOK_WORD && d->toks[i - 1].end == t->start &&
           d->toks[i + 1].kind == RC_TOK_WORD && d->toks[i + 1].start == t->end;
}

/* Whether token i lies inside a time expression (Noël, Décembre in a heading). The times are
 * in text order and tokens are asked about in text order, so one cursor suffices. */
static bool ent_in_time(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    while (r->time_i < d->ntimes && d->times[r->time_i].end <= d->toks[i].start)
        r->time_i++;
    return r->time_i < d->ntimes && d->times[r->time_i].start <= d->toks[i].start;
}

/* Whether a capitalised word opening a sentence is a common word rather than a name: a function
 * word, a cue word, or a word the dictionary knows only as a common word. */
static bool ent_common_opener(ent_run *r, size_t i)
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

/* Whether a word is a plural article (les, des, aux, ces), before which a group may be named in
 * lower case. */
static bool ent_plural_article(const char *s, size_t n)
{
    return n == 3 && (memcmp(s, "les", 3) == 0 || memcmp(s, "des", 3) == 0 ||
                      memcmp(s, "aux", 3) == 0 || memcmp(s, "ces", 3) == 0);
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
static bool ent_org_adjective(ent_run *r, size_t i)
{
    return ent_shape(r, i, SH_ORG_ADJ, ent_org_adjective_q);
}

/* Whether a word links a name to what follows inside an organisation's name. */
static bool ent_org_link(const char *s, size_t n)
{
    /* pour opens a complement only before an article: pour les réfugiés, not pour évoquer; the
     * caller checks that an article follows */
    switch (n) { /* de des du d' d’ aux l' l’ la les pour, by length */
    case 2:
        return (s[0] == 'd' && (s[1] == 'e' || s[1] == 'u' || s[1] == '\'')) ||
               (s[0] == 'l' && (s[1] == '\'' || s[1] == 'a'));
    case 3:
        return memcmp(s, "des", 3) == 0 || memcmp(s, "aux", 3) == 0 ||
               memcmp(s, "les", 3) == 0;
    case 4:
        return memcmp(s, "d\xe2\x80\x99", 4) == 0 || memcmp(s, "l\xe2\x80\x99", 4) == 0 ||
               memcmp(s, "pour", 4) == 0;
    default:
        return false;
    }
}

/* Extends an organisation's name headed at token a (capitalised, an orghead) over its lower-case
 * complements: adjectives and groups opened by de/des/aux (Observatoire syrien des droits de
 * l'homme). Returns the end token (exclusive). */
static size_t ent_org_extend(ent_run *r, size_t a, size_t end, size_t limit)
{
    const rc_doc *d = r->doc;
    size_t last = end; /* the end of the name so far */
    size_t i = end;
    bool after_name = true; /* a capitalised word may follow a name, not a lower-case word */
    while (i < limit && i - a < 12) {
        const rc_token *t = &d->toks[i];
        if (t->flags & RC_TF_SENTSTART)
            break;
        const char *s = tok_s(d, i);
        size_t n = tok_n(d, i);
        if (t->kind == RC_TOK_WORD && ent_namelike(r, i)) {
            if (!after_name)
                break; /* Haut Comité de l'opposition syrienne Riyad Hijab: a new name */
            i++;
            last = i;
            continue;
        }
        /* et before a link coordinates two complements: Office de secours et de travaux */
        bool et = n == 2 && memcmp(s, "et", 2) == 0 && i + 1 < limit &&
                  ent_org_link(tok_s(d, i + 1), tok_n(d, i + 1));
        /* à before an article opens a complement: Groupe de soutien à l'islam */
        bool a_art = n == 2 && memcmp(s, "\xc3\xa0", 2) == 0 &&
                     i + 1 < limit && ent_org_link(tok_s(d, i + 1), tok_n(d, i + 1));
        if ((t->kind == RC_TOK_WORD || t->kind == RC_TOK_ELISION) &&
            (ent_org_link(s, n) || et || a_art)) {
            /* a link must lead to a noun: skip links and articles, then take one word */
            size_t j = i + 1;
            while (j < limit && j - i < 3 &&
                   (d->toks[j].kind == RC_TOK_WORD || d->toks[j].kind == RC_TOK_ELISION) &&
                   ent_org_link(tok_s(d, j), tok_n(d, j)))
                j++;
            bool pour = n == 4 && memcmp(s, "pour", 4) == 0;
            if (pour && j == i + 1)
                break; /* pour évoquer */
            if (j + 1 < limit && d->toks[j].kind == RC_TOK_NUMBER && !et && !a_art &&
                ent_namelike(r, j + 1) && !(d->toks[j + 1].flags & RC_TF_SENTSTART)) {
                i = j + 2; /* a date in the name: Mouvement du 12 Mai */
                last = i;
                after_name = true;
                continue;
            }
            if (j >= limit || d->toks[j].kind != RC_TOK_WORD ||
                (d->toks[j].flags & RC_TF_SENTSTART) ||
                ent_tfunc(r, j))
                break;
            after_name = ent_namelike(r, j);
            i = j + 1;
            last = i;
            continue;
        }
        if (t->kind == RC_TOK_WORD && ent_org_adjective(r, i)) {
            after_name = false;
            i++;
            last = i;
            continue;
        }
        break;
    }
    return last;
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

/* Whether some organisation or country name starts with the word of token i (false only when
 * none does; true when the word has no record): a cheap test before looking a run up. */
static bool ent_may_be_known(const ent_run *r, size_t i)
{
    size_t fn;
    const char *f = rc_word_folded(r->doc, i, &fn);
    return !f || rc_gaz_is_prefix(r->gaz, rc_gaz_prefix_hash(RC_GAZ_PREFIX_SEED, f, fn));
}

/* The type the run of tokens [a, b) gets from the gazetteers alone, or -1: organisations,
 * countries and regions, peoples (MISC); ENT_NONE for a nationality (230 Ukrainiens), which
 * counts people and names nothing. A one-word run is answered from the token's cached bits. */
static int ent_type_known(ent_run *r, size_t a, size_t b)
{
    const rc_doc *d = r->doc;
    if (b == a + 1) {
        unsigned w = ent_tword(r, a);
        return w & W_ORG       ? RC_ENT_ORG
               : w & W_COUNTRY ? RC_ENT_LOC
               : w & W_PEOPLE  ? RC_ENT_MISC
               : w & W_DEMO    ? ENT_NONE
                               : -1;
    }
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
static bool ent_known_rest(ent_run *r, size_t a, size_t b)
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

/* What names the thing right before token a, across one or two adjectives in lower case: an
 * outlet's or a group's noun (la radio militaire X, le site local X, le quotidien X: 1) or a
 * thing's noun (des bombes planantes X, trois chars X: 2); 0 for neither. */
static int ent_noun_before(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    if (a <= sent_start)
        return 0;
    size_t q = a - 1, adjs = 0;
    while (q > sent_start && adjs < 2 && d->toks[q].kind == RC_TOK_WORD &&
           !(d->toks[q].flags & RC_TF_UPPER) && ent_tcue(r, q) == CUE_NONE &&
           !ent_tfunc(r, q) && ent_org_adjective(r, q))
        q--, adjs++;
    if (d->toks[q].kind != RC_TOK_WORD || (d->toks[q].flags & RC_TF_UPPER))
        return 0;
    if (q > sent_start) { /* notre chaîne X: the outlet speaking, then a person (leur radio X
                           * is another's outlet) */
        if (ent_tcue(r, q - 1) == CUE_OWN)
            return 0;
    }
    enum ent_cue k = ent_tcue(r, q);
    /* an outlet's or a group's noun; an organisation's tail noun in lower case (le groupe X, le
     * journal X) unless an adjective (internationale) */
    rc_morph m;
    if ((k == CUE_ORGHEAD && (r->tcache[q] & TC_OUTLET)) || (k == CUE_LOCDE && adjs > 0) ||
        (k == CUE_ORGTAIL && !(rc_fr_morph_tok(d, q, &m) && (m.flags & RC_M_ADJ))))
        return 1;
    return k == CUE_MISCNOUN ? 2 : 0;
}

/* Whether token i is one of the auxiliaries and conjunctions that stop the look-back for a
 * title (ent_context), as an ent_shape question. */
static bool ent_aux_q(ent_run *r, size_t i)
{
    static const char *const aux[] = {"a", "ont", "est", "sont", "avait", "était", "que",
                                      "qui", "et", "ou", "mais", "avec"};
    const char *qs = tok_s(r->doc, i);
    size_t qn = tok_n(r->doc, i);
    for (size_t x = 0; x < sizeof aux / sizeof aux[0]; x++)
        if (qn && aux[x][0] == qs[0] && strlen(aux[x]) == qn && memcmp(aux[x], qs, qn) == 0)
            return true;
    return false;
}

/* What the words before token a say about the name starting there. */
typedef struct ent_ctx_cue {
    bool honor;   /* M. / Mme right before */
    bool title;   /* a title a few words before, with only its complements between */
    bool title_near; /* the title is right before, or one adjective/complement before */
    bool title_de; /* the title's complement: de right before, the title before it (le gouverneur
                    * de Jénine, le porte-parole de l'ONU): not the person, when it is a place */
    bool loctitle_de; /* and the title is one of a place (maire, gouverneur): a lone name is one */
    bool locnoun; /* quartier de, province d' ... right before */
    bool locprep; /* à, vers, via, près de, dans ... right before */
    bool de;      /* de or d' right before (les habitants de X) */
    int list;     /* the type of the name before, when only a comma or "et" is between, or -1 */
    bool list_comma; /* and the comma: the list must go on after the name (else apposition) */
    bool locnoun_far; /* quartiers, villages ... a few words before (dans quatre quartiers - X) */
    bool misc; /* opération, traité ... right before: an event or a named thing */
    bool orgnoun; /* an organisation's noun in lower case right before: la coalition X */
    bool outlet;  /* and it names an outlet or a group: la chaîne X, la radio militaire X */
} ent_ctx_cue;

/* Reads the words before token a, back to the sentence start or at most ENT_TITLE_BACK tokens. */
static ent_ctx_cue ent_context(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    ent_ctx_cue c = {0};
    c.list = -1;
    if (a == sent_start)
        return c;
    /* a list of places: Alep, Homs et Hama; les quartiers de X et de Y */
    if (a >= 2 && d->nents) {
        const rc_entity *prev = &d->ents[d->nents - 1];
        size_t q = a - 1;
        if (q > 2 && d->toks[q].kind == RC_TOK_ELISION && tok_n(d, q - 1) == 2 &&
            memcmp(tok_s(d, q - 1), "de", 2) == 0)
            q--; /* du Nord et de l'Est */
        if (q > 1 && tok_n(d, q) == 2 && memcmp(tok_s(d, q), "de", 2) == 0)
            q--;
        const char *ps = tok_s(d, q);
        size_t pn = tok_n(d, q);
        if (q >= 1 && ((pn == 1 && ps[0] == ',') || (pn == 2 && memcmp(ps, "et", 2) == 0)) &&
            prev->end == d->toks[q - 1].end && prev->type == RC_ENT_LOC) {
            c.list = prev->type;
            c.list_comma = pn == 1;
        }
    }
    size_t p = a - 1;
    const char *s = tok_s(d, p);
    size_t n = tok_n(d, p);
    enum ent_cue k = ent_tcue(r, p);
    if (k == CUE_HONOR || (d->toks[p].kind == RC_TOK_ABBREV && k == CUE_HONOR))
        c.honor = true;
    if (k == CUE_LOCPREP || (p == sent_start && n == 1 && s[0] == 'A'))
        c.locprep = true; /* A Kaldoria: the capital À written without its accent */
    if (k == CUE_LOCNOUN)
        c.locnoun = true; /* l'hôpital al-Chifa, le camp Yarmouk */
    if ((k == CUE_ORGHEAD || k == CUE_LOCDE) && d->toks[p].kind == RC_TOK_WORD &&
        !(d->toks[p].flags & RC_TF_UPPER) && !(r->tcache[p] & TC_OUTLET) &&
        !ent_org_adjective(r, p))
        c.orgnoun = true; /* la coalition Viv Ansanm, le parti Renaissance, le site ActuNiger;
                           * not le haut X */
    int nb = ent_noun_before(r, a, sent_start);
    if (nb == 1)
        c.orgnoun = c.outlet = true;
    else if (nb == 2)
        c.misc = true;
    /* de la, de l': step over the article */
    if (p > sent_start && ((n == 2 && (memcmp(s, "la", 2) == 0 || memcmp(s, "le", 2) == 0)) ||
                           (d->toks[p].kind == RC_TOK_ELISION && (s[0] == 'l' || s[0] == 'L')))) {
        const char *s2 = tok_s(d, p - 1);
        if (tok_n(d, p - 1) == 2 && memcmp(s2, "de", 2) == 0) {
            p--;
            s = s2;
            n = 2;
        }
    }
    bool de = (n == 2 && memcmp(s, "de", 2) == 0) || (n == 2 && memcmp(s, "du", 2) == 0) ||
              (d->toks[p].kind == RC_TOK_ELISION && (s[0] == 'd' || s[0] == 'D'));
    if (de) {
        c.de = true;
        if (p > sent_start) {
            enum ent_cue k2 = ent_tcue(r, p - 1);
            /* a place noun, or a place head in lower case: le camp d'Abou Shouk, le port de X */
            if (k2 == CUE_LOCNOUN || k2 == CUE_LOCDE ||
                (k2 == CUE_LOCHEAD && !(d->toks[p - 1].flags & RC_TF_UPPER)))
                c.locnoun = true;
            if (k2 == CUE_LOCPREP) /* près de */
                c.locprep = true;
        }
    }
    /* a title further back, across its complements: lower-case words, names, de/du, a comma
     * right before the name */
    size_t steps = 0;
    for (size_t q = a; q > sent_start && steps < ENT_TITLE_BACK; steps++) {
        q--;
        const rc_token *t = &d->toks[q];
        if (t->kind == RC_TOK_PUNCT) {
            if (q + 1 == a && (d->text[t->start] == ',' || d->text[t->start] == ':' ||
                               (unsigned char)d->text[t->start] == 0xe2 /* dashes */))
                continue;
            break;
        }
        if (t->kind != RC_TOK_WORD && t->kind != RC_TOK_ELISION)
            break;
        enum ent_cue kq = ent_tcue(r, q);
        if (kq == CUE_TITLE || kq == CUE_LOCTITLE) {
            c.title = true;
            c.title_near = steps <= 1 && !c.locprep;
            if (steps == 2 && (c.locnoun || c.orgnoun) && tok_n(d, q + 1) == 2 &&
                memcmp(tok_s(d, q + 1), "de", 2) == 0) {
                /* le chef de quartier X, le général de brigade X: a title of its own, no
                 * article */
                c.title_near = true;
                c.locnoun = c.locnoun_far = c.orgnoun = c.outlet = false;
                break;
            }
            c.title_de = c.de;
            c.loctitle_de = c.de && kq == CUE_LOCTITLE;
            c.locnoun_far = false; /* the place noun was the title's complement */
            break;
        }
        if (kq == CUE_MISCNOUN && steps == 0) {
            c.misc = true;
            break;
        }
        if ((kq == CUE_LOCNOUN || kq == CUE_LOCDE) && !c.locnoun_far) {
            c.locnoun_far = true; /* look further: le gouverneur de la région, X */
            continue;
        }
        /* a verb between would make it another clause; the dictionary tells verbs when it is
         * there, and the usual auxiliaries stop it when it is not */
        if (ent_tverb(r, q))
            break;
        if (ent_shape(r, q, SH_AUX, ent_aux_q))
            break;
    }
    return c;
}

/* Whether the run [a, b) in capitals opens a line as a dateline: KHARTOUM, 14 avril (AFP) -;
 * NYALA (Soudan) -; EL-FACHER - . A place, however much it looks like an acronym. */
static bool ent_dateline(const ent_run *r, size_t a, size_t b)
{
    const rc_doc *d = r->doc;
    if (b >= d->ntoks || (a > 0 && !(d->toks[a].flags & RC_TF_NEWLINE)))
        return false;
    size_t letters = 0;
    for (size_t i = a; i < b; i++) {
        if (!ent_acronym(tok_s(d, i), tok_n(d, i)))
            return false;
        letters += tok_n(d, i);
    }
    if (letters < 4)
        return false; /* ONU, MSF: an acronym */
    const char *p = tok_s(d, b);
    size_t pn = tok_n(d, b);
    if ((pn == 1 && (p[0] == '(' || p[0] == '-')) ||
        (pn == 3 && (unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
         ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94)))
        return true; /* NYALA (Soudan), EL-FACHER - , with an en or em dash too */
    if (pn == 1 && p[0] == ':')
        return true; /* KIDAL : a headline's place, before the words in capitals */
    if (!(pn == 1 && p[0] == ',') || b + 1 >= d->ntoks)
        return false;
    if (d->toks[b + 1].kind == RC_TOK_NUMBER || d->toks[b + 1].kind == RC_TOK_DATE)
        return true;
    for (size_t t = r->time_i; t < d->ntimes && d->times[t].start <= d->toks[b + 1].start; t++)
        if (d->times[t].start == d->toks[b + 1].start)
            return true; /* KHARTOUM, mardi */
    return false;
}

/* Whether the run [a, b) is the outlet of a dateline, in brackets after the date and before a
 * dash: Butembo, 10 juin 2024 (Kivu Matin) - ... (like the agencies' (AFP) -). */
static bool ent_dateline_outlet(const ent_run *r, size_t a, size_t b)
{
    const rc_doc *d = r->doc;
    if (a < 2 || b + 1 >= d->ntoks || tok_n(d, a - 1) != 1 || tok_s(d, a - 1)[0] != '(' ||
        tok_n(d, b) != 1 || tok_s(d, b)[0] != ')')
        return false;
    const char *p = tok_s(d, b + 1);
    size_t pn = tok_n(d, b + 1);
    bool dash = (pn == 1 && p[0] == '-') ||
                (pn == 3 && (unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
                 ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94));
    const rc_token *t = &d->toks[a - 2];
    return dash && (t->kind == RC_TOK_NUMBER || t->kind == RC_TOK_DATE);
}

/* Whether the run [a, b), that nothing types, is a whole sentence in a foreign language: a
 * slogan or a cry (Slava Ukraini !; Bring Them Home Now.; Am Israel Chai.), three words or more
 * from the sentence start (only capitalised words before a), or closed by an exclamation mark.
 * A name alone ending a sentence is not a person's then. */
static bool ent_slogan(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    const rc_doc *d = r->doc;
    if (b >= d->ntoks)
        return false;
    for (size_t k = sent_start; k < a; k++)
        if (!ent_namelike(r, k) || ent_tcue(r, k) != CUE_NONE)
            return false; /* Par Jean Dupont. is a byline */
    const char *p = tok_s(d, b);
    if (tok_n(d, b) != 1 || (p[0] != '!' && p[0] != '.'))
        return false;
    if (b + 1 < d->ntoks && !(d->toks[b + 1].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
        return false;
    return p[0] == '!' || b - sent_start >= 3;
}

/* Whether a name is followed by an age in apposition (Olena, 34 ans, ...; Espérance (52 ans)):
 * only a person is given an age so, whatever else the name could be. The age must close there
 * (a comma, a bracket, a full stop), so that "Alep, cinq ans après" is no age. */
static bool ent_age_after(const ent_run *r, size_t b)
{
    const rc_doc *d = r->doc;
    if (b + 3 >= d->ntoks)
        return false;
    const char *p = tok_s(d, b);
    if (tok_n(d, b) != 1 || (p[0] != ',' && p[0] != '('))
        return false;
    /* the age right after, or closing a short description: Marie, une infirmière de 23 ans, */
    for (size_t k = b + 1; k + 2 < d->ntoks && k <= b + 7; k++) {
        const rc_token *t = &d->toks[k];
        if (t->kind == RC_TOK_NUMBER) {
            const char *u = tok_s(d, k + 1), *e = tok_s(d, k + 2);
            return tok_n(d, k + 1) == 3 && memcmp(u, "ans", 3) == 0 && tok_n(d, k + 2) == 1 &&
                   (e[0] == ',' || e[0] == ')' || e[0] == '.') &&
                   (k == b + 1 || (tok_n(d, k - 1) == 2 && memcmp(tok_s(d, k - 1), "de", 2) == 0));
        }
        if (t->kind != RC_TOK_WORD && t->kind != RC_TOK_ELISION)
            return false;
    }
    return false;
}

/* Whether the name at token a is a nickname: after dit, surnommé or alias (X, dit « Y »;
 * Moussa dit Bébé), the word before being a comma or a name, so that "a dit" is not one. */
static bool ent_nickname(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    size_t p = a;
    if (p > sent_start + 1 && d->toks[p - 2].kind == RC_TOK_QUOTE_OPEN &&
        (d->toks[p - 1].flags & RC_TF_UPPER) && ent_tfunc(r, p - 1))
        p--; /* dit « Le Lion »: the article stays out of the name */
    if (p > sent_start && d->toks[p - 1].kind == RC_TOK_QUOTE_OPEN)
        p--;
    if (p < sent_start + 2)
        return false;
    if (ent_tcue(r, p - 1) != CUE_NICK)
        return false;
    const rc_token *t = &d->toks[p - 2];
    return (t->kind == RC_TOK_PUNCT && d->text[t->start] == ',') || ent_namelike(r, p - 2);
}

/* Whether the name at token a is what a named thing was called: baptisée (« X »), dénommée X,
 * with an event's or a thing's noun a few words before the participle (l'opération, baptisée
 * Sindoor; une opération baptisée « Lake Sanity 2 »). */
static bool ent_baptised(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    size_t p = a;
    if (p > sent_start && d->toks[p - 1].kind == RC_TOK_QUOTE_OPEN)
        p--;
    if (p < sent_start + 2)
        return false;
    if (ent_tcue(r, p - 1) != CUE_NAMED)
        return false;
    for (size_t q = p - 1; q > sent_start && q + 5 > p; q--)
        if (ent_tcue(r, q - 1) == CUE_MISCNOUN)
            return true;
    return false;
}

/* FNV-1a over a span's bytes and its type. */
static uint32_t ent_span_hash(const char *s, size_t n, int type)
{
    uint32_t h = 2166136261u ^ (uint32_t)type;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* rc_entkey_of the span [start, end) with a type into k (RC_ENTKEY_MAX bytes); the key of a name
 * depends on the name and its type only: kept across documents in the thread's string memo. */
static size_t ent_key_of(const rc_doc *d, uint32_t start, uint32_t end, int type, char *k)
{
    uint32_t tag = ((uint32_t)RC_WS_ENTKEY << 8) | (uint8_t)type;
    long got = rc_words_str_get(d, tag, d->text + start, end - start, k, RC_ENTKEY_MAX);
    if (got >= 0)
        return (size_t)got;
    size_t kn = rc_entkey_of(d->ctx, d->text + start, end - start, type, k, RC_ENTKEY_MAX);
    rc_words_str_set(d, tag, d->text + start, end - start, k, kn);
    return kn;
}

/* Appends an entity for the span [start, end) of the text. A name already met with the same
 * type shares the key, canon and coordinates of its first mention (names repeat; keys cost). */
static int ent_add(ent_run *r, uint32_t start, uint32_t end, int type, const rc_gaz_place *pl)
{
    rc_doc *d = r->doc;
    if (d->nents == r->cap &&
        rc_arena_grow(&d->arena, (void **)&d->ents, &r->cap, d->nents + 1, sizeof *d->ents))
        return RC_ENOMEM;
    size_t slot = 0;
    if (r->memo) {
        slot = ent_span_hash(d->text + start, end - start, type) & r->memo_mask;
        for (size_t probes = 0; r->memo[slot] && probes <= r->memo_mask; probes++) {
            const rc_entity *o = &d->ents[r->memo[slot] - 1];
            if (o->type == type && o->end - o->start == end - start &&
                memcmp(d->text + o->start, d->text + start, end - start) == 0) {
                rc_entity *e = &d->ents[d->nents++];
                *e = *o;
                e->start = start;
                e->end = end;
                return RC_OK;
            }
            slot = (slot + 1) & r->memo_mask;
        }
        if (r->memo[slot] == 0 && d->nents < r->memo_mask / 2)
            r->memo[slot] = (int32_t)d->nents + 1;
    }
    char k[RC_ENTKEY_MAX];
    size_t kn = ent_key_of(d, start, end, type, k);
    if (type == RC_ENT_PER && r->given) { /* Tamar Weiss: Tamar alone is her too */
        const char *sp = memchr(d->text + start, ' ', end - start);
        if (sp) {
            uint32_t h = ent_span_hash(d->text + start, (size_t)(sp - d->text) - start, 0) | 1u;
            size_t x = h & r->memo_mask, probes = 0;
            while (r->given[x] && r->given[x] != h && probes++ < r->memo_mask / 2)
                x = (x + 1) & r->memo_mask;
            if (!r->given[x] && probes < r->memo_mask / 2)
                r->given[x] = h;
        }
    }
    rc_entity *e = &d->ents[d->nents];
    e->start = start;
    e->end = end;
    e->type = (uint8_t)type;
    e->key = rc_arena_strndup(&d->arena, k, kn);
    e->canon = rc_arena_strndup(&d->arena, d->text + start, end - start);
    e->lat = pl ? pl->lat : NAN;
    e->lon = pl ? pl->lon : NAN;
    if (!e->key || !e->canon)
        return RC_ENOMEM;
    d->nents++;
    return RC_OK;
}

/* rc_gaz_place_find of the name s[0..n), kept in the thread's string memo across documents:
 * the same places come back in every text, and a look-up reads the record's figures. */
static bool ent_place_find(const ent_run *r, const char *s, size_t n, rc_gaz_place *out /* OUT */)
{
    const uint32_t tag = (uint32_t)RC_WS_PLACE << 8;
    char v[sizeof *out + 2]; /* the record's bytes, or one byte for none */
    long got = rc_words_str_get(r->doc, tag, s, n, v, sizeof v);
    if (got == 1)
        return false;
    if (got == (long)sizeof *out) {
        memcpy(out, v, sizeof *out);
        return true;
    }
    rc_gaz_place pl;
    memset(&pl, 0, sizeof pl); /* no undefined padding in the kept bytes */
    bool found = rc_gaz_place_find(r->doc->ctx, s, n, &pl);
    if (found) {
        *out = pl;
        memcpy(v, &pl, sizeof pl);
    } else {
        v[0] = 0;
    }
    rc_words_str_set(r->doc, tag, s, n, v, found ? sizeof pl : 1);
    return found;
}

/* Whether the word s[0..n) starts the full name of a person of the document (Tamar for Tamar
 * Weiss). */
static bool ent_given_seen(const ent_run *r, const char *s, size_t n)
{
    if (!r->given)
        return false;
    uint32_t h = ent_span_hash(s, n, 0) | 1u;
    for (size_t x = h & r->memo_mask, probes = 0; r->given[x] && probes <= r->memo_mask;
         x = (x + 1) & r->memo_mask, probes++)
        if (r->given[x] == h)
            return true;
    return false;
}

/* Whether the text s[0..n) was already found with that type in the document, through the
 * table of ent_add (a constant cost per name). */
static bool ent_seen_as(const ent_run *r, const char *s, size_t n, int type)
{
    const rc_doc *d = r->doc;
    if (!r->memo)
        return false;
    size_t slot = ent_span_hash(s, n, type) & r->memo_mask;
    for (size_t probes = 0; r->memo[slot] && probes <= r->memo_mask; probes++) {
        const rc_entity *o = &d->ents[r->memo[slot] - 1];
        if (o->type == type && o->end - o->start == n && memcmp(d->text + o->start, s, n) == 0)
            return true;
        slot = (slot + 1) & r->memo_mask;
    }
    return false;
}

/* Whether a point of the compass at token a names a region: after a region's noun and de, du,
 * de l' (la région du Nord-Ouest, Région de l'Est), or as the next item of such a list (les
 * régions du Nord et de l'Est). */
static bool ent_region_before(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    size_t p = a;
    if (p > sent_start && d->toks[p - 1].kind == RC_TOK_ELISION)
        p--; /* l' */
    if (p < sent_start + 2)
        return false;
    const char *s = tok_s(d, p - 1);
    size_t n = tok_n(d, p - 1);
    if (!(n == 2 && (memcmp(s, "de", 2) == 0 || memcmp(s, "du", 2) == 0)))
        return false;
    if (ent_tcue(r, p - 2) == CUE_LOCNOUN && (r->tcache[p - 2] & TC_REGION))
        return true;
    /* the list: an earlier point of the compass made a region, then et */
    const char *e = tok_s(d, p - 2);
    return d->nents && tok_n(d, p - 2) == 2 && memcmp(e, "et", 2) == 0 && p >= sent_start + 3 &&
           d->ents[d->nents - 1].end == d->toks[p - 3].end &&
           d->ents[d->nents - 1].type == RC_ENT_LOC && ent_tcue(r, p - 3) == CUE_COMPASS;
}

/* Whether token i is the number of a unit right after its capitalised head (la Brigade 444,
 * fidèles ...): a few digits, then no noun it would count (Brigade 300 hommes). */
static bool ent_unit_number(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    const rc_token *t = &d->toks[i];
    if (t->kind != RC_TOK_NUMBER || t->end - t->start > 4 || d->toks[i - 1].end + 1 != t->start)
        return false;
    for (uint32_t x = t->start; x < t->end; x++)
        if (d->text[x] < '0' || d->text[x] > '9')
            return false;
    rc_morph m;
    const rc_token *nx = &d->toks[i + 1];
    return nx->kind != RC_TOK_WORD || (nx->flags & RC_TF_UPPER) ||
           !(rc_fr_morph_tok(d, i + 1, &m) && (m.flags & RC_M_NOUN));
}

/* Whether a word is a model's designation: one to three letters, a hyphen, digits (F-16, Su-25,
 * MQ-9, KAB-500), the first a capital. */
static bool ent_model(const char *s, size_t n)
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

/* Whether token a is a definite article written with a capital inside a sentence (cité par Le
 * Nouvelliste, le quotidien Le Potentiel): the start of a title, which keeps it. After a colon
 * or a quote a capital is the sentence's own. */
static bool ent_title_article(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    const rc_doc *d = r->doc;
    if (b < a + 2 || a == sent_start || a == 0 ||
        (d->toks[a].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)) ||
        d->toks[a - 1].kind == RC_TOK_QUOTE_OPEN ||
        (d->toks[a - 1].kind == RC_TOK_PUNCT && d->text[d->toks[a - 1].start] != ','))
        return false;
    const char *v = rc_lex_get(r->lx.grammar, tok_s(d, a), tok_n(d, a));
    return v && strstr(v, "def") && !(ent_tword(r, a + 1) & W_FIRST);
}

/* Types the run of tokens [a, b) and adds it when it is a name. */
static int ent_take(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    rc_doc *d = r->doc;
    /* leading words that are not names: Le, Selon, a title written with a capital */
    int known = ent_type_known(r, a, b);
    while (a < b && known == -1 && !(a + 1 < b && ent_inner_apostrophe(d, a + 1))) {
        if (ent_title_article(r, a, b, sent_start) && ent_type_known(r, a + 1, b) == -1) {
            rc_gaz_place pl;
            const char *s = tok_s(d, a);
            size_t n = d->toks[b - 1].end - d->toks[a].start;
            if (ent_place_find(r, s, n, &pl)) /* La Haye, Le Caire */
                return ent_add(r, d->toks[a].start, d->toks[b - 1].end, RC_ENT_LOC, &pl);
            return ent_add(r, d->toks[a].start, d->toks[b - 1].end, RC_ENT_ORG, NULL);
        }
        enum ent_cue k = ent_tcue(r, a);
        bool opener = (d->toks[a].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)) || a == sent_start ||
                      (a > 0 && d->toks[a - 1].kind == RC_TOK_QUOTE_OPEN);
        if (k == CUE_PARTICLE && a + 1 < b)
            break; /* « El Chapo », Al Jazeera: the particle starts the name */
        if (opener && a > 0 && d->toks[a - 1].kind == RC_TOK_QUOTE_OPEN &&
            ent_baptised(r, a, sent_start))
            break; /* baptisée « Bouclier du Nord »: common words make the name */
        if (k == CUE_COMPASS && a + 1 == b && !opener && ent_region_before(r, a, sent_start))
            return ent_add(r, d->toks[a].start, d->toks[a].end, RC_ENT_LOC, NULL);
        if (k == CUE_STOP || k == CUE_COMPASS || k == CUE_TITLE || k == CUE_LOCTITLE ||
            k == CUE_HONOR ||
            k == CUE_LOCPREP || k == CUE_LOCNOUN || ent_tfunc(r, a) ||
            (opener && ent_common_opener(r, a)) || (opener && ent_known_rest(r, a, b))) {
            a++;
            if (a < b)
                known = ent_type_known(r, a, b);
        } else {
            break;
        }
    }
    if (a >= b)
        return RC_OK;
    /* a trailing particle or link is not part of the name */
    while (b > a && !ent_namelike(r, b - 1) && d->toks[b - 1].kind != RC_TOK_WORD &&
           d->toks[b - 1].kind != RC_TOK_NUMBER)
        b--;
    while (b > a + 1 && (ent_org_link(tok_s(d, b - 1), tok_n(d, b - 1)) ||
                         ent_tcue(r, b - 1) == CUE_PARTICLE))
        b--;
    uint32_t start = d->toks[a].start, end = d->toks[b - 1].end;
    const char *s = d->text + start;
    size_t n = end - start, words = b - a;
    const char *first = tok_s(d, a);
    size_t firstn = tok_n(d, a);
    rc_gaz_place pl;
    /* the place gazetteer is asked about one word only when the word is in it */
    bool may_place = words > 1 || (ent_tword(r, a) & W_PLACE);

    if (known == -1)
        known = ent_type_known(r, a, b);
    if (known == ENT_NONE)
        return RC_OK;
    if (known >= 0)
        return ent_add(r, start, end, known, NULL);
    /* the words before only for a name the lists do not type (the rest asks only caches) */
    ent_ctx_cue c = ent_context(r, a, sent_start);
    /* a one-letter outlet (X) only where an outlet is named: sur X, via X, le réseau X */
    if (n == 1 && (c.locprep || c.orgnoun) && rc_lex_get(r->lx.orgs, s, n))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if (words <= 4 && ent_dateline_outlet(r, a, b))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if (words <= 4 && ent_baptised(r, a, sent_start))
        return ent_add(r, start, end, RC_ENT_MISC, NULL);
    if (words <= 3 && ent_nickname(r, a, sent_start))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (words <= 3 && ent_dateline(r, a, b))
        return ent_add(r, start, end, RC_ENT_LOC,
                       ent_place_find(r, s, n, &pl) ? &pl : NULL);
    if (words <= 3 && ent_age_after(r, b))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    enum ent_cue head = ent_head_of(r, a);
    enum ent_cue tail = ent_tcue(r, b - 1);
    if (c.misc && ent_noun_before(r, a, sent_start) == 2)
        return ent_add(r, start, end, RC_ENT_MISC, NULL); /* un drone américain MQ-9 Reaper */
    /* an organisation's noun ends the name, or starts an English one (Times of Israel) */
    if ((head == CUE_ORGHEAD || tail == CUE_ORGTAIL || ent_acronym(first, firstn) ||
         (ent_tcue(r, a) == CUE_ORGTAIL && ent_tcue(r, a + 1) == CUE_PARTICLE)) &&
        words >= 2)
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if (c.misc || head == CUE_MISCHEAD)
        return ent_add(r, start, end, RC_ENT_MISC, NULL);
    if (c.orgnoun && (c.outlet || !(ent_tword(r, a) & (W_FIRST | W_PLACE | W_COUNTRY))))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if (c.honor || (c.title_near && !c.locnoun && !c.title_de))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (c.locnoun)
        return ent_add(r, start, end, RC_ENT_LOC,
                       ent_place_find(r, s, n, &pl) ? &pl : NULL);
    if (head == CUE_LOCHEAD && words >= 2)
        return ent_add(r, start, end, RC_ENT_LOC,
                       ent_place_find(r, s, n, &pl) ? &pl : NULL);
    if (c.title_de && words == 1 && !(ent_tword(r, a) & (W_PLACE | W_COUNTRY | W_ORG))) {
        rc_morph m; /* le ministre de la Défense, de l'Intérieur: a portfolio, not a name */
        if (rc_fr_morph_tok(d, a, &m) && (m.flags & RC_M_NOUN) && !(m.flags & RC_M_PROPER))
            return RC_OK;
    }
    if (c.title_de && !(ent_tword(r, a) & W_FIRST) && !ent_seen_as(r, s, n, RC_ENT_PER)) {
        /* the title's place (le gouverneur de Jénine); a longer name only when it is a known
         * place, since a title's complement may be a person too (le porte-parole de Ban Ki-moon) */
        bool place = ent_place_find(r, s, n, &pl);
        if ((words == 1 && c.loctitle_de) || place)
            return ent_add(r, start, end, RC_ENT_LOC, place ? &pl : NULL);
    }
    if (words >= 2 && ((ent_tword(r, a) & W_FIRST) || (c.title && !c.locnoun_far)))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (c.list >= 0 && c.list_comma && b + 1 < d->ntoks) {
        /* Alep, Homs et Hama; not a person in apposition: un habitant de Makeen, Gul Khan, joint */
        const char *x = tok_s(d, b);
        size_t xn = tok_n(d, b);
        bool goes_on = (xn == 2 && memcmp(x, "et", 2) == 0) ||
                       (xn == 1 && x[0] == ',' && ent_namelike(r, b + 1));
        if (!goes_on)
            c.list = -1;
    }
    if (c.list >= 0 || (c.locnoun_far && words >= 2)) {
        int ty = c.list >= 0 ? c.list : RC_ENT_LOC;
        return ent_add(r, start, end, ty,
                       ty == RC_ENT_LOC && ent_place_find(r, s, n, &pl) ? &pl : NULL);
    }
    if ((words > 1 || head == CUE_NONE) && may_place && ent_place_find(r, s, n, &pl)) {
        if (c.title && !c.title_de && words == 1 && !c.locprep)
            return ent_add(r, start, end, RC_ENT_PER, NULL);
        return ent_add(r, start, end, RC_ENT_LOC, &pl);
    }
    /* a word in capitals after a place preposition in capitals is a headline's place, not an
     * acronym (BOKO HARAM FRAPPE À MOZOGO) */
    bool caps_place = c.locprep && a > sent_start && ent_acronym(s, n) &&
                      ent_acronym(tok_s(d, a - 1), tok_n(d, a - 1));
    if (words == 1 && ent_model(s, n))
        return ent_add(r, start, end, RC_ENT_MISC, NULL); /* F-16, Su-25, MQ-9 */
    if (words == 1 && !caps_place && (ent_acronym(s, n) ||
                       (n >= 3 && n <= 6 && (unsigned)(s[0] - 'A') < 26u &&
                        (unsigned)(s[1] - 'A') < 26u && (unsigned)(s[n - 1] - 'a') < 26u)))
        return ent_add(r, start, end, RC_ENT_ORG, NULL); /* MSF; FAMa, FARDc: an acronym too */
    /* the weakest clues give way to an organisation named so before (à Fasonews after the
     * dateline's (Fasonews) -) */
    if ((c.locprep || c.de || words >= 2) && ent_seen_as(r, s, n, RC_ENT_ORG))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if ((c.locprep || c.de) && words == 1 && ent_given_seen(r, s, n))
        return ent_add(r, start, end, RC_ENT_PER, NULL); /* le père de Tamar */
    if (c.locprep || (c.de && words == 1))
        return ent_add(r, start, end, RC_ENT_LOC, NULL);
    if (c.title)
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (words >= 2 && ent_slogan(r, a, b, sent_start))
        return RC_OK;
    if (words >= 2) {
        /* no person's name has a figure (Caterpillar D9, Mirage 2000): a thing */
        for (size_t k = a; k < b; k++)
            for (size_t x = d->toks[k].start; x < d->toks[k].end; x++)
                if (d->text[x] >= '0' && d->text[x] <= '9')
                    return ent_add(r, start, end, RC_ENT_MISC, NULL);
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    }
    /* an organisation's short name in brackets after it: le Conseil national de secours
     * (Conasur) */
    if (a >= 2 && b < d->ntoks && tok_n(d, a - 1) == 1 && tok_s(d, a - 1)[0] == '(' &&
        tok_n(d, b) == 1 && tok_s(d, b)[0] == ')' && d->nents &&
        d->ents[d->nents - 1].end == d->toks[a - 2].end &&
        d->ents[d->nents - 1].type == RC_ENT_ORG)
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    /* a lone unknown name: typed at the end like another mention of it (a surname, a place
     * named with its trigger elsewhere), or dropped when nothing vouches for it */
    if (r->npending == r->cappending &&
        rc_arena_grow(&d->arena, (void **)&r->pending, &r->cappending, r->npending + 1,
                      sizeof *r->pending))
        return RC_ENOMEM;
    r->pending[r->npending++] = (rc_span){start, end};
    return RC_OK;
}

/* Whether a lone name ending at byte end is an item of a list whose next item is a place (les
 * frappes sur Nabatiyé et Tyr; Kaya, Djibo et Dori): only "et" or a comma between. The first
 * known entities are in text order; the last one added may be the next item, a lone name of the
 * same list. */
static bool ent_list_before_place(const rc_doc *d, size_t known, uint32_t end)
{
    const char *t = d->text;
    size_t len = d->len;
    uint32_t q = end;
    if (q < len && t[q] == ',')
        q++;
    else if (q + 4 <= len && memcmp(t + q, " et ", 4) == 0)
        q += 3;
    else
        return false;
    while (q < len && t[q] == ' ')
        q++;
    size_t lo = 0, hi = known;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->ents[mid].start < q)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < known && d->ents[lo].start == q && d->ents[lo].type == RC_ENT_LOC)
        return true;
    /* or the item after it, a lone name made a place just before (the list read backwards) */
    return d->nents > known && d->ents[d->nents - 1].start == q &&
           d->ents[d->nents - 1].type == RC_ENT_LOC;
}

/* FNV-1a with the type mixed in, for the table of ent_resolve. */
static uint32_t ent_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1;
}

static int ent_merge(ent_run *r, size_t known);

/* Types the lone names left pending like another mention of the same name in the document (the
 * last word of a person's full name counts as a mention of a person), adds those that find one
 * and puts the entities back in text order. */
static int ent_resolve(ent_run *r)
{
    rc_doc *d = r->doc;
    if (!r->npending)
        return RC_OK;
    size_t cap = 16;
    while (cap < d->nents * 4 + 4)
        cap *= 2;
    uint32_t *hs = rc_arena_calloc(&d->arena, cap, sizeof *hs);
    uint8_t *ty = rc_arena_alloc(&d->arena, cap);
    if (!hs || !ty)
        return RC_ENOMEM;
    size_t known = d->nents;
    for (size_t i = 0; i < known; i++) {
        const rc_entity *e = &d->ents[i];
        const char *k = e->key;
        /* the whole key, and a person's last word */
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                const char *sp = strrchr(e->key, ' ');
                if (e->type != RC_ENT_PER || !sp)
                    break;
                k = sp + 1;
            }
            uint32_t h = ent_hash(k, strlen(k));
            size_t x = h & (cap - 1);
            while (hs[x] && hs[x] != h)
                x = (x + 1) & (cap - 1);
            if (!hs[x]) {
                hs[x] = h;
                ty[x] = e->type;
            }
        }
    }
    for (size_t p = r->npending; p-- > 0;) { /* from the end: Kutum, Kebkabiya et Tawila */
        char k[RC_ENTKEY_MAX];
        size_t kn = rc_entlink_fold(d, d->text + r->pending[p].start,
                                    r->pending[p].end - r->pending[p].start, k, sizeof k);
        uint32_t h = ent_hash(k, kn);
        size_t x = h & (cap - 1);
        while (hs[x] && hs[x] != h)
            x = (x + 1) & (cap - 1);
        if (!hs[x]) { /* a place's key may be the gazetteer's near match: ask as a place */
            char k2[RC_ENTKEY_MAX];
            size_t k2n = ent_key_of(d, r->pending[p].start, r->pending[p].end, RC_ENT_LOC, k2);
            if (k2n != kn || memcmp(k, k2, kn) != 0) {
                h = ent_hash(k2, k2n);
                x = h & (cap - 1);
                while (hs[x] && hs[x] != h)
                    x = (x + 1) & (cap - 1);
            }
        }
        if (!hs[x]) {
            if (ent_list_before_place(d, known, r->pending[p].end) &&
                ent_add(r, r->pending[p].start, r->pending[p].end, RC_ENT_LOC, NULL))
                return RC_ENOMEM;
            continue;
        }
        rc_gaz_place pl;
        const char *s = d->text + r->pending[p].start;
        size_t n = r->pending[p].end - r->pending[p].start;
        bool place = ty[x] == RC_ENT_LOC && ent_place_find(r, s, n, &pl);
        if (ent_add(r, r->pending[p].start, r->pending[p].end, ty[x], place ? &pl : NULL))
            return RC_ENOMEM;
    }
    for (size_t i = known, j = d->nents; i + 1 < j; i++, j--) { /* added backwards: text order */
        rc_entity tmp = d->ents[i];
        d->ents[i] = d->ents[j - 1];
        d->ents[j - 1] = tmp;
    }
    return ent_merge(r, known);
}

/* Puts the entities back in text order after some were appended: merges the two sorted parts
 * [0, known) and [known, nents). */
static int ent_merge(ent_run *r, size_t known)
{
    rc_doc *d = r->doc;
    size_t n = d->nents;
    if (n == known)
        return RC_OK;
    rc_entity *m = rc_arena_alloc(&d->arena, n * sizeof *m);
    if (!m)
        return RC_ENOMEM;
    size_t i = 0, j = known, o = 0;
    while (i < known || j < n)
        m[o++] = (j >= n || (i < known && d->ents[i].start <= d->ents[j].start)) ? d->ents[i++]
                                                                                : d->ents[j++];
    d->ents = m;
    r->cap = n;
    return RC_OK;
}

/* Adds the names the tagger finds where the rules found none (ent_tagger_spans says which). */
static int ent_tagged(ent_run *r)
{
    rc_doc *d = r->doc;
    const ent_tagger *m = ent_tagger_get(d->ctx);
    if (!m || !d->ntoks)
        return RC_OK;
    ent_tag_doc td;
    int st = ent_tagger_signals(d, &td);
    if (st)
        return st;
    uint8_t *tags = rc_arena_alloc(&d->arena, d->ntoks);
    float *margin = rc_arena_alloc(&d->arena, d->ntoks * sizeof *margin);
    if (!tags || !margin)
        return RC_ENOMEM;
    ent_tagger_tag(m, &td, 0, tags, margin);
    ent_tag_span *sp = rc_arena_alloc(&d->arena, d->ntoks * sizeof *sp);
    if (!sp)
        return RC_ENOMEM;
    long n = ent_tagger_spans(m, &td, tags, margin, sp);
    if (n < 0)
        return RC_ENOMEM;
    size_t known = d->nents;
    for (long k = 0; k < n; k++) {
        int type = sp[k].label == ENT_TAG_PER ? RC_ENT_PER
                   : sp[k].label == ENT_TAG_LOC ? RC_ENT_LOC
                                                : RC_ENT_ORG;
        uint32_t s = d->toks[sp[k].a].start, e = d->toks[sp[k].b - 1].end;
        rc_gaz_place pl;
        bool place = type == RC_ENT_LOC && ent_place_find(r, d->text + s, e - s, &pl);
        if ((st = ent_add(r, s, e, type, place ? &pl : NULL)))
            return st;
    }
    return ent_merge(r, known);
}

/* Whether token i may continue a run: a name, a particle (al, ben, ibn) or an organisation's or
 * place's link (de, du, la) followed by a name, the latter only in a run headed by an orghead or
 * lochead. */
static bool ent_continues(ent_run *r, size_t i, size_t lim, bool headed)
{
    const rc_doc *d = r->doc;
    if (d->toks[i].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE))
        return false;
    if (ent_namelike(r, i))
        return true;
    if (ent_inner_apostrophe(d, i) && i + 1 < lim)
        return true; /* Qal'at Nur, Ma'arrat: the apostrophe inside a transliterated name */
    if (i > 0 && ent_inner_apostrophe(d, i - 1) && d->toks[i].kind == RC_TOK_WORD)
        return true; /* and the letters after it */
    if (i + 1 >= lim || !ent_namelike(r, i + 1))
        return false;
    const char *s = tok_s(d, i);
    size_t n = tok_n(d, i);
    if (d->toks[i].kind == RC_TOK_WORD && ent_tcue(r, i) == CUE_PARTICLE)
        return true;
    return headed && (d->toks[i].kind == RC_TOK_WORD || d->toks[i].kind == RC_TOK_ELISION) &&
           ent_org_link(s, n);
}

/* Room for the folds of ent_fold_spans: twice the longest key, so that a fold that does not fit
 * is longer than any key (rc_fold may refuse a character a few bytes before its cap). */
#define ENT_FOLDCAP (2 * RC_LEX_MAXKEY + 8)
/* The most spans ent_fold_spans folds: a run and the words a known name may add to it. */
#define ENT_FOLDSPANS (ENT_MAXWORDS + 16)

/* Folds the text of tokens [a, b) once, token by token, into buf, and gives in off[e - a - 1]
 * the length of the fold of the text of tokens [a, e], the key rc_lex_get would look up for it
 * (folding goes character by character, so the fold of a shorter span is a prefix of the
 * longer one's); 0 when no organisation or country can be that text, because it does not fit
 * (it is longer than any key) or because no key of those lists starts with it (then no longer
 * span is one either, and the folding stops). The lookups of a name and of its longer readings
 * then fold the text once, not once per reading, and only as far as a known name may go. */
static void ent_fold_spans(const ent_run *r, size_t a, size_t b, char *buf /* OUT */,
                           size_t *off /* OUT */)
{
    const rc_doc *d = r->doc;
    assert(b > a && b - a <= ENT_FOLDSPANS);
    size_t o = 0;
    bool may = true;
    uint32_t h = RC_GAZ_PREFIX_SEED;
    for (size_t e = a; e < b; e++) {
        uint32_t from = e == a ? d->toks[a].start : d->toks[e - 1].end;
        size_t room = ENT_FOLDCAP - o;
        size_t n = may ? rc_fold(d->text + from, d->toks[e].end - from, buf + o, room) : 0;
        may = may && n <= room;
        if (may) {
            h = rc_gaz_prefix_hash(h, buf + o, n);
            may = rc_gaz_is_prefix(r->gaz, h);
        }
        o += may ? n : 0;
        off[e - a] = may && o ? o : 0;
    }
}

/* The greatest e of (lo, hi] such that the text of tokens [a, e) is an organisation (or a
 * country, with countries), or 0. */
static size_t ent_longest_known(ent_run *r, size_t a, size_t lo, size_t hi, bool countries)
{
    const rc_doc *d = r->doc;
    if (hi <= lo)
        return 0;
    if (hi - a > ENT_FOLDSPANS) { /* too long a run for the table: one fold per reading */
        for (size_t e = hi; e > lo; e--) {
            const char *ks = d->text + d->toks[a].start;
            size_t kn = d->toks[e - 1].end - d->toks[a].start;
            if (rc_lex_get(r->lx.orgs, ks, kn) ||
                (countries && rc_lex_get(r->lx.countries, ks, kn)))
                return e;
        }
        return 0;
    }
    char fk[ENT_FOLDCAP];
    size_t fo[ENT_FOLDSPANS];
    ent_fold_spans(r, a, hi, fk, fo);
    for (size_t e = hi; e > lo; e--) {
        size_t kn = fo[e - 1 - a];
        if (kn && (rc_lex_get_folded(r->lx.orgs, fk, kn) ||
                   (countries && rc_lex_get_folded(r->lx.countries, fk, kn))))
            return e;
    }
    return 0;
}

/* rc_gaz_starts_name of token i, as an ent_shape question. */
static bool ent_starts_name_q(ent_run *r, size_t i)
{
    return rc_gaz_starts_name(r->gaz, tok_s(r->doc, i), tok_n(r->doc, i));
}

/* Whether token i's word starts a known name of several words, once per word. */
static bool ent_starts_name(ent_run *r, size_t i)
{
    return ent_shape(r, i, SH_STARTS_NAME, ent_starts_name_q);
}

/* Splits a run at a known organisation or place followed by a person's given name (le
 * porte-parole du Kremlin Dmitri Peskov): returns the token where the second name starts, or b. */
static size_t ent_split(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    const rc_doc *d = r->doc;
    bool outlet = ent_noun_before(r, a, sent_start) == 1; /* au média Suspilne Iryna X */
    /* a known acronym then a name: a déclaré à l'AFP Bukar Kolo */
    if (ent_acronym(tok_s(d, a), tok_n(d, a)) && (ent_tword(r, a) & W_ORG) &&
        ent_tcue(r, a + 1) == CUE_NONE && ent_type_known(r, a, b) == -1)
        return a + 1;
    for (size_t k = a + 1; k + 1 <= b - 1 && k - a <= 3; k++) {
        /* not after a lone given name that is also a place's (Kamal Abou Hassan) */
        if (!(ent_tword(r, k) & W_FIRST) || (k == a + 1 && (ent_tword(r, a) & W_FIRST)))
            continue;
        if (outlet)
            return k;
        const char *s = d->text + d->toks[a].start;
        size_t n = d->toks[k - 1].end - d->toks[a].start;
        rc_lex_key key; /* folded once for the four lists */
        rc_lex_key_make(s, n, &key);
        if (rc_lex_get_key(r->lx.orgs, &key) || rc_lex_get_key(r->lx.countries, &key) ||
            rc_lex_get_key(r->lx.places, &key) || rc_lex_get_key(r->lx.demonyms, &key))
            return k;
    }
    return b;
}

int rc_stage_entities(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->ents = NULL;
    doc->nents = 0;
    const rc_lang *fr = doc->ctx->fr;
    if (!fr)
        return RC_OK;
    ent_run r = {.doc = doc};
    r.tcache = rc_arena_calloc(&doc->arena, doc->ntoks + 1, sizeof *r.tcache);
    r.tword = rc_arena_calloc(&doc->arena, doc->ntoks + 1, 1);
    r.tverb = rc_arena_calloc(&doc->arena, doc->ntoks + 1, 1);
    r.tname = rc_arena_calloc(&doc->arena, doc->ntoks + 1, 1);
    size_t mcap = 64;
    while (mcap < doc->ntoks / 4 + 16 && mcap < (1u << 20))
        mcap *= 2;
    r.memo = rc_arena_calloc(&doc->arena, mcap, sizeof *r.memo);
    r.given = rc_arena_calloc(&doc->arena, mcap, sizeof *r.given);
    r.memo_mask = mcap - 1;
    if (!r.tcache || !r.tword || !r.tverb || !r.tname || !r.memo || !r.given)
        return RC_ENOMEM;
    r.lx.cues = rc_lang_lex(fr, "ent_cues");
    r.lx.orgs = rc_lang_lex(fr, "ent_orgs");
    r.lx.countries = rc_lang_lex(fr, "ent_countries");
    r.lx.demonyms = rc_lang_lex(fr, "ent_demonyms");
    r.lx.first = rc_lang_lex(fr, "ent_firstnames");
    r.lx.func = rc_lang_lex(fr, "funcwords");
    r.lx.places = rc_lang_lex(fr, "place_names");
    r.lx.grammar = rc_lang_lex(fr, "source_grammar");
    const rc_gaz *gaz = rc_gaz_get(doc->ctx);
    if (!gaz)
        return RC_ENOMEM;
    r.gaz = gaz;

    size_t sent_start = 0;
    for (size_t i = 0; i < doc->ntoks;) {
        const rc_token *t = &doc->toks[i];
        if (t->flags & RC_TF_SENTSTART)
            sent_start = i;
        if (t->kind != RC_TOK_WORD) { /* no name starts there, nor a group after an article */
            i++;
            continue;
        }
        /* a lower-case word is a name only as an article name (al-Assad): most fail its first
         * test, read here without the token memo */
        bool lower_no = !(t->flags & RC_TF_UPPER) &&
                        (t->end - t->start < 4 || !ent_article_start(doc->text[t->start]));
        if (lower_no || !ent_namelike(&r, i) || ent_in_time(&r, i) || ent_in_number(&r, i)) {
            /* groups named in lower case after an article: les talibans, des shebab */
            if (t->kind == RC_TOK_WORD && i > 0 && !(t->flags & RC_TF_UPPER) &&
                ent_plural_article(tok_s(doc, i - 1), tok_n(doc, i - 1)) &&
                ent_may_be_known(&r, i) && rc_lex_get(r.lx.orgs, tok_s(doc, i), tok_n(doc, i))) {
                int st = ent_add(&r, t->start, t->end, RC_ENT_ORG, NULL);
                if (st)
                    return st;
            }
            i++;
            continue;
        }
        /* a lower-case head before the name: le ministère de la Santé (an organisation), la mer
         * Rouge, le golfe Persique (a place) */
        enum ent_cue head = ent_head_of(&r, i);
        size_t from = i;
        bool lower_head = false;
        if (i > 0) {
            size_t p = i - 1, links = 0, adjs = 0;
            while (p > sent_start && links < 3 && ent_org_link(tok_s(doc, p), tok_n(doc, p)))
                p--, links++;
            while (links && p > sent_start && adjs < 2 && doc->toks[p].kind == RC_TOK_WORD &&
                   !(doc->toks[p].flags & RC_TF_UPPER) &&
                   ent_tcue(&r, p) == CUE_NONE &&
                   ent_org_adjective(&r, p))
                p--, adjs++; /* le ministère ukrainien de la Défense */
            if (!(doc->toks[p].flags & RC_TF_UPPER) && doc->toks[p].kind == RC_TOK_WORD &&
                (doc->nents == 0 || doc->ents[doc->nents - 1].end <= doc->toks[p].start)) {
                enum ent_cue h = ent_tcue(&r, p);
                enum ent_cue own = head;
                /* unless the name has a head of its own, followed by its complement (la mission
                 * de l'Agence internationale ...); a lone head is the complement (la Défense) */
                bool own_name = (own == CUE_ORGHEAD || own == CUE_LOCHEAD) && i + 1 < doc->ntoks &&
                                doc->toks[i + 1].kind == RC_TOK_WORD &&
                                !(doc->toks[i + 1].flags & RC_TF_SENTSTART) &&
                                (ent_namelike(&r, i + 1) ||
                                 ent_org_adjective(&r, i + 1));
                /* nor a person's or a known place's name: les forces de Bachar al-Assad */
                bool other = ent_tword(&r, i) & (W_FIRST | W_PLACE | W_COUNTRY);
                /* a street keeps the person it is named after: la rue Abou Iskandar */
                if (!own_name &&
                    ((h == CUE_ORGHEAD && links > 0 && !other && !(r.tcache[p] & TC_OUTLET)) ||
                     (h == CUE_LOCHEAD && links == 0))) {
                    from = p;
                    lower_head = true;
                }
            }
        }
        /* a title opened by a capitalised article goes on over its links too: Le Courrier du
         * Sahel */
        bool headed = head == CUE_ORGHEAD || head == CUE_LOCHEAD ||
                      (i + 1 < doc->ntoks && ent_namelike(&r, i + 1) &&
                       ent_title_article(&r, i, i + 2, sent_start));
        size_t j = i + 1;
        while (j < doc->ntoks && ent_continues(&r, j, doc->ntoks, headed))
            j++;
        /* Le Front, La Ligue: an opener then a head heads the run too */
        if (!headed && j > i + 1 && ent_tfunc(&r, i)) {
            enum ent_cue h2 = ent_tcue(&r, i + 1);
            if (h2 == CUE_ORGHEAD || h2 == CUE_LOCHEAD) {
                head = h2;
                headed = true;
                j = i + 2;
                while (j < doc->ntoks && ent_continues(&r, j, doc->ntoks, headed))
                    j++;
            }
        }
        if (head == CUE_ORGHEAD && j == i + 1 && j + 1 < doc->ntoks &&
            (doc->toks[i].flags & RC_TF_UPPER) && ent_unit_number(&r, j))
            j++; /* Brigade 444, Division 3 */
        if (head == CUE_ORGHEAD || (headed && head != CUE_LOCHEAD) ||
            (j > i + 1 && ent_tcue(&r, i + 1) == CUE_ORGHEAD &&
             ent_tfunc(&r, i)))
            j = ent_org_extend(&r, i, j, doc->ntoks);
        size_t caps = 0; /* the capitalised words: an organisation's lower-case complements
                          * do not count (Conseil national de secours d'urgence et de ...) */
        for (size_t k = i; k < j && caps <= ENT_MAXWORDS; k++)
            caps += ent_namelike(&r, k);
        if (caps > ENT_MAXWORDS) {
            i = j; /* a title-case heading or a list of names: not one entity */
            continue;
        }
        /* a known name that goes on in lower case: Nations unies, Arabie saoudite, France 24;
         * tried only after a word that starts such a name in the lists */
        size_t ext = j;
        if (ent_starts_name(&r, i))
            while (ext < doc->ntoks && ext < j + 6 && /* État islamique en Afrique de l'Ouest */
                   (doc->toks[ext].kind == RC_TOK_WORD || doc->toks[ext].kind == RC_TOK_NUMBER ||
                    doc->toks[ext].kind == RC_TOK_ELISION) &&
                   !(doc->toks[ext].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
                ext++;
        size_t known_end = ent_longest_known(&r, i, j, ext, true);
        if (known_end)
            j = known_end;
        if (j == i + 2 && ent_starts_name(&r, i + 1)) {
            /* l'ONG Save the Children: a word, then a known name that goes on in lower case */
            size_t e = j;
            while (e < doc->ntoks && e < j + 4 && doc->toks[e].kind == RC_TOK_WORD &&
                   !(doc->toks[e].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
                e++;
            size_t named_end = ent_longest_known(&r, i + 1, j, e, false);
            if (named_end)
                j = named_end;
        }
        if (lower_head) {
            /* a given name inside the run starts a person: le ministère de l'Intérieur Oleg
             * Marchenko */
            size_t person = j;
            for (size_t k = i + 1; k < j; k++)
                if (ent_tword(&r, k) & W_FIRST) {
                    person = k;
                    break;
                }
            size_t oend = person;
            enum ent_cue h = ent_tcue(&r, from);
            if (h == CUE_ORGHEAD && person == j)
                oend = ent_org_extend(&r, from, j, doc->ntoks);
            int st = ent_add(&r, doc->toks[from].start, doc->toks[oend - 1].end,
                             h == CUE_ORGHEAD ? RC_ENT_ORG : RC_ENT_LOC, NULL);
            if (st == RC_OK && person < j)
                st = ent_take(&r, person, j, sent_start);
            if (st)
                return st;
            i = person < j ? j : oend;
            continue;
        }
        size_t words = j - i;
        size_t k = words >= 3 ? ent_split(&r, i, j, sent_start) : j;
        int st = ent_take(&r, i, k, sent_start);
        if (st == RC_OK && k < j)
            st = ent_take(&r, k, j, sent_start);
        if (st < 0)
            return st;
        i = j;
    }
    int st = ent_resolve(&r);
    if (!st && doc->ctx->tagger)
        st = ent_tagged(&r);
    return st ? st : rc_entlink(doc);
}

void rc_write_entities(rc_json *j, const rc_doc *doc, unsigned flags)
{
    static const char *const types[] = {"PER", "ORG", "LOC", "MISC"};
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nents; i++) {
        const rc_entity *e = &doc->ents[i];
        rc_json_obj(j);
        if (!(flags & RC_JSON_COMPACT)) { /* compact: cut again from the text by the offsets */
            rc_json_key(j, "text");
            rc_json_str(j, doc->text + e->start, e->end - e->start);
        }
        rc_json_key(j, "start");
        rc_json_int(j, e->start);
        rc_json_key(j, "end");
        rc_json_int(j, e->end);
        rc_json_key(j, "type");
        rc_json_strz(j, e->type < 4 ? types[e->type] : "MISC");
        rc_json_key(j, "key");
        rc_json_strz(j, e->key);
        rc_json_key(j, "canon");
        rc_json_strz(j, e->canon);
        if (!isnan(e->lat)) {
            rc_json_key(j, "lat");
            rc_json_num(j, e->lat);
            rc_json_key(j, "lon");
            rc_json_num(j, e->lon);
        }
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
}
