/*
 * morph.h - French morphology from Debian's hunspell-fr dictionary through libhunspell: the lemma,
 * part of speech, mood and tense of a word form. Each distinct form is analysed once and cached,
 * so that stages may ask about every word they look at.
 */
#ifndef RC_FR_MORPH_H
#define RC_FR_MORPH_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"

/* What a word form can be; a form may be several (bits or'ed over its analyses). */
#define RC_M_KNOWN 0x1     /* the dictionary has the form */
#define RC_M_NOUN 0x2
#define RC_M_VERB 0x4
#define RC_M_ADJ 0x8
#define RC_M_ADV 0x10
#define RC_M_PROPER 0x20   /* a proper noun of the dictionary (Paris, Pierre) */
#define RC_M_FUNC 0x40     /* determiner, pronoun, preposition, conjunction */
#define RC_M_INF 0x100     /* infinitive */
#define RC_M_PPAS 0x200    /* past participle */
#define RC_M_PPRE 0x400    /* present participle */
#define RC_M_IND 0x800     /* indicative present */
#define RC_M_IMPF 0x1000   /* indicative imperfect */
#define RC_M_PSIM 0x2000   /* passé simple */
#define RC_M_FUT 0x4000    /* future */
#define RC_M_COND 0x8000   /* conditional */
#define RC_M_SUBJ 0x10000  /* subjunctive */
#define RC_M_IMPE 0x20000  /* imperative */
#define RC_M_PLURAL 0x40000
#define RC_M_FEMININE 0x80000

typedef struct rc_morph {
    uint32_t flags;    /* RC_M_* */
    const char *lemma; /* the verb's infinitive, the noun's singular ...; NULL when unknown.
                        * Owned by the cache, valid until the context is freed. When the form
                        * has several readings: a proper noun's stem for a capitalised form,
                        * else être/avoir when one reading is the auxiliary, else the first
                        * reading of the dictionary ("dit" -> "dit", "rebelles" -> "rebelle"). */
    const char *verb;  /* the infinitive when one reading is a verb form ("dit" -> "dire"),
                        * else NULL; owned and kept like lemma */
} rc_morph;

/* Analyses one word form (UTF-8, as written; case is kept, so "Marie" and "marie" differ).
 * Returns 1 and fills *out when the dictionary knows the form, 0 when it does not (or when no
 * dictionary is installed: then every word is unknown and stages fall back on their lexicons). */
int rc_fr_morph(const rc_ctx *ctx, const char *word, size_t len, rc_morph *out /* OUT */);

/* rc_fr_morph of token i of doc, the answer kept in the thread's word table (core/words.h) so
 * that the stages asking about the same word cost one read. */
int rc_fr_morph_tok(const rc_doc *doc, size_t i, rc_morph *out /* OUT */);

#endif
