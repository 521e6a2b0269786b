/*
 * doc_read.c - a document rebuilt from the JSON object that rc_doc_write_json writes with
 * RC_JSON_TEXT (doc_json.c and each stage's writer), so that a store hands back what was
 * extracted without extracting it again. Writing the rebuilt document gives the same bytes.
 *
 * The reader is strict: a field of the wrong type, an offset outside the text, a name outside a
 * closed vocabulary or a missing stage key is RC_EFORMAT, so that nothing downstream reads a
 * span past the text. Fields a writer adds beyond what the types keep are ignored; fields a
 * stage writes only sometimes (a relative ordinal, a claim's explain) are read when present.
 * Everything the document points to is copied into its arena.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/lexicon.h"
#include "extract/stages.h"
#include "lang/fr/tokenize.h"
#include "util/fold.h"

/* The state of one read: the document being filled and the first failure (sticky). */
typedef struct reader {
    rc_doc *doc;
    int err;
    json_t *root, *meta; /* the document's object and its "doc": every member written */
} reader;

static const char *const num_kinds[] = {"number", "ordinal", "percent", "fraction", "range"};
static const char *const time_types[] = {"date", "time", "datetime", "duration", "set", "range"};
static const char *const ent_types[] = {"PER", "ORG", "LOC", "MISC"};

/* Marks the read as failed (the first failure wins) and returns NULL, for `return bad(r)`. */
static void *bad(reader *r, int status)
{
    if (!r->err)
        r->err = status;
    return NULL;
}

/* The index of s in names[0..n), or -1. */
static int name_index(const char *const *names, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* A member that must be there; missing members make the read fail. Inside the stages' arrays
 * the compact form of a store (RC_JSON_COMPACT) leaves out the members that are null: there a
 * missing member reads as null, which the callers refuse where null is not allowed (a span, a
 * vocabulary word, a boolean). */
static json_t *need(reader *r, json_t *obj, const char *key)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (!v && json_is_object(obj) && obj != r->root && obj != r->meta)
        return json_null();
    return v ? v : bad(r, RC_EFORMAT);
}

/* A string member copied into the arena: NULL for null or (when optional) a missing member. */
static const char *get_str(reader *r, json_t *obj, const char *key, int optional)
{
    json_t *v = optional ? json_object_get(obj, key) : need(r, obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v))
        return bad(r, RC_EFORMAT);
    char *s = rc_arena_strndup(&r->doc->arena, json_string_value(v), json_string_length(v));
    return s ? s : bad(r, RC_ENOMEM);
}

/* A number member, NAN for null or a missing optional member. */
static double get_num(reader *r, json_t *obj, const char *key, int optional)
{
    json_t *v = optional ? json_object_get(obj, key) : need(r, obj, key);
    if (!v || json_is_null(v))
        return NAN;
    if (!json_is_number(v)) {
        bad(r, RC_EFORMAT);
        return NAN;
    }
    return json_number_value(v);
}

/* An integer member in [0, max]; def when an optional member is missing. */
static uint32_t get_uint(reader *r, json_t *obj, const char *key, uint32_t max, int optional,
                         uint32_t def)
{
    json_t *v = optional ? json_object_get(obj, key) : need(r, obj, key);
    if (!v)
        return def;
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > max) {
        bad(r, RC_EFORMAT);
        return 0;
    }
    return (uint32_t)json_integer_value(v);
}

/* A boolean member, which must be there. */
static bool get_bool(reader *r, json_t *obj, const char *key)
{
    json_t *v = need(r, obj, key);
    if (v && !json_is_boolean(v))
        bad(r, RC_EFORMAT);
    return v && json_is_true(v);
}

/* A boolean member written only by some writers: false when missing. */
static bool get_opt_bool(reader *r, json_t *obj, const char *key)
{
    return json_object_get(obj, key) ? get_bool(r, obj, key) : false;
}

/* The value of a closed vocabulary member: parse gives -1 for names outside it. */
static uint8_t get_vocab(reader *r, json_t *obj, const char *key, int (*parse)(const char *))
{
    json_t *v = need(r, obj, key);
    int k = v && json_is_string(v) ? parse(json_string_value(v)) : -1;
    if (k < 0) {
        bad(r, RC_EFORMAT);
        return 0;
    }
    return (uint8_t)k;
}

