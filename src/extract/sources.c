/*
 * sources.c - placeholder until the stage is written: finds nothing, and says so with empty arrays.
 */
#include "extract/sources.h"

int rc_stage_sources(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->nquotes = doc->nattrs = 0;
    return RC_OK;
}

void rc_write_quotes(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    (void)doc;
    rc_json_arr(j);
    rc_json_arr_end(j);
}

void rc_write_attributions(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    (void)doc;
    rc_json_arr(j);
    rc_json_arr_end(j);
}
