/*
 * check_json.c - the cross-check as the contract's JSON object: documents, facts (with their
 * claims, low/best/high, origins and status), the relays found, and each document's framing.
 * Fields beyond the contract (a claim's bounds, modality, origin and wording; a document's relay)
 * come after the contract's own.
 */
#include <math.h>

#include "crosscheck/check_int.h"
#include "util/json.h"

/* Writes a string field, null when absent. */
static void field(rc_json *j, const char *key, const char *s)
{
    rc_json_key(j, key);
    rc_json_strz(j, s);
}

/* A "YYYY-MM-DD" field, null when empty. */
static void day_field(rc_json *j, const char *key, const char *s)
{
    rc_json_key(j, key);
    rc_json_strz(j, s && *s ? s : NULL);
}

/* The documents, with the document each one relays. */
static void write_docs(const rc_check *chk, rc_json *j)
{
    rc_json_key(j, "documents");
    rc_json_arr(j);
    for (size_t d = 0; d < chk->ndocs; d++) {
        const rc_check_doc *pd = &chk->pub[d];
        rc_json_obj(j);
        field(j, "id", pd->meta.id);
        field(j, "path", pd->meta.path);
        field(j, "site", pd->meta.site);
        field(j, "date", pd->meta.date);
        field(j, "title", pd->meta.title);
        field(j, "url", pd->meta.url);
        rc_json_key(j, "claims");
        rc_json_int(j, (int64_t)chk->docs[d].nclaims);
        field(j, "relay_of", pd->relay_of >= 0 ? chk->pub[pd->relay_of].meta.id : NULL);
        rc_json_key(j, "relay_similarity");
        rc_json_num(j, round(pd->relay_similarity * 1000) / 1000);
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
}

/* One claim of a fact. */
static void write_claim(const rc_check *chk, const rc_fact *f, const rc_fact_claim *fc,
                        rc_json *j)
{
    const cc_claim *k = check_claim_of(chk, fc);
    const rc_claim *c = &chk->docs[fc->doc].claims[fc->claim];
    char id[16];
    check_claim_id(fc->claim, id);
    rc_json_obj(j);
    field(j, "doc", chk->pub[fc->doc].meta.id);
    field(j, "claim", id);
    rc_json_key(j, "value");
    rc_json_num(j, c->value);
    rc_json_key(j, "sources");
    rc_json_arr(j);
    for (size_t s = 0; s < c->nsources; s++)
        rc_json_strz(j, c->sources[s].name);
    rc_json_arr_end(j);
    rc_json_key(j, "low");
    rc_json_num(j, c->low);
    rc_json_key(j, "high");
    rc_json_num(j, c->high);
    rc_json_key(j, "approx");
    rc_json_bool(j, c->approx);
    field(j, "what", rc_what_name(c->what));
    field(j, "who", rc_who_name(c->who));
    field(j, "modality", rc_modality_name(c->modality));
    field(j, "origin", fc->origin < f->norigins ? f->origins[fc->origin].name : NULL);
    rc_json_key(j, "counts");
    rc_json_bool(j, k->weight > 0);
    field(j, "text", k->text);
    rc_json_obj_end(j);
}

/* One fact. */
static void write_fact(const rc_check *chk, const rc_fact *f, rc_json *j)
{
    rc_json_obj(j);
    field(j, "id", f->id);
    field(j, "what", rc_what_name(f->what));
    field(j, "who", rc_who_name(f->who));
    rc_json_key(j, "unit");
    rc_json_strz(j, f->nclaims ? rc_unit_name(chk->docs[f->claims[0].doc].claims[f->claims[0].claim].unit) : NULL);
    rc_json_key(j, "places");
    rc_json_arr(j);
    for (size_t p = 0; p < f->nplaces; p++)
        rc_json_strz(j, f->places[p]);
    rc_json_arr_end(j);
    rc_json_key(j, "time");
    rc_json_obj(j);
    day_field(j, "from", f->time_from);
    day_field(j, "to", f->time_to);
    rc_json_obj_end(j);
    rc_json_key(j, "claims");
    rc_json_arr(j);
    for (size_t c = 0; c < f->nclaims; c++)
        write_claim(chk, f, &f->claims[c], j);
    rc_json_arr_end(j);
    rc_json_key(j, "low");
    rc_json_num(j, f->low);
    rc_json_key(j, "best");
    rc_json_num(j, f->best);
    rc_json_key(j, "high");
    rc_json_num(j, f->high);
    rc_json_key(j, "origins");
    rc_json_arr(j);
    for (size_t o = 0; o < f->norigins; o++) {
        rc_json_obj(j);
        field(j, "name", f->origins[o].name);
        field(j, "key", f->origins[o].key);
        rc_json_key(j, "claims");
        rc_json_int(j, f->origins[o].claims);
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
    field(j, "status", rc_fact_status_name(f->status));
    rc_json_obj_end(j);
}

int check_json_write(const rc_check *chk, check_out *o)
{
    rc_buf *out = &o->buf;
    rc_json j;
    rc_json_init(&j, out);
    rc_json_obj(&j);
    write_docs(chk, &j);
    rc_json_key(&j, "facts");
    rc_json_arr(&j);
    for (size_t f = 0; f < chk->nfacts && !check_out_flush(o, false); f++)
        write_fact(chk, &chk->facts[f], &j);
    rc_json_arr_end(&j);
    rc_json_key(&j, "relays");
    rc_json_arr(&j);
    for (size_t d = 0; d < chk->ndocs; d++) {
        const rc_check_doc *pd = &chk->pub[d];
        if (pd->relay_of < 0)
            continue;
        rc_json_obj(&j);
        field(&j, "doc", pd->meta.id);
        field(&j, "of", chk->pub[pd->relay_of].meta.id);
        rc_json_key(&j, "similarity");
        rc_json_num(&j, round(pd->relay_similarity * 1000) / 1000);
        rc_json_obj_end(&j);
    }
    rc_json_arr_end(&j);
    rc_json_key(&j, "framing");
    rc_json_arr(&j);
    for (size_t d = 0; d < chk->ndocs; d++) {
        rc_json_obj(&j);
        field(&j, "doc", chk->pub[d].meta.id);
        rc_json_key(&j, "terms");
        rc_json_arr(&j);
        for (size_t t = 0; t < chk->docs[d].nframes; t++) {
            const rc_frame *fr = &chk->docs[d].frames[t];
            rc_json_obj(&j);
            field(&j, "concept", fr->concept);
            field(&j, "term", fr->term);
            rc_json_key(&j, "count");
            rc_json_int(&j, fr->count);
            rc_json_obj_end(&j);
        }
        rc_json_arr_end(&j);
        rc_json_obj_end(&j);
    }
    rc_json_arr_end(&j);
    rc_json_obj_end(&j);
    rc_buf_putc(out, '\n');
    return check_out_flush(o, false);
}
