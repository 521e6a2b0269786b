#!/usr/bin/env python3
"""score_entities.py - precision and recall of `recoupe extract` entities against the hand
annotations of entities.jsonl (one sentence per line, {"text", "entities": [{"text", "type"}]}).

An entity counts as found when the same text is found with the same type (exact match on the
text, as in CoNLL scoring); "span" figures ignore the type. Errors are listed with -v.
Usage: tests/eval/score_entities.py [-v] [RECOUPE [FILE.jsonl]]
       (FILE defaults to entities.jsonl; entities_heldout.jsonl holds sentences never tuned on)
"""
import collections
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv
recoupe = args[0] if args else os.path.join(root, "build", "recoupe")
gold_path = args[1] if len(args) > 1 else os.path.join(here, "entities.jsonl")
gold = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]
out = subprocess.run([recoupe, "extract", gold_path], capture_output=True, text=True, check=True)
docs = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
assert len(docs) == len(gold), (len(docs), len(gold))

tp = collections.Counter()
fp = collections.Counter()
fn = collections.Counter()
span_tp = span_fp = span_fn = 0
unrun = 0
for g, d in zip(gold, docs):
    ents = d.get("entities")
    if ents is None:
        unrun += 1
        ents = []
    want = collections.Counter((e["text"], e["type"]) for e in g["entities"])
    got = collections.Counter((e["text"], e["type"]) for e in ents)
    for k in set(want) | set(got):
        m = min(want[k], got[k])
        tp[k[1]] += m
        fn[k[1]] += want[k] - m
        fp[k[1]] += got[k] - m
        if verbose and want[k] > m:
            print("missed  %-4s %s   | %s" % (k[1], k[0], g["text"][:70]))
        if verbose and got[k] > m:
            print("spurious %-4s %s   | %s" % (k[1], k[0], g["text"][:70]))
    ws = collections.Counter(e["text"] for e in g["entities"])
    gs = collections.Counter(e["text"] for e in ents)
    for k in set(ws) | set(gs):
        m = min(ws[k], gs[k])
        span_tp += m
        span_fn += ws[k] - m
        span_fp += gs[k] - m


def prf(t, p, n):
    pr = t / (t + p) if t + p else 0.0
    rc = t / (t + n) if t + n else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f


print("%-6s %6s %6s %6s %5s %5s %5s" % ("type", "prec", "recall", "F1", "tp", "fp", "fn"))
for t in ["PER", "ORG", "LOC", "MISC"]:
    p, r, f = prf(tp[t], fp[t], fn[t])
    print("%-6s %6.3f %6.3f %6.3f %5d %5d %5d" % (t, p, r, f, tp[t], fp[t], fn[t]))
T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
p, r, f = prf(T, P, N)
print("%-6s %6.3f %6.3f %6.3f %5d %5d %5d" % ("all", p, r, f, T, P, N))
p, r, f = prf(span_tp, span_fp, span_fn)
print("%-6s %6.3f %6.3f %6.3f %5d %5d %5d" % ("span", p, r, f, span_tp, span_fp, span_fn))
print("%d sentences, %d where the stage did not run (language undecided)" % (len(gold), unrun))
