#!/bin/sh
# make bench: builds a corpus of about 20 MB of varied French news documents (bench/corpus.sh),
# then runs every bench_* program of the build on it. Each program prints one line: what it measured, MB/s, docs/s, peak RSS.
set -eu
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="$here/bench/corpus"
want=$((20 * 1024 * 1024))
if [ ! -f "$corpus/.complete" ] || [ "$here/bench/corpus.sh" -nt "$corpus/.complete" ]; then
    sh "$here/bench/corpus.sh" "$here" "$corpus" "$want"
fi
echo "bench corpus: $(ls "$corpus" | wc -l) documents, $(du -sb "$corpus" | cut -f1) bytes"
for b in "$build"/bench/bench_*; do
    [ -x "$b" ] || continue
    RECOUPE_DATA="$here/data" "$b" "$corpus" "$here"
done
