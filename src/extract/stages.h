/*
 * stages.h - the table of extraction stages a language runs after the front end (decode, clean,
 * tokens, sentences), in order. The driver (doc.c) walks it to run them; the JSON writer
 * (doc_json.c) walks it to write each stage's array, or null when the stage did not run. A new
 * stage is a new row and a module with a run and a write function, nothing else.
 */
#ifndef RC_STAGES_H
#define RC_STAGES_H

#include <stdbool.h>

#include "core/doc.h"
#include "lang/fr/times.h"
#include "util/date.h"
#include "util/json.h"

/* What the driver hands every stage besides the document. */
typedef struct rc_stage_env {
    const rc_date *ref;             /* the document's creation time, or NULL when unknown */
    rc_fr_times_first *first_times; /* the time recognizer's first pass, or NULL */
} rc_stage_env;

typedef struct rc_stage {
    const char *name; /* the key of its array in extract's JSON */
    /* Fills the stage's arrays of doc. RC_ENOMEM stops the document; any other failure leaves
     * the stage marked as not run (null in JSON). */
    int (*run)(rc_doc *doc, const rc_stage_env *env);
    /* Writes the stage's array (only called when the stage ran); flags are RC_JSON_*. */
    void (*write)(rc_json *j, const rc_doc *doc, unsigned flags);
} rc_stage;

/* The stages of a language, in order; *n receives their count. NULL when the language has none. */
const rc_stage *rc_stages_for(const char *lang, size_t *n /* OUT */);

/* The keys of extract's JSON that stages fill, in the order they are written, for every language:
 * a language without a stage of that name gets null there. */
#define RC_NSTAGE_NAMES 7
extern const char *const rc_stage_names[RC_NSTAGE_NAMES];

/* The index of a stage name in the table of every language (the same for all), or -1. */
int rc_stage_index(const char *name);

#endif
