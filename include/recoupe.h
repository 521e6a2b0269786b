/*
 * recoupe.h - the public interface of librecoupe, which turns news articles about armed conflicts
 * into figures, dates, sources and cross-checked facts, each traced back to its text span.
 *
 * This is the only public header. Every handle is opaque; every call that can fail returns an
 * int status (RC_OK or a negative RC_E* code, see rc_strerror) and puts its results in trailing
 * out-parameters marked OUT. Nothing here exits the process or prints.
 *
 * The life of a document:
 *   rc_ctx_new()         loads the language data once (lexicons under data/); share it read-only
 *   rc_walk()            expands files, folders and containers into rc_source records
 *   rc_doc_parse()       decodes, cleans, tokenizes and extracts one source into an rc_doc
 *   rc_doc_write_json()  writes the document as the JSON object of the interface contract
 *   rc_doc_free()        releases everything the document owns, in one call
 */
#ifndef RECOUPE_H
#define RECOUPE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes: one list, so that codes, names and messages cannot drift apart. */
#define RC_ERRORS(X)                                                        \
    X(RC_OK, 0, "success")                                                  \
    X(RC_ENOMEM, -1, "out of memory")                                       \
    X(RC_EIO, -2, "cannot read the input")                                  \
    X(RC_EBINARY, -3, "input is binary data, not text")                     \
    X(RC_EINVAL, -4, "invalid argument")                                    \
    X(RC_EDATA, -5, "language data file is missing or malformed")           \
    X(RC_EFORMAT, -6, "input is malformed for its format")                  \
    X(RC_ETOOBIG, -7, "input is larger than recoupe accepts")               \
    X(RC_ELOOP, -8, "symbolic link loop")                                   \
    X(RC_EDATE, -9, "not a valid date (want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)") \
    X(RC_ESTOP, -10, "stopped by the caller")

enum rc_status {
#define RC_ENUM_(name, code, msg) name = code,
    RC_ERRORS(RC_ENUM_)
#undef RC_ENUM_
};

/* A message for a status code; never NULL, static storage. */
const char *rc_strerror(int status);

/* The library version, "MAJOR.MINOR.PATCH"; static storage. */
const char *rc_version(void);

/* ---- context: language data ------------------------------------------------------------- */

typedef struct rc_ctx rc_ctx;

/* Loads the lexicons for every language under datadir (NULL: $RECOUPE_DATA, else the build's
 * data/ folder). The context is read-only afterwards and may be shared by threads. On failure
 * *out is NULL and, when errbuf is not NULL, a message naming the file and line is written there.
 * The caller owns *out and frees it with rc_ctx_free. */
int rc_ctx_new(const char *datadir, char *errbuf, size_t errlen, rc_ctx **out /* OUT */);

/* Adds the lexicon files of a user's folder (laid out like data/: one sub-folder per language) to
 * the context: a file named like a built-in lexicon extends it, a new name adds a lexicon. Call
 * before the context is shared. Errors name FILE:LINE in errbuf. */
int rc_ctx_add_lexicons(rc_ctx *ctx, const char *dir, char *errbuf, size_t errlen);

/* Turns the statistical entity tagger (data/fr/ent_tagger.model, docs/tagger.md) on or off for
 * the documents parsed with ctx; call before the context is shared. Turning it on reads the
 * model: on error the tagger stays off and errbuf names FILE:LINE. */
int rc_ctx_set_tagger(rc_ctx *ctx, int on, char *errbuf, size_t errlen);

/* Frees a context; accepts NULL. Documents made from it must be freed first. */
void rc_ctx_free(rc_ctx *ctx);

/* ---- sources: raw input before processing ----------------------------------------------- */

typedef enum rc_format {
    RC_FORMAT_AUTO = 0, /* sniff HTML against plain text */
    RC_FORMAT_TEXT,
    RC_FORMAT_HTML
} rc_format;

/* One document's raw bytes and what its container said about it. Every pointer is borrowed:
 * rc_doc_parse copies what it keeps. Unknown metadata is NULL. */
typedef struct rc_source {
    const char *path;    /* display name: a file, "file:LINE" in JSON Lines, "file#N" in WARC */
    const void *data;    /* the raw bytes, which doc.id hashes */
    size_t len;
    rc_format format;
    const char *charset; /* declared by a container (HTTP header), or NULL */
    const char *id, *url, *title, *site, *author, *date; /* from the container, or NULL */
} rc_source;

