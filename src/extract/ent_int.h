/*
 * ent_int.h - what the modules of the entity stage share: the stage's state on one document
 * (ent_run, with the lexicons it reads and its per-token memos), the cue classes of ent_cues.tsv,
 * the small per-token readers every module calls on most tokens (inline here so that they cost
 * no call), and the prototypes the modules export to each other. entities.c takes, types, adds,
 * resolves and splits the runs of a document and drives the stage; ent_words.c answers what one
 * token or word is (its cue class, what the name lists say of it, its shape); ent_context.c reads
 * the words around a candidate name (titles, place triggers, datelines, ages, nicknames).
 * Everything here is private to src/extract; the stage's public face is entities.h.
 */
#ifndef RC_ENT_INT_H
#define RC_ENT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/doc.h"
#include "core/lexicon.h"
#include "core/words.h"
#include "extract/gazetteer.h"
#include "lang/fr/morph.h"

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

/* The lexicons the stage reads, found once per context with the gazetteer. */
typedef rc_gaz_lexicons ent_lex;

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

/* The facts of ent_shape: each takes two bits of the RC_WM_ENT_SHAPE memo, set then value. */
enum ent_shape_fact {
    SH_CAPS_COMMON, /* ent_caps_common: a common word written in capitals */
    SH_ARTICLE,     /* ent_article_name: al-Assad */
    SH_ORG_ADJ,     /* ent_org_adjective: may continue an organisation's name */
    SH_STARTS_NAME, /* rc_gaz_starts_name: the first word of a known name of several words */
    SH_BACKSTOP,    /* ends a title's look-back: only a verb, or an auxiliary or conjunction */
    SH_LOWER_ORG,   /* a lower-case word that is an organisation's name (talibans, shebab) */
    SH_DEF_ARTICLE, /* a definite article (source_grammar): it may open a title (Le Monde) */
    SH_MAY_KNOWN    /* some organisation or country name starts with the word (ent_may_be_known) */
};

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

/* ---- ent_words.c: what one token or word is. The ent_run is the caller's; the answers are kept
 * in its per-token memos and in the thread's word table (core/words.h). */

/* What the name lists say of token i alone, looked up once per document. */
unsigned ent_tword_ask(ent_run *r, size_t i);

/* The cue class of token i, looked up once per document. */
enum ent_cue ent_tcue_ask(ent_run *r, size_t i);

/* Whether token i is a function word (funcwords.txt), looked up once per document. */
bool ent_tfunc_ask(ent_run *r, size_t i);

/* Whether a word token is all capitals and digits, two characters or more with a letter: an
 * acronym (ONU, M23). Latin-1 capitals count. */
bool ent_acronym(const char *s, size_t n);

/* Whether a lower-case word carries the Arabic article before a capital: al-Qasr, el-Assad,
 * ad-Din. */
bool ent_article_name(const char *s, size_t n);

/* ent_head_of of a word of four bytes or more starting with a, e or u: through its article
 * when it is an article name. */
enum ent_cue ent_head_of_article(ent_run *r, size_t i);

/* Whether token i can be part of a name: a capitalised word, an acronym, or an article name.
 * Asked of most tokens several times (runs, look-backs, look-aheads): answered once per token,
 * and the part that depends on the word alone once per word (ent_shape). */
bool ent_namelike_ask(ent_run *r, size_t i);

/* Whether a capitalised word opening a sentence is a common word rather than a name: a function
 * word, a cue word, or a word the dictionary knows only as a common word. */
bool ent_common_opener(ent_run *r, size_t i);

/* Whether the lower-case word of token i may continue an organisation's name after its head (an
 * adjective: syrien, islamique, nationale), asked once per word (ent_shape). */
bool ent_org_adjective(ent_run *r, size_t i);

/* ent_type_known of a run of two words or more: the organisation and country lists. */
int ent_type_known_run(ent_run *r, size_t a, size_t b);

/* Whether the run [a, b) opening a sentence is an unknown word then a name the lexicons know
 * (Même Al Jazeera, Hier Kharkiv): the first word is then no part of the name. */
bool ent_known_rest(ent_run *r, size_t a, size_t b);

/* Whether a word is a model's designation: one to three letters, a hyphen, digits (F-16, Su-25,
 * MQ-9, KAB-500), the first a capital. */
bool ent_model(const char *s, size_t n);

