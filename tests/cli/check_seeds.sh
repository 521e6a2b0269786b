# check_seeds.sh - the cross-check on the five seed articles (../shared/seeds): one toll from
# three origins, one figure of the displaced that two articles agree on, and one origin's figure
# worded two ways. Skips when the seeds are absent, or when extract finds no claims in them.
. "$(dirname "$0")/lib.sh"
need_shared

jqe() { jq -e "$@" >/dev/null; }

expect_status 0 "check the seeds" "$RECOUPE" check --date 2016-12-15 "$SHARED/seeds"
cp "$TMP/out" "$TMP/check.json"
if jqe '[.documents[].claims] | add == 0' "$TMP/check.json"; then
    echo "skipped: extract finds no claims in the seeds"
    exit 77
fi
# the documents by the number their file name starts with
ids='(.documents | map({key: (.path | capture("(?<n>[0-9]{3})_").n), value: .id}) | from_entries) as $d'

# the facts holding a claim of value V from document N
check "the UN's 82 in 000 and 001, the activists' 79 and the 100+ bodies are one fact" \
    jqe "$ids | [.facts[] | select(any(.claims[]; .value == 82 and .doc == \$d[\"000\"])
        and any(.claims[]; .value == 82 and .doc == \$d[\"001\"])
        and any(.claims[]; .value == 79 and .doc == \$d[\"001\"])
        and any(.claims[]; (.value == 100 or .low == 100) and .doc == \$d[\"001\"]))] | length == 1" \
    "$TMP/check.json"
check "that fact has three origins and is close or in conflict" \
    jqe "[.facts[] | select(any(.claims[]; .value == 82) and any(.claims[]; .value == 79))][0]
        | (.origins | length) == 3 and (.status == \"conflict\" or .status == \"close\")" \
    "$TMP/check.json"
check "the 80 000 displaced of 000 and 003 are one fact that agrees" \
    jqe "$ids | [.facts[] | select(any(.claims[]; .value == 80000 and .doc == \$d[\"000\"])
        and any(.claims[]; .value == 80000 and .doc == \$d[\"003\"]))]
        | length == 1 and .[0].status == \"agree\"" "$TMP/check.json"
check "7 796 (000) and more than 8 000 (001) are one fact" \
    jqe "$ids | [.facts[] | select(any(.claims[]; .value == 7796 and .doc == \$d[\"000\"])
        and any(.claims[]; (.value == 8000 or .low == 8000) and .doc == \$d[\"001\"]))]
        | length == 1" "$TMP/check.json"
check "7 796 (000) and more than 8 000 (001) are apart from 80 000" \
    jqe '[.facts[] | select(any(.claims[]; .value == 7796 or .value == 8000) and any(.claims[]; .value == 80000))] | length == 0' \
    "$TMP/check.json"
check "the Russian centre's two figures count for one origin" \
    jqe '[.facts[] | select(any(.claims[]; .value == 7796)) | .claims[]
        | select(.value == 7796 or .value == 8000 or .low == 8000) | .origin] | unique | length == 1' \
    "$TMP/check.json"
check "every claim of every document is in one fact" \
    jqe '([.documents[].claims] | add) == ([.facts[].claims | length] | add // 0)' "$TMP/check.json"

expect_status 0 "the seeds as CSV" "$RECOUPE" check --format csv --date 2016-12-15 "$SHARED/seeds"
check "one CSV row per claim, and the header" \
    test "$(grep -c "$(printf '\r')\$" "$TMP/out")" = "$(( $(jq '[.documents[].claims] | add' "$TMP/check.json") + 1 ))"
expect_status 0 "the seeds as text" "$RECOUPE" check --format text --date 2016-12-15 "$SHARED/seeds"
check "text lists the facts" grep -q "^f1 " "$TMP/out"

finish
