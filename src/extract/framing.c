/*
 * framing.c - how a document names the sides and the events: the terms of the framing lexicon
 * (data/fr/framing.tsv, TERM<TAB>CONCEPT) the text uses, and how often, so that two outlets'
 * words for one day can be set side by side ("forces du régime" against "armée régulière").
 *
 * Terms are matched on tokens, folded, the longest term at a token winning; terms do not
 * overlap. The table is made once per context (rc_ctx_derived): every term is cut into tokens by
 * the same tokenizer as the texts and its folded tokens joined by one space are its key; every
 * shorter run of a longer term's tokens is a "prefix" key, so that a scan stops as soon as no
 * term can go on. A document costs one probe per token, a few more where a term starts.
 */
#include "extract/framing.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/lexicon.h"
#include "core/words.h"
#include "lang/fr/tokenize.h"
#include "util/fold.h"

#define FRAME_MAXKEY (2 * RC_LEX_MAXKEY) /* joined folded tokens of one term */
#define FRAME_NONE (-1)                  /* a prefix of longer terms, not a term itself */
#define FRAME_SKIP (-2)                  /* a phrase marked "-": matched, counted nowhere */

/* One key of the table: a term, a phrase to skip, or only the start of longer terms. */
typedef struct frame_key {
    const char *key; /* NULL: free slot */
    uint32_t len, hash;
    int32_t term; /* index into terms[], FRAME_NONE or FRAME_SKIP */
    bool prefix;  /* some longer key goes on from this one */
} frame_key;

/* A term of the lexicon with its concept; terms[] is sorted by concept then term. */
typedef struct frame_term {
    const char *concept, *term;
} frame_term;

typedef struct frame_table {
    rc_arena arena;
    frame_key *slots;
    size_t mask, nkeys;
    frame_term *terms;
    size_t nterms;
} frame_table;

/* FNV-1a over the joined folded tokens. */
static uint32_t frame_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The slot of key, or the free slot where it would go. */
static frame_key *frame_slot(const frame_table *t, const char *key, size_t len, uint32_t h)
{
    for (size_t i = h & t->mask;; i = (i + 1) & t->mask) {
        frame_key *k = &t->slots[i];
        if (!k->key || (k->hash == h && k->len == len && memcmp(k->key, key, len) == 0))
            return k;
    }
}

/* Adds a key (a term, a skip or a prefix). A key already there keeps its term (the lexicon's
 * first entry wins) but gains the prefix mark. Returns RC_OK or RC_ENOMEM. */
static int frame_add(frame_table *t, const char *key, size_t len, int32_t term, bool prefix)
{
    if ((t->nkeys + 1) * 2 > t->mask + 1) { /* keep the table at most half full */
        size_t nslots = (t->mask + 1) * 2;
        frame_key *old = t->slots;
        size_t oldn = t->mask + 1;
        if (!(t->slots = rc_arena_calloc(&t->arena, nslots, sizeof *t->slots)))
            return RC_ENOMEM;
        t->mask = nslots - 1;
        for (size_t i = 0; i < oldn; i++)
            if (old[i].key)
                *frame_slot(t, old[i].key, old[i].len, old[i].hash) = old[i];
    }
    uint32_t h = frame_hash(key, len);
    frame_key *k = frame_slot(t, key, len, h);
    if (!k->key) {
        if (!(k->key = rc_arena_strndup(&t->arena, key, len)))
            return RC_ENOMEM;
        k->len = (uint32_t)len, k->hash = h, k->term = term;
        t->nkeys++;
    } else if (k->term == FRAME_NONE) {
        k->term = term;
    }
    k->prefix |= prefix;
    return RC_OK;
}

/* Folds token [start, end) of text into buf at *pos, after a space when *pos > 0. Returns false
 * when the key would be too long for buf. */
static bool frame_append(char *buf, size_t *pos, const char *text, const rc_token *tok)
{
    size_t p = *pos;
    if (p) {
        if (p + 1 >= FRAME_MAXKEY)
            return false;
        buf[p++] = ' ';
    }
    size_t n = rc_fold(text + tok->start, tok->end - tok->start, buf + p, FRAME_MAXKEY - p);
    if (n > FRAME_MAXKEY - p)
        return false;
    *pos = p + n;
    return true;
}

/* Orders terms by concept then term (bytes of UTF-8, as the JSON is compared). */
static int frame_term_cmp(const void *a, const void *b)
{
    const frame_term *x = a, *y = b;
    int c = strcmp(x->concept, y->concept);
    return c ? c : strcmp(x->term, y->term);
}

typedef struct frame_build {
    frame_table *t;
    const rc_lang *fr;
    int status;
    size_t n;        /* terms or skips gathered so far */
    frame_term *raw; /* every entry, in file order: term = folded key, concept = value */
} frame_build;

/* rc_lex_each: gathers one entry; entries without a concept are not terms. */
static int frame_gather(void *ud, const char *key, const char *value)
{
    frame_build *b = ud;
    if (!*value)
        return 0;
    b->raw[b->n++] = (frame_term){value, key};
    return 0;
}

