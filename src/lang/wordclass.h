/*
 * wordclass.h - one table that tells, for a folded word, which languages count it as a function
 * word and whether it is web-page furniture. Built once from the lexicons when the context is
 * loaded, so that the cleaner makes one probe per word instead of one per lexicon.
 *
 * Words of the table are short (at most RC_WC_MAXLEN bytes folded), so a word is held as two
 * 64-bit words, zero-padded, and a probe is two multiplications and two comparisons. The lookup
 * functions are inline: the cleaner calls them for every word of every document.
 */
#ifndef RC_WORDCLASS_H
#define RC_WORDCLASS_H

#include <stddef.h>
#include <stdint.h>

#include "lang/lang.h"
#include "util/arena.h"

#define RC_WC_FURNITURE (1u << 31) /* in some language's furniture.txt */
/* bit l (l < 31): a function word of the context's language number l (funcwords.txt) */

#define RC_WC_MAXLEN 15 /* longer lexicon entries are left out of the table */

typedef struct rc_wordkey {
    uint64_t k[2]; /* the folded word, zero-padded to 16 bytes */
} rc_wordkey;

typedef struct rc_wc_entry {
    rc_wordkey key; /* all zero: empty slot */
    uint32_t mask;
} rc_wc_entry;

typedef struct rc_wordclass {
    rc_wc_entry *slots;
    size_t mask; /* slots - 1, a power of two minus one */
    size_t n;
    uint16_t lens;                        /* bit l: some word has l bytes */
    uint64_t first[RC_WC_MAXLEN + 1][4]; /* bit set: some word of this length starts with b */
    uint64_t last[RC_WC_MAXLEN + 1][4];  /* ... ends with b */
} rc_wordclass;

/* Builds the table from the funcwords and furniture lexicons of n languages, in arena a. */
int rc_wordclass_build(rc_arena *a, const rc_lang *langs, size_t n, rc_wordclass **out /* OUT */);

static inline size_t rc_wordkey_hash(const rc_wordkey *w)
{
    uint64_t h = w->k[0] * 0x9e3779b97f4a7c15ull ^ w->k[1] * 0xc2b2ae3d27d4eb4full;
    return (size_t)(h ^ (h >> 29));
}

/* The class bits of a folded word (0 when unknown). */
static inline uint32_t rc_wordclass_get(const rc_wordclass *wc, const rc_wordkey *w)
{
    for (size_t i = rc_wordkey_hash(w) & wc->mask;; i = (i + 1) & wc->mask) {
        const rc_wc_entry *e = &wc->slots[i];
        if (e->key.k[0] == w->k[0] && e->key.k[1] == w->k[1])
            return e->mask;
        if (!e->key.k[0])
            return 0;
    }
}

/* A quick filter before folding and probing: false when no word of the table has this folded
 * length, first byte and last byte; true when one may. */
static inline int rc_wordclass_maybe(const rc_wordclass *wc, size_t len, unsigned char first,
                                     unsigned char last)
{
    /* one branch: the three tests are unpredictable and cheap, so all are made */
    return len <= RC_WC_MAXLEN && (((wc->lens >> len) &
                                    (wc->first[len][first >> 6] >> (first & 63)) &
                                    (wc->last[len][last >> 6] >> (last & 63))) & 1);
}

#endif
