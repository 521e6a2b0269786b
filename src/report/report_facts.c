/*
 * report_facts.c - the facts of the dossier: a table of every fact, then for each fact its
 * estimate, status, origins, a chart and one chip per claim linking to the sentence it comes from.
 */
#include <math.h>
#include <string.h>

#include "report/report_view.h"

/* Eight colours that stay apart for the common kinds of colour blindness (Okabe-Ito, darkened
 * where white text or a white page needs it). */
static const char *const palette[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                      "#8a6d00", "#56b4e9", "#444444", "#e69f00"};

const char *rp_origin_label(const char *name)
{
    const char *slash = name ? strrchr(name, '/') : NULL;
    return slash && slash[1] ? slash + 1 : name;
}

const char *rp_palette(size_t i)
{
    return palette[i % (sizeof palette / sizeof *palette)];
}

void rp_fact_label(const rc_fact *f, rp_out *o)
{
    const char *what = rc_what_name(f->what), *who = rc_who_name(f->who);
    rp_escz(o, what, "other");
    rp_raw(o, " · ");
    rp_escz(o, who, "other");
}

void rp_status_badge(int status, rp_out *o)
{
    switch (status) {
    case RC_FACT_AGREE:
        rp_raw(o, "<span class=\"badge st-agree\">✓ agree</span>");
        break;
    case RC_FACT_CLOSE:
        rp_raw(o, "<span class=\"badge st-close\">≈ close</span>");
        break;
    case RC_FACT_CONFLICT:
        rp_raw(o, "<span class=\"badge st-conflict\">✗ conflict</span>");
        break;
    default:
        rp_raw(o, "<span class=\"badge st-single\">● single origin</span>");
    }
}

void rp_claim_value(const rc_claim *c, rp_out *o)
{
    bool lo = !isnan(c->low), hi = !isnan(c->high), v = !isnan(c->value);
    if (!v && lo && hi) {
        rp_num(o, c->low);
        rp_raw(o, "–");
        rp_num(o, c->high);
    } else if (!v && lo) {
        rp_raw(o, "≥&#8239;");
        rp_num(o, c->low);
    } else if (!v && hi) {
        rp_raw(o, "≤&#8239;");
        rp_num(o, c->high);
    } else {
        if (lo && hi && c->low != c->high && c->low <= c->value && c->value <= c->high &&
            (c->low != c->value || c->high != c->value)) {
            rp_num(o, c->low);
            rp_raw(o, "–");
            rp_num(o, c->high);
        } else {
            if (c->approx)
                rp_raw(o, "≈&#8239;");
            else if (lo && !hi && c->low == c->value)
                rp_raw(o, "≥&#8239;");
            else if (hi && !lo && c->high == c->value)
                rp_raw(o, "≤&#8239;");
            rp_num(o, c->value);
        }
    }
    if (c->unit == RC_UNIT_PERCENT)
        rp_raw(o, "&#8239;%");
}

bool rp_claim_is_relay(const rp_page *pg, const rc_fact *f, size_t k)
{
    const rc_fact_claim *fc = &f->claims[k];
    if (fc->doc < pg->v->ndocs && pg->v->docs[fc->doc].relay_of >= 0)
        return true;
    for (size_t i = 0; i < k; i++)
        if (f->claims[i].origin == fc->origin)
            return true;
    return false;
}

/* The places of a fact, comma separated, or a dash. */
static void fact_places(const rc_fact *f, rp_out *o)
{
    if (!f->nplaces) {
        rp_raw(o, "<span class=\"muted\">—</span>");
        return;
    }
    for (size_t i = 0; i < f->nplaces; i++) {
        if (i)
            rp_raw(o, ", ");
        rp_escz(o, f->places[i], "?");
    }
}

/* The dates of a fact: one day, a span, or a dash. */
static void fact_time(const rc_fact *f, rp_out *o)
{
    if (!f->time_from[0] && !f->time_to[0]) {
        rp_raw(o, "<span class=\"muted\">—</span>");
        return;
    }
    rp_esc(o, f->time_from, strnlen(f->time_from, sizeof f->time_from));
    if (f->time_to[0] && strncmp(f->time_from, f->time_to, sizeof f->time_to) != 0) {
        rp_raw(o, " – ");
        rp_esc(o, f->time_to, strnlen(f->time_to, sizeof f->time_to));
    }
}

