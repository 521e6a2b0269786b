#!/bin/sh
# recoupe --tagger: the statistical entity tagger adds a surname no rule vouches for, is off
# without the option, and a malformed model file stops the program with its FILE:LINE.
# usage: tagger.sh RECOUPE TESTS_DIR SHARED_DIR
. "$2/cli/lib.sh"
data=$(cd "$TESTS/../data" && pwd)
printf 'Trois soldats ont été tués, a indiqué Hrebenko à la radio.\n' >"$TMP/a.txt"
expect_status 0 "extract --tagger" "$RECOUPE" extract --tagger "$TMP/a.txt"
check "the tagger finds Hrebenko" python3 -c "
import json, sys
d = json.loads(open(sys.argv[1]).readline())
assert ['Hrebenko', 'PER'] in [[e['text'], e['type']] for e in d['entities']], d['entities']
" "$TMP/out"
expect_status 0 "extract" "$RECOUPE" extract "$TMP/a.txt"
check "off by default" python3 -c "
import json, sys
d = json.loads(open(sys.argv[1]).readline())
assert 'Hrebenko' not in [e['text'] for e in d['entities']], d['entities']
" "$TMP/out"
# a data folder whose model is broken on its third line
mkdir -p "$TMP/data/fr"
for f in "$data"/fr/*; do ln -s "$f" "$TMP/data/fr/"; done
rm "$TMP/data/fr/ent_tagger.model"
printf 'recoupe-tagger 1\nlabels O PER LOC ORG\nw=x\t1\t2\n' >"$TMP/data/fr/ent_tagger.model"
expect_status 1 "a broken model" "$RECOUPE" extract --tagger --data "$TMP/data" "$TMP/a.txt"
check "the error names the file and line" grep -q 'ent_tagger.model:3: ' "$TMP/err"
expect_status 0 "a broken model unused without --tagger" "$RECOUPE" extract --data "$TMP/data" "$TMP/a.txt"
finish
