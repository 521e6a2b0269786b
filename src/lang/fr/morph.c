/*
 * morph.c - French morphology from the hunspell-fr dictionary (Dicollecte) through libhunspell.
 *
 * Hunspell answers a form with one analysis per reading, as fields "st:STEM po:TAG ... is:TAG";
 * morph_parse turns them into RC_M_* flags and a lemma. A Hunspell handle is slow to make (some
 * 80 ms, 16 MB) and to ask (5-20 µs a form), and is not thread-safe, so:
 *   - each thread that asks gets its own handle and form cache (morph_thread), made on its first
 *     call and found again through a pthread key of the context's morph_shared table;
 *   - the form cache is a fixed open-addressing table with a fixed byte pool for the forms: a hit
 *     costs a hash and a compare, no allocation; when the table or pool is full it is emptied;
 *   - lemmas are interned once per context in morph_shared (under its lock, on cache misses
 *     only), so a lemma pointer stays valid until the context is freed whatever the caches do.
 *     Lemmas come from the dictionary's stems, so that store is bounded by the dictionary.
 * A thread's handle and cache are freed when the thread exits, or by rc_ctx_free for threads
 * still alive then. rc_ctx_free must not run while a thread that used the context is exiting.
 */
#include <assert.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang/fr/morph.h"
#include "core/perthread.h"
#include "core/words.h"
#include "util/arena.h"
#include "util/fold.h"

#define MORPH_SLOTS 16384u /* form cache slots, a power of two */
#define MORPH_MAXFILL (MORPH_SLOTS / 4 * 3)
#define MORPH_POOL (256u * 1024u) /* bytes of cached forms */
#define MORPH_MAXWORD 100         /* longer forms are unknown (hunspell's own limit) */

/* One cached form: its bytes in the pool, what the dictionary says. len 0 marks a free slot. */
typedef struct morph_entry {
    uint32_t hash;
    uint32_t off;
    uint32_t len;
    uint32_t flags; /* 0 when the dictionary does not know the form */
    const char *lemma, *verb;
} morph_entry;

typedef struct morph_shared morph_shared;

/* libhunspell keeps one process-wide character table, counted by a plain integer that every
 * handle's creation raises and every destruction lowers (csutil's initialize_utf_tbl and
 * free_utf_tbl). Threads that create or destroy their handles at the same time race on it and
 * free the table twice, so those two calls go one at a time, over all contexts: this lock guards
 * the library's state, not ours, which is why it is the one static mutable object here. */
static pthread_mutex_t morph_hunspell_lock = PTHREAD_MUTEX_INITIALIZER;

/* A thread's handle and form cache, linked into its context's list. */
typedef struct morph_thread {
    rc_pt_link link; /* first: the context's list of caches */
    Hunhandle *hs;
    size_t count; /* used slots */
    size_t used;  /* used pool bytes */
    morph_entry slots[MORPH_SLOTS];
    char pool[MORPH_POOL];
} morph_thread;

/* Per context: where the dictionary is, the key to each thread's cache, the lemmas. */
struct morph_shared {
    rc_perthread pt; /* the threads' caches; its lock also guards the lemma store */
    bool have_dict;
    char aff[4096], dic[4096];
    rc_arena arena;      /* interned lemmas */
    const char **lemmas; /* open addressing over the lemma strings, NULL = free */
    size_t lcap, lcount;
};

/* FNV-1a: forms are short and this keeps the hit path to a few instructions a byte. */
static uint32_t morph_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Frees a thread's cache and handle (rc_perthread destroy: already unlinked). */
static void morph_thread_destroy(rc_pt_link *l)
{
    morph_thread *t = (morph_thread *)l;
    if (!t)
        return;
    if (t->hs) {
        pthread_mutex_lock(&morph_hunspell_lock);
        Hunspell_destroy(t->hs);
        pthread_mutex_unlock(&morph_hunspell_lock);
    }
    free(t);
}

/* Whether DIR/NAME.aff and DIR/NAME.dic are both readable; fills the paths when so. */
static bool morph_find(morph_shared *sh, const char *dir, const char *name)
{
    snprintf(sh->aff, sizeof sh->aff, "%s/%s.aff", dir, name);
    snprintf(sh->dic, sizeof sh->dic, "%s/%s.dic", dir, name);
    return access(sh->aff, R_OK) == 0 && access(sh->dic, R_OK) == 0;
}

