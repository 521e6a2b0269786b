# run.sh - one golden test: runs `recoupe $(cat cmd)` inside the case folder (so that paths in
# the output are relative) and compares standard output with expected.jsonl. With UPDATE=1 the
# expected file is rewritten instead; review the diff before committing it. A file "filter" in
# the case folder holds a jq program the output goes through first.
# Arguments: RECOUPE CASE_DIR SHARED_DIR. A case whose cmd mentions @SHARED@ needs ../shared.
recoupe=$1
dir=$2
shared=$3
cmd=$(cat "$dir/cmd")
case $cmd in
*@SHARED@*)
    if [ ! -d "$shared/seeds" ]; then
        echo "skipped: $shared is absent"
        exit 77
    fi
    cmd=$(printf '%s' "$cmd" | sed "s|@SHARED@|$shared|g")
    ;;
esac
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2086
(cd "$dir" && "$recoupe" $cmd) >"$out.raw"
status=$?
# a case may keep only part of the output (a jq program in its file "filter"), so that a test of
# one stage does not change with every other stage
if [ -f "$dir/filter" ]; then
    jq -c -f "$dir/filter" "$out.raw" >"$out.jq" && mv "$out.jq" "$out.raw"
fi
# paths into ../shared differ from one clone to another: write them as @SHARED@
sed "s|$shared|@SHARED@|g" "$out.raw" >"$out"
rm -f "$out.raw"
if [ "${UPDATE:-0}" = 1 ]; then
    cp "$out" "$dir/expected.jsonl"
    echo "updated $dir/expected.jsonl"
    exit 0
fi
if ! diff -u "$dir/expected.jsonl" "$out"; then
    echo "FAIL: output of 'recoupe $cmd' differs from $dir/expected.jsonl"
    exit 1
fi
want=$(cat "$dir/status" 2>/dev/null || echo 0)
if [ "$status" != "$want" ]; then
    echo "FAIL: exit status $status, want $want"
    exit 1
fi
echo "1 passed, 0 failed"
