/*
 * store_add.c - what the store writes: a document (its row with its whole JSON in the compact
 * form, without the texts cut from doc.text by offsets, and one row per claim, read through the
 * public accessors; entities, quotes, attributions and framing are views over the JSON), and
 * the facts of a cross-check, which replace the previous ones.
 * Statements are prepared once per store and reset between rows; a document's claims go in by
 * statements of up to RC_STORE_CLAIM_ROWS rows.
 */
#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/store_int.h"
#include "util/fmt.h"
#include "util/fold.h"
#include "util/json.h"

static const char *const ent_types[] = {"PER", "ORG", "LOC", "MISC"};

/* The statement `which`, prepared on first use and reset for new bindings. */
static sqlite3_stmt *stmt(rc_store *st, enum rc_store_stmt which)
{
    sqlite3_stmt *s = st->stmt[which];
    if (!s) {
        int rc = sqlite3_prepare_v3(st->db, rc_store_sql(which), -1, SQLITE_PREPARE_PERSISTENT,
                                    &st->stmt[which], NULL);
        if (rc != SQLITE_OK) {
            rc_store_fail(st, rc, "cannot prepare a statement");
            return NULL;
        }
        s = st->stmt[which];
    }
    sqlite3_reset(s);
    return s;
}

/* Binders that take recoupe's "unknown" spellings (NULL, NAN, "") to SQL NULL. The text is
 * copied by SQLite only when the row is stepped, so the strings must outlive the step. */
