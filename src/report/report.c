/*
 * report.c - the dossier: rc_report_add copies what the page shows of each document into the
 * report's arena, rc_report_write fills a view (report_view.h) from those copies and the check,
 * and rp_write_page lays out the page: head, style, summary, the sections, the method.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_view.h"
#include "util/arena.h"

struct rc_report {
    rc_arena arena;
    const rc_ctx *ctx;
    rp_doc *docs;
    size_t ndocs, cap;
};

const rp_limits rp_default_limits = {
    .docs_text = 300,
    .facts_shown = 150,
    .claims_fact = 40,
    .origins_fact = 24,
    .lanes = 24,
    .places = 80,
    .speakers = 60,
    .quotes_speaker = 6,
    .outlets = 8,
};

int rc_report_new(const rc_ctx *ctx, rc_report **out)
{
    *out = NULL;
    rc_report *rep = calloc(1, sizeof *rep);
    if (!rep)
        return RC_ENOMEM;
    rc_arena_init(&rep->arena);
    rep->ctx = ctx;
    *out = rep;
    return RC_OK;
}

void rc_report_free(rc_report *rep)
{
    if (!rep)
        return;
    rc_arena_free(&rep->arena);
    free(rep);
}

/* A copy of n records of size esz in the arena; NULL for none. Sets *err on failure. */
static void *dup_array(rc_arena *a, const void *p, size_t n, size_t esz, int *err)
{
    if (!p || !n)
        return NULL;
    void *q = rc_arena_alloc(a, n * esz);
    if (!q) {
        *err = RC_ENOMEM;
        return NULL;
    }
    memcpy(q, p, n * esz);
    return q;
}

/* A string copied into the arena (NULL stays NULL). */
static const char *dup_str(rc_arena *a, const char *s, int *err)
{
    if (!s)
        return NULL;
    const char *c = rc_arena_strdup(a, s);
    if (!c)
        *err = RC_ENOMEM;
    return c;
}

/* Copies the strings a speaker points to, in place. */
static void dup_speaker(rc_arena *a, rc_speaker *s, int *err)
{
    s->name = dup_str(a, s->name, err);
    if (!s->name)
        s->name = "";
    s->role = dup_str(a, s->role, err);
    s->key = dup_str(a, s->key, err);
}

/* Copies an array of speakers and their strings. */
static const rc_speaker *dup_speakers(rc_arena *a, const rc_speaker *p, size_t n, int *err)
{
    rc_speaker *c = dup_array(a, p, n, sizeof *p, err);
    for (size_t i = 0; c && i < n; i++)
        dup_speaker(a, &c[i], err);
    return c;
}

/* Copies an array of strings. */
static const char *const *dup_strs(rc_arena *a, const char *const *p, size_t n, int *err)
{
    const char **c = dup_array(a, p, n, sizeof *p, err);
    for (size_t i = 0; c && i < n; i++)
        c[i] = dup_str(a, c[i], err);
    return c;
}

/* Copies the claims with everything they point to. */
static const rc_claim *dup_claims(rc_arena *a, const rc_claim *p, size_t n, int *err)
{
    rc_claim *c = dup_array(a, p, n, sizeof *p, err);
    for (size_t i = 0; c && i < n; i++) {
        rc_claim *k = &c[i];
        k->counted = dup_str(a, k->counted, err);
        rc_claim_part *parts = dup_array(a, k->parts, k->nparts, sizeof *k->parts, err);
        for (size_t j = 0; parts && j < k->nparts; j++)
            parts[j].counted = dup_str(a, parts[j].counted, err);
        k->parts = parts;
        k->places = dup_strs(a, k->places, k->nplaces, err);
        k->place_keys = dup_strs(a, k->place_keys, k->nplaces, err);
        k->time_text = dup_str(a, k->time_text, err);
        k->agent = dup_str(a, k->agent, err);
        k->sources = dup_speakers(a, k->sources, k->nsources, err);
        k->explain = dup_str(a, k->explain, err);
        if (!k->explain)
            k->explain = "";
    }
    return c;
}

