/*
 * schema.c - the tables of a recoupe store, versioned with PRAGMA user_version, and the SQL
 * that fills them. Each version step has its own migration, applied in order inside one
 * transaction, so that a store made by an older build opens in a newer one with nothing lost.
 * docs/store.md describes the tables for analysts; keep it in step with this file.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

/* Version 0 -> 1: the first schema. Documents keep their full JSON (with text), from which they
 * are rebuilt; the other tables spread what was extracted into rows for queries. Child rows
 * name their document by id and their position (n, pos) in its arrays. */
static const char schema_v1[] =
    "CREATE TABLE documents ("
    " id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, path TEXT, title TEXT, site TEXT,"
    " url TEXT, author TEXT, lang TEXT, date TEXT, date_source TEXT, chars INTEGER,"
    " added_at TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE INDEX documents_date ON documents(date);"
    "CREATE INDEX documents_site ON documents(site);"
    "CREATE TABLE entities ("
    " doc TEXT NOT NULL, n INTEGER NOT NULL, text TEXT, start INTEGER, end INTEGER, type TEXT,"
    " key TEXT, canon TEXT, lat REAL, lon REAL);"
    "CREATE INDEX entities_doc ON entities(doc, n);"
    "CREATE INDEX entities_key ON entities(key);"
    "CREATE TABLE quotes ("
    " doc TEXT NOT NULL, n INTEGER NOT NULL, text TEXT, start INTEGER, end INTEGER,"
    " speaker TEXT, speaker_key TEXT, role TEXT, verb TEXT);"
    "CREATE INDEX quotes_doc ON quotes(doc, n);"
    "CREATE INDEX quotes_speaker ON quotes(speaker_key);"
    "CREATE TABLE attributions ("
    " doc TEXT NOT NULL, n INTEGER NOT NULL, text TEXT, start INTEGER, end INTEGER,"
    " scope_start INTEGER, scope_end INTEGER, cue TEXT, quote INTEGER);"
    "CREATE INDEX attributions_doc ON attributions(doc, n);"
    "CREATE TABLE attribution_sources ("
    " doc TEXT NOT NULL, attribution INTEGER NOT NULL, pos INTEGER NOT NULL, name TEXT,"
    " role TEXT, key TEXT, type TEXT);"
    "CREATE INDEX attribution_sources_doc ON attribution_sources(doc, attribution, pos);"
    "CREATE INDEX attribution_sources_key ON attribution_sources(key);"
    "CREATE TABLE claims ("
    " doc TEXT NOT NULL, claim TEXT NOT NULL, n INTEGER NOT NULL, text TEXT, start INTEGER,"
    " end INTEGER, value REAL, low REAL, high REAL, approx INTEGER, unit TEXT, what TEXT,"
    " who TEXT, counted TEXT, time_text TEXT, time_from TEXT, time_to TEXT, agent TEXT,"
    " modality TEXT, source TEXT, source_key TEXT);"
    "CREATE UNIQUE INDEX claims_doc ON claims(doc, claim);"
    "CREATE INDEX claims_what ON claims(what, who);"
    "CREATE INDEX claims_source ON claims(source_key);"
    "CREATE TABLE claim_parts ("
    " doc TEXT NOT NULL, claim TEXT NOT NULL, n INTEGER NOT NULL, value REAL, low REAL,"
    " high REAL, who TEXT, counted TEXT);"
    "CREATE INDEX claim_parts_doc ON claim_parts(doc, claim);"
    "CREATE TABLE claim_places ("
    " doc TEXT NOT NULL, claim TEXT NOT NULL, n INTEGER NOT NULL, name TEXT, key TEXT);"
    "CREATE INDEX claim_places_doc ON claim_places(doc, claim);"
    "CREATE INDEX claim_places_key ON claim_places(key);"
    "CREATE TABLE claim_sources ("
    " doc TEXT NOT NULL, claim TEXT NOT NULL, pos INTEGER NOT NULL, name TEXT, role TEXT,"
    " key TEXT, type TEXT);"
    "CREATE INDEX claim_sources_doc ON claim_sources(doc, claim);"
    "CREATE INDEX claim_sources_key ON claim_sources(key);"
    "CREATE TABLE framing ("
    " doc TEXT NOT NULL, n INTEGER NOT NULL, concept TEXT, term TEXT, count INTEGER);"
    "CREATE INDEX framing_doc ON framing(doc);"
    "CREATE INDEX framing_concept ON framing(concept, term);"
    "CREATE TABLE facts ("
    " id TEXT PRIMARY KEY, n INTEGER NOT NULL, what TEXT, who TEXT, time_from TEXT,"
    " time_to TEXT, low REAL, best REAL, high REAL, status TEXT, claims INTEGER,"
    " origins INTEGER);"
    "CREATE TABLE fact_places (fact TEXT NOT NULL, n INTEGER NOT NULL, name TEXT);"
    "CREATE INDEX fact_places_fact ON fact_places(fact);"
    "CREATE TABLE fact_claims ("
    " fact TEXT NOT NULL, n INTEGER NOT NULL, doc TEXT NOT NULL, claim TEXT NOT NULL,"
    " value REAL, origin TEXT);"
    "CREATE INDEX fact_claims_fact ON fact_claims(fact);"
    "CREATE INDEX fact_claims_doc ON fact_claims(doc, claim);"
    "CREATE TABLE fact_origins ("
    " fact TEXT NOT NULL, n INTEGER NOT NULL, name TEXT, key TEXT, claims INTEGER);"
    "CREATE INDEX fact_origins_fact ON fact_origins(fact);"
    "CREATE INDEX fact_origins_key ON fact_origins(key);";

