/*
 * check_text.c - the cross-check as a terminal table: one line per fact (what, who, time,
 * places, low/best/high, number of origins, status), its claims indented below it (document,
 * claim id, the figure as worded, modality, origin, the claim's words), then the relays found.
 * Columns are aligned on display width (UTF-8 characters, not bytes); colour only when the
 * caller asks for it (RC_CHECK_COLOR: the CLI asks when standard output is a terminal and
 * NO_COLOR is not set).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "crosscheck/check_int.h"

#define TXT_PLACES 32 /* characters of places shown */
#define TXT_WORDS 60  /* characters of a claim's words shown */
#define TXT_NCOL 10

/* The display width of a UTF-8 string: its characters. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* Copies at most max characters of s into out (capacity cap), ending with "…" when cut. */
static void clip(const char *s, size_t max, char *out, size_t cap)
{
    size_t len = strlen(s);
    if (width(s) <= max && len < cap) {
        memcpy(out, s, len + 1);
        return;
    }
    size_t chars = 0, i = 0;
    while (s[i] && i + 4 < cap) {
        if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max - 1)
            break;
        i++;
    }
    while (i && ((unsigned char)s[i] & 0xc0) == 0x80) /* never cut inside a character */
        i--;
    memcpy(out, s, i);
    memcpy(out + i, "…", 4);
}

/* Writes s padded with spaces to w characters, then the column gap. */
static void cell(rc_buf *out, const char *s, size_t w)
{
    rc_buf_puts(out, s);
    for (size_t n = width(s); n < w; n++)
        rc_buf_putc(out, ' ');
    rc_buf_puts(out, "  ");
}

/* A number as text: integers without a fraction, "-" when unknown. */
static void num_text(double v, char *buf, size_t cap)
{
    if (isnan(v))
        snprintf(buf, cap, "-");
    else if ((v == floor(v) || fabs(v) >= 100) && fabs(v) < 1e15)
        snprintf(buf, cap, "%.0f", v);
    else
        snprintf(buf, cap, "%.3g", v);
}

/* The cells of one fact's line. */
static void fact_cells(const rc_fact *f, char cells[TXT_NCOL][160])
{
    char places[160] = "";
    size_t len = 0;
    for (size_t p = 0; p < f->nplaces && len + 2 < sizeof places; p++)
        len += (size_t)snprintf(places + len, sizeof places - len, "%s%s", p ? ", " : "",
                                f->places[p]);
    snprintf(cells[0], 160, "%s", f->id);
    snprintf(cells[1], 160, "%s", rc_what_name(f->what));
    snprintf(cells[2], 160, "%s", rc_who_name(f->who));
    if (!f->time_from[0])
        snprintf(cells[3], 160, "-");
    else if (strcmp(f->time_from, f->time_to) == 0)
        snprintf(cells[3], 160, "%s", f->time_from);
    else
        snprintf(cells[3], 160, "%s..%s", f->time_from, f->time_to);
    clip(places[0] ? places : "-", TXT_PLACES, cells[4], 160);
    num_text(f->low, cells[5], 160);
    num_text(f->best, cells[6], 160);
    num_text(f->high, cells[7], 160);
    snprintf(cells[8], 160, "%zu", f->norigins);
    snprintf(cells[9], 160, "%s", rc_fact_status_name(f->status));
}

/* The figure of a claim as worded: 82, >=82, <=15000, ~20, 20000-99999. */
static void figure_text(const rc_claim *c, const cc_claim *k, char *buf, size_t cap)
{
    char a[40], b[40];
    num_text(k->point, a, sizeof a);
    switch (k->kind) {
    case CC_LOWER: snprintf(buf, cap, "≥%s", a); break;
    case CC_UPPER: snprintf(buf, cap, "≤%s", a); break;
    case CC_RANGE:
        num_text(k->lo, a, sizeof a);
        num_text(k->hi, b, sizeof b);
        snprintf(buf, cap, "%s–%s", a, b);
        break;
    default: snprintf(buf, cap, "%s%s", c->approx ? "~" : "", a); break;
    }
}

/* A short name for a document: the last part of its path, else its id. */
static const char *doc_name(const rc_check_doc *pd)
{
    const char *p = pd->meta.path;
    if (!p || !*p)
        return pd->meta.id ? pd->meta.id : "?";
    const char *slash = strrchr(p, '/');
    return slash && slash[1] ? slash + 1 : p;
}

