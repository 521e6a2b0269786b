/*
 * report_voices.c - who speaks and how things are named: the framing table (for each concept,
 * the words each outlet uses and how often) and the speakers (their quotes, and the outlets that
 * cite or relay them).
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_view.h"

/* ---- framing --------------------------------------------------------------------------------- */

typedef struct frame_rec {
    const char *concept, *term;
    uint32_t outlet;
    uint32_t count;
} frame_rec;

static int cmp_frame(const void *a, const void *b)
{
    const frame_rec *x = a, *y = b;
    int c = strcmp(x->concept, y->concept);
    if (c)
        return c;
    if (x->outlet != y->outlet)
        return x->outlet < y->outlet ? -1 : 1;
    return strcmp(x->term, y->term);
}

/* The records of one cell ordered by count, most used first. */
static int cmp_frame_count(const void *a, const void *b)
{
    const frame_rec *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->term, y->term);
}

void rp_section_framing(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    rp_raw(o, "<section class=\"sec\" id=\"framing\" aria-labelledby=\"h-framing\">"
              "<h2 id=\"h-framing\">Framing side by side</h2>\n");
    size_t n = 0;
    for (size_t i = 0; i < v->ndocs; i++)
        n += v->docs[i].nframes;
    frame_rec *r = n ? malloc(n * sizeof *r) : NULL;
    if (!r) {
        rp_raw(o, "<p class=\"empty\">No framing terms were found in the documents.</p>"
                  "</section>\n");
        return;
    }
    /* the outlets with the most terms get a column */
    size_t *weight = calloc(pg->noutlets, sizeof *weight);
    uint32_t *col = malloc(pg->noutlets * sizeof *col);
    if (!weight || !col) {
        free(r);
        free(weight);
        free(col);
        rp_raw(o, "<p class=\"empty\">Out of memory.</p></section>\n");
        return;
    }
    n = 0;
    for (size_t i = 0; i < v->ndocs; i++)
        for (size_t k = 0; k < v->docs[i].nframes; k++) {
            const rc_frame *fr = &v->docs[i].frames[k];
            r[n++] = (frame_rec){fr->concept, fr->term, pg->outlet_id[i], fr->count};
            weight[pg->outlet_id[i]] += fr->count;
        }
    size_t ncols = 0;
    for (size_t i = 0; i < pg->noutlets; i++)
        col[i] = UINT32_MAX;
    while (ncols < v->lim.outlets) { /* pick the heaviest remaining outlet, keep page order */
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < pg->noutlets; i++)
            if (col[i] == UINT32_MAX && weight[i] && (best == SIZE_MAX || weight[i] > weight[best]))
                best = i;
        if (best == SIZE_MAX)
            break;
        col[best] = 0;
        ncols++;
    }
    size_t c = 0, withterms = 0;
    for (size_t i = 0; i < pg->noutlets; i++) {
        withterms += weight[i] != 0;
        if (col[i] != UINT32_MAX)
            col[i] = (uint32_t)c++;
    }
    /* merge the same term of one outlet across its documents */
    qsort(r, n, sizeof *r, cmp_frame);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && strcmp(r[m - 1].concept, r[i].concept) == 0 && r[m - 1].outlet == r[i].outlet &&
            strcmp(r[m - 1].term, r[i].term) == 0)
            r[m - 1].count += r[i].count;
        else
            r[m++] = r[i];
    }
    rp_raw(o, "<p>For each concept, the words each outlet chooses for it, with how often; "
              "opposite choices (<i>rebelles</i> / <i>terroristes</i>, <i>libération</i> / "
              "<i>chute</i>) show an outlet's stance.</p>\n");
    rp_raw(o, "<div class=\"scroll\"><table class=\"frame\"><caption>Terms used for each concept, by outlet</caption>\n"
              "<thead><tr><th scope=\"col\">Concept</th>");
    for (size_t i = 0; i < pg->noutlets; i++)
        if (col[i] != UINT32_MAX) {
            rp_raw(o, "<th scope=\"col\">");
            rp_escz(o, pg->outlets[i], "?");
            rp_raw(o, "</th>");
        }
    rp_raw(o, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && strcmp(r[j].concept, r[i].concept) == 0)
            j++;
        rp_raw(o, "<tr><th scope=\"row\">");
        rp_escz(o, r[i].concept, "?");
        rp_raw(o, "</th>");
        /* one cell per shown outlet: its records are contiguous (sorted by outlet) */
        size_t at = i;
        for (size_t ol = 0; ol < pg->noutlets; ol++) {
            if (col[ol] == UINT32_MAX)
                continue;
            while (at < j && r[at].outlet < ol)
                at++;
            size_t e = at;
            while (e < j && r[e].outlet == ol)
                e++;
            qsort(r + at, e - at, sizeof *r, cmp_frame_count);
            rp_raw(o, "<td class=\"term\">");
            if (at == e)
                rp_raw(o, "<span class=\"muted\">—</span>");
            for (size_t t = at; t < e; t++) {
                rp_raw(o, "<span class=\"tm\">");
                rp_escz(o, r[t].term, "?");
                rp_rawf(o, " <span class=\"cnt\">×%u</span></span>", r[t].count);
            }
            rp_raw(o, "</td>");
            at = e;
        }
        rp_raw(o, "</tr>\n");
        i = j;
    }
    rp_raw(o, "</tbody></table></div>\n");
    if (ncols < withterms)
        rp_rawf(o, "<p class=\"note\">The %zu outlets using the most terms are shown; %zu more "
                   "are left out.</p>\n", ncols, withterms - ncols);
    rp_raw(o, "</section>\n");
    free(r);
    free(weight);
    free(col);
}