/* ---- ent_context.c: the words around a candidate name. They read r and its memos only (the
 * entities found so far in doc->ents included) and change nothing but the memos. */

/* What names the thing right before token a, across one or two adjectives in lower case: an
 * outlet's or a group's noun (la radio militaire X, le site local X, le quotidien X: 1) or a
 * thing's noun (des bombes planantes X, trois chars X: 2); 0 for neither. */
int ent_noun_before(ent_run *r, size_t a, size_t sent_start);

/* Reads the words before token a, back to the sentence start or at most ENT_TITLE_BACK tokens
 * (ent_context.c). */
ent_ctx_cue ent_context(ent_run *r, size_t a, size_t sent_start);

/* Whether the run [a, b) in capitals opens a line as a dateline: KHARTOUM, 14 avril (AFP) -;
 * NYALA (Soudan) -; EL-FACHER - . A place, however much it looks like an acronym. */
bool ent_dateline(const ent_run *r, size_t a, size_t b);

/* Whether the run [a, b) is the outlet of a dateline, in brackets after the date and before a
 * dash: Butembo, 10 juin 2024 (Kivu Matin) - ... (like the agencies' (AFP) -). */
bool ent_dateline_outlet(const ent_run *r, size_t a, size_t b);

/* Whether the run [a, b), that nothing types, is a whole sentence in a foreign language: a
 * slogan or a cry (Slava Ukraini !; Bring Them Home Now.; Am Israel Chai.), three words or more
 * from the sentence start (only capitalised words before a), or closed by an exclamation mark.
 * A name alone ending a sentence is not a person's then. */
bool ent_slogan(ent_run *r, size_t a, size_t b, size_t sent_start);

/* Whether a name is followed by an age in apposition (Olena, 34 ans, ...; Espérance (52 ans)):
 * only a person is given an age so, whatever else the name could be. The age must close there
 * (a comma, a bracket, a full stop), so that "Alep, cinq ans après" is no age. */
bool ent_age_after(const ent_run *r, size_t b);

/* Whether the name at token a is a nickname: after dit, surnommé or alias (X, dit « Y »;
 * Moussa dit Bébé), the word before being a comma or a name, so that "a dit" is not one. */
bool ent_nickname(ent_run *r, size_t a, size_t sent_start);

/* Whether the name at token a is what a named thing was called: baptisée (« X »), dénommée X,
 * with an event's or a thing's noun a few words before the participle (l'opération, baptisée
 * Sindoor; une opération baptisée « Lake Sanity 2 »). */
bool ent_baptised(ent_run *r, size_t a, size_t sent_start);

/* Whether a point of the compass at token a names a region: after a region's noun and de, du,
 * de l' (la région du Nord-Ouest, Région de l'Est), or as the next item of such a list (les
 * régions du Nord et de l'Est). */
bool ent_region_before(ent_run *r, size_t a, size_t sent_start);

/* Whether token i is the number of a unit right after its capitalised head (la Brigade 444,
 * fidèles ...): a few digits, then no noun it would count (Brigade 300 hommes). */
bool ent_unit_number(ent_run *r, size_t i);

/* Whether token a is a definite article written with a capital inside a sentence (cité par Le
 * Nouvelliste, le quotidien Le Potentiel): the start of a title, which keeps it. After a colon
 * or a quote a capital is the sentence's own. */
bool ent_title_article(ent_run *r, size_t a, size_t b, size_t sent_start);

/* ---- The per-token readers, inline: each is asked of most tokens, several times. */

/* The bytes of token i. */
static inline const char *tok_s(const rc_doc *d, size_t i)
{
    return d->text + d->toks[i].start;
}

/* The length in bytes of token i. */
static inline size_t tok_n(const rc_doc *d, size_t i)
{
    return d->toks[i].end - d->toks[i].start;
}

/* A fact of token i's word alone, computed by ask once per word and kept in the thread's word
 * table across documents (tokens without a record are asked every time). */
static inline bool ent_shape(ent_run *r, size_t i, enum ent_shape_fact f, bool (*ask)(ent_run *, size_t))
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

/* Whether a lower-case word starting with byte c may be an article name (ent_article_name's
 * first test). */
