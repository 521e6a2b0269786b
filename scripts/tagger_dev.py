#!/usr/bin/env python3
"""tagger_dev.py - scores the entities of `recoupe extract` on tests/tagger/dev.txt, the
development sentences of the entity tagger (docs/tagger.md), with and without --tagger.

Each line of the file is a sentence with its gold entities marked [TYPE words]; lines starting
with # are comments. The sentences are put in one document, one paragraph each. A found entity
matches a gold one of its type when one span contains the other (MISC is not annotated, so it is
not scored). Prints precision / recall / F1 overall and by type, and the misses and extras with -v.
Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = re.compile(r"\[(PER|ORG|LOC) ([^\]]+)\]")


def read_dev(path):
    """The document text (bytes) and the gold spans (start, end, type) in bytes."""
    text, gold = b"", []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if text:
                text += b"\n\n"
            pos = 0
            for m in MARK.finditer(line):
                text += line[pos:m.start()].encode()
                s = len(text)
                text += m.group(2).encode()
                gold.append((s, len(text), m.group(1)))
                pos = m.end()
            text += line[pos:].encode()
    return text + b"\n", gold


def locate(text, ent):
    """The span of an entity in the input: its text's occurrence nearest to its offset (the
    cleaner may drop furniture lines, which moves the offsets of what follows)."""
    t = ent["text"].encode()
    best, pos = None, text.find(t)
    while pos >= 0:
        if best is None or abs(pos - ent["start"]) < abs(best - ent["start"]):
            best = pos
        pos = text.find(t, pos + 1)
    return (best, best + len(t), ent["type"]) if best is not None else (ent["start"], ent["end"], ent["type"])


def run(recoupe, path, tagger, extra, text):
    cmd = [recoupe, "extract", "--text"] + (["--tagger"] if tagger else ["--no-tagger"]) + extra + [path]
    out = subprocess.run(cmd, capture_output=True, check=True).stdout.decode()
    doc = json.loads(out.splitlines()[0])
    return [locate(text, e) for e in doc.get("entities", []) if e["type"] != "MISC"]


def match(a, b):
    return a[2] == b[2] and ((a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1]))


def score(gold, found):
    res = {}
    for t in ("ALL", "PER", "ORG", "LOC"):
        g = [x for x in gold if t == "ALL" or x[2] == t]
        f = [x for x in found if t == "ALL" or x[2] == t]
        tp_r = sum(1 for x in g if any(match(x, y) for y in f))
        tp_p = sum(1 for y in f if any(match(x, y) for x in g))
        p = 100.0 * tp_p / len(f) if f else 0.0
        r = 100.0 * tp_r / len(g) if g else 0.0
        res[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, len(g), len(f))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--recoupe", default=os.path.join(ROOT, "build", "recoupe"))
    ap.add_argument("--dev", default=os.path.join(ROOT, "tests", "tagger", "dev.txt"))
    ap.add_argument("--data", help="data folder (for a model being tried)")
    ap.add_argument("-v", action="store_true", help="list misses and extras")
    a = ap.parse_args()
    text, gold = read_dev(a.dev)
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as tf:
        tf.write(text)
    extra = ["--data", a.data] if a.data else []
    try:
        for tagger in (False, True):
            found = run(a.recoupe, tf.name, tagger, extra, text)
            res = score(gold, found)
            print("tagger %-3s" % ("on" if tagger else "off"), "  ".join(
                "%s P %5.1f R %5.1f F1 %5.1f" % (t, *res[t][:3]) for t in res))
            if a.v:
                for x in gold:
                    if not any(match(x, y) for y in found):
                        print("   miss  %s %s" % (x[2], text[x[0]:x[1]].decode()))
                for y in found:
                    if not any(match(x, y) for x in gold):
                        print("   extra %s %s" % (y[2], text[y[0]:y[1]].decode()))
    finally:
        os.unlink(tf.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
