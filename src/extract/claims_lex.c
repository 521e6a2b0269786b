/*
 * claims_lex.c - builds the claims stage's word table from the counted, predicates and modality
 * lexicons (formats in docs/lexicons.md): one open-addressing hash of folded phrases, made once
 * per context and read by every thread.
 */
#include "extract/claims_lex.h"

#include <stdlib.h>
#include <string.h>

#include "core/lexicon.h"

/* FNV-1a over a folded key. */
static uint32_t cl_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

const cl_entry *cl_lookup(const cl_table *t, const char *key, size_t len)
{
    if (!t || !t->slots)
        return NULL;
    uint32_t h = cl_hash(key, len);
    for (size_t i = h & t->mask;; i = (i + 1) & t->mask) {
        uint32_t s = t->slots[i];
        if (!s)
            return NULL;
        const cl_entry *e = &t->e[s - 1];
        if (e->hash == h && e->klen == len && memcmp(e->key, key, len) == 0)
            return e;
    }
}

/* Doubles the slot array when it is half full and re-inserts every entry. */
static int cl_rehash(cl_table *t)
{
    size_t nslots = t->slots ? (t->mask + 1) * 2 : 256;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    free(t->slots);
    t->slots = slots;
    t->mask = nslots - 1;
    for (size_t k = 0; k < t->n; k++)
        for (size_t i = t->e[k].hash & t->mask;; i = (i + 1) & t->mask)
            if (!slots[i]) {
                slots[i] = (uint32_t)k + 1;
                break;
            }
    return 0;
}

/* The entry for key, added (empty) when absent; NULL when out of memory. */
static cl_entry *cl_add(cl_table *t, const char *key, size_t len)
{
    const cl_entry *found = cl_lookup(t, key, len);
    if (found)
        return (cl_entry *)found;
    if (!t->slots || (t->n + 1) * 2 > t->mask + 1)
        if (cl_rehash(t))
            return NULL;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        cl_entry *e = realloc(t->e, cap * sizeof *e);
        if (!e)
            return NULL;
        t->e = e;
        t->cap = cap;
    }
    char *k = malloc(len + 1);
    if (!k)
        return NULL;
    memcpy(k, key, len);
    k[len] = '\0';
    if (len >= 2) {
        unsigned bit = cl_pair_bit((unsigned char)key[0], (unsigned char)key[1]);
        t->pairs[bit >> 6] |= 1ull << (bit & 63);
    }
    cl_entry *e = &t->e[t->n];
    *e = (cl_entry){.key = k,
                    .klen = (uint32_t)len,
                    .hash = cl_hash(key, len),
                    .prefix = 1,
                    .who = CL_WHO_NONE,
                    .cwhat = -1,
                    .pwhat = -1,
                    .pwhat2 = -1,
                    .mod = CL_M_NONE};
    for (size_t i = e->hash & t->mask;; i = (i + 1) & t->mask)
        if (!t->slots[i]) {
            t->slots[i] = (uint32_t)t->n + 1;
            break;
        }
    t->n++;
    return e;
}

/* Adds a full key and the prefixes of its words, so that matching can stop early; returns the
 * key's entry (no longer a mere prefix) or NULL when out of memory. */
static cl_entry *cl_add_key(cl_table *t, const char *key, size_t len)
{
    int words = 1;
    size_t w0 = 0; /* where the current word starts */
    for (size_t i = 0; i < len; i++)
        if (key[i] == ' ' || (key[i] == '\'' && i + 1 < len)) {
            size_t end = key[i] == '\'' ? i + 1 : i;
            if (!cl_add(t, key, end))
                return NULL;
            /* each word of a phrase is known on its own, so that matching may skip words in
             * no key without folding them */
            if (w0 > 0 && !cl_add(t, key + w0, end - w0))
                return NULL;
            w0 = key[i] == ' ' ? i + 1 : i + 1;
            words++;
        }
    if (w0 > 0 && !cl_add(t, key + w0, len - w0))
        return NULL;
    if (words > t->maxwords)
        t->maxwords = words;
    cl_entry *e = cl_add(t, key, len);
    if (e)
        e->prefix = 0;
    return e;
}

/* The next space-separated word of a lexicon value, or NULL at its end. */
static const char *cl_word(const char **s, size_t *n)
{
    const char *p = *s;
    while (*p == ' ')
        p++;
    if (!*p)
        return NULL;
    const char *q = p;
    while (*q && *q != ' ')
        q++;
    *n = (size_t)(q - p);
    *s = q;
    return p;
}