/* Parsers of the writers' own vocabularies, in the shape of rc_what_parse. */
static int parse_num_kind(const char *s) { return name_index(num_kinds, 5, s); }
static int parse_time_type(const char *s) { return name_index(time_types, 6, s); }
static int parse_ent_type(const char *s) { return name_index(ent_types, 4, s); }

/* A "YYYY-MM-DD" member (or null) into a day buffer of the types ("" for null). */
static void get_day(reader *r, json_t *obj, const char *key, char out[11])
{
    out[0] = '\0';
    json_t *v = need(r, obj, key);
    if (!v || json_is_null(v))
        return;
    if (!json_is_string(v) || json_string_length(v) > 10 || json_string_length(v) == 0) {
        bad(r, RC_EFORMAT);
        return;
    }
    memcpy(out, json_string_value(v), json_string_length(v) + 1);
}

/* Whether byte off of the text starts a character (or is its end): a span must not cut one, or
 * its text would not be UTF-8. */
static bool char_boundary(const rc_doc *doc, uint32_t off)
{
    return off >= doc->len || ((unsigned char)doc->text[off] & 0xc0) != 0x80;
}

/* A start and an end (any member names), checked to lie inside the text, in order, on
 * character boundaries. */
static void get_span_of(reader *r, json_t *obj, const char *ks, const char *ke, uint32_t *start,
                        uint32_t *end)
{
    uint32_t len = (uint32_t)r->doc->len;
    *start = get_uint(r, obj, ks, len, 0, 0);
    *end = get_uint(r, obj, ke, len, 0, 0);
    if (*end < *start || !char_boundary(r->doc, *start) || !char_boundary(r->doc, *end))
        bad(r, RC_EFORMAT);
}

/* The start and end members of a span of the text. */
static void get_span(reader *r, json_t *obj, uint32_t *start, uint32_t *end)
{
    get_span_of(r, obj, "start", "end", start, end);
}

/* An array member (non-null) of objects, and its size; NULL when it is not one. */
static json_t *get_arr(reader *r, json_t *v, size_t *n)
{
    *n = 0;
    if (!json_is_array(v))
        return bad(r, RC_EFORMAT);
    *n = json_array_size(v);
    return v;
}

/* An arena array of n elements of size esz, zeroed; NULL for n == 0. */
static void *arr_alloc(reader *r, size_t n, size_t esz)
{
    if (n == 0)
        return NULL;
    void *p = rc_arena_calloc(&r->doc->arena, n, esz);
    return p ? p : bad(r, RC_ENOMEM);
}

/* The NUMBER objects of the numbers stage (rc_json_number). */
static void read_numbers(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    doc->nums = arr_alloc(r, n, sizeof *doc->nums);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_number *x = &doc->nums[i];
        get_span(r, o, &x->start, &x->end);
        x->value = get_num(r, o, "value", 0);
        x->low = get_num(r, o, "low", 0);
        x->high = get_num(r, o, "high", 0);
        x->approx = get_bool(r, o, "approx");
        x->kind = get_vocab(r, o, "kind", parse_num_kind);
        json_t *rel = json_object_get(o, "relative");
        if (rel) { /* "end-1", "current+1": a relative ordinal */
            const char *s = json_is_string(rel) ? json_string_value(rel) : "";
            size_t k = strncmp(s, "end", 3) == 0 ? 3 : strncmp(s, "current", 7) == 0 ? 7 : 0;
            char *stop;
            long off = k ? strtol(s + k, &stop, 10) : 0;
            if (!k || (s[k] != '+' && s[k] != '-') || *stop || off < -128 || off > 127) {
                bad(r, RC_EFORMAT);
                return;
            }
            x->rel = k == 3 ? RC_REL_END : RC_REL_CURRENT;
            x->rel_off = (int8_t)off;
        }
    }
    doc->nnums = r->err ? 0 : n;
}

