/*
 * check.c - the cross-check's life: a check collects documents (copying their metadata, claims,
 * framing and a MinHash signature of their text into its own arena, so each document can be
 * freed right after), then rc_check_run finds relays, origins and facts, and the writers print
 * the result. Grouping is in facts.c, estimates in estimate.c, origins in origins.c, relays in
 * minhash.c; docs/crosscheck.md gives the rules.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck/check_int.h"
#include "util/date.h"

int rc_check_new(const rc_ctx *ctx, rc_check **out)
{
    if (!out)
        return RC_EINVAL;
    *out = NULL;
    rc_check *chk = calloc(1, sizeof *chk);
    if (!chk)
        return RC_ENOMEM;
    chk->ctx = ctx;
    rc_arena_init(&chk->arena);
    *out = chk;
    return RC_OK;
}

void rc_check_free(rc_check *chk)
{
    if (!chk)
        return;
    rc_arena_free(&chk->arena);
    free(chk->pub);
    free(chk->docs);
    free(chk->cl);
    free(chk->origins);
    free(chk->otable);
    free(chk->facts);
    free(chk->fclaims);
    free(chk->forigins);
    free(chk);
}

/* Grows a heap array to hold need elements, doubling, so that adding claims one document at a
 * time stays linear. */
static int grow(void **arr, size_t *cap, size_t need, size_t esz)
{
    if (need <= *cap)
        return RC_OK;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * esz);
    if (!p)
        return RC_ENOMEM;
    *arr = p;
    *cap = n;
    return RC_OK;
}

void check_claim_id(uint32_t idx, char *buf)
{
    snprintf(buf, 16, "c%u", idx + 1);
}

const cc_claim *check_claim_of(const rc_check *chk, const rc_fact_claim *fc)
{
    assert(fc->doc < chk->ndocs);
    return &chk->cl[chk->docs[fc->doc].first + fc->claim];
}

/* Days since 1970 of a "YYYY-MM-DD..." string, or CC_NODAY; claims and documents give dates in
 * this form. */
static int32_t day_of(const char *s)
{
    rc_date d;
    if (!s || !*s || rc_date_parse(s, &d) != RC_OK)
        return CC_NODAY;
    return (int32_t)rc_date_days(d.y, d.m, d.d);
}

/* The figure and the kind of figure of a claim: the contract writes "au moins 82" as value 82,
 * low 82, high null, which is a lower bound; "près de 15 000" is approximate, not a bound. */
static void figure_of(const rc_claim *c, cc_claim *k)
{
    bool hl = !isnan(c->low), hh = !isnan(c->high), hv = !isnan(c->value);
    k->kind = CC_POINT;
    if (hl && hh && c->low < c->high)
        k->kind = CC_RANGE;
    else if (!c->approx && hl && !hh)
        k->kind = CC_LOWER;
    else if (!c->approx && hh && !hl)
        k->kind = CC_UPPER;
    k->point = hv ? c->value : hl ? c->low : c->high; /* a range without a figure: its low */
    k->lo = hl ? c->low : k->point;
    k->hi = hh ? c->high : k->point;
    if (k->kind == CC_LOWER || k->kind == CC_UPPER)
        k->prec = CC_PREC_BOUND;
    else if (c->approx || k->kind == CC_RANGE)
        k->prec = CC_PREC_APPROX;
    else
        k->prec = CC_PREC_EXACT;
    switch (c->modality) {
    case RC_MOD_ASSERTED:
    case RC_MOD_REPORTED: k->weight = 2; break;
    case RC_MOD_DENIED: k->weight = 0; break;
    default: k->weight = 1; break;
    }
}

/* Copies an array of strings into the arena. */
static const char *const *copy_strv(rc_arena *a, const char *const *v, size_t n)
{
    if (!n)
        return NULL;
    const char **out = rc_arena_alloc(a, n * sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = rc_arena_strdup(a, v[i] ? v[i] : "")))
            return NULL;
    return out;
}

/* Copies a string that may be NULL into the arena; false when memory ran out. */
static bool dup_into(rc_arena *a, const char **s)
{
    if (!*s)
        return true;
    *s = rc_arena_strdup(a, *s);
    return *s != NULL;
}

