#!/bin/sh
# recoupe times --timeml cuts expressions as ISO-TimeML TIMEX3s (determiner in, preposition out,
# ranges and date + clock as two, mods): the output must match timeml.expected byte for byte; and
# extract --format timeml writes well-formed TimeML whose TIMEX3s enclose the text they tag.
# usage: timeml.sh RECOUPE TESTS_DIR SHARED_DIR
. "$2/cli/lib.sh"
here=$TESTS/cli
"$RECOUPE" times --ref 2016-12-15 --timeml <"$here/timeml.input" >"$TMP/out"
check "times --timeml matches timeml.expected" cmp -s "$TMP/out" "$here/timeml.expected"
cmp -s "$TMP/out" "$here/timeml.expected" || diff "$here/timeml.expected" "$TMP/out" | head -10
printf 'Le 3 mars, des combats & des « tirs » <b> ont eu lieu. Le lendemain, vers 20 heures, la ville est tombée.\n' >"$TMP/a.txt"
expect_status 0 "extract --format timeml" "$RECOUPE" extract --date 2016-12-15 --format timeml "$TMP/a.txt"
check "the TimeML is well-formed XML" python3 -c "
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
tx = root.find('TEXT').findall('TIMEX3')
assert [t.text for t in tx] == ['Le 3 mars', 'Le lendemain', '20 heures'], [t.text for t in tx]
assert tx[1].get('value') == '2016-03-04' and tx[2].get('mod') == 'APPROX'
assert root.find('DCT/TIMEX3').get('value') == '2016-12-15'
" "$TMP/out"
expect_status 2 "extract --format bogus" "$RECOUPE" extract --format bogus "$TMP/a.txt"
finish