static void bind_str(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

static void bind_span(sqlite3_stmt *s, int i, const char *text, uint32_t start, uint32_t end)
{
    sqlite3_bind_text(s, i, text + start, (int)(end - start), SQLITE_STATIC);
}

static void bind_num(sqlite3_stmt *s, int i, double v)
{
    if (isnan(v) || isinf(v))
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_double(s, i, v);
}

static const char *ent_type(int t)
{
    return t >= 0 && t < 4 ? ent_types[t] : "MISC";
}

/* Steps a bound insert; records a failure. */
static int step(rc_store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    return rc == SQLITE_DONE ? RC_OK : rc_store_fail(st, rc, "cannot write to the store");
}

/* What the row of a document is written from: the store, the document and its metadata, and
 * whether the row was added (0 when its id was already stored). */
typedef struct doc_row {
    rc_store *st;
    const rc_doc *doc;
    const rc_doc_meta *m;
    int added;
} doc_row;

/* Writes the document's row with the JSON rc_doc_write_json hands over: bound as it is, without
 * a copy, while it lives (during this call). */
static int insert_doc(void *ud, const char *json, size_t len)
{
    doc_row *r = ud;
    const rc_doc_meta *m = r->m;
    size_t tlen;
    const char *text = rc_doc_text(r->doc, &tlen);
    if (len > (size_t)INT_MAX) { /* more than SQLite takes in one value */
        snprintf(r->st->err, sizeof r->st->err, "%s: document %s: its JSON is too large to store",
                 r->st->path, m->id ? m->id : "?");
        return RC_ENOMEM;
    }
    sqlite3_stmt *s = stmt(r->st, ST_DOC);
    if (!s)
        return RC_EIO;
    bind_str(s, 1, m->id);
    bind_str(s, 2, m->path);
    bind_str(s, 3, m->title);
    bind_str(s, 4, m->site);
    bind_str(s, 5, m->url);
    bind_str(s, 6, m->author);
    bind_str(s, 7, m->lang);
    bind_str(s, 8, m->date);
    bind_str(s, 9, m->date_source);
    sqlite3_bind_int64(s, 10, (int64_t)rc_utf8_count(text, tlen));
    sqlite3_bind_text(s, 11, json, (int)len, SQLITE_STATIC);
    bind_str(s, 12, r->st->added_at);
    int status = step(r->st, s);
    sqlite3_clear_bindings(s); /* the JSON goes with this call */
    if (status)
        return status;
    r->added = sqlite3_changes(r->st->db) > 0;
    return RC_OK;
}

/* The document's row; *added is 0 when its id was already stored. */
static int add_doc_row(rc_store *st, const rc_doc *doc, const rc_doc_meta *m, int *added)
{
    doc_row r = {st, doc, m, 0};
    /* compact (schema version 3): the texts cut from doc.text by offsets are left out */
    int status = rc_doc_write_json(doc, RC_JSON_TEXT | RC_JSON_EXPLAIN | RC_JSON_KEYS |
                                            RC_JSON_COMPACT, insert_doc, &r);
    *added = r.added;
    return status;
}

/* A number of a claim's JSON columns: NULL for unknown, as the document's JSON writes it. */
static void json_num_or_null(rc_json *j, double v)
{
    if (isnan(v) || isinf(v))
        rc_json_null(j);
    else
        rc_json_num(j, v);
}

/* A string of a claim's JSON columns: NULL and "" are null, as bind_str makes them NULL. */
static void json_str_or_null(rc_json *j, const char *v)
{
    rc_json_strz(j, v && *v ? v : NULL);
}

/* The parts, places and sources of a claim as three JSON arrays appended one after the other to
 * st->claim_json; off[k] is where array k starts and off[3] where the last ends. */
static int claim_arrays(rc_store *st, const rc_claim *c, size_t off[4])
{
    rc_buf *b = &st->claim_json;
    rc_json j;
    off[0] = b->len;
    rc_json_init(&j, b);
    rc_json_arr(&j);
    for (size_t k = 0; k < c->nparts; k++) {
        const rc_claim_part *p = &c->parts[k];
        rc_json_obj(&j);
        rc_json_key(&j, "value");
        json_num_or_null(&j, p->value);
        rc_json_key(&j, "low");
        json_num_or_null(&j, p->low);
        rc_json_key(&j, "high");
        json_num_or_null(&j, p->high);
        rc_json_key(&j, "who");
        json_str_or_null(&j, rc_who_name(p->who));
        rc_json_key(&j, "counted");
        json_str_or_null(&j, p->counted);
        rc_json_obj_end(&j);
    }
    rc_json_arr_end(&j);
    off[1] = b->len;
    rc_json_init(&j, b);
    rc_json_arr(&j);
    for (size_t k = 0; k < c->nplaces; k++) {
        rc_json_obj(&j);
        rc_json_key(&j, "name");
        json_str_or_null(&j, c->places[k]);
        rc_json_key(&j, "key");
        json_str_or_null(&j, c->place_keys ? c->place_keys[k] : NULL);
        rc_json_obj_end(&j);
    }
    rc_json_arr_end(&j);
    off[2] = b->len;
    rc_json_init(&j, b);
    rc_json_arr(&j);
    for (size_t k = 0; k < c->nsources; k++) {
        const rc_speaker *sp = &c->sources[k];
        rc_json_obj(&j);
        rc_json_key(&j, "name");
        json_str_or_null(&j, sp->name);
        rc_json_key(&j, "role");
        json_str_or_null(&j, sp->role);
        rc_json_key(&j, "key");
        json_str_or_null(&j, sp->key);
        rc_json_key(&j, "type");
        json_str_or_null(&j, ent_type(sp->type));
        rc_json_obj_end(&j);
    }
    rc_json_arr_end(&j);
    off[3] = b->len;
    return b->err ? RC_ENOMEM : RC_OK;
}

/* The statement that inserts `rows` claims at once (1 to RC_STORE_CLAIM_ROWS), prepared on first
 * use and reset for new bindings. */
static sqlite3_stmt *claim_stmt(rc_store *st, size_t rows)
{
    assert(rows >= 1 && rows <= RC_STORE_CLAIM_ROWS);
    sqlite3_stmt **slot = &st->claim_stmt[rows - 1];
    if (!*slot) {
        rc_buf sql = RC_BUF_INIT;
        rc_store_claims_sql(&sql, rows);
        int rc = sql.err ? SQLITE_NOMEM
                         : sqlite3_prepare_v3(st->db, sql.data, (int)sql.len,
                                              SQLITE_PREPARE_PERSISTENT, slot, NULL);
        rc_buf_free(&sql);
        if (rc != SQLITE_OK) {
            rc_store_fail(st, rc, "cannot prepare a statement");
            return NULL;
        }
        return *slot;
    }
    sqlite3_reset(*slot);
    return *slot;
}

/* Binds the columns of claim i of the document (its id `doc`, its text `text`) from parameter
 * p + 1 on; its JSON arrays are st->claim_json from off[0] to off[3], its id cid. The strings
 * must outlive the step. */
static void bind_claim(rc_store *st, sqlite3_stmt *s, int p, const char *doc, const char *text,
                       const rc_claim *c, size_t i, const char *cid, size_t cidlen,
                       const size_t off[4])
{
    bind_str(s, p + 1, doc);
    sqlite3_bind_text(s, p + 2, cid, (int)cidlen, SQLITE_STATIC);
    sqlite3_bind_int64(s, p + 3, (int64_t)i);
    bind_span(s, p + 4, text, c->start, c->end);
    sqlite3_bind_int(s, p + 5, (int)c->start);
    sqlite3_bind_int(s, p + 6, (int)c->end);
    bind_num(s, p + 7, c->value);
    bind_num(s, p + 8, c->low);
    bind_num(s, p + 9, c->high);
    sqlite3_bind_int(s, p + 10, c->approx != 0);
    bind_str(s, p + 11, rc_unit_name(c->unit));
    bind_str(s, p + 12, rc_what_name(c->what));
    bind_str(s, p + 13, rc_who_name(c->who));
    bind_str(s, p + 14, c->counted);
    bind_str(s, p + 15, c->time_text);
    bind_str(s, p + 16, c->time_from);
    bind_str(s, p + 17, c->time_to);
    bind_str(s, p + 18, c->agent);
    bind_str(s, p + 19, rc_modality_name(c->modality));
    bind_str(s, p + 20, c->nsources ? c->sources[0].name : NULL);
    bind_str(s, p + 21, c->nsources ? c->sources[0].key : NULL);
    for (int k = 0; k < 3; k++)
        sqlite3_bind_text(s, p + 22 + k, st->claim_json.data + off[k], (int)(off[k + 1] - off[k]),
                          SQLITE_STATIC);
}

/* One row per claim; its parts, places and sources go in JSON columns of the row. The rows go
 * in by statements of up to RC_STORE_CLAIM_ROWS rows each, so that SQLite's work per statement
 * (cursors opened and closed, the statement's start and end) is done once per document or so
 * rather than once per claim. */
static int add_claims(rc_store *st, const rc_doc *doc, const char *id, const char *text)
{
    size_t n;
    const rc_claim *c = rc_doc_claims(doc, &n);
    for (size_t i = 0; i < n; i += RC_STORE_CLAIM_ROWS) {
        size_t rows = n - i < RC_STORE_CLAIM_ROWS ? n - i : RC_STORE_CLAIM_ROWS;
        size_t off[RC_STORE_CLAIM_ROWS][4];
        char cid[RC_STORE_CLAIM_ROWS][24]; /* c1, c2 ...: the claim's id in the document's JSON */
        size_t cidlen[RC_STORE_CLAIM_ROWS];
        rc_buf_reset(&st->claim_json); /* the arrays of these rows, bound once all are written */
        for (size_t r = 0; r < rows; r++) {
            int status = claim_arrays(st, &c[i + r], off[r]);
            if (status)
                return status;
            cid[r][0] = 'c';
            cidlen[r] = 1 + rc_fmt_int(cid[r] + 1, sizeof cid[r] - 1, (int64_t)(i + r) + 1);
        }
        sqlite3_stmt *s = claim_stmt(st, rows);
        if (!s)
            return RC_EIO;
        for (size_t r = 0; r < rows; r++)
            bind_claim(st, s, (int)r * RC_STORE_CLAIM_COLS, id, text, &c[i + r], i + r, cid[r],
                       cidlen[r], off[r]);
        int status = step(st, s);
        if (status)
            return status;
    }
    return RC_OK;
}

/* Every row of a document, inside the caller's transaction. */
static int add_all(rc_store *st, const rc_doc *doc, int *added)
{
    rc_doc_meta m;
    rc_doc_get_meta(doc, &m);
    int status = add_doc_row(st, doc, &m, added);
    if (status || !*added)
        return status;
    /* entities, quotes, attributions and framing are read from the JSON (views, schema.c) */
    return add_claims(st, doc, m.id, rc_doc_text(doc, NULL));
}

int rc_store_add(rc_store *st, const rc_doc *doc, int *added)
{
    int dummy;
    if (!added)
        added = &dummy;
    *added = 0;
    if (!st || !doc || st->readonly)
        return RC_EINVAL;
    if (st->in_batch) {
        if (st->batch_err)
            return st->batch_err;
        int status = add_all(st, doc, added);
        if (status)
            st->batch_err = status;
        return status;
    }
    int status = rc_store_begin(st); /* a lone add is a batch of one */
    if (status)
        return status;
    status = add_all(st, doc, added);
    if (status)
        st->batch_err = status;
    int cstatus = rc_store_commit(st);
    if (status)
        *added = 0;
    return status ? status : cstatus;
}

/* The rows of one fact: its places, claims and origins. */
static int add_fact_rows(rc_store *st, const rc_check *chk, const rc_check_doc *docs, size_t ndocs,
                         const rc_fact *f)
{
    int status = RC_OK;
    sqlite3_stmt *s;
    for (size_t k = 0; !status && k < f->nplaces; k++) {
        if (!(s = stmt(st, ST_FACT_PLACE)))
            return RC_EIO;
        bind_str(s, 1, f->id);
        sqlite3_bind_int64(s, 2, (int64_t)k);
        bind_str(s, 3, f->places[k]);
        status = step(st, s);
    }
    for (size_t k = 0; !status && k < f->nclaims; k++) {
        const rc_fact_claim *fc = &f->claims[k];
        size_t nclaims = 0;
        const rc_claim *claims = fc->doc < ndocs ? rc_check_doc_claims(chk, fc->doc, &nclaims)
                                                 : NULL;
        if (fc->claim >= nclaims || (f->norigins && fc->origin >= f->norigins))
            return RC_EINVAL;
        if (!(s = stmt(st, ST_FACT_CLAIM)))
            return RC_EIO;
        char cid[24];
        snprintf(cid, sizeof cid, "c%u", (unsigned)fc->claim + 1);
        bind_str(s, 1, f->id);
        sqlite3_bind_int64(s, 2, (int64_t)k);
        bind_str(s, 3, docs[fc->doc].meta.id);
        bind_str(s, 4, cid);
        bind_num(s, 5, claims[fc->claim].value);
        bind_str(s, 6, f->norigins ? f->origins[fc->origin].name : NULL);
        status = step(st, s);
    }
    for (size_t k = 0; !status && k < f->norigins; k++) {
        if (!(s = stmt(st, ST_FACT_ORIGIN)))
            return RC_EIO;
        bind_str(s, 1, f->id);
        sqlite3_bind_int64(s, 2, (int64_t)k);
        bind_str(s, 3, f->origins[k].name);
        bind_str(s, 4, f->origins[k].key);
        sqlite3_bind_int64(s, 5, f->origins[k].claims);
        status = step(st, s);
    }
    return status;
}

/* Every fact of the check, into emptied tables. */
static int save_facts(rc_store *st, const rc_check *chk)
{
    int status = rc_store_exec(st, "DELETE FROM fact_places; DELETE FROM fact_claims;"
                                   " DELETE FROM fact_origins; DELETE FROM facts;");
    size_t ndocs, nfacts;
    const rc_check_doc *docs = rc_check_docs(chk, &ndocs);
    const rc_fact *facts = rc_check_facts(chk, &nfacts);
    for (size_t i = 0; !status && i < nfacts; i++) {
        const rc_fact *f = &facts[i];
        sqlite3_stmt *s = stmt(st, ST_FACT);
        if (!s)
            return RC_EIO;
        bind_str(s, 1, f->id);
        sqlite3_bind_int64(s, 2, (int64_t)i);
        bind_str(s, 3, rc_what_name(f->what));
        bind_str(s, 4, rc_who_name(f->who));
        bind_str(s, 5, f->time_from);
        bind_str(s, 6, f->time_to);
        bind_num(s, 7, f->low);
        bind_num(s, 8, f->best);
        bind_num(s, 9, f->high);
        bind_str(s, 10, rc_fact_status_name(f->status));
        sqlite3_bind_int64(s, 11, (int64_t)f->nclaims);
        sqlite3_bind_int64(s, 12, (int64_t)f->norigins);
        status = step(st, s);
        if (!status)
            status = add_fact_rows(st, chk, docs, ndocs, f);
    }
    if (status == RC_EINVAL)
        snprintf(st->err, sizeof st->err, "%s: a fact names a claim the check does not have",
                 st->path);
    return status;
}

int rc_store_save_facts(rc_store *st, const rc_check *chk)
{
    if (!st || !chk || st->readonly || st->in_batch)
        return RC_EINVAL;
    int status = rc_store_exec(st, "BEGIN IMMEDIATE");
    if (status)
        return status;
    status = save_facts(st, chk);
    if (!status)
        status = rc_store_exec(st, "COMMIT");
    if (status)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return status;
}
