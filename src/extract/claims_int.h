/*
 * claims_int.h - what the modules of the claims stage share: the tokens of a document read as
 * folded words, phrase matching against the claims table, and the working record of one figure
 * while its claim is built. claims.c drives the stage; claims_match.c matches words and phrases;
 * claims_pred.c finds the counted noun and what happened; claims_parts.c the parts;
 * claims_ctx.c adds time, places and agent after claims_source.c's sources and
 * claims_modality.c's modality; claims_json.c writes the result (see docs/claims.md).
 */
#ifndef RC_CLAIMS_INT_H
#define RC_CLAIMS_INT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/doc.h"
#include "extract/claims_lex.h"

#define CL_MAXPARTS 8
#define CL_EXPLAIN 640

/* What the stage has found of one sentence, on first use: its tokens, and whether it has been
 * scanned for modality cues (the cues themselves are in the sentence's cl_scan). Kept small:
 * the array of them is cleared for every document, although few sentences are read. */
typedef struct cl_sent {
    uint32_t t0, t1;  /* its tokens [t0, t1) */
    uint8_t known;    /* t0, t1 are set */
    uint8_t scanned;  /* its cl_scan is set */
    uint8_t figure;   /* 0 not asked, 1 it holds no figure, 2 it holds one (cl_sent_has_figure) */
    uint8_t report;   /* 0 not asked, 1 no report or denial cue may end in it, 2 one may */
    uint8_t back;     /* 0 not asked, 1 it names no figure given before, 2 it does (ce bilan) */
} cl_sent;

/* The first modality cue of each class in one sentence, found in one scan (among all cues, and
 * among those marked near), which the claims of the sentence and of its neighbours then read
 * for whichever classes they want. Cleared when the sentence is scanned. */
typedef struct cl_scan {
    uint8_t cnt[2][CL_M_DENY + 1];  /* [near][class]: the cue's number of tokens */
    uint32_t cue[2][CL_M_DENY + 1]; /* [near][class]: the cue's first token + 1, 0 for none */
    uint32_t lead;                  /* a denial opening the sentence that answers the one
                                       before (Faux, assure X): its first token + 1, 0 none */
    uint8_t nlead;                  /* its number of tokens */
} cl_scan;

/* What the lexicons say of one token, found on first use: its own entry (maybe only a prefix of
 * phrases) and its lemma's; NULL when not looked up yet. */
typedef struct cl_word {
    const cl_entry *surf, *lemma;
    const cl_entry *best; /* the longest match from this token, when matched */
    uint8_t nbest, matched;
} cl_word;

/* Tokens per block of d->words that is cleared on first use: most of a document's tokens lie
 * in sentences without a figure, which the stage never reads. */
#define CL_BLOCK_SHIFT 6

/* The stretch of text [lo, hi) where the search of cl_num_at finds number p (nnums for none):
 * the rules read the tokens of a window one after the other, and most of them lie between the
 * same two numbers. Kept only when the numbers' ends are in text order, where the search finds
 * the first number ending after a byte, which is p for every byte of the stretch. */
typedef struct cl_numgap {
    uint32_t lo, hi;
    size_t p;
} cl_numgap;

/* The document as the stage reads it. */
typedef struct cl_doc {
    rc_doc *doc;
    const cl_table *t;
    cl_word *words;   /* one per token, in the document's arena, cleared by blocks */
    uint8_t *cleared; /* one per block of words: it has been cleared */
    cl_sent *sents;   /* one per sentence, zeroed */
    cl_scan *scans;   /* one per sentence, each cleared when its sentence is scanned */
    uint32_t *numt;   /* per number: its first token + 1 and its end token + 1, 0 unknown */
    cl_numgap *gap;   /* the last stretch cl_num_tok found; lo == hi when none is kept */
    bool nums_ordered; /* the numbers' ends never decrease (then the stretches hold) */
    bool sents_ordered; /* the sentences' ends never decrease (then cl_sentence walks) */
    size_t sent_hint;   /* where cl_sentence's walk starts: its last answer before clamping */
    size_t qc_tok, qc_ans; /* the last token asked of cl_quote_close + 1 (0 none), its answer */
    uint8_t *attr_deny; /* per attribution: 0 not asked, 1 its cue does not deny, 2 it does;
                         * NULL without attributions (or memory) */
    const struct rc_lexicon *countries; /* the lexicon ent_countries, once countries_asked */
    bool countries_asked;
} cl_doc;

/* The record of token i (i < doc->ntoks), its block cleared on first use. */
static inline cl_word *cl_w(const cl_doc *d, size_t i)
{
    size_t b = i >> CL_BLOCK_SHIFT;
    if (!d->cleared[b]) {
        size_t n = (size_t)1 << CL_BLOCK_SHIFT, first = b << CL_BLOCK_SHIFT;
        if (first + n > d->doc->ntoks)
            n = d->doc->ntoks - first;
        memset(d->words + first, 0, n * sizeof *d->words);
        d->cleared[b] = 1;
    }
    return &d->words[i];
}

