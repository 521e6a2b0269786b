/*
 * tokenize.h - the French tokenizer and sentence splitter, generated with re2c from tokenize.re.
 *
 * Tokens keep French units whole: elisions (l', jusqu'), hyphenated words (Alep-Est,
 * vingt-quatre), numbers with group separators (7 796, 80.000) and decimal commas, clock times
 * (9h30, 20heures), percentages (80 %), dates (15/12/2016), URLs and e-mail addresses. Inverted
 * verbs are split from their subject pronoun (a | -t-il). Abbreviations come from
 * data/fr/abbreviations.txt, so a full stop after "M." or "av." does not end a sentence.
 */
#ifndef RC_FR_TOKENIZE_H
#define RC_FR_TOKENIZE_H

#include <stddef.h>

#include "core/doc.h"

/* Tokenizes text[0..len) without looking for sentences; text[len] must be NUL (the lexer stops
 * there). Line breaks show as RC_TF_NEWLINE and RC_TF_PARAGRAPH on the token after them; no token
 * spans a line. The array is allocated in a. Returns 0 or RC_ENOMEM. */
int rc_fr_lex(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
              rc_token **toks /* OUT */, size_t *ntoks /* OUT */);

/* Finds the sentences among the tokens of text, flags their first tokens RC_TF_SENTSTART, and
 * returns their spans, allocated in a. */
int rc_fr_sentences(const rc_lang *fr, const char *text, rc_token *toks, size_t ntoks, rc_arena *a,
                    rc_span **sents /* OUT */, size_t *nsents /* OUT */);

/* rc_fr_lex then rc_fr_sentences. Sentences cover every token, in order. */
int rc_fr_tokenize(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
                   rc_token **toks /* OUT */, size_t *ntoks /* OUT */,
                   rc_span **sents /* OUT */, size_t *nsents /* OUT */);

#endif
