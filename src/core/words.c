/*
 * words.c - the per-thread table of distinct words (words.h): an open-addressing hash of the
 * bytes as written (linear probing, at most half full) over a growing array of records, with a
 * byte pool for the words and their folded forms. A slot holds a word of up to sixteen bytes
 * itself (words_key), so that finding a common word reads its slot only, neither its record
 * nor the pool, and hashing it takes no branch on its length. Records are only added in
 * rc_words_begin, so that a document's stages read a table that does not move; the table is
 * emptied at the start of a document once it holds more than WORDS_MAXREC words.
 *
 * Each thread that reads documents with a context gets its own table through the context's
 * words_shared (rc_ctx_derived, core/perthread.h), as the morphology does with its cache.
 */
#include "core/words.h"
#include "core/perthread.h"
#include "core/lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "recoupe.h"
#include "util/fold.h"

#define WORDS_MAXREC 65536u         /* records kept across documents before emptying */
#define WORDS_MAXPOOL (4u << 20)    /* pool bytes kept across documents before emptying */
#define WORDS_FOLDCAP (RC_WORD_MAXLEN * 2) /* room for a folded form (… folds to three bytes) */

#define WORDS_MAXSTR 16384u      /* string answers kept across documents before emptying */
#define WORDS_MAXSPOOL (1u << 20) /* their pool bytes kept before emptying */

typedef struct words_shared words_shared;

/* A slot of the table: the word's first sixteen bytes zero-padded (words_key), its record index
 * + 1 (0: free), and its hash with its length in the low seven bits. A word of sixteen bytes or
 * fewer is equal to the slot's when key and tag are; a longer one is compared in the pool. */
typedef struct words_slot {
    uint64_t k0, k1;
    uint32_t idx1, tag;
} words_slot;

/* Longest word that a slot holds whole. */
#define WORDS_KEYLEN 16

/* A string answer: its key and value in the string pool. */
typedef struct words_str {
    uint32_t koff, klen, voff, vlen;
    uint32_t hash, tag;
} words_str;

/* A thread's table, linked into its context's list. */
typedef struct words_thread {
    rc_pt_link link; /* first: the context's list of tables */
    words_slot *slots;
    size_t mask;     /* slots - 1, a power of two minus one */
    rc_word *recs;
    uint8_t *bits; /* rc_word_bit's byte of each record */
    size_t nrecs, caprecs;
    char *pool;
    size_t used, cappool;
    /* the string memo (rc_words_str_get): its own slots, entries and pool, which may grow
     * while the stages run since nothing points into them. A slot holds the entry's hash in its
     * high half and its index + 1 in its low half (0: empty), so that a probe passes over the
     * other keys without reading their entries. */
    uint64_t *sslots;
    size_t smask;
    words_str *strs;
    size_t nstrs, capstrs;
    char *spool;
    size_t sused, capspool;
} words_thread;

/* Per context: the key to each thread's table, and the list to free them. */
struct words_shared {
    rc_perthread pt;
};

/* Reads the key of the word s[0..n) (1 to RC_WORD_MAXLEN bytes) into k: its first sixteen bytes,
 * zero-padded when it is shorter. end bounds what may be read: when sixteen bytes can be read
 * from s, one load and a mask make the key, with no branch on n. */
static inline void words_key(const char *s, size_t n, const char *end, uint64_t k[2])
{
    static const unsigned char ones[32] = {255, 255, 255, 255, 255, 255, 255, 255,
                                           255, 255, 255, 255, 255, 255, 255, 255};
    if (end - s >= WORDS_KEYLEN) {
        uint64_t m[2];
        size_t c = n < WORDS_KEYLEN ? n : WORDS_KEYLEN;
        memcpy(m, ones + WORDS_KEYLEN - c, sizeof m); /* byte j is 0xFF when j < c */
        memcpy(k, s, 2 * sizeof *k);
        k[0] &= m[0];
        k[1] &= m[1];
        return;
    }
    k[0] = k[1] = 0;
    memcpy(k, s, n < WORDS_KEYLEN ? n : WORDS_KEYLEN);
}

/* The hash of the word s[0..n) of key k: from the key alone when it holds the whole word, else
 * the lexicons' hash of its bytes. Never UINT32_MAX, which marks the tokens with no record while
 * rc_words_begin keeps hashes in wids. */
