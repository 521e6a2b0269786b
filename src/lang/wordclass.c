/*
 * wordclass.c - the merged word-class table: open addressing over FNV-1a hashes, keys stored
 * inline in the arena.
 */
#include "lang/wordclass.h"

#include <string.h>

#include "recoupe.h"

typedef struct wc_entry {
    const char *key;
    uint32_t len, mask, hash;
} wc_entry;

#define WC_FILTER_LEN 32

struct rc_wordclass {
    wc_entry *slots;
    size_t cap; /* power of two */
    size_t n, maxlen;
    uint64_t first[WC_FILTER_LEN][4]; /* bit set: some key of this length starts with the byte */
    uint64_t last[WC_FILTER_LEN][4];  /* ... ends with the byte */
};

uint32_t rc_wordclass_hash(const char *s, size_t n)
{
    uint32_t h = RC_WC_HASH_INIT;
    for (size_t i = 0; i < n; i++)
        h = RC_WC_HASH_STEP(h, (unsigned char)s[i]);
    return h;
}

static wc_entry *wc_slot(const rc_wordclass *wc, const char *key, size_t len, uint32_t hash)
{
    size_t mask = wc->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        wc_entry *e = &wc->slots[i];
        if (!e->key || (e->hash == hash && e->len == len && memcmp(e->key, key, len) == 0))
            return e;
    }
}

typedef struct wc_add {
    rc_wordclass *wc;
    uint32_t bit;
} wc_add;

/* rc_lex_each callback: adds one key with its bit. */
static int wc_add_key(void *ud, const char *key, const char *value)
{
    (void)value;
    wc_add *add = ud;
    size_t len = strlen(key);
    uint32_t hash = rc_wordclass_hash(key, len);
    wc_entry *e = wc_slot(add->wc, key, len, hash);
    if (!e->key) {
        e->key = key; /* owned by the lexicon, which lives as long as the context */
        e->len = (uint32_t)len;
        e->hash = hash;
        if (len < WC_FILTER_LEN) {
            unsigned char f = (unsigned char)key[0], l = (unsigned char)key[len - 1];
            add->wc->first[len][f >> 6] |= 1ull << (f & 63);
            add->wc->last[len][l >> 6] |= 1ull << (l & 63);
        }
        add->wc->n++;
        if (len > add->wc->maxlen)
            add->wc->maxlen = len;
    }
    e->mask |= add->bit;
    return 0;
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
    wc->cap = 64;
    while (wc->cap < total * 2)
        wc->cap *= 2;
    if (!(wc->slots = rc_arena_calloc(a, wc->cap, sizeof *wc->slots)))
        return RC_ENOMEM;
    for (size_t l = 0; l < n && l < 31; l++) {
        wc_add add = {wc, 1u << l};
        rc_lex_each(rc_lang_lex(&langs[l], "funcwords"), wc_add_key, &add);
        add.bit = RC_WC_FURNITURE;
        rc_lex_each(rc_lang_lex(&langs[l], "furniture"), wc_add_key, &add);
    }
    *out = wc;
    return RC_OK;
}

uint32_t rc_wordclass_get(const rc_wordclass *wc, const char *key, size_t len, uint32_t hash)
{
    if (len > wc->maxlen)
        return 0;
    return wc_slot(wc, key, len, hash)->mask;
}

size_t rc_wordclass_maxlen(const rc_wordclass *wc)
{
    return wc->maxlen < WC_FILTER_LEN ? wc->maxlen : WC_FILTER_LEN - 1;
}

int rc_wordclass_maybe(const rc_wordclass *wc, size_t len, unsigned char first, unsigned char last)
{
    return len < WC_FILTER_LEN && ((wc->first[len][first >> 6] >> (first & 63)) & 1) &&
           ((wc->last[len][last >> 6] >> (last & 63)) & 1);
}
