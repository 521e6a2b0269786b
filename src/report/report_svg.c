/*
 * report_svg.c - the dossier's drawings, inline SVG made from the view: one chart per fact
 * (values on a log scale, the low-high band, relays hollow), the timeline of claims (one lane per
 * outlet) and a map of the places that have coordinates (plain projected points, no tiles). Every
 * label from a document is escaped like any text; every drawing has a title and a table or list
 * beside it that says the same in words.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_view.h"
#include "util/date.h"

/* ---- fact chart ------------------------------------------------------------------------------ */

#define CH_W 900
#define CH_X0 370
#define CH_X1 870
#define CH_ROW 22
#define CH_TOP 26
#define CH_BOTTOM 26

/* Widens lo..hi (positive) to a log domain at least one decade wide. */
static void log_domain(double lo, double hi, double *lmin, double *lmax)
{
    double a = log10(lo), b = log10(hi);
    a -= 0.12;
    b += 0.12;
    if (b - a < 1) {
        double mid = (a + b) / 2;
        a = mid - 0.5;
        b = mid + 0.5;
    }
    *lmin = a;
    *lmax = b;
}

/* The x of v in the chart, clamped to the plot. */
static double ch_x(double v, double lmin, double lmax)
{
    double t = (log10(v) - lmin) / (lmax - lmin);
    if (t < 0)
        t = 0;
    if (t > 1)
        t = 1;
    return CH_X0 + t * (CH_X1 - CH_X0);
}

/* Adds v to lo..hi when it is a positive number. */
static void extend(double v, double *lo, double *hi)
{
    if (isnan(v) || isinf(v) || v <= 0)
        return;
    if (v < *lo)
        *lo = v;
    if (v > *hi)
        *hi = v;
}

/* The value a claim is drawn at: its value, else a bound. */
static double claim_point(const rc_claim *c)
{
    if (!isnan(c->value))
        return c->value;
    if (!isnan(c->low) && !isnan(c->high))
        return sqrt(c->low * c->high);
    return !isnan(c->low) ? c->low : c->high;
}

/* Writes escaped s cut to max bytes into an SVG <text>. */
static void svg_label(rp_out *o, const char *s, size_t max)
{
    if (s)
        rp_esc_cut(o, s, max);
}

