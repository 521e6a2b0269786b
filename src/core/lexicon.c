/*
 * lexicon.c - data-file word lists in an open-addressing hash table (rc_lex_hash, linear probing,
 * load factor at most 1/2). Entries also keep file order for rc_lex_each.
 */
#include "core/lexicon.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recoupe.h"
#include "util/fold.h"
#include "util/buf.h"

typedef struct lex_entry {
    const char *key, *value;
    size_t klen;
    unsigned hash;
} lex_entry;

struct rc_lexicon {
    const char *name;
    lex_entry *entries; /* in file order */
    size_t n;
    uint64_t *slots; /* the key's hash << 32 | index + 1 into entries; 0 = empty, so that a
                      * probe reads an entry only when the hash is the same */
    size_t mask;
    size_t maxklen;            /* the longest key, in bytes */
    unsigned long long serial; /* rc_lex_serial */
    uint64_t pairs[16];        /* bit pair_bit(k[0], k[1]) set for every key k of 2 bytes or more */
};

/* The last serial number given to a lexicon. */
static atomic_ullong lex_serials;

static unsigned lex_hash(const char *s, size_t n)
{
    return rc_lex_hash(s, n);
}

/* The bit of the pairs filter for a key that starts with the folded bytes a and b. */
static inline unsigned pair_bit(unsigned char a, unsigned char b)
{
    return (a * 37u + b) & 1023u;
}

const char *rc_lex_get_folded(const rc_lexicon *lex, const char *key, size_t len)
{
    if (!lex || !lex->slots)
        return NULL;
    unsigned h = lex_hash(key, len);
    for (size_t i = h & lex->mask;; i = (i + 1) & lex->mask) {
        uint64_t s = lex->slots[i];
        if (!s)
            return NULL;
        if ((unsigned)(s >> 32) != h)
            continue;
        const lex_entry *e = &lex->entries[(uint32_t)s - 1];
        if (e->klen == len && rc_lex_eq(e->key, key, len))
            return e->value;
    }
}

const char *rc_lex_get(const rc_lexicon *lex, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 2 && u[0] < 0x80 && u[1] < 0x80) {
        /* ASCII folds to its lower case byte for byte: most words are ruled out before folding */
        unsigned bit = pair_bit((unsigned char)((unsigned)(u[0] - 'A') < 26u ? u[0] + 32 : u[0]),
                                (unsigned char)((unsigned)(u[1] - 'A') < 26u ? u[1] + 32 : u[1]));
        if (!lex || !((lex->pairs[bit >> 6] >> (bit & 63)) & 1))
            return NULL;
    }
    if (!lex || !lex->slots)
        return NULL;
    /* folded no further than the longest key: a longer word (a span of several words, often)
     * is in no entry, and its fold stops there; rc_fold wants room for four bytes before a
     * character that is not ASCII, so a fold that fails with three bytes more than the longest
     * key was longer than it */
    char key[RC_LEX_MAXKEY];
    size_t cap = lex->maxklen + 3 < sizeof key ? lex->maxklen + 3 : sizeof key;
    size_t n = rc_fold(s, len, key, cap);
    if (n > cap)
        return NULL;
    return rc_lex_get_folded(lex, key, n);
}

void rc_lex_key_make(const char *s, size_t len, rc_lex_key *k)
{
    k->len = rc_fold(s, len, k->key, sizeof k->key);
    k->hash = k->len <= sizeof k->key ? lex_hash(k->key, k->len) : 0;
}

const char *rc_lex_get_key(const rc_lexicon *lex, const rc_lex_key *k)
{
    if (!lex || !lex->slots || k->len > sizeof k->key)
        return NULL;
    if (k->len >= 2) {
        /* every key of two bytes or more set its pair bit when it was indexed */
        unsigned bit = pair_bit((unsigned char)k->key[0], (unsigned char)k->key[1]);
        if (!((lex->pairs[bit >> 6] >> (bit & 63)) & 1))
            return NULL;
    }
    for (size_t i = k->hash & lex->mask;; i = (i + 1) & lex->mask) {
        uint64_t s = lex->slots[i];
        if (!s)
            return NULL;
        if ((unsigned)(s >> 32) != k->hash)
            continue;
        const lex_entry *e = &lex->entries[(uint32_t)s - 1];
        if (e->klen == k->len && rc_lex_eq(e->key, k->key, k->len))
            return e->value;
    }
}

unsigned long long rc_lex_serial(const rc_lexicon *lex)
{
    return lex ? lex->serial : 0;
}

void rc_lex_derive(const rc_lexicon *lex, void *data, size_t size, unsigned long long *serial,
                   int (*fn)(void *data, const char *key, const char *value))
{
    unsigned long long now = rc_lex_serial(lex);
    if (*serial == now)
        return;
    memset(data, 0, size);
    rc_lex_each(lex, fn, data);
    *serial = now;
}

size_t rc_lex_count(const rc_lexicon *lex)
{
    return lex ? lex->n : 0;
}

const char *rc_lex_name(const rc_lexicon *lex)
{
    return lex ? lex->name : NULL;
}

int rc_lex_each(const rc_lexicon *lex, int (*fn)(void *, const char *, const char *), void *ud)
{
    for (size_t i = 0; lex && i < lex->n; i++) {
        int r = fn(ud, lex->entries[i].key, lex->entries[i].value);
        if (r)
            return r;
    }
    return 0;
}

/* Strips spaces and tabs at both ends of s[0..*len). */
static const char *trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    *len = n;
    return s;
}

