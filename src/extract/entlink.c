/*
 * entlink.c - links the names of one document that stand for one entity. Three rules, in order:
 * the same key and type; a one-word person name (or a lone name the recognizer only guessed)
 * equal to the last word of a longer person's name (Peskov -> Dmitri Peskov), when only one such
 * person is in the document; keys one edit apart (rc_entkey_near) of the same type. A group takes
 * the key of its most frequent spelling and, as canon, its fullest name.
 */
#include "extract/entlink.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/lexicon.h"
#include "core/words.h"
#include "extract/entkey.h"
#include "util/arena.h"

/* Compare a name with at most this many earlier groups of its first letter. */
#define LINK_FUZZY_MAX 48

typedef struct link_group {
    uint32_t first;    /* index of the first entity */
    uint32_t fullest;  /* entity whose text is the canon */
    uint32_t words;    /* words of the fullest */
    uint8_t type;
    const char *key;   /* the key of the group, chosen at the end */
} link_group;

/* The lexicons' hash (eight bytes at a time) with a seed mixed in. */
static uint32_t link_hash(const char *s, size_t n, uint32_t seed)
{
    return rc_lex_hash(s, n) ^ (seed * 0x9e3779b9u);
}

/* Words in the span's text (runs separated by spaces), found by jumping from space to space:
 * most names have one to three words. */
static uint32_t link_words(const char *s, size_t n)
{
    uint32_t w = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        if (*p == ' ') {
            p++;
            continue;
        }
        w++; /* a word starts at p: go to the space after it */
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        if (!sp)
            break;
        p = sp + 1;
    }
    return w;
}

/* Whether a span has no lower-case ASCII letter: a dateline's GOMA, a headline in capitals. Such
 * a spelling is the canon only when the text never writes the name in mixed case. */
static bool link_capitals(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return false;
    return true;
}

/* The folded key of the last word of a key ("bshr asad" -> "asad"). */
static const char *link_last_word(const char *k, size_t *n)
{
    const char *sp = strrchr(k, ' ');
    const char *w = sp ? sp + 1 : k;
    *n = strlen(w);
    return w;
}

/* An open-addressing map from a 32-bit hash to an int (-1 empty), sized for n entries. */
typedef struct link_map {
    uint32_t *h;
    int32_t *v;
    size_t mask;
} link_map;

static int link_map_init(rc_arena *a, link_map *m, size_t n)
{
    size_t cap = 16;
    while (cap < n * 2 + 2)
        cap *= 2;
    m->h = rc_arena_alloc(a, cap * sizeof *m->h);
    m->v = rc_arena_alloc(a, cap * sizeof *m->v);
    if (!m->h || !m->v)
        return RC_ENOMEM;
    for (size_t i = 0; i < cap; i++)
        m->v[i] = -1;
    m->mask = cap - 1;
    return RC_OK;
}

/* The slot for hash h: its value is -1 when h is not there yet. Collisions of full 32-bit hashes
 * are accepted: they merge two names, a rare and harmless error. */
static size_t link_map_slot(const link_map *m, uint32_t h)
{
    size_t i = h & m->mask;
    while (m->v[i] != -1 && m->h[i] != h)
        i = (i + 1) & m->mask;
    return i;
}

size_t rc_entlink_fold(const rc_doc *doc, const char *s, size_t n, char *out, size_t cap)
{
    const uint32_t tag = (uint32_t)RC_WS_ENTFOLD << 8;
    long got = rc_words_str_get(doc, tag, s, n, out, cap);
    if (got >= 0)
        return (size_t)got;
    size_t kn = rc_entkey_fold(s, n, out, cap);
    rc_words_str_set(doc, tag, s, n, out, kn);
    return kn;
}