void rp_fact_chart(const rp_page *pg, const rc_fact *f, rp_out *o)
{
    double lo = INFINITY, hi = 0;
    size_t rows = f->nclaims < pg->v->lim.claims_fact ? f->nclaims : pg->v->lim.claims_fact;
    extend(f->low, &lo, &hi);
    extend(f->best, &lo, &hi);
    extend(f->high, &lo, &hi);
    for (size_t k = 0; k < rows; k++) {
        const rc_claim *c = rp_fact_claim(pg, &f->claims[k]);
        if (!c)
            continue;
        extend(c->value, &lo, &hi);
        extend(c->low, &lo, &hi);
        extend(c->high, &lo, &hi);
    }
    if (hi <= 0 || rows == 0)
        return;
    double lmin, lmax;
    log_domain(lo, hi, &lmin, &lmax);
    int h = CH_TOP + (int)rows * CH_ROW + CH_BOTTOM;
    int ybot = CH_TOP + (int)rows * CH_ROW;
    rp_rawf(o, "<div class=\"chart\"><svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
               "role=\"img\" aria-label=\"Values of the claims on a logarithmic scale\">"
               "<title>Values of the claims on a logarithmic scale, with the low–high band</title>\n",
            CH_W, h, CH_W, h);
    /* grid: 1, 2, 5 times each power of ten inside the domain */
    for (int e = (int)floor(lmin); e <= (int)ceil(lmax); e++) {
        static const double steps[] = {1, 2, 5};
        for (int s = 0; s < 3; s++) {
            double v = steps[s] * pow(10, e), lv = log10(v);
            if (lv < lmin || lv > lmax)
                continue;
            double x = ch_x(v, lmin, lmax);
            rp_rawf(o, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>"
                       "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#5a6273\" "
                       "text-anchor=\"middle\">",
                    x, CH_TOP - 4, x, ybot, s == 0 ? "#c4cad6" : "#e6e9ef", x, ybot + 15);
            rp_num(o, v);
            rp_raw(o, "</text>\n");
        }
    }
    /* the band and the best estimate */
    if (!isnan(f->low) && !isnan(f->high) && f->low > 0 && f->high > 0) {
        double x0 = ch_x(f->low, lmin, lmax), x1 = ch_x(f->high, lmin, lmax);
        rp_rawf(o, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#cfe0f5\" "
                   "fill-opacity=\"0.75\"><title>low–high band</title></rect>\n",
                x0, CH_TOP - 4, x1 - x0 < 2 ? 2 : x1 - x0, ybot - CH_TOP + 4);
    }
    if (!isnan(f->best) && f->best > 0) {
        double x = ch_x(f->best, lmin, lmax);
        rp_rawf(o, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1d2330\" "
                   "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%d\" font-size=\"12\" font-weight=\"600\" "
                   "text-anchor=\"middle\" fill=\"#1d2330\">best ",
                x, CH_TOP - 6, x, ybot, x, CH_TOP - 9);
        rp_num(o, f->best);
        rp_raw(o, "</text>\n");
    }
    for (size_t k = 0; k < rows; k++) {
        const rc_fact_claim *fc = &f->claims[k];
        const rc_claim *c = rp_fact_claim(pg, fc);
        if (!c)
            continue;
        int y = CH_TOP + (int)k * CH_ROW + CH_ROW / 2;
        bool relay = rp_claim_is_relay(pg, f, k);
        const char *col = rp_palette(fc->origin);
        const char *origin = fc->origin < f->norigins ? rp_origin_label(f->origins[fc->origin].name)
                                                      : NULL;
        rp_rawf(o, "<text x=\"4\" y=\"%d\" font-size=\"12\" fill=\"#1d2330\">", y + 4);
        svg_label(o, origin, 24);
        rp_raw(o, "<tspan fill=\"#5a6273\"> · ");
        if (origin && strcmp(origin, rp_outlet(pg, fc->doc)) == 0)
            rp_raw(o, "own voice");
        else
            svg_label(o, rp_outlet(pg, fc->doc), 20);
        rp_raw(o, relay ? " (relay)</tspan></text>" : "</tspan></text>");
        double lo_c = c->low, hi_c = c->high;
        if (!isnan(lo_c) && !isnan(hi_c) && lo_c > 0 && hi_c > lo_c)
            rp_rawf(o, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                       "stroke-width=\"3\" stroke-linecap=\"round\" opacity=\"0.6\"/>",
                    ch_x(lo_c, lmin, lmax), y, ch_x(hi_c, lmin, lmax), y, col);
        double p = claim_point(c);
        if (!isnan(p) && p > 0) {
            double x = ch_x(p, lmin, lmax);
            if (!isnan(c->low) && isnan(c->high) && !c->approx) /* at least: an arrow onwards */
                rp_rawf(o, "<path d=\"M%.1f %dh14l-4 -4m4 4l-4 4\" stroke=\"%s\" fill=\"none\" "
                           "stroke-width=\"1.5\"/>", x, y, col);
            else if (!isnan(c->high) && isnan(c->low) && !c->approx)
                rp_rawf(o, "<path d=\"M%.1f %dh-14l4 -4m-4 4l4 4\" stroke=\"%s\" fill=\"none\" "
                           "stroke-width=\"1.5\"/>", x, y, col);
            rp_rawf(o, "<circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"%s\" stroke=\"%s\" "
                       "stroke-width=\"2\"><title>",
                    x, y, relay ? "#ffffff" : col, col);
            rp_claim_value(c, o);
            rp_raw(o, " — ");
            svg_label(o, rp_outlet(pg, fc->doc), 80);
            rp_raw(o, ", origin ");
            svg_label(o, origin, 80);
            rp_raw(o, relay ? " (relay), " : ", ");
            svg_label(o, rc_modality_name(c->modality), 20);
            rp_rawf(o, "</title></circle><text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#33394a\">",
                    x + 8, y - 7);
            rp_claim_value(c, o);
            rp_raw(o, "</text>\n");
        }
    }
    rp_raw(o, "</svg></div>\n");
}

