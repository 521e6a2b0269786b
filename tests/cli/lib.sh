# lib.sh - helpers for the shell tests of the recoupe program. A test sources this file, calls
# check/expect_* for each assertion, and ends with `finish`, which prints the tally and sets the
# exit status (0 pass, 1 fail). Arguments of every test: RECOUPE TESTS_DIR SHARED_DIR.
RECOUPE=$1
TESTS=$2
SHARED=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
    desc=$1
    shift
    if "$@"; then ok; else ko "$desc"; fi
}

# expect_status WANT DESCRIPTION COMMAND...: runs the command, output to $TMP/out and $TMP/err.
expect_status() {
    want=$1
    desc=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else ko "$desc: exit $got, want $want"; cat "$TMP/err" >&2; fi
}

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
}

need_shared() {
    if [ ! -d "$SHARED/seeds" ]; then
        echo "skipped: $SHARED/seeds is absent (clone with ../shared beside it)"
        exit 77
    fi
}
