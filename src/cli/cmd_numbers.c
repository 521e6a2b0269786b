/*
 * cmd_numbers.c - `recoupe numbers`: the number recognizer on standard input, one case per line,
 * one JSON object per line: {"input": "...", "numbers": [NUMBER...]}.
 */
#include "cli/cli.h"
#include "core/doc.h"
#include "lang/fr/numbers.h"
#include "util/buf.h"
#include "util/json.h"

/* Recognises the figures of one line and writes its JSON object; ud points to the RC_FRNUM_*
 * flags. Returns a status. */
static int numbers_line(void *ud, const rc_ctx *ctx, rc_buf *out, const char *line, size_t len)
{
    const unsigned *flags = ud;
    rc_arena a;
    rc_arena_init(&a);
    rc_number *nums;
    size_t n;
    int status = rc_fr_numbers_ex(ctx->fr, line, len, *flags, &a, &nums, &n);
    if (!status) {
        rc_json j;
        rc_cli_case_begin(&j, out, line, len, "numbers");
        for (size_t i = 0; i < n; i++)
            rc_json_number(&j, line, &nums[i]);
        status = rc_cli_case_end(&j, out);
    }
    rc_arena_free(&a);
    return status;
}

static int run(int argc, char **argv)
{
    static const char *const extra[] = {"--articles", "--relative", NULL};
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_numbers, argc, argv, 0, extra, &o);
    if (code < 0) {
        unsigned flags =
            ((o.flags & 1) ? RC_FRNUM_ARTICLES : 0) | ((o.flags & 2) ? RC_FRNUM_RELATIVE : 0);
        code = rc_cli_lines("numbers", &o, numbers_line, &flags);
    }
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_numbers = {
    "numbers",
    "the number recognizer on standard input: one case per line, one JSON object per line",
    run,
    "usage: recoupe numbers [--articles] [--relative] [--data DIR] < CASES\n"
    "\n"
    "Reads French text from standard input, one case per line, and writes for each line\n"
    "{\"input\": \"...\", \"numbers\": [NUMBER...]}, as described in docs/numbers.md:\n"
    "figures, number words, ordinals, percentages, fractions, vague quantities and ranges,\n"
    "with the bounds their wording implies. Offsets are bytes into the input line.\n"
    "\n"
    "  --articles  read every \"un\"/\"une\" as the number 1, articles included\n"
    "              (the convention of Recognizers-Text); by default they count only\n"
    "              inside a number (vingt et un, un million, un tiers)\n"
    "  --relative  also report relative ordinals (dernier, avant-dernier, prochain),\n"
    "              with an extra \"relative\" field such as \"end-1\"\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "\n"
    "Exit status: 0 success, 1 the data could not be loaded or output failed, 2 usage error.\n",
};
