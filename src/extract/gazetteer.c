/*
 * gazetteer.c - the folded-name table of the gazetteers: an open-addressing hash table (FNV-1a,
 * linear probing, load at most 1/2) from the folded form of every country and organisation name
 * and of every name of a place of 100,000 inhabitants or more to the folded form of its canonical
 * name, with the place's population so that an ambiguous folded name goes to the biggest place.
 * A second table holds the folded names of those places with one letter deleted, so that the
 * names one edit away from a name are found with a handful of probes. Smaller places are reached
 * by their names as written only (rc_gaz_written_key), through the lexicons. Strings live in one
 * arena; the tables are made once per context.
 */
#include "extract/gazetteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "extract/entkey.h"
#include "util/arena.h"
#include "util/fold.h"

typedef struct gaz_slot {
    const char *key, *canon; /* NULL key: empty */
    const char *mid;         /* the name with its vowels (rc_entkey_fold_mid), for near matches */
    uint32_t hash, klen, pop;
} gaz_slot;

/* The deletion index: the folded name with one letter deleted (or whole) -> an entry of the
 * main table. Keys repeat; a probe walks every entry of its key. */
typedef struct gaz_del {
    const gaz_slot *entry; /* NULL: empty; points into the main table, which no longer grows */
    uint32_t hash;
} gaz_del;

/* One key of rc_gaz.words; key NULL marks a free slot. */
typedef struct gaz_word {
    const char *key;
    uint32_t hash, len;
    unsigned bits;
} gaz_word;

struct rc_gaz {
    rc_arena arena;
    gaz_slot *slots;
    size_t mask, n;
    gaz_del *dels;
    size_t dmask;
    uint32_t firsts[1024]; /* hashes of the first words of names of several words (0: empty) */
    /* the lexicons asked for every name, found once here rather than by name on every call */
    const rc_lexicon *orgs, *countries, *place_names, *places;
    rc_gaz_lexicons ent; /* those of the entity stage (rc_gaz_lexicons_of) */
    /* every key of the four name lists with the RC_GAZ_* bits of the lists that hold it
     * (rc_gaz_word); keys point into the lexicons, which live as long as the context */
    gaz_word *words;
    size_t wmask;
    /* the hashes (rc_gaz_prefix_hash, never 0) of every prefix of every key of the organisation
     * and country lists: an open-addressing set, at most half full */
    uint32_t *prefixes;
    size_t pmask;
};

/* Places smaller than this are left to their names as written. */
#define GAZ_MINPOP 100000

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
    /* the name with its vowels serves only the near matches of the deletion index, which holds
     * the places of one word (gaz_index): the others need none */
    const char *m = "";
    if (pop != UINT32_MAX && len >= 3 && !memchr(key, ' ', len)) {
        char mid[RC_ENTKEY_MAX];
        size_t mn = rc_entkey_fold_mid(name, strlen(name), mid, sizeof mid);
        if (!(m = rc_arena_strndup(&g->arena, mid, mn)))
            return RC_ENOMEM;
    }
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
    char last_id[16];      /* the place of the previous name (names of a place are adjacent) */
    const char *last_canon;
    uint32_t last_pop;
} gaz_load;

/* Records the first word of a name of several words (keys are folded already). */
static void gaz_add_first(rc_gaz *g, const char *key)
{
    const char *sp = strchr(key, ' ');
    if (!sp)
        return;
    uint32_t h = gaz_hash(key, (size_t)(sp - key)) | 1u;
    for (size_t i = h & 1023u, n = 0; n < 512; i = (i + 1) & 1023u, n++) {
        if (g->firsts[i] == h)
            return;
        if (!g->firsts[i]) {
            g->firsts[i] = h;
            return;
        }
    }
}

