/*
 * sources.h - who says so: quotations with their speakers, and attribution chains (selon X,
 * X a déclaré, X cité par Y, citant X), the original speaker first. See docs/sources.md.
 */
#ifndef RC_SOURCES_H
#define RC_SOURCES_H

#include "extract/stages.h"

/* Fills doc->quotes and doc->attrs, in text order. Reads doc->ents. */
int rc_stage_sources(rc_doc *doc, const rc_stage_env *env);
void rc_write_quotes(rc_json *j, const rc_doc *doc, unsigned flags);
void rc_write_attributions(rc_json *j, const rc_doc *doc, unsigned flags);

#endif
