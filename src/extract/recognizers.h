/*
 * recognizers.h - the figures and time expressions of a document as stages of the table
 * (stages.h): thin wrappers around the French recognizers of lang/fr/.
 */
#ifndef RC_RECOGNIZERS_H
#define RC_RECOGNIZERS_H

#include "extract/stages.h"

int rc_stage_numbers(rc_doc *doc, const rc_stage_env *env);
void rc_write_numbers(rc_json *j, const rc_doc *doc, unsigned flags);
int rc_stage_times(rc_doc *doc, const rc_stage_env *env);
void rc_write_times(rc_json *j, const rc_doc *doc, unsigned flags);

#endif
