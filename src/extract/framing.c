/*
 * framing.c - placeholder until the stage is written: finds nothing, and says so with an empty array.
 */
#include "extract/framing.h"

int rc_stage_framing(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->frames = NULL;
    doc->nframes = 0;
    return RC_OK;
}

void rc_write_framing(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    (void)doc;
    rc_json_arr(j);
    rc_json_arr_end(j);
}
