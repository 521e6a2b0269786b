/*
 * entities.h - named entities (PER, ORG, LOC, MISC) of a document, each with a key shared by every
 * spelling of one real-world entity across documents. See docs/entities.md.
 */
#ifndef RC_ENTITIES_H
#define RC_ENTITIES_H

#include "extract/stages.h"

/* Fills doc->ents, in text order. */
int rc_stage_entities(rc_doc *doc, const rc_stage_env *env);
void rc_write_entities(rc_json *j, const rc_doc *doc, unsigned flags);

#endif
