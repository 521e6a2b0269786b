/*
 * entities.c - placeholder until the stage is written: finds nothing, and says so with an empty array.
 */
#include "extract/entities.h"

int rc_stage_entities(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->ents = NULL;
    doc->nents = 0;
    return RC_OK;
}

void rc_write_entities(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    (void)doc;
    rc_json_arr(j);
    rc_json_arr_end(j);
}
