/*
 * sources.c - the sources stage: quotations (quotes.c), their speakers and the attribution
 * chains (attrib.c), read with the word table of srclex.c and the name reader of speaker_np.c;
 * and the JSON of both arrays (docs/output.md, docs/sources.md).
 */
#include <string.h>

#include "extract/sources.h"
#include "extract/attrib.h"

static size_t count_words(const char *s, size_t n, size_t most);

/* Whether the byte at s starts white space: ASCII, or a no-break or narrow no-break space (which
 * French puts inside guillemets); returns its length, 0 when it is not space. */
static size_t sources_space(const char *s, const char *end)
{
    const unsigned char *u = (const unsigned char *)s;
    if (s < end && (*u == ' ' || *u == '\n' || *u == '\t'))
        return 1;
    if (end - s >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
        return 2;
    if (end - s >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89))
        return 3;
    return 0;
}

/* Whether a quotation opens an utterance of its own: it starts its sentence or follows a colon
 * (« Inacceptable », a réagi le ministre; Il a répondu : « Jamais. »). A short quotation inside
 * a clause (s'est dit « horrifié », dénonce des « crimes de guerre ») quotes a word of the
 * speaker's, not what the speaker said. */
static bool sources_utterance(const src_state *st, const quote_tok *qt)
{
    uint32_t oa = qt->oa;
    while (oa > 0 && st->doc->toks[oa - 1].kind == RC_TOK_QUOTE_OPEN) /* « « a stray mark */
        oa--;
    if (oa == 0 || speaker_sent_of(st, oa - 1) != speaker_sent_of(st, oa))
        return true;
    const rc_token *t = &st->doc->toks[oa - 1];
    return t->end - t->start == 1 && st->doc->text[t->start] == ':';
}

/* The quotations as the contract gives them: their text without the spaces inside the marks, and
 * without the quotations of one to three words that are no utterance of their own (scare quotes
 * and quoted words: « terroristes », s'est dit « horrifié »), which mark a word rather than
 * report speech. Attributions keep pointing at the same quotations. */
static void sources_settle_quotes(const src_state *st, const quote_tok *qt)
{
    rc_doc *doc = st->doc;
    size_t w = 0;
    int32_t *to = rc_arena_alloc(&doc->arena, (doc->nquotes ? doc->nquotes : 1) * sizeof *to);
    if (!to)
        return; /* keep them as they are rather than fail the document */
    for (size_t i = 0; i < doc->nquotes; i++) {
        rc_quote q = doc->quotes[i];
        const char *t = doc->text, *end = doc->text + q.end;
        size_t k;
        while (q.start < q.end && (k = sources_space(t + q.start, end)))
            q.start += (uint32_t)k;
        while (q.end > q.start) { /* trailing spaces, read back from the end */
            uint32_t b = q.end - 1;
            while (b > q.start && ((unsigned char)t[b] & 0xc0) == 0x80)
                b--;
            if (!sources_space(t + b, t + q.end) || b + sources_space(t + b, t + q.end) != q.end)
                break;
            q.end = b;
        }
        if (q.end <= q.start || (count_words(t + q.start, q.end - q.start, 4) < 4 &&
                                 (!q.has_speaker || !sources_utterance(st, &qt[i])))) {
            to[i] = -1;
            continue;
        }
        to[i] = (int32_t)w;
        doc->quotes[w++] = q;
    }
    doc->nquotes = w;
    for (size_t i = 0; i < doc->nattrs; i++)
        if (doc->attrs[i].quote >= 0)
            doc->attrs[i].quote = to[doc->attrs[i].quote];
}

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
        speaker_acts_settle(&st);
    if (status == RC_OK)
        status = attrib_run(&st, qt);
    if (status == RC_OK)
        sources_settle_quotes(&st, qt);
    return status;
}

static const char *const type_names[] = {"PER", "ORG", "LOC", "MISC"};

/* Words in a quotation (runs of bytes between spaces), to tell a scare quote; counting stops at
 * most, which is all the question needs (a long quotation is not read to its end). Each word is
 * passed over by memchr up to the space after it. */
static size_t count_words(const char *s, size_t n, size_t most)
{
    size_t w = 0, i = 0;
    while (i < n && w < most) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        w++; /* a word starts at i */
        const char *sp = memchr(s + i, ' ', n - i);
        if (!sp)
            break;
        i = (size_t)(sp - s);
    }
    return w;
}

/* One link of a chain: {"name", "role", "key", "type", "joint"}. */
static void write_speaker(rc_json *j, const rc_speaker *sp, bool joint)
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
    rc_json_bool(j, joint);
    rc_json_obj_end(j);
}

void rc_write_quotes(rc_json *j, const rc_doc *doc, unsigned flags)
{
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nquotes; i++) {
        const rc_quote *q = &doc->quotes[i];
        rc_json_obj(j);
        if (!(flags & RC_JSON_COMPACT)) { /* compact: cut again from the text by the offsets */
            rc_json_key(j, "text");
            rc_json_str(j, doc->text + q->start, q->end - q->start);
        }
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
            write_speaker(j, &at->chain[k], (at->joint >> k) & 1u);
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