/* Version 0 -> 1: an empty database becomes a store. */
static int migrate_0_1(rc_store *st)
{
    return rc_store_exec(st, schema_v1);
}

/* Version 1 -> 2: a document is written as its row and the rows of its claims, nothing more.
 * What version 1 spread over one row per entity, quote, attribution, speaker and framing term
 * (a hundred rows and a dozen index entries per document, most of the time of an ingest) is
 * already in documents.json: those tables become views over it, with the same names and
 * columns. The parts, places and sources of a claim become JSON columns of its row (their keys
 * are not in the document's JSON), read through views of the same names as before. Nothing
 * stored is lost: the claims' columns are filled from the version 1 rows before these go. */
static const char migrate_v2[] =
    "ALTER TABLE claims ADD COLUMN parts TEXT;"
    "ALTER TABLE claims ADD COLUMN places TEXT;"
    "ALTER TABLE claims ADD COLUMN sources TEXT;"
    "UPDATE claims SET"
    " parts = (SELECT json_group_array(json_object('value', value, 'low', low, 'high', high,"
    "  'who', who, 'counted', counted)) FROM (SELECT * FROM claim_parts p"
    "  WHERE p.doc = claims.doc AND p.claim = claims.claim ORDER BY n)),"
    " places = (SELECT json_group_array(json_object('name', name, 'key', key))"
    "  FROM (SELECT * FROM claim_places p"
    "  WHERE p.doc = claims.doc AND p.claim = claims.claim ORDER BY n)),"
    " sources = (SELECT json_group_array(json_object('name', name, 'role', role, 'key', key,"
    "  'type', type)) FROM (SELECT * FROM claim_sources p"
    "  WHERE p.doc = claims.doc AND p.claim = claims.claim ORDER BY pos));"
    "DROP TABLE entities; DROP TABLE quotes; DROP TABLE attributions;"
    "DROP TABLE attribution_sources; DROP TABLE claim_parts; DROP TABLE claim_places;"
    "DROP TABLE claim_sources; DROP TABLE framing;"
    "DROP INDEX claims_source;"
    "CREATE VIEW entities (doc, n, text, start, \"end\", type, key, canon, lat, lon) AS"
    " SELECT d.id, e.key, json_extract(e.value, '$.text'), json_extract(e.value, '$.start'),"
    " json_extract(e.value, '$.end'), json_extract(e.value, '$.type'),"
    " json_extract(e.value, '$.key'), json_extract(e.value, '$.canon'),"
    " json_extract(e.value, '$.lat'), json_extract(e.value, '$.lon')"
    " FROM documents d, json_each(d.json, '$.entities') e;"
    "CREATE VIEW quotes (doc, n, text, start, \"end\", speaker, speaker_key, role, verb) AS"
    " SELECT d.id, q.key, json_extract(q.value, '$.text'), json_extract(q.value, '$.start'),"
    " json_extract(q.value, '$.end'), json_extract(q.value, '$.speaker'),"
    " json_extract(q.value, '$.speaker_key'), json_extract(q.value, '$.role'),"
    " json_extract(q.value, '$.verb')"
    " FROM documents d, json_each(d.json, '$.quotes') q;"
    /* offsets are bytes: the text of an attribution is cut from the bytes of the document's */
    "CREATE VIEW attributions (doc, n, text, start, \"end\", scope_start, scope_end, cue, quote,"
    " denied) AS"
    " SELECT d.id, a.key, CAST(substr(CAST(json_extract(d.json, '$.doc.text') AS BLOB),"
    " json_extract(a.value, '$.start') + 1,"
    " json_extract(a.value, '$.end') - json_extract(a.value, '$.start')) AS TEXT),"
    " json_extract(a.value, '$.start'), json_extract(a.value, '$.end'),"
    " json_extract(a.value, '$.scope_start'), json_extract(a.value, '$.scope_end'),"
    " json_extract(a.value, '$.cue'), json_extract(a.value, '$.quote'),"
    " json_extract(a.value, '$.denied')"
    " FROM documents d, json_each(d.json, '$.attributions') a;"
    "CREATE VIEW attribution_sources (doc, attribution, pos, name, role, key, type) AS"
    " SELECT d.id, a.key, c.key, json_extract(c.value, '$.name'),"
    " json_extract(c.value, '$.role'), json_extract(c.value, '$.key'),"
    " json_extract(c.value, '$.type')"
    " FROM documents d, json_each(d.json, '$.attributions') a, json_each(a.value, '$.chain') c;"
    "CREATE VIEW framing (doc, n, concept, term, count) AS"
    " SELECT d.id, f.key, json_extract(f.value, '$.concept'), json_extract(f.value, '$.term'),"
    " json_extract(f.value, '$.count')"
    " FROM documents d, json_each(d.json, '$.framing') f;"
    "CREATE VIEW claim_parts (doc, claim, n, value, low, high, who, counted) AS"
    " SELECT c.doc, c.claim, p.key, json_extract(p.value, '$.value'),"
    " json_extract(p.value, '$.low'), json_extract(p.value, '$.high'),"
    " json_extract(p.value, '$.who'), json_extract(p.value, '$.counted')"
    " FROM claims c, json_each(c.parts) p;"
    "CREATE VIEW claim_places (doc, claim, n, name, key) AS"
    " SELECT c.doc, c.claim, p.key, json_extract(p.value, '$.name'),"
    " json_extract(p.value, '$.key')"
    " FROM claims c, json_each(c.places) p;"
    "CREATE VIEW claim_sources (doc, claim, pos, name, role, key, type) AS"
    " SELECT c.doc, c.claim, s.key, json_extract(s.value, '$.name'),"
    " json_extract(s.value, '$.role'), json_extract(s.value, '$.key'),"
    " json_extract(s.value, '$.type')"
    " FROM claims c, json_each(c.sources) s;";

