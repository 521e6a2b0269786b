#!/usr/bin/env python3
"""score.py - measures recoupe's extraction against the hand-annotated evaluation set.

The set is tests/eval/corpus/NAME.txt (original articles) with tests/eval/gold/NAME.json (their
annotation, see GUIDELINES.md). The script runs `recoupe extract --text --date D` on the corpus,
D being each article's date from its gold file, or reads a JSON Lines file of extract output given
as argument, then prints per layer:

  entities      precision / recall / F1 by type (normalised text + type; a contained name counts)
  quotes        precision / recall of the quoted text, accuracy of the speaker of matched quotes
  attributions  first source found in the same sentence (P/R), full chain right
  claims        precision / recall matched on value + sentence, then the share of matched claims
                with the right what, who, modality, first source, chain, parts

It measures, it does not gate: the exit status is 0 unless --min-recall is given and a recall is
below it (2 on a usage error). Standard library only.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

WHAT = {"killed", "injured", "missing", "detained", "surrendered", "evacuated", "fled", "trapped",
        "present", "controlled", "other"}
WHO = {"civilians", "children", "women", "men", "fighters", "soldiers", "people", "wounded",
       "bodies", "families", "vehicles", "areas", "other"}
MODALITY = {"asserted", "reported", "conditional", "hedged", "expected", "disputed", "denied"}
UNITS = {"count", "percent", "fraction"}
ENT_TYPES = ("PER", "ORG", "LOC", "MISC")

# ---- text normalisation -------------------------------------------------------------------------

_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00ab": '"', "\u00bb": '"',
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2039": '"', "\u203a": '"',
           "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
           "\u0153": "oe", "\u0152": "oe", "\u00e6": "ae", "\u00c6": "ae"}


def fold_char(c):
    """One character folded: lower case, no accents, one kind of quote, spaces as a space."""
    if c in _QUOTES:
        return _QUOTES[c]
    if c.isspace():
        return " "
    d = unicodedata.normalize("NFKD", c)
    d = "".join(x for x in d if not unicodedata.combining(x))
    return d.lower()


def fold_map(s):
    """The folded text with whitespace runs collapsed, and for each folded character the index
    of the character of s it comes from, so that a match in the folded text maps back."""
    out, idx = [], []
    prev_space = True
    for i, c in enumerate(s):
        f = fold_char(c)
        for x in f:
            if x == " ":
                if prev_space:
                    continue
                prev_space = True
            else:
                prev_space = False
            out.append(x)
            idx.append(i)
    while out and out[-1] == " ":
        out.pop()
        idx.pop()
    return "".join(out), idx


def fold(s):
    return fold_map(s or "")[0]


_ARTICLES = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "the", "a", "au", "aux"}


def name_tokens(s):
    """A name as a tuple of folded word tokens, leading articles dropped ("l'AFP" -> ("afp",))."""
    toks = re.findall(r"[a-z0-9]+", fold(s))
    while len(toks) > 1 and toks[0] in _ARTICLES:
        toks = toks[1:]
    return tuple(toks)


def contains_seq(big, small):
    if not small or len(small) > len(big):
        return False
    n = len(small)
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


def same_name(a, b):
    """Two names refer to the same thing: equal once folded, or one contained in the other as
    whole words (Assad / Bachar al-Assad, AFP / l'Agence France-Presse (AFP)). A gold name may
    list variants separated by "|" (OSDH|Observatoire syrien des droits de l'homme)."""
    if "|" in a or "|" in b:
        return any(same_name(x, y) for x in a.split("|") for y in b.split("|"))
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    return ta == tb or contains_seq(ta, tb) or contains_seq(tb, ta)


def speaker_name(x):
    """A speaker or source as the output gives it: a string or an object with a name."""
    if x is None:
        return None
    if isinstance(x, str):
        return x
    if isinstance(x, dict):
        for k in ("name", "text", "canon"):
            if isinstance(x.get(k), str):
                return x[k]
    return None


# ---- sentences ----------------------------------------------------------------------------------

_ABBREV = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "gen", "col", "lt", "cdt",
           "cne", "sgt", "av", "bd", "no", "n", "p", "etc", "env", "art", "vol", "ch"}


def sentences(text):
    """Sentence spans [start, end) of text, in characters: a line break ends a sentence, and so
    does . ! ? or … followed by a space and a capital, a digit or a quote mark, unless the word
    before the point is a known abbreviation or a single capital (an initial). This split is only
    the window inside which a system's item and a gold item are compared, the same for both."""
    spans = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        end_here = False
        if c == "\n":
            end_here = True
            cut = i
        elif c in ".!?\u2026":
            j = i + 1
            while j < n and text[j] in ".!?\u2026\u00bb\u201d\")":
                j += 1
            if j < n and text[j] in " \u00a0\u202f\t":
                k = j
                while k < n and text[k] in " \u00a0\u202f\t":
                    k += 1
                if k < n and (text[k].isupper() or text[k].isdigit() or text[k] in "\u00ab\u201c\"("):
                    m = re.search(r"(\w+)$", text[start:i])
                    word = m.group(1) if m else ""
                    if c == "." and (word.lower() in _ABBREV or (len(word) == 1 and word.isupper())):
                        pass
                    else:
                        end_here = True
                        cut = j
        if end_here:
            s, e = start, cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
            start = cut
        i += 1
    s, e = start, n
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
    return spans


class Text:
    """An article's text with its sentences, a folded copy for searching, and the map from the
    byte offsets of the output to character positions."""

    def __init__(self, text):
        self.text = text
        self.sents = sentences(text)
        self.folded, self.fidx = fold_map(text)
        b = text.encode("utf-8")
        self.nbytes = len(b)
        self.byte2char = {}
        pos = 0
        for ci, ch in enumerate(text):
            self.byte2char[pos] = ci
            pos += len(ch.encode("utf-8"))
        self.byte2char[pos] = len(text)

    def sent_of(self, ci):
        for k, (s, e) in enumerate(self.sents):
            if s <= ci < e:
                return k
        for k, (s, e) in enumerate(self.sents):  # between sentences: the next one
            if ci < s:
                return k
        return len(self.sents) - 1 if self.sents else -1

    def find_all(self, needle):
        """Character positions where the folded needle occurs in the folded text."""
        f = fold(needle)
        if not f:
            return []
        out, k = [], self.folded.find(f)
        while k >= 0:
            out.append(self.fidx[k])
            k = self.folded.find(f, k + 1)
        return out

    def find(self, needle, occurrence=1):
        hits = self.find_all(needle)
        return hits[occurrence - 1] if len(hits) >= occurrence else None

    def char_at_byte(self, b):
        if not isinstance(b, int) or b < 0 or b > self.nbytes:
            return None
        return self.byte2char.get(b)

    def item_pos(self, item, text_key="text"):
        """Where an output item lies: its start offset when its text is really there, else where
        its text (or its sentence) is found; None when it cannot be placed."""
        t = item.get(text_key) if isinstance(item.get(text_key), str) else None
        ci = self.char_at_byte(item.get("start"))
        ce = self.char_at_byte(item.get("end"))
        if ci is not None:
            if t is None or ce is None or fold(self.text[ci:ce]) == fold(t):
                return ci
        if t:
            hits = self.find_all(t)
            if hits:
                if ci is not None:  # the nearest to where it claims to be
                    return min(hits, key=lambda h: abs(h - ci))
                return hits[0]
        sent = item.get("sentence")
        if isinstance(sent, str) and sent:
            hits = self.find_all(sent)
            if hits:
                return hits[0]
        return ci


# ---- loading ------------------------------------------------------------------------------------

def load_gold(corpus, gold):
    docs = []
    for fn in sorted(os.listdir(corpus)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        gpath = os.path.join(gold, name + ".json")
        if not os.path.exists(gpath):
            print("score: no gold for %s, skipped" % fn, file=sys.stderr)
            continue
        with open(gpath, encoding="utf-8") as f:
            g = json.load(f)
        path = os.path.join(corpus, fn)
        with open(path, "rb") as f:
            raw = f.read()
        docs.append({"name": name, "path": path, "raw": raw, "gold": g,
                     "id": hashlib.sha256(raw).hexdigest()[:16]})
    return docs


def run_extract(recoupe, docs, timeout):
    """Runs extract on each article with its date, one process per article so that an article
    that makes the program fail or hang costs only its own scores; returns the output objects
    and the errors met."""
    out, errs = [], []
    for d in docs:
        date = d["gold"].get("date")
        cmd = [recoupe, "extract", "--text"] + (["--date", date] if date else []) + [d["path"]]
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            errs.append("%s: extract still running after %g s, stopped" % (d["name"], timeout))
            continue
        except (OSError, subprocess.SubprocessError) as e:
            errs.append("%s: %s" % (recoupe, e))
            return out, errs
        if p.returncode != 0:
            errs.append("%s: extract exit %d: %s" % (d["name"], p.returncode,
                                                     p.stderr.decode("utf-8", "replace").strip()[:200]))
        out.extend(parse_jsonl(p.stdout.decode("utf-8", "replace"), errs))
    return out, errs


def parse_jsonl(s, errs):
    out = []
    for k, line in enumerate(s.splitlines()):
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
        except ValueError as e:
            errs.append("output line %d is not JSON: %s" % (k + 1, e))
            continue
        if isinstance(o, dict):
            out.append(o)
    return out


def attach(docs, outputs):
    """Gives each gold document its output object, found by path name or by id."""
    byname, byid = {}, {}
    for o in outputs:
        meta = o.get("doc") or {}
        p = meta.get("path") or ""
        base = os.path.basename(p.split(":")[0] if p.endswith(tuple("0123456789")) and ":" in p else p)
        if base.endswith(".txt"):
            byname[base[:-4]] = o
        for k in ("id",):
            if meta.get(k):
                byid[meta[k]] = o
        if isinstance(o.get("id"), str):
            byname.setdefault(o["id"], o)
    for d in docs:
        d["out"] = byname.get(d["name"]) or byid.get(d["id"])


def arr(o, key):
    v = o.get(key) if o else None
    return v if isinstance(v, list) else []


# ---- scoring ------------------------------------------------------------------------------------

def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else None
    r = tp_r / n_r if n_r else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else (
        0.0 if p is not None and r is not None else None)
    return {"precision": p, "recall": r, "f1": f, "system": n_p, "gold": n_r,
            "tp_system": tp_p, "tp_gold": tp_r}


def ent_match(g, s):
    names = [s.get("text")] + [s.get(k) for k in ("canon",) if isinstance(s.get(k), str)]
    return any(isinstance(n, str) and same_name(g["text"], n) for n in names)


def score_entities(docs, details):
    res = {}
    for typ in ENT_TYPES + ("ALL", "ANY TYPE"):
        tp_p = n_p = tp_r = n_r = 0
        for d in docs:
            gold = d["gold"].get("entities", [])
            sysents, seen = [], set()
            for e in arr(d["out"], "entities"):
                if not isinstance(e, dict) or not isinstance(e.get("text"), str):
                    continue
                k = (name_tokens(e["text"]), e.get("type"))
                if k in seen:
                    continue
                seen.add(k)
                sysents.append(e)
            typed = typ not in ("ALL", "ANY TYPE")
            g_sel = [g for g in gold if not typed or g["type"] == typ]
            s_sel = [s for s in sysents if not typed or s.get("type") == typ]

            def ok(g, s):
                return ent_match(g, s) and (typ == "ANY TYPE" or g["type"] == s.get("type"))
            for s in s_sel:
                n_p += 1
                if any(ok(g, s) for g in gold):
                    tp_p += 1
                elif typ == "ALL" and details is not None:
                    details.append("%s: entity false positive %s %r" % (d["name"], s.get("type"), s.get("text")))
            for g in g_sel:
                n_r += 1
                if any(ok(g, s) for s in sysents):
                    tp_r += 1
                elif typ == "ALL" and details is not None:
                    details.append("%s: entity missed %s %r" % (d["name"], g["type"], g["text"]))
        res[typ] = prf(tp_p, n_p, tp_r, n_r)
    return res


def quote_match(gt, st):
    a, b = fold(gt), fold(st)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    ta, tb = re.findall(r"\w+", a), re.findall(r"\w+", b)
    common = len(set(ta) & set(tb))
    return common >= 0.6 * min(len(set(ta)), len(set(tb)))


def score_quotes(docs, details):
    tp = n_p = n_r = 0
    spk_ok = spk_n = 0
    for d in docs:
        gold = d["gold"].get("quotes", [])
        sysq = [q for q in arr(d["out"], "quotes") if isinstance(q, dict) and isinstance(q.get("text"), str)]
        n_p += len(sysq)
        n_r += len(gold)
        used = set()
        for g in gold:
            best = None
            for k, s in enumerate(sysq):
                if k not in used and quote_match(g["text"], s["text"]):
                    best = k
                    break
            if best is None:
                if details is not None:
                    details.append("%s: quote missed %r" % (d["name"], g["text"][:60]))
                continue
            used.add(best)
            tp += 1
            spk_n += 1
            sn = speaker_name(sysq[best].get("speaker"))
            if sn and g.get("speaker") and same_name(g["speaker"], sn):
                spk_ok += 1
            elif details is not None:
                details.append("%s: quote speaker %r, want %r" % (d["name"], sn, g.get("speaker")))
        if details is not None:
            for k, s in enumerate(sysq):
                if k not in used:
                    details.append("%s: quote false positive %r" % (d["name"], s["text"][:60]))
    r = prf(tp, n_p, tp, n_r)
    r["speaker_accuracy"] = spk_ok / spk_n if spk_n else None
    r["speaker_n"] = spk_n
    return r


def chain_names(lst):
    return [n for n in (speaker_name(x) for x in (lst or [])) if n]


def chain_equal(g, s):
    return len(g) == len(s) and all(same_name(a, b) for a, b in zip(g, s))


def score_attributions(docs, details):
    n_r = n_p = tp_r = tp_p = chain_ok = cue_ok = 0
    for d in docs:
        T = d["T"]
        gold = []
        for g in d["gold"].get("attributions", []):
            pos = T.find(g["text"], g.get("occurrence", 1))
            gold.append((g, T.sent_of(pos) if pos is not None else -2))
        sysa = []
        for s in arr(d["out"], "attributions"):
            if not isinstance(s, dict):
                continue
            ch = chain_names(s.get("chain") if "chain" in s else s.get("sources"))
            pos = T.item_pos(s)
            sysa.append((s, ch, T.sent_of(pos) if pos is not None else -3))
        n_r += len(gold)
        n_p += len(sysa)
        used = set()
        for g, gs in gold:
            cands = [k for k, (s, ch, ss) in enumerate(sysa)
                     if ss == gs and ch and g["chain"] and same_name(g["chain"][0], ch[0])]
            free = [k for k in cands if k not in used] or cands
            if not free:
                if details is not None:
                    details.append("%s: attribution missed %r %s" % (d["name"], g["text"], g["chain"]))
                continue
            k = max(free, key=lambda k: chain_equal(g["chain"], sysa[k][1]))
            used.add(k)
            tp_r += 1
            if chain_equal(g["chain"], sysa[k][1]):
                chain_ok += 1
            elif details is not None:
                details.append("%s: attribution chain %s, want %s" % (d["name"], sysa[k][1], g["chain"]))
            cue = sysa[k][0].get("cue")
            if isinstance(cue, str) and (fold(cue) in fold(g.get("cue", "")) or fold(g.get("cue", "")) in fold(cue)):
                cue_ok += 1
        for k, (s, ch, ss) in enumerate(sysa):
            if any(gs == ss and ch and g["chain"] and same_name(g["chain"][0], ch[0]) for g, gs in gold):
                tp_p += 1
            elif details is not None:
                details.append("%s: attribution false positive %s" % (d["name"], ch))
    r = prf(tp_p, n_p, tp_r, n_r)
    r["chain_recall"] = chain_ok / n_r if n_r else None
    r["chain_accuracy"] = chain_ok / tp_r if tp_r else None
    r["cue_accuracy"] = cue_ok / tp_r if tp_r else None
    return r


def num(x):
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def claim_key(c):
    for k in ("value", "low", "high"):
        v = num(c.get(k))
        if v is not None:
            return v
    return None


def same_value(g, s):
    a, b = claim_key(g), claim_key(s)
    if a is None or b is None:
        return False
    if num(g.get("value")) is None or num(s.get("value")) is None:
        # a range or a vague amount: a shared bound is enough ("entre 60.000 et 80.000")
        gb = {num(g.get(k)) for k in ("value", "low", "high")} - {None}
        sb = {num(s.get(k)) for k in ("value", "low", "high")} - {None}
        if gb & sb:
            return True
    if abs(a - b) <= 1e-6 * max(1.0, abs(a)):
        return True
    pct = "percent" in (g.get("unit"), s.get("unit"))
    return pct and (abs(a - b * 100) <= 1e-6 * max(1.0, abs(a)) or abs(a * 100 - b) <= 1e-6 * max(1.0, abs(b)))


def parts_set(c):
    out = set()
    for p in c.get("parts") or []:
        if isinstance(p, dict):
            out.add((claim_key(p), p.get("who")))
    return out


def first_source_ok(g, s):
    gs, ss = g.get("sources") or [], chain_names(s.get("sources"))
    if not gs and not ss:
        return True
    return bool(gs and ss) and same_name(gs[0], ss[0])


def chain_ok_claim(g, s):
    return chain_equal(g.get("sources") or [], chain_names(s.get("sources")))


def score_claims(docs, details):
    n_r = n_p = tp = 0
    fields = {"what": 0, "who": 0, "modality": 0, "first_source": 0, "chain": 0}
    parts_ok = parts_n = 0
    confusion = {}
    for d in docs:
        T = d["T"]
        gold = []
        for g in d["gold"].get("claims", []):
            pos = T.find(g["text"], g.get("occurrence", 1))
            gold.append((g, T.sent_of(pos) if pos is not None else -2, pos))
        sysc = []
        for s in arr(d["out"], "claims"):
            if not isinstance(s, dict):
                continue
            pos = T.item_pos(s)
            sysc.append((s, T.sent_of(pos) if pos is not None else -3, pos))
        n_r += len(gold)
        n_p += len(sysc)
        # every (gold, system) pair in one sentence with one value, best agreeing pairs first
        pairs = []
        for gi, (g, gsent, gpos) in enumerate(gold):
            for si, (s, ssent, spos) in enumerate(sysc):
                if gsent == ssent and same_value(g, s):
                    agree = sum([g.get("what") == s.get("what"), g.get("who") == s.get("who"),
                                 g.get("modality") == s.get("modality")])
                    dist = abs(gpos - spos) if gpos is not None and spos is not None else 10 ** 6
                    pairs.append((-agree, dist, gi, si))
        pairs.sort()
        gm, sm = {}, set()
        for _, _, gi, si in pairs:
            if gi in gm or si in sm:
                continue
            gm[gi] = si
            sm.add(si)
        for gi, (g, _, _) in enumerate(gold):
            if gi not in gm:
                if details is not None:
                    details.append("%s: claim missed %s %s/%s in %r" % (
                        d["name"], claim_key(g), g.get("what"), g.get("who"), g["text"]))
                continue
            s = sysc[gm[gi]][0]
            tp += 1
            for f in ("what", "who", "modality"):
                if g.get(f) == s.get(f):
                    fields[f] += 1
                elif details is not None:
                    details.append("%s: claim %r %s %s, want %s" % (d["name"], g["text"], f, s.get(f), g.get(f)))
            for f in ("what", "who", "modality"):
                if g.get(f) != s.get(f):
                    key = "%s %s->%s" % (f, g.get(f), s.get(f))
                    confusion[key] = confusion.get(key, 0) + 1
            if first_source_ok(g, s):
                fields["first_source"] += 1
            elif details is not None:
                details.append("%s: claim %r sources %s, want %s" % (
                    d["name"], g["text"], chain_names(s.get("sources")), g.get("sources")))
            if chain_ok_claim(g, s):
                fields["chain"] += 1
            gp, sp = parts_set(g), parts_set(s)
            if gp or sp:
                parts_n += 1
                if gp == sp:
                    parts_ok += 1
                elif details is not None:
                    details.append("%s: claim %r parts %s, want %s" % (d["name"], g["text"], sorted(sp, key=str), sorted(gp, key=str)))
        if details is not None:
            for si, (s, _, _) in enumerate(sysc):
                if si not in sm:
                    details.append("%s: claim false positive %s %s/%s %r" % (
                        d["name"], claim_key(s), s.get("what"), s.get("who"), s.get("text")))
    r = prf(tp, n_p, tp, n_r)
    for f, v in fields.items():
        r[f] = v / tp if tp else None
    r["parts"] = parts_ok / parts_n if parts_n else None
    r["parts_n"] = parts_n
    r["confusions"] = dict(sorted(confusion.items(), key=lambda x: (-x[1], x[0])))
    return r


# ---- checking the gold itself -------------------------------------------------------------------

def check_gold(docs):
    """Problems of the annotation: closed vocabularies, anchors absent or ambiguous."""
    probs = []
    for d in docs:
        g, T = d["gold"], d["T"]
        nm = d["name"]
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", g.get("date", "")):
            probs.append("%s: no date" % nm)
        for e in g.get("entities", []):
            if e.get("type") not in ENT_TYPES:
                probs.append("%s: entity type %r" % (nm, e.get("type")))
            if not any(T.find_all(x) for x in e.get("text", "").split("|")):
                probs.append("%s: entity %r not in the text" % (nm, e.get("text")))
        for q in g.get("quotes", []):
            if not T.find_all(q.get("text", "")):
                probs.append("%s: quote not in the text: %r" % (nm, q.get("text")))
            if not q.get("speaker"):
                probs.append("%s: quote without speaker: %r" % (nm, q.get("text")))
        for layer in ("attributions", "claims"):
            for c in g.get(layer, []):
                hits = T.find_all(c.get("text", ""))
                if not hits:
                    probs.append("%s: %s anchor not in the text: %r" % (nm, layer, c.get("text")))
                elif len(hits) > 1 and "occurrence" not in c:
                    probs.append("%s: %s anchor found %d times: %r" % (nm, layer, len(hits), c.get("text")))
        for a in g.get("attributions", []):
            if not a.get("chain") or not a.get("cue"):
                probs.append("%s: attribution without cue or chain: %r" % (nm, a.get("text")))
        for c in g.get("claims", []):
            if c.get("what") not in WHAT:
                probs.append("%s: what %r" % (nm, c.get("what")))
            if c.get("who") not in WHO:
                probs.append("%s: who %r" % (nm, c.get("who")))
            if c.get("modality") not in MODALITY:
                probs.append("%s: modality %r" % (nm, c.get("modality")))
            if c.get("unit", "count") not in UNITS:
                probs.append("%s: unit %r" % (nm, c.get("unit")))
            if claim_key(c) is None:
                probs.append("%s: claim without a figure: %r" % (nm, c.get("text")))
            if (c.get("modality") == "asserted") and c.get("sources"):
                probs.append("%s: asserted with sources: %r" % (nm, c.get("text")))
            if (c.get("modality") == "reported") and not c.get("sources"):
                probs.append("%s: reported without sources: %r" % (nm, c.get("text")))
            for p in c.get("parts") or []:
                if p.get("who") not in WHO or claim_key(p) is None:
                    probs.append("%s: bad part in %r" % (nm, c.get("text")))
    return probs


def gold_as_output(d):
    """The gold of an article written as extract would write it (offsets of the anchors, chains
    as objects, the last variant of each name), for --self-test."""
    text = d["raw"].decode("utf-8")
    T = Text(text)
    g = d["gold"]

    def at(item):
        c = T.find(item["text"], item.get("occurrence", 1))
        return len(text[:c].encode("utf-8")) if c is not None else None

    def names(lst):
        return [{"name": x.split("|")[-1]} for x in lst]
    return {"doc": {"path": d["path"], "text": text},
            "entities": [{"text": e["text"], "type": e["type"]} for e in g.get("entities", [])],
            "quotes": [{"text": q["text"], "speaker": q["speaker"].split("|")[-1]} for q in g.get("quotes", [])],
            "attributions": [{"cue": a["cue"], "start": at(a), "chain": names(a["chain"])}
                             for a in g.get("attributions", [])],
            "claims": [dict(c, start=at(c), text=None, sources=names(c.get("sources", [])))
                       for c in g.get("claims", [])]}


def self_test_failures(res):
    """What is not perfect when the gold is scored against itself."""
    bad = []
    for typ, r in res["entities"].items():
        if r["gold"] and (r["precision"] != 1 or r["recall"] != 1):
            bad.append("entities %s" % typ)
    for layer in ("quotes", "attributions", "claims"):
        r = res[layer]
        if r["gold"] and (r["precision"] != 1 or r["recall"] != 1):
            bad.append(layer)
    for k in ("speaker_accuracy",):
        if res["quotes"][k] not in (None, 1):
            bad.append("quotes " + k)
    for k in ("chain_accuracy", "cue_accuracy"):
        if res["attributions"][k] not in (None, 1):
            bad.append("attributions " + k)
    for k in ("what", "who", "modality", "first_source", "chain", "parts"):
        if res["claims"][k] not in (None, 1):
            bad.append("claims " + k)
    return bad


# ---- output -------------------------------------------------------------------------------------

def pct(x):
    return "   -  " if x is None else "%5.1f%%" % (100 * x)


def table(res):
    L = []
    c = res["corpus"]
    L.append("recoupe evaluation: %d articles, %d sentences; gold %d entities, %d quotes, "
             "%d attributions, %d claims" % (c["articles"], c["sentences"], c["entities"],
                                             c["quotes"], c["attributions"], c["claims"]))
    if res["errors"]:
        for e in res["errors"][:8]:
            L.append("  note: " + e)
    L.append("")
    L.append("%-22s %7s %7s %7s %6s %6s" % ("layer", "P", "R", "F1", "sys", "gold"))
    for typ, r in res["entities"].items():
        L.append("%-22s %7s %7s %7s %6d %6d" % ("entities " + typ, pct(r["precision"]), pct(r["recall"]),
                                                pct(r["f1"]), r["system"], r["gold"]))
    q = res["quotes"]
    L.append("%-22s %7s %7s %7s %6d %6d" % ("quotes", pct(q["precision"]), pct(q["recall"]), pct(q["f1"]),
                                            q["system"], q["gold"]))
    a = res["attributions"]
    L.append("%-22s %7s %7s %7s %6d %6d" % ("attributions (1st src)", pct(a["precision"]), pct(a["recall"]),
                                            pct(a["f1"]), a["system"], a["gold"]))
    k = res["claims"]
    L.append("%-22s %7s %7s %7s %6d %6d" % ("claims (value+sent.)", pct(k["precision"]), pct(k["recall"]),
                                            pct(k["f1"]), k["system"], k["gold"]))
    L.append("")
    L.append("quote speakers right: %s of %d matched quotes" % (pct(q["speaker_accuracy"]), q["speaker_n"]))
    L.append("attribution full chain right: %s of matched, %s of gold; cue right: %s" % (
        pct(a["chain_accuracy"]), pct(a["chain_recall"]), pct(a["cue_accuracy"])))
    L.append("matched claims (%d) right on: what %s  who %s  modality %s  first source %s  chain %s  "
             "parts %s (of %d with parts)" % (k["tp_gold"], pct(k["what"]), pct(k["who"]), pct(k["modality"]),
                                              pct(k["first_source"]), pct(k["chain"]), pct(k["parts"]),
                                              k["parts_n"]))
    if k["confusions"]:
        top = list(k["confusions"].items())[:6]
        L.append("most frequent confusions (gold->output): " + ", ".join("%s (%d)" % kv for kv in top))
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser(description="Score recoupe extract output against tests/eval/gold.")
    ap.add_argument("output", nargs="?", help="JSON Lines of extract output (default: run extract)")
    ap.add_argument("--recoupe", default=os.path.join(ROOT, "build", "recoupe"), help="the program to run")
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    ap.add_argument("--gold", default=os.path.join(HERE, "gold"))
    ap.add_argument("--timeout", type=float, default=20, metavar="S",
                    help="seconds extract may take on one article (default 20)")
    ap.add_argument("--save-output", metavar="FILE",
                    help="also write the extract output to FILE (JSON Lines), to score it again later")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--details", action="store_true", help="list every miss and false positive")
    ap.add_argument("--check-gold", action="store_true", help="check the annotation and exit (1 on a problem)")
    ap.add_argument("--self-test", action="store_true",
                    help="score the gold against itself and exit 1 unless every figure is 100 %%")
    ap.add_argument("--min-recall", type=float, metavar="X",
                    help="exit 1 when the recall of a layer (see --gate) is below X (0..1)")
    ap.add_argument("--gate", default="claims", choices=["entities", "quotes", "attributions", "claims", "all"],
                    help="the layer --min-recall applies to (default claims)")
    args = ap.parse_args()

    docs = load_gold(args.corpus, args.gold)
    errors = []
    if args.check_gold:
        for d in docs:
            d["T"] = Text(d["raw"].decode("utf-8"))
        probs = check_gold(docs)
        for p in probs:
            print(p)
        print("%d articles, %d problems" % (len(docs), len(probs)))
        return 1 if probs else 0

    if args.self_test:
        outputs = [gold_as_output(d) for d in docs]
    elif args.output:
        try:
            with open(args.output, encoding="utf-8") as f:
                outputs = parse_jsonl(f.read(), errors)
        except OSError as e:
            errors.append(str(e))
            outputs = []
    elif os.access(args.recoupe, os.X_OK):
        outputs, errs = run_extract(args.recoupe, docs, args.timeout)
        errors.extend(errs)
        if args.save_output:
            try:
                with open(args.save_output, "w", encoding="utf-8") as f:
                    for o in outputs:
                        f.write(json.dumps(o, ensure_ascii=False) + "\n")
            except OSError as e:
                errors.append(str(e))
    else:
        errors.append("%s not found or not executable: scoring an empty output" % args.recoupe)
        outputs = []
    attach(docs, outputs)
    missing = [d["name"] for d in docs if d["out"] is None]
    if missing:
        errors.append("%d articles without output document: %s" % (
            len(missing), ", ".join(missing[:6]) + (", ..." if len(missing) > 6 else "")))
    for d in docs:
        meta = (d["out"] or {}).get("doc") or {}
        text = meta.get("text") if isinstance(meta.get("text"), str) else d["raw"].decode("utf-8")
        d["T"] = Text(text)
    for layer in ("entities", "quotes", "attributions", "claims"):
        if docs and all(d["out"] is not None and d["out"].get(layer) is None for d in docs):
            errors.append("the %s stage did not run (null in every document)" % layer)

    details = [] if args.details else None
    g = [d["gold"] for d in docs]
    res = {
        "corpus": {"articles": len(docs), "sentences": sum(len(sentences(d["raw"].decode("utf-8"))) for d in docs),
                   "entities": sum(len(x.get("entities", [])) for x in g),
                   "quotes": sum(len(x.get("quotes", [])) for x in g),
                   "attributions": sum(len(x.get("attributions", [])) for x in g),
                   "claims": sum(len(x.get("claims", [])) for x in g)},
        "errors": errors,
        "entities": score_entities(docs, details),
        "quotes": score_quotes(docs, details),
        "attributions": score_attributions(docs, details),
        "claims": score_claims(docs, details),
    }
    if details is not None:
        res["details"] = details
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(table(res))
        if details:
            print("")
            print("\n".join(details))

    if args.self_test:
        bad = self_test_failures(res)
        print("self-test: " + ("every figure 100 %" if not bad else "not perfect: " + ", ".join(bad)))
        return 1 if bad else 0
    if args.min_recall is not None:
        layers = ["entities", "quotes", "attributions", "claims"] if args.gate == "all" else [args.gate]
        low = []
        for layer in layers:
            r = res[layer]["ALL"]["recall"] if layer == "entities" else res[layer]["recall"]
            if r is None or r < args.min_recall:
                low.append("%s recall %s < %.3f" % (layer, "none" if r is None else "%.3f" % r, args.min_recall))
        if low:
            print("score: " + "; ".join(low), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