/* Inserts one entry; a repeated key keeps its first value, as users append overrides below. */
static int lex_insert(rc_lexicon *lex, size_t idx)
{
    lex_entry *e = &lex->entries[idx];
    if (e->klen > lex->maxklen)
        lex->maxklen = e->klen;
    if (e->klen >= 2) {
        unsigned bit = pair_bit((unsigned char)e->key[0], (unsigned char)e->key[1]);
        lex->pairs[bit >> 6] |= 1ull << (bit & 63);
    }
    for (size_t i = e->hash & lex->mask;; i = (i + 1) & lex->mask) {
        uint64_t s = lex->slots[i];
        if (!s) {
            lex->slots[i] = (uint64_t)e->hash << 32 | ((uint64_t)idx + 1);
            return 1;
        }
        const lex_entry *o = &lex->entries[(uint32_t)s - 1];
        if (o->hash == e->hash && o->klen == e->klen && memcmp(o->key, e->key, e->klen) == 0)
            return 0;
    }
}

/* Whether s[0..n) is well-formed UTF-8 text (no NUL, which would cut keys short). */
static bool lex_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = rc_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k || !cp)
            return false;
        i += k;
    }
    return true;
}

/* Makes the hash table of lex's entries and gives it its serial; RC_OK or RC_ENOMEM. */
static int lex_index(rc_arena *a, rc_lexicon *lex)
{
    size_t nslots = 16;
    while (nslots < lex->n * 2)
        nslots *= 2;
    lex->slots = rc_arena_calloc(a, nslots, sizeof *lex->slots);
    if (!lex->slots)
        return RC_ENOMEM;
    lex->mask = nslots - 1;
    memset(lex->pairs, 0, sizeof lex->pairs);
    lex->maxklen = 0;
    for (size_t i = 0; i < lex->n; i++)
        lex_insert(lex, i);
    lex->serial = atomic_fetch_add(&lex_serials, 1) + 1;
    return RC_OK;
}

int rc_lex_merge(rc_arena *a, const rc_lexicon *base, const rc_lexicon *extra, rc_lexicon **out)
{
    *out = NULL;
    rc_lexicon *lex = rc_arena_calloc(a, 1, sizeof *lex);
    if (!lex)
        return RC_ENOMEM;
    lex->name = base->name;
    lex->entries = rc_arena_calloc(a, base->n + extra->n + 1, sizeof *lex->entries);
    if (!lex->entries)
        return RC_ENOMEM;
    for (size_t i = 0; i < base->n; i++) {
        const lex_entry *e = &base->entries[i];
        if (!rc_lex_get_folded(extra, e->key, e->klen))
            lex->entries[lex->n++] = *e;
    }
    for (size_t i = 0; i < extra->n; i++)
        lex->entries[lex->n++] = extra->entries[i];
    int status = lex_index(a, lex);
    if (!status)
        *out = lex;
    return status;
}

int rc_lex_load(rc_arena *a, const char *path, char *errbuf, size_t errlen, rc_lexicon **out)
{
    return rc_lex_load_opts(a, path, 0, errbuf, errlen, out);
}

int rc_lex_load_opts(rc_arena *a, const char *path, unsigned flags, char *errbuf, size_t errlen,
                     rc_lexicon **out)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errbuf)
            snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return RC_EIO;
    }
    rc_lexicon *lex = rc_arena_calloc(a, 1, sizeof *lex);
    if (!lex) {
        fclose(f);
        return RC_ENOMEM;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strchr(base, '.');
    lex->name = rc_arena_strndup(a, base, dot ? (size_t)(dot - base) : strlen(base));
    size_t plen = strlen(path);
    bool need_value = (flags & RC_LEX_STRICT) && plen > 4 && strcmp(path + plen - 4, ".tsv") == 0;

    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    int status = RC_OK;
    unsigned lineno = 0;
    while ((got = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        const char *s = line;
        if (lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
            s += 3, n -= 3;
        if (!lex_utf8(s, n)) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s:%u: the line is not UTF-8 text", path, lineno);
            status = RC_EDATA;
            break;
        }
        size_t klen = n;
        s = trim(s, &klen);
        if (klen == 0 || s[0] == '#')
            continue;
        const char *tab = memchr(s, '\t', klen);
        const char *val = "";
        size_t vlen = 0;
        if (tab) {
            val = tab + 1;
            vlen = klen - (size_t)(val - s);
            klen = (size_t)(tab - s);
            s = trim(s, &klen);
            val = trim(val, &vlen);
        }
        if (need_value && vlen == 0) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s:%u: no value: a .tsv entry is KEY<TAB>VALUE", path,
                         lineno);
            status = RC_EDATA;
            break;
        }
        char key[RC_LEX_MAXKEY];
        size_t fl = rc_fold(s, klen, key, sizeof key);
        if (fl > sizeof key || fl == 0) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s:%u: entry is empty or longer than %d bytes", path,
                         lineno, RC_LEX_MAXKEY);
            status = RC_EDATA;
            break;
        }
        if ((status = rc_arena_grow(a, (void **)&lex->entries, &cap, lex->n + 1, sizeof(lex_entry))))
            break;
        lex_entry *e = &lex->entries[lex->n];
        e->key = rc_arena_strndup(a, key, fl);
        e->value = rc_arena_strndup(a, val, vlen);
        if (!e->key || !e->value) {
            status = RC_ENOMEM;
            break;
        }
        e->klen = fl;
        e->hash = lex_hash(key, fl);
        lex->n++;
    }
    free(line);
    fclose(f);
    if (status || (status = lex_index(a, lex)))
        return status;
    *out = lex;
    return RC_OK;
}
