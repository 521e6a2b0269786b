/*
 * store.c - the SQLite store's handle: opening a file (refusing what is not a recoupe store, a
 * newer schema, a read-only file asked for writing, a lock held too long), migrating its schema,
 * batches of adds in one transaction each, and handing the stored documents back. Every error
 * names the file. The tables are in schema.c, the writers in store_add.c; docs/store.md tells
 * analysts what the tables hold.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/store_int.h"

/* How long a writer waits for another one to finish before giving up, in milliseconds;
 * $RECOUPE_BUSY_TIMEOUT overrides it. */
#define BUSY_TIMEOUT_MS 5000

/* The page size of a new store, and the page cache of a connection. A document is its row (with
 * a JSON of 20 to 30 kB: one or two 16 kB pages) and the rows of its claims. Measured on the
 * bench corpus with schema 2: 32 and 64 kB pages write the same documents no faster (under the
 * noise of a shared machine) and make the file 11% larger; caches of 2, 4 and 16 MB do alike
 * (the pages a batch touches again, those of the indexes, fit in any), 64 MB is slower (more
 * fresh memory per connection). With schema 1 (two dozen indexes), 16 kB pages and a 16 MB
 * cache gave 4x the documents per second of 64 kB pages or a 2 MB cache. */
#define PAGE_SIZE "16384"
#define CACHE_KIB "16384"

int rc_store_fail(rc_store *st, int rc, const char *what)
{
    int prim = rc & 0xff;
    const char *msg = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
    if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
        snprintf(st->err, sizeof st->err, "%s: %s: the store is locked by another program "
                 "(waited %d ms)", st->path, what, st->busy_ms);
    else if (prim == SQLITE_NOTADB)
        snprintf(st->err, sizeof st->err, "%s: not a SQLite database (%s)", st->path, msg);
    else if (prim == SQLITE_READONLY)
        snprintf(st->err, sizeof st->err, "%s: %s: the store cannot be written (%s)", st->path,
                 what, msg);
    else
        snprintf(st->err, sizeof st->err, "%s: %s: %s", st->path, what, msg);
    if (prim == SQLITE_NOMEM)
        return RC_ENOMEM;
    return prim == SQLITE_NOTADB || prim == SQLITE_CORRUPT ? RC_EFORMAT : RC_EIO;
}

int rc_store_exec(rc_store *st, const char *sql)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? RC_OK : rc_store_fail(st, rc, "cannot update the store");
}

/* Reads one integer PRAGMA (user_version, application_id) into *out. */
static int pragma_int(rc_store *st, const char *name, int *out)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s", name);
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        *out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_OK ? RC_OK : rc_store_fail(st, rc, "cannot read the store");
}

/* Whether the database already holds tables (of any program). */
static int has_tables(rc_store *st, int *out)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        *out = rc == SQLITE_ROW && sqlite3_column_int(s, 0) > 0;
        rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_OK ? RC_OK : rc_store_fail(st, rc, "cannot read the store");
}

/* Checks that the file is a recoupe store this build can read (or an empty database it may make
 * one of), and migrates an older schema when writing. */
static int check_schema(rc_store *st)
{
    int app, version, tables, status;
    if ((status = pragma_int(st, "application_id", &app)) ||
        (status = pragma_int(st, "user_version", &version)) || (status = has_tables(st, &tables)))
        return status;
    if ((app != 0 && app != RC_STORE_APP_ID) || (app == 0 && tables && version == 0)) {
        snprintf(st->err, sizeof st->err, "%s: a SQLite database of another program, not a "
                 "recoupe store", st->path);
        return RC_EFORMAT;
    }
    if (version > RC_STORE_VERSION) {
        snprintf(st->err, sizeof st->err, "%s: the store has schema version %d, newer than the "
                 "%d this recoupe knows; use a newer recoupe", st->path, version,
                 RC_STORE_VERSION);
        return RC_EFORMAT;
    }
    if (st->readonly) {
        if (version == 0) {
            snprintf(st->err, sizeof st->err, "%s: an empty database, not a recoupe store",
                     st->path);
            return RC_EFORMAT;
        }
        return RC_OK; /* every version reads: the documents table has not changed shape */
    }
    if (version == RC_STORE_VERSION)
        return RC_OK;
    /* migrate under the write lock, reading the version again in case another writer did */
    if ((status = rc_store_exec(st, "BEGIN IMMEDIATE")))
        return status;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", RC_STORE_APP_ID);
    if (!(status = pragma_int(st, "user_version", &version)) && version < RC_STORE_VERSION &&
        !(status = rc_store_exec(st, sql)))
        status = rc_store_migrate(st, version);
    if (!status)
        return rc_store_exec(st, "COMMIT");
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return status;
}

/* The busy timeout: $RECOUPE_BUSY_TIMEOUT milliseconds when set to a number, else the default. */
static int busy_timeout(void)
{
    const char *s = getenv("RECOUPE_BUSY_TIMEOUT");
    char *end;
    long ms = s && *s ? strtol(s, &end, 10) : -1;
    return s && *s && !*end && ms >= 0 && ms <= 600000 ? (int)ms : BUSY_TIMEOUT_MS;
}