/* ---- timeline -------------------------------------------------------------------------------- */

/* Days since 1970 of a "YYYY-MM-DD..." string, or INT64_MIN when it is not a valid date. */
static int64_t day_of(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return INT64_MIN;
    int y = 0, m = 0, d = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return INT64_MIN;
    }
    y = atoi(s);
    m = atoi(s + 5);
    d = atoi(s + 8);
    return rc_date_valid(y, m, d) ? rc_date_days(y, m, d) : INT64_MIN;
}

/* A colour for a kind of event, so that tolls and movements of people read apart. */
static const char *what_colour(int what)
{
    switch (what) {
    case RC_WHAT_KILLED: return "#a32020";
    case RC_WHAT_INJURED: return "#d55e00";
    case RC_WHAT_MISSING: case RC_WHAT_DETAINED: case RC_WHAT_SURRENDERED: return "#8a6d00";
    case RC_WHAT_EVACUATED: case RC_WHAT_FLED: return "#0072b2";
    case RC_WHAT_TRAPPED: case RC_WHAT_PRESENT: return "#7b3fa0";
    default: return "#5c5f66";
    }
}

#define TL_W 1000
#define TL_X0 230
#define TL_X1 970
#define TL_LANE 40
#define TL_TOP 30

void rp_section_timeline(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    rp_raw(o, "<section class=\"sec\" id=\"timeline\" aria-labelledby=\"h-timeline\">"
              "<h2 id=\"h-timeline\">Timeline</h2>\n");
    int64_t dmin = INT64_MAX, dmax = INT64_MIN;
    size_t lanes = 0, dated_outlets = 0, dated = 0;
    /* a lane for each outlet with something dated, in page order, up to the cap */
    uint32_t *lane_of = malloc((pg->noutlets ? pg->noutlets : 1) * sizeof *lane_of);
    if (!lane_of) {
        rp_raw(o, "<p class=\"empty\">Out of memory.</p></section>\n");
        return;
    }
    for (size_t l = 0; l < pg->noutlets; l++)
        lane_of[l] = UINT32_MAX;
    for (size_t i = 0; i < v->ndocs; i++) {
        bool any = day_of(v->docs[i].meta.date) != INT64_MIN;
        for (size_t k = 0; !any && k < v->docs[i].nclaims; k++)
            any = day_of(v->docs[i].claims[k].time_from) != INT64_MIN;
        if (any)
            lane_of[pg->outlet_id[i]] = 0;
    }
    for (size_t l = 0; l < pg->noutlets; l++) {
        if (lane_of[l] == UINT32_MAX)
            continue;
        dated_outlets++;
        lane_of[l] = lanes < v->lim.lanes ? (uint32_t)lanes++ : UINT32_MAX;
    }
    for (size_t i = 0; i < v->ndocs; i++) {
        if (lane_of[pg->outlet_id[i]] == UINT32_MAX)
            continue;
        int64_t dd = day_of(v->docs[i].meta.date);
        if (dd != INT64_MIN) { /* publication dates widen the axis too */
            dmin = dd < dmin ? dd : dmin;
            dmax = dd > dmax ? dd : dmax;
        }
        for (size_t k = 0; k < v->docs[i].nclaims; k++) {
            int64_t d = day_of(v->docs[i].claims[k].time_from);
            if (d == INT64_MIN)
                d = dd;
            if (d == INT64_MIN)
                continue;
            dated++;
            dmin = d < dmin ? d : dmin;
            dmax = d > dmax ? d : dmax;
        }
    }
    if (!dated) {
        rp_raw(o, "<p class=\"empty\">No dated claims: no figure carries a date, and no document "
                  "a date of its own.</p></section>\n");
        free(lane_of);
        return;
    }
    double span = (double)(dmax - dmin) + 1.0;
    int h = TL_TOP + (int)lanes * TL_LANE + 34;
    rp_raw(o, "<p class=\"legend\">Each dot is a figure, placed on the day it is about (else the "
              "day of its article); a grey tick marks when an article appeared. "
              "<span style=\"color:#a32020\">● killed</span><span style=\"color:#d55e00\">● injured"
              "</span><span style=\"color:#0072b2\">● evacuated, fled</span>"
              "<span style=\"color:#7b3fa0\">● trapped, present</span>"
              "<span style=\"color:#8a6d00\">● missing, detained, surrendered</span>"
              "<span style=\"color:#5c5f66\">● other</span></p>\n");
    rp_rawf(o, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
               "aria-label=\"Claims by date, one lane per outlet\"><title>Claims by date, one lane "
               "per outlet</title>\n",
            TL_W, h, TL_W, h);
    /* day ticks: a step that gives at most ten */
    static const int steps[] = {1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652};
    int step = steps[0];
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
        step = steps[s];
        if (span / step <= 10)
            break;
    }
    int ybot = TL_TOP + (int)lanes * TL_LANE;
    for (int64_t d = dmin; d <= dmax; d += step) {
        double x = TL_X0 + ((double)(d - dmin) + 0.5) / span * (TL_X1 - TL_X0);
        int y, m, dd;
        rc_date_from_days(d, &y, &m, &dd);
        rp_rawf(o, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e1e5ec\"/>"
                   "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
                   "fill=\"#5a6273\">%04d-%02d-%02d</text>\n",
                x, TL_TOP - 12, x, ybot, x, ybot + 16, y, m, dd);
    }
    for (size_t ol = 0; ol < pg->noutlets; ol++) {
        if (lane_of[ol] == UINT32_MAX)
            continue;
        size_t l = lane_of[ol];
        int y = TL_TOP + (int)l * TL_LANE;
        rp_rawf(o, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                   "<text x=\"%d\" y=\"%d\" font-size=\"12.5\" font-weight=\"600\" "
                   "text-anchor=\"end\" fill=\"#1d2330\">",
                y, TL_W, TL_LANE, l % 2 ? "#ffffff" : "#f4f6fa", TL_X0 - 12, y + TL_LANE / 2 + 4);
        svg_label(o, pg->outlets[ol], 26);
        rp_raw(o, "</text>\n");
    }
    /* one dot per claim; claims of one lane on one day are set side by side */
    for (size_t i = 0; i < v->ndocs; i++) {
        size_t l = lane_of[pg->outlet_id[i]];
        if (l == UINT32_MAX)
            continue;
        const rp_doc *d = &v->docs[i];
        int64_t dd = day_of(d->meta.date);
        int ylane = TL_TOP + (int)l * TL_LANE;
        if (dd != INT64_MIN) {
            double x = TL_X0 + ((double)(dd - dmin) + 0.5) / span * (TL_X1 - TL_X0);
            rp_rawf(o, "<path d=\"M%.1f %dv8\" stroke=\"#8a909c\" stroke-width=\"2\"><title>D%zu "
                       "published ",
                    x, ylane + TL_LANE - 9, i + 1);
            rp_esc(o, d->meta.date, 10);
            rp_raw(o, "</title></path>\n");
        }
        for (size_t k = 0; k < d->nclaims; k++) {
            const rc_claim *c = &d->claims[k];
            int64_t day = day_of(c->time_from);
            if (day == INT64_MIN)
                day = dd;
            if (day == INT64_MIN)
                continue;
            /* the claims of this document on the same day before k, for the offset */
            size_t slot = 0;
            for (size_t j = 0; j < k && slot < 15; j++) {
                int64_t dj = day_of(d->claims[j].time_from);
                if ((dj == INT64_MIN ? dd : dj) == day)
                    slot++;
            }
            double x = TL_X0 + ((double)(day - dmin) + 0.5) / span * (TL_X1 - TL_X0) +
                       (double)(slot % 8) * 9;
            int y = ylane + 14 + (int)(slot / 8) * 8;
            int32_t fact = pg->claim_fact[pg->claim_base[i] + k];
            rp_rawf(o, "<a href=\"#d%zu-c%zu\"><circle cx=\"%.1f\" cy=\"%d\" r=\"4.5\" fill=\"%s\" "
                       "stroke=\"#fff\" stroke-width=\"1\"><title>",
                    i + 1, k + 1, x, y, what_colour(c->what));
            rp_claim_value(c, o);
            rp_raw(o, " ");
            svg_label(o, rc_what_name(c->what), 20);
            rp_raw(o, " · ");
            svg_label(o, rc_who_name(c->who), 20);
            rp_raw(o, " — ");
            svg_label(o, pg->outlet[i], 60);
            if (c->time_text) {
                rp_raw(o, " — «");
                svg_label(o, c->time_text, 60);
                rp_raw(o, "»");
            }
            if (fact >= 0)
                rp_rawf(o, " — fact %d", fact + 1);
            rp_raw(o, "</title></circle></a>\n");
        }
    }
    rp_raw(o, "</svg>\n");
    if (lanes < dated_outlets)
        rp_rawf(o, "<p class=\"note\">%zu outlets are drawn; %zu more are left out.</p>\n", lanes,
                dated_outlets - lanes);
    if (dated_outlets < pg->noutlets)
        rp_rawf(o, "<p class=\"note\">%zu outlet%s no date for its documents or figures, so no "
                   "lane.</p>\n", pg->noutlets - dated_outlets,
                pg->noutlets - dated_outlets == 1 ? " has" : "s have");
    free(lane_of);
    rp_raw(o, "</section>\n");
}