static inline uint32_t words_hash(const char *s, size_t n, const uint64_t k[2])
{
    uint32_t h32;
    if (n > WORDS_KEYLEN) {
        h32 = rc_lex_hash(s, n);
    } else {
        uint64_t h = (k[0] ^ (uint64_t)n * 0xbf58476d1ce4e5b9ull) * 0x9e3779b97f4a7c15ull;
        h ^= h >> 29;
        h = (h ^ k[1]) * 0x94d049bb133111ebull;
        h32 = (uint32_t)(h >> 32);
    }
    return h32 - (h32 == UINT32_MAX);
}

/* The tag of a slot: the hash with the word's length (at most RC_WORD_MAXLEN) in its low bits. */
static inline uint32_t words_tag(uint32_t h, size_t n)
{
    return (h & ~0x7fu) | (uint32_t)n;
}

_Static_assert(RC_WORD_MAXLEN <= 0x7f, "a word's length fits the low bits of its tag");

/* Frees a thread's table (rc_perthread destroy: already unlinked). */
static void words_thread_destroy(rc_pt_link *l)
{
    words_thread *t = (words_thread *)l;
    if (!t)
        return;
    free(t->slots);
    free(t->recs);
    free(t->bits);
    free(t->pool);
    free(t->sslots);
    free(t->strs);
    free(t->spool);
    free(t);
}

/* rc_ctx_derived destroy: the tables of the threads still alive, then the key. */
static void words_shared_free(void *p)
{
    words_shared *sh = p;
    if (!sh)
        return;
    rc_perthread_fini(&sh->pt);
    free(sh);
}

/* rc_ctx_derived make: the key of the threads' tables. */
static void *words_shared_make(const rc_ctx *ctx)
{
    (void)ctx;
    words_shared *sh = calloc(1, sizeof *sh);
    if (sh && rc_perthread_init(&sh->pt, words_thread_destroy)) {
        free(sh);
        return NULL;
    }
    return sh;
}

/* This thread's table, made on its first call; NULL when memory runs out. */
static words_thread *words_thread_get(words_shared *sh)
{
    words_thread *t = rc_perthread_get(&sh->pt);
    if (t)
        return t;
    t = calloc(1, sizeof *t);
    if (t && rc_perthread_add(&sh->pt, &t->link)) {
        free(t);
        return NULL;
    }
    return t;
}

/* Empties the table, keeping its memory. */
static void words_clear(words_thread *t)
{
    if (t->slots)
        memset(t->slots, 0, (t->mask + 1) * sizeof *t->slots);
    t->nrecs = 0;
    t->used = 0;
}

/* Makes room for one more record, doubling the slots when they would be more than half full.
 * Returns 0, or -1 when memory runs out. */
static int words_room(words_thread *t)
{
    if (t->nrecs == t->caprecs) {
        size_t cap = t->caprecs ? t->caprecs * 2 : 1024;
        rc_word *r = realloc(t->recs, cap * sizeof *r);
        if (!r)
            return -1;
        t->recs = r;
        uint8_t *b = realloc(t->bits, cap);
        if (!b)
            return -1; /* recs is larger but caprecs unchanged: the next call grows both */
        t->bits = b;
        t->caprecs = cap;
    }
    if (t->slots && (t->nrecs + 1) * 2 <= t->mask + 1)
        return 0;
    size_t nslots = t->slots ? (t->mask + 1) * 2 : 4096;
    words_slot *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    free(t->slots);
    t->slots = slots;
    t->mask = nslots - 1;
    for (size_t k = 0; k < t->nrecs; k++) {
        const rc_word *w = &t->recs[k];
        size_t i = w->hash & t->mask;
        while (slots[i].idx1)
            i = (i + 1) & t->mask;
        uint64_t key[2];
        words_key(t->pool + w->off, w->len, t->pool + t->used, key);
        slots[i] = (words_slot){key[0], key[1], (uint32_t)k + 1, words_tag(w->hash, w->len)};
    }
    return 0;
}

/* Copies n bytes into the pool; returns their offset, or UINT32_MAX when memory runs out. */
static uint32_t words_keep(words_thread *t, const char *s, size_t n)
{
    if (t->used + n > t->cappool) {
        size_t cap = t->cappool ? t->cappool : 65536;
        while (cap < t->used + n)
            cap *= 2;
        char *p = realloc(t->pool, cap);
        if (!p)
            return UINT32_MAX;
        t->pool = p;
        t->cappool = cap;
    }
    memcpy(t->pool + t->used, s, n);
    t->used += n;
    return (uint32_t)(t->used - n);
}

/* The record index of the word s[0..n) of key k and hash h, added when new; UINT32_MAX when
 * memory runs out. */
