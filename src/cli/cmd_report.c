/*
 * cmd_report.c - `recoupe report`: the self-contained HTML dossier of the documents and their
 * cross-check, written to a temporary file beside the output and renamed into place, so that a
 * reader never sees half a dossier.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

typedef struct report_run {
    int failed; /* first member: rc_cli_input_error writes it */
    rc_check *chk; /* NULL when the cross-check is not available */
    rc_report *rep;
    size_t ndocs;
} report_run;

/* Adds one document to the check and the dossier, in input order. */
static int report_one(void *ud, const char *path, int status, const rc_doc *doc)
{
    report_run *r = ud;
    (void)path;
    if (status)
        return status == RC_ENOMEM ? status : 0; /* already named on stderr */
    if (r->chk && (status = rc_check_add(r->chk, doc)) != RC_OK) {
        if (status == RC_ENOMEM)
            return status;
        rc_check_free(r->chk); /* a check missing a document would misplace the facts */
        r->chk = NULL;
    }
    status = rc_report_add(r->rep, doc);
    r->ndocs += status == RC_OK;
    return status;
}

/* Writes bytes to the FILE given as ud. */
static int write_file(void *ud, const char *bytes, size_t len)
{
    return fwrite(bytes, 1, len, (FILE *)ud) == len ? 0 : RC_EIO;
}

/* Writes the dossier to path through a temporary file in the same folder. */
static int write_dossier(const char *path, const report_run *r)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 32);
    if (!tmp)
        return RC_ENOMEM;
    snprintf(tmp, n + 32, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "recoupe report: cannot write %s: %s\n", tmp, strerror(errno));
        free(tmp);
        return RC_EIO;
    }
    int status = rc_report_write(r->rep, r->chk, write_file, f);
    if (fclose(f) != 0 && !status)
        status = RC_EIO;
    if (!status && rename(tmp, path) != 0) {
        fprintf(stderr, "recoupe report: cannot rename %s to %s: %s\n", tmp, path,
                strerror(errno));
        status = RC_EIO;
    }
    if (status)
        remove(tmp);
    free(tmp);
    return status;
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_report, argc, argv,
                            RC_OPT_DATE | RC_OPT_JOBS | RC_OPT_DB | RC_OPT_OUT, NULL, &o);
    if (code >= 0)
        goto out;
    code = RC_EXIT_USAGE;
    if (!o.output) {
        rc_cli_usage_error("report", "no output: give -o FILE.html");
        goto out;
    }
    if (!rc_cli_paths_or_db("report", &o))
        goto out;
    rc_ctx *ctx = rc_cli_start_opts(&o);
    if (!ctx) {
        code = RC_EXIT_INPUT;
        goto out;
    }
    report_run r = {0, NULL, NULL, 0};
    int status = rc_report_new(ctx, &r.rep);
    if (!status && rc_check_new(ctx, &r.chk) != RC_OK)
        r.chk = NULL; /* the dossier is still written, with no facts */
    if (!status)
        status = rc_cli_docs(&o, ctx, report_one, &r);
    if (!status && r.chk && rc_check_run(r.chk) != RC_OK) {
        fprintf(stderr, "recoupe report: the cross-check failed; the dossier has no facts\n");
        rc_check_free(r.chk);
        r.chk = NULL;
    }
    if (!status)
        status = write_dossier(o.output, &r);
    if (status) {
        fprintf(stderr, "recoupe report: stopped: %s\n", rc_strerror(status));
        r.failed = 1;
    } else {
        fprintf(stderr, "recoupe report: %zu documents written to %s\n", r.ndocs, o.output);
    }
    rc_check_free(r.chk);
    rc_report_free(r.rep);
    rc_ctx_free(ctx);
    code = r.failed ? RC_EXIT_INPUT : RC_EXIT_OK;
out:
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_report = {
    "report",
    "a self-contained HTML dossier: sources, facts, timeline, map, framing, speakers",
    run,
    "usage: recoupe report -o FILE.html [--date D] [--jobs N] [--data DIR] [--lexicon DIR]\n"
    "                      PATH...\n"
    "       recoupe report -o FILE.html --db FILE\n"
    "\n"
    "Reads every document under PATH (as extract does), or the documents of a store, cross-checks\n"
    "them and writes one HTML file that needs nothing else to be read, on screen or on paper:\n"
    "the sources and their dates, the facts with the value each origin gives and whether they\n"
    "agree, a timeline of the claims by outlet, a map of the places, the words each outlet uses,\n"
    "the speakers and their quotes, and each article with its figures highlighted. The page has\n"
    "no script and loads nothing; addresses from articles are shown as text.\n"
    "\n"
    "  -o FILE     the dossier to write (replaced in one step when complete)\n"
    "  --db FILE   read the documents of a store made by `recoupe ingest` instead of paths\n"
    "  --date D    creation date for documents that carry none (YYYY-MM-DD or\n"
    "              YYYY-MM-DDTHH:MM:SS); relative dates are resolved against it\n"
    "  --jobs N    threads working on documents (default: one per core)\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "  --lexicon DIR  add the lexicon files of DIR (one folder per language, as data/)\n"
    "  --tagger    add the names the statistical entity tagger finds where the rules found\n"
    "              none (off by default; docs/tagger.md)\n"
    "\n"
    "Exit status: 0 success, 1 some input could not be read (the rest is in the dossier),\n"
    "2 usage error.\n",
};
