/*
 * cmd_times.c - `recoupe times --ref D`: reads standard input one case per line and writes, for
 * each line, {"input": "...", "times": [TIME...]} with the expressions resolved against D.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/doc_int.h"
#include "lang/fr/times.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

/* Recognises the times of one line and writes its JSON object; returns a status. */
static int times_line(const rc_ctx *ctx, const char *line, size_t len, const rc_date *ref)
{
    rc_arena a;
    rc_arena_init(&a);
    rc_time *t;
    size_t n;
    int status = rc_fr_times(ctx->fr, line, len, ref, &a, &t, &n);
    if (status) {
        rc_arena_free(&a);
        return status;
    }
    rc_buf b = RC_BUF_INIT;
    rc_json j;
    rc_json_init(&j, &b);
    rc_json_obj(&j);
    rc_json_key(&j, "input");
    rc_json_str(&j, line, len);
    rc_json_key(&j, "times");
    rc_json_arr(&j);
    for (size_t i = 0; i < n; i++)
        rc_json_time(&j, line, &t[i]);
    rc_json_arr_end(&j);
    rc_json_obj_end(&j);
    rc_buf_putc(&b, '\n');
    status = b.err;
    if (!status)
        status = rc_cli_stdout(NULL, b.data, b.len);
    rc_buf_free(&b);
    rc_arena_free(&a);
    return status;
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_times, argc, argv, RC_OPT_REF, &o);
    if (code >= 0)
        goto out;
    code = RC_EXIT_USAGE;
    if (o.npaths > 0) {
        rc_cli_usage_error("times", "reads standard input; unexpected argument '%s'", o.paths[0]);
        goto out;
    }
    rc_date ref;
    if (o.date)
        rc_date_parse(o.date, &ref); /* checked by rc_cli_parse */
    rc_ctx *ctx = rc_cli_ctx(o.datadir);
    if (!ctx) {
        code = RC_EXIT_INPUT;
        goto out;
    }
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int status = RC_OK, failed = 0;
    while (!status && (got = getline(&line, &cap, stdin)) >= 0) {
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (memchr(line, '\0', len)) {
            fprintf(stderr, "recoupe times: skipped a line holding a NUL byte\n");
            failed = 1;
            continue;
        }
        status = times_line(ctx, line, len, o.date ? &ref : NULL);
    }
    free(line);
    if (fflush(stdout) != 0 && !status)
        status = RC_EIO;
    if (status) {
        fprintf(stderr, "recoupe times: stopped: %s\n", rc_strerror(status));
        failed = 1;
    }
    rc_ctx_free(ctx);
    code = failed ? RC_EXIT_INPUT : RC_EXIT_OK;
out:
    free(o.paths);
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
