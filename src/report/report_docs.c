/*
 * report_docs.c - the documents of the dossier, each in a collapsed <details>, with its text
 * highlighted: claims (linked to their fact, their rule shown on hover and keyboard focus),
 * quotes, entities, dates and figures. Spans come from different stages and may overlap without
 * nesting; the writer keeps the markup well formed by closing and reopening spans where they cross.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_view.h"

/* Kinds of highlight, outermost first when two spans start and end together. */
enum hl_kind { HL_CLAIM, HL_QUOTE, HL_ENT, HL_DATE, HL_FIG };

typedef struct hl {
    uint32_t start, end;
    uint8_t kind;
    uint32_t idx; /* in the document's array of that kind */
} hl;

/* By start, then longest first, then kind, so that outer spans open first. */
static int cmp_hl(const void *a, const void *b)
{
    const hl *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* The next character boundary at or after pos. */
static uint32_t char_boundary(const char *text, size_t len, uint32_t pos)
{
    while (pos < len && ((unsigned char)text[pos] & 0xc0) == 0x80)
        pos++;
    return pos;
}

/* Adds a span when it is a non-empty range of the text, moved onto character boundaries. */
static void hl_push(hl *a, size_t *n, const rp_doc *d, uint32_t s, uint32_t e, int kind, size_t i)
{
    if (s >= e || e > d->len)
        return;
    s = char_boundary(d->text, d->len, s);
    e = char_boundary(d->text, d->len, e);
    if (s >= e)
        return;
    a[(*n)++] = (hl){s, e, (uint8_t)kind, (uint32_t)i};
}

#define HL_DEPTH 24

typedef struct hl_writer {
    const rp_page *pg;
    size_t doc;
    const rp_doc *d;
    rp_out *o;
    const hl *stack[HL_DEPTH];
    bool link[HL_DEPTH]; /* the element opened for this entry is an <a> */
    int depth;
} hl_writer;

/* The tooltip of a claim: its fact, what it measures, its sources and the rule that made it. */
static void claim_tip(hl_writer *w, const rc_claim *c, int32_t fact)
{
    rp_out *o = w->o;
    if (fact >= 0) {
        const rc_fact *f = &w->pg->v->facts[fact];
        rp_raw(o, "fact ");
        if (f->id)
            rp_escz(o, f->id, NULL);
        else
            rp_rawf(o, "f%d", fact + 1);
        rp_raw(o, " (");
        rc_what_name(f->what) ? rp_escz(o, rc_what_name(f->what), NULL) : (void)0;
        rp_raw(o, ", best ");
        rp_num(o, f->best);
        rp_raw(o, ") · ");
    } else {
        rp_raw(o, "no fact · ");
    }
    rp_claim_value(c, o);
    rp_raw(o, " ");
    rp_escz(o, rc_what_name(c->what), "?");
    rp_raw(o, " · ");
    rp_escz(o, rc_who_name(c->who), "?");
    rp_raw(o, " · ");
    rp_escz(o, rc_modality_name(c->modality), "?");
    if (c->nsources) {
        rp_raw(o, "&#10;source: ");
        for (size_t s = 0; s < c->nsources; s++) {
            if (s)
                rp_raw(o, " → ");
            rp_esc_cut(o, c->sources[s].name, 120);
        }
    }
    if (c->nplaces) {
        rp_raw(o, "&#10;where: ");
        for (size_t s = 0; s < c->nplaces && s < 6; s++) {
            if (s)
                rp_raw(o, ", ");
            rp_esc_cut(o, c->places[s], 80);
        }
    }
    if (c->time_from[0]) {
        rp_raw(o, "&#10;when: ");
        rp_esc(o, c->time_from, strnlen(c->time_from, sizeof c->time_from));
    }
    if (c->explain && *c->explain) {
        rp_raw(o, "&#10;rule: ");
        rp_esc_cut(o, c->explain, 600);
    }
}

/* Whether an <a> is open on the stack already (links do not nest). */
static bool in_link(const hl_writer *w)
{
    for (int i = 0; i < w->depth; i++)
        if (w->link[i])
            return true;
    return false;
}

/* Opens the element of span h; first says whether this is its first piece (which carries the id
 * the facts link to). */
static void hl_open(hl_writer *w, const hl *h, bool first)
{
    rp_out *o = w->o;
    const rp_doc *d = w->d;
    bool link = false;
    switch (h->kind) {
    case HL_CLAIM: {
        const rc_claim *c = &d->claims[h->idx];
        int32_t fact = w->pg->claim_fact[w->pg->claim_base[w->doc] + h->idx];
        link = fact >= 0 && !in_link(w);
        if (link)
            rp_rawf(o, "<a class=\"hl-claim\" href=\"#fact-%d\"", fact + 1);
        else
            rp_raw(o, "<span class=\"hl-claim\" tabindex=\"0\"");
        if (first)
            rp_rawf(o, " id=\"d%zu-c%u\"", w->doc + 1, h->idx + 1);
        rp_raw(o, " data-tip=\"");
        claim_tip(w, c, fact);
        rp_raw(o, "\">");
        break;
    }
    case HL_QUOTE: {
        const rc_quote *q = &d->quotes[h->idx];
        rp_raw(o, "<span class=\"hl-quote\"");
        if (first)
            rp_rawf(o, " id=\"d%zu-q%u\"", w->doc + 1, h->idx + 1);
        rp_raw(o, " title=\"quote");
        if (q->has_speaker) {
            rp_raw(o, " of ");
            rp_esc_cut(o, q->speaker.name, 120);
        }
        rp_raw(o, "\">");
        break;
    }
    case HL_ENT: {
        static const char *const types[] = {"person", "organisation", "place", "other"};
        const rc_entity *e = &d->ents[h->idx];
        rp_rawf(o, "<span class=\"hl-ent\" title=\"%s: ", types[e->type < 4 ? e->type : 3]);
        rp_esc_cut(o, e->canon, 120);
        rp_raw(o, "\">");
        break;
    }
    case HL_DATE: {
        const rc_mark *m = &d->marks[h->idx];
        rp_raw(o, "<span class=\"hl-date\" title=\"time: ");
        rp_escz(o, m->timex, "unresolved");
        rp_raw(o, "\">");
        break;
    }
    default: {
        const rc_mark *m = &d->marks[h->idx];
        rp_raw(o, "<span class=\"hl-fig\" title=\"figure: ");
        rp_num(o, m->value);
        rp_raw(o, "\">");
    }
    }
    w->stack[w->depth] = h;
    w->link[w->depth] = link;
    w->depth++;
}

/* Closes the innermost open element. */
static void hl_close(hl_writer *w)
{
    w->depth--;
    rp_raw(w->o, w->link[w->depth] ? "</a>" : "</span>");
}

/* Writes the text of one document with its spans: at each boundary, the spans that end there
 * are closed (with those opened inside them, which are reopened right after), then the spans
 * that start there are opened. */
static void write_highlighted(hl_writer *w, hl *spans, size_t n)
{
    const rp_doc *d = w->d;
    rp_out *o = w->o;
    uint32_t pos = 0;
    size_t next = 0;
    for (;;) {
        uint32_t b = (uint32_t)d->len;
        if (next < n && spans[next].start < b)
            b = spans[next].start;
        for (int i = 0; i < w->depth; i++)
            if (w->stack[i]->end < b)
                b = w->stack[i]->end;
        if (b > pos) {
            rp_esc(o, d->text + pos, b - pos);
            pos = b;
        }
        /* close: the outermost span that ends here, and everything inside it */
        int lowest = -1;
        for (int i = 0; i < w->depth && lowest < 0; i++)
            if (w->stack[i]->end <= pos)
                lowest = i;
        if (lowest >= 0) {
            const hl *reopen[HL_DEPTH];
            int nre = 0;
            while (w->depth > lowest) {
                const hl *top = w->stack[w->depth - 1];
                hl_close(w);
                if (top->end > pos)
                    reopen[nre++] = top;
            }
            while (nre > 0)
                hl_open(w, reopen[--nre], false);
        }
        /* open what starts here, outer first (the sort order) */
        while (next < n && spans[next].start <= pos) {
            const hl *h = &spans[next++];
            if (h->end > pos && w->depth < HL_DEPTH)
                hl_open(w, h, h->start == pos);
        }
        if (pos >= d->len && w->depth == 0)
            break;
        if (pos >= d->len) { /* spans clamped to the text end: close what is left */
            while (w->depth)
                hl_close(w);
            break;
        }
    }
}

/* The highlighted text of document i, or a note when it has none. */
static void doc_body(const rp_page *pg, size_t i, rp_out *o)
{
    const rp_doc *d = &pg->v->docs[i];
    size_t cap = d->nclaims + d->nquotes + d->nents + d->nmarks;
    hl *spans = cap ? malloc(cap * sizeof *spans) : NULL;
    size_t n = 0;
    if (spans) {
        for (size_t k = 0; k < d->nclaims; k++)
            hl_push(spans, &n, d, d->claims[k].start, d->claims[k].end, HL_CLAIM, k);
        for (size_t k = 0; k < d->nquotes; k++)
            hl_push(spans, &n, d, d->quotes[k].start, d->quotes[k].end, HL_QUOTE, k);
        for (size_t k = 0; k < d->nents; k++)
            hl_push(spans, &n, d, d->ents[k].start, d->ents[k].end, HL_ENT, k);
        for (size_t k = 0; k < d->nmarks; k++)
            hl_push(spans, &n, d, d->marks[k].start, d->marks[k].end,
                    d->marks[k].kind == RC_MARK_TIME ? HL_DATE : HL_FIG, k);
        qsort(spans, n, sizeof *spans, cmp_hl);
    }
    hl_writer w = {.pg = pg, .doc = i, .d = d, .o = o, .depth = 0};
    rp_raw(o, "<div class=\"body\"");
    if (d->meta.lang && strspn(d->meta.lang, "abcdefghijklmnopqrstuvwxyz-") == strlen(d->meta.lang) &&
        *d->meta.lang)
        rp_rawf(o, " lang=\"%.16s\"", d->meta.lang);
    rp_raw(o, ">");
    write_highlighted(&w, spans, n);
    rp_raw(o, "</div>\n");
    free(spans);
}

/* The line under a document's title: file, address (as text), author, date and its source. */
static void doc_meta(const rp_page *pg, size_t i, rp_out *o)
{
    const rp_doc *d = &pg->v->docs[i];
    rp_raw(o, "<p class=\"meta\">");
    rp_raw(o, "<span class=\"url\">");
    rp_escz(o, d->meta.path, "");
    rp_raw(o, "</span>");
    if (d->meta.url) {
        rp_raw(o, " · address (not a link): <span class=\"url\">");
        rp_esc_cut(o, d->meta.url, 300);
        rp_raw(o, "</span>");
    }
    if (d->meta.author) {
        rp_raw(o, " · by ");
        rp_esc_cut(o, d->meta.author, 120);
    }
    rp_raw(o, " · date ");
    rp_escz(o, d->meta.date, "unknown");
    rp_raw(o, " (from ");
    rp_escz(o, d->meta.date_source, "none");
    rp_raw(o, ")");
    if (d->meta.id) {
        rp_raw(o, " · id ");
        rp_esc_cut(o, d->meta.id, 32);
    }
    if (d->relay_of >= 0)
        rp_rawf(o, " · repeats <a href=\"#d%d\">D%d</a> (%.0f%% alike)", d->relay_of + 1,
                d->relay_of + 1, d->relay_similarity * 100);
    rp_raw(o, "</p>\n");
}

void rp_section_documents(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    rp_raw(o, "<section class=\"sec\" id=\"documents\" aria-labelledby=\"h-documents\">"
              "<h2 id=\"h-documents\">Documents</h2>\n");
    if (!v->ndocs) {
        rp_raw(o, "<p class=\"empty\">No documents.</p></section>\n");
        return;
    }
    rp_raw(o, "<p class=\"legend\">Open a document to read it. "
              "<span class=\"hl-claim\">claimed figure</span> (links to its fact; hover or focus "
              "it for the rule) <span class=\"hl-fig\">figure</span> <span class=\"hl-date\">date"
              "</span> <span class=\"hl-ent\">name</span> <span class=\"hl-quote\">quote</span></p>\n");
    size_t shown = v->ndocs < v->lim.docs_text ? v->ndocs : v->lim.docs_text;
    for (size_t i = 0; i < v->ndocs; i++) {
        const rp_doc *d = &v->docs[i];
        rp_rawf(o, "<details class=\"doc\" id=\"d%zu\"><summary>D%zu · ", i + 1, i + 1);
        rp_escz(o, pg->outlet[i], "?");
        if (d->meta.title) {
            rp_raw(o, " — ");
            rp_esc_cut(o, d->meta.title, 200);
        }
        rp_raw(o, " <span class=\"muted\">");
        rp_escz(o, d->meta.date, "no date");
        rp_rawf(o, " · %zu figure%s · %zu quote%s</span></summary>\n", d->nclaims,
                d->nclaims == 1 ? "" : "s", d->nquotes, d->nquotes == 1 ? "" : "s");
        doc_meta(pg, i, o);
        if (i < shown)
            doc_body(pg, i, o);
        else
            rp_raw(o, "<p class=\"note meta\">The text is left out of this dossier to keep it "
                      "light; see the file above.</p>\n");
        rp_raw(o, "</details>\n");
    }
    if (shown < v->ndocs)
        rp_rawf(o, "<p class=\"note\">The text of the first %zu documents is included; %zu more "
                   "are listed without it.</p>\n", shown, v->ndocs - shown);
    rp_raw(o, "</section>\n");
}