/* Copies one claim's strings and arrays into the arena; the struct itself is copied by value. */
static int copy_claim(rc_arena *a, rc_claim *c)
{
    /* values out of the closed vocabularies, or counts without arrays, are made harmless */
    if (c->what >= RC_WHAT_N)
        c->what = RC_WHAT_OTHER;
    if (c->who >= RC_WHO_N)
        c->who = RC_WHO_OTHER;
    if (c->modality >= RC_MOD_N)
        c->modality = RC_MOD_HEDGED;
    if (c->unit >= RC_UNIT_N)
        c->unit = RC_UNIT_COUNT;
    if (!isfinite(c->value))
        c->value = NAN;
    if (!isfinite(c->low))
        c->low = NAN;
    if (!isfinite(c->high))
        c->high = NAN;
    if (!c->parts)
        c->nparts = 0;
    if (!c->places)
        c->nplaces = 0;
    if (!c->sources)
        c->nsources = 0;
    if (!c->explain)
        c->explain = "";
    if (!dup_into(a, &c->counted) || !dup_into(a, &c->time_text) || !dup_into(a, &c->agent) ||
        !dup_into(a, &c->explain))
        return RC_ENOMEM;
    c->time_from[10] = c->time_to[10] = '\0';
    if (c->nparts) {
        rc_claim_part *p = rc_arena_alloc(a, c->nparts * sizeof *p);
        if (!p)
            return RC_ENOMEM;
        memcpy(p, c->parts, c->nparts * sizeof *p);
        for (size_t i = 0; i < c->nparts; i++)
            if (!dup_into(a, &p[i].counted))
                return RC_ENOMEM;
        c->parts = p;
    } else {
        c->parts = NULL;
    }
    if (c->nplaces) {
        c->places = copy_strv(a, c->places, c->nplaces);
        c->place_keys = c->place_keys ? copy_strv(a, c->place_keys, c->nplaces) : c->places;
        if (!c->places || !c->place_keys)
            return RC_ENOMEM;
    } else {
        c->places = c->place_keys = NULL;
    }
    if (c->nsources) {
        rc_speaker *s = rc_arena_alloc(a, c->nsources * sizeof *s);
        if (!s)
            return RC_ENOMEM;
        memcpy(s, c->sources, c->nsources * sizeof *s);
        for (size_t i = 0; i < c->nsources; i++) {
            if (!s[i].name)
                s[i].name = "";
            if (!dup_into(a, &s[i].name) || !dup_into(a, &s[i].role) || !dup_into(a, &s[i].key))
                return RC_ENOMEM;
        }
        c->sources = s;
    } else {
        c->sources = NULL;
    }
    return RC_OK;
}

/* Copies the metadata strings into the arena. */
static void copy_meta(rc_arena *a, const rc_doc_meta *m, rc_doc_meta *out)
{
    out->id = rc_arena_strdup(a, m->id);
    out->path = rc_arena_strdup(a, m->path);
    out->title = rc_arena_strdup(a, m->title);
    out->site = rc_arena_strdup(a, m->site);
    out->url = rc_arena_strdup(a, m->url);
    out->author = rc_arena_strdup(a, m->author);
    out->lang = rc_arena_strdup(a, m->lang);
    out->date = rc_arena_strdup(a, m->date);
    out->date_source = rc_arena_strdup(a, m->date_source);
}

/* Whether a byte is an ASCII vowel or starts an accented Latin letter (UTF-8 lead 0xC3), which
 * the place skeleton leaves out after a word's first letter. */
static bool vowel_at(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c == 0xc3)
        return true;
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The hash of a place key's consonant skeleton: every word keeps its first letter, then only
 * its consonants, doubled ones once, and a final h after a vowel is dropped. Transliterations of
 * one name mostly differ in their vowels and doubled letters (Firdous and Firdaws, Jableh and
 * Jablah, Mossoul and Moussoul), while names that differ in their consonants stay apart
 * (Alep-Est and Alep-Ouest keep their first letters). A key too short for a skeleton of two
 * letters is hashed as it is. *first is the hash of the skeleton's first word, by which a
 * compound name (Alep-Est) is known to lie in the one-word place it starts with (Alep). */
