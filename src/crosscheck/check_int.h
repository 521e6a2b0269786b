/*
 * check_int.h - what the modules of the cross-check share: the check's own copy of each document
 * and claim, and the internal entry points of grouping, estimates, origins, relays and writers.
 *
 * The cross-check sees documents only through include/recoupe.h: rc_check_add copies what it
 * needs into the check's arena, so this layer never includes core/ or extract/ headers.
 */
#ifndef RC_CHECK_INT_H
#define RC_CHECK_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "recoupe.h"
#include "util/arena.h"
#include "util/buf.h"

#define CC_NHASH 64        /* MinHash values per document signature */
#define CC_SHINGLE 5       /* words per shingle */
#define CC_RELAY_MIN 0.6   /* estimated Jaccard similarity from which a document is a relay */
#define CC_NODAY INT32_MIN /* a claim without a known time */

/* Precision of a claim's wording, for breaking ties of the best estimate. */
enum { CC_PREC_BOUND = 1, CC_PREC_APPROX = 2, CC_PREC_EXACT = 3 };
/* What kind of figure a claim gives. */
enum { CC_POINT = 0, CC_LOWER = 1, CC_UPPER = 2, CC_RANGE = 3 };

/* The check's view of one claim, beside the rc_claim copy it describes. */
typedef struct cc_claim {
    uint32_t doc, idx;      /* document index and index in that document's claims */
    int32_t from, to;       /* days since 1970-01-01 of the time (or the document's date) */
    const uint64_t *placeh; /* per place: hash of its key's skeleton, then of its first word */
    uint32_t nplaces;
    double point;   /* the figure compared: value, else the bound or the middle of a range */
    double lo, hi;  /* the most conservative and the largest figures the wording allows */
    uint8_t prec;   /* CC_PREC_* */
    uint8_t weight; /* 2 asserted or reported, 1 conditional/hedged/expected/disputed, 0 denied */
    uint8_t kind;   /* CC_POINT, CC_LOWER (au moins), CC_UPPER (moins de), CC_RANGE */
    uint8_t timed;  /* 1: the claim's own time, 2: the document's date, 0: none */
    uint8_t wfam, wclass; /* what-family and who-class, for blocking */
    int32_t src_origin;   /* origin of the first source of the chain, or -1 for its own voice */
    uint32_t origin;      /* origin after relays are resolved (rc_check_run) */
    uint32_t fact;
    const char *text; /* the claim's span of the text, or NULL when no text was given */
} cc_claim;

/* The check's copy of one document. */
typedef struct cc_doc {
    rc_claim *claims;
    size_t nclaims;
    rc_frame *frames;
    size_t nframes;
    uint32_t first;  /* index of its first cc_claim */
    uint32_t outlet; /* origin of its own voice: the site, else the path */
    int32_t root;    /* the document it relays, followed to the original; itself when none */
    bool has_sig;
    uint32_t sig[CC_NHASH];
} cc_doc;

/* An origin: one first source (by key) or one outlet. */
typedef struct cc_origin {
    const char *name, *key;
    uint64_t hash;
    bool entity; /* a source of a chain, not an outlet */
} cc_origin;

struct rc_check {
    const rc_ctx *ctx;
    rc_arena arena;    /* strings, copied claims and frames, fact arrays */
    rc_check_doc *pub; /* heap, ndocs */
    cc_doc *docs;      /* heap, ndocs */
    size_t ndocs, capdocs, cappub;
    cc_claim *cl; /* heap, every claim in document order */
    size_t ncl, capcl;
    cc_origin *origins; /* heap */
    size_t norigins, caporigins;
    uint32_t *otable; /* open-addressing table of origin index + 1; heap */
    size_t otcap;
    rc_fact *facts; /* heap, nfacts */
    size_t nfacts;
    rc_fact_claim *fclaims; /* heap, one per claim, grouped by fact */
    rc_origin *forigins;    /* heap, the origins of every fact, one after another */
    bool ran;
};

/* origins.c: the index of the origin named name with key (the name when key is NULL), added when
 * new; -1 when memory runs out. entity: the key is an entity's (made again by rc_entity_key
 * when the check has a context), else it is only folded (outlets). */
int32_t origins_intern(rc_check *chk, const char *name, const char *key, bool entity);
/* origins.c: sets each claim's origin once relays are known. */
void origins_resolve(rc_check *chk);
/* origins.c: 64-bit hash of a byte string (FNV-1a, then mixed). */
uint64_t origins_hash(const char *s, size_t len);

/* minhash.c: the MinHash signature of a text over CC_SHINGLE-word shingles; false when the text
 * has no word. */
bool minhash_sign(const char *text, size_t len, uint32_t sig[CC_NHASH] /* OUT */);
/* minhash.c: the estimated Jaccard similarity of two signatures. */
double minhash_similarity(const uint32_t *a, const uint32_t *b);
/* minhash.c: sets relay_of, relay_similarity and root of every document. */
int minhash_relays(rc_check *chk);

/* facts.c: what-family and who-class of a claim, for blocking and compatibility. */
uint8_t facts_what_family(int what);
uint8_t facts_who_class(int what, int who);
/* facts.c: groups the claims into facts (cc_claim.fact, in order of first appearance) and
 * builds the public facts: claims, origins, places, time, estimates. */
int facts_run(rc_check *chk);

/* estimate.c: low, best, high and status of a fact from its claims. */
void estimate_fact(const rc_check *chk, rc_fact *f);

/* Output on its way to the caller's writer: the writers fill buf and hand it over in pieces, so
 * that a large cross-check is never held whole in memory. */
typedef struct check_out {
    rc_buf buf;
    rc_write_fn fn;
    void *ud;
    int status; /* the first failure of fn or of the buffer */
} check_out;

/* check.c: hands the buffer to the writer once it holds 64 KiB, or whatever it holds when force;
 * returns the first failure so far. */
int check_out_flush(check_out *o, bool force);

/* The writers: JSON object of the contract, terminal table, CSV; each returns the first
 * failure. */
int check_json_write(const rc_check *chk, check_out *o);
int check_text_write(const rc_check *chk, unsigned flags, check_out *o);
int check_csv_write(const rc_check *chk, check_out *o);
/* check_csv.c: appends s as one RFC 4180 field (quoted when it holds a comma, quote or line
 * end); NULL is an empty field. */
void check_csv_field(rc_buf *out, const char *s);

/* check.c: the id a claim has in extract's output ("c3"), into buf of at least 16 bytes. */
void check_claim_id(uint32_t idx, char *buf);
/* check.c: the cc_claim of a fact's claim. */
const cc_claim *check_claim_of(const rc_check *chk, const rc_fact_claim *fc);

#endif
