/*
 * cmd_ingest.c - `recoupe ingest`: parses documents into a SQLite store, in batches of one
 * transaction each, then cross-checks every document of the store and saves the facts. A
 * document already stored (same id: same raw bytes) is left as it is, so ingesting a folder
 * again changes nothing and a folder that grew adds only its new files. The documents stored
 * before the run are read back for the cross-check first; those the run adds join it as they
 * are written, so that they are not read back.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Documents written per transaction: large enough that commits cost little, small enough that
 * an interrupted run loses little. */
#define BATCH 500

typedef struct ingest_run {
    int failed; /* first member: rc_cli_input_error writes it */
    rc_store *st;
    size_t added, present, in_batch;
    rc_check *chk;  /* every document of the store, NULL when the build has no cross-check */
    int chk_status; /* the first failure of feeding chk: no facts are saved */
} ingest_run;

/* Adds one parsed document; called in input order. */
static int ingest_one(void *ud, const char *path, int status, const rc_doc *doc)
{
    ingest_run *r = ud;
    (void)path;
    if (status)
        return status == RC_ENOMEM ? status : 0; /* already named on stderr */
    if (r->in_batch == 0 && (status = rc_store_begin(r->st)))
        return status;
    int added;
    if ((status = rc_store_add(r->st, doc, &added)))
        return status;
    if (added) {
        r->added++;
        if (r->chk && !r->chk_status)
            r->chk_status = rc_check_add(r->chk, doc); /* as read back, without reading it */
    } else {
        r->present++;
    }
    if (++r->in_batch == BATCH) {
        r->in_batch = 0;
        return rc_store_commit(r->st);
    }
    return RC_OK;
}

/* Hands a stored document to the cross-check. */
static int check_one(void *ud, const char *path, int status, const rc_doc *doc)
{
    (void)path;
    return status ? RC_OK : rc_check_add(ud, doc); /* an unreadable row is named at the end */
}

/* Starts the cross-check of the run with the documents stored before it, in the order they were
 * added; *before is their number. Returns RC_OK, or RC_EINVAL when the cross-check is not
 * available in this build (r->chk stays NULL), or the failure of reading the store. */
static int check_start(ingest_run *r, const rc_ctx *ctx, size_t *before)
{
    int status = rc_check_new(ctx, &r->chk);
    if (status)
        return status;
    if ((status = rc_store_count(r->st, before)))
        return status;
    return rc_store_each(r->st, ctx, check_one, r->chk);
}

/* Runs the cross-check of the whole store and saves its facts. When the store does not hold the
 * documents the check was given (another program added some meanwhile), the check is made again
 * from every stored document. */
static int recompute_facts(ingest_run *r, const rc_ctx *ctx, size_t before, size_t *nfacts)
{
    size_t now;
    int status = rc_store_count(r->st, &now);
    if (!status && now != before + r->added) {
        rc_check_free(r->chk);
        r->chk = NULL;
        if (!(status = rc_check_new(ctx, &r->chk)))
            status = rc_store_each(r->st, ctx, check_one, r->chk);
    }
    if (!status)
        status = rc_check_run(r->chk);
    if (!status)
        status = rc_store_save_facts(r->st, r->chk);
    if (!status)
        rc_check_facts(r->chk, nfacts);
    return status;
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_ingest, argc, argv, RC_OPT_DATE | RC_OPT_JOBS | RC_OPT_DB,
                            NULL, &o);
    if (code >= 0)
        goto out;
    code = RC_EXIT_USAGE;
    if (o.npaths == 0) {
        rc_cli_usage_error("ingest", "no input: give files or folders");
        goto out;
    }
    const char *db = o.db ? o.db : "recoupe.db";
    code = RC_EXIT_INPUT;
    rc_ctx *ctx = rc_cli_start_opts(&o);
    if (!ctx)
        goto out;
    char err[1024];
    ingest_run r = {0};
    int status = rc_store_open(db, 0, err, sizeof err, &r.st);
    if (status) {
        fprintf(stderr, "recoupe ingest: %s\n", err);
        rc_ctx_free(ctx);
        goto out;
    }
    size_t before = 0;
    char check_err[1024] = "";
    r.chk_status = check_start(&r, ctx, &before);
    if (r.chk_status && r.chk_status != RC_EINVAL)
        snprintf(check_err, sizeof check_err, "%s", rc_store_error(r.st));
    rc_doc_opts dopts = {o.date};
    status = rc_parse_paths(ctx, o.paths, (size_t)o.npaths, &dopts, o.jobs, ingest_one,
                            rc_cli_input_error, &r);
    if (r.in_batch) {
        int cstatus = rc_store_commit(r.st);
        status = status ? status : cstatus;
    }
    if (status) {
        fprintf(stderr, "recoupe ingest: stopped: %s\n", status == RC_EIO || status == RC_EFORMAT
                                                             ? rc_store_error(r.st)
                                                             : rc_strerror(status));
        r.failed = 1;
    } else {
        size_t nfacts = 0;
        int fstatus = r.chk_status ? r.chk_status : recompute_facts(&r, ctx, before, &nfacts);
        if (fstatus == RC_EINVAL)
            fprintf(stderr, "recoupe ingest: facts not computed: the cross-check is not "
                            "available in this build\n");
        else if (fstatus) {
            fprintf(stderr, "recoupe ingest: facts not computed: %s\n",
                    *check_err              ? check_err
                    : *rc_store_error(r.st) ? rc_store_error(r.st)
                                            : rc_strerror(fstatus));
            r.failed = 1;
        }
        fprintf(stderr, "recoupe ingest: %s: %zu document%s added, %zu already there",
                db, r.added, r.added == 1 ? "" : "s", r.present);
        if (!fstatus)
            fprintf(stderr, ", %zu fact%s", nfacts, nfacts == 1 ? "" : "s");
        fputc('\n', stderr);
    }
    rc_check_free(r.chk);
    rc_store_close(r.st);
    rc_ctx_free(ctx);
    code = r.failed ? RC_EXIT_INPUT : RC_EXIT_OK;
out:
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_ingest = {
    "ingest",
    "store documents, their claims and the facts in a SQLite database",
    run,
    "usage: recoupe ingest [--db FILE] [--date D] [--jobs N] [--data DIR] [--lexicon DIR]\n"
    "                      PATH...\n"
    "\n"
    "Reads every document under PATH (as extract does) and adds it to the SQLite store FILE\n"
    "(default: recoupe.db, created when missing), then cross-checks every document of the\n"
    "store and replaces its facts. A document already stored (the same bytes) is left as\n"
    "it is: ingesting the same files again changes nothing. 'recoupe check --db FILE' and\n"
    "'recoupe report --db FILE' read the store instead of files; docs/store.md describes\n"
    "its tables for SQL queries. A summary line goes to standard error.\n"
    "\n"
    "  --db FILE   the store (default: recoupe.db)\n"
    "  --date D    creation date for documents that carry none (YYYY-MM-DD or\n"
    "              YYYY-MM-DDTHH:MM:SS)\n"
    "  --jobs N    threads working on documents (default: one per core)\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "  --lexicon DIR  add the lexicon files of DIR (one folder per language, as data/)\n"
    "  --tagger    add the names the statistical entity tagger finds where the rules found\n"
    "              none (off by default; docs/tagger.md)\n"
    "\n"
    "A writer waits up to 5 s ($RECOUPE_BUSY_TIMEOUT milliseconds) for another one.\n"
    "Exit status: 0 success, 1 some input could not be read or the store could not be\n"
    "written (named on standard error), 2 usage error.\n",
};
