/*
 * cmd_numbers.c - `recoupe numbers`: the number recognizer on standard input, one case per line,
 * one JSON object per line: {"input": "...", "numbers": [NUMBER...]}.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "extract/doc_int.h"
#include "lang/fr/numbers.h"
#include "text/fold.h"
#include "util/buf.h"
#include "util/json.h"

/* Copies line into b, replacing bytes that are not UTF-8 by U+FFFD, so that the echoed input
 * and the offsets agree and the JSON stays valid. */
static void clean_line(rc_buf *b, const char *line, size_t len)
{
    rc_buf_reset(b);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = rc_utf8_decode((const unsigned char *)line + i, len - i, &cp);
        if (k == 0 || cp == 0) {
            rc_buf_append(b, "\xef\xbf\xbd", 3);
            i++;
        } else {
            rc_buf_append(b, line + i, k);
            i += k;
        }
    }
    rc_buf_append(b, "", 1); /* the recognizer reads the NUL after the text */
    b->len--;
}

static int run(int argc, char **argv)
{
    const char *datadir = NULL;
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(rc_cmd_numbers.usage, stdout);
            return RC_EXIT_OK;
        } else if (strcmp(a, "--articles") == 0) {
            flags |= RC_FRNUM_ARTICLES;
        } else if (strcmp(a, "--relative") == 0) {
            flags |= RC_FRNUM_RELATIVE;
        } else if (strcmp(a, "--data") == 0 || strncmp(a, "--data=", 7) == 0) {
            datadir = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : "");
            if (!*datadir)
                return rc_cli_usage_error("numbers", "--data needs a folder");
        } else {
            return rc_cli_usage_error("numbers", "unknown argument '%s'", a);
        }
    }
    rc_ctx *ctx = rc_cli_ctx(datadir);
    if (!ctx)
        return RC_EXIT_INPUT;
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    rc_buf in = RC_BUF_INIT, out = RC_BUF_INIT;
    rc_arena arena;
    rc_arena_init(&arena);
    int status = RC_OK;
    while (!status && (got = getline(&line, &cap, stdin)) >= 0) {
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        clean_line(&in, line, n);
        rc_number *nums = NULL;
        size_t nnums = 0;
        if (in.err || (status = rc_fr_numbers_ex(ctx->fr, in.data, in.len, flags, &arena, &nums,
                                                 &nnums)))
            status = status ? status : in.err;
        if (status)
            break;
        rc_buf_reset(&out);
        rc_json j;
        rc_json_init(&j, &out);
        rc_json_obj(&j);
        rc_json_key(&j, "input");
        rc_json_str(&j, in.data, in.len);
        rc_json_key(&j, "numbers");
        rc_json_arr(&j);
        for (size_t i = 0; i < nnums; i++)
            rc_json_number(&j, in.data, &nums[i]);
        rc_json_arr_end(&j);
        rc_json_obj_end(&j);
        rc_buf_putc(&out, '\n');
        if (out.err)
            status = out.err;
        else if (fwrite(out.data, 1, out.len, stdout) != out.len)
            status = RC_EIO;
        rc_arena_free(&arena);
    }
    if (fflush(stdout) != 0 && !status)
        status = RC_EIO;
    if (status)
        fprintf(stderr, "recoupe numbers: stopped: %s\n", rc_strerror(status));
    free(line);
    rc_buf_free(&in);
    rc_buf_free(&out);
    rc_arena_free(&arena);
    rc_ctx_free(ctx);
    return status ? RC_EXIT_INPUT : RC_EXIT_OK;
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
