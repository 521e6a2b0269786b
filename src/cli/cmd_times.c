/*
 * cmd_times.c - `recoupe times --ref D`: reads standard input one case per line and writes, for
 * each line, {"input": "...", "times": [TIME...]} with the expressions resolved against D.
 */
#include "cli/cli.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

typedef struct times_run {
    const char *ref; /* --ref as given, or NULL */
    unsigned flags;  /* RC_TIMES_* */
} times_run;

/* Recognises the times of one line and writes its JSON object; ud is the times_run. Returns a
 * status. */
static int times_line(void *ud, const rc_ctx *ctx, rc_buf *out, const char *line, size_t len)
{
    const times_run *r = ud;
    rc_cli_case_begin(out, line, len, "times");
    int status = rc_text_times(ctx, line, len, r->ref, r->flags, rc_cli_buf_append, out);
    return status ? status : rc_cli_case_end(out);
}

static int run(int argc, char **argv)
{
    static const char *const extra[] = {"--timeml", NULL};
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_times, argc, argv, RC_OPT_REF, extra, &o);
    if (code < 0) {
        times_run r = {o.date, (o.flags & 1) ? RC_TIMES_TIMEML : 0u}; /* checked by rc_cli_parse */
        code = rc_cli_lines("times", &o, times_line, &r);
    }
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_times = {
    "times",
    "the time expressions of each input line, as TIMEX3, one JSON object per line",
    run,
    "usage: recoupe times [--ref D] [--timeml] [--data DIR] < LINES\n"
    "\n"
    "Reads standard input, one case per line, and writes for each line one JSON object\n"
    "{\"input\": \"...\", \"times\": [TIME...]} (see docs/times.md). Relative expressions\n"
    "(hier, lundi, le 15 novembre dernier) are resolved against D; without --ref they stay\n"
    "relative (XXXX-12-15, PAST_REF).\n"
    "\n"
    "  --ref D     the reference date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)\n"
    "  --timeml    cut and value the expressions as ISO-TimeML TIMEX3s: the determiner in,\n"
    "              the preposition out, a range as two; each object has \"mod\" (APPROX,\n"
    "              MORE_THAN, START ... or null) and \"timex3\" (DATE, TIME, DURATION, SET)\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "\n"
    "Exit status: 0 success, 1 some line could not be processed, 2 usage error.\n",
};
