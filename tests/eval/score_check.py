#!/usr/bin/env python3
"""Score `recoupe check` (the cross-check) against a hand-made gold set of facts.

What it measures, on tests/eval/check1/ by default (corpus/*.txt and gold.json):

- grouping: pairwise precision, recall and F1 over the gold claims.  Every pair of gold
  claims is a positive pair when the gold puts both in one fact, a negative pair otherwise.
  A pair is predicted together when both claims are found in the output and sit in one output
  fact.  precision = together and positive / together; recall = together and positive /
  positive.  Output claims that the gold does not list are ignored.
- origins: the share of gold facts whose output fact (the output fact holding most of the
  fact's matched claims) has as many origins as the gold says.
- status: the share of gold facts whose output fact has the gold status.

Gold claims are matched to output claims by (file name, value); a range without a value
(des milliers) is matched by its low.  A (file, value) listed n times in the gold takes n
output claims with that key, in output order.  A gold claim found nowhere counts as apart
from all others (a recall loss) and is listed with --details.

Usage:
  python3 tests/eval/score_check.py [--recoupe PATH] [--set DIR] [--date D] [--details] [--json]
  python3 tests/eval/score_check.py OUT.json     # score a saved `recoupe check` output
Standard library only; exits 0 whatever the scores.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def norm_value(v):
    if v is None:
        return None
    f = float(v)
    return int(f) if f == int(f) else f


def claim_value(c):
    v = c.get("value")
    if v is None:
        v = c.get("low")
    if v is None:
        v = c.get("high")
    return norm_value(v)


def run_check(recoupe, files, date):
    cmd = [recoupe, "check"]
    if date:
        cmd += ["--date", date]
    cmd += files
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if p.returncode not in (0, 1):
        sys.exit("recoupe check failed (%d): %s" % (p.returncode, p.stderr.strip()))
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("output", nargs="?", help="a saved check JSON output instead of running")
    ap.add_argument("--recoupe", default=os.path.join(ROOT, "build", "recoupe"))
    ap.add_argument("--set", default=os.path.join(HERE, "check1"))
    ap.add_argument("--date", default=None, help="default: the gold's date")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    with open(os.path.join(a.set, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    gfacts = gold["facts"]
    if a.output:
        with open(a.output, encoding="utf-8") as f:
            out = json.load(f)
    else:
        files = sorted(glob.glob(os.path.join(a.set, "corpus", "*.txt")))
        out = run_check(a.recoupe, files, a.date or gold.get("date"))

    docname = {d["id"]: os.path.basename(d.get("path") or d["id"]) for d in out["documents"]}
    # output claims in order: (key, fact index, claim)
    pool = []
    for fi, fact in enumerate(out["facts"]):
        for c in fact["claims"]:
            pool.append([(docname.get(c["doc"], c["doc"]), claim_value(c)), fi, c, False])

    # gold claims -> output fact index (or None)
    gclaims = []  # (gold fact index, key, out fact index or None, out claim)
    for gi, gf in enumerate(gfacts):
        for fname, val in gf["claims"]:
            key = (fname, norm_value(val))
            hit = None
            for p in pool:
                if not p[3] and p[0] == key:
                    p[3] = True
                    hit = p
                    break
            gclaims.append((gi, key, hit[1] if hit else None, hit[2] if hit else None))

    tp = fp = fn = 0
    pair_misses = []
    for x, y in combinations(gclaims, 2):
        pos = x[0] == y[0]
        tog = x[2] is not None and x[2] == y[2]
        if pos and tog:
            tp += 1
        elif tog:
            fp += 1
            pair_misses.append(("wrongly together", x, y))
        elif pos:
            fn += 1
            pair_misses.append(("wrongly apart", x, y))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    orig_ok = stat_ok = 0
    fact_misses = []
    for gi, gf in enumerate(gfacts):
        idx = [c[2] for c in gclaims if c[0] == gi and c[2] is not None]
        if not idx:
            fact_misses.append((gi, "no claim found", None))
            continue
        best = max(set(idx), key=lambda i: (idx.count(i), -i))
        of = out["facts"][best]
        n = len(of.get("origins", []))
        if n == gf["origins"]:
            orig_ok += 1
        else:
            fact_misses.append((gi, "origins %d, gold %d (%s)" % (
                n, gf["origins"], "; ".join("%s x%d" % (os.path.basename(o["name"]), o["claims"]) for o in of["origins"])), of["id"]))
        if of.get("status") == gf["status"]:
            stat_ok += 1
        else:
            fact_misses.append((gi, "status %s, gold %s" % (of.get("status"), gf["status"]), of["id"]))

    nf = len(gfacts)
    found = sum(1 for c in gclaims if c[2] is not None)
    res = {"gold_facts": nf, "gold_claims": len(gclaims), "claims_found": found,
           "output_facts": len(out["facts"]),
           "pairs": {"tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 4),
                     "recall": round(rec, 4), "f1": round(f1, 4)},
           "origins_right": round(orig_ok / nf, 4) if nf else 0.0,
           "status_right": round(stat_ok / nf, 4) if nf else 0.0}
    if a.json:
        print(json.dumps(res))
    else:
        print("check set: %s" % os.path.relpath(a.set, ROOT))
        print("gold claims found in output: %d / %d (output facts: %d, gold facts: %d)"
              % (found, len(gclaims), len(out["facts"]), nf))
        print("grouping (pairs): P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)"
              % (prec, rec, f1, tp, fp, fn))
        print("origins right: %d / %d (%.0f %%)" % (orig_ok, nf, 100.0 * orig_ok / nf if nf else 0))
        print("status right:  %d / %d (%.0f %%)" % (stat_ok, nf, 100.0 * stat_ok / nf if nf else 0))
    if a.details:
        def lab(c):
            return "%s=%s[%s]" % (c[1][0], c[1][1], out["facts"][c[2]]["id"] if c[2] is not None else "-")
        print("\nclaims not found:")
        for c in gclaims:
            if c[2] is None:
                print("  gold fact %d: %s %s" % (c[0] + 1, c[1][0], c[1][1]))
        print("pair misses:")
        for kind, x, y in pair_misses:
            print("  %s: %s / %s (gold facts %d, %d)" % (kind, lab(x), lab(y), x[0] + 1, y[0] + 1))
        print("fact misses:")
        for gi, why, fid in fact_misses:
            print("  gold fact %d (%s) -> %s: %s" % (gi + 1, gfacts[gi]["what"][:60], fid, why))
    return 0


if __name__ == "__main__":
    sys.exit(main())
