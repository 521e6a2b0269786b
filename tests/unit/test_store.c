/*
 * test_store.c - the SQLite store: a new file gets the schema; adding the same document twice
 * stores it once; a reopened store hands its documents back as they were written; files that
 * are not a store, a newer schema, another program's database, a read-only open of a missing
 * file and a lock held by another writer are refused with the file named and nothing changed.
 */
#include "rc_test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "full_doc.h"
#include "util/buf.h"

/* A fresh folder for one test's files, removed by the shell's rm at the end of the test. */
static char dir[256];

static int dir_setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rc_store_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int dir_teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* dir/name in a static buffer. */
static const char *in_dir(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static int to_buf(void *ud, const char *bytes, size_t len)
{
    rc_buf *b = ud;
    rc_buf_append(b, bytes, len);
    return b->err;
}

/* One integer from a query on a database file, read with SQLite directly. */
static long long query_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    long long v = -1;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

/* Runs SQL on a file with SQLite directly, as another program would. */
static void exec_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* The whole content of a file, for checking that a refused file was not touched. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *b = malloc(1 << 16);
    *len = fread(b, 1, 1 << 16, f);
    fclose(f);
    return b;
}

struct each_state {
    rc_buf *b;
    int n;
};

/* Writes each document handed back as a line of JSON. */
static int each_fn(void *ud, const char *p, int status, const rc_doc *doc)
{
    struct each_state *es = ud;
    (void)p;
    assert_int_equal(status, RC_OK);
    rc_doc_write_json(doc, RC_JSON_TEXT, to_buf, es->b);
    rc_buf_putc(es->b, '\n');
    es->n++;
    return 0;
}

static const char *const texts[] = {
    "Les secours ont évacué 120 blessés mardi à Vardes, selon la protection civile.",
    "« Nous avons compté 40 morts », a déclaré jeudi le maire de Sarne.",
    "Le convoi humanitaire est arrivé au col après trois jours de route.",
};