/* Called once per source found by rc_walk, in a stable order. Return 0 to go on, anything else
 * to stop the walk (rc_walk then returns that value). */
typedef int (*rc_source_fn)(void *ud, const rc_source *src);

/* Called for each input rc_walk cannot use (unreadable, binary, malformed line), with the name
 * of the input and a status code; the walk goes on. */
typedef void (*rc_error_fn)(void *ud, const char *where, int status, const char *detail);

/* Expands a file or folder ("-": standard input) into sources: folders recursively in byte
 * order of names, hidden entries and files of other kinds (.md, .pdf ...) skipped, symlink loops
 * detected; JSON Lines, WARC and gzip expanded into their
 * documents. Returns RC_OK when the walk finished, even if some inputs were reported to onerr. */
int rc_walk(const char *path, rc_source_fn fn, rc_error_fn onerr, void *ud);

/* ---- documents ---------------------------------------------------------------------------- */

typedef struct rc_doc rc_doc;

typedef struct rc_doc_opts {
    const char *date; /* document creation time for sources without their own, or NULL */
} rc_doc_opts;

/* Decodes, cleans, tokenizes and runs every extractor on one source. The document owns all its
 * memory (one arena) and is freed with rc_doc_free. A binary source gives RC_EBINARY. */
int rc_doc_parse(const rc_ctx *ctx, const rc_source *src, const rc_doc_opts *opts,
                 rc_doc **out /* OUT */);

/* Frees a document and everything it owns; accepts NULL. */
void rc_doc_free(rc_doc *doc);

/* The cleaned text all offsets refer to, NUL-terminated; owned by the document. */
const char *rc_doc_text(const rc_doc *doc, size_t *len /* OUT, may be NULL */);

/* A span of the cleaned text: bytes [start, end). */
typedef struct rc_span {
    uint32_t start, end;
} rc_span;

/* Sentences of the cleaned text, in order; the array is owned by the document. */
const rc_span *rc_doc_sentences(const rc_doc *doc, size_t *n /* OUT */);

/* Token kinds of the tokenizer; see docs/tokens.md. */
typedef enum rc_tok_kind {
    RC_TOK_WORD = 1,  /* letters, with inner hyphens and apostrophes: Alep-Est, aujourd'hui */
    RC_TOK_ELISION,   /* l' d' qu' jusqu' ...: the elided word with its apostrophe */
    RC_TOK_CLITIC,    /* the -t-il of a-t-il, the -on of dit-on */
    RC_TOK_ABBREV,    /* M. Mme etc. av. J.-C. */
    RC_TOK_NUMBER,    /* 7 796, 80.000, 1,5, 10k */
    RC_TOK_ORDINAL,   /* 1er 2e IIe */
    RC_TOK_PERCENT,   /* 80 %, 1,5% */
    RC_TOK_TIME,      /* 9h30 20heures */
    RC_TOK_DATE,      /* 15/12/2016 2016-12-15 08/12/16 */
    RC_TOK_URL,
    RC_TOK_EMAIL,
    RC_TOK_QUOTE_OPEN,  /* « “ and an opening straight quote */
    RC_TOK_QUOTE_CLOSE, /* » ” and a closing straight quote */
    RC_TOK_PUNCT,       /* . , ; : ! ? ( ) [ ] - – — / ... */
    RC_TOK_ELLIPSIS,    /* ... and … */
    RC_TOK_SYMBOL       /* anything else that is not space */
} rc_tok_kind;

typedef struct rc_token {
    uint32_t start, end;
    uint16_t kind;  /* rc_tok_kind */
    uint16_t flags; /* RC_TF_* */
} rc_token;

#define RC_TF_UPPER 0x1    /* starts with an upper-case letter */
#define RC_TF_SENTSTART 0x2 /* first token of a sentence */
#define RC_TF_NEWLINE 0x4   /* a line break comes before it */
#define RC_TF_PARAGRAPH 0x8 /* a blank line comes before it */

/* Tokens of the cleaned text, in order; the array is owned by the document. */
const rc_token *rc_doc_tokens(const rc_doc *doc, size_t *n /* OUT */);

/* Receives output bytes; returns 0 to go on, or a status that stops the writer. */
typedef int (*rc_write_fn)(void *ud, const char *bytes, size_t len);

/* ---- recognizers on a piece of text, outside any document -----------------------------------
 * For one line or sentence of French: the figures (NUMBER objects) or the time expressions (TIME
 * objects of the contract, resolved against ref, "YYYY-MM-DD[THH:MM:SS]" or NULL) written as one
 * JSON array to fn; offsets are bytes into text, which must be valid UTF-8 (NUL-free). */