static uint32_t words_find(words_thread *t, const char *s, size_t n, const uint64_t k[2],
                           uint32_t h)
{
    uint32_t tag = words_tag(h, n);
    if (t->slots)
        for (size_t i = h & t->mask;; i = (i + 1) & t->mask) {
            const words_slot *sl = &t->slots[i];
            if (!sl->idx1)
                break;
            if (sl->tag != tag || ((sl->k0 ^ k[0]) | (sl->k1 ^ k[1])))
                continue;
            if (n <= WORDS_KEYLEN || rc_lex_eq(t->pool + t->recs[sl->idx1 - 1].off, s, n))
                return sl->idx1 - 1;
        }
    if (words_room(t))
        return UINT32_MAX;
    char fold[WORDS_FOLDCAP];
    size_t fl = rc_fold(s, n, fold, sizeof fold);
    uint32_t off = words_keep(t, s, n);
    uint32_t foff = fl <= sizeof fold && off != UINT32_MAX ? words_keep(t, fold, fl) : 0;
    if (off == UINT32_MAX || foff == UINT32_MAX)
        return UINT32_MAX;
    rc_word *w = &t->recs[t->nrecs];
    memset(w, 0, sizeof *w);
    t->bits[t->nrecs] = 0;
    w->off = off;
    w->len = (uint32_t)n;
    w->foff = foff;
    w->flen = fl <= sizeof fold ? (uint32_t)fl : UINT32_MAX;
    w->hash = h;
    size_t i = h & t->mask;
    while (t->slots[i].idx1)
        i = (i + 1) & t->mask;
    t->slots[i] = (words_slot){k[0], k[1], (uint32_t)t->nrecs + 1, tag};
    return (uint32_t)t->nrecs++;
}

/* Whether a token gets a record: words only, as figures, dates and punctuation are not what the
 * stages ask lexicons about, and not too long. */
static inline bool words_wanted(const rc_token *tk)
{
    size_t n = tk->end - tk->start;
    return tk->kind >= RC_TOK_WORD && tk->kind <= RC_TOK_ABBREV && n && n <= RC_WORD_MAXLEN;
}

