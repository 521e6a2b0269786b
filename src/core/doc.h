/*
 * doc_int.h - the insides of rc_ctx and rc_doc, and the result records every stage fills.
 * Private to the library: stages include it, the public header does not.
 *
 * Ownership: everything a document points to lives in doc->arena, except ctx (borrowed, must
 * outlive the document).
 */
#ifndef RC_DOC_INT_H
#define RC_DOC_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/lang.h"
#include "core/wordclass.h"
#include "recoupe.h"
#include "util/arena.h"

#define RC_MAXLANG 8

/* Slots for the tables a stage derives from the lexicons (rc_ctx_derived). */
enum rc_ctx_slot {
    RC_SLOT_MORPH,
    RC_SLOT_ENTITIES,
    RC_SLOT_SOURCES,
    RC_SLOT_CLAIMS,
    RC_SLOT_FRAMING,
    RC_SLOT_CHECK,
    RC_SLOT_WORDS, /* the per-thread tables of core/words.h */
    RC_SLOT_TAGGER,
    RC_NSLOTS
};

/* The steps whose time a document keeps when asked (rc_doc.step_ns). */
enum { RC_STEP_FRONT, RC_STEP_WORDS, RC_STEP_STAGE };
#define RC_DOC_MAXSTAGES 16 /* at least the stages of any language's table (extract/stages.h) */

struct rc_ctx {
    rc_arena arena; /* lexicons */
    /* derived tables, made on first use under lazy_lock, freed by rc_ctx_free */
    void *_Atomic derived[RC_NSLOTS];
    void (*derived_free[RC_NSLOTS])(void *);
    pthread_mutex_t lazy_lock;
    rc_lang langs[RC_MAXLANG];
    size_t nlangs;
    const rc_lang *fr; /* the French data, always loaded */
    rc_wordclass *wc;  /* function words and furniture of every language, for the cleaner */
    const char *datadir; /* the data folder the lexicons came from (in arena) */
    bool tagger;         /* the entity stage runs the statistical tagger (rc_ctx_set_tagger) */
    bool time_steps;     /* rc_doc_parse fills each document's step_ns (bench/bench_pipeline) */
};

/* The table a stage derives from the language data, made by make(ctx) on the first call for
 * that slot (under a lock, so threads sharing the context may race to it) and kept until
 * rc_ctx_free, which calls destroy on it. NULL when make returned NULL (out of memory); make is
 * then tried again on the next call. The table must be read-only once made. */
void *rc_ctx_derived(const rc_ctx *ctx, enum rc_ctx_slot slot, void *(*make)(const rc_ctx *ctx),
                     void (*destroy)(void *table));

/* The index of the first of the n records at base (each size bytes) whose uint32_t at byte
 * offset field is at least key, n when none. Tokens, sentences, numbers, times, entities and
 * quotes are kept in text order, so this one binary search answers every "the first that starts
 * (or ends) from here on" the stages ask; RC_FIRST_STARTING and RC_FIRST_ENDING_AFTER name the
 * two questions. */
