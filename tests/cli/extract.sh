# extract.sh - the extract command's behaviour at its edges: usage errors, exit statuses,
# binary and Latin-1 input, folder walking, symlink loops, --date.
. "$(dirname "$0")/lib.sh"

expect_status 2 "no arguments" "$RECOUPE"
expect_status 2 "unknown command" "$RECOUPE" frobnicate
check "unknown command names --help" grep -q -- "--help" "$TMP/err"
expect_status 2 "extract without paths" "$RECOUPE" extract
check "usage error is one line" test "$(wc -l <"$TMP/err")" = 1
check "usage error points to --help" grep -q "recoupe extract --help" "$TMP/err"
expect_status 2 "unknown option" "$RECOUPE" extract --frob x
expect_status 2 "bad date" "$RECOUPE" extract --date 2016-02-30 x
expect_status 2 "--date without value" "$RECOUPE" extract --date
expect_status 0 "--help" "$RECOUPE" extract --help
check "--help describes --date" grep -q -- "--date" "$TMP/out"
expect_status 0 "--version" "$RECOUPE" --version
check "--version prints the version" grep -q "^recoupe [0-9]" "$TMP/out"
expect_status 0 "top --help" "$RECOUPE" --help
check "top --help lists extract" grep -q "extract" "$TMP/out"

# a folder with a French article, a Latin-1 one, a binary file, a hidden file and a note
mkdir -p "$TMP/in/sub"
printf 'Les secours ont évacué 120 blessés mardi, selon la protection civile.\n' >"$TMP/in/a.txt"
printf 'Les autorit\351s ont annonc\351 que le convoi \351tait arriv\351 \340 Vardes.\n' >"$TMP/in/sub/b.txt"
printf 'PK\003\004\000\000\001\002binary' >"$TMP/in/c.txt"
printf 'Un texte cach\303\251 que personne ne doit lire.\n' >"$TMP/in/.hidden.txt"
printf '# notes\n' >"$TMP/in/notes.md"
expect_status 1 "binary input makes exit 1" "$RECOUPE" extract --text "$TMP/in"
check "binary file named on stderr" grep -q "c.txt: input is binary" "$TMP/err"
check "the other files still come out" test "$(wc -l <"$TMP/out")" = 2
check "output is JSON" jq -e . "$TMP/out" >/dev/null
check "stable order: a.txt then sub/b.txt" test "$(jq -r .doc.path "$TMP/out" | sed 's|.*/in/||' | tr '\n' ' ')" = "a.txt sub/b.txt "
check "Latin-1 decoded" grep -q "Les autorités ont annoncé que le convoi était arrivé à Vardes." "$TMP/out"
check "hidden file skipped" sh -c "! grep -q cach '$TMP/out'"
check "notes.md skipped in a folder" sh -c "! grep -q notes '$TMP/out'"
check "id is the SHA-256 prefix of the raw bytes" \
    test "$(jq -r .doc.id "$TMP/out" | head -1)" = "$(sha256sum "$TMP/in/a.txt" | cut -c1-16)"
check "text matches chars" jq -e '(.doc.text | length) == .doc.chars' "$TMP/out" >/dev/null
check "lang is fr" jq -e '.doc.lang == "fr"' "$TMP/out" >/dev/null
check "no date without --date" jq -e '.doc.date == null and .doc.date_source == "none"' "$TMP/out" >/dev/null

# --date fills doc.date; offsets of sentences point into the text
expect_status 0 "--date" "$RECOUPE" extract --date 2021-03-09 --text "$TMP/in/a.txt"
check "date given" jq -e '.doc.date == "2021-03-09" and .doc.date_source == "given"' "$TMP/out" >/dev/null
check "sentence span covers the text" jq -e '.doc.sentence_spans == [[0, (.doc.text | utf8bytelength)]]' "$TMP/out" >/dev/null

# a file named explicitly is read whatever its extension
expect_status 0 "explicit .md file" "$RECOUPE" extract "$TMP/in/notes.md"
check "explicit file gives a document" test "$(wc -l <"$TMP/out")" = 1

# a missing file is named, the rest is processed
expect_status 1 "missing file" "$RECOUPE" extract "$TMP/nothere.txt" "$TMP/in/a.txt"
check "missing file named" grep -q "nothere.txt" "$TMP/err"
check "other file still processed" test "$(wc -l <"$TMP/out")" = 1

# symlink loop: reported, not followed forever
mkdir -p "$TMP/loop/d"
cp "$TMP/in/a.txt" "$TMP/loop/d/a.txt"
ln -s .. "$TMP/loop/d/up"
expect_status 1 "symlink loop" "$RECOUPE" extract "$TMP/loop"
check "loop reported" grep -q "symbolic link loop" "$TMP/err"
check "file in the loop read once" test "$(wc -l <"$TMP/out")" = 1

# CRLF and BOM
printf '\357\273\277Premi\303\250re ligne.\r\nSeconde ligne du texte.\r\n' >"$TMP/crlf.txt"
expect_status 0 "BOM and CRLF" "$RECOUPE" extract --text "$TMP/crlf.txt"
check "BOM stripped, CRLF folded" jq -e '.doc.text == "Première ligne.\nSeconde ligne du texte."' "$TMP/out" >/dev/null

# standard input is one document
printf 'Le convoi est arrivé mardi à Vardes avec des vivres.\n' | "$RECOUPE" extract - >"$TMP/out" 2>"$TMP/err"
check "stdin read as a document" jq -e '.doc.path == "-" and .doc.lang == "fr"' "$TMP/out" >/dev/null

# threads do not change the output or its order
for i in 1 2 3 4 5 6 7 8 9; do cp "$TMP/in/a.txt" "$TMP/in/sub/c$i.txt"; printf '%s\n' "$i" >>"$TMP/in/sub/c$i.txt"; done
"$RECOUPE" extract --jobs 1 "$TMP/in" >"$TMP/j1" 2>/dev/null
"$RECOUPE" extract --jobs 3 "$TMP/in" >"$TMP/j3" 2>"$TMP/j3err"
check "--jobs 3 gives the output of --jobs 1" cmp -s "$TMP/j1" "$TMP/j3"
check "--jobs 3 still names the binary file" grep -q "c.txt: input is binary" "$TMP/j3err"
expect_status 2 "--jobs 0 refused" "$RECOUPE" extract --jobs 0 "$TMP/in"

finish