/* A claim being built; c is what lands in doc->claims. */
typedef struct cl_fig {
    rc_claim c;
    size_t nt0, nt1;     /* the figure's tokens [nt0, nt1) */
    size_t ct;           /* the counted noun's token, or SIZE_MAX */
    size_t endt;         /* first token after the figure, its noun and its parts */
    size_t cend;         /* first token after the figure and its noun */
    size_t win0, win1;   /* the clause window: tokens [win0, win1) */
    size_t pred;         /* the predicate's first token, or SIZE_MAX */
    int pred_before;     /* the predicate comes before the figure */
    int agentive;        /* the figure is the subject of an active toll verb with an object */
    int pred_noun;       /* the predicate is a noun */
    int negated;         /* what a negated predicate said (n'ont pas tué), or -1 */
    int denied;          /* the claim comes from a negated predicate */
    int gov_what;        /* what of a noun governing the figure (l'évacuation de), or -1 */
    size_t sent;         /* sentence index */
    int follows;         /* modality of the claim it follows by ellipsis or coordination, or -1 */
    uint32_t asc0, asc1; /* the scope of the attribution its sources come from; asc1 0: none */
    /* cl_figure clears the fields above; those below are read only up to their counts */
    rc_claim_part parts[CL_MAXPARTS];
    size_t nparts;
    char explain[CL_EXPLAIN];
    size_t elen;
} cl_fig;

/* The classes a whole sentence is scanned for: doubt, dispute and denial. */
#define CL_DOUBT (1u << CL_M_HEDGE | 1u << CL_M_DISPUTE | 1u << CL_M_DENY)

/* The first token in [a, b) that may end a modality cue of a class in mods (a bit set of
 * 1 << CL_M_*), or b: a match ends with a clitic or with a word that ends a key of the class
 * (or whose lemma is one), so that no cue of those classes lies in [a, b) when none does. */
size_t cl_cue_end_from(const cl_doc *d, size_t a, size_t b, unsigned mods);

/* Finds token i's longest match up to the end of the text and keeps it in w (its record):
 * cl_match's first reading of a token. */
void cl_match_keep(const cl_doc *d, size_t i, cl_word *w);

/* cl_match when token i's kept longest match does not end before lim: matched again, within. */
const cl_entry *cl_match_within(const cl_doc *d, size_t i, size_t lim, size_t *nt /* OUT */);

/* The longest entry (not a mere prefix) of the table that starts at token i and ends before
 * token lim; *nt receives its number of tokens. NULL when none. The longest match up to the end
 * of the text is kept per token: the rules ask again and again. */
static inline const cl_entry *cl_match(const cl_doc *d, size_t i, size_t lim,
                                       size_t *nt /* OUT */)
{
    if (i >= lim || i >= d->doc->ntoks) {
        *nt = 0;
        return NULL;
    }
    cl_word *w = cl_w(d, i);
    if (!w->matched)
        cl_match_keep(d, i, w);
    if (i + w->nbest <= lim) {
        *nt = w->nbest;
        return w->best;
    }
    return cl_match_within(d, i, lim, nt);
}

/* The figure an article counting one stands for (un mort, une Italienne): one, or at least one
 * after a floor (au moins une personne), spanning the article's token t. */
static inline rc_number cl_one_number(const rc_token *t, bool floor)
{
    return (rc_number){t->start,      t->end,      1.0, floor ? 1.0 : NAN, NAN, false,
                       RC_NUM_NUMBER, RC_REL_NONE, 0};
}

/* The entry of the single word at token i (or of its lemma), or NULL. */
static inline const cl_entry *cl_word_at(const cl_doc *d, size_t i)
{
    size_t nt;
    return cl_match(d, i, i + 1, &nt);
}

/* Whether token k is a dash: a hyphen standing alone, an en or an em dash. */
static inline bool cl_dash(const rc_doc *doc, size_t k)
{
    const rc_token *t = &doc->toks[k];
    const unsigned char *c = (const unsigned char *)doc->text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && c[0] == '-') ||
           (n == 3 && c[0] == 0xe2 && c[1] == 0x80 && (c[2] == 0x93 || c[2] == 0x94));
}

/* Whether token i is a word, an elided word or a clitic. */
static inline int cl_is_word(const rc_doc *doc, size_t i)
{
    unsigned k = i < doc->ntoks ? doc->toks[i].kind : 0;
    return k == RC_TOK_WORD || k == RC_TOK_ELISION || k == RC_TOK_CLITIC;
}

