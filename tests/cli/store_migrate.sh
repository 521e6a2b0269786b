# store_migrate.sh - a store of schema version 1 (tests/cli/store_v1.sql) is read as it is by
# check --db, and becomes version 4 (the last) on the next ingest with nothing lost: the rows of its detail
# tables are the same through the views that replace them, its claims keep their parts, places
# and sources, and new documents are added beside the old ones. A store of version 2
# (tests/cli/store_v2.sql, full JSON) becomes version 4 alike: its views give the same rows, and
# the documents added after it, in the compact JSON, give through them the rows they would have
# given in version 2.
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite3 >/dev/null; then
    echo "skipped: the sqlite3 program is not installed"
    exit 77
fi
EX="$TESTS/../examples"
DB="$TMP/old.db"
sqlite3 "$DB" <"$TESTS/cli/store_v1.sql"
check "fixture is version 1" test "$(sqlite3 "$DB" 'PRAGMA user_version')" = 1

# the detail rows of the version 1 documents, as analysts query them
details() {
    sqlite3 "$1" "SELECT doc, n, text, start, \"end\", type, key, canon, lat, lon FROM entities ORDER BY doc, n;
        SELECT doc, n, text, start, \"end\", speaker, speaker_key, role, verb FROM quotes ORDER BY doc, n;
        SELECT doc, n, text, start, \"end\", scope_start, scope_end, cue, quote FROM attributions ORDER BY doc, n;
        SELECT * FROM attribution_sources ORDER BY doc, attribution, pos;
        SELECT doc, claim, n, printf('%g', value), printf('%g', low), printf('%g', high), who, counted FROM claim_parts ORDER BY doc, claim, n;
        SELECT * FROM claim_places ORDER BY doc, claim, n;
        SELECT * FROM claim_sources ORDER BY doc, claim, pos;
        SELECT * FROM framing ORDER BY doc, n;
        SELECT doc, claim, n, text, value, what, who, source_key FROM claims ORDER BY doc, n"
}
details "$DB" >"$TMP/details1"
check "fixture has rows in every detail table" test "$(sqlite3 "$DB" 'SELECT
    (SELECT count(*) FROM entities) > 0 AND (SELECT count(*) FROM quotes) > 0 AND
    (SELECT count(*) FROM attribution_sources) > 0 AND (SELECT count(*) FROM claim_parts) > 0 AND
    (SELECT count(*) FROM claim_places) > 0 AND (SELECT count(*) FROM claim_sources) > 0 AND
    (SELECT count(*) FROM framing) > 0')" = 1

# read-only: check --db reads version 1 and leaves it so
expect_status 0 "check --db on version 1" "$RECOUPE" check --db "$DB"
cp "$TMP/out" "$TMP/check1"
check "check --db gives the documents" grep -q '"documents":\[{"id":"d2e75398b3b9c331"' "$TMP/check1"
check "still version 1 after reading" test "$(sqlite3 "$DB" 'PRAGMA user_version')" = 1

# an ingest of the same files migrates and adds nothing: check --db says the same as before
mkdir -p "$TMP/in"
cp "$EX"/01_*.txt "$EX"/02_*.txt "$TMP/in/"
expect_status 0 "ingest of the same files into version 1" "$RECOUPE" ingest --db "$DB" "$TMP/in"
check "summary: none added" grep -q "0 documents added, 2 already there" "$TMP/err"
check "version 4 after an ingest" test "$(sqlite3 "$DB" 'PRAGMA user_version')" = 4
expect_status 0 "check --db after the migration" "$RECOUPE" check --db "$DB"
check "check --db the same before and after the migration" cmp -s "$TMP/out" "$TMP/check1"

# an ingest migrates, adds the new file, keeps the old rows
cp "$EX"/03_*.txt "$TMP/in/"
expect_status 0 "ingest into version 1" "$RECOUPE" ingest --db "$DB" "$TMP/in"
check "summary: one added" grep -q "1 document added, 2 already there" "$TMP/err"
check "now version 4" test "$(sqlite3 "$DB" 'PRAGMA user_version')" = 4
check "three documents" test "$(sqlite3 "$DB" 'SELECT count(*) FROM documents')" = 3
old=$(sqlite3 "$DB" "SELECT group_concat(quote(id)) FROM documents WHERE seq <= 2")
details "$DB" | grep -F -f "$TMP/details1" -x >"$TMP/details2" || true
check "old detail rows kept, through the views" cmp -s "$TMP/details1" "$TMP/details2"
check "new document has claims" test \
    "$(sqlite3 "$DB" "SELECT count(*) FROM claims WHERE doc NOT IN ($old)")" -gt 0
