/*
 * srclex.c - the word table of the sources stage, made once per context from four lexicons so
 * that reading a document costs one hash look-up per word. Reporting verbs are listed by lemma;
 * the forms of regular -er verbs are generated here and irregular ones are listed in the file.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/srclex.h"
#include "util/fold.h"

#define SLOT_KEY 23 /* longest word kept: longer words are no reporting verb nor grammar word */

/* One entry, its key inline so that a probe reads one cache line. */
typedef struct slot {
    uint8_t len; /* 0: empty */
    char key[SLOT_KEY];
    srclex_info info;
} slot;

struct srclex {
    slot *slots;
    size_t cap, used; /* cap: a power of two */
    srclex_verb *verbs;
    size_t nverbs, capverbs;
    srclex_cue *cues;
    size_t ncues, capcues;
    const rc_lexicon *lex[SLX_N]; /* srclex_lex */
    int oom;
};

static const char *const lex_names[SLX_N] = {
    "source_grammar", "source_own", "source_objects", "source_refusal",   "source_nouns",
    "times",          "ent_firstnames", "ent_orgs",   "dateline_agencies"};

const rc_lexicon *srclex_lex(const srclex *sl, enum srclex_lexicon which)
{
    return (unsigned)which < SLX_N ? sl->lex[which] : NULL;
}

static const char *const vclass_names[SV_N] = {
    "say", "assert", "announce", "report", "confirm", "add", "explain", "estimate", "accuse",
    "deny", "admit", "warn", "write", "react", "ask", "express", "learn", "cite"};
static const char *const cclass_names[SC_N] = {"according", "for", "continue", "same",
                                               "source_of", "relay", "citing", "told", "verb",
                                               "none"};

/* FNV-1a: the keys are short folded words. */
static size_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return (size_t)h;
}

/* The slot holding key, or the empty slot where it would go. */
static slot *probe(const srclex *sl, const char *key, size_t n)
{
    size_t m = sl->cap - 1;
    for (size_t i = hash(key, n) & m;; i = (i + 1) & m) {
        slot *s = &sl->slots[i];
        if (!s->len || (s->len == n && memcmp(s->key, key, n) == 0))
            return s;
    }
}

/* Doubles the table when it is half full, so probes stay short. */
static int grow(srclex *sl)
{
    if (sl->used * 2 < sl->cap)
        return 0;
    size_t ncap = sl->cap ? sl->cap * 2 : 1024;
    slot *old = sl->slots;
    size_t ocap = sl->cap;
    sl->slots = calloc(ncap, sizeof *sl->slots);
    if (!sl->slots) {
        sl->slots = old;
        return -1;
    }
    sl->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].len)
            *probe(sl, old[i].key, old[i].len) = old[i];
    free(old);
    return 0;
}

/* Adds bits to a folded word; the first verb and cue given to a word are kept. */
static void add(srclex *sl, const char *key, size_t n, uint32_t bits, int verb, int cue)
{
    if (!n || sl->oom)
        return;
    if (grow(sl)) {
        sl->oom = 1;
        return;
    }
    if (n > SLOT_KEY)
        return; /* no word that long is looked up */
    slot *s = probe(sl, key, n);
    if (!s->len) {
        memcpy(s->key, key, n);
        s->len = (uint8_t)n;
        s->info = (srclex_info){0, -1, -1};
        sl->used++;
    }
    s->info.bits |= bits;
    if (verb >= 0 && s->info.verb < 0)
        s->info.verb = (int16_t)verb;
    if (cue >= 0 && s->info.cue < 0)
        s->info.cue = (int16_t)cue;
}

/* The next space-separated field of *p, or NULL at the end. */
static const char *field(const char **p, size_t *n)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return NULL;
    const char *e = s;
    while (*e && *e != ' ' && *e != '\t')
        e++;
    *n = (size_t)(e - s);
    *p = e;
    return s;
}

static int feq(const char *f, size_t n, const char *word)
{
    return strlen(word) == n && memcmp(f, word, n) == 0;
}

/* source_grammar.tsv: WORD -> classes and an optional gender (m, f, p). */
static int load_grammar(void *ud, const char *key, const char *value)
{
    static const struct {
        const char *name;
        uint32_t bits;
    } classes[] = {{"det", SL_DET},   {"prep", SL_PREP}, {"loc", SL_LOC},   {"stop", SL_STOP},
                   {"aux", SL_AUX},   {"refl", SL_REFL}, {"adv", SL_ADV},   {"pron", SL_PRON},
                   {"conj", SL_CONJ}, {"rel", SL_REL},   {"que", SL_QUE},   {"m", SL_MASC},
                   {"f", SL_FEM},     {"p", SL_PLUR}, {"part", SL_PARTICLE}, {"def", SL_DEF},
                   {"be", SL_BE},     {"neg", SL_NEG},      {"qty", SL_QTY}};
    srclex *sl = ud;
    uint32_t bits = 0;
    size_t n;
    for (const char *f, *p = value; (f = field(&p, &n));)
        for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
            if (feq(f, n, classes[i].name))
                bits |= classes[i].bits;
    add(sl, key, strlen(key), bits, -1, -1);
    return 0;
}