/* Whether token i is a punctuation mark made of the single byte c. */
static inline int cl_punct(const rc_doc *doc, size_t i, char c)
{
    const rc_token *tk = &doc->toks[i];
    return tk->kind == RC_TOK_PUNCT && tk->end == tk->start + 1 && doc->text[tk->start] == c;
}

/* The index of the first token that starts at or after off. */
size_t cl_tok_at(const rc_doc *doc, uint32_t off);

/* cl_tok_at, searched from token h (any token; the nearer the answer, the fewer steps). */
size_t cl_tok_near(const rc_doc *doc, size_t h, uint32_t off);

/* The index of the number whose span holds byte off, or -1. */
long cl_num_at(const rc_doc *doc, uint32_t off);

/* cl_num_tok when token i lies outside the stretch kept: searches and keeps the new stretch. */
long cl_num_tok_search(const cl_doc *d, size_t i);

/* cl_num_at of token i's start, read from the stretch kept when it holds the token. */
static inline long cl_num_tok(const cl_doc *d, size_t i)
{
    uint32_t off = d->doc->toks[i].start;
    const cl_numgap *g = d->gap;
    if (off - g->lo >= g->hi - g->lo) /* outside [lo, hi), or none kept */
        return cl_num_tok_search(d, i);
    return g->p < d->doc->nnums && d->doc->nums[g->p].start <= off ? (long)g->p : -1;
}

/* The first token of number k (cl_tok_at of its start), kept per number. */
size_t cl_num_t0(const cl_doc *d, size_t k);

/* The first token after number k (cl_tok_at of its end), kept per number. */
size_t cl_num_t1(const cl_doc *d, size_t k);

/* The tokens [*a, *b) of sentence s, kept per sentence. */
void cl_sent_toks(const cl_doc *d, size_t s, size_t *a /* OUT */, size_t *b /* OUT */);

/* Whether byte off lies inside a time expression (a binary search: times are in text order). */
bool cl_in_time(const rc_doc *doc, uint32_t off);

/* Whether token i is a form of être, the auxiliary of a passive (a été tué, sont morts): class
 * be in claim_words.tsv. */
bool cl_passive_aux(const cl_doc *d, size_t i);

/* When sentence [s0, s1) opens on a cue that names its source after it (Selon X, ...), the token
 * of the comma that ends the source's phrase, or s1 when none does; SIZE_MAX when the sentence
 * does not open so. A figure before that comma stands in the source's phrase. */
size_t cl_selon_phrase_end(const cl_doc *d, size_t s0, size_t s1);

/* Whether token i is the reflexive pronoun (se, s'): class refl in claim_words.tsv. */
bool cl_reflexive(const cl_doc *d, size_t i);

/* Whether token i is a dash (-, –, —) standing alone as a punctuation token (cl_dash does not
 * ask its kind). */
bool cl_dash_punct(const rc_doc *doc, size_t i);

/* Whether the verb at token j (nt tokens) is active and has an object right after it: a figure
 * or an article (ont tué douze personnes, a tué un civil). Its subject is the agent, not a
 * victim; a passive (ont été tués) or a verb with no object (ont péri) is not. */
bool cl_active_object(const cl_doc *d, size_t j, size_t nt, size_t s1);

/* Whether the figure at token i is an age: de before it, a word of class age after it (un homme
 * de 37 ans). Its number is one token. */
bool cl_age(const cl_doc *d, size_t i);

/* Whether the word at byte s is not an entity other than MISC: a people (Soudanais) may be
 * counted, a name (27 Etats) not. */
bool cl_people_at(const rc_doc *doc, uint32_t s);

/* Whether token i (before s1) is a people's name as a figure's noun: capitalised, in no lexicon,
 * no entity but a people's (200 000 Soudanais), and plural unless one allows the singular (un
 * Guinéen). */
bool cl_people_word(const cl_doc *d, size_t i, size_t s1, bool one);

/* Whether token i (before s1) is a nationality in lower case and in the plural, in no lexicon of
 * the claims (85 soudanais, 147 congolais): a people counted as a figure's noun. */
bool cl_demonym_word(const cl_doc *d, size_t i, size_t s1);

/* The number of tokens of the armed group named at byte s (an organisation whose class in
 * ent_orgs.tsv is armed: sept ADF, 12 FDLR), or 0 when no such name starts there. */
size_t cl_armed_at(const rc_doc *doc, uint32_t s);

/* Appends "rule:words" (tokens [i, i + nt)) to the figure's explanation. */
void cl_explain_toks(cl_fig *f, const rc_doc *doc, const char *rule, size_t i, size_t nt);

/* The counted noun after token i (after skippable words and determiners): 1 with its tokens and
 * entry, 2 when words were skipped, 0 for none, -1 for a unit that is never counted. */
int cl_counted_after(const cl_doc *d, size_t i, size_t lim, size_t *ct /* OUT */,
                     size_t *cnt /* OUT */, const cl_entry **ce /* OUT */);