/* rc_ctx_derived destroy: every thread's cache still alive, the lemmas, the key. */
static void morph_shared_free(void *p)
{
    morph_shared *sh = p;
    if (!sh)
        return;
    rc_perthread_fini(&sh->pt);
    free(sh->lemmas);
    rc_arena_free(&sh->arena);
    free(sh);
}

/* rc_ctx_derived make: finds the dictionary ($RECOUPE_HUNSPELL_DIR, else /usr/share/hunspell;
 * fr_FR, else fr) and makes the key. A missing dictionary is not an error: have_dict is false. */
static void *morph_shared_make(const rc_ctx *ctx)
{
    (void)ctx;
    morph_shared *sh = calloc(1, sizeof *sh);
    if (!sh)
        return NULL;
    if (rc_perthread_init(&sh->pt, morph_thread_destroy)) {
        free(sh);
        return NULL;
    }
    rc_arena_init(&sh->arena);
    const char *dir = getenv("RECOUPE_HUNSPELL_DIR");
    if (!dir || !*dir)
        dir = "/usr/share/hunspell";
    sh->have_dict = morph_find(sh, dir, "fr_FR") || morph_find(sh, dir, "fr");
    return sh;
}

/* This thread's cache, made on its first call; NULL when memory runs out. */
static morph_thread *morph_thread_get(morph_shared *sh)
{
    morph_thread *t = rc_perthread_get(&sh->pt);
    if (t)
        return t;
    t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    pthread_mutex_lock(&morph_hunspell_lock);
    t->hs = Hunspell_create(sh->aff, sh->dic);
    if (t->hs) {
        const char *enc = Hunspell_get_dic_encoding(t->hs);
        if (!enc || strcmp(enc, "UTF-8") != 0) { /* forms are UTF-8: another dictionary is no use */
            Hunspell_destroy(t->hs);
            t->hs = NULL;
        }
    }
    pthread_mutex_unlock(&morph_hunspell_lock);
    if (rc_perthread_add(&sh->pt, &t->link)) {
        morph_thread_destroy(&t->link);
        return NULL;
    }
    return t;
}

/* Interns a lemma in the context's store, so that it outlives cache clears; NULL when memory
 * runs out. Called on cache misses only. */
static const char *morph_intern(morph_shared *sh, const char *s, size_t len)
{
    const char *res = NULL;
    pthread_mutex_lock(&sh->pt.lock);
    if (sh->lcount * 2 >= sh->lcap) { /* keep the table at most half full */
        size_t ncap = sh->lcap ? sh->lcap * 2 : 1024;
        const char **nl = calloc(ncap, sizeof *nl);
        if (!nl)
            goto out;
        for (size_t i = 0; i < sh->lcap; i++) {
            if (!sh->lemmas[i])
                continue;
            size_t j = morph_hash(sh->lemmas[i], strlen(sh->lemmas[i])) & (ncap - 1);
            while (nl[j])
                j = (j + 1) & (ncap - 1);
            nl[j] = sh->lemmas[i];
        }
        free(sh->lemmas);
        sh->lemmas = nl;
        sh->lcap = ncap;
    }
    size_t j = morph_hash(s, len) & (sh->lcap - 1);
    for (; sh->lemmas[j]; j = (j + 1) & (sh->lcap - 1))
        if (strncmp(sh->lemmas[j], s, len) == 0 && sh->lemmas[j][len] == '\0') {
            res = sh->lemmas[j];
            goto out;
        }
    if ((res = rc_arena_strndup(&sh->arena, s, len))) {
        sh->lemmas[j] = res;
        sh->lcount++;
    }
out:
    pthread_mutex_unlock(&sh->pt.lock);
    return res;
}

