/*
 * quotes.h - quotation spans: « … », “ … ”, straight "…", nested and across sentences, and the
 * quote that never closes, which ends with its line or paragraph. One pass over the tokens.
 */
#ifndef RC_QUOTES_H
#define RC_QUOTES_H

#include "extract/speaker.h"

/* A quotation in tokens: the opening mark oa and the closing mark ob, or for a quote that never
 * closes, the first token after it (closed == 0). */
typedef struct quote_tok {
    uint32_t oa, ob;
    uint8_t closed;
    uint32_t words; /* words inside, to tell a scare quote (one or two words), counted up to
                     * QUOTE_WORDS_MAX only */
} quote_tok;

#define QUOTE_WORDS_MAX 3 /* where quote_tok.words stops counting */

/* Finds the outermost quotations of the document in text order: fills doc->quotes (no speakers
 * yet) and *qt (same order, in doc->arena), and flags the tokens inside them TB_INQ.
 * RC_OK or RC_ENOMEM. */
int quotes_find(src_state *st, quote_tok **qt /* OUT */);

#endif