/* Whether a plain figure reads as a year (en 2011, depuis 2012). */
int cl_year(const cl_doc *d, const rc_number *n, size_t nt0, size_t s0);

/* Reads the parts after the figure's noun (token i on; s0, s1: the sentence's tokens) into f;
 * returns the token after the last part, or i when there is none (claims_parts.c). */
size_t cl_parts(const cl_doc *d, cl_fig *f, size_t i, size_t s0, size_t s1);

/* Reads the parts that follow the figure's predicate behind a comma; returns the token after the
 * last part, or f->endt (claims_parts.c). */
size_t cl_parts_late(const cl_doc *d, cl_fig *f, size_t s1);

/* Appends "rule" or "rule:detail" to the figure's explanation. */
void cl_explain(cl_fig *f, const char *rule, const char *detail, size_t dlen);

/* Fills modality, sources, time, places and agent of a figure whose what and who are known.
 * Returns RC_OK or RC_ENOMEM. */
int cl_context(cl_doc *d, cl_fig *f);

/* --- claims_match.c --- */

/* Whether the capitalised word at [s, e) names a place: a LOC entity starting there when the
 * entities stage found any, else a word that is not all capitals (2,5 % du PIB is no place). */
bool cl_place_at(const rc_doc *doc, uint32_t s, uint32_t e);

/* Whether the member (a figure or un/une and its noun) at token i opens the rest of a list
 * joined by commas and closed by et. */
bool cl_list_ahead(const cl_doc *d, size_t i, size_t s1);

/* The next article counting one at or after token *i, as a figure in *n; 0 when none is left. */
int cl_next_one(const cl_doc *d, size_t *i, rc_number *n /* OUT */);

/* --- claims_pred.c --- */

/* The counted noun before a figure that a link (est de, s'élève à, a comma) ties to it: after a
 * toll noun (le nombre des miliciens et de leurs familles), the first noun after it; else the
 * nearest. Returns 1 and the noun's token, or 0. */
int cl_counted_before(const cl_doc *d, size_t nt0, size_t s0, int comma,
                      size_t *ct /* OUT */, size_t *cnt /* OUT */,
                      const cl_entry **ce /* OUT */, int *sum);

/* Whether a predicate fits what is counted: taking control is said of areas only, and areas
 * are only taken, held or lost. */
static inline int cl_pred_fits(int what, int who)
{
    if (what < 0)
        return 0;
    if (who == RC_WHO_OTHER) /* strikes, rockets, buildings: launched, destroyed */
        return what == RC_WHAT_OTHER;
    if (what == RC_WHAT_CONTROLLED)
        return who == RC_WHO_AREAS;
    if (who == RC_WHO_AREAS)
        return what == RC_WHAT_CONTROLLED || what == RC_WHAT_OTHER;
    if (who == RC_WHO_VEHICLES && what == RC_WHAT_FLED)
        return 0; /* bus that leave a city carry evacuees; vehicles do not flee */
    return 1;
}

/* Finds the predicate of a figure in its clause: after it first (passive, participle, relative
 * clause: 82 civils tués, qui ont déposé les armes), then before it (ont tué au moins 82, la
 * mort de 12 soldats). Sets f->win0/win1 and f->pred; returns its what or -1. */
int cl_predicate(const cl_doc *d, cl_fig *f, size_t s0, size_t s1, long self);

/* --- claims_source.c --- */

/* A name read from tokens [a, b) of a sentence: determiners and a leading complement of place
 * or time skipped (a annoncé à Genève X), up to a comma, a quote, a grammar stop or a cue. */
int cl_name_after(const cl_doc *d, size_t a, size_t b, size_t *na, size_t *nb);

/* Sources and whether they deny the figure (a cue démentir, nier). */
int cl_sources(cl_doc *d, cl_fig *f, size_t s0, size_t s1, int *denied);

/* What a source's own words say of it (cl_source_voice). */
enum cl_voice {
    CL_VOICE_NONE,   /* a source that vouches for the figure */
    CL_VOICE_HEDGED, /* it says it is unsure (des informations non vérifiées, des rumeurs non
                      * confirmées): such a phrase names nobody who vouches for the figure */
    CL_VOICE_OWN     /* the outlet itself (selon nos informations, d'après notre rédaction): its
                      * name or the two words before it hold a phrase marked own */
};

/* Whether a source is hedged or the outlet's own voice (hedged first). near: a token near the
 * source's words (the figure's), where their search starts. */
int cl_source_voice(const cl_doc *d, const rc_speaker *sp, size_t near);

/* --- claims_modality.c --- */

/* Modality: denied > disputed > expected > hedged > conditional > reported > asserted. */
void cl_modality(cl_doc *d, cl_fig *f, size_t s0, size_t s1, int denied);

#endif
