/*
 * attrib_int.h - what the modules of the attribution pass share: the chain of sources an
 * attribution names, the state of the pass over the sentences, and the readers one module lends
 * another. attrib_cue.c matches cue phrases; attrib_chain.c reads the sources of a cue or verb
 * into a chain (joint sources, relays, the outlet told); attrib_verb.c handles a reporting verb
 * (its group, subject on either side, scope and quote); attrib.c runs the pass, handles "selon"
 * cues, makes the attributions and gives the quotes left over their speakers.
 */
#ifndef RC_ATTRIB_INT_H
#define RC_ATTRIB_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/attrib.h"
#include "core/words.h"

#define MAXCHAIN 8
#define CUE_WINDOW 8 /* tokens between a verb and the de source / à l'AFP it takes */

/* The sources of an attribution, the original speaker first, then each relay. */
typedef struct chain {
    rc_speaker link[MAXCHAIN];
    size_t n;
    uint32_t joint; /* bit k: link k stands beside link k-1 */
} chain;

/* The state of the pass over a document's sentences. */
typedef struct pass {
    src_state *st;
    const quote_tok *qt;
    size_t attrcap;
    uint32_t sent, a, b;   /* the sentence being read, in tokens */
    size_t sent_first;     /* first attribution made in this sentence */
    chain citing;          /* citant X: sources waiting for the verb that relays them */
    uint32_t citing_tok;
    size_t qnext;          /* first quote not yet finished with */
    size_t *sent_attr;     /* first attribution made in each sentence (in making order) */
    size_t lead;           /* the attribution of a selon X that opens the sentence + 1, 0 none */
    uint32_t lead_end;     /* the token after its source and comma */
    size_t ppre;           /* the attribution of a present participle after its subject + 1 (un
                            * élu s'exprimant sous couvert de l'anonymat), 0 none */
    rc_speaker last;       /* the speaker of the last quote given one */
    uint32_t last_sent;
    bool has_last;
} pass;

/* attrib_cue.c */

/* How many tokens at i make an aside that may stand inside a cue phrase (cité mardi par, fait
 * pour sa part état de, parlent, eux, de); 0 when none does. */
uint32_t attrib_phrase_aside(const src_state *st, uint32_t i, uint32_t lim);

/* The longest cue phrase at token i (whose word starts one: SL_CUE), or NULL; *end receives
 * the token after it. */
const srclex_cue *attrib_cue_match(const src_state *st, uint32_t i, uint32_t lim,
                                   uint32_t *end /* OUT */);

/* The longest cue phrase at token i, or NULL; most tokens start none, which one bit tells.
 * Most of the others are a word that is no cue alone (de, à, d') before a word that goes on with
 * none of its phrases: told here from the next word's folded form in the thread's word table,
 * as attrib_cue_match's quick test would (a word that may stand for an aside inside a phrase,
 * an adverb, a preposition or a comma, is left to it). */
static inline const srclex_cue *attrib_cue_at(const src_state *st, uint32_t i, uint32_t lim,
                                       uint32_t *end)
{
    const srclex_info *ti = st->ti;
    if (!(ti[i].bits & SL_CUE))
        return NULL;
    int32_t c = ti[i].cue;
    if (c >= 0 && (size_t)c < st->ncues && st->cues[c].alone < 0 && i + 1 < lim) {
        const srclex_cue *head = &st->cues[c];
        const rc_doc *doc = st->doc;
        uint32_t id = doc->wids ? doc->wids[i + 1] : UINT32_MAX;
        if (id != UINT32_MAX && doc->words[id].flen != UINT32_MAX) {
            size_t n = doc->words[id].flen;
            const unsigned char *f = (const unsigned char *)doc->wpool + doc->words[id].foff;
            if (n != 0 && n <= 64 - 4 && !srclex_may_go_on(head, f[0], n > 1 ? f[1] : 0) &&
                (!head->spaced || (!(ti[i + 1].bits & (SL_ADV | SL_LOC | SL_PREP)) &&
                                   doc->toks[i + 1].kind != RC_TOK_PUNCT)))
                return NULL;
        }
    }
    return attrib_cue_match(st, i, lim, end);
}