static inline size_t rc_first_from(const void *base, size_t n, size_t size, size_t field,
                                   uint32_t key)
{
    const char *b = base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t v;
        memcpy(&v, b + mid * size + field, sizeof v);
        if (v < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first of arr[0..n), records of type T in text order, that starts at or after byte off. */
#define RC_FIRST_STARTING(T, arr, n, off) \
    rc_first_from((arr), (n), sizeof(T), offsetof(T, start), (off))
/* The first of arr[0..n), records of type T in text order, that ends after byte off (offsets
 * stay below UINT32_MAX / 4, so off + 1 does not wrap). */
#define RC_FIRST_ENDING_AFTER(T, arr, n, off) \
    rc_first_from((arr), (n), sizeof(T), offsetof(T, end), (uint32_t)(off) + 1u)

/* The index of the first of toks[0..n) that starts at or after byte off (n when none); the
 * stages ask it of the document's tokens or of a stretch of them. */
static inline size_t rc_toks_from(const rc_token *toks, size_t n, uint32_t off)
{
    return RC_FIRST_STARTING(rc_token, toks, n, off);
}

/* The language data for a code, or NULL. */
const rc_lang *rc_ctx_lang(const rc_ctx *ctx, const char *code);

/* NUMBER of the contract. Unknown value, low or high are NAN (null in JSON). */
typedef enum rc_num_kind {
    RC_NUM_NUMBER,
    RC_NUM_ORDINAL,
    RC_NUM_PERCENT,
    RC_NUM_FRACTION,
    RC_NUM_RANGE
} rc_num_kind;

/* Relative ordinals (dernier, avant-dernier, prochain), reported only on request. */
typedef enum rc_num_rel {
    RC_REL_NONE,
    RC_REL_END,    /* counted from the end: dernier = end+0, avant-dernier = end-1 */
    RC_REL_CURRENT /* counted from the current one: prochain = current+1 */
} rc_num_rel;

typedef struct rc_number {
    uint32_t start, end; /* bytes of the text scanned */
    double value, low, high;
    bool approx;
    uint8_t kind;   /* rc_num_kind */
    uint8_t rel;    /* rc_num_rel; RC_REL_NONE for every figure */
    int8_t rel_off; /* the offset of a relative ordinal */
} rc_number;

struct rc_json;
/* Writes one NUMBER object of the contract; text is what n's offsets refer to. Shared by extract
 * and the numbers command so that both write the same shape. */
void rc_json_number(struct rc_json *j, const char *text, const rc_number *n);

/* TIME of the contract. value is a TIMEX3 value; from/to are "YYYY-MM-DD" or "" (null). */
typedef enum rc_time_type {
    RC_TIME_DATE,
    RC_TIME_TIME,
    RC_TIME_DATETIME,
    RC_TIME_DURATION,
    RC_TIME_SET,
    RC_TIME_RANGE
} rc_time_type;

typedef struct rc_time {
    uint32_t start, end;
    uint8_t type;      /* rc_time_type */
    const char *value; /* owned by the arena given to the recognizer; NULL when unresolved */
    char from[11], to[11];
} rc_time;

struct rc_json;

/* Writes one TIME object of the contract; text is what t's offsets point into. Shared by extract
 * and `recoupe times` so that both write the same shape. */
void rc_json_time(struct rc_json *j, const char *text, const rc_time *t);

/* A line the cleaner dropped, kept for --text and for date inference (Unix timestamps in page
 * furniture). Offsets point into the decoded text before cleaning, which is doc->raw. */
typedef struct rc_noise {
    uint32_t start, end;
    const char *reason; /* static string: "digits", "keywords", "furniture", "repeat", ... */
} rc_noise;

struct rc_doc {
    rc_arena arena;
    const rc_ctx *ctx;
    char id[17];
    const char *path, *title, *site, *url, *author, *src_id;
    const char *lang;        /* "fr", "en", or NULL when undecided */
    const char *date;        /* TIMEX3 date, or NULL */
    const char *date_source; /* "given", "metadata", "text" or "none" */
    char *raw;               /* decoded, normalised text before noise removal */
    size_t rawlen;
    char *text; /* cleaned text: every offset of every result points here */
    size_t len;
    rc_noise *noise;
    size_t nnoise;
    rc_token *toks;
    size_t ntoks;
    rc_span *sents;
    size_t nsents;
    rc_number *nums; /* the stages' results: see doc->ran for whether each ran */
    size_t nnums;
    rc_time *times;
    size_t ntimes;
    /* the stages after the recognizers; each array is in text order, owned by the arena */
    rc_entity *ents;
    size_t nents;
    rc_quote *quotes;
    size_t nquotes;
    rc_attribution *attrs;
    size_t nattrs;
    rc_claim *claims;
    size_t nclaims;
    rc_frame *frames;
    size_t nframes;
    unsigned ran; /* bit i: stage i of the language's table ran (extract/stages.h) */
    /* while the stages run (core/words.h): each token's record in this thread's word table,
     * UINT32_MAX for none; the records and their pool. NULL outside the stages. */
    uint32_t *wids;
    struct rc_word *words;
    const char *wpool;
    uint8_t *wbits; /* one byte of quick answers per record (rc_word_bit) */
    /* when ctx->time_steps is set: the nanoseconds of each step, RC_STEP_FRONT (identify, decode,
     * tokenize, clean, sentences, date), RC_STEP_WORDS (the word table), then stage i of the
     * language's table at RC_STEP_STAGE + i; zero otherwise */
    uint64_t step_ns[RC_STEP_STAGE + RC_DOC_MAXSTAGES];
};

/* Whether token i of doc is a dash used as punctuation: -, – or —. */
static inline bool rc_tok_dash(const rc_doc *doc, size_t i)
{
    const rc_token *tk = &doc->toks[i];
    const unsigned char *u = (const unsigned char *)doc->text + tk->start;
    if (tk->kind != RC_TOK_PUNCT)
        return false;
    if (tk->end - tk->start == 1)
        return u[0] == '-';
    return tk->end - tk->start == 3 && u[0] == 0xE2 && u[1] == 0x80 &&
           (u[2] == 0x93 || u[2] == 0x94);
}

#endif
