/*
 * cmd_times.c - `recoupe times --ref D`: reads standard input one case per line and writes, for
 * each line, {"input": "...", "times": [TIME...]} with the expressions resolved against D.
 */
#include "cli/cli.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

/* Recognises the times of one line and writes its JSON object; ud is the reference date
 * ("YYYY-MM-DD..." as given), or NULL. Returns a status. */
static int times_line(void *ud, const rc_ctx *ctx, rc_buf *out, const char *line, size_t len)
{
    rc_cli_case_begin(out, line, len, "times");
    int status = rc_text_times(ctx, line, len, ud, 0, rc_cli_buf_append, out);
    return status ? status : rc_cli_case_end(out);
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_times, argc, argv, RC_OPT_REF, NULL, &o);
    if (code < 0) {
        code = rc_cli_lines("times", &o, times_line, (void *)o.date); /* checked by rc_cli_parse */
    }
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