int rc_report_add(rc_report *rep, const rc_doc *doc)
{
    if (!rep || !doc)
        return RC_EINVAL;
    if (rc_arena_grow(&rep->arena, (void **)&rep->docs, &rep->cap, rep->ndocs + 1,
                      sizeof *rep->docs))
        return RC_ENOMEM;
    rc_arena *a = &rep->arena;
    int err = 0;
    rp_doc d;
    memset(&d, 0, sizeof d);
    d.relay_of = -1;
    rc_doc_meta m;
    rc_doc_get_meta(doc, &m);
    d.meta = (rc_doc_meta){dup_str(a, m.id, &err),     dup_str(a, m.path, &err),
                           dup_str(a, m.title, &err),  dup_str(a, m.site, &err),
                           dup_str(a, m.url, &err),    dup_str(a, m.author, &err),
                           dup_str(a, m.lang, &err),   dup_str(a, m.date, &err),
                           dup_str(a, m.date_source, &err)};
    const char *text = rc_doc_text(doc, &d.len);
    d.text = text ? rc_arena_strndup(a, text, d.len) : "";
    if (!d.text)
        return RC_ENOMEM;
    if (!text)
        d.len = 0;

    size_t nmarks = rc_doc_marks(doc, NULL, 0);
    if (nmarks) {
        rc_mark *marks = rc_arena_alloc(a, nmarks * sizeof *marks);
        if (!marks)
            return RC_ENOMEM;
        rc_doc_marks(doc, marks, nmarks);
        for (size_t i = 0; i < nmarks; i++)
            marks[i].timex = dup_str(a, marks[i].timex, &err);
        d.marks = marks;
        d.nmarks = nmarks;
    }

    const rc_entity *ents = rc_doc_entities(doc, &d.nents);
    rc_entity *ce = dup_array(a, ents, d.nents, sizeof *ents, &err);
    for (size_t i = 0; ce && i < d.nents; i++) {
        ce[i].key = dup_str(a, ce[i].key, &err);
        ce[i].canon = dup_str(a, ce[i].canon, &err);
        if (!ce[i].key)
            ce[i].key = "";
        if (!ce[i].canon)
            ce[i].canon = "";
    }
    d.ents = ce;

    const rc_quote *quotes = rc_doc_quotes(doc, &d.nquotes);
    rc_quote *cq = dup_array(a, quotes, d.nquotes, sizeof *quotes, &err);
    for (size_t i = 0; cq && i < d.nquotes; i++) {
        if (cq[i].has_speaker)
            dup_speaker(a, &cq[i].speaker, &err);
        cq[i].verb = dup_str(a, cq[i].verb, &err);
    }
    d.quotes = cq;

    const rc_attribution *attrs = rc_doc_attributions(doc, &d.nattrs);
    rc_attribution *ca = dup_array(a, attrs, d.nattrs, sizeof *attrs, &err);
    for (size_t i = 0; ca && i < d.nattrs; i++) {
        ca[i].cue = dup_str(a, ca[i].cue, &err);
        ca[i].chain = dup_speakers(a, ca[i].chain, ca[i].nchain, &err);
    }
    d.attrs = ca;

    const rc_claim *claims = rc_doc_claims(doc, &d.nclaims);
    d.claims = dup_claims(a, claims, d.nclaims, &err);

    const rc_frame *frames = rc_doc_framing(doc, &d.nframes);
    rc_frame *cf = dup_array(a, frames, d.nframes, sizeof *frames, &err);
    for (size_t i = 0; cf && i < d.nframes; i++) {
        cf[i].concept = dup_str(a, cf[i].concept, &err);
        cf[i].term = dup_str(a, cf[i].term, &err);
        if (!cf[i].concept)
            cf[i].concept = "";
        if (!cf[i].term)
            cf[i].term = "";
    }
    d.frames = cf;
    if (err)
        return err;
    rep->docs[rep->ndocs++] = d;
    return RC_OK;
}