/* Opens the connection and checks what the file is; fills st->err on failure. */
static int store_connect(rc_store *st, unsigned flags)
{
    struct stat sb;
    if (st->readonly && stat(st->path, &sb) != 0) {
        snprintf(st->err, sizeof st->err, "%s: cannot open the store: %s", st->path,
                 strerror(errno));
        return RC_EIO;
    }
    int oflags = (flags & RC_STORE_READONLY) ? SQLITE_OPEN_READONLY
                                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(st->path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        return rc_store_fail(st, rc, "cannot open the store");
    sqlite3_extended_result_codes(st->db, 1);
    st->busy_ms = busy_timeout();
    sqlite3_busy_timeout(st->db, st->busy_ms);
    if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
        snprintf(st->err, sizeof st->err, "%s: the file is read-only; cannot add to the store",
                 st->path);
        return RC_EIO;
    }
    /* a new file gets large pages (no effect on an existing store) */
    if (!st->readonly && sqlite3_exec(st->db, "PRAGMA page_size = " PAGE_SIZE, NULL, NULL, NULL))
        return rc_store_fail(st, sqlite3_errcode(st->db), "cannot open the store");
    int status = check_schema(st);
    if (status || st->readonly)
        return status;
    /* WAL: readers go on while a batch is written. synchronous = FULL: a commit returns once
     * its batch is on the disk, so that neither a crash of the program nor a power cut loses a
     * committed batch. It costs one sync of the WAL per 500 documents: on the bench corpus the
     * same CPU time as NORMAL (which syncs only at checkpoints, about as often) within the noise,
     * and no more wall time than that noise. */
    if ((status = rc_store_exec(st, "PRAGMA journal_mode = WAL")) ||
        (status = rc_store_exec(st, "PRAGMA synchronous = FULL")) ||
        (status = rc_store_exec(st, "PRAGMA cache_size = -" CACHE_KIB)))
        return status;
    return RC_OK;
}

int rc_store_open(const char *path, unsigned flags, char *errbuf, size_t errlen, rc_store **out)
{
    *out = NULL;
    if (!path || !*path) {
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "no store file given");
        return RC_EINVAL;
    }
    rc_store *st = calloc(1, sizeof *st);
    if (!st || !(st->path = strdup(path))) {
        free(st);
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "%s: out of memory", path);
        return RC_ENOMEM;
    }
    st->readonly = (flags & RC_STORE_READONLY) != 0;
    st->claim_json = (rc_buf)RC_BUF_INIT;
    int status = store_connect(st, flags);
    if (status) {
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "%s", st->err);
        rc_store_close(st);
        return status;
    }
    *out = st;
    return RC_OK;
}

void rc_store_close(rc_store *st)
{
    if (!st)
        return;
    if (st->in_batch)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    for (int i = 0; i < ST_N; i++)
        sqlite3_finalize(st->stmt[i]);
    for (int i = 0; i < RC_STORE_CLAIM_ROWS; i++)
        sqlite3_finalize(st->claim_stmt[i]);
    sqlite3_close(st->db);
    rc_buf_free(&st->claim_json);
    free(st->path);
    free(st);
}

int rc_store_begin(rc_store *st)
{
    if (!st || st->in_batch || st->readonly)
        return RC_EINVAL;
    int status = rc_store_exec(st, "BEGIN IMMEDIATE");
    if (status)
        return status;
    /* the time of the ingest, once for the documents of the batch */
    time_t now = time(NULL);
    struct tm tm;
    if (!gmtime_r(&now, &tm) ||
        !strftime(st->added_at, sizeof st->added_at, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(st->added_at, sizeof st->added_at, "1970-01-01T00:00:00Z");
    st->in_batch = true;
    st->batch_err = RC_OK;
    return RC_OK;
}

int rc_store_commit(rc_store *st)
{
    if (!st || !st->in_batch)
        return RC_EINVAL;
    st->in_batch = false;
    if (st->batch_err) { /* an add failed half-way: nothing of the batch is kept */
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return st->batch_err;
    }
    int status = rc_store_exec(st, "COMMIT");
    if (status)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return status;
}

int rc_store_each(rc_store *st, const rc_ctx *ctx, rc_doc_fn fn, void *ud)
{
    if (!st || !ctx || !fn)
        return RC_EINVAL;
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db, "SELECT id, path, json FROM documents ORDER BY seq", -1,
                                &s, NULL);
    if (rc != SQLITE_OK)
        return rc_store_fail(st, rc, "cannot read the documents");
    int status = RC_OK, bad = RC_OK;
    while (!status && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *path = (const char *)sqlite3_column_text(s, 1);
        const char *json = (const char *)sqlite3_column_blob(s, 2);
        size_t len = (size_t)sqlite3_column_bytes(s, 2);
        rc_doc *doc = NULL;
        int got = rc_doc_from_json(ctx, json, len, &doc);
        if (got == RC_ENOMEM) {
            status = got;
            break;
        }
        if (got && !bad) { /* named, and the others still handed over */
            bad = got;
            snprintf(st->err, sizeof st->err, "%s: document %s (%s): stored JSON unreadable: %s",
                     st->path, id ? id : "?", path ? path : "?", rc_strerror(got));
        }
        status = fn(ud, path ? path : "", got, doc);
        rc_doc_free(doc);
    }
    if (!status && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = rc_store_fail(st, rc, "cannot read the documents");
    sqlite3_finalize(s);
    return status ? status : bad;
}

int rc_store_count(rc_store *st, size_t *n)
{
    *n = 0;
    if (!st)
        return RC_EINVAL;
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db, "SELECT count(*) FROM documents", -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            *n = (size_t)sqlite3_column_int64(s, 0);
        rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_OK ? RC_OK : rc_store_fail(st, rc, "cannot count the documents");
}

const char *rc_store_error(const rc_store *st)
{
    return st ? st->err : "no store";
}
