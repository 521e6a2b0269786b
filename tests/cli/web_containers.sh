#!/bin/sh
# The same pages given as files, inside a WARC crawl (plain and with per-record gzip), and inside
# a JSON Lines export must give the same documents: same ids, same text, same title and date.
# Also: a bad JSON line is named file:LINE and the rest is read; a WARC record cut short by the
# end of the file is named file#N and what is there is kept; `recoupe page` prints the contract
# fields. Usage: sh web_containers.sh RECOUPE TESTS_DIR SHARED_DIR
set -u
bin=$1
tests=$2
command -v python3 >/dev/null 2>&1 || { echo "python3 not found; skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/files"
cp "$tests/data/web/article.html" "$tests/data/web/blog-cp1252.html" "$tests/data/web/plain.txt" "$tmp/files/"

python3 - "$tmp" <<'PY' || exit 1
import gzip, json, sys
tmp = sys.argv[1]
art = open(tmp + "/files/article.html", "rb").read()
blog = open(tmp + "/files/blog-cp1252.html", "rb").read()
plain = open(tmp + "/files/plain.txt", "rb").read()

def record(kind, uri, block, extra=b""):
    head = (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: " + uri +
            b"\r\nWARC-Date: 2016-12-16T10:00:00Z\r\n" + extra +
            b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n")
    return head + block + b"\r\n\r\n"

def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x;ext=1\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"

info = record(b"warcinfo", b"", b"software: hand-made\r\n")
req = record(b"request", b"https://www.quotidien-du-soir.example/a",
             b"GET /a HTTP/1.1\r\nHost: www.quotidien-du-soir.example\r\n\r\n")
r1 = record(b"response", b"https://www.quotidien-du-soir.example/a",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" +
            chunked(gzip.compress(art)))
r404 = record(b"response", b"http://blog-du-front.example/missing",
              b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body><p>Page introuvable, elle a sans doute ete deplacee ailleurs sur le site.</p></body></html>")
rimg = record(b"response", b"http://blog-du-front.example/logo.png",
              b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n")
r2 = record(b"response", b"http://blog-du-front.example/2016/12/13/reprise-des-combats.html",
            b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n" + blog)
r3 = record(b"response", b"http://blog-du-front.example/depeche.txt",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + plain)
meta = record(b"metadata", b"https://www.quotidien-du-soir.example/a", b"outlinks: none\r\n")
recs = [info, req, r1, r404, rimg, r2, r3, meta]
open(tmp + "/crawl.warc", "wb").write(b"".join(recs))
open(tmp + "/crawl.warc.gz", "wb").write(b"".join(gzip.compress(r) for r in recs))
# one gzip member for the whole crawl
open(tmp + "/whole.warc.gz", "wb").write(gzip.compress(b"".join(recs)))
# per-record gzip cut inside the member of the fifth record
members = [gzip.compress(r) for r in recs]
cutgz = b"".join(members[:5]) + members[5][: len(members[5]) // 2]
open(tmp + "/cut.warc.gz", "wb").write(cutgz)
# a crawl cut inside its last response: the page is kept, the record is named
cut = b"".join([info, r1, r2])
open(tmp + "/cut.warc", "wb").write(cut[: len(cut) - 300])
with open(tmp + "/export.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"html": art.decode("utf-8"), "id": "a1"}, ensure_ascii=False) + "\n")
    f.write("{ceci n'est pas du JSON}\n")
    f.write(json.dumps({"text": plain.decode("utf-8")}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"title": "sans texte"}) + "\n")
# gzip of a JSON Lines file
open(tmp + "/export.jsonl.gz", "wb").write(gzip.compress(open(tmp + "/export.jsonl", "rb").read()))
PY

"$bin" extract --text "$tmp/files" > "$tmp/files.out" || { echo "extract of the files failed"; exit 1; }
"$bin" extract --text "$tmp/crawl.warc" > "$tmp/warc.out" 2> "$tmp/warc.err" || { echo "extract of the WARC failed"; cat "$tmp/warc.err"; exit 1; }
"$bin" extract --text "$tmp/crawl.warc.gz" > "$tmp/warcgz.out" 2> "$tmp/warcgz.err" || { echo "extract of the WARC.gz failed"; cat "$tmp/warcgz.err"; exit 1; }
"$bin" extract --text "$tmp/whole.warc.gz" > "$tmp/wholegz.out" 2> "$tmp/wholegz.err" || { echo "extract of the whole-file WARC.gz failed"; cat "$tmp/wholegz.err"; exit 1; }
"$bin" extract --text "$tmp/cut.warc.gz" > "$tmp/cutgz.out" 2> "$tmp/cutgz.err"
[ $? -eq 1 ] || { echo "a cut WARC.gz should make extract exit 1"; exit 1; }
grep -q 'cut.warc.gz:.*gzip data ends early' "$tmp/cutgz.err" || { echo "cut gzip not named"; cat "$tmp/cutgz.err"; exit 1; }
grep -q 'cut.warc.gz#6:.*past the end' "$tmp/cutgz.err" || { echo "cut record not named"; cat "$tmp/cutgz.err"; exit 1; }
"$bin" extract --text "$tmp/export.jsonl" > "$tmp/jsonl.out" 2> "$tmp/jsonl.err"
[ $? -eq 1 ] || { echo "a bad JSON line should make extract exit 1"; exit 1; }
"$bin" extract --text "$tmp/export.jsonl.gz" > "$tmp/jsonlgz.out" 2> /dev/null
"$bin" extract --text "$tmp/cut.warc" > "$tmp/cut.out" 2> "$tmp/cut.err"
[ $? -eq 1 ] || { echo "a cut WARC record should make extract exit 1"; exit 1; }
grep -q 'export.jsonl:2:' "$tmp/jsonl.err" || { echo "bad line 2 not named"; cat "$tmp/jsonl.err"; exit 1; }
grep -q 'export.jsonl:4:.*no text or html field' "$tmp/jsonl.err" || { echo "line 4 not named"; cat "$tmp/jsonl.err"; exit 1; }
grep -q 'cut.warc#3:.*past the end' "$tmp/cut.err" || { echo "cut record not named"; cat "$tmp/cut.err"; exit 1; }
"$bin" page "$tmp/files/article.html" > "$tmp/page.out" || { echo "page failed"; exit 1; }

python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
def load(name):
    return [json.loads(l)["doc"] for l in open(tmp + "/" + name, encoding="utf-8")]
files = {d["id"]: d for d in load("files.out")}
fail = 0
def same(name, want_n):
    global fail
    docs = load(name)
    if len(docs) != want_n:
        print(f"{name}: {len(docs)} documents, want {want_n}")
        fail = 1
    for d in docs:
        f = files.get(d["id"])
        if not f:
            print(f"{name}: {d['path']} has id {d['id']}, which no file has")
            fail = 1
            continue
        for k in ("text", "title", "date", "date_source", "lang", "chars"):
            if d[k] != f[k]:
                print(f"{name}: {d['path']} differs from {f['path']} in {k}: {d[k]!r} vs {f[k]!r}")
                fail = 1
        print(f"{name}: {d['path']} = {f['path']} ({d['id']})")
same("warc.out", 3)
same("warcgz.out", 3)
same("wholegz.out", 3)
cutgz = load("cutgz.out")
if len(cutgz) != 2 or cutgz[0]["id"] not in files or cutgz[1]["text"] == "":
    print("cut.warc.gz: want the complete page and the kept part of the cut one")
    fail = 1
same("jsonl.out", 2)
same("jsonlgz.out", 2)
cut = load("cut.out")
if len(cut) != 2 or cut[1]["text"] == "" or not files.get(cut[0]["id"]):
    print("cut.warc: want the complete page and the kept part of the cut one")
    fail = 1
page = json.loads(open(tmp + "/page.out", encoding="utf-8").read())
for k in ("title", "author", "date", "site", "lang", "text"):
    if k not in page:
        print(f"page: no {k}")
        fail = 1
want = {"title": "Des centaines de civils évacués de la vieille ville", "author": "Claire Dumont",
        "date": "2016-12-15T08:30:00", "site": "Le Quotidien du Soir", "lang": "fr"}
for k, v in want.items():
    if page.get(k) != v:
        print(f"page: {k} is {page.get(k)!r}, want {v!r}")
        fail = 1
for bad in ("Commentaires", "Merci pour cet article", "Partager", "cookies", "Les plus lus",
            "Lire aussi", "Publicité", "Mentions légales", "Sur le même sujet", "Photo Agence"):
    if bad in page["text"]:
        print(f"page: furniture kept: {bad}")
        fail = 1
for good in ("au moins 850 civils", "Des chiffres contestés", "couloirs permanents pour les blessés."):
    if good not in page["text"]:
        print(f"page: article text lost: {good}")
        fail = 1
sys.exit(fail)
PY