static void test_create_add_each(void **state)
{
    const rc_ctx *ctx = *state;
    const char *path = in_dir("a.db");
    char err[512];
    rc_store *st;
    assert_int_equal(rc_store_open(path, 0, err, sizeof err, &st), RC_OK);
    assert_int_equal(query_int(path, "PRAGMA user_version"), 4);
    rc_doc *docs[4];
    rc_buf want = RC_BUF_INIT;
    for (size_t i = 0; i < 3; i++)
        docs[i] = rc_test_doc(ctx, texts[i], strlen(texts[i]), "2021-03-04");
    assert_int_equal(rc_doc_from_json(ctx, full, strlen(full), &docs[3]), RC_OK);
    assert_int_equal(rc_store_begin(st), RC_OK);
    for (size_t i = 0; i < 4; i++) {
        int added = -1;
        assert_int_equal(rc_store_add(st, docs[i], &added), RC_OK);
        assert_int_equal(added, 1);
        rc_doc_write_json(docs[i], RC_JSON_TEXT, to_buf, &want);
        rc_buf_putc(&want, '\n');
    }
    assert_int_equal(rc_store_commit(st), RC_OK);
    /* again, alone and in a batch: nothing new */
    int added = -1;
    assert_int_equal(rc_store_add(st, docs[1], &added), RC_OK);
    assert_int_equal(added, 0);
    assert_int_equal(rc_store_begin(st), RC_OK);
    assert_int_equal(rc_store_add(st, docs[3], &added), RC_OK);
    assert_int_equal(added, 0);
    assert_int_equal(rc_store_commit(st), RC_OK);
    rc_store_close(st);
    for (size_t i = 0; i < 4; i++)
        rc_doc_free(docs[i]);
    assert_int_equal(query_int(path, "SELECT count(*) FROM documents"), 4);
    /* the rows of the full document */
    assert_int_equal(query_int(path, "SELECT count(*) FROM entities WHERE doc = "
                                     "'00112233aabbccdd'"), 2);
    assert_int_equal(query_int(path, "SELECT value FROM claims WHERE claim = 'c1' AND "
                                     "what = 'killed' AND who = 'civilians' AND "
                                     "source = 'Paul Roux' AND time_from = '2016-12-12' "
                                     "AND high IS NULL"), 82);
    assert_int_equal(query_int(path, "SELECT value FROM claim_parts WHERE who = 'women'"), 11);
    assert_int_equal(query_int(path, "SELECT count(*) FROM claim_places WHERE name = 'Alep'"), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM attribution_sources WHERE "
                                     "key = 'paul roux' AND type = 'PER'"), 1);
    assert_int_equal(query_int(path, "SELECT count FROM framing WHERE term = 'rebelles'"), 2);
    assert_int_equal(query_int(path, "SELECT chars FROM documents WHERE id = "
                                     "'00112233aabbccdd'"), 62);
    /* stored compact: no texts of spans, the claim's sentence by position; the views cut the
     * texts again from the document's */
    assert_int_equal(query_int(path, "SELECT count(*) FROM documents WHERE id = "
                                     "'00112233aabbccdd' AND json_extract(json, "
                                     "'$.entities[1].text') IS NULL AND json_extract(json, "
                                     "'$.claims[0].sentence_index') = 0"), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM entities WHERE doc = "
                                     "'00112233aabbccdd' AND n = 1 AND text = 'Alep' AND "
                                     "start = 58"), 1);
    assert_int_equal(query_int(path, "SELECT count(*) FROM quotes WHERE "
                                     "text = 'Nous avons compté 40 morts'"), 1);

    /* reopened read-only: every document back, in the order added, as it was written */
    assert_int_equal(rc_store_open(path, RC_STORE_READONLY, err, sizeof err, &st), RC_OK);
    rc_buf got = RC_BUF_INIT;
    assert_int_equal(rc_store_begin(st), RC_EINVAL); /* read-only: no writes */
    struct each_state es = {&got, 0};
    assert_int_equal(rc_store_each(st, ctx, each_fn, &es), RC_OK);
    assert_int_equal(es.n, 4);
    rc_buf_append(&want, "", 0);
    rc_buf_append(&got, "", 0);
    assert_string_equal(want.data, got.data);
    rc_store_close(st);
    rc_buf_free(&want);
    rc_buf_free(&got);
}

/* A document with more claims than one statement inserts (they go in by groups of rows): every
 * claim has its row, in order, with its own id, text and figure. */
static void test_many_claims(void **state)
{
    const rc_ctx *ctx = *state;
    const char *path = in_dir("many.db");
    char text[4096];
    size_t len = 0;
    for (int i = 0; i < 19; i++)
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "Les secours ont évacué %d blessés de la ville de Vardes. ",
                                100 + 10 * i);
    rc_doc *doc = rc_test_doc(ctx, text, len, "2021-03-04");
    size_t nclaims;
    rc_doc_claims(doc, &nclaims);
    assert_true(nclaims > 2 * 8);
    char err[512];
    rc_store *st;
    assert_int_equal(rc_store_open(path, 0, err, sizeof err, &st), RC_OK);
    int added = 0;
    assert_int_equal(rc_store_add(st, doc, &added), RC_OK);
    assert_int_equal(added, 1);
    rc_store_close(st);
    rc_doc_free(doc);
    char sql[256];
    assert_int_equal(query_int(path, "SELECT count(*) FROM claims"), (long long)nclaims);
    assert_int_equal(query_int(path, "SELECT count(DISTINCT claim) FROM claims"),
                     (long long)nclaims);
    for (size_t i = 0; i < nclaims; i++) {
        snprintf(sql, sizeof sql, "SELECT n FROM claims WHERE claim = 'c%zu'", i + 1);
        assert_int_equal(query_int(path, sql), (long long)i);
    }
    /* the figures in the order of the text, each row's text its own */
    assert_int_equal(query_int(path, "SELECT value FROM claims WHERE n = 0"), 100);
    assert_int_equal(query_int(path, "SELECT value FROM claims WHERE n = 18"), 280);
    assert_int_equal(query_int(path, "SELECT count(*) FROM claims WHERE text LIKE '%' ||"
                                     " CAST(value AS INTEGER) || ' blessés%'"),
                     (long long)nclaims);
}

