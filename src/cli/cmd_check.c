/*
 * cmd_check.c - `recoupe check`: reads documents (paths or a store), cross-checks their claims
 * into facts and writes one JSON object, a terminal table or CSV (docs/crosscheck.md).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

typedef struct check_run {
    int failed; /* first member: rc_cli_input_error writes it */
    rc_check *chk;
} check_run;

/* Copies one document into the check; called in input order, the document freed after. */
static int check_one(void *ud, const char *path, int status, const rc_doc *doc)
{
    check_run *r = ud;
    if (status) {
        r->failed = 1;
        return status == RC_ENOMEM ? status : 0; /* already named on stderr */
    }
    status = rc_check_add(r->chk, doc);
    if (status)
        fprintf(stderr, "recoupe check: %s: %s\n", path ? path : "?", rc_strerror(status));
    return status;
}

/* The output format named by --format, or -1. */
static int format_of(const char *name)
{
    if (!name || strcmp(name, "json") == 0)
        return RC_CHECK_JSON;
    if (strcmp(name, "text") == 0)
        return RC_CHECK_TEXT;
    if (strcmp(name, "csv") == 0)
        return RC_CHECK_CSV;
    return -1;
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_check, argc, argv,
                            RC_OPT_DATE | RC_OPT_JOBS | RC_OPT_DB | RC_OPT_FORMAT, NULL, &o);
    if (code >= 0)
        goto out;
    code = RC_EXIT_USAGE;
    int format = format_of(o.format);
    if (format < 0) {
        rc_cli_usage_error("check", "unknown format '%s' (want json, text or csv)", o.format);
        goto out;
    }
    if (!rc_cli_paths_or_db("check", &o))
        goto out;
    rc_ctx *ctx = rc_cli_start_opts(&o);
    if (!ctx) {
        code = RC_EXIT_INPUT;
        goto out;
    }
    check_run r = {0, NULL};
    int status = rc_check_new(ctx, &r.chk);
    if (!status) {
        status = rc_cli_docs(&o, ctx, check_one, &r);
        if (status && o.db) /* the store could not be read: nothing to check */
            r.failed = 1;
        else if (status)
            fprintf(stderr, "recoupe check: stopped: %s\n", rc_strerror(status));
    }
    if (!status || !o.db) {
        int st2 = rc_check_run(r.chk);
        unsigned flags = 0;
        const char *nc = getenv("NO_COLOR");
        if (format == RC_CHECK_TEXT && isatty(STDOUT_FILENO) && !(nc && *nc))
            flags |= RC_CHECK_COLOR;
        if (!st2)
            st2 = rc_check_write(r.chk, (rc_check_format)format, flags, rc_cli_stdout, NULL);
        if (fflush(stdout) != 0 && !st2)
            st2 = RC_EIO;
        if (st2) {
            fprintf(stderr, "recoupe check: %s\n", rc_strerror(st2));
            r.failed = 1;
        }
    }
    if (status)
        r.failed = 1;
    rc_check_free(r.chk);
    rc_ctx_free(ctx);
    code = r.failed ? RC_EXIT_INPUT : RC_EXIT_OK;
out:
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_check = {
    "check",
    "cross-check the figures of many articles: facts, estimates, origins, relays",
    run,
    "usage: recoupe check [--date D] [--format json|text|csv] [--jobs N] [--data DIR]\n"
    "                     [--lexicon DIR] PATH...\n"
    "       recoupe check --db FILE [--format json|text|csv]\n"
    "\n"
    "Reads every document under PATH (as extract does) or every document of a store, groups\n"
    "the claims that measure the same thing into facts and writes the cross-check: for each\n"
    "fact its claims, a low, best and high estimate, its independent origins and a status\n"
    "(single, agree, close, conflict). Near-duplicate documents are reported as relays of\n"
    "one original. The rules are in docs/crosscheck.md.\n"
    "\n"
    "  --format F  json (default): one JSON object; text: an aligned table for a terminal\n"
    "              (coloured on a terminal unless NO_COLOR is set); csv: one row per claim\n"
    "              with its fact's columns, for spreadsheets\n"
    "  --date D    creation date for documents that carry none (YYYY-MM-DD or\n"
    "              YYYY-MM-DDTHH:MM:SS)\n"
    "  --db FILE   read the documents of a store made by `recoupe ingest` instead of paths\n"
    "  --jobs N    threads working on documents (default: one per core)\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "  --lexicon DIR  add the lexicon files of DIR (one folder per language, as data/)\n"
    "  --tagger    add the names the statistical entity tagger finds where the rules found\n"
    "              none (off by default; docs/tagger.md)\n"
    "\n"
    "Exit status: 0 success, 1 some input could not be read (the rest is still checked),\n"
    "2 usage error.\n",
};
