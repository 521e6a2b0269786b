/*
 * store_int.h - the insides of the SQLite store, shared by its modules: the handle with its
 * prepared statements (store.c opens and closes it), the schema and its migrations (schema.c),
 * and the writing of documents and facts (store_add.c). Private to src/store/.
 */
#ifndef RC_STORE_INT_H
#define RC_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "recoupe.h"
#include "util/buf.h"

/* The schema version this build writes (PRAGMA user_version); schema.c has a migration to it
 * from every older version. */
#define RC_STORE_VERSION 4

/* PRAGMA application_id of a recoupe store: "rcou" in ASCII, so that `file` and other programs
 * can tell the file apart from other SQLite databases. */
#define RC_STORE_APP_ID 0x72636f75

/* The statements the writers reuse, prepared on first use. */
enum rc_store_stmt {
    ST_DOC,
    ST_FACT,
    ST_FACT_PLACE,
    ST_FACT_CLAIM,
    ST_FACT_ORIGIN,
    ST_N
};

/* The columns of a row of claims, and how many rows one statement inserts at most: a bench
 * document has 7 claims on average; statements of 16 rows measured no fewer instructions. */
#define RC_STORE_CLAIM_COLS 24
#define RC_STORE_CLAIM_ROWS 8

struct rc_store {
    sqlite3 *db;
    char *path;        /* as given, for messages */
    bool readonly;
    int busy_ms;       /* how long a write waits for another writer */
    bool in_batch;     /* between rc_store_begin and rc_store_commit */
    int batch_err;     /* the first failure of an add in the batch: the commit rolls back */
    sqlite3_stmt *stmt[ST_N];
    sqlite3_stmt *claim_stmt[RC_STORE_CLAIM_ROWS]; /* [k]: inserts k + 1 claims at once */
    char added_at[24]; /* the UTC time of the batch, YYYY-MM-DDTHH:MM:SSZ, for its documents */
    rc_buf claim_json; /* a claim's parts, places and sources, as JSON arrays */
    char err[1024];
};

/* Records "PATH: what (sqlite's message)" as the store's last error; returns the status that
 * goes with sqlite's result code rc (RC_EIO for most, RC_EFORMAT for a file that is not a
 * database, RC_ENOMEM). */
int rc_store_fail(rc_store *st, int rc, const char *what);

/* Runs SQL that returns no rows; on failure records the error (rc_store_fail) and returns it. */
int rc_store_exec(rc_store *st, const char *sql);

/* Brings the schema from version `from` to RC_STORE_VERSION, one step per version, inside the
 * caller's transaction. A step never loses what is stored: it adds tables, columns and indexes,
 * and a table it drops is one whose content is kept elsewhere (1 -> 2: the detail tables, whose
 * content is in documents.json and in the new columns of claims, become views; 2 -> 3: the views
 * also read the compact JSON of RC_JSON_COMPACT; 3 -> 4: the compact JSON leaves out null members
 * inside the stages' arrays, which older builds cannot read). Returns RC_OK or
 * the failure (recorded in st). */
int rc_store_migrate(rc_store *st, int from);

/* The text of a prepared statement of the writers. */
const char *rc_store_sql(enum rc_store_stmt which);

/* Appends to out the statement that inserts `rows` claims at once, RC_STORE_CLAIM_COLS
 * parameters per row in the order of the columns (doc, claim, n, text ...). */
void rc_store_claims_sql(rc_buf *out, size_t rows);

#endif