/* Adds one entry "name -> class [TAB canonical]" of the organisation and country lists. */
static int gaz_add_named(void *ud, const char *key, const char *value)
{
    gaz_load *l = ud;
    gaz_add_first(l->g, key);
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
    if (strcmp(value, l->last_id) != 0) {
        l->last_canon = NULL;
        l->last_pop = 0;
        size_t vn = strlen(value); /* kept like snprintf "%s" would, cut to the buffer */
        size_t keep = vn < sizeof l->last_id ? vn : sizeof l->last_id - 1;
        memcpy(l->last_id, value, keep);
        l->last_id[keep] = '\0';
        const char *rec = rc_lex_get(l->places, value, vn);
        /* CC TAB lat TAB lon TAB pop TAB name */
        const char *f = rec;
        for (int i = 0; i < 3 && f; i++) {
            f = strchr(f, '\t');
            f = f ? f + 1 : NULL;
        }
        const char *name = f ? strchr(f, '\t') : NULL;
        if (!name)
            return 0;
        /* five digits or fewer: below GAZ_MINPOP, without reading the number (most places) */
        size_t digits = 0;
        while (f + digits < name && f[digits] >= '0' && f[digits] <= '9')
            digits++;
        if (digits >= 1 && digits <= 5 && f + digits == name)
            return 0;
        l->last_pop = (uint32_t)strtoul(f, NULL, 10);
        if (l->last_pop < GAZ_MINPOP)
            return 0;
        name++;
        char c[RC_ENTKEY_MAX];
        size_t cn = rc_entkey_fold(name, strlen(name), c, sizeof c);
        if (!(l->last_canon = rc_arena_strndup(&l->g->arena, c, cn)))
            return l->status = RC_ENOMEM;
    }
    if (!l->last_canon)
        return 0;
    char k[RC_ENTKEY_MAX];
    size_t kn = rc_entkey_fold(key, strlen(key), k, sizeof k);
    if (gaz_put(l->g, k, kn, l->last_canon, l->last_pop, key) != RC_OK)
        return l->status = RC_ENOMEM;
    return 0;
}

/* Adds one key of the deletion index. */
static int gaz_del_put(rc_gaz *g, const char *key, size_t len, const gaz_slot *entry)
{
    uint32_t h = gaz_hash(key, len);
    size_t i = h & g->dmask;
    while (g->dels[i].entry)
        i = (i + 1) & g->dmask;
    g->dels[i] = (gaz_del){entry, h};
    return RC_OK;
}

/* Fills the deletion index from the places of the main table: each folded name of four letters
 * or more, whole and with each letter but the first deleted. */
static int gaz_index(rc_gaz *g)
{
    size_t need = 0;
    for (size_t i = 0; i <= g->mask; i++) {
        const gaz_slot *s = &g->slots[i];
        if (s->key && s->pop != UINT32_MAX && s->klen >= 3 && !memchr(s->key, ' ', s->klen))
            need += s->klen;
    }
    size_t cap = 1024;
    while (cap < need * 2 + 2)
        cap *= 2;
    g->dels = calloc(cap, sizeof *g->dels);
    if (!g->dels)
        return RC_ENOMEM;
    g->dmask = cap - 1;
    for (size_t i = 0; i <= g->mask; i++) {
        const gaz_slot *s = &g->slots[i];
        if (!s->key || s->pop == UINT32_MAX || s->klen < 3 || memchr(s->key, ' ', s->klen))
            continue;
        char v[RC_ENTKEY_MAX];
        gaz_del_put(g, s->key, s->klen, s);
        for (size_t d = 1; d < s->klen; d++) {
            memcpy(v, s->key, d);
            memcpy(v + d, s->key + d + 1, s->klen - d - 1);
            gaz_del_put(g, v, s->klen - 1, s);
        }
    }
    return RC_OK;
}

/* Frees a table made by gaz_make; accepts NULL. */
static void gaz_destroy(void *t)
{
    rc_gaz *g = t;
    if (!g)
        return;
    free(g->slots);
    free(g->dels);
    free(g->words);
    free(g->prefixes);
    rc_arena_free(&g->arena);
    free(g);
}

/* rc_lex_each callback filling rc_gaz.words: ud is a gaz_words_load. */
typedef struct gaz_words_load {
    rc_gaz *g;
    unsigned bit;
} gaz_words_load;

static int gaz_word_add(void *ud, const char *key, const char *value)
{
    (void)value;
    gaz_words_load *l = ud;
    rc_gaz *g = l->g;
    size_t len = strlen(key);
    uint32_t h = gaz_hash(key, len);
    for (size_t i = h & g->wmask;; i = (i + 1) & g->wmask) {
        gaz_word *w = &g->words[i];
        if (!w->key) {
            *w = (gaz_word){key, h, (uint32_t)len, l->bit};
            return 0;
        }
        if (w->hash == h && w->len == len && memcmp(w->key, key, len) == 0) {
            w->bits |= l->bit;
            return 0;
        }
    }
}

/* Fills rc_gaz.words from the four name lists; RC_OK or RC_ENOMEM. */
static int gaz_words_make(rc_gaz *g, const rc_lexicon *first)
{
    const rc_lexicon *lists[] = {first, g->place_names, g->countries, g->orgs};
    const unsigned bits[] = {RC_GAZ_FIRST, RC_GAZ_PLACE, RC_GAZ_COUNTRY, RC_GAZ_ORG};
    size_t total = 0;
    for (size_t i = 0; i < 4; i++)
        total += rc_lex_count(lists[i]);
    size_t cap = 16;
    while (cap < total * 2) /* at most half full: short probes */
        cap *= 2;
    g->words = calloc(cap, sizeof *g->words);
    if (!g->words)
        return RC_ENOMEM;
    g->wmask = cap - 1;
    for (size_t i = 0; i < 4; i++) {
        gaz_words_load l = {g, bits[i]};
        rc_lex_each(lists[i], gaz_word_add, &l);
    }
    return RC_OK;
}

