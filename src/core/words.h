/*
 * words.h - what the stages have found out about each distinct word, kept per thread across
 * documents. Every stage asks its lexicons, the gazetteer and the morphology about the tokens it
 * reads; the same few thousand words come back in every text, so the answers are kept here under
 * the word as written: a token is hashed once per document (rc_words_begin) and each stage's
 * question is then a read of its memo slot.
 *
 * A memo slot holds one 64-bit answer (a small struct packed into it, or a pointer into a table
 * of the context). An answer must depend only on the context and the token's bytes, never on
 * the token's neighbours or kind: what depends on those stays in the stage, which asks the memo
 * only for the part that is a function of the word.
 *
 * Lifetime: the table belongs to the thread and to the context (a pthread key of a table derived
 * from the context, freed with it or when rc_ctx_add_lexicons changes the lexicons). A
 * document's token annotation (doc->wids) is valid from rc_words_begin to rc_words_end, which
 * doc_analyse calls around the stages on one thread; outside, the memo is simply not used.
 */
#ifndef RC_WORDS_H
#define RC_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"

/* The memo slots, one per question a stage asks of a word. */
enum rc_word_memo {
    RC_WM_SRCLEX,      /* sources: srclex_info */
    RC_WM_CL_SURF,     /* claims: the claims table's entry of the folded word */
    RC_WM_CL_LEMMA,    /* claims: the entry of the word's lemma */
    RC_WM_CL_ENDS,     /* claims: the modality classes of the cues the word may end */
    RC_WM_MORPH_FLAGS, /* morphology: RC_M_* flags (rc_fr_morph's answer) */
    RC_WM_MORPH_LEMMA, /* morphology: lemma pointer */
    RC_WM_MORPH_VERB,  /* morphology: infinitive pointer */
    RC_WM_ENT_WORD,    /* entities: what the name lists say of the word */
    RC_WM_ENT_CUE,     /* entities: cue class */
    RC_WM_ENT_FUNC,    /* entities: function word */
    RC_WM_ENT_SHAPE,   /* entities: facts of the word's shape, each with its own set bit */
    RC_WM_FRAME,       /* framing: the word's entry */
    RC_WM_TIMES,       /* times: the time lexer's atom for the word (times_lex.re) */
    RC_WM_NUMBERS,     /* numbers: how the scan passes over the word (numbers.re) */
    RC_WM_N
};

/* Longest token, in bytes, that gets a record; longer tokens are asked about directly. */
#define RC_WORD_MAXLEN 64

/* One distinct word as written, with its folded form and the answers found so far. */
typedef struct rc_word {
    uint32_t off, len;   /* the bytes as written, in the table's pool */
    uint32_t foff, flen; /* the folded form (rc_fold) in the pool */
    uint32_t hash;       /* of the bytes as written */
    uint32_t have;       /* bit s: memo[s] holds an answer */
    uint64_t memo[RC_WM_N];
} rc_word;

/* Hashes every word token of doc (RC_TOK_WORD to RC_TOK_ABBREV) into this thread's table and
 * fills doc->wids (one record index per token, UINT32_MAX for tokens with none). Must be called on the thread that runs the stages.
 * Returns RC_OK, or RC_ENOMEM (then doc->wids is NULL and the stages ask directly). */
int rc_words_begin(rc_doc *doc);

/* Ends the document's use of the table (doc->wids is cleared). */
void rc_words_end(rc_doc *doc);

/* The record of token i, or NULL when it has none (no table, token too long). Valid until the
 * next token of this document gets its record in rc_words_begin, that is for the whole run of the
 * stages. */
static inline rc_word *rc_word_at(const rc_doc *doc, size_t i)
{
    if (!doc->wids || i >= doc->ntoks || doc->wids[i] == UINT32_MAX)
        return NULL;
    return &doc->words[doc->wids[i]];
}