/* Asks the processor to bring p's cache line in (a hint: nothing when the compiler has none). */
static inline void words_prefetch(const void *p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

int rc_words_begin(rc_doc *doc)
{
    doc->wids = NULL;
    doc->words = NULL;
    doc->wpool = NULL;
    doc->wbits = NULL;
    words_shared *sh = rc_ctx_derived(doc->ctx, RC_SLOT_WORDS, words_shared_make, words_shared_free);
    words_thread *t = sh ? words_thread_get(sh) : NULL;
    if (!t)
        return RC_ENOMEM;
    if (t->nrecs > WORDS_MAXREC || t->used > WORDS_MAXPOOL)
        words_clear(t);
    if (t->nstrs > WORDS_MAXSTR || t->sused > WORDS_MAXSPOOL) {
        if (t->sslots)
            memset(t->sslots, 0, (t->smask + 1) * sizeof *t->sslots);
        t->nstrs = t->sused = 0;
    }
    uint32_t *wids = rc_arena_alloc(&doc->arena, (doc->ntoks + 1) * sizeof *wids);
    if (!wids)
        return RC_ENOMEM;
    /* the table may be out of the cache: every token is hashed first and its slot fetched,
     * then the look-ups run and find the slots there (wids holds the hashes until then) */
    const char *end = doc->text + doc->len + 1; /* the text and its NUL */
    uint64_t k[2];
    for (size_t i = 0; i < doc->ntoks; i++) {
        const rc_token *tk = &doc->toks[i];
        const char *s = doc->text + tk->start;
        size_t n = tk->end - tk->start;
        if (!words_wanted(tk)) {
            wids[i] = UINT32_MAX;
            continue;
        }
        words_key(s, n, end, k);
        wids[i] = words_hash(s, n, k);
        if (t->slots)
            words_prefetch(&t->slots[wids[i] & t->mask]);
    }
    for (size_t i = 0; i < doc->ntoks; i++) {
        if (wids[i] == UINT32_MAX) /* no record wanted (words_hash never gives this) */
            continue;
        const rc_token *tk = &doc->toks[i];
        const char *s = doc->text + tk->start;
        size_t n = tk->end - tk->start;
        words_key(s, n, end, k);
        wids[i] = words_find(t, s, n, k, wids[i]);
    }
    wids[doc->ntoks] = UINT32_MAX;
    doc->wids = wids;
    doc->words = t->recs;
    doc->wpool = t->pool;
    doc->wbits = t->bits;
    return RC_OK;
}

void rc_words_end(rc_doc *doc)
{
    doc->wids = NULL;
    doc->words = NULL;
    doc->wpool = NULL;
    doc->wbits = NULL;
}

const char *rc_word_folded(const rc_doc *doc, size_t i, size_t *len)
{
    const rc_word *w = rc_word_at(doc, i);
    if (!w || w->flen == UINT32_MAX)
        return NULL;
    *len = w->flen;
    return doc->wpool + w->foff;
}

/* This thread's table while doc's stages run, else NULL. */
static words_thread *words_current(const rc_doc *doc)
{
    if (!doc->wids)
        return NULL;
    words_shared *sh = rc_ctx_derived(doc->ctx, RC_SLOT_WORDS, words_shared_make, words_shared_free);
    return sh ? rc_perthread_get(&sh->pt) : NULL;
}

/* The hash of a string memo key: the lexicons' hash of the key (eight bytes at a time), the tag
 * mixed in. */
static uint32_t words_str_hash(uint32_t tag, const char *key, size_t klen)
{
    return rc_lex_hash(key, klen) ^ (tag * 0x9e3779b9u);
}

/* The slot of key under tag: holding its entry (hash, index + 1), or empty where it would go. */
static inline uint64_t *words_str_slot(const words_thread *t, uint32_t h, uint32_t tag,
                                       const char *key, size_t klen)
{
    for (size_t i = h & t->smask;; i = (i + 1) & t->smask) {
        uint64_t k = t->sslots[i];
        if (!k)
            return &t->sslots[i];
        if ((uint32_t)(k >> 32) != h)
            continue;
        const words_str *e = &t->strs[(uint32_t)k - 1];
        if (e->tag == tag && e->klen == klen && memcmp(t->spool + e->koff, key, klen) == 0)
            return &t->sslots[i];
    }
}

long rc_words_str_get(const rc_doc *doc, uint32_t tag, const char *key, size_t klen, char *out,
                      size_t cap)
{
    words_thread *t = words_current(doc);
    if (!t || !t->sslots)
        return -1;
    uint32_t k = (uint32_t)*words_str_slot(t, words_str_hash(tag, key, klen), tag, key, klen);
    if (!k || t->strs[k - 1].vlen >= cap)
        return -1;
    const words_str *e = &t->strs[k - 1];
    memcpy(out, t->spool + e->voff, e->vlen);
    out[e->vlen] = '\0';
    return (long)e->vlen;
}

/* Makes room in the string memo for one more entry of n pool bytes; 0, or -1 when memory runs
 * out. */
static int words_str_room(words_thread *t, size_t n)
{
    if (t->nstrs == t->capstrs) {
        size_t cap = t->capstrs ? t->capstrs * 2 : 256;
        words_str *e = realloc(t->strs, cap * sizeof *e);
        if (!e)
            return -1;
        t->strs = e;
        t->capstrs = cap;
    }
    if (t->sused + n > t->capspool) {
        size_t cap = t->capspool ? t->capspool : 16384;
        while (cap < t->sused + n)
            cap *= 2;
        char *p = realloc(t->spool, cap);
        if (!p)
            return -1;
        t->spool = p;
        t->capspool = cap;
    }
    if (t->sslots && (t->nstrs + 1) * 2 <= t->smask + 1)
        return 0;
    size_t nslots = t->sslots ? (t->smask + 1) * 2 : 1024;
    uint64_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    free(t->sslots);
    t->sslots = slots;
    t->smask = nslots - 1;
    for (size_t k = 0; k < t->nstrs; k++) {
        size_t i = t->strs[k].hash & t->smask;
        while (slots[i])
            i = (i + 1) & t->smask;
        slots[i] = (uint64_t)t->strs[k].hash << 32 | ((uint32_t)k + 1);
    }
    return 0;
}

void rc_words_str_set(const rc_doc *doc, uint32_t tag, const char *key, size_t klen,
                      const char *val, size_t vlen)
{
    words_thread *t = words_current(doc);
    if (!t || klen + vlen > WORDS_MAXSPOOL || words_str_room(t, klen + vlen))
        return;
    uint32_t h = words_str_hash(tag, key, klen);
    uint64_t *slot = words_str_slot(t, h, tag, key, klen);
    if (*slot)
        return; /* kept already: answers do not change */
    words_str *e = &t->strs[t->nstrs];
    e->koff = (uint32_t)t->sused;
    e->klen = (uint32_t)klen;
    memcpy(t->spool + t->sused, key, klen);
    t->sused += klen;
    e->voff = (uint32_t)t->sused;
    e->vlen = (uint32_t)vlen;
    memcpy(t->spool + t->sused, val, vlen);
    t->sused += vlen;
    e->hash = h;
    e->tag = tag;
    *slot = (uint64_t)h << 32 | (uint32_t)++t->nstrs;
}
