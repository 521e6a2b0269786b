#!/usr/bin/env python3
"""make_entities.py - turns entities_src.txt and entities_heldout_src.txt (blocks: a sentence, then
"TYPE<TAB>text" lines, separated by %%) into entities.jsonl and entities_heldout.jsonl, one
{"text", "entities": [{"text", "type"}]} per sentence."""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))

def convert(src, dst):
    """Writes the JSON Lines form of one annotated file."""
    out = []
    with open(os.path.join(here, src), encoding="utf-8") as f:
        blocks = [b.strip() for b in f.read().split("%%")]
    for b in blocks:
        lines = [l for l in b.splitlines() if l.strip() and not l.startswith("#")]
        if not lines:
            continue
        text = lines[0]
        ents = []
        for l in lines[1:]:
            t, name = l.split("\t", 1)
            assert name in text, (name, text)
            ents.append({"text": name, "type": t})
        out.append({"text": text, "entities": ents})
    with open(os.path.join(here, dst), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(dst, len(out), "sentences")


convert("entities_src.txt", "entities.jsonl")
convert("entities_heldout_src.txt", "entities_heldout.jsonl")
