/*
 * doc_json.c - a document as the JSON object of the interface contract (CONTRACT.md, extract).
 * Arrays of stages that did not run are null, not empty: an empty array means "looked, found
 * nothing", null means "not looked".
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/doc.h"
#include "extract/stages.h"
#include "util/fold.h"
#include "util/json.h"

static const char *const num_kinds[] = {"number", "ordinal", "percent", "fraction", "range"};
static const char *const time_types[] = {"date", "time", "datetime", "duration", "set", "range"};

void rc_json_number(rc_json *j, const char *text, const rc_number *n)
{
    rc_json_obj(j);
    if (text) {
        rc_json_key(j, "text");
        rc_json_str(j, text + n->start, n->end - n->start);
    }
    rc_json_key(j, "start");
    rc_json_int(j, n->start);
    rc_json_key(j, "end");
    rc_json_int(j, n->end);
    rc_json_key(j, "value");
    rc_json_num(j, n->value);
    rc_json_key(j, "low");
    rc_json_num(j, n->low);
    rc_json_key(j, "high");
    rc_json_num(j, n->high);
    rc_json_key(j, "approx");
    rc_json_bool(j, n->approx);
    rc_json_key(j, "kind");
    rc_json_strz(j, n->kind < 5 ? num_kinds[n->kind] : "number");
    if (n->rel != RC_REL_NONE) { /* an extra field, only on relative ordinals */
        char rel[24];
        snprintf(rel, sizeof rel, "%s%+d", n->rel == RC_REL_END ? "end" : "current", n->rel_off);
        rc_json_key(j, "relative");
        rc_json_strz(j, rel);
    }
    rc_json_obj_end(j);
}

void rc_json_time(rc_json *j, const char *text, const rc_time *t)
{
    rc_json_obj(j);
    if (text) {
        rc_json_key(j, "text");
        rc_json_str(j, text + t->start, t->end - t->start);
    }
    rc_json_key(j, "start");
    rc_json_int(j, t->start);
    rc_json_key(j, "end");
    rc_json_int(j, t->end);
    rc_json_key(j, "type");
    rc_json_strz(j, t->type < 6 ? time_types[t->type] : "date");
    rc_json_key(j, "value");
    rc_json_strz(j, t->value);
    rc_json_key(j, "from");
    rc_json_strz(j, t->from[0] ? t->from : NULL);
    rc_json_key(j, "to");
    rc_json_strz(j, t->to[0] ? t->to : NULL);
    rc_json_obj_end(j);
}

int rc_doc_write_json(const rc_doc *doc, unsigned flags, rc_write_fn fn, void *ud)
{
    rc_buf b = RC_BUF_INIT;
    /* room for the usual document at once: its JSON is four to five times its text (the text,
     * the sentences of the claims, the quotes, the keys of every object), and growing a buffer
     * by doubling from nothing copies it several times over */
    rc_buf_reserve(&b, 6 * doc->len + 4096);
    rc_json j;
    rc_json_init(&j, &b);
    j.omit_null = (flags & RC_JSON_COMPACT) != 0; /* a store's form: see RC_JSON_COMPACT */
    rc_json_obj(&j);
    rc_json_key(&j, "doc");
    rc_json_obj(&j);
    rc_json_key(&j, "id");
    rc_json_strz(&j, doc->id);
    rc_json_key(&j, "path");
    rc_json_strz(&j, doc->path);
    rc_json_key(&j, "title");
    rc_json_strz(&j, doc->title);
    rc_json_key(&j, "site");
    rc_json_strz(&j, doc->site);
    rc_json_key(&j, "url");
    rc_json_strz(&j, doc->url);
    rc_json_key(&j, "author");
    rc_json_strz(&j, doc->author);
    rc_json_key(&j, "lang");
    rc_json_strz(&j, doc->lang);
    rc_json_key(&j, "date");
    rc_json_strz(&j, doc->date);
    rc_json_key(&j, "date_source");
    rc_json_strz(&j, doc->date_source);
    rc_json_key(&j, "chars");
    rc_json_int(&j, (int64_t)rc_utf8_count(doc->text, doc->len)); /* code points */
    rc_json_key(&j, "sentences");
    rc_json_int(&j, (int64_t)doc->nsents);
    rc_json_key(&j, "tokens");
    rc_json_int(&j, (int64_t)doc->ntoks);
    if (flags & RC_JSON_TEXT) {
        rc_json_key(&j, "text");
        rc_json_str(&j, doc->text, doc->len);
        rc_json_key(&j, "sentence_spans");
        rc_json_arr(&j);
        for (size_t i = 0; i < doc->nsents; i++) {
            rc_json_arr(&j);
            rc_json_int(&j, doc->sents[i].start);
            rc_json_int(&j, doc->sents[i].end);
            rc_json_arr_end(&j);
        }
        rc_json_arr_end(&j);
        rc_json_key(&j, "noise");
        rc_json_arr(&j);
        for (size_t i = 0; i < doc->nnoise; i++) {
            const rc_noise *n = &doc->noise[i];
            rc_json_obj(&j);
            rc_json_key(&j, "reason");
            rc_json_strz(&j, n->reason);
            rc_json_key(&j, "text");
            rc_json_str(&j, doc->raw + n->start, n->end - n->start);
            rc_json_obj_end(&j);
        }
        rc_json_arr_end(&j);
    }
    rc_json_obj_end(&j);
    size_t nstages;
    const rc_stage *stages = rc_stages_for(doc->lang, &nstages);
    for (int i = 0; i < RC_NSTAGE_NAMES; i++) {
        rc_json_key(&j, rc_stage_names[i]);
        int k = -1;
        for (size_t s = 0; s < nstages; s++)
            if (strcmp(stages[s].name, rc_stage_names[i]) == 0)
                k = (int)s;
        if (k >= 0 && (doc->ran >> k & 1u))
            stages[k].write(&j, doc, flags);
        else
            rc_json_null(&j); /* not looked: null, where an empty array says "found nothing" */
    }
    rc_json_obj_end(&j);
    int status = b.err;
    if (!status)
        status = fn(ud, b.data, b.len);
    rc_buf_free(&b);
    return status;
}
