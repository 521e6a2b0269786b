/*
 * claims.h - the claims of a document: each figure with what it counts, what happened, where,
 * when, who says so and how sure the text is (CLAIM of the contract). See docs/claims.md.
 */
#ifndef RC_CLAIMS_H
#define RC_CLAIMS_H

#include "extract/stages.h"

/* Fills doc->claims, in text order. Reads numbers, times, entities, quotes and attributions. */
int rc_stage_claims(rc_doc *doc, const rc_stage_env *env);
/* Writes the claims; each has "explain" when flags has RC_JSON_EXPLAIN. */
void rc_write_claims(rc_json *j, const rc_doc *doc, unsigned flags);

#endif