/* The TIME objects of the times stage (rc_json_time). */
static void read_times(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    doc->times = arr_alloc(r, n, sizeof *doc->times);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_time *t = &doc->times[i];
        get_span(r, o, &t->start, &t->end);
        t->type = get_vocab(r, o, "type", parse_time_type);
        t->value = get_str(r, o, "value", 0);
        get_day(r, o, "from", t->from);
        get_day(r, o, "to", t->to);
    }
    doc->ntimes = r->err ? 0 : n;
}

/* The entities stage: span, type and key, with the canonical name and coordinates when the
 * writer gives them. */
static void read_entities(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    doc->ents = arr_alloc(r, n, sizeof *doc->ents);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_entity *e = &doc->ents[i];
        get_span(r, o, &e->start, &e->end);
        e->type = get_vocab(r, o, "type", parse_ent_type);
        e->key = get_str(r, o, "key", 0);
        e->canon = get_str(r, o, "canon", 1);
        e->lat = get_num(r, o, "lat", 1);
        e->lon = get_num(r, o, "lon", 1);
        if (!r->err && !e->key)
            bad(r, RC_EFORMAT);
        if (!r->err && !e->canon)
            e->canon = rc_arena_strndup(&doc->arena, doc->text + e->start, e->end - e->start);
        if (!r->err && !e->canon)
            bad(r, RC_ENOMEM);
    }
    doc->nents = r->err ? 0 : n;
}

/* A speaker: an object with its name (and role, key, type, span when written), or a bare name. */
static void read_speaker(reader *r, json_t *o, rc_speaker *s)
{
    memset(s, 0, sizeof *s);
    s->type = RC_ENT_MISC;
    if (json_is_string(o)) {
        s->name = rc_arena_strdup(&r->doc->arena, json_string_value(o));
        if (!s->name)
            bad(r, RC_ENOMEM);
        return;
    }
    if (!json_is_object(o)) {
        bad(r, RC_EFORMAT);
        return;
    }
    s->name = get_str(r, o, "name", 0);
    s->role = get_str(r, o, "role", 1);
    s->key = get_str(r, o, "key", 1);
    json_t *t = json_object_get(o, "type");
    if (t && !json_is_null(t))
        s->type = get_vocab(r, o, "type", parse_ent_type);
    if (json_object_get(o, "start"))
        get_span(r, o, &s->start, &s->end);
    if (!r->err && !s->name)
        bad(r, RC_EFORMAT);
}

/* A chain of speakers (an attribution's or a claim's sources), original first. */
static const rc_speaker *read_chain(reader *r, json_t *v, size_t *n)
{
    json_t *a = get_arr(r, v, n);
    rc_speaker *chain = arr_alloc(r, *n, sizeof *chain);
    for (size_t i = 0; a && !r->err && i < *n; i++)
        read_speaker(r, json_array_get(a, i), &chain[i]);
    if (r->err)
        *n = 0;
    return chain;
}

/* The quotes of the sources stage: span, speaker (null, a name or an object), reporting verb. */
static void read_quotes(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    doc->quotes = arr_alloc(r, n, sizeof *doc->quotes);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_quote *q = &doc->quotes[i];
        get_span(r, o, &q->start, &q->end);
        json_t *sp = need(r, o, "speaker");
        if (sp && !json_is_null(sp)) {
            q->has_speaker = 1;
            read_speaker(r, sp, &q->speaker);
            if (!q->speaker.role)
                q->speaker.role = get_str(r, o, "role", 1);
            if (!q->speaker.key)
                q->speaker.key = get_str(r, o, "speaker_key", 1);
        }
        q->verb = get_str(r, o, "verb", 1);
    }
    doc->nquotes = r->err ? 0 : n;
}