/* source_nouns.tsv: NOUN -> source|role|org|via and an optional gender, or PREFIX- -> prefix. */
static int load_noun(void *ud, const char *key, const char *value)
{
    srclex *sl = ud;
    uint32_t bits = 0;
    size_t n;
    for (const char *f, *p = value; (f = field(&p, &n));) {
        if (feq(f, n, "source"))
            bits |= SL_SRC;
        else if (feq(f, n, "role"))
            bits |= SL_ROLE;
        else if (feq(f, n, "org"))
            bits |= SL_ORG;
        else if (feq(f, n, "via"))
            bits |= SL_VIA;
        else if (feq(f, n, "prefix") && key[0] && key[strlen(key) - 1] == '-')
            bits = 0; /* sous-: kept with no bits; srclex_word reads the noun after it */
        else if (feq(f, n, "f"))
            bits |= SL_FEM;
        else if (feq(f, n, "m"))
            bits |= SL_MASC;
    }
    add(sl, key, strlen(key), bits, -1, -1);
    return 0;
}

/* A new verb entry; its index, or -1 when memory runs out. */
static int new_verb(srclex *sl, const char *lemma, size_t n, int cls, int strength)
{
    if (sl->nverbs == sl->capverbs) {
        size_t ncap = sl->capverbs ? sl->capverbs * 2 : 128;
        srclex_verb *v = realloc(sl->verbs, ncap * sizeof *v);
        if (!v)
            return -1;
        sl->verbs = v;
        sl->capverbs = ncap;
    }
    if (sl->nverbs >= 32000)
        return -1;
    char *l = malloc(n + 1);
    if (!l)
        return -1;
    memcpy(l, lemma, n);
    l[n] = '\0';
    for (char *c = l; *c; c++) /* "faire_état" in the cue file is the lemma "faire état" */
        if (*c == '_')
            *c = ' ';
    sl->verbs[sl->nverbs] =
        (srclex_verb){.lemma = l, .cls = (uint8_t)cls, .strength = (uint8_t)strength};
    return (int)sl->nverbs++;
}

/* The class and strength at the start of a value ("assert 3"); -1 when the class is unknown. */
static int parse_class(const char **p, int *strength)
{
    size_t n;
    const char *f = field(p, &n);
    int cls = -1;
    for (int i = 0; f && i < SV_N; i++)
        if (feq(f, n, vclass_names[i]))
            cls = i;
    const char *save = *p;
    f = field(p, &n);
    if (f && n == 1 && *f >= '1' && *f <= '3')
        *strength = *f - '0';
    else {
        *strength = 2;
        *p = save;
    }
    return cls;
}

/* Adds a verb form; present participles (-ant) are flagged, since they have no subject of
 * their own. */
static void add_form(srclex *sl, const char *form, size_t n, int verb)
{
    uint32_t bits = SL_VERB;
    if (n > 4 && memcmp(form + n - 3, "ant", 3) == 0)
        bits |= SL_PART;
    add(sl, form, n, bits, verb, -1);
}

/* The forms of a regular -er verb that reported speech uses (third persons, participles,
 * imperfect, passé simple, future, conditional), with ç and ge before a and o. */
static void add_er_forms(srclex *sl, const char *lemma, size_t n, int verb)
{
    static const char *const ends[] = {"e",   "es",    "ent",   "é",    "ée",     "és",
                                       "ées", "ait",   "aient", "a",    "èrent",  "ant",
                                       "era", "eront", "erait", "eraient"};
    char buf[RC_LEX_MAXKEY + 16];
    if (n < 3 || n > RC_LEX_MAXKEY || memcmp(lemma + n - 2, "er", 2) != 0)
        return;
    size_t stem = n - 2;
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        const char *e = ends[i];
        size_t k = stem;
        memcpy(buf, lemma, stem);
        if (e[0] == 'a' || e[0] == 'o') {
            if (lemma[stem - 1] == 'c') { /* annonça */
                k--;
                memcpy(buf + k, "\xc3\xa7", 2);
                k += 2;
            } else if (lemma[stem - 1] == 'g') /* jugeait */
                buf[k++] = 'e';
        }
        size_t el = strlen(e);
        memcpy(buf + k, e, el);
        add_form(sl, buf, k + el, verb);
        if (i >= 3 && i <= 6) /* é ée és ées: a participle wants an auxiliary */
            add(sl, buf, k + el, SL_PP, -1, -1);
    }
}