/* An origin's name for the table: an outlet known only by its path shows the path's last part. */
static const char *origin_name(const char *name)
{
    const char *slash = strrchr(name, '/');
    return slash && slash[1] ? slash + 1 : name;
}

static const char *const status_colour[] = {"\033[2m", "\033[32m", "\033[33m", "\033[31m"};

int check_text_write(const rc_check *chk, unsigned flags, check_out *o)
{
    rc_buf *out = &o->buf;
    bool colour = flags & RC_CHECK_COLOR;
    static const char *const heads[TXT_NCOL] = {"FACT", "WHAT", "WHO", "TIME", "PLACES",
                                                "LOW", "BEST", "HIGH", "ORIGINS", "STATUS"};
    size_t w[TXT_NCOL], several = 0, nrelays = 0;
    char cells[TXT_NCOL][160];
    for (int c = 0; c < TXT_NCOL; c++)
        w[c] = width(heads[c]);
    for (size_t fi = 0; fi < chk->nfacts; fi++) {
        fact_cells(&chk->facts[fi], cells);
        for (int c = 0; c < TXT_NCOL; c++)
            if (width(cells[c]) > w[c])
                w[c] = width(cells[c]);
        several += chk->facts[fi].norigins > 1;
    }
    for (size_t d = 0; d < chk->ndocs; d++)
        nrelays += chk->pub[d].relay_of >= 0;
    rc_buf_printf(out, "%zu documents, %zu claims, %zu facts (%zu from several origins), %zu "
                       "relays\n\n",
                  chk->ndocs, chk->ncl, chk->nfacts, several, nrelays);
    if (colour)
        rc_buf_puts(out, "\033[1m");
    for (int c = 0; c < TXT_NCOL - 1; c++)
        cell(out, heads[c], w[c]);
    rc_buf_puts(out, heads[TXT_NCOL - 1]);
    if (colour)
        rc_buf_puts(out, "\033[0m");
    rc_buf_putc(out, '\n');
    for (size_t fi = 0; fi < chk->nfacts && !check_out_flush(o, false); fi++) {
        const rc_fact *f = &chk->facts[fi];
        fact_cells(f, cells);
        for (int c = 0; c < TXT_NCOL - 1; c++)
            cell(out, cells[c], w[c]);
        if (colour)
            rc_buf_puts(out, status_colour[f->status & 3]);
        rc_buf_puts(out, cells[TXT_NCOL - 1]);
        if (colour)
            rc_buf_puts(out, "\033[0m");
        rc_buf_putc(out, '\n');
        for (size_t ci = 0; ci < f->nclaims; ci++) {
            const rc_fact_claim *fc = &f->claims[ci];
            const cc_claim *k = check_claim_of(chk, fc);
            const rc_claim *c = &chk->docs[fc->doc].claims[fc->claim];
            char id[16], fig[96], words[256];
            check_claim_id(fc->claim, id);
            figure_text(c, k, fig, sizeof fig);
            clip(k->text ? k->text : "", TXT_WORDS, words, sizeof words);
            if (colour)
                rc_buf_puts(out, "\033[2m");
            rc_buf_printf(out, "    %s %s  %s  %s%s  %s", doc_name(&chk->pub[fc->doc]), id, fig,
                          rc_modality_name(c->modality), k->weight ? "" : " (not counted)",
                          fc->origin < f->norigins ? origin_name(f->origins[fc->origin].name) : "?");
            if (words[0])
                rc_buf_printf(out, "  «%s»", words);
            if (colour)
                rc_buf_puts(out, "\033[0m");
            rc_buf_putc(out, '\n');
        }
    }
    if (nrelays)
        rc_buf_puts(out, "\nrelays (near-duplicate texts; their own voice counts as the original's):\n");
    for (size_t d = 0; d < chk->ndocs; d++) {
        const rc_check_doc *pd = &chk->pub[d];
        if (pd->relay_of >= 0)
            rc_buf_printf(out, "    %s repeats %s (similarity %.2f)\n", doc_name(pd),
                          doc_name(&chk->pub[pd->relay_of]), pd->relay_similarity);
    }
    return check_out_flush(o, false);
}
