/*
 * gazetteer.c - the folded-name table of the gazetteers: an open-addressing hash table (FNV-1a,
 * linear probing, load at most 1/2) from the folded form of every place, country and
 * organisation name to the folded form of its canonical name, with the place's population so
 * that an ambiguous folded name goes to the biggest place. Strings live in one arena.
 */
#include "extract/gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "extract/entkey.h"
#include "util/arena.h"

typedef struct gaz_slot {
    const char *key, *canon; /* NULL key: empty */
    const char *mid;         /* the name with its vowels (rc_entkey_fold_mid), for near matches */
    uint32_t hash, klen, pop;
} gaz_slot;

struct rc_gaz {
    rc_arena arena;
    gaz_slot *slots;
    size_t mask, n;
};

/* FNV-1a over the folded bytes. */
static uint32_t gaz_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The slot holding key, or the empty slot where it would go. */
static gaz_slot *gaz_probe(const rc_gaz *g, const char *key, size_t len, uint32_t h)
{
    for (size_t i = h & g->mask;; i = (i + 1) & g->mask) {
        gaz_slot *s = &g->slots[i];
        if (!s->key || (s->hash == h && s->klen == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

/* Records that the folded name key stands for canon; a name already there keeps the entry of
 * the bigger place (organisations and countries count as the biggest). */
static int gaz_put(rc_gaz *g, const char *key, size_t len, const char *canon, uint32_t pop,
                   const char *name)
{
    if (len == 0)
        return RC_OK;
    if ((g->n + 1) * 2 > g->mask + 1) {
        size_t cap = (g->mask + 1) * 2;
        gaz_slot *old = g->slots;
        size_t oldn = g->mask + 1;
        g->slots = calloc(cap, sizeof *g->slots);
        if (!g->slots) {
            g->slots = old;
            return RC_ENOMEM;
        }
        g->mask = cap - 1;
        for (size_t i = 0; i < oldn; i++)
            if (old[i].key)
                *gaz_probe(g, old[i].key, old[i].klen, old[i].hash) = old[i];
        free(old);
    }
    uint32_t h = gaz_hash(key, len);
    gaz_slot *s = gaz_probe(g, key, len, h);
    if (s->key) {
        if (pop <= s->pop)
            return RC_OK;
        s->canon = canon;
        s->pop = pop;
    }
    char mid[RC_ENTKEY_MAX];
    size_t mn = rc_entkey_fold_mid(name, strlen(name), mid, sizeof mid);
    const char *m = rc_arena_strndup(&g->arena, mid, mn);
    if (!m)
        return RC_ENOMEM;
    if (s->key) {
        s->mid = m;
        return RC_OK;
    }
    char *k = rc_arena_strndup(&g->arena, key, len);
    if (!k)
        return RC_ENOMEM;
    *s = (gaz_slot){k, canon, m, h, (uint32_t)len, pop};
    g->n++;
    return RC_OK;
}

/* What the loaders share while they walk a lexicon. */
typedef struct gaz_load {
    rc_gaz *g;
    const rc_lexicon *places;
    int status;
} gaz_load;

/* Adds one entry "name -> class [TAB canonical]" of the organisation and country lists. */
static int gaz_add_named(void *ud, const char *key, const char *value)
{
    gaz_load *l = ud;
    const char *tab = strchr(value, '\t');
    const char *cname = tab ? tab + 1 : key;
    char k[RC_ENTKEY_MAX], c[RC_ENTKEY_MAX];
    size_t kn = rc_entkey_fold(key, strlen(key), k, sizeof k);
    size_t cn = rc_entkey_fold(cname, strlen(cname), c, sizeof c);
    const char *canon = rc_arena_strndup(&l->g->arena, c, cn);
    if (!canon || gaz_put(l->g, k, kn, canon, UINT32_MAX, key) != RC_OK)
        return l->status = RC_ENOMEM;
    return 0;
}

/* Adds one place name "name -> geonameid": its canonical name is the GeoNames name of the place,
 * the last field of the place's line in places.tsv. */
static int gaz_add_place(void *ud, const char *key, const char *value)
{
    gaz_load *l = ud;
    const char *rec = rc_lex_get(l->places, value, strlen(value));
    if (!rec)
        return 0;
    /* CC TAB lat TAB lon TAB pop TAB name */
    const char *f = rec;
    for (int i = 0; i < 3 && f; i++) {
        f = strchr(f, '\t');
        f = f ? f + 1 : NULL;
    }
    if (!f)
        return 0;
    uint32_t pop = (uint32_t)strtoul(f, NULL, 10);
    const char *name = strchr(f, '\t');
    if (!name)
        return 0;
    name++;
    char k[RC_ENTKEY_MAX], c[RC_ENTKEY_MAX];
    size_t kn = rc_entkey_fold(key, strlen(key), k, sizeof k);
    size_t cn = rc_entkey_fold(name, strlen(name), c, sizeof c);
    const char *canon = rc_arena_strndup(&l->g->arena, c, cn);
    if (!canon || gaz_put(l->g, k, kn, canon, pop, key) != RC_OK)
        return l->status = RC_ENOMEM;
    return 0;
}

/* Frees a table made by gaz_make; accepts NULL. */
static void gaz_destroy(void *t)
{
    rc_gaz *g = t;
    if (!g)
        return;
    free(g->slots);
    rc_arena_free(&g->arena);
    free(g);
}

/* Builds the table from the French lexicons: organisations and countries first, so that their
 * names win over a town of the same spelling. */
static void *gaz_make(const rc_ctx *ctx)
{
    rc_gaz *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    rc_arena_init(&g->arena);
    g->mask = 1023;
    g->slots = calloc(g->mask + 1, sizeof *g->slots);
    if (!g->slots) {
        free(g);
        return NULL;
    }
    const rc_lang *fr = ctx->fr;
    gaz_load l = {g, fr ? rc_lang_lex(fr, "places") : NULL, RC_OK};
    if (fr) {
        rc_lex_each(rc_lang_lex(fr, "ent_orgs"), gaz_add_named, &l);
        rc_lex_each(rc_lang_lex(fr, "ent_countries"), gaz_add_named, &l);
        rc_lex_each(rc_lang_lex(fr, "place_names"), gaz_add_place, &l);
    }
    if (l.status != RC_OK) {
        gaz_destroy(g);
        return NULL;
    }
    return g;
}

const rc_gaz *rc_gaz_get(const rc_ctx *ctx)
{
    return rc_ctx_derived(ctx, RC_SLOT_ENTITIES, gaz_make, gaz_destroy);
}

/* The entry for an exact folded name, or NULL. */
static const gaz_slot *gaz_find(const rc_gaz *g, const char *key, size_t len)
{
    if (!len)
        return NULL;
    const gaz_slot *s = gaz_probe(g, key, len, gaz_hash(key, len));
    return s->key ? s : NULL;
}

const char *rc_gaz_key(const rc_gaz *g, const char *key, size_t len)
{
    const gaz_slot *s = gaz_find(g, key, len);
    return s ? s->canon : NULL;
}

const char *rc_gaz_near(const rc_gaz *g, const char *key, size_t len, const char *mid,
                        size_t midlen)
{
    if (len < 4 || len + 2 > RC_ENTKEY_MAX || memchr(key, ' ', len))
        return NULL;
    /* every spelling one edit away that keeps the first letter: deletions, swaps, substitutions
     * and insertions over the letters a folded name can hold; each is confirmed on the forms
     * with vowels, one edit apart too */
    static const char alpha[] = "abdfghijklmnprstuvz";
    char v[RC_ENTKEY_MAX];
    const gaz_slot *best = NULL;
#define GAZ_TRY(buf, n)                                                                     \
    do {                                                                                    \
        const gaz_slot *t_ = gaz_find(g, (buf), (n));                                       \
        if (t_ && t_->pop >= 100000 && t_->pop != UINT32_MAX &&                             \
            (!best || t_->pop > best->pop) &&                                               \
            rc_entkey_one_edit(mid, midlen, t_->mid, strlen(t_->mid)))                      \
            best = t_;                                                                      \
    } while (0)
    for (size_t i = 1; i < len; i++) { /* deletion */
        memcpy(v, key, i);
        memcpy(v + i, key + i + 1, len - i - 1);
        GAZ_TRY(v, len - 1);
    }
    for (size_t i = 1; i + 1 < len; i++) { /* swap */
        memcpy(v, key, len);
        v[i] = key[i + 1], v[i + 1] = key[i];
        GAZ_TRY(v, len);
    }
    for (size_t i = 1; i <= len; i++) {
        for (const char *a = alpha; *a; a++) {
            if (i < len && *a != key[i]) { /* substitution */
                memcpy(v, key, len);
                v[i] = *a;
                GAZ_TRY(v, len);
            }
            memcpy(v, key, i); /* insertion */
            v[i] = *a;
            memcpy(v + i + 1, key + i, len - i);
            GAZ_TRY(v, len + 1);
        }
    }
#undef GAZ_TRY
    return best ? best->canon : NULL;
}

bool rc_gaz_place_find(const rc_ctx *ctx, const char *name, size_t len, rc_gaz_place *out)
{
    const rc_lang *fr = ctx->fr;
    if (!fr)
        return false;
    const char *id = rc_lex_get(rc_lang_lex(fr, "place_names"), name, len);
    if (!id)
        return false;
    const char *rec = rc_lex_get(rc_lang_lex(fr, "places"), id, strlen(id));
    if (!rec || strlen(rec) < 3)
        return false;
    char *end;
    out->cc[0] = rec[0], out->cc[1] = rec[1], out->cc[2] = '\0';
    const char *f = strchr(rec, '\t');
    if (!f)
        return false;
    out->lat = strtod(f + 1, &end);
    out->lon = strtod(end, &end);
    out->pop = (uint32_t)strtoul(end, NULL, 10);
    return true;
}
