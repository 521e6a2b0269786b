# report_browser.sh - the dossier of the seeds and of hostile articles, opened in a real browser
# (headless chromium): the page renders, every document is named, nothing an article carries
# became an element, a handler or a live link, and, once the cross-check makes facts, the toll
# the seeds give as 82, 79 and more than 100 is one fact with its origins.
. "$(dirname "$0")/lib.sh"
need_shared
command -v chromium >/dev/null 2>&1 || { echo "skipped: chromium is not installed"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "skipped: python3 is not installed"; exit 77; }

expect_status 0 "report of seeds and hostile articles" \
    "$RECOUPE" report -o "$TMP/dossier.html" "$SHARED/seeds" "$TESTS/data/hostile"
check "dossier written" test -s "$TMP/dossier.html"
check "no temporary file left" test "$(ls "$TMP" | grep -c '\.tmp\.')" = 0

# the browser's DOM, after parsing: what a reader's browser would build
HOME="$TMP" timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$TMP/profile" --dump-dom "file://$TMP/dossier.html" \
    >"$TMP/dom.html" 2>"$TMP/chromium.err"
check "browser rendered the page" grep -q '</main>' "$TMP/dom.html"
python3 "$TESTS/cli/report_domcheck.py" "$TMP/dom.html" >"$TMP/found"
check "all sections rendered" test "$(sed -n 's/^sections //p' "$TMP/found")" -ge 8
if grep '^bad ' "$TMP/found" >&2; then ko "injected element, handler or link in the DOM"; else ok; fi
check "no script element" sh -c "! grep -qi '<script' '$TMP/dom.html'"

# every document is named, in input order, by its file or its site
ndocs=$(grep -c '^doc ' "$TMP/found")
check "seven documents listed" test "$ndocs" = 7
for f in "$SHARED"/seeds/*; do
    check "named: $(basename "$f")" grep -qF "$(basename "$f")" "$TMP/dom.html"
done
check "hostile text named" grep -q '^doc D7 · hostile.txt' "$TMP/found"
check "hostile site shown as text" grep -qF '</svg><script>alert("site")</script>Site piégé' "$TMP/found"
check "hostile address shown as text" grep -qF 'javascript:alert("url")' "$TMP/dom.html"

# the facts, once claims and the cross-check exist
if grep -q '^fact ' "$TMP/found"; then
    found=0
    while IFS='|' read -r values origins; do
        case " $values " in *" 82 "*) ;; *) continue ;; esac
        case " $values " in *" 79 "*) ;; *) continue ;; esac
        case " $values " in *" 100 "*) ;; *) continue ;; esac
        [ "$origins" -ge 2 ] && found=1
    done <<EOT
$(sed -n 's/^fact //p' "$TMP/found")
EOT
    check "the fact of 82 / 79 / 100+ with its origins" test "$found" = 1
else
    echo "note: the dossier has no facts yet; the fact of the seeds is not checked"
fi
finish
