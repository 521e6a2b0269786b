# check.sh - the check command at its edges: usage errors, exit statuses, the three formats,
# relays between near-duplicate articles, a --db that is not a store.
. "$(dirname "$0")/lib.sh"

# jqe FILTER FILE: passes when the filter holds on the file
jqe() { jq -e "$@" >/dev/null; }

expect_status 2 "check without input" "$RECOUPE" check
check "usage error points to --help" grep -q "recoupe check --help" "$TMP/err"
expect_status 2 "unknown format" "$RECOUPE" check --format xml x
check "unknown format named" grep -q "xml" "$TMP/err"
expect_status 2 "paths and --db together" "$RECOUPE" check --db x.db x
expect_status 2 "bad date" "$RECOUPE" check --date 2016-13-01 x
expect_status 0 "--help" "$RECOUPE" check --help
check "--help names the formats" grep -q "json|text|csv" "$TMP/out"

# two papers printing one wire story (one with its own headline), one unrelated piece, one binary
mkdir -p "$TMP/in"
story='Les combats ont repris lundi soir dans le sud de la province, où les forces loyalistes
tentent de reprendre la route qui relie le port aux collines. Selon un responsable humanitaire
joint sur place, plusieurs centaines de familles ont quitté les villages de la vallée pendant la
nuit, à pied ou entassées dans des camionnettes, pour gagner les camps installés près de la
frontière. Les hôpitaux de campagne manquent de sang et de carburant pour les groupes
électrogènes, et les convois de ravitaillement attendent toujours une autorisation de passage.'
printf '%s\n' "$story" >"$TMP/in/a.txt"
printf 'Reprise des combats dans le sud\n%s\n' "$story" >"$TMP/in/b.txt"
printf 'Le festival de musique de la ville a attiré un public nombreux ce week-end, malgré la pluie\nqui a perturbé les concerts en plein air du samedi soir.\n' >"$TMP/in/c.txt"
expect_status 0 "check a folder" "$RECOUPE" check --date 2016-12-13 "$TMP/in"
check "one JSON object" test "$(jq -s length "$TMP/out")" = 1
check "the contract's keys" jqe 'has("documents") and has("facts") and has("framing")' "$TMP/out"
check "three documents" jqe '.documents | length == 3' "$TMP/out"
check "documents carry id, path, site, date" \
    jqe '.documents[0] | has("id") and has("path") and has("site") and .date == "2016-12-13"' "$TMP/out"
check "b.txt relays a.txt" \
    jqe '(.documents[0].id) as $a | .relays == [{"doc": .documents[1].id, "of": $a, "similarity": .relays[0].similarity}] and .relays[0].similarity >= 0.6' "$TMP/out"
check "the relay is named on its document" jqe '.documents[1].relay_of == .documents[0].id and .documents[2].relay_of == null' "$TMP/out"
check "every fact has the contract's fields" \
    jqe '[.facts[] | has("id") and has("what") and has("who") and has("places") and has("time") and has("claims") and has("low") and has("best") and has("high") and has("origins") and has("status")] | all' "$TMP/out"

expect_status 0 "text format" "$RECOUPE" check --format text --date 2016-12-13 "$TMP/in"
check "text has the table header" grep -q "^FACT *WHAT *WHO" "$TMP/out"
check "text names the relay" grep -q "b.txt repeats a.txt" "$TMP/out"
check "no colour when not a terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$TMP/out'"

expect_status 0 "csv format" "$RECOUPE" check --format csv "$TMP/in"
check "csv header" sh -c "head -1 '$TMP/out' | grep -q '^fact,event_date,date_end,location,what,who,low,best,high,status'"
check "csv lines end with CRLF" sh -c "head -1 '$TMP/out' | grep -q \"\$(printf '\\r')\$\""

printf 'PK\003\004\000\000\001\002binary' >"$TMP/in/d.txt"
expect_status 1 "binary input makes exit 1" "$RECOUPE" check "$TMP/in"
check "binary file named" grep -q "d.txt" "$TMP/err"
check "the rest is still checked" jqe '.documents | length == 3' "$TMP/out"
expect_status 1 "missing input makes exit 1" "$RECOUPE" check "$TMP/nothing-here"

printf 'this is not a database\n' >"$TMP/notadb.db"
expect_status 1 "--db on a file that is not a store" "$RECOUPE" check --db "$TMP/notadb.db"
check "the error names the file" grep -q "notadb.db" "$TMP/err"
check "nothing on stdout" test ! -s "$TMP/out"

finish
