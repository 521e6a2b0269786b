/*
 * cmd_extract.c - `recoupe extract`: one JSON object per document, one per line.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

typedef struct extract_run {
    int failed; /* first member: rc_cli_input_error writes it */
    unsigned flags;
    bool timeml; /* --format timeml */
} extract_run;

/* Writes one document as a line of JSON; called in input order. */
static int extract_one(void *ud, const char *path, int status, const rc_doc *doc)
{
    extract_run *r = ud;
    (void)path;
    if (status)
        return status == RC_ENOMEM ? status : 0; /* already named on stderr */
    if (r->timeml)
        return rc_doc_write_timeml(doc, rc_cli_stdout, NULL);
    status = rc_doc_write_json(doc, r->flags, rc_cli_stdout, NULL);
    if (!status && fputc('\n', stdout) == EOF)
        status = RC_EIO;
    return status;
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_extract, argc, argv, RC_OPT_DATE | RC_OPT_TEXT | RC_OPT_JOBS |
                                RC_OPT_EXPLAIN | RC_OPT_FORMAT, NULL, &o);
    if (code >= 0)
        goto out;
    code = RC_EXIT_USAGE;
    if (o.npaths == 0) {
        rc_cli_usage_error("extract", "no input: give files or folders");
        goto out;
    }
    if (o.format && strcmp(o.format, "json") != 0 && strcmp(o.format, "timeml") != 0) {
        rc_cli_usage_error("extract", "--format is json or timeml, not '%s'", o.format);
        goto out;
    }
    extract_run r = {0, (o.text ? RC_JSON_TEXT : 0u) | (o.explain ? RC_JSON_EXPLAIN : 0u),
                     o.format && strcmp(o.format, "timeml") == 0};
    rc_doc_opts dopts = {o.date};
    rc_ctx *ctx = rc_cli_start_opts(&o);
    if (!ctx) {
        code = RC_EXIT_INPUT;
        goto out;
    }
    int status = rc_parse_paths(ctx, o.paths, (size_t)o.npaths, &dopts, o.jobs, extract_one,
                                rc_cli_input_error, &r);
    if (fflush(stdout) != 0 && !status)
        status = RC_EIO;
    if (status) {
        fprintf(stderr, "recoupe extract: stopped: %s\n", rc_strerror(status));
        r.failed = 1;
    }
    rc_ctx_free(ctx);
    code = r.failed ? RC_EXIT_INPUT : RC_EXIT_OK;
out:
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_extract = {
    "extract",
    "one JSON object per document: figures, dates, sources, with their text spans",
    run,
    "usage: recoupe extract [--date D] [--text] [--explain] [--format json|timeml]\n"
    "                       [--jobs N] [--data DIR] [--lexicon DIR] [--tagger] PATH...\n"
    "\n"
    "Reads every document under PATH (files or folders, walked recursively in name order;\n"
    "text, HTML, JSON Lines and WARC, gzip allowed; - for standard input) and writes one JSON\n"
    "object per document, one per line, as described in docs/output.md.\n"
    "\n"
    "  --date D    creation date for documents that carry none (YYYY-MM-DD or\n"
    "              YYYY-MM-DDTHH:MM:SS); relative dates are resolved against it\n"
    "  --text      include the cleaned text all offsets refer to, the sentence spans,\n"
    "              and the noise lines that were dropped\n"
    "  --jobs N    threads working on documents (default: one per core); the output\n"
    "              order is the input order whatever N is\n"
    "  --explain   add to each claim the rules and lexicon entries that made it\n"
    "  --format timeml  write each document as an ISO-TimeML file (DCT, then the text\n"
    "              with its TIMEX3s), as HeidelTime does, instead of JSON\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "  --lexicon DIR  add the lexicon files of DIR (one folder per language, as data/)\n"
    "  --tagger    add the names the statistical entity tagger finds where the rules found\n"
    "              none (off by default; docs/tagger.md)\n"
    "\n"
    "Exit status: 0 success, 1 some input could not be read (the rest is still written),\n"
    "2 usage error.\n",
};