/* Opening path must fail with status, a message naming the file and containing word, and the
 * file's bytes unchanged. */
static void refused(const char *path, unsigned flags, int status, const char *word)
{
    size_t n1, n2;
    char *before = slurp(path, &n1);
    char err[512] = "";
    rc_store *st = (rc_store *)1;
    assert_int_equal(rc_store_open(path, flags, err, sizeof err, &st), status);
    assert_null(st);
    if (!strstr(err, path) || !strstr(err, word))
        fprintf(stderr, "message: %s\n", err);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, word));
    char *after = slurp(path, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(before, after, n1);
    free(before);
    free(after);
}

static void test_not_a_store(void **state)
{
    (void)state;
    const char *path = in_dir("notes.db");
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 40; i++)
        fprintf(f, "Ceci est un fichier texte, pas une base de données. Ligne %d.\n", i);
    fclose(f);
    refused(path, 0, RC_EFORMAT, "not a SQLite database");
    refused(path, RC_STORE_READONLY, RC_EFORMAT, "not a SQLite database");

    path = in_dir("other.db"); /* another program's database */
    exec_sql(path, "CREATE TABLE t (x); INSERT INTO t VALUES (42)");
    refused(path, 0, RC_EFORMAT, "another program");
    assert_int_equal(query_int(path, "SELECT x FROM t"), 42);
}

static void test_newer_schema(void **state)
{
    (void)state;
    const char *path = in_dir("new.db");
    char err[512];
    rc_store *st;
    assert_int_equal(rc_store_open(path, 0, err, sizeof err, &st), RC_OK);
    rc_store_close(st);
    exec_sql(path, "PRAGMA user_version = 7; CREATE TABLE later (x)");
    refused(path, 0, RC_EFORMAT, "newer");
    refused(path, RC_STORE_READONLY, RC_EFORMAT, "newer");
    assert_int_equal(query_int(path, "PRAGMA user_version"), 7);
}

static void test_readonly(void **state)
{
    (void)state;
    const char *path = in_dir("missing.db");
    char err[512];
    rc_store *st;
    assert_int_not_equal(rc_store_open(path, RC_STORE_READONLY, err, sizeof err, &st), RC_OK);
    assert_non_null(strstr(err, path));
    assert_int_equal(access(path, F_OK), -1); /* not created */
    /* an empty file becomes a store when written, not when read */
    path = in_dir("empty.db");
    fclose(fopen(path, "w"));
    assert_int_equal(rc_store_open(path, RC_STORE_READONLY, err, sizeof err, &st), RC_EFORMAT);
    assert_int_equal(rc_store_open(path, 0, err, sizeof err, &st), RC_OK);
    rc_store_close(st);
    assert_int_equal(query_int(path, "PRAGMA user_version"), 4);
    if (geteuid() == 0)
        return; /* root writes read-only files */
    chmod(path, 0444);
    refused(path, 0, RC_EIO, "read-only");
}