static uint64_t place_hash(const char *key, uint64_t *first /* OUT */)
{
    char sk[128];
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)key;
    bool word_start = true, prev_vowel = false, last_h = false, h_after_vowel = false;
    for (size_t i = 0; s[i] && n + 5 < sizeof sk;) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        bool alnum = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (!alnum) { /* a word ends: drop its final h after a vowel */
            if (last_h && h_after_vowel)
                n--;
            word_start = true;
            prev_vowel = last_h = false;
            i++;
            continue;
        }
        char lc = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        bool v = vowel_at(s + i);
        bool keep = word_start || (!v && !(len == 1 && n && sk[n - 1] == lc));
        if (keep) {
            if (word_start && n)
                sk[n++] = ' ';
            sk[n++] = lc;
            for (size_t k = 1; k < len && s[i + k]; k++)
                sk[n++] = (char)s[i + k];
        }
        last_h = keep && !word_start && lc == 'h';
        h_after_vowel = prev_vowel;
        prev_vowel = v;
        word_start = false;
        for (size_t k = 0; k < len && s[i]; k++)
            i++;
    }
    if (last_h && h_after_vowel)
        n--;
    if (n < 2) {
        *first = origins_hash(key, strlen(key));
        return *first;
    }
    size_t w = 0;
    while (w < n && sk[w] != ' ')
        w++;
    *first = origins_hash(sk, w);
    return origins_hash(sk, n);
}

/* The check's view of one copied claim: days, place hashes, figure, blocking families. A claim
 * whose time the text does not state (no time expression: the day is its document's) takes the
 * three days up to that day, and so does a claim without any time when its document is dated:
 * reports mostly tell what happened in the days before they were written. */
static int view_claim(rc_check *chk, uint32_t d, uint32_t i, const rc_claim *c, int32_t docday,
                      const char *text, size_t textlen, cc_claim *k)
{
    memset(k, 0, sizeof *k);
    k->doc = d;
    k->idx = i;
    k->from = day_of(c->time_from);
    k->to = day_of(c->time_to);
    if (k->from != CC_NODAY || k->to != CC_NODAY) {
        if (k->from == CC_NODAY)
            k->from = k->to;
        if (k->to == CC_NODAY || k->to < k->from)
            k->to = k->from;
        k->timed = 1;
        if (!c->time_text || !*c->time_text) {
            k->from -= 3;
            k->timed = 2;
        }
    } else if (docday != CC_NODAY) {
        k->from = docday - 3;
        k->to = docday;
        k->timed = 2;
    }
    if (c->nplaces) {
        uint64_t *h = rc_arena_alloc(&chk->arena, 2 * c->nplaces * sizeof *h);
        if (!h)
            return RC_ENOMEM;
        for (size_t p = 0; p < c->nplaces; p++)
            h[2 * p] = place_hash(c->place_keys[p], &h[2 * p + 1]);
        k->placeh = h;
        k->nplaces = (uint32_t)c->nplaces;
    }
    figure_of(c, k);
    k->wfam = facts_what_family(c->what);
    k->wclass = facts_who_class(c->what, c->who);
    k->src_origin = -1;
    if (c->nsources && c->sources[0].name[0]) { /* a nameless source is the text's own voice */
        k->src_origin = origins_intern(chk, c->sources[0].name, c->sources[0].key, true);
        if (k->src_origin < 0)
            return RC_ENOMEM;
    }
    if (text && c->end <= textlen && c->start < c->end)
        k->text = rc_arena_strndup(&chk->arena, text + c->start, c->end - c->start);
    return RC_OK;
}

int rc_check_add_claims(rc_check *chk, const rc_doc_meta *meta, const rc_claim *claims,
                        size_t nclaims, const rc_frame *frames, size_t nframes, const char *text,
                        size_t textlen)
{
    if (!chk || !meta || (nclaims && !claims) || (nframes && !frames) || chk->ran)
        return RC_EINVAL;
    if (chk->ndocs >= INT32_MAX || chk->ncl + nclaims >= UINT32_MAX)
        return RC_ETOOBIG;
    if (grow((void **)&chk->docs, &chk->capdocs, chk->ndocs + 1, sizeof *chk->docs) ||
        grow((void **)&chk->pub, &chk->cappub, chk->ndocs + 1, sizeof *chk->pub) ||
        grow((void **)&chk->cl, &chk->capcl, chk->ncl + nclaims, sizeof *chk->cl))
        return RC_ENOMEM;
    rc_arena *a = &chk->arena;
    uint32_t d = (uint32_t)chk->ndocs;
    rc_check_doc *pd = &chk->pub[d];
    cc_doc *cd = &chk->docs[d];
    memset(pd, 0, sizeof *pd);
    memset(cd, 0, sizeof *cd);
    copy_meta(a, meta, &pd->meta);
    pd->relay_of = -1;
    cd->root = (int32_t)d;
    cd->first = (uint32_t)chk->ncl;
    const char *outlet = pd->meta.site ? pd->meta.site : pd->meta.path ? pd->meta.path : "?";
    int32_t o = origins_intern(chk, outlet, NULL, false);
    if (o < 0)
        return RC_ENOMEM;
    cd->outlet = (uint32_t)o;
    if (nclaims) {
        cd->claims = rc_arena_alloc(a, nclaims * sizeof *cd->claims);
        if (!cd->claims)
            return RC_ENOMEM;
        memcpy(cd->claims, claims, nclaims * sizeof *claims);
    }
    if (nframes) {
        cd->frames = rc_arena_alloc(a, nframes * sizeof *cd->frames);
        if (!cd->frames)
            return RC_ENOMEM;
        for (size_t i = 0; i < nframes; i++) {
            cd->frames[i].concept = rc_arena_strdup(a, frames[i].concept ? frames[i].concept : "");
            cd->frames[i].term = rc_arena_strdup(a, frames[i].term ? frames[i].term : "");
            cd->frames[i].count = frames[i].count;
        }
    }
    cd->nframes = nframes;
    if (text)
        cd->has_sig = minhash_sign(text, textlen, cd->sig);
    int32_t docday = day_of(pd->meta.date);
    for (size_t i = 0; i < nclaims; i++) {
        int status = copy_claim(a, &cd->claims[i]);
        if (!status)
            status = view_claim(chk, d, (uint32_t)i, &cd->claims[i], docday, text, textlen,
                                &chk->cl[chk->ncl + i]);
        if (status)
            return status;
    }
    cd->nclaims = nclaims;
    chk->ncl += nclaims;
    chk->ndocs++;
    return RC_OK;
}