/* Version 1 -> 2: the detail tables become views (see migrate_v2). */
static int migrate_1_2(rc_store *st)
{
    return rc_store_exec(st, migrate_v2);
}

/* The text of the span [$.start, $.end) of the JSON object `obj` of a document `d`, cut from the
 * bytes of its text (offsets are bytes), for the views of version 3. */
#define SPAN_TEXT(obj)                                                                           \
    "CAST(substr(CAST(json_extract(d.json, '$.doc.text') AS BLOB), json_extract(" obj            \
    ".value, '$.start') + 1, json_extract(" obj ".value, '$.end') - json_extract(" obj           \
    ".value, '$.start')) AS TEXT)"

/* Version 2 -> 3: documents are stored in the compact JSON (RC_JSON_COMPACT): without the texts
 * that are cut from doc.text by their offsets (of numbers, times, entities, quotes and claims)
 * and with each claim's sentence as its position in doc.sentence_spans. The JSON was four
 * fifths of an ingest's time and of the file, the texts left out a fifth of it. The documents
 * stored before keep their full JSON; the views that show a text take it from the JSON when it
 * is there and cut it from the document's text when not, so that they give the same rows for
 * either. Nothing is copied: the step only replaces two views. */
static const char migrate_v3[] =
    "DROP VIEW entities; DROP VIEW quotes;"
    "CREATE VIEW entities (doc, n, text, start, \"end\", type, key, canon, lat, lon) AS"
    " SELECT d.id, e.key, coalesce(json_extract(e.value, '$.text'), " SPAN_TEXT("e") "),"
    " json_extract(e.value, '$.start'), json_extract(e.value, '$.end'),"
    " json_extract(e.value, '$.type'), json_extract(e.value, '$.key'),"
    " json_extract(e.value, '$.canon'), json_extract(e.value, '$.lat'),"
    " json_extract(e.value, '$.lon')"
    " FROM documents d, json_each(d.json, '$.entities') e;"
    "CREATE VIEW quotes (doc, n, text, start, \"end\", speaker, speaker_key, role, verb) AS"
    " SELECT d.id, q.key, coalesce(json_extract(q.value, '$.text'), " SPAN_TEXT("q") "),"
    " json_extract(q.value, '$.start'), json_extract(q.value, '$.end'),"
    " json_extract(q.value, '$.speaker'), json_extract(q.value, '$.speaker_key'),"
    " json_extract(q.value, '$.role'), json_extract(q.value, '$.verb')"
    " FROM documents d, json_each(d.json, '$.quotes') q;";

