/*
 * wordclass.c - building the merged word-class table: open addressing over the hash of the
 * zero-padded key, load factor at most one half, so that a probe, for a word of the table or
 * not, seldom goes past its first slot's cache line, while the table stays small enough to be
 * found in the cache: the cleaner probes it for most words of each text, between the stages'
 * work on the text before, and a sparser table cost a miss per probe. Once all keys are in, every slot, empty ones included, is
 * given what its word adds to a line's counts.
 */
#include "core/wordclass.h"

#include <string.h>

#include "recoupe.h"

typedef struct wc_add {
    rc_wordclass *wc;
    uint32_t bit;
} wc_add;

/* The bits a key adds besides its class: RC_WC_RECHECK when a case-blind probe may find it for
 * another word, that is when it has ASCII punctuation, digits or spaces (which bit 5 makes of
 * control characters and other punctuation); and it clears wc->blind when it has one of those
 * other bytes, which no case-blind probe would find. */
static uint32_t wc_case_bits(rc_wordclass *wc, const char *key, size_t len)
{
    uint32_t bits = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        if (c >= 0x80 || (c >= 'a' && c <= 'z'))
            continue;
        if (c & 0x20)
            bits = RC_WC_RECHECK;
        else
            wc->blind = 0;
    }
    return bits;
}

/* rc_lex_each callback: adds one key (already folded by the lexicon) with its bit. */
static int wc_add_key(void *ud, const char *key, const char *value)
{
    (void)value;
    wc_add *add = ud;
    rc_wordclass *wc = add->wc;
    size_t len = strlen(key);
    if (len == 0 || len > RC_WC_MAXLEN)
        return 0;
    rc_wordkey w = {{0, 0}};
    memcpy(w.k, key, len);
    size_t i = rc_wordkey_slot(wc, &w);
    while (wc->slots[i].key.k[0] &&
           (wc->slots[i].key.k[0] != w.k[0] || wc->slots[i].key.k[1] != w.k[1]))
        i = (i + 1) & wc->mask;
    rc_wc_entry *e = &wc->slots[i];
    if (!e->key.k[0]) {
        e->key = w;
        wc->n++;
        unsigned char f = (unsigned char)key[0], l = (unsigned char)key[len - 1];
        wc->lens |= (uint16_t)(1u << len);
        wc->first[len][f >> 6] |= 1ull << (f & 63);
        wc->last[len][l >> 6] |= 1ull << (l & 63);
    }
    e->mask |= add->bit | wc_case_bits(wc, key, len);
    return 0;
}

/* The function-word bits of a class (bit l for language l < 8) spread to one byte per language,
 * so that one addition counts a word for every language. */
static uint64_t lang_lanes(uint32_t func)
{
    uint64_t x = (func & 0xff) * 0x0101010101010101ull & 0x8040201008040201ull;
    return (x + 0x7f7f7f7f7f7f7f7full) >> 7 & 0x0101010101010101ull;
}

/* Sets what a slot's word adds to a line's counts, once its class is complete: an empty slot
 * counts as a word of no class. When case-blind probes are inexact, every slot says to look up
 * the fold. */
static void wc_finish(rc_wordclass *wc, rc_wc_entry *e)
{
    uint32_t func = e->mask & ~(RC_WC_FURNITURE | RC_WC_RECHECK);
    e->lanes = lang_lanes(func);
    e->tally = func ? 0 : 1u | ((e->mask & RC_WC_FURNITURE) ? 1u << 16 : 0);
    if (!wc->blind)
        e->mask |= RC_WC_RECHECK;
}

int rc_wordclass_build(rc_arena *a, const rc_lang *langs, size_t n, rc_wordclass **out)
{
    *out = NULL;
    size_t total = 0;
    for (size_t l = 0; l < n; l++)
        total += rc_lex_count(rc_lang_lex(&langs[l], "funcwords")) +
                 rc_lex_count(rc_lang_lex(&langs[l], "furniture"));
    rc_wordclass *wc = rc_arena_calloc(a, 1, sizeof *wc);
    if (!wc)
        return RC_ENOMEM;
    size_t cap = 64;
    wc->shift = 64 - 6;
    while (cap < total * 2)
        cap *= 2, wc->shift--;
    if (!(wc->slots = rc_arena_calloc(a, cap, sizeof *wc->slots)))
        return RC_ENOMEM;
    wc->mask = cap - 1;
    wc->blind = 1;
    for (size_t l = 0; l < n && l < 30; l++) {
        wc_add add = {wc, 1u << l};
        rc_lex_each(rc_lang_lex(&langs[l], "funcwords"), wc_add_key, &add);
        add.bit = RC_WC_FURNITURE;
        rc_lex_each(rc_lang_lex(&langs[l], "furniture"), wc_add_key, &add);
    }
    for (size_t i = 0; i < cap; i++)
        wc_finish(wc, &wc->slots[i]);
    wc->absent.tally = 1;
    *out = wc;
    return RC_OK;
}