/* The attributions of the sources stage: cue, scope, chain and the quote they belong to. */
static void read_attributions(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    doc->attrs = arr_alloc(r, n, sizeof *doc->attrs);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_attribution *at = &doc->attrs[i];
        get_span(r, o, &at->start, &at->end);
        at->cue = get_str(r, o, "cue", 1);
        at->denied = get_opt_bool(r, o, "denied");
        json_t *scope = json_object_get(o, "scope");
        if (json_is_object(scope)) {
            get_span(r, scope, &at->scope_start, &at->scope_end);
        } else if (scope) {
            bad(r, RC_EFORMAT);
        } else {
            get_span_of(r, o, "scope_start", "scope_end", &at->scope_start, &at->scope_end);
        }
        json_t *chain = json_object_get(o, "sources");
        if (!chain)
            chain = need(r, o, "chain");
        at->chain = chain ? read_chain(r, chain, &at->nchain) : NULL;
        at->joint = 0; /* links that stand beside the one before them */
        for (size_t k = 1; chain && json_is_array(chain) && k < at->nchain && k < 32; k++)
            if (json_is_true(json_object_get(json_array_get(chain, k), "joint")))
                at->joint |= 1u << k;

        json_t *qi = json_object_get(o, "quote");
        at->quote = -1;
        if (qi && !json_is_null(qi)) {
            if (!json_is_integer(qi) || json_integer_value(qi) < 0 ||
                (size_t)json_integer_value(qi) >= doc->nquotes)
                bad(r, RC_EFORMAT);
            else
                at->quote = (int32_t)json_integer_value(qi);
        }
    }
    doc->nattrs = r->err ? 0 : n;
}

/* The index of the sentence that holds byte off (the last one starting at or before it). */
static uint32_t sentence_at(const rc_doc *doc, uint32_t off)
{
    size_t lo = RC_FIRST_STARTING(rc_span, doc->sents, doc->nsents, off + 1); /* the first after */
    return lo ? (uint32_t)(lo - 1) : 0;
}

/* The parts of a claim ("dont 11 femmes"). */
static void read_parts(reader *r, json_t *v, rc_claim *c)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_claim_part *parts = arr_alloc(r, n, sizeof *parts);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_claim_part *p = &parts[i];
        p->value = get_num(r, o, "value", 0);
        p->low = get_num(r, o, "low", 1);
        p->high = get_num(r, o, "high", 1);
        p->who = get_vocab(r, o, "who", rc_who_parse);
        p->counted = get_str(r, o, "counted", 1);
        if (json_object_get(o, "start"))
            get_span(r, o, &p->start, &p->end);
    }
    c->parts = parts;
    c->nparts = r->err ? 0 : n;
}

/* The folded form of a name in the arena, as the claims stage keys the places and sources it
 * finds without an entity; NULL when out of memory. */
static const char *folded(reader *r, const char *name)
{
    char kb[RC_LEX_MAXKEY];
    size_t kl = rc_fold(name, strlen(name), kb, sizeof kb);
    const char *k = rc_arena_strndup(&r->doc->arena, kb, kl < sizeof kb ? kl : 0);
    return k ? k : bad(r, RC_ENOMEM);
}

/* The key of a claim's place: the key of the place entity the claims stage took its name from
 * (a LOC whose canonical name it is), else the folded name, as that stage keys it. */
static const char *place_key(reader *r, const char *name)
{
    const rc_doc *doc = r->doc;
    for (size_t i = 0; i < doc->nents; i++)
        if (doc->ents[i].type == RC_ENT_LOC && strcmp(doc->ents[i].canon, name) == 0)
            return doc->ents[i].key;
    return folded(r, name);
}

/* A claim's places (names) and their keys (written as place_keys, else found again). */
static void read_places(reader *r, json_t *o, rc_claim *c)
{
    size_t n, nk = 0;
    json_t *a = get_arr(r, need(r, o, "places"), &n);
    json_t *k = json_object_get(o, "place_keys");
    if (k && (!json_is_array(k) || (nk = json_array_size(k)) != n))
        bad(r, RC_EFORMAT);
    const char **names = arr_alloc(r, n, sizeof *names);
    const char **keys = arr_alloc(r, n, sizeof *keys);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *name = json_array_get(a, i), *key = nk ? json_array_get(k, i) : NULL;
        if (!json_is_string(name) || (nk && !json_is_string(key))) {
            bad(r, RC_EFORMAT);
            break;
        }
        names[i] = rc_arena_strdup(&r->doc->arena, json_string_value(name));
        if (!names[i]) {
            bad(r, RC_ENOMEM);
            break;
        }
        keys[i] = nk ? rc_arena_strdup(&r->doc->arena, json_string_value(key))
                     : place_key(r, names[i]);
        if (!keys[i])
            bad(r, RC_ENOMEM);
    }
    c->places = names;
    c->place_keys = keys;
    c->nplaces = r->err ? 0 : n;
}

