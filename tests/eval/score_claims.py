#!/usr/bin/env python3
"""score_claims.py - measures the claims stage on hand-written cases.

Reads tests/eval/claims.jsonl (one case a line: {"id", "text", "date", "claims": [{"value",
"what", "who", "modality", "source"}]}), runs `recoupe extract` on the texts, matches each
expected claim to a found one of the same case by value, and prints recall, precision and, for
the matched claims, the share with the right what, who, modality and first source.

usage: score_claims.py [--recoupe build/recoupe] [--cases tests/eval/claims.jsonl] [-v]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from html import escape as html_escape


def fold(s):
    s = unicodedata.normalize("NFKD", s or "").lower().replace("\u2019", "'")
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def same_value(exp, got):
    v = exp.get("value")
    if v is None:
        return got.get("value") is None and got.get("low") == exp.get("low")
    g = got.get("value")
    return g is not None and abs(g - v) <= 1e-6 * max(1.0, abs(v))


def same_source(exp, got):
    want = exp.get("source")
    srcs = got.get("sources") or []
    if not want:
        return not srcs
    if not srcs:
        return False
    a, b = fold(want), fold(srcs[0].get("name"))
    return a in b or (b and b in a)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--recoupe", default=os.path.join(root, "build", "recoupe"))
    ap.add_argument("--cases", default=os.path.join(here, "claims.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    cases = [json.loads(l) for l in open(args.cases, encoding="utf-8") if l.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for c in cases:
            # a page declaring French: a one-sentence text is too short for the language to be
            # told from its words alone
            html = '<html lang="fr"><body><article><p>%s</p></article></body></html>' % (
                html_escape(c["text"]))
            f.write(json.dumps({"id": c["id"], "html": html, "date": c.get("date")},
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run([args.recoupe, "extract", "--jobs", "1", path], check=True,
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    docs = [json.loads(l) for l in out.splitlines() if l.strip()]
    if len(docs) != len(cases):
        sys.exit("expected %d documents, got %d" % (len(cases), len(docs)))
    n_exp = n_found = n_match = 0
    right = {"what": 0, "who": 0, "modality": 0, "source": 0}
    for c, d in zip(cases, docs):
        found = d.get("claims") or []
        n_exp += len(c["claims"])
        n_found += len(found)
        used = set()
        for e in c["claims"]:
            k = next((i for i, g in enumerate(found) if i not in used and same_value(e, g)), None)
            if k is None:
                if args.verbose:
                    print("MISS %s: %s | %s" % (c["id"], e, c["text"]))
                continue
            used.add(k)
            g = found[k]
            n_match += 1
            ok = {"what": g["what"] == e["what"], "who": g["who"] == e["who"],
                  "modality": g["modality"] == e["modality"], "source": same_source(e, g)}
            for key, v in ok.items():
                right[key] += v
            if args.verbose and not all(ok.values()):
                bad = ["%s=%s (want %s)" % (key, g["what" if key == "what" else key] if key != "source"
                        else [s["name"] for s in g["sources"]], e[key]) for key, v in ok.items() if not v]
                print("WRONG %s %s: %s | %s" % (c["id"], g["text"], "; ".join(bad), c["text"]))
        for i, g in enumerate(found):
            if i not in used and args.verbose:
                print("EXTRA %s: %s %s %s | %s" % (c["id"], g["text"], g["what"], g["who"], c["text"]))
    recall = n_match / n_exp if n_exp else 1.0
    precision = n_match / n_found if n_found else 1.0
    print("cases %d  expected %d  found %d  matched %d" % (len(cases), n_exp, n_found, n_match))
    print("recall %.1f %%  precision %.1f %%" % (100 * recall, 100 * precision))
    for key in ("what", "who", "modality", "source"):
        print("%-8s %.1f %%" % (key, 100 * right[key] / n_match if n_match else 0))


if __name__ == "__main__":
    main()
