/*
 * wordclass.h - one table that tells, for a folded word, which languages count it as a function
 * word and whether it is web-page furniture. Built once from the lexicons when the context is
 * loaded, so that the cleaner makes one probe per word instead of one per lexicon.
 */
#ifndef RC_WORDCLASS_H
#define RC_WORDCLASS_H

#include <stddef.h>
#include <stdint.h>

#include "lang/lang.h"
#include "util/arena.h"

#define RC_WC_FURNITURE (1u << 31) /* in some language's furniture.txt */
/* bit l (l < 31): a function word of the context's language number l (funcwords.txt) */

typedef struct rc_wordclass rc_wordclass;

/* Builds the table from the funcwords and furniture lexicons of n languages, in arena a. */
int rc_wordclass_build(rc_arena *a, const rc_lang *langs, size_t n, rc_wordclass **out /* OUT */);

/* The hash the table uses (FNV-1a), exposed so that a scanner can compute it while it folds a
 * word, byte by byte: h = RC_WC_HASH_INIT, then h = RC_WC_HASH_STEP(h, byte) for each byte. */
#define RC_WC_HASH_INIT 2166136261u
#define RC_WC_HASH_STEP(h, c) (((h) ^ (uint32_t)(c)) * 16777619u)
uint32_t rc_wordclass_hash(const char *s, size_t n);

/* The class bits of a folded word whose rc_wordclass_hash is hash (0 when unknown). */
uint32_t rc_wordclass_get(const rc_wordclass *wc, const char *key, size_t len, uint32_t hash);

/* Length of the longest word in the table: longer words need no probe. */
size_t rc_wordclass_maxlen(const rc_wordclass *wc);

/* A quick filter before folding and probing: false when no word of the table has this length,
 * first byte and last byte (all folded), true when one may. */
int rc_wordclass_maybe(const rc_wordclass *wc, size_t len, unsigned char first, unsigned char last);

#endif
