/*
 * text_api.c - the recognizers on a piece of text outside any document, for `recoupe numbers`
 * and `recoupe times` and for programs that test a sentence: the same recognizers and the same
 * JSON objects as extract, on text the caller gives.
 */
#include "core/doc.h"
#include "lang/fr/numbers.h"
#include "lang/fr/times.h"
#include "lang/fr/timeml.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

/* Hands the finished buffer to fn, or returns the buffer's error. */
static int text_api_emit(rc_buf *b, rc_write_fn fn, void *ud)
{
    int status = b->err ? b->err : fn(ud, b->data, b->len);
    rc_buf_free(b);
    return status;
}

int rc_text_numbers(const rc_ctx *ctx, const char *text, size_t len, unsigned flags,
                    rc_write_fn fn, void *ud)
{
    if (!ctx || (!text && len))
        return RC_EINVAL;
    unsigned frflags = ((flags & RC_NUMBERS_ARTICLES) ? RC_FRNUM_ARTICLES : 0u) |
                       ((flags & RC_NUMBERS_RELATIVE) ? RC_FRNUM_RELATIVE : 0u);
    rc_arena a;
    rc_arena_init(&a);
    rc_number *nums;
    size_t n;
    int status = rc_fr_numbers_ex(ctx->fr, text ? text : "", len, frflags, &a, &nums, &n);
    if (!status) {
        rc_buf b = RC_BUF_INIT;
        rc_json j;
        rc_json_init(&j, &b);
        rc_json_arr(&j);
        for (size_t i = 0; i < n; i++)
            rc_json_number(&j, text, &nums[i]);
        rc_json_arr_end(&j);
        status = text_api_emit(&b, fn, ud);
    }
    rc_arena_free(&a);
    return status;
}

/* Writes one TIMEX3 as the contract's TIME object with its mod and TIMEX3 type. */
static void text_api_timex(rc_json *j, const char *text, const rc_timex *x)
{
    static const char *const types[] = {"date", "time", "datetime", "duration", "set", "range"};
    rc_json_obj(j);
    rc_json_key(j, "text");
    rc_json_str(j, text + x->start, x->end - x->start);
    rc_json_key(j, "start");
    rc_json_int(j, x->start);
    rc_json_key(j, "end");
    rc_json_int(j, x->end);
    rc_json_key(j, "type");
    rc_json_strz(j, x->type < 6 ? types[x->type] : "date");
    rc_json_key(j, "value");
    rc_json_strz(j, x->value);
    rc_json_key(j, "from");
    rc_json_strz(j, x->from[0] ? x->from : NULL);
    rc_json_key(j, "to");
    rc_json_strz(j, x->to[0] ? x->to : NULL);
    rc_json_key(j, "mod");
    rc_json_strz(j, x->mod);
    rc_json_key(j, "timex3");
    rc_json_strz(j, rc_timex_type_name(x->ttype));
    rc_json_obj_end(j);
}

int rc_text_times(const rc_ctx *ctx, const char *text, size_t len, const char *ref,
                  unsigned flags, rc_write_fn fn, void *ud)
{
    if (!ctx || (!text && len))
        return RC_EINVAL;
    rc_date refdate;
    if (ref && rc_date_parse(ref, &refdate) != RC_OK)
        return RC_EDATE;
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    int status =
        rc_fr_times_ctx(ctx, ctx->fr, text ? text : "", len, ref ? &refdate : NULL, &a, &t, &n);
    if (!status) {
        rc_buf b = RC_BUF_INIT;
        rc_json j;
        rc_json_init(&j, &b);
        rc_json_arr(&j);
        rc_timex *x = NULL;
        size_t nx = 0;
        if (flags & RC_TIMES_TIMEML)
            status = rc_fr_timeml(ctx->fr, text ? text : "", len, t, n, ref ? &refdate : NULL, &a,
                                  &x, &nx);
        for (size_t i = 0; !(flags & RC_TIMES_TIMEML) && i < n; i++)
            rc_json_time(&j, text, &t[i]);
        for (size_t i = 0; i < nx; i++)
            text_api_timex(&j, text, &x[i]);
        rc_json_arr_end(&j);
        if (!status)
            status = text_api_emit(&b, fn, ud);
        else
            rc_buf_free(&b);
    }
    rc_arena_free(&a);
    return status;
}