check "old claims keep their sources as JSON" test \
    "$(sqlite3 "$DB" "SELECT count(*) FROM claims WHERE doc IN ($old) AND json_array_length(sources) > 0")" -gt 0
check "detail tables are views now" test \
    "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_master WHERE type = 'view'")" = 8
expect_status 0 "check --db on three documents" "$RECOUPE" check --db "$DB"
check "check --db reads the three" test "$(grep -o '"relay_of"' "$TMP/out" | wc -l)" = 3

# a second ingest changes nothing
dump() { sqlite3 "$1" .dump | sed "s/'[0-9-]*T[0-9:]*Z'/'T'/g"; }
dump "$DB" >"$TMP/dump1"
expect_status 0 "ingest again" "$RECOUPE" ingest --db "$DB" "$TMP/in"
dump "$DB" >"$TMP/dump2"
check "second ingest changes nothing" cmp -s "$TMP/dump1" "$TMP/dump2"

# version 2: the same files stored with their full JSON
DB2="$TMP/v2.db"
sqlite3 "$DB2" <"$TESTS/cli/store_v2.sql"
check "fixture is version 2" test "$(sqlite3 "$DB2" 'PRAGMA user_version')" = 2
check "fixture has the full JSON" test "$(sqlite3 "$DB2" \
    "SELECT count(*) FROM documents WHERE json_extract(json, '\$.entities[0].text') IS NOT NULL")" = 2
details "$DB2" >"$TMP/details_v2"
expect_status 0 "check --db on version 2" "$RECOUPE" check --db "$DB2"
cp "$TMP/out" "$TMP/check_v2"
check "still version 2 after reading" test "$(sqlite3 "$DB2" 'PRAGMA user_version')" = 2
rm -rf "$TMP/in"
mkdir -p "$TMP/in"
cp "$EX"/01_*.txt "$EX"/02_*.txt "$TMP/in/"
expect_status 0 "ingest of the same files into version 2" "$RECOUPE" ingest --db "$DB2" "$TMP/in"
check "summary: none added to version 2" grep -q "0 documents added, 2 already there" "$TMP/err"
check "version 4 after an ingest into version 2" test \
    "$(sqlite3 "$DB2" 'PRAGMA user_version')" = 4
details "$DB2" >"$TMP/details_v3"
check "version 2 rows the same through the views of version 3" \
    cmp -s "$TMP/details_v2" "$TMP/details_v3"
expect_status 0 "check --db after the migration from version 2" "$RECOUPE" check --db "$DB2"
check "check --db the same before and after the migration from version 2" \
    cmp -s "$TMP/out" "$TMP/check_v2"
# the same files stored compact give, through the views, the rows of their full JSON (put in
# place of the compact one in a copy of the store), and check --db gives check's output
DB3="$TMP/v3.db"
expect_status 0 "ingest into a new store" "$RECOUPE" ingest --db "$DB3" "$TMP/in"
check "new store holds the compact JSON" test "$(sqlite3 "$DB3" \
    "SELECT count(*) FROM documents WHERE json_extract(json, '\$.entities[0].text') IS NULL")" = 2
"$RECOUPE" extract --text --explain "$TMP/in" >"$TMP/full.jsonl" 2>/dev/null
cp "$DB3" "$TMP/full.db"
seq=0
while IFS= read -r line; do
    seq=$((seq + 1))
    printf "UPDATE documents SET json = '%s' WHERE seq = %d;\n" \
        "$(printf '%s' "$line" | sed "s/'/''/g")" "$seq"
done <"$TMP/full.jsonl" | sqlite3 "$TMP/full.db"
check "copy holds the full JSON" test "$(sqlite3 "$TMP/full.db" \
    "SELECT count(*) FROM documents WHERE json_extract(json, '\$.entities[0].text') IS NOT NULL")" = 2
details "$DB3" >"$TMP/details_new"
details "$TMP/full.db" >"$TMP/details_full"
check "compact JSON gives the rows of the full one" cmp -s "$TMP/details_full" "$TMP/details_new"
check "the rows have texts" test "$(grep -c . "$TMP/details_new")" -gt 20
expect_status 0 "check --db on the compact store" "$RECOUPE" check --db "$DB3"
cp "$TMP/out" "$TMP/check_new"
if "$RECOUPE" check "$TMP/in" >"$TMP/check_files" 2>/dev/null; then
    check "check --db on the compact store equals check" cmp -s "$TMP/check_new" "$TMP/check_files"
fi
check "views of version 3" test \
    "$(sqlite3 "$DB3" "SELECT count(*) FROM sqlite_master WHERE type = 'view'")" = 8

finish