int rc_check_add(rc_check *chk, const rc_doc *doc)
{
    if (!chk || !doc)
        return RC_EINVAL;
    rc_doc_meta meta;
    size_t nclaims = 0, nframes = 0, len = 0;
    rc_doc_get_meta(doc, &meta);
    const rc_claim *claims = rc_doc_claims(doc, &nclaims);
    const rc_frame *frames = rc_doc_framing(doc, &nframes);
    const char *text = rc_doc_text(doc, &len);
    return rc_check_add_claims(chk, &meta, claims, nclaims, frames, nframes, text, len);
}

int rc_check_run(rc_check *chk)
{
    if (!chk)
        return RC_EINVAL;
    if (chk->ran)
        return RC_OK;
    int status = minhash_relays(chk);
    if (status)
        return status;
    origins_resolve(chk);
    status = facts_run(chk);
    if (status)
        return status;
    chk->ran = true;
    return RC_OK;
}

int check_out_flush(check_out *o, bool force)
{
    if (!o->status && o->buf.err)
        o->status = o->buf.err;
    if (!o->status && o->buf.len && (force || o->buf.len >= 1 << 16))
        o->status = o->fn(o->ud, o->buf.data, o->buf.len);
    if (force || o->buf.len >= 1 << 16)
        rc_buf_reset(&o->buf);
    return o->status;
}

int rc_check_write(const rc_check *chk, rc_check_format format, unsigned flags, rc_write_fn fn,
                   void *ud)
{
    if (!chk || !fn || !chk->ran)
        return RC_EINVAL;
    check_out o = {RC_BUF_INIT, fn, ud, RC_OK};
    int status;
    switch (format) {
    case RC_CHECK_JSON: status = check_json_write(chk, &o); break;
    case RC_CHECK_TEXT: status = check_text_write(chk, flags, &o); break;
    case RC_CHECK_CSV: status = check_csv_write(chk, &o); break;
    default: status = RC_EINVAL; break;
    }
    if (!status)
        status = check_out_flush(&o, true);
    rc_buf_free(&o.buf);
    return status;
}

const rc_check_doc *rc_check_docs(const rc_check *chk, size_t *n)
{
    *n = chk ? chk->ndocs : 0;
    return chk ? chk->pub : NULL;
}

const rc_fact *rc_check_facts(const rc_check *chk, size_t *n)
{
    *n = chk && chk->ran ? chk->nfacts : 0;
    return chk && chk->ran ? chk->facts : NULL;
}

const rc_claim *rc_check_doc_claims(const rc_check *chk, size_t doc, size_t *n)
{
    if (!chk || doc >= chk->ndocs) {
        *n = 0;
        return NULL;
    }
    *n = chk->docs[doc].nclaims;
    return chk->docs[doc].claims;
}

const rc_frame *rc_check_doc_framing(const rc_check *chk, size_t doc, size_t *n)
{
    if (!chk || doc >= chk->ndocs) {
        *n = 0;
        return NULL;
    }
    *n = chk->docs[doc].nframes;
    return chk->docs[doc].frames;
}