static int cl_is(const char *w, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

/* The rc_what of a word of a value, or -1. */
static int cl_what(const char *w, size_t n)
{
    char b[32];
    if (n >= sizeof b)
        return -1;
    memcpy(b, w, n);
    b[n] = '\0';
    return rc_what_parse(b);
}

/* One line of counted.tsv: "who [what] [share] [one] [of]", or "-" (a unit), "+" (a word to
 * skip), "sum [what]". share: the noun is counted only as a share (80 % du pays); one: an article
 * before the noun counts one (un mort); of: the noun's complement says who is counted. */
static int cl_counted(void *ud, const char *key, const char *value)
{
    cl_table *t = ud;
    cl_entry *e = cl_add_key(t, key, strlen(key));
    if (!e)
        return -1;
    const char *s = value;
    size_t n;
    const char *w = cl_word(&s, &n);
    if (!w || e->who != CL_WHO_NONE)
        return 0;
    char b[32];
    if (n < sizeof b) {
        memcpy(b, w, n);
        b[n] = '\0';
        if (strcmp(b, "-") == 0)
            e->who = CL_WHO_BLOCK;
        else if (strcmp(b, "+") == 0) {
            e->who = CL_WHO_SKIP;
            const char *s2 = s; /* "+ WHO": counted as WHO when no noun follows (jeunes) */
            size_t n2;
            const char *w2 = cl_word(&s2, &n2);
            char b2[32];
            if (w2 && n2 < sizeof b2) {
                memcpy(b2, w2, n2);
                b2[n2] = '\0';
                if (rc_who_parse(b2) >= 0) {
                    e->who = (int8_t)rc_who_parse(b2);
                    e->adj = 1;
                    s = s2;
                }
            }
        } else if (strcmp(b, "sum") == 0)
            e->who = CL_WHO_SUM;
        else if (rc_who_parse(b) >= 0)
            e->who = (int8_t)rc_who_parse(b);
    }
    while ((w = cl_word(&s, &n))) {
        if (cl_is(w, n, "share"))
            e->share = 1;
        else if (cl_is(w, n, "one"))
            e->one = 1;
        else if (cl_is(w, n, "of"))
            e->of = 1;
        else if (cl_is(w, n, "mixed"))
            e->mixed = 1;
        else if (cl_what(w, n) >= 0)
            e->cwhat = (int8_t)cl_what(w, n);
    }
    return 0;
}

/* Sets a predicate on key, unless an earlier line set one. */
static int cl_pred_set(cl_table *t, const char *key, size_t len, int what, int what2,
                       unsigned flags)
{
    cl_entry *e = cl_add_key(t, key, len);
    if (!e)
        return -1;
    if (e->pwhat < 0) {
        e->pwhat = (int8_t)what;
        e->pwhat2 = (int8_t)what2;
        e->pflags = (uint8_t)flags;
    }
    return 0;
}

/* One line of predicates.tsv: "what [what2] [pp] [noun]" (what2: what the word says of people
 * when what is said of areas: perdu). pp adds the feminine and plural of the first
 * word (tué: tuée, tués, tuées). */
static int cl_predicate(void *ud, const char *key, const char *value)
{
    cl_table *t = ud;
    const char *s = value;
    size_t n;
    const char *w = cl_word(&s, &n);
    int what = w ? cl_what(w, n) : -1;
    if (what < 0)
        return 0;
    unsigned flags = 0;
    int pp = 0, what2 = -1;
    while ((w = cl_word(&s, &n))) {
        if (cl_what(w, n) >= 0)
            what2 = cl_what(w, n);
        else if (cl_is(w, n, "noun"))
            flags |= CL_P_NOUN;
        else if (cl_is(w, n, "pp"))
            pp = 1;
    }
    size_t len = strlen(key);
    if (cl_pred_set(t, key, len, what, what2, flags))
        return -1;
    if (pp) {
        const char *sp = strchr(key, ' ');
        size_t first = sp ? (size_t)(sp - key) : len;
        static const char *const ends[] = {"e", "s", "es"};
        for (int i = 0; i < 3; i++) {
            char b[RC_LEX_MAXKEY + 4];
            if (len + 3 > sizeof b)
                break;
            if (key[first - 1] == 's' && ends[i][0] == 's')
                continue; /* pris: prise, prises; not priss */
            size_t el = strlen(ends[i]);
            memcpy(b, key, first);
            memcpy(b + first, ends[i], el);
            memcpy(b + first + el, key + first, len - first);
            if (cl_pred_set(t, b, len + el, what, what2, flags))
                return -1;
        }
    }
    return 0;
}

/* One line of modality.tsv: "class [near] [after]", or "own" (the outlet as its own source). */
static int cl_modality(void *ud, const char *key, const char *value)
{
    static const struct {
        const char *name;
        int mod;
    } classes[] = {
        {"notcond", CL_M_NOTCOND}, {"bound", CL_M_NOTCOND},    {"negation", CL_M_NEG},
        {"reported", CL_M_REPORT}, {"expected", CL_M_EXPECT},  {"conditional", CL_M_COND},
        {"hedged", CL_M_HEDGE},    {"disputed", CL_M_DISPUTE}, {"denied", CL_M_DENY}};
    cl_table *t = ud;
    cl_entry *e = cl_add_key(t, key, strlen(key));
    if (!e)
        return -1;
    if (e->mod != CL_M_NONE)
        return 0;
    const char *s = value;
    size_t n;
    const char *w = cl_word(&s, &n);
    for (size_t i = 0; w && i < sizeof classes / sizeof classes[0]; i++)
        if (cl_is(w, n, classes[i].name))
            e->mod = (int8_t)classes[i].mod;
    if (w && cl_is(w, n, "own"))
        e->mflags |= CL_MF_OWN;
    while ((w = cl_word(&s, &n))) {
        if (cl_is(w, n, "near"))
            e->mflags |= CL_MF_NEAR;
        else if (cl_is(w, n, "after"))
            e->mflags |= CL_MF_AFTER;
        else if (cl_is(w, n, "figure"))
            e->mflags |= CL_MF_FIGURE;
        else if (cl_is(w, n, "lead"))
            e->mflags |= CL_MF_LEAD;
    }
    return 0;
}

/* One line of claim_words.tsv: a list of classes (prep det aux and parts agent link year de
 * stop adv back group only one not than pron cap since neg whole among kin imp floor label
 * toward age if aged more, and be or but def for wflags2). */
static int cl_gramword(void *ud, const char *key, const char *value)
{
    static const struct {
        const char *name;
        unsigned flag;
    } classes[] = {{"prep", CL_W_PREP},   {"det", CL_W_DET},     {"aux", CL_W_AUX},
                   {"and", CL_W_AND},     {"parts", CL_W_PARTS}, {"agent", CL_W_AGENT},
                   {"link", CL_W_LINK},   {"year", CL_W_YEARP},  {"de", CL_W_DE},
                   {"stop", CL_W_STOP},   {"adv", CL_W_ADV},
                   {"back", CL_W_BACK},   {"group", CL_W_GROUP}, {"only", CL_W_ONLY},
                   {"one", CL_W_ONE},     {"not", CL_W_NOT},     {"than", CL_W_THAN},
                   {"pron", CL_W_PRON},   {"cap", CL_W_CAP},     {"since", CL_W_SINCE},
                   {"neg", CL_W_NEG},     {"whole", CL_W_WHOLE},   {"among", CL_W_AMONG},   {"kin", CL_W_KIN},
                   {"imp", CL_W_IMP},     {"floor", CL_W_FLOOR},
                   {"label", CL_W_LABEL}, {"toward", CL_W_TOWARD}, {"age", CL_W_AGE}, {"if", CL_W_IF},
                   {"aged", CL_W_AGED},   {"more", CL_W_MORE}};
    cl_table *t = ud;
    cl_entry *e = cl_add_key(t, key, strlen(key));
    if (!e)
        return -1;
    const char *s = value;
    size_t n;
    const char *w;
    static const struct {
        const char *name;
        unsigned flag;
    } classes2[] = {{"be", CL_W2_BE},         {"or", CL_W2_OR},         {"but", CL_W2_BUT},
                    {"def", CL_W2_DEF},       {"noun", CL_W2_NOUN},     {"thing", CL_W2_THING},
                    {"mine", CL_W2_MINE},     {"change", CL_W2_CHANGE}, {"floorafter", CL_W2_FLOOR},
                    {"refl", CL_W2_REFL},     {"subj", CL_W2_SUBJ},     {"rel", CL_W2_REL},
                    {"memory", CL_W2_MEMORY}, {"ask", CL_W2_ASK},       {"impers", CL_W2_IMPERS},
                    {"que", CL_W2_QUE}};
    while ((w = cl_word(&s, &n))) {
        for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
            if (cl_is(w, n, classes[i].name))
                e->wflags |= classes[i].flag;
        for (size_t i = 0; i < sizeof classes2 / sizeof classes2[0]; i++)
            if (cl_is(w, n, classes2[i].name))
                e->wflags2 |= (uint16_t)classes2[i].flag;
    }
    if ((e->wflags & CL_W_ONE) && e->klen) {
        unsigned char c = (unsigned char)e->key[0];
        unsigned char u = c >= 'a' && c <= 'z' ? (unsigned char)(c - 32) : c;
        t->one_first[c] = t->one_first[u] = 1;
        if (e->klen > t->one_maxlen)
            t->one_maxlen = e->klen;
    }
    return 0;
}

/* Frees a table made by cl_make. */
static void cl_free(void *p)
{
    cl_table *t = p;
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free((char *)t->e[i].key);
    free(t->e);
    free(t->slots);
    free(t->pkeys);
    free(t->pvals);
    free(t);
}

/* Makes the table from the French lexicons; NULL when out of memory. */
static void *cl_make(const rc_ctx *ctx)
{
    cl_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    const rc_lang *fr = ctx->fr;
    t->demonyms = rc_lang_lex(fr, "ent_demonyms");
    if (rc_lex_each(rc_lang_lex(fr, "counted"), cl_counted, t) ||
        rc_lex_each(rc_lang_lex(fr, "predicates"), cl_predicate, t) ||
        rc_lex_each(rc_lang_lex(fr, "modality"), cl_modality, t) ||
        rc_lex_each(rc_lang_lex(fr, "claim_words"), cl_gramword, t) || (!t->slots && cl_rehash(t))) {
        cl_free(t);
        return NULL;
    }
    /* the pairs of words that begin a key: a key split after a space or an apostrophe into two
     * keys of the table (matching joins a word to the next with a space, or without one after
     * an elided word); the filter keeps a bit for each, the pair map the joined key */
    size_t npairs = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < t->n; i++) {
            const cl_entry *k = &t->e[i];
            for (size_t p = 1; p < k->klen; p++) {
                int space = k->key[p] == ' ' && p + 1 < k->klen;
                if (!space && k->key[p - 1] != '\'')
                    continue;
                const cl_entry *a = cl_lookup(t, k->key, p);
                size_t b0 = space ? p + 1 : p;
                const cl_entry *b = a ? cl_lookup(t, k->key + b0, k->klen - b0) : NULL;
                if (!b)
                    continue;
                if (!pass) {
                    unsigned bit = cl_join_bit((size_t)(a - t->e), (size_t)(b - t->e), space);
                    t->joins[bit >> 6] |= 1ull << (bit & 63);
                    npairs++;
                    continue;
                }
                if (k->klen > RC_LEX_MAXKEY)
                    continue; /* longer than matching joins */
                uint64_t key = cl_pair_key((size_t)(a - t->e), (size_t)(b - t->e), space);
                size_t sl = cl_pair_slot(key, t->pmask);
                while (t->pvals[sl]) /* a joined text is one key: each pair comes once */
                    sl = (sl + 1) & t->pmask;
                t->pkeys[sl] = key;
                t->pvals[sl] = (uint32_t)i + 1;
            }
        }
        if (!pass) {
            size_t nslots = 64;
            while (nslots < 2 * npairs + 2)
                nslots *= 2;
            t->pkeys = calloc(nslots, sizeof *t->pkeys);
            t->pvals = calloc(nslots, sizeof *t->pvals);
            t->pmask = nslots - 1;
            if (!t->pkeys || !t->pvals) {
                cl_free(t);
                return NULL;
            }
        }
    }
    /* the keys a longer one begins with, whatever follows them (a space, an apostrophe, a
     * clitic's hyphen): a phrase matched from a word extends that word's key */
    for (size_t i = 0; i < t->n; i++) {
        const cl_entry *k = &t->e[i];
        for (size_t p = 1; p < k->klen; p++) {
            cl_entry *h = (cl_entry *)cl_lookup(t, k->key, p);
            if (h)
                h->cont = 1;
        }
    }
    /* what the keys ending with each key say of modality: the last token of a match is
     * appended after a space or after an elided word's apostrophe (or is a clitic), so a
     * sentence none of whose words ends a cue of the classes a scan wants there holds none */
    for (size_t i = 0; i < t->n; i++) {
        const cl_entry *k = &t->e[i];
        if (k->prefix || k->mod <= CL_M_NONE)
            continue;
        for (size_t p = 0; p < k->klen; p++) {
            if (p && k->key[p - 1] != ' ' && k->key[p - 1] != '\'')
                continue;
            cl_entry *h = (cl_entry *)cl_lookup(t, k->key + p, k->klen - p);
            if (h)
                h->tails |= (uint16_t)(1u << k->mod);
        }
    }
    return t;
}

const cl_table *cl_table_get(const rc_ctx *ctx)
{
    return rc_ctx_derived(ctx, RC_SLOT_CLAIMS, cl_make, cl_free);
}