/* The origin name of a fact claim, or NULL. */
static const char *origin_name(const rc_fact *f, const rc_fact_claim *fc)
{
    return fc->origin < f->norigins ? rp_origin_label(f->origins[fc->origin].name) : NULL;
}

/* One row of the table of facts. */
static void fact_row(const rp_page *pg, size_t i, rp_out *o)
{
    const rc_fact *f = &pg->v->facts[i];
    rp_rawf(o, "<tr><th scope=\"row\"><a href=\"#fact-%zu\">", i + 1);
    if (f->id)
        rp_escz(o, f->id, NULL);
    else
        rp_rawf(o, "f%zu", i + 1);
    rp_raw(o, "</a></th><td>");
    rp_fact_label(f, o);
    rp_raw(o, "</td><td>");
    fact_places(f, o);
    rp_raw(o, "</td><td>");
    fact_time(f, o);
    rp_raw(o, "</td><td class=\"n\">");
    rp_num(o, f->low);
    rp_raw(o, "</td><td class=\"n\"><b>");
    rp_num(o, f->best);
    rp_raw(o, "</b></td><td class=\"n\">");
    rp_num(o, f->high);
    rp_raw(o, "</td><td>");
    rp_status_badge(f->status, o);
    rp_rawf(o, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n", f->norigins,
            f->nclaims);
}

/* One chip: the value, the outlet, the origin and the modality, linking to the claim's text. */
static void fact_chip(const rp_page *pg, const rc_fact *f, size_t k, rp_out *o)
{
    const rc_fact_claim *fc = &f->claims[k];
    const rc_claim *c = rp_fact_claim(pg, fc);
    bool relay = rp_claim_is_relay(pg, f, k);
    if (!c)
        return;
    rp_rawf(o, "<a class=\"chip%s\" href=\"#d%u-c%u\" title=\"", relay ? " relay" : "",
            fc->doc + 1, fc->claim + 1);
    const rp_doc *d = &pg->v->docs[fc->doc];
    if (c->start < c->end && c->end <= d->len)
        rp_esc(o, d->text + c->start, c->end - c->start);
    if (c->nsources > 1) {
        rp_raw(o, " — chain: ");
        for (size_t s = 0; s < c->nsources; s++) {
            if (s)
                rp_raw(o, " → ");
            rp_escz(o, c->sources[s].name, "?");
        }
    }
    rp_raw(o, "\"><b>");
    rp_claim_value(c, o);
    rp_rawf(o, "</b> <svg width=\"10\" height=\"10\" aria-hidden=\"true\" style=\"display:inline\">"
               "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/></svg> ",
            relay ? "#fff" : rp_palette(fc->origin), rp_palette(fc->origin));
    rp_escz(o, rp_outlet(pg, fc->doc), NULL);
    rp_rawf(o, " <i>D%u · origin: ", fc->doc + 1);
    rp_escz(o, origin_name(f, fc), "?");
    if (relay)
        rp_raw(o, " (relay)");
    rp_raw(o, "</i> <span class=\"mod\">");
    rp_escz(o, rc_modality_name(c->modality), "?");
    rp_raw(o, "</span></a>\n");
}

