/*
 * lexicon.h - word lists loaded from data files at start-up, so that users extend recoupe's
 * language knowledge without a recompile. See docs/lexicons.md for the file format:
 * one entry per line, "#" comments, an optional TAB-separated value after the key.
 *
 * Keys are stored folded (text/fold.h), so "L’" and "l'" find the same entry.
 */
#ifndef RC_LEXICON_H
#define RC_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/arena.h"

typedef struct rc_lexicon rc_lexicon;

/* Whether a[0..n) and b[0..n) hold the same bytes: memcmp inlined for the short keys of the
 * hash tables (a call into libc cost more than the comparison); never reads outside them. */
static inline bool rc_lex_eq(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t p, q, r, t;
        memcpy(&p, a, 4), memcpy(&q, b, 4);
        memcpy(&r, a + n - 4, 4), memcpy(&t, b + n - 4, 4);
        return ((p ^ q) | (r ^ t)) == 0;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* The hash of the lexicons' and the word table's keys: eight bytes at a time (the first and
 * last eight overlap for keys of 8 to 16 bytes), so that a word costs one or two
 * multiplications rather than one per byte as FNV-1a did; never reads outside s[0..n). */
static inline uint32_t rc_lex_hash(const char *s, size_t n)
{
    const uint64_t m = 0x9e3779b97f4a7c15ull;
    uint64_t h = (uint64_t)n * 0xbf58476d1ce4e5b9ull, a, b;
    if (n >= 8) {
        size_t i = 0;
        for (; i + 16 < n; i += 8) {
            memcpy(&a, s + i, 8);
            h = (h ^ a) * m;
            h ^= h >> 29;
        }
        memcpy(&a, s + i, 8);
        memcpy(&b, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        a = x, b = y;
    } else {
        a = n ? (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
                    (unsigned char)s[n - 1]
              : 0;
        b = 0;
    }
    h = (h ^ a) * m;
    h = (h ^ (h >> 31) ^ b) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    h *= m;
    return (uint32_t)(h >> 32);
}

/* Longest key, in folded bytes; longer lines are a data error. */
#define RC_LEX_MAXKEY 192

/* Loads a lexicon file into memory owned by arena a. On error, writes "FILE:LINE: what" into
 * errbuf and returns RC_EDATA (or RC_EIO when the file cannot be read). */
int rc_lex_load(rc_arena *a, const char *path, char *errbuf, size_t errlen,
                rc_lexicon **out /* OUT */);

/* Flags of rc_lex_load_opts. */
#define RC_LEX_STRICT 0x1 /* a .tsv entry must have a TAB and a value (user files) */

/* rc_lex_load with flags RC_LEX_*. Every load checks that lines are UTF-8. */
int rc_lex_load_opts(rc_arena *a, const char *path, unsigned flags, char *errbuf, size_t errlen,
                     rc_lexicon **out /* OUT */);

/* A new lexicon named like base, with a new serial, in memory from a: base's entries whose key
 * extra has not, in base's order, then extra's entries. So extra's entries are added and
 * override base's for the same key. base and extra are left as they are (the new lexicon shares
 * their strings, so they must live as long as it). RC_OK or RC_ENOMEM. */
int rc_lex_merge(rc_arena *a, const rc_lexicon *base, const rc_lexicon *extra,
                 rc_lexicon **out /* OUT */);

/* Looks up raw text (folded here, no allocation). Returns the entry's value ("" when the line had
 * none) or NULL when absent. The value is owned by the lexicon. */
const char *rc_lex_get(const rc_lexicon *lex, const char *s, size_t len);

/* Like rc_lex_get for a key that is already folded. */
const char *rc_lex_get_folded(const rc_lexicon *lex, const char *key, size_t len);

/* A word folded and hashed once, to be looked up in several lexicons (rc_lex_get_key): the
 * stages ask four or five lists about the same token, and folding and hashing it each time was
 * most of the cost of a look-up. */
typedef struct rc_lex_key {
    char key[RC_LEX_MAXKEY]; /* the folded word */
    size_t len;              /* its length, or RC_LEX_MAXKEY + 1 when too long for any key */
    unsigned hash;
} rc_lex_key;

/* Folds and hashes s[0..len) into *k (no allocation). */
void rc_lex_key_make(const char *s, size_t len, rc_lex_key *k /* OUT */);

/* rc_lex_get for a word made by rc_lex_key_make: the same answer, without folding again. */
const char *rc_lex_get_key(const rc_lexicon *lex, const rc_lex_key *k);

/* A number that no other load of a lexicon in this process has had (0 for NULL): what a stage
 * derives from the entries may be kept across calls under it. */
unsigned long long rc_lex_serial(const rc_lexicon *lex);

/* Keeps a table derived from lex up to date: when *serial (a field of the table, size bytes at
 * data) is not lex's serial, clears the table, calls fn(data, key, value) for every entry and
 * records the serial. Lexers keep such tables per thread, made once and not once per text. */
void rc_lex_derive(const rc_lexicon *lex, void *data, size_t size, unsigned long long *serial,
                   int (*fn)(void *data, const char *key, const char *value));

/* Number of entries; 0 for NULL. */
size_t rc_lex_count(const rc_lexicon *lex);

/* Calls fn for each entry (folded key, value) in file order; stops when fn returns non-zero. */
int rc_lex_each(const rc_lexicon *lex, int (*fn)(void *ud, const char *key, const char *value),
                void *ud);

/* The name of the lexicon: the file's base name without extension ("funcwords"). */
const char *rc_lex_name(const rc_lexicon *lex);

#endif
