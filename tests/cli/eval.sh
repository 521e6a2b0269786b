# eval.sh - the evaluation set and its scorer: the annotation is well-formed (closed vocabularies,
# every anchor found once in its article) and score.py runs on the corpus, prints its table and
# its JSON. It measures and does not gate: low scores never fail this test.
. "$(dirname "$0")/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
    echo "skipped: python3 is absent"
    exit 77
fi
EVAL="$TESTS/eval"

expect_status 0 "gold is well-formed" python3 "$EVAL/score.py" --check-gold
check "gold check names no problem" grep -q " 0 problems" "$TMP/out"

# the gold scored against itself is perfect: anchors, sentences and matching agree
expect_status 0 "self-test" python3 "$EVAL/score.py" --self-test
check "self-test says every figure is 100 %" grep -q "^self-test: every figure 100 %" "$TMP/out"

expect_status 0 "score.py runs on the corpus" python3 "$EVAL/score.py" --recoupe "$RECOUPE" --save-output "$TMP/saved.jsonl"
for row in "entities ALL" "quotes" "attributions" "claims (value+sent.)" "matched claims"; do
    check "table has the row: $row" grep -q "^$row" "$TMP/out"
done
check "table counts forty articles or more" \
    sh -c "grep -Eq '^recoupe evaluation: ([4-9][0-9]|[1-9][0-9][0-9]) articles' '$TMP/out'"

check "the output is saved, one line per article" test "$(wc -l <"$TMP/saved.jsonl")" -ge 40
expect_status 0 "--json on the saved output" python3 "$EVAL/score.py" --json "$TMP/saved.jsonl"
check "--json is one JSON object with every layer" \
    jq -e 'has("entities") and has("quotes") and has("attributions") and has("claims")' "$TMP/out" >/dev/null

# a JSON Lines file of extract output is read instead of running the program
"$RECOUPE" extract --text --date 2024-01-01 "$EVAL/corpus" >"$TMP/out.jsonl" 2>/dev/null
expect_status 0 "score.py reads a JSON Lines file" python3 "$EVAL/score.py" "$TMP/out.jsonl"
check "every article found in the file" sh -c "! grep -q 'without output document' '$TMP/out'"

# an empty output scores zero recall: --min-recall then fails, and only then
: >"$TMP/empty.jsonl"
expect_status 0 "empty output measured" python3 "$EVAL/score.py" "$TMP/empty.jsonl"
expect_status 1 "--min-recall gates" python3 "$EVAL/score.py" "$TMP/empty.jsonl" --min-recall 0.5
finish