/* The detail of one fact: heading, estimate, origins, chart, chips. */
static void fact_detail(const rp_page *pg, size_t i, rp_out *o)
{
    const rc_fact *f = &pg->v->facts[i];
    rp_rawf(o, "<article class=\"fact\" id=\"fact-%zu\" aria-labelledby=\"fact-%zu-h\">"
               "<h3 id=\"fact-%zu-h\"><a href=\"#fact-%zu\">",
            i + 1, i + 1, i + 1, i + 1);
    if (f->id)
        rp_escz(o, f->id, NULL);
    else
        rp_rawf(o, "f%zu", i + 1);
    rp_raw(o, "</a> — ");
    rp_fact_label(f, o);
    rp_raw(o, " ");
    rp_status_badge(f->status, o);
    rp_raw(o, "</h3>\n<p class=\"range\">low <b>");
    rp_num(o, f->low);
    rp_raw(o, "</b> · best <b>");
    rp_num(o, f->best);
    rp_raw(o, "</b> · high <b>");
    rp_num(o, f->high);
    rp_raw(o, "</b> &nbsp; <span class=\"muted\">where:</span> ");
    fact_places(f, o);
    rp_raw(o, " &nbsp; <span class=\"muted\">when:</span> ");
    fact_time(f, o);
    rp_rawf(o, "</p>\n<p class=\"range\"><span class=\"muted\">%zu independent origin%s:</span> ",
            f->norigins, f->norigins == 1 ? "" : "s");
    size_t named = f->norigins < pg->v->lim.origins_fact ? f->norigins : pg->v->lim.origins_fact;
    for (size_t k = 0; k < named; k++) {
        if (k)
            rp_raw(o, "; ");
        rp_rawf(o, "<span style=\"color:%s\">●</span> ", rp_palette(k));
        rp_escz(o, rp_origin_label(f->origins[k].name), "?");
        rp_rawf(o, " <span class=\"muted\">(%u claim%s)</span>", f->origins[k].claims,
                f->origins[k].claims == 1 ? "" : "s");
    }
    if (named < f->norigins)
        rp_rawf(o, "; <span class=\"muted\">and %zu more</span>", f->norigins - named);
    rp_raw(o, "</p>\n");
    rp_fact_chart(pg, f, o);
    rp_raw(o, "<div class=\"chips\">");
    size_t shown = f->nclaims < pg->v->lim.claims_fact ? f->nclaims : pg->v->lim.claims_fact;
    for (size_t k = 0; k < shown; k++)
        fact_chip(pg, f, k, o);
    rp_raw(o, "</div>\n");
    if (shown < f->nclaims)
        rp_rawf(o, "<p class=\"note\">%zu more claims of this fact are not shown.</p>\n",
                f->nclaims - shown);
    rp_raw(o, "</article>\n");
}

void rp_section_facts(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    rp_raw(o, "<section class=\"sec\" id=\"facts\" aria-labelledby=\"h-facts\">"
              "<h2 id=\"h-facts\">Facts</h2>\n");
    if (!v->checked) {
        rp_raw(o, "<p class=\"empty\">The cross-check did not run, so no facts were made.</p>"
                  "</section>\n");
        return;
    }
    if (!v->nfacts) {
        rp_raw(o, "<p class=\"empty\">No facts: the documents give no figure that could be "
                  "grouped.</p></section>\n");
        return;
    }
    rp_raw(o, "<table><caption>Every fact: what the claims measure, where and when, the range of "
              "values and whether the independent origins agree</caption>\n<thead><tr>"
              "<th scope=\"col\">Fact</th><th scope=\"col\">What · who</th>"
              "<th scope=\"col\">Where</th><th scope=\"col\">When</th>"
              "<th scope=\"col\" class=\"n\">Low</th><th scope=\"col\" class=\"n\">Best</th>"
              "<th scope=\"col\" class=\"n\">High</th><th scope=\"col\">Status</th>"
              "<th scope=\"col\" class=\"n\">Origins</th><th scope=\"col\" class=\"n\">Claims</th>"
              "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < v->nfacts; i++)
        fact_row(pg, i, o);
    rp_raw(o, "</tbody></table>\n");
    rp_raw(o, "<p class=\"legend\">In the charts: the shaded band runs from low to high, the "
              "dark line is the best estimate; a filled dot is an origin's own figure, a hollow "
              "dot a relay of an origin already counted. Chips link to the sentence.</p>\n");
    size_t shown = v->nfacts < v->lim.facts_shown ? v->nfacts : v->lim.facts_shown;
    for (size_t i = 0; i < shown; i++)
        fact_detail(pg, i, o);
    if (shown < v->nfacts)
        rp_rawf(o, "<p class=\"note\">The table lists all %zu facts; the first %zu are shown in "
                   "detail.</p>\n", v->nfacts, shown);
    rp_raw(o, "</section>\n");
}