int rc_report_write(const rc_report *rep, const rc_check *chk, rc_write_fn fn, void *ud)
{
    if (!rep || !fn)
        return RC_EINVAL;
    rp_view v;
    memset(&v, 0, sizeof v);
    v.lim = rp_default_limits;
    v.docs = rep->docs;
    v.ndocs = rep->ndocs;
    rp_doc *docs = NULL;
    if (chk) {
        size_t ncd = 0;
        const rc_check_doc *cd = rc_check_docs(chk, &ncd);
        v.facts = rc_check_facts(chk, &v.nfacts);
        v.checked = true;
        /* the check's documents are the report's, added in the same order: take its relays */
        if (cd && ncd == rep->ndocs && rep->ndocs) {
            docs = malloc(rep->ndocs * sizeof *docs);
            if (!docs)
                return RC_ENOMEM;
            memcpy(docs, rep->docs, rep->ndocs * sizeof *docs);
            for (size_t i = 0; i < ncd; i++) {
                int32_t r = cd[i].relay_of;
                docs[i].relay_of = r >= 0 && (size_t)r < ncd && (size_t)r != i ? r : -1;
                docs[i].relay_similarity = cd[i].relay_similarity;
                /* the facts index the check's copy of the claims: should it differ from the
                 * report's (a check that keeps only some), show the check's */
                size_t nc = 0, nf = 0;
                const rc_claim *cc = rc_check_doc_claims(chk, i, &nc);
                if (nc != docs[i].nclaims) {
                    docs[i].claims = cc;
                    docs[i].nclaims = cc ? nc : 0;
                }
                const rc_frame *cf = rc_check_doc_framing(chk, i, &nf);
                if (!docs[i].nframes && cf && nf) {
                    docs[i].frames = cf;
                    docs[i].nframes = nf;
                }
            }
            v.docs = docs;
        } else if (ncd != rep->ndocs) {
            v.facts = NULL; /* facts would point at other documents */
            v.nfacts = 0;
        }
    }
    rp_out o;
    rp_out_init(&o, fn, ud);
    int status = rp_write_page(&v, &o);
    int st2 = rp_out_done(&o);
    free(docs);
    return status ? status : st2;
}

/* ---- the page ---------------------------------------------------------------------------- */

/* The style sheet: readable on screen and paper, status colours that also carry a word and a
 * symbol, a visible focus ring, and tooltips on focus so that keyboard users see them too. */