#define RC_NUMBERS_ARTICLES 0x1 /* read every "un"/"une" as the number 1, articles included */
#define RC_NUMBERS_RELATIVE 0x2 /* also report relative ordinals (dernier, prochain) */
int rc_text_numbers(const rc_ctx *ctx, const char *text, size_t len, unsigned flags,
                    rc_write_fn fn, void *ud);
#define RC_TIMES_TIMEML 0x1 /* cut and value as ISO-TimeML TIMEX3s, each with "mod" and "timex3" */
int rc_text_times(const rc_ctx *ctx, const char *text, size_t len, const char *ref,
                  unsigned flags, rc_write_fn fn, void *ud);

/* ---- what a document says: entities, quotes, attributions, claims, framing ---------------
 * Every array below is owned by the document and lives until rc_doc_free. A NULL array with
 * *n == 0 from an accessor means "found nothing"; rc_doc_stage_ran tells "did not run" apart.
 * Strings are NUL-terminated UTF-8; spans are byte offsets into rc_doc_text. */

/* A figure (NUMBER of the contract) or a time expression (TIME) the recognizers found, for
 * showing them in the text: the span, the value of a figure (NAN when unknown) and the TIMEX3
 * value of a time (NULL when unresolved; owned by the document). */
typedef enum rc_mark_kind { RC_MARK_NUMBER, RC_MARK_TIME } rc_mark_kind;
typedef struct rc_mark {
    uint32_t start, end;
    uint8_t kind; /* rc_mark_kind */
    double value;
    const char *timex;
} rc_mark;

/* Copies the document's figures, then its time expressions (each in text order), into out (at
 * most cap records; out may be NULL when cap is 0) and returns how many there are in all. */
size_t rc_doc_marks(const rc_doc *doc, rc_mark *out, size_t cap);

/* Whether the named stage ("numbers", "times", "entities", "quotes", "attributions", "claims",
 * "framing") ran on the document: false for a stage the language has not, or an unknown name. */
int rc_doc_stage_ran(const rc_doc *doc, const char *stage);

typedef enum rc_ent_type { RC_ENT_PER, RC_ENT_ORG, RC_ENT_LOC, RC_ENT_MISC } rc_ent_type;

/* A named entity. key is the same for every spelling of one real-world entity across documents
 * (rc_entity_key); canon is the fullest name the document gives it (Assad -> Bachar el-Assad). */
typedef struct rc_entity {
    uint32_t start, end;
    uint8_t type;      /* rc_ent_type */
    const char *key;   /* never NULL */
    const char *canon; /* never NULL; the span's text when nothing fuller is known */
    double lat, lon;   /* NAN unless a gazetteer gave coordinates */
} rc_entity;

const rc_entity *rc_doc_entities(const rc_doc *doc, size_t *n /* OUT */);

/* One named source of an attribution chain or a quote: "Paul Mercier" with his role, or a
 * description ("une source militaire russe"). key is its entity key, NULL for a description. */
typedef struct rc_speaker {
    const char *name; /* never NULL */
    const char *role; /* NULL when the text gives none */
    const char *key;  /* entity key, or the folded name for descriptions */
    uint8_t type;     /* rc_ent_type; RC_ENT_MISC for descriptions and pronouns left unresolved */
    uint32_t start, end; /* where the text names it (for a pronoun: the pronoun) */
} rc_speaker;

/* A quotation: [start, end) is the quoted text without its marks. speaker.name is NULL-free but
 * the whole speaker is absent (has_speaker 0) when no speaker was found. */
typedef struct rc_quote {
    uint32_t start, end;
    uint8_t has_speaker;
    rc_speaker speaker;
    const char *verb; /* lemma of the reporting verb, or NULL */
} rc_quote;

const rc_quote *rc_doc_quotes(const rc_doc *doc, size_t *n /* OUT */);

/* An attribution: a cue (selon, a déclaré, cité par ...) and the chain of sources it names,
 * the original speaker first and each relay after it. [scope_start, scope_end) is the text the
 * attribution vouches for (the clause or sentence, or the quote). */
