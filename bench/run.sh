#!/bin/sh
# make bench: builds a corpus of at least 20 MB from examples/ (each article copied many times,
# with a serial number so that no two copies are identical), then runs every bench_* program of
# the build on it. Each program prints one line: what it measured, MB/s, docs/s, peak RSS.
set -eu
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$here/bench/corpus"
want=$((20 * 1024 * 1024))
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    mkdir -p "$corpus"
    # one corpus document = the example articles one after the other, about the length of a
    # long news article; the serial number makes every document distinct
    cat "$here"/examples/*.txt >"$corpus/.one"
    one=$(wc -c <"$corpus/.one")
    n=$((want / one + 1))
    i=0
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        { cat "$corpus/.one"; printf '\nCopie %d du corpus de mesure.\n' "$i"; } >"$corpus/$(printf '%06d' "$i").txt"
    done
    rm -f "$corpus/.one"
    touch "$corpus/.complete"
fi
echo "bench corpus: $(ls "$corpus" | wc -l) documents, $(du -sb "$corpus" | cut -f1) bytes"
for b in "$build"/bench/bench_*; do
    [ -x "$b" ] || continue
    RECOUPE_DATA="$here/data" "$b" "$corpus" "$here"
done