/* Whether two optional strings are equal. */
static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Completes a claim's source written with its name and role only: the claims stage takes its
 * sources from an attribution's chain or a quote's speaker, so the link of the same name and role
 * there gives its key, type and span; a source found by the claims stage itself is keyed by its
 * folded name. */
static void complete_source(reader *r, rc_speaker *s)
{
    const rc_doc *doc = r->doc;
    for (size_t i = 0; i < doc->nattrs; i++)
        for (size_t k = 0; k < doc->attrs[i].nchain; k++) {
            const rc_speaker *c = &doc->attrs[i].chain[k];
            if (strcmp(c->name, s->name) == 0 && same_str(c->role, s->role)) {
                *s = *c;
                return;
            }
        }
    for (size_t i = 0; i < doc->nquotes; i++) {
        const rc_quote *q = &doc->quotes[i];
        if (q->has_speaker && strcmp(q->speaker.name, s->name) == 0 &&
            same_str(q->speaker.role, s->role)) {
            *s = q->speaker;
            return;
        }
    }
    s->key = folded(r, s->name);
}

/* A claim's sources: each link completed (complete_source) when the writer left out its key. */
static void read_sources(reader *r, json_t *v, rc_claim *c)
{
    json_t *a = get_arr(r, v, &c->nsources);
    rc_speaker *chain = arr_alloc(r, c->nsources, sizeof *chain);
    for (size_t i = 0; a && !r->err && i < c->nsources; i++) {
        json_t *o = json_array_get(a, i);
        read_speaker(r, o, &chain[i]);
        if (!r->err && !json_object_get(o, "key"))
            complete_source(r, &chain[i]);
    }
    c->sources = chain;
    if (r->err)
        c->nsources = 0;
}

/* The sentence a claim belongs to: written as its text (null when it has none); the one that
 * holds the claim's start and has that text, else the first with that text. */
static void read_sentence(reader *r, json_t *o, rc_claim *c)
{
    const rc_doc *doc = r->doc;
    json_t *si = json_object_get(o, "sentence_index");
    if (si) {
        c->sentence = get_uint(r, o, "sentence_index", (uint32_t)doc->nsents, 0, 0);
        return;
    }
    json_t *v = need(r, o, "sentence");
    if (!v || json_is_null(v)) {
        c->sentence = (uint32_t)doc->nsents; /* none: the writer writes null for it */
        return;
    }
    if (!json_is_string(v))
        return (void)bad(r, RC_EFORMAT);
    const char *t = json_string_value(v);
    size_t len = json_string_length(v);
    uint32_t at = sentence_at(doc, c->start);
    for (size_t k = 0; k <= doc->nsents; k++) {
        size_t i = k == 0 ? at : k - 1;
        if (i >= doc->nsents)
            continue;
        const rc_span *sp = &doc->sents[i];
        if (sp->end - sp->start == len && memcmp(doc->text + sp->start, t, len) == 0) {
            c->sentence = (uint32_t)i;
            return;
        }
    }
    bad(r, RC_EFORMAT); /* a sentence the text does not have */
}

/* The CLAIM objects of the claims stage (CONTRACT.md). */
static void read_claims(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    doc->claims = arr_alloc(r, n, sizeof *doc->claims);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_claim *c = &doc->claims[i];
        get_span(r, o, &c->start, &c->end);
        read_sentence(r, o, c);
        c->value = get_num(r, o, "value", 0);
        c->low = get_num(r, o, "low", 0);
        c->high = get_num(r, o, "high", 0);
        c->approx = get_bool(r, o, "approx");
        c->unit = get_vocab(r, o, "unit", rc_unit_parse);
        c->what = get_vocab(r, o, "what", rc_what_parse);
        c->who = get_vocab(r, o, "who", rc_who_parse);
        c->modality = get_vocab(r, o, "modality", rc_modality_parse);
        c->counted = get_str(r, o, "counted", 0);
        read_parts(r, need(r, o, "parts"), c);
        if (!r->err)
            read_places(r, o, c);
        json_t *t = need(r, o, "time");
        if (t && !json_is_null(t)) {
            if (!json_is_object(t)) {
                bad(r, RC_EFORMAT);
                break;
            }
            c->time_text = get_str(r, t, "text", 1);
            get_day(r, t, "from", c->time_from);
            get_day(r, t, "to", c->time_to);
        }
        c->agent = get_str(r, o, "agent", 0);
        json_t *src = need(r, o, "sources");
        if (src)
            read_sources(r, src, c);
        c->explain = get_str(r, o, "explain", 1);
        if (!c->explain)
            c->explain = "";
    }
    doc->nclaims = r->err ? 0 : n;
}