typedef struct rc_attribution {
    uint32_t start, end;             /* the cue and its sources */
    uint32_t scope_start, scope_end; /* what is attributed */
    const char *cue;                 /* the cue's lemma or phrase: "selon", "déclarer" */
    const rc_speaker *chain;
    size_t nchain;
    int32_t quote; /* index in rc_doc_quotes when the attribution is a quote's, else -1 */
    uint8_t denied; /* the cue is a denial (démentir, nier): the source denies what is in scope */
    uint32_t joint; /* bit k (k >= 1): chain[k] stands beside chain[k-1] (selon X et Y) rather
                     * than relaying it */
} rc_attribution;

const rc_attribution *rc_doc_attributions(const rc_doc *doc, size_t *n /* OUT */);

/* Closed vocabularies of the contract; the *_names functions give their JSON spelling. */
typedef enum rc_what {
    RC_WHAT_KILLED, RC_WHAT_INJURED, RC_WHAT_MISSING, RC_WHAT_DETAINED, RC_WHAT_SURRENDERED,
    RC_WHAT_EVACUATED, RC_WHAT_FLED, RC_WHAT_TRAPPED, RC_WHAT_PRESENT, RC_WHAT_CONTROLLED,
    RC_WHAT_OTHER, RC_WHAT_N
} rc_what;
typedef enum rc_who {
    RC_WHO_CIVILIANS, RC_WHO_CHILDREN, RC_WHO_WOMEN, RC_WHO_MEN, RC_WHO_FIGHTERS,
    RC_WHO_SOLDIERS, RC_WHO_PEOPLE, RC_WHO_WOUNDED, RC_WHO_BODIES, RC_WHO_FAMILIES,
    RC_WHO_VEHICLES, RC_WHO_AREAS, RC_WHO_OTHER, RC_WHO_N
} rc_who;
typedef enum rc_modality {
    RC_MOD_ASSERTED, RC_MOD_REPORTED, RC_MOD_CONDITIONAL, RC_MOD_HEDGED, RC_MOD_EXPECTED,
    RC_MOD_DISPUTED, RC_MOD_DENIED, RC_MOD_N
} rc_modality;
typedef enum rc_unit { RC_UNIT_COUNT, RC_UNIT_PERCENT, RC_UNIT_FRACTION, RC_UNIT_N } rc_unit;

/* The JSON spelling of each value ("killed", "civilians", "reported", "count"); NULL when out of
 * range. Static storage. */
const char *rc_what_name(int what);
const char *rc_who_name(int who);
const char *rc_modality_name(int modality);
const char *rc_unit_name(int unit);
/* The value for a JSON spelling, or -1. */
int rc_what_parse(const char *s);
int rc_who_parse(const char *s);
int rc_modality_parse(const char *s);
int rc_unit_parse(const char *s);

/* A part of a claim's figure: "dont 11 femmes". */
typedef struct rc_claim_part {
    double value, low, high; /* NAN when unknown */
    uint8_t who;             /* rc_who */
    const char *counted;     /* the noun as written, or NULL */
    uint32_t start, end;
} rc_claim_part;

/* A figure that some source puts on what happened (CLAIM of the contract). Numbers are NAN when
 * unknown; time_from/time_to are "YYYY-MM-DD" or "" when unknown. */
typedef struct rc_claim {
    uint32_t start, end; /* the figure and what it counts: "au moins 82 civils" */
    uint32_t sentence;   /* index in rc_doc_sentences */
    double value, low, high;
    uint8_t approx;
    uint8_t unit;     /* rc_unit */
    uint8_t what;     /* rc_what */
    uint8_t who;      /* rc_who */
    uint8_t modality; /* rc_modality */
    const char *counted; /* the counted noun as written, or NULL */
    const rc_claim_part *parts;
    size_t nparts;
    const char *const *places; /* canonical place names (entity canon), in text order */
    const char *const *place_keys; /* their entity keys, same order */
    size_t nplaces;
    const char *time_text; /* the time expression used, or NULL */
    char time_from[11], time_to[11];
    const char *agent; /* who did it, as written, or NULL */
    const rc_speaker *sources; /* the chain, original first; empty when asserted */
    size_t nsources;
    const char *explain; /* the rules and lexicon entries that made the claim; never NULL */
} rc_claim;

const rc_claim *rc_doc_claims(const rc_doc *doc, size_t *n /* OUT */);

/* How the document names one thing: a concept of the framing lexicon, the term it uses and how
 * often ("opposition fighters", "miliciens", 7). */
typedef struct rc_frame {
    const char *concept, *term;
    uint32_t count;
} rc_frame;

const rc_frame *rc_doc_framing(const rc_doc *doc, size_t *n /* OUT */);

