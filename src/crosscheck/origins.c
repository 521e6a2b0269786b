/*
 * origins.c - who a figure comes from. The origin of a claim is the first source of its
 * attribution chain, by key, so that one spokesman quoted by two articles is one origin; a claim
 * in the text's own voice comes from the outlet (the document's site, else its path) unless the
 * same document gives the same figure with a source (a headline and its body), and a
 * document that relays another (near-duplicate text, minhash.c) speaks with the original's
 * voice. A source's key is made again with rc_entity_key (from the key the stages gave, else
 * from its name), so that a name keyed by one stage meets the same name keyed by another.
 * Origins are interned once in a hash table per check.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck/check_int.h"
#include "util/fold.h"

uint64_t origins_hash(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

/* Doubles the table and puts every origin back; keeps the load under one half. */
static int rehash(rc_check *chk)
{
    size_t cap = chk->otcap ? chk->otcap * 2 : 256;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        return RC_ENOMEM;
    for (size_t i = 0; i < chk->norigins; i++) {
        size_t p = (size_t)chk->origins[i].hash & (cap - 1);
        while (t[p])
            p = (p + 1) & (cap - 1);
        t[p] = (uint32_t)i + 1;
    }
    free(chk->otable);
    chk->otable = t;
    chk->otcap = cap;
    return RC_OK;
}

int32_t origins_intern(rc_check *chk, const char *name, const char *key, bool entity)
{
    char folded[256];
    if (!name)
        name = "";
    const char *from = key && *key ? key : name;
    key = NULL;
    if (entity && chk->ctx) { /* the key made again: stages may give a folded name or a key */
        size_t n = rc_entity_key(chk->ctx, from, strlen(from), folded, sizeof folded);
        key = n && n < sizeof folded ? folded : NULL;
    }
    if (!key) {
        size_t n = rc_fold(from, strlen(from), folded, sizeof folded - 1);
        if (n >= sizeof folded - 1)
            n = sizeof folded - 2; /* too long to fold: the start of the fold is enough */
        folded[n] = '\0';
        key = folded;
    }
    size_t klen = strlen(key);
    uint64_t h = origins_hash(key, klen);
    if (2 * (chk->norigins + 1) > chk->otcap && rehash(chk))
        return -1;
    size_t p = (size_t)h & (chk->otcap - 1);
    while (chk->otable[p]) {
        const cc_origin *o = &chk->origins[chk->otable[p] - 1];
        if (o->hash == h && strcmp(o->key, key) == 0)
            return (int32_t)(chk->otable[p] - 1);
        p = (p + 1) & (chk->otcap - 1);
    }
    if (chk->norigins >= chk->caporigins) {
        size_t cap = chk->caporigins ? chk->caporigins * 2 : 64;
        cc_origin *o = realloc(chk->origins, cap * sizeof *o);
        if (!o)
            return -1;
        chk->origins = o;
        chk->caporigins = cap;
    }
    cc_origin *o = &chk->origins[chk->norigins];
    o->name = rc_arena_strdup(&chk->arena, name);
    o->key = rc_arena_strndup(&chk->arena, key, klen);
    o->hash = h;
    o->entity = entity;
    if (!o->name || !o->key)
        return -1;
    chk->otable[p] = (uint32_t)chk->norigins + 1;
    return (int32_t)chk->norigins++;
}

/* The origin a claim in the text's own voice takes from a claim of the same document that gives
 * the same figure, worded the same way, for the same kind of event and victims, with a source:
 * a headline's "au moins 12 civils tués" is the body's "au moins 12 civils ont été tués, selon
 * un responsable local", one statement and not the outlet's own. -1 when there is none; only
 * the document's first claims are looked at, which is where a headline's figure is repeated. */
static int32_t same_statement_origin(const rc_check *chk, const cc_claim *k)
{
    const cc_doc *d = &chk->docs[k->doc];
    const cc_claim *c = &chk->cl[d->first];
    size_t n = d->nclaims < 256 ? d->nclaims : 256;
    for (size_t j = 0; j < n; j++)
        if (c[j].src_origin >= 0 && c[j].point == k->point && c[j].kind == k->kind &&
            c[j].wfam == k->wfam && c[j].wclass == k->wclass)
            return c[j].src_origin;
    return -1;
}

void origins_resolve(rc_check *chk)
{
    for (size_t i = 0; i < chk->ncl; i++) {
        cc_claim *k = &chk->cl[i];
        int32_t same = k->src_origin < 0 ? same_statement_origin(chk, k) : -1;
        if (k->src_origin >= 0) {
            k->origin = (uint32_t)k->src_origin;
        } else if (same >= 0) {
            k->origin = (uint32_t)same;
        } else {
            const cc_doc *d = &chk->docs[k->doc];
            assert(d->root >= 0 && (size_t)d->root < chk->ndocs);
            k->origin = chk->docs[d->root].outlet;
        }
    }
}