/* The framing stage: which term the document uses for each concept, and how often. */
static void read_framing(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    doc->frames = arr_alloc(r, n, sizeof *doc->frames);
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i);
        rc_frame *f = &doc->frames[i];
        f->concept = get_str(r, o, "concept", 0);
        f->term = get_str(r, o, "term", 0);
        f->count = get_uint(r, o, "count", UINT32_MAX, 0, 0);
        if (!r->err && (!f->concept || !f->term))
            bad(r, RC_EFORMAT);
    }
    doc->nframes = r->err ? 0 : n;
}

/* The readers of the stages' arrays, by the name of the array (rc_stage_names). */
static const struct {
    const char *name;
    void (*read)(reader *r, json_t *v);
} stage_readers[] = {
    {"numbers", read_numbers},   {"times", read_times},   {"entities", read_entities},
    {"quotes", read_quotes},     {"attributions", read_attributions},
    {"claims", read_claims},     {"framing", read_framing},
};

/* The noise lines: their texts are laid end to end, a line feed after each, as doc->raw, which
 * is what their offsets point into. */
static void read_noise(reader *r, json_t *v)
{
    size_t n;
    json_t *a = get_arr(r, v, &n);
    rc_doc *doc = r->doc;
    size_t total = 0;
    for (size_t i = 0; a && !r->err && i < n; i++) {
        json_t *t = need(r, json_array_get(a, i), "text");
        if (t && !json_is_string(t))
            bad(r, RC_EFORMAT);
        total += t ? json_string_length(t) + 1 : 0;
    }
    if (r->err)
        return;
    doc->noise = arr_alloc(r, n, sizeof *doc->noise);
    doc->raw = rc_arena_alloc(&doc->arena, total + 1);
    if (!doc->raw)
        return (void)bad(r, RC_ENOMEM);
    size_t at = 0;
    for (size_t i = 0; !r->err && i < n; i++) {
        json_t *o = json_array_get(a, i), *t = json_object_get(o, "text");
        size_t len = json_string_length(t);
        doc->noise[i].start = (uint32_t)at;
        doc->noise[i].end = (uint32_t)(at + len);
        doc->noise[i].reason = get_str(r, o, "reason", 0);
        if (!r->err && !doc->noise[i].reason)
            bad(r, RC_EFORMAT);
        memcpy(doc->raw + at, json_string_value(t), len);
        at += len;
        doc->raw[at++] = '\n';
    }
    doc->raw[at] = '\0';
    doc->rawlen = at;
    doc->nnoise = r->err ? 0 : n;
}

/* The "doc" object: metadata, the text, its sentences and noise; then the tokens, lexed again
 * from the text (the JSON keeps only their count). */