/* What one "po:" tag of hunspell-fr says, as RC_M_* bits. */
static uint32_t morph_tag(const char *t, size_t n)
{
    static const struct {
        const char *tag;
        uint32_t flags;
    } tags[] = {
        {"nom", RC_M_NOUN},     {"adj", RC_M_ADJ},        {"adv", RC_M_ADV},
        {"negadv", RC_M_ADV},   {"npr", RC_M_PROPER},     {"prn", RC_M_PROPER},
        {"patr", RC_M_PROPER},  {"infi", RC_M_INF},       {"ppas", RC_M_PPAS},
        {"ppre", RC_M_PPRE},    {"ipre", RC_M_IND},       {"iimp", RC_M_IMPF},
        {"ipsi", RC_M_PSIM},    {"ifut", RC_M_FUT},       {"cond", RC_M_COND},
        {"spre", RC_M_SUBJ},    {"simp", RC_M_SUBJ},      {"impe", RC_M_IMPE},
        {"prep", RC_M_FUNC},    {"prepv", RC_M_FUNC},     {"cjco", RC_M_FUNC},
        {"cjsub", RC_M_FUNC},   {"propersuj", RC_M_FUNC}, {"properobj", RC_M_FUNC},
        {"preverb", RC_M_FUNC}, {"1pl", RC_M_PLURAL},     {"2pl", RC_M_PLURAL},
        {"3pl", RC_M_PLURAL},
    };
    while (n && t[n - 1] == '!') /* "3pl!": a rare form, still the same person */
        n--;
    if (n >= 2 && t[0] == 'v' && t[1] >= '0' && t[1] <= '3') /* group and valency: v1__t_q_zz */
        return RC_M_VERB;
    if (n >= 3 && (memcmp(t, "det", 3) == 0 || memcmp(t, "pro", 3) == 0)) /* detpos, prorel */
        return RC_M_FUNC;
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strlen(tags[i].tag) == n && memcmp(tags[i].tag, t, n) == 0)
            return tags[i].flags;
    return 0;
}

/* What one "is:" tag says: gender and number of nouns and adjectives. */
static uint32_t morph_is(const char *t, size_t n)
{
    if (n == 3 && memcmp(t, "fem", 3) == 0)
        return RC_M_FEMININE;
    if (n == 2 && memcmp(t, "pl", 2) == 0)
        return RC_M_PLURAL;
    return 0;
}

/* Whether s starts with an upper-case letter (ASCII or Latin-1 supplement / Latin Extended-A
 * capitals, which is what French proper nouns start with). */
static bool morph_upper(const char *s, size_t len)
{
    int32_t cp;
    if (!len || !rc_utf8_decode((const unsigned char *)s, len, &cp))
        return false;
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
           (cp >= 0x100 && cp <= 0x17F && !(cp & 1));
}

/* Reads hunspell's analyses of word into *e: flags or'ed over them, the lemma (a proper stem for
 * a capitalised word; être/avoir when one reading is the auxiliary, as "été", "a"; else the first
 * reading's stem) and the infinitive of the first verb reading (an auxiliary first). */
static void morph_parse(morph_shared *sh, char **an, int n, const char *word, size_t wlen,
                        morph_entry *e)
{
    bool cap = morph_upper(word, wlen);
    const char *lemma = NULL, *verb = NULL;
    size_t lemma_len = 0, verb_len = 0;
    int lemma_rank = 0, verb_rank = 0; /* higher wins; 0 = none yet */
    e->flags = 0;
    for (int i = 0; i < n; i++) {
        const char *st = NULL;
        size_t st_len = 0;
        uint32_t f = 0;
        bool aux = false;
        for (const char *p = an[i]; *p;) {
            while (*p == ' ' || *p == '\t')
                p++;
            const char *q = p;
            while (*q && *q != ' ' && *q != '\t')
                q++;
            size_t n_ = (size_t)(q - p);
            if (n_ > 3 && memcmp(p, "st:", 3) == 0 && !st) {
                st = p + 3;
                st_len = n_ - 3;
            } else if (n_ > 3 && memcmp(p, "po:", 3) == 0) {
                f |= morph_tag(p + 3, n_ - 3);
                if (n_ > 5 && p[3] == 'v' && p[4] == '0')
                    aux = true;
            } else if (n_ > 3 && memcmp(p, "is:", 3) == 0) {
                f |= morph_is(p + 3, n_ - 3);
            }
            p = q;
        }
        if (!st || !st_len)
            continue;
        bool proper_stem = morph_upper(st, st_len);
        if (proper_stem)
            f |= RC_M_PROPER; /* "Syrie", "Hollande" are nouns with a capital stem */
        e->flags |= f | RC_M_KNOWN;
        int rank = (cap && proper_stem) ? 3 : aux ? 2 : 1;
        if (rank > lemma_rank) {
            lemma = st, lemma_len = st_len, lemma_rank = rank;
        }
        if (f & RC_M_VERB) {
            int vrank = aux ? 2 : 1;
            if (vrank > verb_rank)
                verb = st, verb_len = st_len, verb_rank = vrank;
        }
    }
    e->lemma = lemma ? morph_intern(sh, lemma, lemma_len) : NULL;
    e->verb = verb ? morph_intern(sh, verb, verb_len) : NULL;
}