/* The token range of the document's quote q, marks included. */
static inline uint32_t attrib_quote_last(const quote_tok *q)
{
    return q->closed ? q->ob : q->ob - 1;
}

/* attrib_chain.c */

/* Appends a link to a chain (kept at MAXCHAIN). */
void attrib_chain_add(chain *c, const rc_speaker *sp, bool joint);

/* Appends the links of attribution a's chain from link `from` on (kept at MAXCHAIN). */
void attrib_chain_append(chain *c, const rc_attribution *a, size_t from);

/* The author a statement noun points back to (le communiqué affirme): the first source of a
 * recent attribution. False when there is none. */
bool attrib_via_antecedent(const pass *ps, const src_np *np, rc_speaker *sp /* OUT */);

/* Reads a source at token j for a cue into np and sp. RC_OK, RC_ENOMEM, or 1 when there is
 * none. */
int attrib_read_source(pass *ps, uint32_t j, uint32_t lim, bool loose, src_np *np /* OUT */,
                       rc_speaker *sp /* OUT */);

/* Whether token k's word is in the language's word list of that name. */
bool attrib_tok_listed(const src_state *st, uint32_t k, enum srclex_lexicon list);

/* Whether token k is a possessive by which the outlet names itself (notre antenne). */
bool attrib_own_outlet(const src_state *st, uint32_t k);

/* Sources joined to the one just read (selon X et Y), then relays (X, cité par Y), added to c;
 * *end receives the token after them. RC_OK or RC_ENOMEM. */
int attrib_read_joint_relays(pass *ps, uint32_t j, uint32_t lim, chain *c,
                             uint32_t *end /* OUT */);

/* Whether the verb group at g follows an aside between commas that a relay cue or a relative
 * pronoun opens (des habitants, joints par X, ont dénoncé; une mère, qui a perdu ses fils, a
 * accusé): the subject stands before it, and a phrase after the verb is its object. */
bool attrib_relay_aside_before(const src_state *st, uint32_t g, uint32_t a);

/* An outlet told after a verb (a indiqué à l'AFP), added to c; *end receives the token after
 * it, or j when there is none. RC_OK or RC_ENOMEM. */
int attrib_read_told(pass *ps, uint32_t j, uint32_t lim, bool subj, chain *c,
                     uint32_t *end /* OUT */);

/* attrib_verb.c */

/* A reporting verb at token i (ending at vend) with verb entry v: finds its group, subject,
 * relays and scope, and the quote it introduces or follows. *next receives where to go on. */
int attrib_on_verb(pass *ps, uint32_t i, uint32_t vend, int v, uint32_t *next /* OUT */);

/* attrib.c */

/* Sets the speaker of quote q when it has none. */
void attrib_give_quote(pass *ps, size_t q, const rc_speaker *sp, const char *verb);

/* Whether quote q names a term rather than reports speech (parlent de « terroristes »). */
bool attrib_quote_is_term(const pass *ps, size_t q);

/* Adds an attribution over tokens [ta, tb) with scope [sa, sb); the chain is copied into the
 * arena. RC_OK or RC_ENOMEM. */
int attrib_add_attr(pass *ps, uint32_t ta, uint32_t tb, uint32_t sa, uint32_t sb,
                    const char *cue, const chain *c, int32_t quote, bool denied);

/* The scope of quote q when it is what an attribution covers. */
void attrib_quote_scope(const pass *ps, size_t q, uint32_t *sa /* OUT */, uint32_t *sb /* OUT */);

/* The token after the end of the sentence's text, leaving out its final punctuation. */
uint32_t attrib_sent_end_trim(const pass *ps);

#endif