static void test_locked(void **state)
{
    const rc_ctx *ctx = *state;
    const char *path = in_dir("locked.db");
    char err[512];
    rc_store *st;
    assert_int_equal(rc_store_open(path, 0, err, sizeof err, &st), RC_OK);
    rc_store_close(st);
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    setenv("RECOUPE_BUSY_TIMEOUT", "50", 1);
    assert_int_equal(rc_store_open(path, 0, err, sizeof err, &st), RC_OK); /* readers go on */
    assert_int_equal(rc_store_begin(st), RC_EIO);
    assert_non_null(strstr(rc_store_error(st), path));
    assert_non_null(strstr(rc_store_error(st), "locked"));
    rc_doc *doc = rc_test_doc(ctx, texts[0], strlen(texts[0]), NULL);
    assert_int_equal(rc_store_add(st, doc, NULL), RC_EIO);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    int added;
    assert_int_equal(rc_store_add(st, doc, &added), RC_OK); /* once the lock is gone */
    assert_int_equal(added, 1);
    unsetenv("RECOUPE_BUSY_TIMEOUT");
    rc_doc_free(doc);
    rc_store_close(st);
    sqlite3_close(other);
}

/* Hands each stored document to the cross-check. */
static int check_fn(void *ud, const char *p, int status, const rc_doc *doc)
{
    (void)p;
    assert_int_equal(status, RC_OK);
    return rc_check_add(ud, doc);
}

/* The facts of a check of the store, saved twice: the tables hold them once, as the check has
 * them. Skipped while the cross-check is not in the build. */
static void test_facts(void **state)
{
    const rc_ctx *ctx = *state;
    rc_check *chk;
    if (rc_check_new(ctx, &chk) != RC_OK)
        skip();
    const char *path = in_dir("facts.db");
    char err[512], sql[256];
    rc_store *st;
    assert_int_equal(rc_store_open(path, 0, err, sizeof err, &st), RC_OK);
    static const char *const tolls[] = {
        "Au moins 40 civils ont été tués lundi à Vardes, selon la préfecture.",
        "Quarante civils ont été tués lundi à Vardes, a indiqué la préfecture.",
        "Selon une ONG, 55 civils ont été tués lundi à Vardes.",
    };
    for (size_t i = 0; i < 3; i++) {
        rc_doc *doc = rc_test_doc(ctx, tolls[i], strlen(tolls[i]), "2021-03-09");
        assert_int_equal(rc_store_add(st, doc, NULL), RC_OK);
        rc_doc_free(doc);
    }
    assert_int_equal(rc_store_each(st, ctx, check_fn, chk), RC_OK);
    assert_int_equal(rc_check_run(chk), RC_OK);
    size_t nfacts, nclaims = 0;
    const rc_fact *facts = rc_check_facts(chk, &nfacts);
    for (size_t i = 0; i < nfacts; i++)
        nclaims += facts[i].nclaims;
    for (int round = 0; round < 2; round++)
        assert_int_equal(rc_store_save_facts(st, chk), RC_OK);
    if (nfacts) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM facts WHERE id = '%s' AND status = '%s'",
                 facts[0].id, rc_fact_status_name(facts[0].status));
        assert_int_equal(query_int(path, sql), 1);
    }
    rc_store_close(st);
    rc_check_free(chk);
    assert_int_equal(query_int(path, "SELECT count(*) FROM facts"), (long long)nfacts);
    assert_int_equal(query_int(path, "SELECT count(*) FROM fact_claims"), (long long)nclaims);
    /* every claim of a fact is a stored claim */
    assert_int_equal(query_int(path, "SELECT count(*) FROM fact_claims fc LEFT JOIN claims c "
                                     "ON c.doc = fc.doc AND c.claim = fc.claim "
                                     "WHERE c.doc IS NULL"), 0);
}

static void test_args(void **state)
{
    (void)state;
    char err[64];
    rc_store *st;
    assert_int_equal(rc_store_open("", 0, err, sizeof err, &st), RC_EINVAL);
    rc_store_close(NULL);
    assert_int_equal(rc_store_commit(NULL), RC_EINVAL);
    assert_non_null(rc_store_error(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_create_add_each, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_many_claims, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_not_a_store, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_newer_schema, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_readonly, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_locked, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_facts, dir_setup, dir_teardown),
        cmocka_unit_test(test_args),
    };
    return cmocka_run_group_tests(tests, rc_test_ctx_setup, rc_test_ctx_teardown);
}