static const char page_css[] =
    ":root{--ink:#1d2330;--muted:#5a6273;--line:#d5d9e2;--bg:#f6f7f9;--card:#fff;"
    "--accent:#1f4e8c;--agree:#1b6e3a;--close:#2b5f9e;--conflict:#a32020;--single:#5c5f66;"
    "--fig:#fff1c2;--date:#dff0ff;--ent:#efe6ff;--quote:#e9f6ea;--claim:#a32020}"
    "*{box-sizing:border-box}[id]{scroll-margin-top:48px}"
    "body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "color:var(--ink);background:var(--bg)}"
    "header.top{background:#1d2330;color:#fff;padding:20px 32px 14px}"
    "header.top h1{margin:0 0 4px;font-size:26px;letter-spacing:.2px}"
    "header.top p{margin:0;color:#c9d1e0}"
    "nav.toc{background:#283044;padding:6px 32px;position:sticky;top:0;z-index:5}"
    "nav.toc a{color:#fff;margin-right:16px;text-decoration:none;font-size:14px;display:inline-block;padding:4px 2px}"
    "nav.toc a:hover{text-decoration:underline}"
    "main{max-width:1180px;margin:0 auto;padding:8px 24px 40px}"
    "section.sec{background:var(--card);border:1px solid var(--line);border-radius:8px;"
    "padding:14px 20px 18px;margin:18px 0}"
    "section.sec>h2{margin:0 0 8px;font-size:20px;color:var(--accent);border-bottom:2px solid var(--line);padding-bottom:4px}"
    "h3{font-size:16px;margin:14px 0 6px}"
    ".muted,.note{color:var(--muted)}.note{font-size:13px;font-style:italic}"
    ".empty{color:var(--muted);font-style:italic;padding:6px 0}"
    ".cards{display:flex;gap:12px;flex-wrap:wrap;margin:10px 0 4px}"
    ".card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}"
    ".card b{display:block;font-size:24px;color:var(--ink)}.card span{color:var(--muted);font-size:13px}"
    "table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:14px}"
    "caption{text-align:left;font-weight:600;padding:4px 0;color:var(--muted)}"
    "th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}"
    "thead th{background:#eef1f6;font-weight:600}"
    "td.date{white-space:nowrap}td.url{word-break:normal}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "tbody tr:hover{background:#f8fafd}"
    ".badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12.5px;font-weight:600;color:#fff;white-space:nowrap}"
    ".st-agree{background:var(--agree)}.st-close{background:var(--close)}"
    ".st-conflict{background:var(--conflict)}.st-single{background:var(--single)}"
    ".fact{border-top:1px solid var(--line);padding:10px 0 6px}"
    /* a long list of facts is laid out only as it scrolls into view */
    "@media screen{.fact{content-visibility:auto;contain-intrinsic-size:auto 640px}}"
    ".fact h3{margin:4px 0}.fact h3 a{color:inherit;text-decoration:none}"
    ".range{font-size:14px;margin:2px 0 6px}.range b{font-size:17px}"
    ".chips{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}"
    ".chip{display:inline-block;border:1px solid var(--line);border-radius:14px;padding:2px 10px;font-size:13px;"
    "background:#fafbfc;color:var(--ink);text-decoration:none}"
    ".chip b{font-variant-numeric:tabular-nums}.chip i{color:var(--muted);font-style:normal}"
    ".chip.relay{border-style:dashed;background:#fff}"
    ".mod{font-size:11.5px;border-radius:3px;padding:0 4px;background:#eef1f6;color:#33394a}"
    "svg{max-width:100%;height:auto;display:block}"
    "svg text{font-family:inherit}"
    ".chart{margin:4px 0 8px}"
    ".doc{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:#fff}"
    ".doc>summary{padding:8px 12px;cursor:pointer;font-weight:600}"
    ".doc>summary .muted{font-weight:400}"
    ".doc .body{padding:4px 16px 12px;white-space:pre-wrap;font-family:Georgia,'DejaVu Serif',serif;"
    "font-size:15.5px;line-height:1.65;max-width:860px;overflow-wrap:anywhere}"
    ".doc .meta{padding:0 16px;font-size:13px;color:var(--muted)}"
    ".hl-fig{background:var(--fig);border-radius:2px}"
    ".hl-date{background:var(--date);border-radius:2px}"
    ".hl-ent{border-bottom:2px solid #8a6bd1}"
    ".hl-quote{background:var(--quote);font-style:italic}"
    ".hl-attr{text-decoration:underline dotted #5a6273}"
    "a.hl-claim,span.hl-claim{color:inherit;text-decoration:none;border-bottom:2px solid var(--claim);"
    "position:relative;font-weight:600}"
    "a.hl-claim:hover::after,a.hl-claim:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.7em;"
    "z-index:9;width:min(520px,80vw);white-space:pre-wrap;background:#1d2330;color:#fff;font:12.5px/1.4 system-ui,sans-serif;"
    "font-style:normal;font-weight:400;padding:6px 9px;border-radius:5px;box-shadow:0 2px 8px rgba(0,0,0,.25)}"
    ".legend{font-size:13px;margin:4px 0 8px}.legend span{margin-right:12px;padding:0 4px}"
    "a{color:var(--accent)}"
    ":focus-visible{outline:3px solid #f0a500;outline-offset:2px}"
    "a:focus{outline:3px solid #f0a500;outline-offset:1px}"
    "summary:focus{outline:3px solid #f0a500}"
    ".scroll{overflow-x:auto}.frame td.term{min-width:7em}.frame .tm{display:block;white-space:nowrap}"
    ".frame .cnt{color:var(--muted);font-size:12px}"
    ".quote-l{margin:4px 0 4px 0;padding-left:10px;border-left:3px solid #b9dcc0;font-family:Georgia,serif}"
    ".url{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12.5px;word-break:break-all;color:var(--muted)}"
    "footer{color:var(--muted);font-size:12.5px;text-align:center;padding:10px}"
    "@media print{nav.toc{display:none}body{background:#fff;font-size:11pt}"
    "section.sec{border:none;padding:0;margin:12px 0;break-inside:auto}"
    ".fact{break-inside:avoid}.doc{break-inside:auto}"
    "details.doc::details-content{content-visibility:visible;display:block}"
    "a.hl-claim::after{display:none!important}a{color:inherit}"
    ".badge{color:#000;border:1px solid #000;background:#fff!important}}";

const char *rp_outlet(const rp_page *pg, size_t d)
{
    return pg->outlet[d];
}

/* The name an outlet goes by: the site, else the file name without its folders. */
static const char *outlet_of(const rp_doc *d)
{
    if (d->meta.site && *d->meta.site)
        return d->meta.site;
    const char *p = d->meta.path ? d->meta.path : "?";
    const char *slash = strrchr(p, '/');
    return slash && slash[1] ? slash + 1 : p;
}

const rc_claim *rp_fact_claim(const rp_page *pg, const rc_fact_claim *fc)
{
    if (fc->doc >= pg->v->ndocs)
        return NULL;
    const rp_doc *d = &pg->v->docs[fc->doc];
    return fc->claim < d->nclaims ? &d->claims[fc->claim] : NULL;
}

/* A name and the index it belongs to, for sorting without a global. */
typedef struct named {
    const char *name;
    size_t idx;
} named;

/* Orders by name, then index, so that a group's first record is its first document. */
static int cmp_named(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Fills the tables the sections share (outlets, claim -> fact). */
static int page_init(rp_page *pg, const rp_view *v)
{
    memset(pg, 0, sizeof *pg);
    pg->v = v;
    size_t nd = v->ndocs ? v->ndocs : 1;
    pg->outlet = calloc(nd, sizeof *pg->outlet);
    pg->claim_base = calloc(nd + 1, sizeof *pg->claim_base);
    pg->outlet_id = calloc(nd, sizeof *pg->outlet_id);
    pg->outlets = calloc(nd, sizeof *pg->outlets);
    named *order = calloc(nd, sizeof *order);
    if (!pg->outlet || !pg->claim_base || !pg->outlet_id || !pg->outlets || !order) {
        free(order);
        return RC_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < v->ndocs; i++) {
        pg->outlet[i] = outlet_of(&v->docs[i]);
        pg->claim_base[i] = (uint32_t)n;
        n += v->docs[i].nclaims;
        order[i] = (named){pg->outlet[i], i};
    }
    pg->claim_base[v->ndocs] = (uint32_t)n;
    /* distinct outlets: sorted by name (then document), each document points at the first
     * document of its outlet, and outlets are numbered in the order of their first document */
    qsort(order, v->ndocs, sizeof *order, cmp_named);
    for (size_t i = 0; i < v->ndocs;) {
        size_t j = i;
        while (j < v->ndocs && strcmp(order[j].name, order[i].name) == 0)
            pg->outlet_id[order[j++].idx] = (uint32_t)order[i].idx;
        i = j;
    }
    free(order);
    for (size_t i = 0; i < v->ndocs; i++) {
        if (pg->outlet_id[i] == i)
            pg->outlets[pg->noutlets++] = pg->outlet[i];
        /* the first document came earlier and already holds its outlet's number */
        pg->outlet_id[i] = pg->outlet_id[i] == i ? (uint32_t)(pg->noutlets - 1)
                                                 : pg->outlet_id[pg->outlet_id[i]];
    }
    pg->claim_fact = malloc((n ? n : 1) * sizeof *pg->claim_fact);
    if (!pg->claim_fact)
        return RC_ENOMEM;
    for (size_t i = 0; i < n; i++)
        pg->claim_fact[i] = -1;
    for (size_t f = 0; f < v->nfacts; f++)
        for (size_t k = 0; k < v->facts[f].nclaims; k++) {
            const rc_fact_claim *fc = &v->facts[f].claims[k];
            if (rp_fact_claim(pg, fc))
                pg->claim_fact[pg->claim_base[fc->doc] + fc->claim] = (int32_t)f;
        }
    return RC_OK;
}

static void page_free(rp_page *pg)
{
    free(pg->outlet);
    free(pg->outlet_id);
    free(pg->outlets);
    free(pg->claim_base);
    free(pg->claim_fact);
}

/* The head of the page: the policy that forbids scripts and outside loads, and the style. */
static void write_head(const rp_view *v, rp_out *o)
{
    rp_raw(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">\n"
              "<meta name=\"referrer\" content=\"no-referrer\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<meta name=\"generator\" content=\"recoupe ");
    rp_raw(o, rc_version());
    rp_rawf(o, "\">\n<title>recoupe dossier: %zu documents, %zu facts</title>\n<style>", v->ndocs,
            v->nfacts);
    rp_raw(o, page_css);
    rp_raw(o, "</style>\n</head>\n<body>\n");
}

/* The earliest and latest dates of the documents, for the summary. */
static void date_span(const rp_view *v, const char **first, const char **last)
{
    *first = *last = NULL;
    for (size_t i = 0; i < v->ndocs; i++) {
        const char *d = v->docs[i].meta.date;
        if (!d || strlen(d) < 10)
            continue;
        if (!*first || strncmp(d, *first, 10) < 0)
            *first = d;
        if (!*last || strncmp(d, *last, 10) > 0)
            *last = d;
    }
}

/* The title band, the table of contents and the summary cards. */
static void write_summary(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    size_t nconflict = 0, nclaims = 0, nquotes = 0, nrelay = 0;
    for (size_t f = 0; f < v->nfacts; f++)
        nconflict += v->facts[f].status == RC_FACT_CONFLICT;
    for (size_t i = 0; i < v->ndocs; i++) {
        nclaims += v->docs[i].nclaims;
        nquotes += v->docs[i].nquotes;
        nrelay += v->docs[i].relay_of >= 0;
    }
    const char *first, *last;
    date_span(v, &first, &last);
    rp_raw(o, "<header class=\"top\"><h1>Dossier</h1><p>");
    rp_rawf(o, "%zu document%s", v->ndocs, v->ndocs == 1 ? "" : "s");
    if (first) {
        rp_raw(o, ", ");
        rp_esc(o, first, 10);
        if (strncmp(first, last, 10) != 0) {
            rp_raw(o, " to ");
            rp_esc(o, last, 10);
        }
    }
    rp_raw(o, ". Every figure is traced to its sentence; every fact to its origins.</p></header>\n"
              "<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#sources\">Sources</a>"
              "<a href=\"#facts\">Facts</a><a href=\"#timeline\">Timeline</a><a href=\"#map\">Map</a>"
              "<a href=\"#framing\">Framing</a><a href=\"#speakers\">Speakers</a>"
              "<a href=\"#documents\">Documents</a><a href=\"#method\">Method</a></nav>\n<main>\n");
    rp_raw(o, "<div class=\"cards\" role=\"list\">");
    rp_rawf(o, "<div class=\"card\" role=\"listitem\"><b>%zu</b><span>documents</span></div>",
            v->ndocs);
    rp_rawf(o, "<div class=\"card\" role=\"listitem\"><b>%zu</b><span>figures claimed</span></div>",
            nclaims);
    rp_rawf(o, "<div class=\"card\" role=\"listitem\"><b>%zu</b><span>facts</span></div>", v->nfacts);
    rp_rawf(o, "<div class=\"card\" role=\"listitem\"><b>%zu</b><span>facts in conflict</span></div>",
            nconflict);
    rp_rawf(o, "<div class=\"card\" role=\"listitem\"><b>%zu</b><span>quotes</span></div>", nquotes);
    rp_rawf(o, "<div class=\"card\" role=\"listitem\"><b>%zu</b><span>documents relaying another</span></div>",
            nrelay);
    rp_raw(o, "</div>\n");
    if (!v->checked)
        rp_raw(o, "<p class=\"empty\">No cross-check was run: the facts section is empty.</p>\n");
}

/* A date as the table shows it: the day, and the time of day in grey when there is one. */
static void write_date(rp_out *o, const char *date)
{
    if (!date || !*date) {
        rp_raw(o, "<span class=\"muted\">unknown</span>");
        return;
    }
    size_t len = strlen(date);
    if (len > 10 && date[10] == 'T') {
        rp_esc(o, date, 10);
        rp_raw(o, " <span class=\"muted\">");
        rp_esc(o, date + 11, len - 11 > 5 ? 5 : len - 11);
        rp_raw(o, "</span>");
    } else {
        rp_esc(o, date, len);
    }
}

/* The last component of a path. */
static const char *file_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash && slash[1] ? slash + 1 : path;
}

void rp_section_sources(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    rp_raw(o, "<section class=\"sec\" id=\"sources\" aria-labelledby=\"h-sources\">"
              "<h2 id=\"h-sources\">Sources</h2>\n");
    if (!v->ndocs) {
        rp_raw(o, "<p class=\"empty\">No documents were read.</p></section>\n");
        return;
    }
    rp_raw(o, "<table><caption>The documents, with where each date comes from (given on the "
              "command line, the page's metadata, the text itself, or none)</caption>\n<thead><tr>"
              "<th scope=\"col\">#</th><th scope=\"col\">Outlet</th><th scope=\"col\">Date</th>"
              "<th scope=\"col\">Date from</th><th scope=\"col\">Title</th>"
              "<th scope=\"col\">File</th><th scope=\"col\" class=\"n\">Figures</th>"
              "<th scope=\"col\">Relay of</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < v->ndocs; i++) {
        const rp_doc *d = &v->docs[i];
        rp_rawf(o, "<tr><th scope=\"row\"><a href=\"#d%zu\">D%zu</a></th><td>", i + 1, i + 1);
        rp_escz(o, pg->outlet[i], NULL);
        rp_raw(o, "</td><td class=\"date\">");
        write_date(o, d->meta.date);
        rp_raw(o, "</td><td>");
        rp_escz(o, d->meta.date_source, "none");
        rp_raw(o, "</td><td>");
        rp_escz(o, d->meta.title, "");
        if (d->meta.url) {
            rp_raw(o, "<br><span class=\"url\">");
            rp_esc_cut(o, d->meta.url, 160);
            rp_raw(o, "</span>");
        }
        rp_raw(o, "</td><td class=\"url\" title=\"");
        rp_escz(o, d->meta.path, "");
        rp_raw(o, "\">");
        rp_escz(o, file_name(d->meta.path), "");
        rp_rawf(o, "</td><td class=\"n\">%zu</td><td>", d->nclaims);
        if (d->relay_of >= 0)
            rp_rawf(o, "<a href=\"#d%d\">D%d</a> <span class=\"muted\">(%.0f%% alike)</span>",
                    d->relay_of + 1, d->relay_of + 1, d->relay_similarity * 100);
        rp_raw(o, "</td></tr>\n");
    }
    rp_raw(o, "</tbody></table></section>\n");
}

/* How the numbers were made, in plain words. */
static void write_method(rp_out *o)
{
    rp_raw(o,
           "<section class=\"sec\" id=\"method\" aria-labelledby=\"h-method\">"
           "<h2 id=\"h-method\">Method</h2>\n"
           "<p><b>Claims.</b> In each article, recoupe finds the figures put on what happened "
           "(killed, injured, evacuated, fled, trapped…), who is counted, where and when, and who "
           "says so: the attribution chain, the original speaker first and each relay after it. "
           "Its modality records how the text vouches for it: <i>asserted</i> in the outlet's own "
           "voice, <i>reported</i> from a named source, <i>conditional</i> (journalistic "
           "conditional), <i>hedged</i>, <i>expected</i>, <i>disputed</i> or <i>denied</i>.</p>\n"
           "<p><b>Facts.</b> Claims that measure the same thing (same kind of event and of "
           "people, compatible places and dates) across articles are grouped into one fact.</p>\n"
           "<p><b>Origins.</b> A fact counts independent origins, not articles. The origin of a "
           "claim is the first source of its chain (the UN spokeswoman, the hospital, the "
           "ministry), or the outlet itself when the text asserts the figure in its own voice. Two "
           "articles relaying the same speaker, or an article that repeats another almost word "
           "for word (a relayed dispatch), are one origin: the relay is drawn hollow in the charts "
           "and dashed in the chips.</p>\n"
           "<p><b>Estimate.</b> <i>low</i> and <i>high</i> are the smallest and largest values "
           "the origins give (bounds such as <i>au moins</i> or <i>près de</i> included); "
           "<i>best</i> is the value most origins give, or their median. The status compares the "
           "origins: <i>single</i> (one origin), <i>agree</i> (all equal), <i>close</i> (within "
           "10&#8239;%), <i>conflict</i> (further apart). Charts use a logarithmic scale so that "
           "21 and 44 and 12&#8239;000 can be read on one line.</p>\n"
           "<p><b>Limits.</b> Extraction is automatic: read the sentence behind each figure "
           "(follow a chip to the highlighted text) before quoting it. This page contains no "
           "script and loads nothing from the network; addresses found in articles are shown as "
           "text, never as links.</p>\n</section>\n");
}

int rp_write_page(const rp_view *v, rp_out *o)
{
    rp_page pg;
    int status = page_init(&pg, v);
    if (status) {
        page_free(&pg);
        return status;
    }
    write_head(v, o);
    write_summary(&pg, o);
    rp_section_sources(&pg, o);
    rp_section_facts(&pg, o);
    rp_section_timeline(&pg, o);
    rp_section_map(&pg, o);
    rp_section_framing(&pg, o);
    rp_section_speakers(&pg, o);
    rp_section_documents(&pg, o);
    write_method(o);
    rp_raw(o, "</main>\n<footer>Made by recoupe ");
    rp_raw(o, rc_version());
    rp_raw(o, ". Self-contained: no script, no network access.</footer>\n</body>\n</html>\n");
    page_free(&pg);
    return o->b.err ? o->b.err : o->err;
}