static inline bool ent_article_start(char c)
{
    return c == 'a' || c == 'e' || c == 'u';
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

/* ent_tword_ask, read from the token's cache after the first time. */
static inline unsigned ent_tword(ent_run *r, size_t i)
{
    unsigned w = r->tword[i];
    return w & W_SET ? w : ent_tword_ask(r, i);
}

/* ent_tcue_ask, read from the token's cache after the first time. */
static inline enum ent_cue ent_tcue(ent_run *r, size_t i)
{
    unsigned c = r->tcache[i];
    return c & TC_CUE_SET ? (enum ent_cue)(c & TC_CUE) : ent_tcue_ask(r, i);
}

/* ent_tfunc_ask, read from the token's cache after the first time. */
static inline bool ent_tfunc(ent_run *r, size_t i)
{
    unsigned c = r->tcache[i];
    return c & TC_FUNC_SET ? (c & TC_FUNC) != 0 : ent_tfunc_ask(r, i);
}

/* ent_namelike_ask, answered from the token's memo after the first time; the tokens that fail
 * its first tests (no word; a lower-case word too short or not starting like an article) are
 * answered here without a call. */
static inline bool ent_namelike(ent_run *r, size_t i)
{
    uint8_t m = r->tname[i];
    if (m)
        return m == 2;
    const rc_token *t = &r->doc->toks[i];
    if (t->kind != RC_TOK_WORD ||
        (!(t->flags & RC_TF_UPPER) &&
         (t->end - t->start < 4 || !ent_article_start(r->doc->text[t->start]))))
        return false;
    return ent_namelike_ask(r, i);
}

/* Whether a word links a name to what follows inside an organisation's name. */
static inline bool ent_org_link(const char *s, size_t n)
{
    /* pour and contre open a complement only before an article: pour les réfugiés, contre
     * l'impunité, not pour évoquer; the caller checks that an article follows */
    switch (n) { /* de des du d' d’ aux l' l’ la les pour contre, by length */
    case 2:
        return (s[0] == 'd' && (s[1] == 'e' || s[1] == 'u' || s[1] == '\'')) ||
               (s[0] == 'l' && (s[1] == '\'' || s[1] == 'a'));
    case 3:
        return memcmp(s, "des", 3) == 0 || memcmp(s, "aux", 3) == 0 ||
               memcmp(s, "les", 3) == 0;
    case 4:
        return memcmp(s, "d\xe2\x80\x99", 4) == 0 || memcmp(s, "l\xe2\x80\x99", 4) == 0 ||
               memcmp(s, "pour", 4) == 0;
    case 6: return memcmp(s, "contre", 6) == 0;
    default:
        return false;
    }
}

/* Whether some organisation or country name starts with the word of token i (false only when
 * none does; true when the word has no record), as an ent_shape question. */
static inline bool ent_may_be_known_q(ent_run *r, size_t i)
{
    size_t fn;
    const char *f = rc_word_folded(r->doc, i, &fn);
    return !f || rc_gaz_is_prefix(r->gaz, rc_gaz_prefix_hash(RC_GAZ_PREFIX_SEED, f, fn));
}

/* ent_may_be_known_q of token i, once per word: a cheap test before looking a run up. */
static inline bool ent_may_be_known(ent_run *r, size_t i)
{
    return ent_shape(r, i, SH_MAY_KNOWN, ent_may_be_known_q);
}

/* The type the run of tokens [a, b) gets from the gazetteers alone, or -1: organisations,
 * countries and regions, peoples (MISC); ENT_NONE for a nationality (230 Ukrainiens), which
 * counts people and names nothing. A one-word run is answered from the token's cached bits,
 * inline: most runs are one word. */
static inline int ent_type_known(ent_run *r, size_t a, size_t b)
{
    if (b != a + 1)
        return ent_type_known_run(r, a, b);
    unsigned w = ent_tword(r, a);
    return w & W_ORG       ? RC_ENT_ORG
           : w & W_COUNTRY ? RC_ENT_LOC
           : w & W_PEOPLE  ? RC_ENT_MISC
           : w & W_DEMO    ? ENT_NONE
                           : -1;
}

/* The cue class of a name's head word, through an article (al-Jabhat -> jabhat); inline for
 * the words that cannot be article names, most of them. */
static inline enum ent_cue ent_head_of(ent_run *r, size_t i)
{
    const rc_token *t = &r->doc->toks[i];
    if (t->end - t->start < 4 || !ent_article_start(r->doc->text[t->start]))
        return ent_tcue(r, i);
    return ent_head_of_article(r, i);
}

#endif
