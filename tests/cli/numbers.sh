#!/bin/sh
# recoupe numbers on the contract's NUMBER examples: the output must match numbers.expected
# byte for byte, and --help and a bad option must give the documented exit codes.
# usage: numbers.sh RECOUPE TESTS_DIR SHARED_DIR
set -u
recoupe=$1
here=$2/cli
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$recoupe" numbers < "$here/numbers.input" > "$out" || { echo "recoupe numbers failed"; exit 1; }
if ! cmp -s "$out" "$here/numbers.expected"; then
    echo "recoupe numbers: output differs from numbers.expected"
    diff "$here/numbers.expected" "$out" | head -20
    exit 1
fi
"$recoupe" numbers --help > /dev/null || { echo "--help failed"; exit 1; }
"$recoupe" numbers --bogus > /dev/null 2>&1
[ $? -eq 2 ] || { echo "a bad option must exit 2"; exit 1; }
exit 0