/* ---- map ------------------------------------------------------------------------------------- */

#define MAP_FACTS 6

typedef struct place {
    const char *key, *name;
    double lat, lon;
    size_t mentions, docs;
    size_t facts[MAP_FACTS];
    size_t nfacts;
    size_t last1; /* the last fact counted, plus one */
} place;

typedef struct geo_ent {
    const rc_entity *e;
    size_t doc;
} geo_ent;

static int cmp_geo(const void *a, const void *b)
{
    const geo_ent *x = a, *y = b;
    int c = strcmp(x->e->key, y->e->key);
    return c ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

static int cmp_place_key(const void *a, const void *b)
{
    return strcmp(((const place *)a)->key, ((const place *)b)->key);
}

/* Most mentioned first, then by name, so the cap keeps the places that matter. */
static int cmp_place_rank(const void *a, const void *b)
{
    const place *x = a, *y = b;
    if (x->nfacts != y->nfacts)
        return x->nfacts < y->nfacts ? 1 : -1;
    if (x->mentions != y->mentions)
        return x->mentions < y->mentions ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* Whether an entity has coordinates a map can draw: finite, a latitude within ±90° and a
 * longitude within ±180° (a stored document is input like any other). */
static bool map_coords(const rc_entity *e)
{
    return isfinite(e->lat) && isfinite(e->lon) && fabs(e->lat) <= 90 && fabs(e->lon) <= 180;
}
/* The places with coordinates, one per entity key, with their mentions; NULL when none (or out
 * of memory, which then leaves the map out). The caller frees the array. */
static place *collect_places(const rp_page *pg, size_t *nout)
{
    const rp_view *v = pg->v;
    size_t n = 0;
    *nout = 0;
    for (size_t i = 0; i < v->ndocs; i++)
        for (size_t k = 0; k < v->docs[i].nents; k++) {
            const rc_entity *e = &v->docs[i].ents[k];
            n += map_coords(e) && e->key;
        }
    if (!n)
        return NULL;
    geo_ent *g = malloc(n * sizeof *g);
    place *p = calloc(n, sizeof *p);
    if (!g || !p) {
        free(g);
        free(p);
        return NULL;
    }
    n = 0;
    for (size_t i = 0; i < v->ndocs; i++)
        for (size_t k = 0; k < v->docs[i].nents; k++) {
            const rc_entity *e = &v->docs[i].ents[k];
            if (map_coords(e) && e->key)
                g[n++] = (geo_ent){e, i};
        }
    qsort(g, n, sizeof *g, cmp_geo);
    size_t np = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        place *pl = &p[np++];
        pl->key = g[i].e->key;
        pl->name = g[i].e->canon && *g[i].e->canon ? g[i].e->canon : g[i].e->key;
        pl->lat = g[i].e->lat;
        pl->lon = g[i].e->lon;
        for (; j < n && strcmp(g[j].e->key, pl->key) == 0; j++) {
            pl->mentions++;
            pl->docs += j == i || g[j].doc != g[j - 1].doc;
        }
        i = j;
    }
    free(g);
    /* the facts at each place, through the entity keys of their claims' places */
    for (size_t f = 0; f < v->nfacts; f++)
        for (size_t k = 0; k < v->facts[f].nclaims; k++) {
            const rc_claim *c = rp_fact_claim(pg, &v->facts[f].claims[k]);
            for (size_t q = 0; c && c->place_keys && q < c->nplaces; q++) {
                if (!c->place_keys[q])
                    continue;
                place probe = {.key = c->place_keys[q]};
                place *pl = bsearch(&probe, p, np, sizeof *p, cmp_place_key);
                if (!pl || pl->last1 == f + 1)
                    continue;
                pl->last1 = f + 1;
                if (pl->nfacts < MAP_FACTS)
                    pl->facts[pl->nfacts] = f;
                pl->nfacts++;
            }
        }
    qsort(p, np, sizeof *p, cmp_place_rank);
    *nout = np;
    return p;
}

#define MAP_W 960
#define MAP_H 520
#define MAP_M 70

void rp_section_map(const rp_page *pg, rp_out *o)
{
    const rp_view *v = pg->v;
    rp_raw(o, "<section class=\"sec\" id=\"map\" aria-labelledby=\"h-map\">"
              "<h2 id=\"h-map\">Map</h2>\n");
    size_t np;
    place *p = collect_places(pg, &np);
    if (!p) {
        rp_raw(o, "<p class=\"empty\">No place named in the documents has known coordinates."
                  "</p></section>\n");
        return;
    }
    size_t shown = np < v->lim.places ? np : v->lim.places;
    /* the frame: where the facts took place when some did (they come first), else everything */
    size_t framed = 0;
    while (framed < shown && p[framed].nfacts)
        framed++;
    if (!framed)
        framed = shown;
    double latsum = 0, minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
    for (size_t i = 0; i < framed; i++)
        latsum += p[i].lat;
    /* x shrinks with the cosine of the mean latitude; near a pole, no more than to cos 85° */
    double kx = fmax(cos(latsum / (double)framed * M_PI / 180), 0.0872);
    for (size_t i = 0; i < framed; i++) {
        double x = p[i].lon * kx, y = -p[i].lat;
        minx = fmin(minx, x);
        maxx = fmax(maxx, x);
        miny = fmin(miny, y);
        maxy = fmax(maxy, y);
    }
    double sx = maxx - minx, sy = maxy - miny;
    if (sx < 0.2) {
        minx -= (0.2 - sx) / 2;
        sx = 0.2;
    }
    if (sy < 0.2) {
        miny -= (0.2 - sy) / 2;
        sy = 0.2;
    }
    double scale = fmin((MAP_W - 2 * MAP_M) / sx, (MAP_H - 2 * MAP_M) / sy);
    double ox = (MAP_W - sx * scale) / 2, oy = (MAP_H - sy * scale) / 2;
    rp_raw(o, "<p class=\"legend\">Places named in the documents, drawn at their coordinates "
              "(an equirectangular projection; no map tiles). A larger dot is mentioned more often; "
              "a red dot is where a fact took place.</p>\n");
    rp_rawf(o, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
               "aria-label=\"Map of the places named\"><title>Map of the places named</title>"
               "<rect width=\"%d\" height=\"%d\" fill=\"#eef3f8\" rx=\"6\"/>\n",
            MAP_W, MAP_H, MAP_W, MAP_H, MAP_W, MAP_H);
    /* graticule: a round step in degrees that gives at most eight lines across the frame */
    double lon0 = (minx - ox / scale) / kx, lon1 = (minx + (MAP_W - ox) / scale) / kx;
    double lat1 = -(miny - oy / scale), lat0 = -(miny + (MAP_H - oy) / scale);
    static const double steps[] = {0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 45, 90};
    double span_deg = fmax(lon1 - lon0, lat1 - lat0), step = 90;
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++)
        if (span_deg / steps[s] <= 8) {
            step = steps[s];
            break;
        }
    for (double g = ceil(lon0 / step) * step; g <= lon1; g += step) {
        double x = ox + (g * kx - minx) * scale;
        rp_rawf(o, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d3dce8\"/>"
                   "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#7a8394\">%.4g°%s</text>\n",
                x, x, MAP_H, x + 3, MAP_H - 6, fabs(g), g < 0 ? "W" : "E");
    }
    for (double g = ceil(lat0 / step) * step; g <= lat1; g += step) {
        double y = oy + (-g - miny) * scale;
        rp_rawf(o, "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d3dce8\"/>"
                   "<text x=\"4\" y=\"%.1f\" font-size=\"10\" fill=\"#7a8394\">%.4g°%s</text>\n",
                y, MAP_W, y, y - 3, fabs(g), g < 0 ? "S" : "N");
    }
    /* draw the least important first, so the main places sit on top */
    /* labels: the most important place first takes the side it likes; the others take a free
     * side, or show their name on hover only */
    int *side = calloc(shown ? shown : 1, sizeof *side);
    double(*box)[4] = malloc((shown ? shown : 1) * sizeof *box);
    if (!side || !box) {
        free(side);
        free(box);
        free(p);
        rp_raw(o, "</svg></section>\n");
        return;
    }
    size_t nbox = 0;
    for (size_t i = 0; i < shown; i++) {
        const place *pl = &p[i];
        double x = ox + (pl->lon * kx - minx) * scale, y = oy + (-pl->lat - miny) * scale;
        double rad = fmin(16, 4 + 2.2 * sqrt((double)pl->mentions));
        size_t chars = 0;
        for (const char *c = pl->name; *c && chars < 44; c++)
            chars += ((unsigned char)*c & 0xc0) != 0x80;
        double w = 7.4 * (double)(chars + (pl->nfacts ? 4 : 0)), h = 15;
        const double cand[4][2] = {{x + rad + 3, y - 8}, {x - rad - 3 - w, y - 8},
                                   {x - w / 2, y - rad - 4 - h}, {x - w / 2, y + rad + 2}};
        for (int c = 0; c < 4 && !side[i]; c++) {
            double bx = cand[c][0], by = cand[c][1];
            bool clash = bx < 0 || by < 0 || bx + w > MAP_W || by + h > MAP_H;
            for (size_t k = 0; k < nbox && !clash; k++)
                clash = bx < box[k][2] && box[k][0] < bx + w && by < box[k][3] && box[k][1] < by + h;
            if (!clash) {
                side[i] = c + 1;
                box[nbox][0] = bx;
                box[nbox][1] = by;
                box[nbox][2] = bx + w;
                box[nbox][3] = by + h;
                nbox++;
            }
        }
    }
    size_t outside = 0;
    for (size_t r = shown; r-- > 0;) {
        const place *pl = &p[r];
        double x = ox + (pl->lon * kx - minx) * scale, y = oy + (-pl->lat - miny) * scale;
        if (x < 0 || x > MAP_W || y < 0 || y > MAP_H) {
            outside++;
            continue;
        }
        double rad = 4 + 2.2 * sqrt((double)pl->mentions);
        if (rad > 16)
            rad = 16;
        const char *fill = pl->nfacts ? "#a32020" : "#1f4e8c";
        rp_rawf(o, "<g><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.8\" "
                   "stroke=\"#fff\" stroke-width=\"1.5\"><title>",
                x, y, rad, fill);
        svg_label(o, pl->name, 80);
        rp_rawf(o, " — %zu mention%s in %zu document%s", pl->mentions,
                pl->mentions == 1 ? "" : "s", pl->docs, pl->docs == 1 ? "" : "s");
        if (pl->nfacts)
            rp_rawf(o, ", %zu fact%s", pl->nfacts, pl->nfacts == 1 ? "" : "s");
        rp_raw(o, "</title></circle>");
        if (!side[r]) {
            rp_raw(o, "</g>\n");
            continue;
        }
        static const char *const anchor[] = {"start", "end", "middle", "middle"};
        const double tx[] = {x + rad + 3, x - rad - 3, x, x};
        const double ty[] = {y + 4, y + 4, y - rad - 6, y + rad + 13};
        rp_rawf(o, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12.5\" text-anchor=\"%s\" "
                   "font-weight=\"%s\" fill=\"#1d2330\" stroke=\"#eef3f8\" stroke-width=\"3\" "
                   "paint-order=\"stroke\">",
                tx[side[r] - 1], ty[side[r] - 1], anchor[side[r] - 1], pl->nfacts ? "700" : "400");
        svg_label(o, pl->name, 40);
        if (pl->nfacts)
            rp_rawf(o, " (%zu)", pl->nfacts);
        rp_raw(o, "</text></g>\n");
    }
    free(side);
    free(box);
    rp_raw(o, "</svg>\n");
    if (outside)
        rp_rawf(o, "<p class=\"note\">The map is framed on where the facts took place; %zu "
                   "place%s further away %s in the table only.</p>\n", outside,
                outside == 1 ? "" : "s", outside == 1 ? "is" : "are");
    rp_raw(o, "<table><caption>The places on the map, with the facts that took place "
              "there</caption>\n<thead><tr><th scope=\"col\">Place</th>"
              "<th scope=\"col\" class=\"n\">Latitude</th><th scope=\"col\" class=\"n\">Longitude</th>"
              "<th scope=\"col\" class=\"n\">Mentions</th><th scope=\"col\" class=\"n\">Documents</th>"
              "<th scope=\"col\">Facts</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < shown; i++) {
        const place *pl = &p[i];
        rp_raw(o, "<tr><th scope=\"row\">");
        rp_escz(o, pl->name, "?");
        rp_rawf(o, "</th><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td class=\"n\">%zu</td>"
                   "<td class=\"n\">%zu</td><td>",
                pl->lat, pl->lon, pl->mentions, pl->docs);
        size_t nf = pl->nfacts < MAP_FACTS ? pl->nfacts : MAP_FACTS;
        for (size_t k = 0; k < nf; k++) {
            const rc_fact *f = &v->facts[pl->facts[k]];
            rp_rawf(o, "%s<a href=\"#fact-%zu\">", k ? "; " : "", pl->facts[k] + 1);
            rp_fact_label(f, o);
            rp_raw(o, " ");
            rp_num(o, f->best);
            rp_raw(o, "</a>");
        }
        if (pl->nfacts > nf)
            rp_rawf(o, "; and %zu more", pl->nfacts - nf);
        rp_raw(o, "</td></tr>\n");
    }
    rp_raw(o, "</tbody></table>\n");
    if (shown < np)
        rp_rawf(o, "<p class=\"note\">The %zu places most concerned are shown; %zu more have "
                   "coordinates.</p>\n", shown, np - shown);
    rp_raw(o, "</section>\n");
    free(p);
}
