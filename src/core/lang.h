/*
 * lang.h - a language's data: every lexicon file of data/<code>/ loaded under its base name.
 * Stages ask for lexicons by name (rc_lang_lex(fr, "funcwords")), so a new list is a new file.
 */
#ifndef RC_LANG_H
#define RC_LANG_H

#include <stddef.h>

#include "core/lexicon.h"
#include "util/arena.h"

#define RC_LANG_MAXLEX 64

typedef struct rc_lang {
    char code[8]; /* "fr" */
    rc_lexicon *lex[RC_LANG_MAXLEX];
    size_t nlex;
} rc_lang;

/* Loads every *.txt and *.tsv file of dir (sorted by name) into lang, with memory from a. On
 * error writes "FILE:LINE: what" into errbuf. */
int rc_lang_load(rc_arena *a, const char *dir, const char *code, char *errbuf, size_t errlen,
                 rc_lang *lang /* OUT */);

/* The lexicon of that name, or NULL when the language has none. */
const rc_lexicon *rc_lang_lex(const rc_lang *lang, const char *name);

#endif
