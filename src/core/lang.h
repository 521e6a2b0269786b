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
    const char *name[RC_LANG_MAXLEX]; /* rc_lex_name of each: rc_lang_lex runs per text */
    size_t nlex;
} rc_lang;

/* Loads every *.txt and *.tsv file of dir (sorted by name) into lang, with memory from a. On
 * error writes "FILE:LINE: what" into errbuf. */
int rc_lang_load(rc_arena *a, const char *dir, const char *code, char *errbuf, size_t errlen,
                 rc_lang *lang /* OUT */);

/* rc_lang_load with rc_lex_load_opts flags (RC_LEX_STRICT for a user's files). */
int rc_lang_load_opts(rc_arena *a, const char *dir, const char *code, unsigned flags,
                      char *errbuf, size_t errlen, rc_lang *lang /* OUT */);

/* Adds the lexicons of user to lang: a lexicon named like one of lang's is merged into it
 * (rc_lex_merge: user entries added, and overriding for the same key), another is added. Memory
 * from a. RC_OK, RC_ENOMEM, or RC_EDATA with a message when lang would hold too many lexicons;
 * lang is unchanged on error. */
int rc_lang_extend(rc_arena *a, rc_lang *lang, const rc_lang *user, char *errbuf, size_t errlen);

/* The lexicon of that name, or NULL when the language has none. */
const rc_lexicon *rc_lang_lex(const rc_lang *lang, const char *name);

#endif
