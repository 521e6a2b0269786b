/*
 * recognizers.c - numbers and times as stages. The times stage reuses the first pass the driver
 * made to infer the document's date, so that the text is lexed for times once.
 */
#include "extract/recognizers.h"
#include "lang/fr/numbers.h"
#include "lang/fr/times.h"

int rc_stage_numbers(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    return rc_fr_numbers_doc(doc, &doc->arena, &doc->nums, &doc->nnums);
}

void rc_write_numbers(rc_json *j, const rc_doc *doc, unsigned flags)
{
    const char *text = (flags & RC_JSON_COMPACT) ? NULL : doc->text; /* NULL: no "text" */
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nnums; i++)
        rc_json_number(j, text, &doc->nums[i]);
    rc_json_arr_end(j);
}

int rc_stage_times(rc_doc *doc, const rc_stage_env *env)
{
    if (env->first_times)
        return rc_fr_times_again_doc(doc->ctx, doc, env->first_times, env->ref, &doc->arena,
                                     &doc->times, &doc->ntimes);
    return rc_fr_times_doc(doc, env->ref, &doc->arena, &doc->times, &doc->ntimes);
}

void rc_write_times(rc_json *j, const rc_doc *doc, unsigned flags)
{
    const char *text = (flags & RC_JSON_COMPACT) ? NULL : doc->text; /* NULL: no "text" */
    rc_json_arr(j);
    for (size_t i = 0; i < doc->ntimes; i++)
        rc_json_time(j, text, &doc->times[i]);
    rc_json_arr_end(j);
}
