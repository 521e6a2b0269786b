/*
 * check_csv.c - the cross-check as CSV for spreadsheets: one row per claim, with its fact's
 * columns repeated, named as in the UCDP and ACLED event data where they mean the same thing
 * (event_date, date_end, location, low, best, high, source_original, notes). RFC 4180: fields
 * with a comma, a double quote or a line end are quoted, quotes doubled, rows end with CRLF.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "crosscheck/check_int.h"

void check_csv_field(rc_buf *out, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        rc_buf_puts(out, s);
        return;
    }
    rc_buf_putc(out, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            rc_buf_putc(out, '"');
        rc_buf_putc(out, *p);
    }
    rc_buf_putc(out, '"');
}

/* A number field: integers without a fraction, empty when unknown. */
static void num_field(rc_buf *out, double v)
{
    if (isnan(v))
        return;
    if (v == floor(v) && fabs(v) < 1e15)
        rc_buf_printf(out, "%.0f", v);
    else
        rc_buf_printf(out, "%.6g", v);
}

static const char header[] =
    "fact,event_date,date_end,location,what,who,low,best,high,status,origins,"
    "doc,doc_path,site,claim,value,value_low,value_high,approx,modality,source_original,"
    "sources,origin,notes\r\n";

int check_csv_write(const rc_check *chk, check_out *o)
{
    rc_buf *out = &o->buf;
    rc_buf tmp = RC_BUF_INIT, chain = RC_BUF_INIT; /* a fact's places, a claim's sources */
    rc_buf_puts(out, header);
    for (size_t fi = 0; fi < chk->nfacts && !check_out_flush(o, false); fi++) {
        const rc_fact *f = &chk->facts[fi];
        rc_buf_reset(&tmp);
        for (size_t p = 0; p < f->nplaces; p++) {
            if (p)
                rc_buf_puts(&tmp, "; ");
            rc_buf_puts(&tmp, f->places[p]);
        }
        for (size_t ci = 0; ci < f->nclaims; ci++) {
            const rc_fact_claim *fc = &f->claims[ci];
            const cc_claim *k = check_claim_of(chk, fc);
            const rc_claim *c = &chk->docs[fc->doc].claims[fc->claim];
            const rc_check_doc *pd = &chk->pub[fc->doc];
            char id[16];
            check_claim_id(fc->claim, id);
            rc_buf_puts(out, f->id);
            rc_buf_putc(out, ',');
            rc_buf_puts(out, f->time_from);
            rc_buf_putc(out, ',');
            rc_buf_puts(out, f->time_to);
            rc_buf_putc(out, ',');
            check_csv_field(out, f->nplaces ? tmp.data : NULL);
            rc_buf_printf(out, ",%s,%s,", rc_what_name(f->what), rc_who_name(f->who));
            num_field(out, f->low);
            rc_buf_putc(out, ',');
            num_field(out, f->best);
            rc_buf_putc(out, ',');
            num_field(out, f->high);
            rc_buf_printf(out, ",%s,%zu,", rc_fact_status_name(f->status), f->norigins);
            check_csv_field(out, pd->meta.id);
            rc_buf_putc(out, ',');
            check_csv_field(out, pd->meta.path);
            rc_buf_putc(out, ',');
            check_csv_field(out, pd->meta.site);
            rc_buf_printf(out, ",%s,", id);
            num_field(out, c->value);
            rc_buf_putc(out, ',');
            num_field(out, c->low);
            rc_buf_putc(out, ',');
            num_field(out, c->high);
            rc_buf_printf(out, ",%s,%s,", c->approx ? "true" : "false",
                          rc_modality_name(c->modality));
            check_csv_field(out, c->nsources ? c->sources[0].name : NULL);
            rc_buf_putc(out, ',');
            rc_buf_reset(&chain);
            for (size_t s = 0; s < c->nsources; s++) {
                if (s)
                    rc_buf_puts(&chain, " < ");
                rc_buf_puts(&chain, c->sources[s].name);
            }
            check_csv_field(out, c->nsources ? chain.data : NULL);
            rc_buf_putc(out, ',');
            check_csv_field(out, fc->origin < f->norigins ? f->origins[fc->origin].name : NULL);
            rc_buf_putc(out, ',');
            check_csv_field(out, k->text);
            rc_buf_puts(out, "\r\n");
        }
    }
    int err = tmp.err ? tmp.err : chain.err;
    rc_buf_free(&tmp);
    rc_buf_free(&chain);
    return err ? err : check_out_flush(o, false);
}