/* ---- speakers -------------------------------------------------------------------------------- */

typedef struct voice {
    const char *key;
    const rc_speaker *sp;
    uint32_t doc;
    int32_t quote; /* index in the document's quotes, or -1 for an attribution */
} voice;

static int cmp_voice(const void *a, const void *b)
{
    const voice *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return (x->quote > y->quote) - (x->quote < y->quote);
}

typedef struct speaker_group {
    size_t first, end; /* records [first, end) of the sorted voices */
    size_t ndocs, nquotes;
} speaker_group;

static int cmp_group(const void *a, const void *b)
{
    const speaker_group *x = a, *y = b;
    if (x->ndocs != y->ndocs)
        return x->ndocs < y->ndocs ? 1 : -1;
    if (x->nquotes != y->nquotes)
        return x->nquotes < y->nquotes ? 1 : -1;
    return (x->first > y->first) - (x->first < y->first);
}

/* The key a speaker is grouped by: its entity key, else its name. */
static const char *voice_key(const rc_speaker *s)
{
    return s->key && *s->key ? s->key : s->name;
}

/* One speaker's row: name, role, the outlets citing them, their quotes. */
static void speaker_row(const rp_page *pg, const voice *vs, const speaker_group *g, rp_out *o)
{
    const rp_view *v = pg->v;
    const rc_speaker *name = vs[g->first].sp, *role = NULL;
    for (size_t i = g->first; i < g->end; i++) {
        if (!role && vs[i].sp->role)
            role = vs[i].sp;
        if (strlen(vs[i].sp->name) > strlen(name->name) && vs[i].sp->type != RC_ENT_MISC)
            name = vs[i].sp;
    }
    rp_raw(o, "<tr><th scope=\"row\">");
    rp_escz(o, name->name, "?");
    rp_raw(o, "</th><td>");
    if (role)
        rp_esc_cut(o, role->role, 160);
    else
        rp_raw(o, "<span class=\"muted\">—</span>");
    rp_raw(o, "</td><td>");
    /* outlets, once each: records are sorted by document, outlets may repeat apart */
    size_t shown = 0;
    for (size_t i = g->first; i < g->end; i++) {
        uint32_t ol = pg->outlet_id[vs[i].doc];
        bool seen = false;
        for (size_t j = g->first; j < i && !seen; j++)
            seen = pg->outlet_id[vs[j].doc] == ol;
        if (seen || shown >= 12)
            continue;
        rp_raw(o, shown++ ? ", " : "");
        rp_rawf(o, "<a href=\"#d%u\">", vs[i].doc + 1);
        rp_escz(o, pg->outlet[vs[i].doc], "?");
        rp_raw(o, "</a>");
        if (v->docs[vs[i].doc].relay_of >= 0)
            rp_raw(o, " <span class=\"muted\">(relay)</span>");
    }
    rp_raw(o, "</td><td>");
    size_t nq = 0;
    for (size_t i = g->first; i < g->end; i++) {
        if (vs[i].quote < 0)
            continue;
        if (nq++ >= v->lim.quotes_speaker)
            continue;
        const rp_doc *d = &v->docs[vs[i].doc];
        const rc_quote *q = &d->quotes[vs[i].quote];
        if (q->start >= q->end || q->end > d->len)
            continue;
        rp_raw(o, "<p class=\"quote-l\">«&#8239;");
        size_t len = q->end - q->start, cut = rp_utf8_cut(d->text + q->start, len, 400);
        rp_esc(o, d->text + q->start, cut);
        rp_raw(o, cut < len ? "…&#8239;»" : "&#8239;»");
        rp_rawf(o, " <a href=\"#d%u-q%d\" class=\"muted\">D%u ", vs[i].doc + 1, vs[i].quote + 1,
                vs[i].doc + 1);
        rp_escz(o, pg->outlet[vs[i].doc], "?");
        rp_raw(o, "</a></p>");
    }
    if (nq > v->lim.quotes_speaker)
        rp_rawf(o, "<p class=\"note\">%zu more quotes.</p>", nq - v->lim.quotes_speaker);
    if (!nq)
        rp_raw(o, "<span class=\"muted\">cited, not quoted</span>");
    rp_raw(o, "</td></tr>\n");
}

