/*
 * attrib.h - attributions: the cues (selon X, X a déclaré, de source X, citant X, X cité par Y,
 * X a indiqué à l'AFP) with their chains of sources and the text each vouches for, and the
 * speaker of every quotation, found in one pass over the sentences.
 */
#ifndef RC_ATTRIB_H
#define RC_ATTRIB_H

#include "extract/quotes.h"

/* Fills doc->attrs (in text order) and the speakers of doc->quotes, whose token spans are qt.
 * RC_OK or RC_ENOMEM. */
int attrib_run(src_state *st, const quote_tok *qt);

#endif
