/*
 * framing.h - how a document names the sides and the events: for each concept of the framing
 * lexicon (data/fr/framing.tsv), the terms the text uses and how often. See docs/lexicons.md.
 */
#ifndef RC_FRAMING_H
#define RC_FRAMING_H

#include "extract/stages.h"

/* Fills doc->frames, sorted by concept then term. */
int rc_stage_framing(rc_doc *doc, const rc_stage_env *env);
void rc_write_framing(rc_json *j, const rc_doc *doc, unsigned flags);

#endif
