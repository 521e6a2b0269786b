/*
 * claims.c - placeholder until the stage is written: finds nothing, and says so with an empty array.
 */
#include "extract/claims.h"

int rc_stage_claims(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->claims = NULL;
    doc->nclaims = 0;
    return RC_OK;
}

void rc_write_claims(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    (void)doc;
    rc_json_arr(j);
    rc_json_arr_end(j);
}