/* Whether s is well-formed UTF-8 without NUL: anything else is not a word of the dictionary
 * and is not handed to hunspell. */
static bool morph_valid(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = rc_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (!n || cp == 0)
            return false;
        i += n;
    }
    return true;
}

int rc_fr_morph(const rc_ctx *ctx, const char *word, size_t len, rc_morph *out)
{
    *out = (rc_morph){0, NULL, NULL};
    if (!len || len > MORPH_MAXWORD)
        return 0;
    morph_shared *sh = rc_ctx_derived(ctx, RC_SLOT_MORPH, morph_shared_make, morph_shared_free);
    if (!sh || !sh->have_dict)
        return 0;
    morph_thread *t = morph_thread_get(sh);
    if (!t || !t->hs)
        return 0;
    uint32_t h = morph_hash(word, len);
    size_t j = h & (MORPH_SLOTS - 1);
    for (; t->slots[j].len; j = (j + 1) & (MORPH_SLOTS - 1)) {
        const morph_entry *e = &t->slots[j];
        if (e->hash == h && e->len == len && memcmp(t->pool + e->off, word, len) == 0) {
            *out = (rc_morph){e->flags, e->lemma, e->verb};
            return e->flags != 0;
        }
    }
    /* a miss: ask hunspell, then keep the answer (emptying the cache first when it is full) */
    morph_entry e = {h, 0, (uint32_t)len, 0, NULL, NULL};
    if (morph_valid(word, len)) {
        char buf[MORPH_MAXWORD + 1];
        memcpy(buf, word, len);
        buf[len] = '\0';
        char **an = NULL;
        int n = Hunspell_analyze(t->hs, &an, buf);
        if (n > 0)
            morph_parse(sh, an, n, word, len, &e);
        if (an)
            Hunspell_free_list(t->hs, &an, n);
    }
    if (t->count >= MORPH_MAXFILL || t->used + len > MORPH_POOL) {
        memset(t->slots, 0, sizeof t->slots);
        t->count = t->used = 0;
        j = h & (MORPH_SLOTS - 1);
    }
    assert(t->used + len <= MORPH_POOL);
    e.off = (uint32_t)t->used;
    memcpy(t->pool + t->used, word, len);
    t->used += len;
    t->slots[j] = e;
    t->count++;
    *out = (rc_morph){e.flags, e.lemma, e.verb};
    return e.flags != 0;
}

int rc_fr_morph_tok(const rc_doc *doc, size_t i, rc_morph *out)
{
    rc_word *w = rc_word_at(doc, i);
    const uint32_t all = 1u << RC_WM_MORPH_FLAGS;
    if (w && (w->have & all)) {
        *out = (rc_morph){(uint32_t)w->memo[RC_WM_MORPH_FLAGS],
                          (const char *)(uintptr_t)w->memo[RC_WM_MORPH_LEMMA],
                          (const char *)(uintptr_t)w->memo[RC_WM_MORPH_VERB]};
        return out->flags != 0;
    }
    const rc_token *t = &doc->toks[i];
    int r = rc_fr_morph(doc->ctx, doc->text + t->start, t->end - t->start, out);
    if (w) {
        w->memo[RC_WM_MORPH_FLAGS] = out->flags;
        w->memo[RC_WM_MORPH_LEMMA] = (uint64_t)(uintptr_t)out->lemma;
        w->memo[RC_WM_MORPH_VERB] = (uint64_t)(uintptr_t)out->verb;
        w->have |= all;
    }
    return r;
}