/* The answer kept in slot s of token i's record: true and *v filled when there is one. */
static inline bool rc_word_get(const rc_doc *doc, size_t i, enum rc_word_memo s,
                               uint64_t *v /* OUT */)
{
    const rc_word *w = rc_word_at(doc, i);
    if (!w || !(w->have >> s & 1u))
        return false;
    *v = w->memo[s];
    return true;
}

/* Keeps v as the answer of slot s for token i's word (nothing when the token has no record). */
static inline void rc_word_set(const rc_doc *doc, size_t i, enum rc_word_memo s, uint64_t v)
{
    rc_word *w = rc_word_at(doc, i);
    if (!w)
        return;
    w->memo[s] = v;
    w->have |= 1u << s;
}

/* The folded form of token i (rc_fold of its bytes) and its length, or NULL when the token has no
 * record or its fold does not fit RC_WORD_MAXLEN * 2 bytes. Valid like rc_word_at. */
const char *rc_word_folded(const rc_doc *doc, size_t i, size_t *len /* OUT */);

/* Quick answers: one bit each in a byte per record, kept apart from the records in a dense array
 * so that a stage that asks about every token and is mostly told "nothing" reads one byte that
 * stays in the cache, not its answer in the record. Like memo slots, a bit depends only on the
 * context and the word's bytes, and starts clear. */
enum rc_word_bit {
    RC_WB_NOFRAME = 1u << 0, /* framing: the word starts no key of the framing table */
    /* entities: what the scan for names (ent_skip_words) reads of every word token */
    RC_WB_ENT_SEEN = 1u << 1,   /* the three bits below are set for the word */
    RC_WB_ENT_PLURAL = 1u << 2, /* a plural article (les, des, aux, ces) */
    RC_WB_ENT_ART = 1u << 3,    /* a name with the Arabic article in lower case (al-Assad) */
    RC_WB_ENT_LOWORG = 1u << 4, /* an organisation's name in lower case (les talibans)
                                 * (ent_skip_words shifts these three by their positions) */
    /* claims: what the scans of sentences for cues (cl_cue_end_from) read of every word token */
    RC_WB_CL_ENDSET = 1u << 5, /* the two bits below are set for the word */
    RC_WB_CL_DOUBT = 1u << 6,  /* may end a cue of hedge, dispute or denial */
    RC_WB_CL_REPORT = 1u << 7, /* may end a cue of report or denial */
};

/* Whether bit b is set for token i's word (false when the token has no record). */
static inline bool rc_word_bit(const rc_doc *doc, size_t i, enum rc_word_bit b)
{
    if (!doc->wids || i >= doc->ntoks || doc->wids[i] == UINT32_MAX)
        return false;
    return doc->wbits[doc->wids[i]] & b;
}

/* Sets bit b for token i's word (nothing when the token has no record). */
static inline void rc_word_bit_set(const rc_doc *doc, size_t i, enum rc_word_bit b)
{
    if (doc->wids && i < doc->ntoks && doc->wids[i] != UINT32_MAX)
        doc->wbits[doc->wids[i]] |= (uint8_t)b;
}

/* Tags of the string memo: what a string answer is an answer to. */
enum rc_word_str {
    RC_WS_ENTKEY, /* entities: rc_entkey_of of a name (the tag is this plus the entity type) */
    RC_WS_PLACE,  /* entities: rc_gaz_place_find of a name (the tag is this << 8) */
    RC_WS_ENTFOLD, /* entities: rc_entkey_fold of a name (the tag is this << 8) */
};

/* A string answer kept for a key of bytes (a name of several words, say) under tag, in this
 * thread's table: copies it into out (capacity cap, NUL-terminated) and returns its length, or
 * returns -1 when there is none (or it does not fit, or the stages are not running). */
long rc_words_str_get(const rc_doc *doc, uint32_t tag, const char *key, size_t klen, char *out,
                      size_t cap);

/* Keeps val[0..vlen) as the answer for key under tag (nothing when the stages are not running
 * or memory runs out: the memo is only a cache). */
void rc_words_str_set(const rc_doc *doc, uint32_t tag, const char *key, size_t klen,
                      const char *val, size_t vlen);

#endif
