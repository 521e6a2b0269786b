#!/bin/sh
# corpus.sh - builds the bench corpus: about 20 MB of French news documents that are not copies
# of a handful of articles. Sentences are taken from every French text at hand (examples/, the
# evaluation articles of tests/eval/corpus/, the golden-test inputs, and ../shared/seeds when it is
# there; nothing is copied into the repository) and dealt into documents of 8 to 60 sentences by a
# seeded pseudo-random draw, with paragraph breaks, so that every document is a different mix of
# lengths, figures, dates, names and quotes. The draw is fixed: the same inputs give the same
# corpus. Usage: corpus.sh REPO_DIR OUT_DIR [BYTES]
set -eu
here=$1
out=$2
want=${3:-20971520}
rm -rf "$out"
mkdir -p "$out"
{
    ls "$here"/examples/*.txt "$here"/tests/eval/corpus/*.txt "$here"/tests/golden/*/input.txt \
        2>/dev/null || true
    ls "$here"/../shared/seeds/*.txt 2>/dev/null || true
} | while read -r f; do cat "$f"; printf '\n'; done |
    awk -v want="$want" -v out="$out" '
    # one sentence per record: split each line after ". ", "! ", "? " and keep lines of prose
    {
        line = $0
        while (match(line, /[.!?»] +[A-ZÀ-Ý«]/)) {
            s = substr(line, 1, RSTART)
            if (length(s) > 20) sent[n++] = s
            line = substr(line, RSTART + 2)
        }
        if (length(line) > 20) sent[n++] = line
    }
    END {
        if (n == 0) exit 1
        srand(20161215)
        total = 0
        doc = 0
        while (total < want) {
            doc++
            file = sprintf("%s/%06d.txt", out, doc)
            k = 8 + int(rand() * 53)
            text = ""
            for (i = 0; i < k; i++) {
                s = sent[int(rand() * n)]
                sep = (i == 0) ? "" : (rand() < 0.25 ? "\n\n" : " ")
                text = text sep s
            }
            printf "%s\n", text > file
            close(file)
            total += length(text) + 1
        }
        printf "%d sentences dealt into %d documents\n", n, doc
    }'
touch "$out/.complete"
