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
#define RC_JSON_TEXT 0x1  /* include doc.text and doc.noise */
typedef int (*rc_write_fn)(void *ud, const char *bytes, size_t len);
int rc_doc_write_json(const rc_doc *doc, unsigned flags, rc_write_fn fn, void *ud);

#ifdef __cplusplus
}
#endif
#endif /* RECOUPE_H */