void rp_section_speakers(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    rp_raw(o, "<section class=\"sec\" id=\"speakers\" aria-labelledby=\"h-speakers\">"
              "<h2 id=\"h-speakers\">Speakers</h2>\n");
    size_t n = 0;
    for (size_t i = 0; i < v->ndocs; i++) {
        const rp_doc *d = &v->docs[i];
        for (size_t k = 0; k < d->nquotes; k++)
            n += d->quotes[k].has_speaker;
        for (size_t k = 0; k < d->nattrs; k++)
            n += d->attrs[k].quote < 0 ? d->attrs[k].nchain : 0;
    }
    voice *vs = n ? malloc(n * sizeof *vs) : NULL;
    speaker_group *gs = n ? malloc(n * sizeof *gs) : NULL;
    if (!vs || !gs) {
        free(vs);
        free(gs);
        rp_raw(o, "<p class=\"empty\">No speakers: the documents quote or cite no one.</p>"
                  "</section>\n");
        return;
    }
    n = 0;
    for (size_t i = 0; i < v->ndocs; i++) {
        const rp_doc *d = &v->docs[i];
        for (size_t k = 0; k < d->nquotes; k++)
            if (d->quotes[k].has_speaker)
                vs[n++] = (voice){voice_key(&d->quotes[k].speaker), &d->quotes[k].speaker,
                                  (uint32_t)i, (int32_t)k};
        for (size_t k = 0; k < d->nattrs; k++)
            for (size_t c = 0; d->attrs[k].quote < 0 && c < d->attrs[k].nchain; c++)
                vs[n++] = (voice){voice_key(&d->attrs[k].chain[c]), &d->attrs[k].chain[c],
                                  (uint32_t)i, -1};
    }
    qsort(vs, n, sizeof *vs, cmp_voice);
    size_t ng = 0;
    for (size_t i = 0; i < n;) {
        speaker_group g = {i, i, 0, 0};
        size_t j = i;
        for (; j < n && strcmp(vs[j].key, vs[i].key) == 0; j++) {
            g.ndocs += j == i || vs[j].doc != vs[j - 1].doc;
            g.nquotes += vs[j].quote >= 0;
        }
        g.end = j;
        gs[ng++] = g;
        i = j;
    }
    qsort(gs, ng, sizeof *gs, cmp_group);
    size_t shown = ng < v->lim.speakers ? ng : v->lim.speakers;
    rp_raw(o, "<table><caption>Who is quoted or cited, by how many documents, with the outlets "
              "that cite them and their words</caption>\n<thead><tr><th scope=\"col\">Speaker</th>"
              "<th scope=\"col\">Role</th><th scope=\"col\">Cited by</th>"
              "<th scope=\"col\">Quotes</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < shown; i++)
        speaker_row(pg, vs, &gs[i], o);
    rp_raw(o, "</tbody></table>\n");
    if (shown < ng)
        rp_rawf(o, "<p class=\"note\">The %zu speakers cited most widely are shown; %zu more are "
                   "left out.</p>\n", shown, ng - shown);
    rp_raw(o, "</section>\n");
    free(vs);
    free(gs);
}