/* Metadata of a document; strings are NULL when unknown. Owned by the document. */
typedef struct rc_doc_meta {
    const char *id, *path, *title, *site, *url, *author, *lang, *date, *date_source;
} rc_doc_meta;

void rc_doc_get_meta(const rc_doc *doc, rc_doc_meta *out /* OUT */);

/* The cross-document key of a name: folded, with the transliteration variants of Arabic names
 * and the article al-/el- made one (Bab Al Hawa and Bab al-Hawa give one key). Written
 * into out (NUL-terminated, truncated to outlen). Returns the key's length. */
size_t rc_entity_key(const rc_ctx *ctx, const char *name, size_t len, char *out, size_t outlen);

/* Called once per source by rc_parse_paths, in input order and never concurrently: doc is the
 * parsed document (freed by the library after the call) or NULL when parsing failed, in which
 * case status says why (the failure was reported to onerr as well). Return 0 to go on. */
typedef int (*rc_doc_fn)(void *ud, const char *path, int status, const rc_doc *doc);

/* Walks every path (as rc_walk) and parses the sources with jobs threads (0: one per core),
 * handing each document to fn in input order. At most a few documents per thread are in memory
 * at once, whatever the size of the corpus. onerr receives unreadable inputs and parse failures,
 * one call at a time. Returns RC_OK, or the first non-zero value fn returned. */
int rc_parse_paths(const rc_ctx *ctx, char *const *paths, size_t npaths, const rc_doc_opts *opts,
                   int jobs, rc_doc_fn fn, rc_error_fn onerr, void *ud);

/* Writes the document as one line of JSON, without the trailing newline. */
#define RC_JSON_TEXT 0x1    /* include doc.text and doc.noise */
#define RC_JSON_EXPLAIN 0x2 /* add each claim's "explain" */
/* add what the document reader cannot find again exactly: each claim's "place_keys" and the
 * "key", "type", "start" and "end" of its sources (a store writes them, extract does not) */
#define RC_JSON_KEYS 0x4
/* leave out what a reader cuts again from doc.text by its offsets: the "text" of numbers, times,
 * entities, quotes and claims, and a claim's "sentence", written as "sentence_index" (its place
 * in doc.sentence_spans) instead; and the members that are null in the objects inside the
 * stages' arrays. Not the contract's shape: the compact form a store keeps (about a quarter
 * fewer bytes), which rc_doc_from_json reads as the full one. */
#define RC_JSON_COMPACT 0x8

int rc_doc_write_json(const rc_doc *doc, unsigned flags, rc_write_fn fn, void *ud);

/* Writes the document as an ISO-TimeML file (DCT, then TEXT with its TIMEX3s tagged), as
 * HeidelTime does, ending with a newline. */
int rc_doc_write_timeml(const rc_doc *doc, rc_write_fn fn, void *ud);

/* Rebuilds a document from the JSON rc_doc_write_json wrote with RC_JSON_TEXT (one object), so
 * that a store can hand back what was extracted without extracting it again. The caller owns
 * *out (rc_doc_free). RC_EFORMAT when the JSON is not such an object. */
int rc_doc_from_json(const rc_ctx *ctx, const char *json, size_t len, rc_doc **out /* OUT */);

/* ---- the cross-check: facts across documents ------------------------------------------------
 * rc_check_add copies what it needs of each document (metadata, claims, framing, a signature of
 * the text for finding relays), so documents can be freed right after. rc_check_run groups the
 * claims into facts; the accessors then read the result. See docs/crosscheck.md. */

typedef struct rc_check rc_check;

/* The caller owns *out and frees it with rc_check_free. */
int rc_check_new(const rc_ctx *ctx, rc_check **out /* OUT */);
void rc_check_free(rc_check *chk); /* accepts NULL */
int rc_check_add(rc_check *chk, const rc_doc *doc);
/* What rc_check_add does with a document's parts, for callers that have claims without a
 * document (a store, a benchmark): everything is copied. text (may be NULL) is the text the
 * claims' offsets refer to, used for the relay signature and the claims' wording. */
int rc_check_add_claims(rc_check *chk, const rc_doc_meta *meta, const rc_claim *claims,
                        size_t nclaims, const rc_frame *frames, size_t nframes, const char *text,
                        size_t textlen);
int rc_check_run(rc_check *chk);

