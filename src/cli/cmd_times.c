/*
 * cmd_times.c - `recoupe times --ref D`: reads standard input one case per line and writes, for
 * each line, {"input": "...", "times": [TIME...]} with the expressions resolved against D.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "extract/doc_int.h"
#include "lang/fr/times.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

typedef struct times_run {
    const rc_ctx *ctx;
    const rc_date *ref;
    rc_buf out;
} times_run;

/* Recognises the times of one line and writes its JSON object; returns a status. */
static int times_line(void *ud, const char *line, size_t len)
{
    times_run *r = ud;
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    int status = rc_fr_times(r->ctx->fr, line, len, r->ref, &a, &t, &n);
    if (!status) {
        rc_json j;
        rc_cli_case_begin(&j, &r->out, line, len, "times");
        for (size_t i = 0; i < n; i++)
            rc_json_time(&j, line, &t[i]);
        status = rc_cli_case_end(&j, &r->out);
    }
    rc_arena_free(&a);
    return status;
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_times, argc, argv, RC_OPT_REF, NULL, &o);
    if (code >= 0)
        goto out;
    code = RC_EXIT_USAGE;
    if (o.npaths > 0) {
        rc_cli_usage_error("times", "reads standard input; unexpected argument '%s'", o.paths[0]);
        goto out;
    }
    rc_date ref;
    times_run r = {NULL, NULL, RC_BUF_INIT};
    if (o.date && rc_date_parse(o.date, &ref) == RC_OK) /* checked by rc_cli_parse */
        r.ref = &ref;
    if (!(r.ctx = rc_cli_start(o.datadir))) {
        code = RC_EXIT_INPUT;
        goto out;
    }
    int status = rc_cli_each_line(times_line, &r);
    if (status)
        fprintf(stderr, "recoupe times: stopped: %s\n", rc_strerror(status));
    rc_buf_free(&r.out);
    rc_ctx_free((rc_ctx *)r.ctx);
    code = status ? RC_EXIT_INPUT : RC_EXIT_OK;
out:
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_times = {
    "times",
    "the time expressions of each input line, as TIMEX3, one JSON object per line",
    run,
    "usage: recoupe times [--ref D] [--data DIR] < LINES\n"
    "\n"
    "Reads standard input, one case per line, and writes for each line one JSON object\n"
    "{\"input\": \"...\", \"times\": [TIME...]} (see docs/times.md). Relative expressions\n"
    "(hier, lundi, le 15 novembre dernier) are resolved against D; without --ref they stay\n"
    "relative (XXXX-12-15, PAST_REF).\n"
    "\n"
    "  --ref D     the reference date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "\n"
    "Exit status: 0 success, 1 some line could not be processed, 2 usage error.\n",
};