/* reporting_verbs.tsv: LEMMA -> class strength [irregular forms ...] [+quote]. */
static int load_verb(void *ud, const char *key, const char *value)
{
    srclex *sl = ud;
    const char *p = value;
    int strength;
    int cls = parse_class(&p, &strength);
    if (cls < 0)
        return 0;
    size_t kn = strlen(key);
    int v = new_verb(sl, key, kn, cls, strength);
    if (v < 0) {
        sl->oom = 1;
        return 1;
    }
    add_form(sl, key, kn, v);
    add(sl, key, kn, SL_INF, -1, -1);
    add_er_forms(sl, key, kn, v);
    size_t n;
    for (const char *f; (f = field(&p, &n));) {
        if (feq(f, n, "+quote"))
            sl->verbs[v].after_quote = 1;
        else if (feq(f, n, "+clause"))
            sl->verbs[v].clause = 1;
        else
            add_form(sl, f, n, v);
    }
    return 0;
}

/* attribution_cues.tsv: PHRASE -> class [verb-class strength lemma | from | outlet]. The phrase is
 * indexed by its first word (up to a space, or an elision's apostrophe). */
static int load_cue(void *ud, const char *key, const char *value)
{
    srclex *sl = ud;
    const char *p = value;
    size_t n;
    const char *f = field(&p, &n);
    int cls = -1;
    for (int i = 0; f && i < SC_N; i++)
        if (feq(f, n, cclass_names[i]))
            cls = i;
    if (cls < 0)
        return 0;
    int verb = -1;
    uint8_t from = 0, outlet = 0;
    if (cls == SC_TOLD) {
        const char *g = field(&p, &n);
        from = g && feq(g, n, "from");
        outlet = g && feq(g, n, "outlet");
    }
    if (cls == SC_VERB) {
        int strength;
        int vc = parse_class(&p, &strength);
        const char *lemma = field(&p, &n);
        if (vc < 0 || !lemma)
            return 0;
        verb = new_verb(sl, lemma, n, vc, strength);
        if (verb < 0) {
            sl->oom = 1;
            return 1;
        }
    }
    if (sl->ncues == sl->capcues) {
        size_t ncap = sl->capcues ? sl->capcues * 2 : 64;
        srclex_cue *c = realloc(sl->cues, ncap * sizeof *c);
        if (!c) {
            sl->oom = 1;
            return 1;
        }
        sl->cues = c;
        sl->capcues = ncap;
    }
    if (sl->ncues >= 32000)
        return 1;
    size_t kn = strlen(key), first = 0;
    while (first < kn && key[first] != ' ' && key[first] != '\'')
        first++;
    if (first < kn && key[first] == '\'')
        first++;
    char *phrase = malloc(kn + 1);
    if (!phrase) {
        sl->oom = 1;
        return 1;
    }
    memcpy(phrase, key, kn + 1);
    int idx = (int)sl->ncues;
    /* chain after the phrases already indexed under the same first word, longest first */
    slot *s = (grow(sl) == 0 && first <= SLOT_KEY) ? probe(sl, key, first) : NULL;
    int32_t head = (s && s->len) ? s->info.cue : -1;
    sl->cues[sl->ncues++] = (srclex_cue){.phrase = phrase,
                                         .cls = (uint8_t)cls,
                                         .from = from,
                                         .outlet = outlet,
                                         .verb = (int16_t)verb,
                                         .next = -1,
                                         .len = (uint32_t)kn,
                                         .keylen = (uint32_t)first,
                                         .alone = -1};
    if (head < 0) {
        add(sl, key, first, SL_CUE, -1, idx);
    } else {
        /* keep longer phrases first so that the longest match wins */
        int32_t prev = -1, cur = head;
        while (cur >= 0 && strlen(sl->cues[cur].phrase) >= kn) {
            prev = cur;
            cur = sl->cues[cur].next;
        }
        sl->cues[idx].next = cur;
        if (prev < 0) {
            s->info.cue = (int16_t)idx;
            s->info.bits |= SL_CUE;
        } else
            sl->cues[prev].next = idx;
    }
    return 0;
}

/* Frees the table; accepts NULL. */
static void srclex_free(void *p)
{
    srclex *sl = p;
    if (!sl)
        return;
    for (size_t i = 0; i < sl->nverbs; i++)
        free((char *)sl->verbs[i].lemma);
    for (size_t i = 0; i < sl->ncues; i++)
        free((char *)sl->cues[i].phrase);
    free(sl->slots);
    free(sl->verbs);
    free(sl->cues);
    free(sl);
}

/* Loads the four lexicons into a new table; NULL when memory runs out. */
/* Fills the chain summaries of every cue (srclex_cue.go_on, spaced, alone), which let the
 * stage turn down a chain from the word after its first one without reading each phrase. */