typedef enum rc_check_format { RC_CHECK_JSON, RC_CHECK_TEXT, RC_CHECK_CSV } rc_check_format;
/* Writes the cross-check: JSON (the contract's object), a terminal summary (colour when flags has
 * RC_CHECK_COLOR), or CSV of facts and claims. */
#define RC_CHECK_COLOR 0x1
int rc_check_write(const rc_check *chk, rc_check_format format, unsigned flags, rc_write_fn fn,
                   void *ud);

/* A document as the cross-check keeps it. relay_of is the index of the earlier document this one
 * repeats (near-duplicate text), or -1. Strings owned by the check. */
typedef struct rc_check_doc {
    rc_doc_meta meta;
    int32_t relay_of;
    double relay_similarity; /* estimated Jaccard similarity to relay_of, 0 when none */
} rc_check_doc;

/* One claim of a fact: the document (index in rc_check_docs), the claim's index in that
 * document's claims (rc_check_doc_claims), and which origin of the fact it counts for. */
typedef struct rc_fact_claim {
    uint32_t doc, claim, origin;
} rc_fact_claim;

typedef struct rc_origin {
    const char *name; /* the first source of the chain, or the outlet when the claim has none */
    const char *key;
    uint32_t claims;
} rc_origin;

typedef enum rc_fact_status {
    RC_FACT_SINGLE, RC_FACT_AGREE, RC_FACT_CLOSE, RC_FACT_CONFLICT
} rc_fact_status;

typedef struct rc_fact {
    const char *id; /* "f1" */
    uint8_t what, who, status;
    const char *const *places;
    size_t nplaces;
    char time_from[11], time_to[11];
    const rc_fact_claim *claims;
    size_t nclaims;
    double low, best, high;
    const rc_origin *origins;
    size_t norigins;
} rc_fact;

const rc_check_doc *rc_check_docs(const rc_check *chk, size_t *n /* OUT */);
const rc_fact *rc_check_facts(const rc_check *chk, size_t *n /* OUT */);
/* A document's claims and framing as the check copied them (same order and ids as extract). */
const rc_claim *rc_check_doc_claims(const rc_check *chk, size_t doc, size_t *n /* OUT */);
const rc_frame *rc_check_doc_framing(const rc_check *chk, size_t doc, size_t *n /* OUT */);
const char *rc_fact_status_name(int status);

/* ---- the store: SQLite ---------------------------------------------------------------------- */

typedef struct rc_store rc_store;

#define RC_STORE_READONLY 0x1
/* Opens (creating unless RC_STORE_READONLY) a store and migrates its schema. Errors name the file
 * in errbuf: not a database, newer schema, locked. The caller owns *out (rc_store_close). */
int rc_store_open(const char *path, unsigned flags, char *errbuf, size_t errlen,
                  rc_store **out /* OUT */);
void rc_store_close(rc_store *st); /* accepts NULL */
/* Adds a document (ignored when its id is already stored); *added says whether it was new.
 * Documents are written in batches: rc_store_begin / rc_store_commit around the adds. */
int rc_store_begin(rc_store *st);
int rc_store_add(rc_store *st, const rc_doc *doc, int *added /* OUT, may be NULL */);
int rc_store_commit(rc_store *st);
/* Writes the facts of a check made from the store's documents, replacing the previous ones. */
int rc_store_save_facts(rc_store *st, const rc_check *chk);
/* Hands every stored document back, rebuilt (rc_doc_from_json), in the order they were added. */
int rc_store_each(rc_store *st, const rc_ctx *ctx, rc_doc_fn fn, void *ud);
/* How many documents the store holds (committed ones, and those of the open batch). */
int rc_store_count(rc_store *st, size_t *n /* OUT */);
/* The last error message of the store (names the file); never NULL. */
const char *rc_store_error(const rc_store *st);

/* ---- the dossier: a self-contained HTML report ---------------------------------------------- */

typedef struct rc_report rc_report;

/* The caller owns *out (rc_report_free). */
int rc_report_new(const rc_ctx *ctx, rc_report **out /* OUT */);
void rc_report_free(rc_report *rep); /* accepts NULL */
/* Copies what the dossier shows of a document (text, entities, quotes, claims). Add documents in
 * the same order as to the check. */
int rc_report_add(rc_report *rep, const rc_doc *doc);
/* Writes the dossier of the documents added, with the facts of chk. */
int rc_report_write(const rc_report *rep, const rc_check *chk, rc_write_fn fn, void *ud);

#ifdef __cplusplus
}
#endif
#endif /* RECOUPE_H */