unsigned rc_gaz_word(const rc_gaz *g, const rc_lex_key *k)
{
    if (k->len > sizeof k->key)
        return 0; /* longer than any key */
    uint32_t h = gaz_hash(k->key, k->len);
    for (size_t i = h & g->wmask;; i = (i + 1) & g->wmask) {
        const gaz_word *w = &g->words[i];
        if (!w->key)
            return 0;
        if (w->hash == h && w->len == k->len && memcmp(w->key, k->key, k->len) == 0)
            return w->bits;
    }
}

uint32_t rc_gaz_prefix_hash(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Adds one hash to the prefix set (0 stands for an empty slot: a zero hash becomes 1). */
static void gaz_prefix_put(rc_gaz *g, uint32_t h)
{
    h = h ? h : 1;
    size_t i = h & g->pmask;
    while (g->prefixes[i] && g->prefixes[i] != h)
        i = (i + 1) & g->pmask;
    g->prefixes[i] = h;
}

/* rc_lex_each callback: counts the prefixes of a key (its bytes) into *(size_t *)ud. */
static int gaz_prefix_count(void *ud, const char *key, const char *value)
{
    (void)value;
    *(size_t *)ud += strlen(key);
    return 0;
}

/* rc_lex_each callback: adds every prefix of a key of the organisation or country list. */
static int gaz_prefix_add(void *ud, const char *key, const char *value)
{
    (void)value;
    rc_gaz *g = ud;
    uint32_t h = RC_GAZ_PREFIX_SEED;
    for (size_t i = 0; key[i]; i++) {
        h = rc_gaz_prefix_hash(h, key + i, 1);
        gaz_prefix_put(g, h);
    }
    return 0;
}

/* Fills the prefix set from the organisation and country lists; RC_OK or RC_ENOMEM. */
static int gaz_prefixes_make(rc_gaz *g)
{
    const rc_lexicon *lists[] = {g->orgs, g->countries};
    size_t total = 0;
    for (size_t i = 0; i < 2; i++)
        rc_lex_each(lists[i], gaz_prefix_count, &total);
    size_t cap = 64;
    while (cap < total * 2)
        cap *= 2;
    g->prefixes = calloc(cap, sizeof *g->prefixes);
    if (!g->prefixes)
        return RC_ENOMEM;
    g->pmask = cap - 1;
    for (size_t i = 0; i < 2; i++)
        rc_lex_each(lists[i], gaz_prefix_add, g);
    return RC_OK;
}

bool rc_gaz_is_prefix(const rc_gaz *g, uint32_t h)
{
    h = h ? h : 1;
    for (size_t i = h & g->pmask; g->prefixes[i]; i = (i + 1) & g->pmask)
        if (g->prefixes[i] == h)
            return true;
    return false;
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
    g->orgs = rc_lang_lex(fr, "ent_orgs");
    g->countries = rc_lang_lex(fr, "ent_countries");
    g->place_names = rc_lang_lex(fr, "place_names");
    g->places = rc_lang_lex(fr, "places");
    g->ent = (rc_gaz_lexicons){rc_lang_lex(fr, "ent_cues"),       g->orgs,
                               g->countries,                      rc_lang_lex(fr, "ent_demonyms"),
                               rc_lang_lex(fr, "ent_firstnames"), rc_lang_lex(fr, "funcwords"),
                               g->place_names,                    rc_lang_lex(fr, "source_grammar")};
    gaz_load l = {g, fr ? rc_lang_lex(fr, "places") : NULL, RC_OK, "", NULL, 0};
    if (fr) {
        rc_lex_each(rc_lang_lex(fr, "ent_orgs"), gaz_add_named, &l);
        rc_lex_each(rc_lang_lex(fr, "ent_countries"), gaz_add_named, &l);
        rc_lex_each(rc_lang_lex(fr, "place_names"), gaz_add_place, &l);
    }
    if (l.status != RC_OK || gaz_index(g) != RC_OK ||
        gaz_words_make(g, rc_lang_lex(fr, "ent_firstnames")) != RC_OK ||
        gaz_prefixes_make(g) != RC_OK) {
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

/* Looks up one key of the deletion index and keeps, in *best, the biggest place among its
 * entries whose folded name is one edit from key and whose name with vowels is one edit from
 * mid. */
static void gaz_del_try(const rc_gaz *g, const char *v, size_t vn, const char *key, size_t len,
                        const char *mid, size_t midlen, const gaz_slot **best)
{
    uint32_t h = gaz_hash(v, vn);
    for (size_t i = h & g->dmask; g->dels[i].entry; i = (i + 1) & g->dmask) {
        const gaz_slot *t = g->dels[i].entry;
        if (g->dels[i].hash != h || t->key[0] != key[0] || (*best && t->pop <= (*best)->pop))
            continue;
        if (rc_entkey_one_edit(key, len, t->key, t->klen) &&
            rc_entkey_one_edit(mid, midlen, t->mid, strlen(t->mid)))
            *best = t;
    }
}

const char *rc_gaz_near(const rc_gaz *g, const char *key, size_t len, const char *mid,
                        size_t midlen)
{
    if (len < 4 || midlen < 5 || len + 2 > RC_ENTKEY_MAX || memchr(key, ' ', len))
        return NULL; /* four letters are too few: Assad would be Arad */
    /* a name one edit from an entry shares with it the name with one letter deleted, or the
     * whole of the shorter one: probe the query whole and with each letter deleted */
    const gaz_slot *best = NULL;
    char v[RC_ENTKEY_MAX];
    gaz_del_try(g, key, len, key, len, mid, midlen, &best);
    for (size_t d = 1; d < len; d++) {
        memcpy(v, key, d);
        memcpy(v + d, key + d + 1, len - d - 1);
        gaz_del_try(g, v, len - 1, key, len, mid, midlen, &best);
    }
    return best ? best->canon : NULL;
}

const char *rc_gaz_written_key(const rc_ctx *ctx, const char *name, size_t len, char *out,
                               size_t cap)
{
    const rc_lang *fr = ctx->fr;
    if (!fr)
        return NULL;
    const rc_gaz *g = rc_gaz_get(ctx);
    const rc_lexicon *orgs = g ? g->orgs : rc_lang_lex(fr, "ent_orgs");
    const rc_lexicon *countries = g ? g->countries : rc_lang_lex(fr, "ent_countries");
    const rc_lexicon *place_names = g ? g->place_names : rc_lang_lex(fr, "place_names");
    const rc_lexicon *places = g ? g->places : rc_lang_lex(fr, "places");
    rc_lex_key k; /* folded once for the three lists */
    rc_lex_key_make(name, len, &k);
    /* organisations and countries: the canonical name after the class, or the name itself */
    const rc_lexicon *named[] = {orgs, countries};
    for (size_t i = 0; i < 2; i++) {
        const char *v = rc_lex_get_key(named[i], &k);
        if (!v)
            continue;
        const char *tab = strchr(v, '\t');
        if (tab)
            rc_entkey_fold(tab + 1, strlen(tab + 1), out, cap);
        else
            rc_entkey_fold(name, len, out, cap);
        return out;
    }
    const char *id = rc_lex_get_key(place_names, &k);
    const char *rec = id ? rc_lex_get(places, id, strlen(id)) : NULL;
    const char *f = rec;
    for (int i = 0; i < 4 && f; i++) {
        f = strchr(f, '\t');
        f = f ? f + 1 : NULL;
    }
    if (!f)
        return NULL;
    rc_entkey_fold(f, strlen(f), out, cap);
    return out;
}

bool rc_gaz_starts_name(const rc_gaz *g, const char *word, size_t len)
{
    char f[RC_LEX_MAXKEY];
    size_t n = rc_fold(word, len, f, sizeof f);
    if (n > sizeof f)
        return false;
    uint32_t h = gaz_hash(f, n) | 1u;
    for (size_t i = h & 1023u, k = 0; k < 1024 && g->firsts[i]; i = (i + 1) & 1023u, k++)
        if (g->firsts[i] == h)
            return true;
    return false;
}

bool rc_gaz_place_find(const rc_ctx *ctx, const char *name, size_t len, rc_gaz_place *out)
{
    const rc_lang *fr = ctx->fr;
    if (!fr)
        return false;
    const rc_gaz *g = rc_gaz_get(ctx);
    const char *id =
        rc_lex_get(g ? g->place_names : rc_lang_lex(fr, "place_names"), name, len);
    if (!id)
        return false;
    const char *rec = rc_lex_get(g ? g->places : rc_lang_lex(fr, "places"), id, strlen(id));
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

const rc_gaz_lexicons *rc_gaz_lexicons_of(const rc_gaz *g)
{
    return &g->ent;
}

bool rc_gaz_org_is(const rc_gaz *g, const char *name, size_t len, const char *canon,
                   const char *cls)
{
    const char *v = canon && g->orgs ? rc_lex_get(g->orgs, canon, strlen(canon)) : NULL;
    if (!v && g->orgs)
        v = rc_lex_get(g->orgs, name, len);
    size_t n = strlen(cls);
    return v && strncmp(v, cls, n) == 0 && (!v[n] || v[n] == '\t' || v[n] == ' ');
}
