/*
 * clean.h - noise removal: keeps the lines of article prose and drops page furniture (share and
 * comment links, keyword bags, digit runs, repeated sub-headings), recording what it dropped and
 * why. Also counts each language's function words, which decides the document's language.
 */
#ifndef RC_CLEAN_H
#define RC_CLEAN_H

#include <stddef.h>

#include "core/doc.h"

typedef struct rc_clean_out {
    char *text; /* kept lines, one paragraph per line, blank line where the input had one */
    size_t len;
    rc_token *toks; /* the tokens of the kept lines, offsets into text */
    size_t ntoks;
    rc_noise *noise; /* offsets into the input text */
    size_t nnoise;
    size_t funcwords[RC_MAXLANG]; /* function words of each of ctx's languages */
    size_t words;
} rc_clean_out;

/* Cleans text[0..len) (decoded, NFC) given its tokens (rc_fr_lex). The token array is reused:
 * out->toks is toks, compacted to the kept lines, with offsets into out->text and the line-break
 * flags of the cleaned layout. Everything else is allocated in a. Returns 0 or RC_ENOMEM. */
int rc_clean(const rc_ctx *ctx, const char *text, size_t len, rc_token *toks, size_t ntoks,
             rc_arena *a, rc_clean_out *out /* OUT */);

/* Decides the language from function-word counts: the code of the language with most hits when
 * it has at least 5 and twice the runner-up, or at least 2 and three times the runner-up (a
 * text of one line), else NULL. */
const char *rc_clean_lang(const rc_ctx *ctx, const rc_clean_out *co);

#endif
