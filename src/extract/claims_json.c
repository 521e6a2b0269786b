/*
 * claims_json.c - writes a document's claims as the CLAIM objects of the interface contract,
 * with "explain" (the rules and lexicon entries used) when asked, and the keys of its places and
 * sources when a store asks (RC_JSON_KEYS).
 */
#include <stdbool.h>
#include <string.h>

#include "extract/claims.h"

/* Writes one source of a chain: {"name","role"}, and with RC_JSON_KEYS its key, type and span,
 * which the document reader would otherwise guess from the attributions. */
static void cl_write_speaker(rc_json *j, const rc_speaker *s, unsigned flags)
{
    static const char *const types[] = {"PER", "ORG", "LOC", "MISC"};
    rc_json_obj(j);
    rc_json_key(j, "name");
    rc_json_strz(j, s->name);
    rc_json_key(j, "role");
    rc_json_strz(j, s->role);
    if (flags & RC_JSON_KEYS) {
        rc_json_key(j, "key");
        rc_json_strz(j, s->key);
        rc_json_key(j, "type");
        rc_json_strz(j, s->type < 4 ? types[s->type] : "MISC");
        rc_json_key(j, "start");
        rc_json_int(j, s->start);
        rc_json_key(j, "end");
        rc_json_int(j, s->end);
    }
    rc_json_obj_end(j);
}

/* Whether a claim's places all have their keys, written with RC_JSON_KEYS. */
static bool cl_has_place_keys(const rc_claim *c)
{
    if (!c->place_keys)
        return false;
    for (size_t i = 0; i < c->nplaces; i++)
        if (!c->place_keys[i])
            return false;
    return true;
}

/* Writes one claim; id is its 1-based rank. */
static void cl_write_claim(rc_json *j, const rc_doc *doc, const rc_claim *c, size_t id,
                           unsigned flags)
{
    /* "c" and the rank in decimal, written by hand: snprintf costs more than the rest */
    char ids[24], digits[21];
    size_t nd = 0;
    do
        digits[nd++] = (char)('0' + id % 10);
    while ((id /= 10) && nd < sizeof digits);
    ids[0] = 'c';
    for (size_t k = 0; k < nd; k++)
        ids[1 + k] = digits[nd - 1 - k];
    ids[1 + nd] = '\0';
    rc_json_obj(j);
    rc_json_key(j, "id");
    rc_json_strz(j, ids);
    if (!(flags & RC_JSON_COMPACT)) { /* compact: cut again from the text by the offsets */
        rc_json_key(j, "text");
        rc_json_str(j, doc->text + c->start, c->end - c->start);
    }
    rc_json_key(j, "start");
    rc_json_int(j, c->start);
    rc_json_key(j, "end");
    rc_json_int(j, c->end);
    if ((flags & RC_JSON_COMPACT) && c->sentence < doc->nsents) { /* its span, by position */
        rc_json_key(j, "sentence_index");
        rc_json_int(j, c->sentence);
    } else {
        rc_json_key(j, "sentence");
        if (c->sentence < doc->nsents) {
            const rc_span *s = &doc->sents[c->sentence];
            rc_json_str(j, doc->text + s->start, s->end - s->start);
        } else {
            rc_json_null(j);
        }
    }
    rc_json_key(j, "value");
    rc_json_num(j, c->value);
    rc_json_key(j, "low");
    rc_json_num(j, c->low);
    rc_json_key(j, "high");
    rc_json_num(j, c->high);
    rc_json_key(j, "approx");
    rc_json_bool(j, c->approx);
    rc_json_key(j, "unit");
    rc_json_strz(j, rc_unit_name(c->unit));
    rc_json_key(j, "what");
    rc_json_strz(j, rc_what_name(c->what));
    rc_json_key(j, "who");
    rc_json_strz(j, rc_who_name(c->who));
    rc_json_key(j, "counted");
    rc_json_strz(j, c->counted);
    rc_json_key(j, "parts");
    rc_json_arr(j);
    for (size_t i = 0; i < c->nparts; i++) {
        const rc_claim_part *p = &c->parts[i];
        rc_json_obj(j);
        rc_json_key(j, "value");
        rc_json_num(j, p->value);
        rc_json_key(j, "who");
        rc_json_strz(j, rc_who_name(p->who));
        rc_json_key(j, "counted");
        rc_json_strz(j, p->counted);
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
    rc_json_key(j, "places");
    rc_json_arr(j);
    for (size_t i = 0; i < c->nplaces; i++)
        rc_json_strz(j, c->places[i]);
    rc_json_arr_end(j);
    if ((flags & RC_JSON_KEYS) && cl_has_place_keys(c)) {
        rc_json_key(j, "place_keys");
        rc_json_arr(j);
        for (size_t i = 0; i < c->nplaces; i++)
            rc_json_strz(j, c->place_keys[i]);
        rc_json_arr_end(j);
    }
    rc_json_key(j, "time");
    if (c->time_from[0] || c->time_text) {
        rc_json_obj(j);
        rc_json_key(j, "text");
        rc_json_strz(j, c->time_text);
        rc_json_key(j, "from");
        rc_json_strz(j, c->time_from[0] ? c->time_from : NULL);
        rc_json_key(j, "to");
        rc_json_strz(j, c->time_to[0] ? c->time_to : NULL);
        rc_json_obj_end(j);
    } else {
        rc_json_null(j);
    }
    rc_json_key(j, "agent");
    rc_json_strz(j, c->agent);
    rc_json_key(j, "sources");
    rc_json_arr(j);
    for (size_t i = 0; i < c->nsources; i++)
        cl_write_speaker(j, &c->sources[i], flags);
    rc_json_arr_end(j);
    rc_json_key(j, "modality");
    rc_json_strz(j, rc_modality_name(c->modality));
    if (flags & RC_JSON_EXPLAIN) {
        rc_json_key(j, "explain");
        rc_json_strz(j, c->explain ? c->explain : "");
    }
    rc_json_obj_end(j);
}

void rc_write_claims(rc_json *j, const rc_doc *doc, unsigned flags)
{
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nclaims; i++)
        cl_write_claim(j, doc, &doc->claims[i], i + 1, flags);
    rc_json_arr_end(j);
}
