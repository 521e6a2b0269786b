/*
 * text_api.c - the recognizers on a piece of text outside any document, for `recoupe numbers`
 * and `recoupe times` and for programs that test a sentence: the same recognizers and the same
 * JSON objects as extract, on text the caller gives.
 */
#include "core/doc.h"
#include "lang/fr/numbers.h"
#include "lang/fr/times.h"
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

int rc_text_times(const rc_ctx *ctx, const char *text, size_t len, const char *ref,
                  unsigned flags, rc_write_fn fn, void *ud)
{
    (void)flags;
    if (!ctx || (!text && len))
        return RC_EINVAL;
    rc_date refdate;
    if (ref && rc_date_parse(ref, &refdate) != RC_OK)
        return RC_EDATE;
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    int status = rc_fr_times(ctx->fr, text ? text : "", len, ref ? &refdate : NULL, &a, &t, &n);
    if (!status) {
        rc_buf b = RC_BUF_INIT;
        rc_json j;
        rc_json_init(&j, &b);
        rc_json_arr(&j);
        for (size_t i = 0; i < n; i++)
            rc_json_time(&j, text, &t[i]);
        rc_json_arr_end(&j);
        status = text_api_emit(&b, fn, ud);
    }
    rc_arena_free(&a);
    return status;
}
