# ingest.sh - the ingest command and its store: usage errors, a second ingest of the same files
# changes nothing in the database, new files extend it, the stored JSON is extract's (compact:
# without the texts cut from the document's text by offsets, which the views cut again), and bad
# stores (not SQLite, a newer schema, locked) are named and left as they were.
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite3 >/dev/null; then
    echo "skipped: the sqlite3 program is not installed"
    exit 77
fi
EX="$TESTS/../examples"
DB="$TMP/s.db"

expect_status 2 "ingest without paths" "$RECOUPE" ingest --db "$DB"
check "usage error points to --help" grep -q "recoupe ingest --help" "$TMP/err"
expect_status 2 "--db without file" "$RECOUPE" ingest --db
expect_status 0 "ingest --help" "$RECOUPE" ingest --help
check "--help describes --db" grep -q -- "--db FILE" "$TMP/out"
check "no store made by a usage error" test ! -e "$DB"

# the tables' content, without the time each document was added
dump() { sqlite3 "$1" .dump | sed "s/'[0-9-]*T[0-9:]*Z'/'T'/g"; }

mkdir -p "$TMP/in"
cp "$EX"/0[123]_*.txt "$TMP/in/"
expect_status 0 "first ingest" "$RECOUPE" ingest --db "$DB" "$TMP/in"
check "summary: three added" grep -q "3 documents added, 0 already there" "$TMP/err"
check "summary is on stderr only" test ! -s "$TMP/out"
check "three documents stored" test "$(sqlite3 "$DB" 'SELECT count(*) FROM documents')" = 3
check "schema version 4" test "$(sqlite3 "$DB" 'PRAGMA user_version')" = 4
check "WAL journal" test "$(sqlite3 "$DB" 'PRAGMA journal_mode')" = wal
dump "$DB" >"$TMP/dump1"

expect_status 0 "second ingest" "$RECOUPE" ingest --db "$DB" "$TMP/in"
check "summary: three already there" grep -q "0 documents added, 3 already there" "$TMP/err"
dump "$DB" >"$TMP/dump2"
check "second ingest changes nothing" cmp -s "$TMP/dump1" "$TMP/dump2"

cp "$EX"/04_*.txt "$TMP/in/"
expect_status 0 "ingest after a new file" "$RECOUPE" ingest --db "$DB" --jobs 2 "$TMP/in"
check "summary: one added" grep -q "1 document added, 3 already there" "$TMP/err"
dump "$DB" >"$TMP/dump4"
check "order added kept" test "$(sqlite3 "$DB" 'SELECT group_concat(seq) FROM (SELECT seq FROM documents ORDER BY path)')" = "1,2,3,4"

# each stored JSON is what extract writes with --text --explain, in the order added, plus the keys
# of the claims' places and sources (so that check --db finds the same origins as check), less
# the texts of spans and the claims' sentences (their position instead: RC_JSON_COMPACT) and the
# null members of the objects inside the stages' arrays (nonull, applied to both sides)
sqlite3 "$DB" 'SELECT json FROM documents ORDER BY seq' >"$TMP/stored"
"$RECOUPE" extract --text --explain "$TMP/in" >"$TMP/extracted" 2>/dev/null
if command -v jq >/dev/null; then
    NONULL='def nonull: if type == "object" then with_entries(select(.value != null) | .value |= nonull)
        elif type == "array" then map(nonull) else . end;
        with_entries(if .key == "doc" or (.value | type) != "array" then . else .value |= nonull end)'
    check "stored JSON has no null inside the stages" test "$(jq -c "$NONULL" "$TMP/stored" | cmp - "$TMP/stored" && echo same)" = same
    jq -c 'del(.claims[].place_keys, .claims[].sentence_index, .claims[].sentence) |
        .claims[].sources[] |= {name, role}' "$TMP/stored" | jq -c "$NONULL" >"$TMP/stored_nokeys"
    jq -c 'del(.numbers[].text, .times[].text, .entities[].text, .quotes[].text, .claims[].text,
        .claims[].sentence)' "$TMP/extracted" | jq -c "$NONULL" >"$TMP/extracted_jq"
    check "stored JSON is extract's" cmp -s "$TMP/stored_nokeys" "$TMP/extracted_jq"
    check "stored JSON is compact" test "$(jq '[.entities[] | has("text")] | any' "$TMP/stored" |
        sort -u)" = false
    check "claims name their sentence by position" test "$(jq '[.claims[] | .sentence_index] |
        length > 0 and all(. != null)' "$TMP/stored" | sort -u)" = true
    # the views cut the texts again: the same as extract's
    jq -r '.entities[] | [.text, .start] | @tsv' "$TMP/extracted" >"$TMP/ent_extract"
    sqlite3 -separator '	' "$DB" 'SELECT e.text, e.start FROM documents d JOIN entities e ON
        e.doc = d.id ORDER BY d.seq, e.n' >"$TMP/ent_view"
    check "entities view has extract's texts" cmp -s "$TMP/ent_extract" "$TMP/ent_view"
    jq -r '.quotes[] | [.text, .start] | @tsv' "$TMP/extracted" >"$TMP/quote_extract"
    sqlite3 -separator '	' "$DB" 'SELECT q.text, q.start FROM documents d JOIN quotes q ON
        q.doc = d.id ORDER BY d.seq, q.n' >"$TMP/quote_view"
    check "quotes view has extract's texts" test -s "$TMP/quote_view"
    check "quotes view has extract's texts" cmp -s "$TMP/quote_extract" "$TMP/quote_view"
    check "stored JSON has the sources' keys" test \
        "$(jq '[.claims[].sources[] | has("key") and has("type")] | all' "$TMP/stored" | sort -u)" = true