/* Version 2 -> 3: the views that show a span's text read the compact JSON too (see migrate_v3). */
static int migrate_2_3(rc_store *st)
{
    return rc_store_exec(st, migrate_v3);
}

/* Version 3 -> 4: documents added from now on leave out, in their compact JSON, the members that
 * are null inside the stages' arrays (a figure's "low" and "high", a speaker's "role", a claim's
 * "time" and "agent"...): a tenth of the bytes of a document, and of the time of an ingest. The
 * views read a missing member as null (json_extract), and so does rc_doc_from_json, so nothing
 * changes in the tables or views; the version says that a build older than this one cannot read
 * the documents added since, and makes it refuse the store rather than fail on them. */
static int migrate_3_4(rc_store *st)
{
    (void)st;
    return RC_OK;
}

/* The migration steps: steps[v] takes a store from version v to v + 1, inside the transaction
 * of rc_store_migrate. A later version appends a step (ALTER TABLE ... ADD COLUMN, CREATE TABLE,
 * a copy of data computed in C from the stored JSON), never edits an earlier one. */
static int (*const steps[RC_STORE_VERSION])(rc_store *st) = {migrate_0_1, migrate_1_2,
                                                              migrate_2_3, migrate_3_4};

int rc_store_migrate(rc_store *st, int from)
{
    assert(from >= 0 && from <= RC_STORE_VERSION);
    for (int v = from; v < RC_STORE_VERSION; v++) {
        int status = steps[v](st);
        if (status)
            return status;
    }
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", RC_STORE_VERSION);
    return from == RC_STORE_VERSION ? RC_OK : rc_store_exec(st, sql);
}

/* The statements of the writers, by enum rc_store_stmt. A document's id is bound first in every
 * row that belongs to one. */
static const char *const stmt_sql[ST_N] = {
    [ST_DOC] = "INSERT OR IGNORE INTO documents (id, seq, path, title, site, url, author, lang,"
               " date, date_source, chars, added_at, json) VALUES (?1,"
               " (SELECT coalesce(max(seq), 0) + 1 FROM documents), ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
               " ?9, ?10, ?12, ?11)",
    [ST_FACT] = "INSERT INTO facts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [ST_FACT_PLACE] = "INSERT INTO fact_places VALUES (?1, ?2, ?3)",
    [ST_FACT_CLAIM] = "INSERT INTO fact_claims VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_FACT_ORIGIN] = "INSERT INTO fact_origins VALUES (?1, ?2, ?3, ?4, ?5)",
};

/* The rows of claims go in by rc_store_claims_sql. OR FAIL: a row that breaks a constraint stops
 * the statement without undoing the rows before it, which spares SQLite a statement journal (the
 * caller's batch is rolled back on any failure anyway). */
void rc_store_claims_sql(rc_buf *out, size_t rows)
{
    rc_buf_puts(out, "INSERT OR FAIL INTO claims (doc, claim, n, text, start, end, value, low, high,"
                     " approx, unit, what, who, counted, time_text, time_from, time_to, agent,"
                     " modality, source, source_key, parts, places, sources) VALUES ");
    for (size_t r = 0; r < rows; r++) {
        rc_buf_puts(out, r ? ", (" : "(");
        for (int k = 0; k < RC_STORE_CLAIM_COLS; k++)
            rc_buf_puts(out, k ? ", ?" : "?");
        rc_buf_putc(out, ')');
    }
}

const char *rc_store_sql(enum rc_store_stmt which)
{
    assert(which < ST_N);
    return stmt_sql[which];
}