/* Cuts a term into tokens and adds its key and its prefixes. */
static int frame_add_term(frame_build *b, const char *term, int32_t id)
{
    rc_arena tmp;
    rc_arena_init(&tmp);
    rc_token *toks;
    size_t ntoks, pos = 0;
    char buf[FRAME_MAXKEY];
    int status = rc_fr_lex(b->fr, term, strlen(term), &tmp, &toks, &ntoks);
    for (size_t i = 0; !status && i < ntoks; i++) {
        if (!frame_append(buf, &pos, term, &toks[i]))
            break; /* longer than any text key can be: never matches */
        status = i + 1 < ntoks ? frame_add(b->t, buf, pos, FRAME_NONE, true)
                               : frame_add(b->t, buf, pos, id, false);
    }
    rc_arena_free(&tmp);
    return status;
}

/* rc_ctx_derived destroy. */
static void frame_table_free(void *p)
{
    frame_table *t = p;
    if (!t)
        return;
    rc_arena_free(&t->arena);
    free(t);
}

/* rc_ctx_derived make: the table of the French framing lexicon (empty when there is none). */
static void *frame_table_make(const rc_ctx *ctx)
{
    frame_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    rc_arena_init(&t->arena);
    const rc_lexicon *lex = rc_lang_lex(ctx->fr, "framing");
    size_t n = rc_lex_count(lex);
    size_t nslots = 16;
    while (nslots < n * 4) /* terms and their prefixes; frame_add grows it when needed */
        nslots *= 2;
    frame_build b = {t, ctx->fr, RC_OK, 0, NULL};
    t->slots = rc_arena_calloc(&t->arena, nslots, sizeof *t->slots);
    t->mask = nslots - 1;
    b.raw = rc_arena_calloc(&t->arena, n + 1, sizeof *b.raw);
    if (!t->slots || !b.raw) {
        frame_table_free(t);
        return NULL;
    }
    rc_lex_each(lex, frame_gather, &b);
    /* the lexicon's first value of a key wins: mark later repeats as skipped by their term */
    size_t kept = 0;
    for (size_t i = 0; i < b.n; i++) {
        if (rc_lex_get_folded(lex, b.raw[i].term, strlen(b.raw[i].term)) != b.raw[i].concept)
            continue;
        b.raw[kept++] = b.raw[i];
    }
    b.n = kept;
    /* skips first (they take no term id), then the terms in output order */
    qsort(b.raw, b.n, sizeof *b.raw, frame_term_cmp);
    t->terms = rc_arena_calloc(&t->arena, b.n + 1, sizeof *t->terms);
    if (!t->terms) {
        frame_table_free(t);
        return NULL;
    }
    for (size_t i = 0; i < b.n && !b.status; i++) {
        bool skip = strcmp(b.raw[i].concept, "-") == 0;
        int32_t id = skip ? FRAME_SKIP : (int32_t)t->nterms;
        if (!skip)
            t->terms[t->nterms++] = b.raw[i];
        b.status = frame_add_term(&b, b.raw[i].term, id);
    }
    if (b.status) {
        frame_table_free(t);
        return NULL;
    }
    return t;
}

/* frame_append for token j of doc, copying the folded form kept in the thread's word table
 * (core/words.h) when there is one and room enough that rc_fold could not have failed. */
static bool frame_append_tok(char *buf, size_t *pos, const rc_doc *doc, size_t j)
{
    size_t fl, p = *pos + (*pos > 0);
    const char *f = p + 2 * RC_WORD_MAXLEN + 4 <= FRAME_MAXKEY ? rc_word_folded(doc, j, &fl) : NULL;
    if (!f)
        return frame_append(buf, pos, doc->text, &doc->toks[j]);
    if (*pos)
        buf[*pos] = ' ';
    memcpy(buf + p, f, fl);
    *pos = p + fl;
    return true;
}

/* The key of the single token i (its slot), or NULL when it has none: a function of the word,
 * kept in the thread's word table. */
static const frame_key *frame_first(const frame_table *t, const rc_doc *doc, size_t i)
{
    uint64_t v;
    if (rc_word_get(doc, i, RC_WM_FRAME, &v))
        return (const frame_key *)(uintptr_t)v;
    char buf[FRAME_MAXKEY];
    size_t pos = 0;
    const frame_key *k = NULL;
    if (frame_append(buf, &pos, doc->text, &doc->toks[i])) {
        k = frame_slot(t, buf, pos, frame_hash(buf, pos));
        if (!k->key)
            k = NULL;
    }
    rc_word_set(doc, i, RC_WM_FRAME, (uint64_t)(uintptr_t)k);
    return k;
}

/* The key of token i as frame_first finds it. Most tokens start no key: the word's quick bit
 * (RC_WB_NOFRAME, one byte in a dense array) rules them out with no read of its record; the
 * others read the answer kept in their record inline. */