int rc_entlink(rc_doc *doc)
{
    size_t n = doc->nents;
    if (n == 0)
        return RC_OK;
    rc_arena *a = &doc->arena;
    int32_t *grp = rc_arena_alloc(a, n * sizeof *grp);
    link_group *g = rc_arena_alloc(a, n * sizeof *g);
    uint32_t *count = rc_arena_calloc(a, n, sizeof *count);
    /* last entity of each group in a first-letter bucket, for the fuzzy rule */
    int32_t *bucket_prev = rc_arena_alloc(a, n * sizeof *bucket_prev);
    int32_t bucket_head[4][64];
    link_map exact, surname;
    if (!grp || !g || !count || !bucket_prev || link_map_init(a, &exact, n) ||
        link_map_init(a, &surname, n))
        return RC_ENOMEM;
    memset(bucket_head, -1, sizeof bucket_head);
    size_t ng = 0;

    /* persons of two words or more: their last word names them, unless two share it */
    size_t nsurnames = 0;
    for (size_t i = 0; i < n; i++) {
        rc_entity *e = &doc->ents[i];
        if (e->type != RC_ENT_PER || !strchr(e->key, ' '))
            continue;
        size_t ln;
        const char *lw = link_last_word(e->key, &ln);
        size_t s = link_map_slot(&surname, link_hash(lw, ln, 7));
        if (surname.v[s] == -1) {
            surname.h[s] = link_hash(lw, ln, 7);
            surname.v[s] = (int32_t)i;
            nsurnames++;
        } else if (surname.v[s] >= 0 && strcmp(doc->ents[surname.v[s]].key, e->key) != 0) {
            surname.v[s] = -2; /* two persons of that surname: no short form is linked */
        }
    }

    for (size_t i = 0; i < n; i++) {
        rc_entity *e = &doc->ents[i];
        size_t kl = strlen(e->key);
        int32_t gi = -1;
        /* a surname alone goes to the one person of that surname (none to look for when the
         * document names no person in full) */
        if (nsurnames && !strchr(e->key, ' ') &&
            (e->type == RC_ENT_PER || (e->type == RC_ENT_LOC && isnan(e->lat)))) {
            /* the name's own folded form, as persons' keys are (a guessed place may have taken
             * a gazetteer's key); a person's key is that fold already (rc_entkey_of asks no
             * gazetteer for a person), so only the others are folded */
            char f[RC_ENTKEY_MAX];
            const char *fk = e->key;
            size_t fl = kl;
            if (e->type != RC_ENT_PER) {
                fl = rc_entlink_fold(doc, doc->text + e->start, e->end - e->start, f, sizeof f);
                fk = f;
            }
            size_t s = link_map_slot(&surname, link_hash(fk, fl, 7));
            if (surname.v[s] >= 0 && (uint32_t)surname.v[s] != i) {
                int32_t full = surname.v[s];
                if ((size_t)full < i)
                    gi = grp[full];
                /* the full name's key, so that a later full name joins the group as well */
                e->key = doc->ents[full].key;
                kl = strlen(e->key);
                e->type = RC_ENT_PER;
            }
        }
        uint32_t h = link_hash(e->key, kl, e->type);
        size_t slot = link_map_slot(&exact, h);
        if (exact.v[slot] >= 0) {
            count[exact.v[slot]]++; /* the first entity of a spelling counts its repeats */
            if (gi < 0)
                gi = grp[exact.v[slot]];
        }
        unsigned b0 = (unsigned char)e->key[0] & 63u;
        if (gi < 0 && e->type != RC_ENT_MISC && kl >= 4) {
            int tries = 0;
            for (int32_t j = bucket_head[e->type][b0]; j >= 0 && tries < LINK_FUZZY_MAX;
                 j = bucket_prev[j], tries++) {
                const rc_entity *o = &doc->ents[g[j].first];
                if (o->type == e->type && rc_entkey_near(o->key, strlen(o->key), e->key, kl) &&
                    rc_entkey_spellings(doc->text + o->start, o->end - o->start,
                                        doc->text + e->start, e->end - e->start)) {
                    gi = j;
                    break;
                }
            }
        }
        if (gi < 0) {
            gi = (int32_t)ng++;
            g[gi] = (link_group){(uint32_t)i, (uint32_t)i, 0, e->type, NULL};
            bucket_prev[gi] = bucket_head[e->type][b0];
            bucket_head[e->type][b0] = gi;
        }
        if (exact.v[slot] == -1) {
            exact.h[slot] = h;
            exact.v[slot] = (int32_t)i;
            count[i] = 1;
        }
        grp[i] = gi;
        uint32_t w = link_words(doc->text + e->start, e->end - e->start);
        const rc_entity *fe = &doc->ents[g[gi].fullest];
        if (w > g[gi].words ||
            (w == g[gi].words && link_capitals(doc->text + fe->start, fe->end - fe->start) &&
             !link_capitals(doc->text + e->start, e->end - e->start))) {
            g[gi].words = w;
            g[gi].fullest = (uint32_t)i;
        }
    }

    /* the group's key: the most frequent spelling's (count is non-zero only on the first
     * entity of each spelling), the first spelling's on a tie */
    uint32_t *best = rc_arena_calloc(a, ng, sizeof *best);
    if (!best)
        return RC_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        link_group *gr = &g[grp[i]];
        if (count[i] > best[grp[i]]) {
            best[grp[i]] = count[i];
            gr->key = doc->ents[i].key;
        }
    }
    for (size_t i = 0; i < n; i++) {
        rc_entity *e = &doc->ents[i];
        const link_group *gr = &g[grp[i]];
        e->key = gr->key;
        e->canon = doc->ents[gr->fullest].canon;
        if (isnan(e->lat) && !isnan(doc->ents[gr->fullest].lat)) {
            e->lat = doc->ents[gr->fullest].lat;
            e->lon = doc->ents[gr->fullest].lon;
        }
    }
    return RC_OK;
}
