import json, sys
sys.path.insert(0, '.')
import cases2, cases3
from cases1 import C
with open('claims.jsonl', 'w', encoding='utf-8') as f:
    for i, (text, claims, date) in enumerate(C):
        out = []
        for cl in claims:
            v, what, who, mod, src = cl
            d = {"value": v, "what": what, "who": who, "modality": mod, "source": src}
            if isinstance(v, tuple):
                d["value"] = None; d["low"] = v[1]
            out.append(d)
        f.write(json.dumps({"id": "e%d" % (i + 1), "text": text, "date": date, "claims": out}, ensure_ascii=False) + "\n")
print(len(C))
