/*
 * sources.c - the sources stage: quotations (quotes.c), their speakers and the attribution
 * chains (attrib.c), read with the word table of srclex.c and the name reader of speaker.c;
 * and the JSON of both arrays (docs/output.md, docs/sources.md).
 */
#include "extract/sources.h"
#include "extract/attrib.h"

int rc_stage_sources(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->quotes = NULL;
    doc->attrs = NULL;
    doc->nquotes = doc->nattrs = 0;
    if (!doc->ntoks)
        return RC_OK;
    const srclex *sl = srclex_get(doc->ctx);
    if (!sl)
        return RC_ENOMEM;
    src_state st;
    int status = speaker_init(&st, doc, sl);
    quote_tok *qt = NULL;
    if (status == RC_OK)
        status = quotes_find(&st, &qt);
    if (status == RC_OK)
        status = attrib_run(&st, qt);
    return status;
}

static const char *const type_names[] = {"PER", "ORG", "LOC", "MISC"};

/* One link of a chain: {"name", "role", "key", "type", "joint"}. */
static void write_speaker(rc_json *j, const rc_speaker *sp)
{
    rc_json_obj(j);
    rc_json_key(j, "name");
    rc_json_strz(j, sp->name);
    rc_json_key(j, "role");
    rc_json_strz(j, sp->role);
    rc_json_key(j, "key");
    rc_json_strz(j, sp->key);
    rc_json_key(j, "type");
    rc_json_strz(j, type_names[sp->type < 4 ? sp->type : 3]);
    rc_json_key(j, "joint");
    rc_json_bool(j, sp->joint);
    rc_json_obj_end(j);
}

void rc_write_quotes(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nquotes; i++) {
        const rc_quote *q = &doc->quotes[i];
        rc_json_obj(j);
        rc_json_key(j, "text");
        rc_json_str(j, doc->text + q->start, q->end - q->start);
        rc_json_key(j, "start");
        rc_json_int(j, q->start);
        rc_json_key(j, "end");
        rc_json_int(j, q->end);
        rc_json_key(j, "speaker");
        rc_json_strz(j, q->has_speaker ? q->speaker.name : NULL);
        rc_json_key(j, "speaker_key");
        rc_json_strz(j, q->has_speaker ? q->speaker.key : NULL);
        rc_json_key(j, "role");
        rc_json_strz(j, q->has_speaker ? q->speaker.role : NULL);
        rc_json_key(j, "verb");
        rc_json_strz(j, q->verb);
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
}

void rc_write_attributions(rc_json *j, const rc_doc *doc, unsigned flags)
{
    (void)flags;
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nattrs; i++) {
        const rc_attribution *at = &doc->attrs[i];
        rc_json_obj(j);
        rc_json_key(j, "start");
        rc_json_int(j, at->start);
        rc_json_key(j, "end");
        rc_json_int(j, at->end);
        rc_json_key(j, "scope_start");
        rc_json_int(j, at->scope_start);
        rc_json_key(j, "scope_end");
        rc_json_int(j, at->scope_end);
        rc_json_key(j, "cue");
        rc_json_strz(j, at->cue);
        rc_json_key(j, "denied");
        rc_json_bool(j, at->denied);
        rc_json_key(j, "chain");
        rc_json_arr(j);
        for (size_t k = 0; k < at->nchain; k++)
            write_speaker(j, &at->chain[k]);
        rc_json_arr_end(j);
        rc_json_key(j, "quote");
        if (at->quote >= 0)
            rc_json_int(j, at->quote);
        else
            rc_json_null(j);
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
}