static void read_meta(reader *r, json_t *d)
{
    rc_doc *doc = r->doc;
    if (!json_is_object(d))
        return (void)bad(r, RC_EFORMAT);
    json_t *id = need(r, d, "id");
    if (!json_is_string(id) || json_string_length(id) >= sizeof doc->id)
        return (void)bad(r, RC_EFORMAT);
    memcpy(doc->id, json_string_value(id), json_string_length(id) + 1);
    doc->path = get_str(r, d, "path", 0);
    doc->title = get_str(r, d, "title", 0);
    doc->site = get_str(r, d, "site", 0);
    doc->url = get_str(r, d, "url", 0);
    doc->author = get_str(r, d, "author", 0);
    doc->lang = get_str(r, d, "lang", 0);
    doc->date = get_str(r, d, "date", 0);
    doc->date_source = get_str(r, d, "date_source", 0);
    json_t *text = need(r, d, "text");
    if (r->err || !json_is_string(text) || json_string_length(text) > UINT32_MAX / 4)
        return (void)bad(r, RC_EFORMAT);
    doc->len = json_string_length(text);
    doc->text = rc_arena_strndup(&doc->arena, json_string_value(text), doc->len);
    if (!doc->text)
        return (void)bad(r, RC_ENOMEM);
    if (get_uint(r, d, "chars", UINT32_MAX, 0, 0) != rc_utf8_count(doc->text, doc->len))
        bad(r, RC_EFORMAT);
    size_t n;
    json_t *spans = get_arr(r, need(r, d, "sentence_spans"), &n);
    if (get_uint(r, d, "sentences", UINT32_MAX, 0, 0) != n)
        bad(r, RC_EFORMAT);
    doc->sents = arr_alloc(r, n, sizeof *doc->sents);
    for (size_t i = 0; spans && !r->err && i < n; i++) {
        json_t *s = json_array_get(spans, i);
        json_t *a = json_array_get(s, 0), *b = json_array_get(s, 1);
        if (json_array_size(s) != 2 || !json_is_integer(a) || !json_is_integer(b) ||
            json_integer_value(a) < 0 || json_integer_value(b) < json_integer_value(a) ||
            json_integer_value(b) > (json_int_t)doc->len)
            return (void)bad(r, RC_EFORMAT);
        doc->sents[i].start = (uint32_t)json_integer_value(a);
        doc->sents[i].end = (uint32_t)json_integer_value(b);
        if (!char_boundary(doc, doc->sents[i].start) || !char_boundary(doc, doc->sents[i].end))
            return (void)bad(r, RC_EFORMAT);
    }
    doc->nsents = r->err ? 0 : n;
    read_noise(r, need(r, d, "noise"));
    uint32_t ntoks = get_uint(r, d, "tokens", UINT32_MAX, 0, 0);
    if (r->err)
        return;
    int status = rc_fr_lex(doc->ctx->fr, doc->text, doc->len, &doc->arena, &doc->toks,
                           &doc->ntoks);
    if (status)
        return (void)bad(r, status);
    if (doc->ntoks > ntoks)
        doc->ntoks = ntoks; /* the JSON's count is what the cleaner kept */
    for (size_t t = 0, s = 0; t < doc->ntoks && s < doc->nsents; t++) {
        while (s < doc->nsents && doc->sents[s].start < doc->toks[t].start)
            s++; /* the first token of each sentence is marked, as rc_fr_sentences does */
        if (s < doc->nsents && doc->sents[s].start == doc->toks[t].start)
            doc->toks[t].flags |= RC_TF_SENTSTART;
    }
}

/* Fills doc from the parsed object root; returns RC_OK or the first failure. */
static int read_doc(reader *r, json_t *root)
{
    if (!json_is_object(root))
        return RC_EFORMAT;
    r->root = root;
    r->meta = json_object_get(root, "doc");
    read_meta(r, need(r, root, "doc"));
    for (size_t i = 0; !r->err && i < sizeof stage_readers / sizeof stage_readers[0]; i++) {
        json_t *v = need(r, root, stage_readers[i].name);
        int k = rc_stage_index(stage_readers[i].name);
        if (r->err || json_is_null(v))
            continue; /* null: the stage did not run */
        stage_readers[i].read(r, v);
        if (k >= 0)
            r->doc->ran |= 1u << k;
    }
    return r->err;
}

int rc_doc_from_json(const rc_ctx *ctx, const char *json, size_t len, rc_doc **out)
{
    *out = NULL;
    if (!ctx || (!json && len))
        return RC_EINVAL;
    json_error_t jerr;
    json_t *root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return RC_EFORMAT;
    rc_doc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        json_decref(root);
        return RC_ENOMEM;
    }
    rc_arena_init(&doc->arena);
    doc->ctx = ctx;
    reader r = {doc, RC_OK, NULL, NULL};
    int status = read_doc(&r, root);
    json_decref(root);
    if (status) {
        rc_doc_free(doc);
        return status;
    }
    *out = doc;
    return RC_OK;
}