fi
check "stored JSON has the places' keys" test "$(sqlite3 "$DB" \
    "SELECT count(*) FROM documents d, json_each(d.json, '\$.claims') c WHERE json_array_length(c.value, '\$.places') > 0 AND json_array_length(c.value, '\$.place_keys') = json_array_length(c.value, '\$.places')")" -gt 0
check "columns agree with the JSON" test "$(sqlite3 "$DB" \
    "SELECT count(*) FROM documents WHERE json_extract(json, '\$.doc.chars') = chars AND json_extract(json, '\$.doc.id') = id")" = 4

# check --db reads the store as check reads the files (once the cross-check exists)
if "$RECOUPE" check "$TMP/in" >"$TMP/check_files" 2>/dev/null; then
    expect_status 0 "check --db" "$RECOUPE" check --db "$DB"
    check "check --db equals check on the files" cmp -s "$TMP/out" "$TMP/check_files"
fi

# the facts table holds check's facts, whether the documents came in one ingest or in two (the
# documents of the run join the cross-check as written, those stored before are read back)
if command -v jq >/dev/null && "$RECOUPE" check "$TMP/in" >"$TMP/check_files" 2>/dev/null; then
    facts_of() { sqlite3 -separator ' ' "$1" "SELECT id, what, who, printf('%g', best), status, claims, origins FROM facts ORDER BY n"; }
    jq -r '.facts[] | "\(.id) \(.what) \(.who) \(.best) \(.status) \(.claims | length) \(.origins | length)"' \
        "$TMP/check_files" >"$TMP/facts_check"
    facts_of "$DB" >"$TMP/facts_two"
    expect_status 0 "ingest in one run" "$RECOUPE" ingest --db "$TMP/one.db" "$TMP/in"
    facts_of "$TMP/one.db" >"$TMP/facts_one"
    check "facts of check in the store" test -s "$TMP/facts_check"
    check "facts table equals check's facts (two runs)" cmp -s "$TMP/facts_check" "$TMP/facts_two"
    check "facts table equals check's facts (one run)" cmp -s "$TMP/facts_check" "$TMP/facts_one"
fi

# a file that is not SQLite: named, exit 1, not touched
printf 'Ceci est un carnet de notes, pas une base de données.\n%.0s' 1 2 3 4 5 6 7 8 9 10 >"$TMP/notes.db"
cp "$TMP/notes.db" "$TMP/notes.orig"
expect_status 1 "ingest into a text file" "$RECOUPE" ingest --db "$TMP/notes.db" "$TMP/in"
check "text file named" grep -q "notes.db: not a SQLite database" "$TMP/err"
check "text file untouched" cmp -s "$TMP/notes.db" "$TMP/notes.orig"

# a store from a newer recoupe: refused, untouched
cp "$DB" "$TMP/new.db"
sqlite3 "$TMP/new.db" 'PRAGMA user_version = 9'
dump "$TMP/new.db" >"$TMP/new1"
expect_status 1 "ingest into a newer store" "$RECOUPE" ingest --db "$TMP/new.db" "$TMP/in"
check "newer schema named" grep -q "new.db: the store has schema version 9, newer" "$TMP/err"
dump "$TMP/new.db" >"$TMP/new2"
check "newer store untouched" cmp -s "$TMP/new1" "$TMP/new2"

# a store another program is writing: a clear error after the wait. The other writer holds its
# lock until the ingest is over (or 20 s).
(printf 'BEGIN IMMEDIATE;\nINSERT INTO facts (id, n) VALUES ("x", 0);\n.shell touch %s/locked; i=0; while [ ! -e %s/go ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i+1)); done\nROLLBACK;\n' "$TMP" "$TMP" |
    sqlite3 "$DB" >/dev/null 2>&1) &
i=0
while [ ! -e "$TMP/locked" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
export RECOUPE_BUSY_TIMEOUT=200
expect_status 1 "ingest into a locked store" "$RECOUPE" ingest --db "$DB" "$EX"
unset RECOUPE_BUSY_TIMEOUT
check "lock named" grep -q "s.db: .*locked" "$TMP/err"
touch "$TMP/go"
wait
dump "$DB" >"$TMP/dump3"
check "locked store unchanged" cmp -s "$TMP/dump4" "$TMP/dump3"

finish
