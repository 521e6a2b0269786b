# seeds.sh - extract on the five French seed articles: ids, language, the noise lines dropped
# and every other line of prose kept verbatim.
. "$(dirname "$0")/lib.sh"
need_shared

expect_status 0 "extract seeds" "$RECOUPE" extract --text "$SHARED"/seeds/*
check "five documents" test "$(wc -l <"$TMP/out")" = 5
for f in "$SHARED"/seeds/*; do
    id=$(sha256sum "$f" | cut -c1-16)
    check "id of $f" jq -s -e --arg id "$id" 'any(.[]; .doc.id == $id)' "$TMP/out" >/dev/null
done
check "all French" test "$(jq -r .doc.lang "$TMP/out" | sort -u)" = fr

# the noise lines the seeds carry, each dropped
jq -r '.doc.noise[].text' "$TMP/out" >"$TMP/noise"
for want in "510578 01 03 1481125894 56" \
            "site web internet blog html site" \
            "commenter cet article …" \
            "Sur le terrain, il n'y a pas de trêve"; do
    check "dropped: $want" grep -qxF "$want" "$TMP/noise"
done

# every other non-blank line of every seed is in the cleaned text, verbatim
for f in "$SHARED"/seeds/*; do
    id=$(sha256sum "$f" | cut -c1-16)
    jq -r --arg id "$id" 'select(.doc.id == $id) | .doc.text' "$TMP/out" >"$TMP/text"
    jq -r --arg id "$id" 'select(.doc.id == $id) | .doc.noise[].text' "$TMP/out" >"$TMP/dropped"
    missing=0
    nb=$(printf '\302\240')
    while IFS= read -r line; do
        line=$(printf '%s' "$line" | LC_ALL=C sed "s/^[[:space:]$nb]*//; s/[[:space:]$nb]*\$//")
        [ -z "$line" ] && continue
        grep -qxF -- "$line" "$TMP/dropped" && continue
        grep -qF -- "$line" "$TMP/text" || { missing=$((missing + 1)); echo "lost: $line" >&2; }
    done <"$f"
    check "prose of $(basename "$f") kept" test "$missing" = 0
done
check "sources with dates kept" grep -q "08/12/16" "$TMP/out"
finish
