# lexicon.sh - --lexicon DIR: a user's folder laid out like data/ extends the built-in lexicons
# (a new framing term, an override of a built-in entry, a new lexicon file) and a malformed file
# is refused with its FILE:LINE.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.txt" <<'TXT'
Les bandits armés ont attaqué le poste de Dorvane dans la nuit, selon les autorités locales.
Les combattants se sont retirés à l'aube et les forces gouvernementales ont repris la route.
TXT

expect_status 0 "extract without --lexicon" "$RECOUPE" extract "$TMP/a.txt"
check "built-in: combattants is an opposition term" \
    jq -e '[.framing[] | select(.term == "combattants")] | length == 1' "$TMP/out" >/dev/null
check "built-in: bandits armés is no term" \
    jq -e '[.framing[] | select(.term == "bandits armés")] | length == 0' "$TMP/out" >/dev/null

# the user adds a term, turns a built-in one off, and brings a lexicon of a new name
mkdir -p "$TMP/lex/fr"
printf '# my terms\nbandits armés\topposition fighters\ncombattants\t-\n' >"$TMP/lex/fr/framing.tsv"
printf 'un mot\n' >"$TMP/lex/fr/my_notes.txt"
expect_status 0 "extract --lexicon" "$RECOUPE" extract --lexicon "$TMP/lex" "$TMP/a.txt"
check "user term found" \
    jq -e '[.framing[] | select(.term == "bandits armés" and .concept == "opposition fighters" and .count == 1)] | length == 1' \
    "$TMP/out" >/dev/null
check "user entry overrides the built-in one" \
    jq -e '[.framing[] | select(.term == "combattants")] | length == 0' "$TMP/out" >/dev/null
check "built-in terms still found" \
    jq -e '[.framing[] | select(.term == "forces gouvernementales")] | length == 1' "$TMP/out" >/dev/null

# a .tsv line without its TAB and value: refused, naming FILE:LINE
printf 'rebelles\topposition fighters\nmercenaires sans valeur\n' >"$TMP/lex/fr/framing.tsv"
"$RECOUPE" extract --lexicon "$TMP/lex" "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"
status=$?
check "malformed lexicon fails" test "$status" -ne 0
check "no output for a malformed lexicon" test ! -s "$TMP/out"
check "error names FILE:LINE" grep -q "lex/fr/framing.tsv:2:" "$TMP/err"

# a line that is not UTF-8
printf 'rebelles\topposition fighters\n\n\nins\351rg\351s\topposition fighters\n' >"$TMP/lex/fr/framing.tsv"
"$RECOUPE" extract --lexicon "$TMP/lex" "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"
check "Latin-1 line named" grep -q "lex/fr/framing.tsv:4: the line is not UTF-8" "$TMP/err"

# a folder that does not exist, and a lexicon file outside any language folder
"$RECOUPE" extract --lexicon "$TMP/nowhere" "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"
check "missing folder refused" test $? -ne 0
check "missing folder named" grep -q "nowhere" "$TMP/err"
mkdir -p "$TMP/flat"
printf 'rebelles\topposition fighters\n' >"$TMP/flat/framing.tsv"
"$RECOUPE" extract --lexicon "$TMP/flat" "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"
check "file outside a language folder refused" grep -q "language folder" "$TMP/err"

finish
