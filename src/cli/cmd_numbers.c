/*
 * cmd_numbers.c - `recoupe numbers`: the number recognizer on standard input, one case per line,
 * one JSON object per line: {"input": "...", "numbers": [NUMBER...]}.
 */
#include "cli/cli.h"
#include "util/buf.h"
#include "util/json.h"

/* Recognises the figures of one line and writes its JSON object; ud points to the
 * RC_NUMBERS_* flags. Returns a status. */
static int numbers_line(void *ud, const rc_ctx *ctx, rc_buf *out, const char *line, size_t len)
{
    const unsigned *flags = ud;
    rc_cli_case_begin(out, line, len, "numbers");
    int status = rc_text_numbers(ctx, line, len, *flags, rc_cli_buf_append, out);
    return status ? status : rc_cli_case_end(out);
}

static int run(int argc, char **argv)
{
    static const char *const extra[] = {"--articles", "--relative", NULL};
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_numbers, argc, argv, 0, extra, &o);
    if (code < 0) {
        unsigned flags =
            ((o.flags & 1) ? RC_NUMBERS_ARTICLES : 0u) | ((o.flags & 2) ? RC_NUMBERS_RELATIVE : 0u);
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
