#!/usr/bin/env python3
"""score_sources.py - measures the sources stage against tests/eval/sources.jsonl.

Runs `recoupe extract` on the hand-annotated cases (one document each) and prints precision and
recall of quote speakers, of attribution chains (exact match of the whole chain), and of first
sources (the original speaker of each chain). Names are compared folded: lower case, no accents,
no leading article, typographic apostrophes unified.

usage: score_sources.py [RECOUPE] [CASES]   (defaults: build/recoupe, tests/eval/sources.jsonl)
       -v lists every miss.
"""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv
recoupe = args[0] if args else os.path.join(root, "build", "recoupe")
cases_path = args[1] if len(args) > 1 else os.path.join(here, "sources.jsonl")


def norm(name):
    if name is None:
        return None
    s = unicodedata.normalize("NFD", name.replace("\u2019", "'").lower())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.replace("«", "").replace("»", "").strip()
    for art in ("le ", "la ", "les ", "l'", "un ", "une ", "des "):
        if s.startswith(art):
            s = s[len(art):]
    return " ".join(s.split())


cases = [json.loads(line) for line in open(cases_path, encoding="utf-8") if line.strip()]
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
    for c in cases:
        # a page that says it is French: a sentence alone is too short for the language guess;
        # a blank line in a case's text starts a new paragraph
        html = '<html lang="fr"><body><article><p>%s</p></article></body></html>' % (
            c["text"].replace("&", "&amp;").replace("<", "&lt;").replace("\n\n", "</p><p>"))
        f.write(json.dumps({"html": html, "id": str(c["id"])}, ensure_ascii=False) + "\n")
    inpath = f.name
try:
    out = subprocess.run([recoupe, "extract", "--jobs", "1", "--date", "2024-05-01", inpath],
                         capture_output=True, text=True, check=True).stdout
finally:
    os.unlink(inpath)
docs = [json.loads(line) for line in out.splitlines() if line.strip()]
assert len(docs) == len(cases), "one document per case"

q_gold = q_found = q_right = 0     # quotes with a speaker: gold, output, right
q_none_gold = q_none_right = 0     # quotes that should have no speaker
c_gold = c_out = c_exact = 0       # chains
f_right = 0                        # chains whose first source is right
misses = []
for case, doc in zip(cases, docs):
    quotes = doc.get("quotes") or []
    for gq in case["quotes"]:
        hit = next((q for q in quotes if gq["quote"].replace("'", "\u2019") in q["text"].replace("'", "\u2019")), None)
        want = norm(gq["speaker"])
        got = norm(hit["speaker"]) if hit else None
        if want is None:
            q_none_gold += 1
            q_none_right += got is None
            if got is not None:
                q_found += 1
                misses.append((case["id"], "quote", gq["quote"], None, got))
            continue
        q_gold += 1
        if got is not None:
            q_found += 1
        if got == want:
            q_right += 1
        else:
            misses.append((case["id"], "quote", gq["quote"], want, got))
    gold = [[norm(n.lstrip("+")) for n in ch] for ch in case["chains"]]
    outc = [[norm(l["name"]) for l in a["chain"]] for a in (doc.get("attributions") or [])]
    c_gold += len(gold)
    c_out += len(outc)
    pool = list(outc)
    for g in gold:
        if g in pool:
            c_exact += 1
            pool.remove(g)
        else:
            misses.append((case["id"], "chain", None, g, outc))
    firsts = [o[0] for o in outc if o]
    for g in gold:
        if g and g[0] in firsts:
            f_right += 1
            firsts.remove(g[0])


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "  n/a"


print("cases: %d" % len(cases))
print("quote speakers   precision %s (%d/%d)  recall %s (%d/%d)" %
      (pct(q_right, q_found), q_right, q_found, pct(q_right, q_gold), q_right, q_gold))
print("scare quotes     left without speaker %s (%d/%d)" %
      (pct(q_none_right, q_none_gold), q_none_right, q_none_gold))
print("chains (exact)   precision %s (%d/%d)  recall %s (%d/%d)" %
      (pct(c_exact, c_out), c_exact, c_out, pct(c_exact, c_gold), c_exact, c_gold))
print("first source     precision %s (%d/%d)  recall %s (%d/%d)" %
      (pct(f_right, c_out), f_right, c_out, pct(f_right, c_gold), f_right, c_gold))
if verbose:
    for m in misses:
        print("  miss", m)
