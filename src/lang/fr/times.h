/*
 * times.h - the French temporal recognizer: TIMEX3 values for dates, times, durations, sets and
 * ranges, resolved against a reference date, and the inference of a document's own date from its
 * text when no metadata gives it.
 */
#ifndef RC_FR_TIMES_H
#define RC_FR_TIMES_H

#include <stddef.h>

#include "core/doc.h"
#include "util/date.h"

/* Finds every time expression of text[0..len) and resolves it against ref (NULL: leave relative
 * values unresolved, as PAST_REF, XXXX-12-15 ...). The array and its strings are allocated in a;
 * *n may be 0. Returns 0 or RC_ENOMEM. */
int rc_fr_times(const rc_lang *fr, const char *text, size_t len, const rc_date *ref, rc_arena *a,
                rc_time **out /* OUT */, size_t *n /* OUT */);

/* rc_fr_times with the morphology of ctx (NULL: none), which reads the tense of the clause of a
 * date written without its year or a weekday alone: past tenses point back, futures forward, a
 * present to the nearest occurrence. */
int rc_fr_times_ctx(const rc_ctx *ctx, const rc_lang *fr, const char *text, size_t len,
                    const rc_date *ref, rc_arena *a, rc_time **out /* OUT */, size_t *n /* OUT */);

/* rc_fr_times_ctx of a document's text with its context, while its stages run: the lexer then
 * settles the words through the document's word memo (core/words.h). Same ownership. */
int rc_fr_times_doc(const rc_doc *doc, const rc_date *ref, rc_arena *a, rc_time **out /* OUT */,
                    size_t *n /* OUT */);

/* The recognizer's first pass over a text, with no reference date: its atoms and what they read
 * unresolved. The document's date can be inferred from it (rc_fr_docdate_from), and the final
 * reading made from the same atoms (rc_fr_times_again_doc) without lexing the text twice. */
typedef struct rc_fr_times_first {
    const rc_lang *fr;
    const char *text; /* NUL-terminated: the text, or its copy in the arena */
    size_t len;
    const struct tx_atom *atoms;
    size_t natoms;
    rc_time *times; /* resolved against no reference */
    size_t ntimes;
} rc_fr_times_first;

/* Lexes text[0..len) and reads it with no reference into *out, everything in a. Returns 0 or
 * RC_ENOMEM (RC_EINVAL for bad arguments). */
int rc_fr_times_pass(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
                     rc_fr_times_first *out /* OUT */);

/* rc_fr_times_pass of doc->text while the document's word table is open (rc_words_begin to
 * rc_words_end, core/words.h): the same atoms and readings, its words settled through their
 * records. Returns 0 or RC_ENOMEM (RC_EINVAL for bad arguments). */
int rc_fr_times_pass_doc(const rc_doc *doc, rc_arena *a, rc_fr_times_first *out /* OUT */);

/* What rc_fr_times_ctx would find in the first pass's text against ref: the first pass's own
 * array when ref is NULL, else a new reading of its atoms, in a. doc is the document whose text
 * the first pass read, while its stages run: the morphology of the tense is then asked through
 * its word memo (core/words.h); doc may be NULL, and the morphology is asked directly. Returns 0
 * or RC_ENOMEM. */
int rc_fr_times_again_doc(const rc_ctx *ctx, const rc_doc *doc, const rc_fr_times_first *first,
                          const rc_date *ref, rc_arena *a, rc_time **out /* OUT */,
                          size_t *n /* OUT */);

/* Infers the creation date of a document from its cleaned text and the noise lines the cleaner
 * dropped (doc->raw, doc->noise). Writes "YYYY-MM-DD" into date_out (11 bytes) and returns 1 when
 * the evidence is strong and consistent; returns 0 and leaves date_out empty otherwise. */
int rc_fr_docdate(const rc_lang *fr, const rc_doc *doc, char *date_out /* OUT */);

/* rc_fr_docdate from a first pass already made over doc->text. */
int rc_fr_docdate_from(const rc_lang *fr, const rc_doc *doc, const rc_fr_times_first *first,
                       char *date_out /* OUT */);

/* The lowest evidence of a document's date, for a text rc_fr_docdate_from gives none: the latest
 * day of the list of sources it ends with (Sources : ... 08/12/16, ... 07/12/16), which the text
 * can be no older than, when it names no other day and no timestamp of its page is later. Writes
 * "YYYY-MM-DD" into date_out (11 bytes) and returns 1, else returns 0. */
int rc_fr_docdate_sources(const rc_lang *fr, const rc_doc *doc, const rc_fr_times_first *first,
                          char *date_out /* OUT */);

#endif
