#!/usr/bin/env python3
# report_domcheck.py - reads the DOM a browser made of a dossier (chromium --dump-dom) and prints
# what report_browser.sh checks, one finding per line:
#   bad TAG|ATTR ...     an element or attribute that must not exist (script, handler, live link)
#   doc NAME             each document's summary line
#   fact VALUES|ORIGINS  each fact: the values of its chips and its number of origins
#   sections N           how many sections were rendered
import re
import sys
from html.parser import HTMLParser

FORBIDDEN = {"script", "iframe", "img", "object", "embed", "frame", "frameset", "form",
             "input", "button", "textarea", "base", "link", "meta-refresh", "audio", "video",
             "noscript", "foreignobject"}


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.sections = 0
        self.docs = []
        self.facts = []  # [values, origins text]
        self.in_summary = None
        self.in_fact = None
        self.in_chip_b = False
        self.chip_b = ""
        self.in_range = False
        self.range_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.lower().startswith("on"):
                print(f"bad attr {tag} {name}")
            if value and re.match(r"\s*(javascript|data|vbscript):", value, re.I) and \
                    name.lower() in ("href", "src", "xlink:href", "action", "formaction"):
                print(f"bad link {tag} {name}={value[:40]}")
            if name.lower() in ("href", "xlink:href") and value and not value.startswith("#"):
                print(f"bad href {tag} {value[:60]}")
            if name.lower() == "src":
                print(f"bad src {tag}")
        if tag in FORBIDDEN:
            print(f"bad tag {tag}")
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            print("bad tag meta-refresh")
        if tag == "section":
            self.sections += 1
        cls = a.get("class", "") or ""
        if tag == "summary":
            self.in_summary = ""
        if tag == "article" and "fact" in cls.split():
            self.in_fact = {"values": [], "origins": 0}
        if self.in_fact is not None and tag == "a" and "chip" in cls.split():
            self.in_chip = True
        if self.in_fact is not None and tag == "b" and self.stack and self.stack[-1][0] == "a" \
                and "chip" in self.stack[-1][1]:
            self.in_chip_b = True
            self.chip_b = ""
        if self.in_fact is not None and tag == "p" and "range" in cls.split():
            self.in_range = True
            self.range_text = ""
        if tag not in ("br", "meta", "line", "circle", "rect", "path", "hr", "wbr"):
            self.stack.append((tag, cls))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "summary" and self.in_summary is not None:
            self.docs.append(" ".join(self.in_summary.split()))
            self.in_summary = None
        if tag == "b" and self.in_chip_b:
            digits = re.sub(r"[^0-9.–-]", "", self.chip_b)
            self.in_fact["values"].append(digits)
            self.in_chip_b = False
        if tag == "p" and self.in_range:
            m = re.search(r"(\d+) independent origin", self.range_text)
            if m:
                self.in_fact["origins"] = int(m.group(1))
            self.in_range = False
        if tag == "article" and self.in_fact is not None:
            self.facts.append(self.in_fact)
            self.in_fact = None
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self.in_summary is not None:
            self.in_summary += data
        if self.in_chip_b:
            self.chip_b += data
        if self.in_range:
            self.range_text += data


d = Dom()
d.feed(open(sys.argv[1], encoding="utf-8").read())
print(f"sections {d.sections}")
for name in d.docs:
    print(f"doc {name}")
for f in d.facts:
    print(f"fact {' '.join(f['values'])}|{f['origins']}")