static void cue_summaries(srclex *sl)
{
    for (size_t i = 0; i < sl->ncues; i++) {
        srclex_cue *c = &sl->cues[i];
        for (int32_t k = (int32_t)i; k >= 0; k = sl->cues[k].next) {
            const srclex_cue *o = &sl->cues[k];
            if (o->len == o->keylen) {
                if (c->alone < 0)
                    c->alone = k;
                continue;
            }
            size_t tail = o->keylen + (o->phrase[o->keylen] == ' ');
            unsigned char b0 = (unsigned char)o->phrase[tail];
            unsigned char b1 = b0 ? (unsigned char)o->phrase[tail + 1] : 0;
            unsigned h = srclex_pair(b0, 0); /* a token that is the first byte alone */
            c->go_on[h >> 6] |= 1ull << (h & 63);
            h = srclex_pair(b0, b1);
            c->go_on[h >> 6] |= 1ull << (h & 63);
            h = srclex_pair2(b0, 0);
            c->go_on2[h >> 6] |= 1ull << (h & 63);
            h = srclex_pair2(b0, b1);
            c->go_on2[h >> 6] |= 1ull << (h & 63);
            c->spaced |= tail > o->keylen;
        }
    }
}

static void *srclex_make(const rc_ctx *ctx)
{
    srclex *sl = calloc(1, sizeof *sl);
    if (!sl || grow(sl)) {
        free(sl);
        return NULL;
    }
    const rc_lang *fr = ctx->fr;
    rc_lex_each(rc_lang_lex(fr, "source_grammar"), load_grammar, sl);
    rc_lex_each(rc_lang_lex(fr, "source_nouns"), load_noun, sl);
    rc_lex_each(rc_lang_lex(fr, "reporting_verbs"), load_verb, sl);
    rc_lex_each(rc_lang_lex(fr, "attribution_cues"), load_cue, sl);
    cue_summaries(sl);
    for (int k = 0; k < SLX_N; k++)
        sl->lex[k] = rc_lang_lex(fr, lex_names[k]);
    if (sl->oom) {
        srclex_free(sl);
        return NULL;
    }
    return sl;
}

const srclex *srclex_get(const rc_ctx *ctx)
{
    return rc_ctx_derived(ctx, RC_SLOT_SOURCES, srclex_make, srclex_free);
}

srclex_info srclex_word(const srclex *sl, const char *s, size_t len)
{
    srclex_info none = {0, -1, -1};
    char key[64];
    if (len > 2 * SLOT_KEY)
        return none;
    size_t n = 0;
    for (; n < len; n++) { /* plain ASCII folds by lower-casing: the common case, done here */
        unsigned char c = (unsigned char)s[n];
        if (c >= 'A' && c <= 'Z')
            key[n] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || c == '\'' || c == '-' || (c >= '0' && c <= '9'))
            key[n] = (char)c;
        else
            break;
    }
    if (n < len)
        n = rc_fold(s, len, key, sizeof key);
    if (n == 0 || n > SLOT_KEY)
        return none;
    slot *e = probe(sl, key, n);
    srclex_info info = e->len ? e->info : none;
    const uint32_t nouns = SL_SRC | SL_ROLE | SL_ORG | SL_VIA | SL_FEM | SL_MASC;
    if (!(info.bits & (SL_SRC | SL_ROLE | SL_ORG | SL_VIA)) && n > 4) {
        /* sous-préfet, vice-ministre: a prefix of source_nouns.tsv and a noun of the list */
        const char *h = memchr(key + 1, '-', n - 2 < 6 ? n - 2 : 6);
        if (h && probe(sl, key, (size_t)(h - key) + 1)->len) {
            size_t r = n - (size_t)(h - key) - 1;
            slot *q = probe(sl, h + 1, r);
            if (!q->len && r > 3 && (h[r] == 's' || h[r] == 'x'))
                q = probe(sl, h + 1, r - 1);
            if (q->len)
                info.bits |= q->info.bits & nouns;
        }
    }
    if (!(info.bits & (SL_SRC | SL_ROLE | SL_ORG | SL_VIA)) && n > 3 &&
        (key[n - 1] == 's' || key[n - 1] == 'x')) {
        slot *p = probe(sl, key, n - 1); /* plural nouns: témoins, habitants */
        if (p->len)
            info.bits |= p->info.bits & (SL_SRC | SL_ROLE | SL_ORG | SL_VIA | SL_FEM | SL_MASC);
    }
    return info;
}

const srclex_verb *srclex_verbs(const srclex *sl, size_t *n)
{
    *n = sl->nverbs;
    return sl->verbs;
}

const srclex_cue *srclex_cues(const srclex *sl, size_t *n)
{
    *n = sl->ncues;
    return sl->cues;
}
