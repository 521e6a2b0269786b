/*
 * wordclass.h - one table that tells, for a folded word, which languages count it as a function
 * word and whether it is web-page furniture. Built once from the lexicons when the context is
 * loaded, so that the cleaner makes one probe per word instead of one per lexicon.
 *
 * Words of the table are short (at most RC_WC_MAXLEN bytes folded), so a word is held as two
 * 64-bit words, zero-padded, and a probe is a multiplication and two comparisons. The lookup
 * functions are inline: the cleaner calls them for every word of every document.
 *
 * A probe returns an entry whether or not the word is in the table: its own, or else the empty
 * slot where the probe stopped, which reads as a word of no class. Each entry holds, besides the
 * class bits, what the word adds to a line's counts (lanes and tally), ready to be added: so the
 * cleaner counts a word with no branch on whether it was found or what it is.
 *
 * An ASCII word need not be lower-cased to be looked up: setting bit 5 (0x20) of each of its
 * bytes lower-cases the letters, and changes only bytes that no key of the table contains (control
 * characters and @ [ \ ] ^ _, checked when the table is built), into ones that keys may contain
 * (punctuation, digits, space). So a word found in that case-blind form is the key, unless the
 * key holds such punctuation: those keys are marked RC_WC_RECHECK, and looked up again by the
 * word's exact fold.
 */
#ifndef RC_WORDCLASS_H
#define RC_WORDCLASS_H

#include <stddef.h>
#include <stdint.h>

#include "core/lang.h"
#include "util/arena.h"

#define RC_WC_FURNITURE (1u << 31) /* in some language's furniture.txt */
#define RC_WC_RECHECK (1u << 30)   /* a case-blind probe that finds it must look up the fold */
/* bit l (l < 30): a function word of the context's language number l (funcwords.txt) */

#define RC_WC_MAXLEN 15 /* longer lexicon entries are left out of the table */

typedef struct rc_wordkey {
    uint64_t k[2]; /* the folded word, zero-padded to 16 bytes */
} rc_wordkey;

typedef struct rc_wc_entry {
    rc_wordkey key; /* all zero: empty slot */
    uint64_t lanes; /* the function-word bits of mask spread to one byte each: bit l to byte l */
    uint32_t mask;  /* class bits (0 in an empty slot, but RC_WC_RECHECK when blind is 0) */
    uint32_t tally; /* 1 for a word that is no function word, plus 1 << 16 if it is furniture */
} rc_wc_entry;

typedef struct rc_wordclass {
    rc_wc_entry *slots;
    size_t mask;    /* slots - 1, a power of two minus one */
    unsigned shift; /* 64 - log2(slots): a hash's top bits make the home slot */
    size_t n;
    int blind; /* case-blind probes are exact: no key has a byte below 0x20 or @ [ \ ] ^ _ */
    rc_wc_entry absent; /* a word that is not in the table: tally 1, nothing else */
    uint16_t lens;                        /* bit l: some word has l bytes */
    uint64_t first[RC_WC_MAXLEN + 1][4]; /* bit set: some word of this length starts with b */
    uint64_t last[RC_WC_MAXLEN + 1][4];  /* ... ends with b */
} rc_wordclass;

/* Builds the table from the funcwords and furniture lexicons of n languages, in arena a. */
int rc_wordclass_build(rc_arena *a, const rc_lang *langs, size_t n, rc_wordclass **out /* OUT */);

/* The home slot of w: the top bits of a multiplicative hash of its two halves. */
static inline size_t rc_wordkey_slot(const rc_wordclass *wc, const rc_wordkey *w)
{
    return (size_t)(((w->k[0] ^ w->k[1]) * 0x9e3779b97f4a7c15ull) >> wc->shift);
}

/* The entry of key w; when w is not in the table, the empty slot that ends its probe, which
 * counts as the absent entry does (a zero key, which no word makes, also finds one). */
static inline const rc_wc_entry *rc_wordclass_find(const rc_wordclass *wc, const rc_wordkey *w)
{
    for (size_t i = rc_wordkey_slot(wc, w);; i = (i + 1) & wc->mask) {
        const rc_wc_entry *e = &wc->slots[i];
        if ((e->key.k[0] == w->k[0] && e->key.k[1] == w->k[1]) || !e->key.k[0])
            return e;
    }
}

/* Lower-cases the ASCII letters of eight bytes at once; other bytes are kept. */
static inline uint64_t rc_wc_lower(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t low7 = v & ones * 0x7f; /* no carry out of a byte below */
    uint64_t upper = ((low7 + ones * (0x80 - 'A')) ^ (low7 + ones * (0x80 - 'Z' - 1))) & ~v;
    return v | (upper & ones * 0x80) >> 2; /* +32 where upper case */
}

/* The entry of a word of ASCII bytes, w zero-padded and m its mask (0xFF on each byte of the
 * word): looked up in its case-blind form, and again lower-cased only when the entry found says
 * so (every entry does, empty slots included, when the table has keys that make case-blind probes
 * inexact). A word must not end with NUL bytes, which the exact fold takes for padding and this
 * one for spaces: decoded text has none (rc_decode rejects them). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline const rc_wc_entry *rc_wordclass_find_ascii(const rc_wordclass *wc,
                                                         const rc_wordkey *w, const rc_wordkey *m)
{
    const uint64_t bit5 = 0x2020202020202020ull;
    rc_wordkey b = {{w->k[0] | (m->k[0] & bit5), w->k[1] | (m->k[1] & bit5)}};
    const rc_wc_entry *e = rc_wordclass_find(wc, &b);
    if (e->mask & RC_WC_RECHECK) {
        rc_wordkey f = {{rc_wc_lower(w->k[0]), rc_wc_lower(w->k[1])}};
        e = rc_wordclass_find(wc, &f);
    }
    return e;
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