static inline const frame_key *frame_first_fast(const frame_table *t, const rc_doc *doc, size_t i)
{
    uint32_t id = doc->wids ? doc->wids[i] : UINT32_MAX;
    if (id != UINT32_MAX) {
        if (doc->wbits[id] & RC_WB_NOFRAME)
            return NULL;
        if (doc->words[id].have >> RC_WM_FRAME & 1u)
            return (const frame_key *)(uintptr_t)doc->words[id].memo[RC_WM_FRAME];
    }
    const frame_key *k = frame_first(t, doc, i);
    if (!k)
        rc_word_bit_set(doc, i, RC_WB_NOFRAME);
    return k;
}

/* The longest key starting at token i, whose first token's key k (frame_first) is a prefix of
 * longer keys: its term (or FRAME_SKIP) and how many tokens it covers; 0 tokens when no term
 * starts there. */
static size_t frame_match(const frame_table *t, const rc_doc *doc, size_t i, const frame_key *k,
                          int32_t *term /* OUT */)
{
    char buf[FRAME_MAXKEY];
    size_t pos = 0, best = 0;
    if (!frame_append_tok(buf, &pos, doc, i))
        return 0;
    if (k->term != FRAME_NONE)
        best = 1, *term = k->term;
    for (size_t j = i + 1; j < doc->ntoks; j++) {
        if (!frame_append_tok(buf, &pos, doc, j))
            break;
        k = frame_slot(t, buf, pos, frame_hash(buf, pos));
        if (!k->key)
            break;
        if (k->term != FRAME_NONE)
            best = j - i + 1, *term = k->term;
        if (!k->prefix)
            break;
    }
    return best;
}

/* Whether the token at i reads as a name rather than the common word: a capital inside a
 * sentence ("selon Libération", the daily), not at the start of a line or after an opening
 * quote, and not a word in capitals throughout (a headline's "MASSACRE"). */
static bool frame_is_name(const rc_doc *doc, size_t i)
{
    const rc_token *tok = &doc->toks[i];
    if (!(tok->flags & RC_TF_UPPER) || (tok->flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
        return false;
    if (i > 0 && doc->toks[i - 1].kind == RC_TOK_QUOTE_OPEN)
        return false;
    const unsigned char *s = (const unsigned char *)doc->text + tok->start;
    size_t n = tok->end - tok->start;
    for (size_t k = 1; k < n; k++) /* a small letter after the first: ASCII, or Latin-1 à..ÿ */
        if ((s[k] >= 'a' && s[k] <= 'z') || (s[k] == 0xC3 && k + 1 < n && s[k + 1] >= 0xA0))
            return true;
    return false;
}

int rc_stage_framing(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->frames = NULL;
    doc->nframes = 0;
    const frame_table *t =
        rc_ctx_derived(doc->ctx, RC_SLOT_FRAMING, frame_table_make, frame_table_free);
    if (!t)
        return RC_ENOMEM;
    if (!t->nterms || !doc->ntoks)
        return RC_OK;
    uint32_t *counts = rc_arena_calloc(&doc->arena, t->nterms, sizeof *counts);
    if (!counts)
        return RC_ENOMEM;
    size_t distinct = 0;
    for (size_t i = 0; i < doc->ntoks;) {
        const rc_token *tok = &doc->toks[i];
        if (tok->kind == RC_TOK_PUNCT || tok->kind == RC_TOK_QUOTE_OPEN ||
            tok->kind == RC_TOK_QUOTE_CLOSE || tok->kind == RC_TOK_ELLIPSIS) {
            i++;
            continue;
        }
        int32_t term = FRAME_NONE;
        const frame_key *k = frame_first_fast(t, doc, i);
        size_t n = 0;
        if (k && !k->prefix) { /* a one-word key: no need to fold the word */
            if (k->term != FRAME_NONE)
                n = 1, term = k->term;
        } else if (k) {
            n = frame_match(t, doc, i, k, &term);
        }
        if (n == 1 && frame_is_name(doc, i)) /* a term of several words is no name */
            n = 0;
        if (!n) {
            i++;
            continue;
        }
        if (term >= 0 && counts[term]++ == 0)
            distinct++;
        i += n;
    }
    if (!distinct)
        return RC_OK;
    doc->frames = rc_arena_alloc(&doc->arena, distinct * sizeof *doc->frames);
    if (!doc->frames)
        return RC_ENOMEM;
    for (size_t k = 0; k < t->nterms; k++) /* terms[] is in output order already */
        if (counts[k])
            doc->frames[doc->nframes++] =
                (rc_frame){t->terms[k].concept, t->terms[k].term, counts[k]};
    assert(doc->nframes == distinct);
    return RC_OK;
}

void rc_write_framing(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nframes; i++) {
        const rc_frame *f = &doc->frames[i];
        rc_json_obj(j);
        rc_json_key(j, "concept");
        rc_json_strz(j, f->concept);
        rc_json_key(j, "term");
        rc_json_strz(j, f->term);
        rc_json_key(j, "count");
        rc_json_int(j, f->count);
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
}
