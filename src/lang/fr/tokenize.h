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

#include "extract/doc_int.h"

/* Tokenizes text[0..len); text[len] must be NUL (the lexer stops there). Tokens and sentences
 * are allocated in a; sentences cover every token, in order. Returns 0 or RC_ENOMEM. */
int rc_fr_tokenize(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
                   rc_token **toks /* OUT */, size_t *ntoks /* OUT */,
                   rc_span **sents /* OUT */, size_t *nsents /* OUT */);

#endif
