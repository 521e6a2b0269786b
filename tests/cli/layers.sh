#!/bin/sh
# layers.sh - the layering of src/ (docs/architecture.md, "Layers"): a file includes headers of
# its own folder or of a lower layer, never of a higher one; the cross-check, the store, the
# report and the CLI see the library only through include/recoupe.h (and util/).
# Arguments: RECOUPE TESTS_DIR SHARED_DIR (only TESTS_DIR is used).
src=$(cd "$2/../src" && pwd)

rank() {
    case $1 in
    util) echo 0 ;;
    core) echo 1 ;;
    ingest | text | lang) echo 2 ;;
    extract) echo 3 ;;
    crosscheck) echo 4 ;;
    store) echo 5 ;;
    report) echo 6 ;;
    cli) echo 7 ;;
    *) echo 99 ;;
    esac
}

bad=0
checked=0
for f in $(find "$src" -name '*.[ch]' -o -name '*.re' | sort); do
    rel=${f#"$src"/}
    from=${rel%%/*}
    rf=$(rank "$from")
    if [ "$rf" = 99 ]; then
        echo "FAIL: $rel is in a folder with no layer ($from/)"
        bad=$((bad + 1))
        continue
    fi
    for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
        checked=$((checked + 1))
        case $inc in
        recoupe.h | */*) ;;
        *) continue ;; # a header beside the file (generated tables)
        esac
        [ "$inc" = recoupe.h ] && continue
        to=${inc%%/*}
        [ "$to" = "$from" ] && continue
        rt=$(rank "$to")
        if [ "$rf" -ge 4 ] && [ "$to" != util ]; then
            echo "FAIL: $rel includes $inc: $from/ uses the library through recoupe.h only"
            bad=$((bad + 1))
        elif [ "$rt" -ge "$rf" ]; then
            echo "FAIL: $rel includes $inc, which is not below $from/"
            bad=$((bad + 1))
        fi
    done
done
echo "$checked includes checked"
if [ "$bad" -gt 0 ]; then
    echo "0 passed, 1 failed"
    exit 1
fi
echo "1 passed, 0 failed"
