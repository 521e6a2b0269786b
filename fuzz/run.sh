#!/bin/sh
# make fuzz: runs every libFuzzer target of the fuzz build for SECONDS each, with a corpus kept
# under BUILD/corpus-NAME and seeded from examples/ and tests/data/. Stops at the first crash.
set -eu
build=${1:-build-fuzz}
seconds=${2:-30}
here=$(cd "$(dirname "$0")/.." && pwd)
found=0
for bin in "$build"/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    found=1
    name=$(basename "$bin")
    corpus="$build/corpus-$name"
    mkdir -p "$corpus"
    for f in "$here"/examples/* "$here"/tests/data/* "$here"/fuzz/seeds/"$name"/*; do
        [ -f "$f" ] && cp -n "$f" "$corpus/" 2>/dev/null || true
    done
    echo "fuzz: $name for $seconds s"
    RECOUPE_DATA="$here/data" LSAN_OPTIONS="suppressions=$here/tests/lsan.supp" \
        "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/" "$corpus" 2>&1 |
        grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true
    # one pattern at a time: ls fails when any of several patterns matches nothing
    for kind in crash leak timeout oom; do
        for f in "$build"/$kind-*; do
            if [ -e "$f" ]; then
                echo "fuzz: $name found a failing input: $f"
                exit 1
            fi
        done
    done
done
[ "$found" = 1 ] || { echo "fuzz: no targets in $build/fuzz"; exit 1; }
