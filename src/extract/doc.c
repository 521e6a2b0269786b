/*
 * doc.c - one document through the pipeline: identify, extract the article from HTML, decode,
 * clean, tokenize, decide language and date, then run the recognizers. Each stage writes into the
 * document's arena; the document is freed in one call. The text is tokenized once, before
 * cleaning: the cleaner judges lines from their tokens and carries the kept ones over. When no
 * date is given, the time recognizer's pass that infers one is kept and reused, so that the text
 * is lexed for times once.
 */
#include <assert.h>
#include <math.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/doc.h"
#include "core/words.h"
#include "ingest/decode.h"
#include "extract/stages.h"
#include "ingest/html.h"
#include "lang/fr/times.h"
#include "lang/fr/tokenize.h"
#include "text/clean.h"
#include "util/date.h"

/* doc.id: the first 16 hex digits of the SHA-256 of the raw bytes. */
static void doc_id(const void *data, size_t len, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx c;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, len, data);
    sha256_digest(&c, sizeof digest, digest);
    for (int i = 0; i < 8; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[16] = '\0';
}

/* A monotonic clock in nanoseconds, read only when the context asks for step times. */
static uint64_t doc_clock(const rc_doc *doc)
{
    if (!doc->ctx->time_steps)
        return 0;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Copies a metadata string into the arena, or keeps fallback when s is NULL or empty. */
static const char *meta(rc_doc *doc, const char *s, const char *fallback)
{
    return s && *s ? rc_arena_strdup(&doc->arena, s) : fallback;
}

/* Normalises a date given by metadata or the caller to TIMEX3 ("2016-12-15" or with a time);
 * returns NULL when it is not a valid date. */
static const char *norm_date(rc_doc *doc, const char *s, rc_date *dt)
{
    if (!s || rc_date_parse(s, dt) != RC_OK)
        return NULL;
    char buf[20];
    rc_date_format(dt, buf);
    return rc_arena_strdup(&doc->arena, buf);
}

/* The primary subtag of a page's language tag ("fr" of "fr-CA"), in the arena, or NULL. */
static const char *primary_lang(rc_doc *doc, const char *tag)
{
    size_t n = 0;
    while (tag && ((tag[n] >= 'a' && tag[n] <= 'z') || (tag[n] >= 'A' && tag[n] <= 'Z')))
        n++;
    if (n < 2 || n > 3 || (tag[n] && tag[n] != '-' && tag[n] != '_'))
        return NULL;
    char *s = rc_arena_strndup(&doc->arena, tag, n);
    for (size_t i = 0; s && i < n; i++)
        s[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return s;
}

/* Runs the stages after decoding. page_lang is what an HTML page declared: the text's own
 * function words win over it, and it is used only when they leave the language undecided. */
static int doc_analyse(rc_doc *doc, const rc_doc_opts *opts, const char *src_date,
                       const char *page_lang)
{
    const rc_ctx *ctx = doc->ctx;
    const rc_lang *fr = ctx->fr;
    rc_token *toks;
    size_t ntoks;
    int status = rc_fr_lex(fr, doc->raw, doc->rawlen, &doc->arena, &toks, &ntoks);
    if (status)
        return status;
    rc_clean_out co;
    if ((status = rc_clean(ctx, doc->raw, doc->rawlen, toks, ntoks, &doc->arena, &co)))
        return status;
    doc->text = co.text;
    doc->len = co.len;
    doc->noise = co.noise;
    doc->nnoise = co.nnoise;
    doc->toks = co.toks;
    doc->ntoks = co.ntoks;
    if (!doc->lang)
        doc->lang = rc_clean_lang(ctx, &co);
    if (!doc->lang)
        doc->lang = primary_lang(doc, page_lang);
    assert(doc->text[doc->len] == '\0'); /* stages read text[len], as the recognizers state */
    if ((status = rc_fr_sentences(fr, doc->text, doc->toks, doc->ntoks, &doc->arena, &doc->sents,
                                  &doc->nsents)))
        return status;

    /* the stages ask about the same words: each token is hashed once into this thread's table
     * of answers (core/words.h); without it (out of memory) they ask their tables directly. It
     * is done before the date, whose first pass of the time recognizer lexes through it too. */
    uint64_t tw = doc_clock(doc);
    rc_words_begin(doc);
    uint64_t words_ns = doc_clock(doc) - tw;

    rc_date ref;
    bool have_ref = false;
    rc_fr_times_first first; /* with no date given, the time recognizer's first pass */
    bool have_first = false;
    if ((doc->date = norm_date(doc, src_date, &ref))) {
        doc->date_source = "metadata";
        have_ref = true;
    } else if (opts && (doc->date = norm_date(doc, opts->date, &ref))) {
        doc->date_source = "given";
        have_ref = true;
    } else {
        /* the date is inferred from the times of the text read with no reference; the same pass
         * then serves the recognizer below, so that the text is lexed once */
        char inferred[11] = "";
        have_first = rc_fr_times_pass_doc(doc, &doc->arena, &first) == RC_OK;
        if (have_first && rc_fr_docdate_from(fr, doc, &first, inferred) == 1 &&
            rc_date_parse(inferred, &ref) == RC_OK) {
            doc->date = rc_arena_strdup(&doc->arena, inferred);
            doc->date_source = "text";
            have_ref = true;
        } else if (have_first && rc_fr_docdate_sources(fr, doc, &first, inferred) == 1 &&
                   rc_date_parse(inferred, &ref) == RC_OK) {
            /* the lowest evidence: the latest day of the list of sources the text ends with */
            doc->date = rc_arena_strdup(&doc->arena, inferred);
            doc->date_source = "text"; /* the contract's closed list: the text gave it */
            have_ref = true;
        } else {
            doc->date_source = "none";
        }
    }

    size_t nstages;
    const rc_stage *stages = rc_stages_for(doc->lang, &nstages);
    rc_stage_env env = {have_ref ? &ref : NULL, have_first ? &first : NULL};
    static_assert(RC_NSTAGE_NAMES <= RC_DOC_MAXSTAGES, "rc_doc.step_ns has a slot per stage");
    assert(nstages <= RC_DOC_MAXSTAGES);
    uint64_t t = doc_clock(doc), t1;
    doc->step_ns[RC_STEP_FRONT] += t - words_ns;
    doc->step_ns[RC_STEP_WORDS] = words_ns;
    for (size_t i = 0; i < nstages; i++) {
        if (!stages[i].run) { /* filled by the row before it */
            if (i > 0 && (doc->ran >> (i - 1) & 1u))
                doc->ran |= 1u << i;
            continue;
        }
        status = stages[i].run(doc, &env);
        t1 = doc_clock(doc);
        doc->step_ns[RC_STEP_STAGE + i] = t1 - t;
        t = t1;
        if (status == RC_ENOMEM)
            break;
        if (status == RC_OK)
            doc->ran |= 1u << i;
    }
    rc_words_end(doc);
    return status == RC_ENOMEM ? status : RC_OK;
}

int rc_doc_parse(const rc_ctx *ctx, const rc_source *src, const rc_doc_opts *opts, rc_doc **out)
{
    *out = NULL;
    if (!ctx || !src || (!src->data && src->len))
        return RC_EINVAL;
    if (src->len > UINT32_MAX / 4)
        return RC_ETOOBIG; /* offsets are 32-bit */
    rc_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return RC_ENOMEM;
    rc_arena_init(&doc->arena);
    doc->ctx = ctx;
    doc->step_ns[RC_STEP_FRONT] = -doc_clock(doc); /* the clock at the start, then the time */
    doc_id(src->data, src->len, doc->id);
    doc->path = meta(doc, src->path, NULL);
    doc->src_id = meta(doc, src->id, NULL);
    doc->title = meta(doc, src->title, NULL);
    doc->site = meta(doc, src->site, NULL);
    doc->url = meta(doc, src->url, NULL);
    doc->author = meta(doc, src->author, NULL);

    const char *bytes = src->data ? src->data : "";
    size_t len = src->len;
    const char *src_date = src->date;
    const char *page_lang = NULL;
    int status = RC_OK;
    rc_format fmt = src->format;
    if (fmt == RC_FORMAT_AUTO)
        fmt = rc_html_sniff(bytes, len) ? RC_FORMAT_HTML : RC_FORMAT_TEXT;
    if (fmt == RC_FORMAT_HTML) {
        rc_page page;
        status = rc_html_page_ctx(ctx, bytes, len, src->charset, &doc->arena, &page);
        if (!status) {
            doc->title = doc->title ? doc->title : page.title;
            doc->site = doc->site ? doc->site : page.site;
            doc->url = doc->url ? doc->url : page.url;
            doc->author = doc->author ? doc->author : page.author;
            if (!src_date)
                src_date = page.date;
            page_lang = page.lang;
            bytes = page.text;
            len = page.len;
        }
    }
    rc_decode_info info;
    if (!status)
        status = rc_decode(bytes, len, &doc->arena, &doc->raw, &doc->rawlen, &info);
    if (!status)
        status = doc_analyse(doc, opts, src_date, page_lang);
    if (status) {
        rc_doc_free(doc);
        return status;
    }
    *out = doc;
    return RC_OK;
}

void rc_doc_free(rc_doc *doc)
{
    if (!doc)
        return;
    rc_arena_free(&doc->arena);
    free(doc);
}

const char *rc_doc_text(const rc_doc *doc, size_t *len)
{
    if (len)
        *len = doc->len;
    return doc->text;
}

const rc_span *rc_doc_sentences(const rc_doc *doc, size_t *n)
{
    *n = doc->nsents;
    return doc->sents;
}

const rc_token *rc_doc_tokens(const rc_doc *doc, size_t *n)
{
    *n = doc->ntoks;
    return doc->toks;
}

int rc_doc_stage_ran(const rc_doc *doc, const char *stage)
{
    int i = rc_stage_index(stage);
    return i >= 0 && (doc->ran >> i & 1u);
}

size_t rc_doc_marks(const rc_doc *doc, rc_mark *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < doc->nnums; i++, k++)
        if (k < cap)
            out[k] = (rc_mark){doc->nums[i].start, doc->nums[i].end, RC_MARK_NUMBER,
                               doc->nums[i].value, NULL};
    for (size_t i = 0; i < doc->ntimes; i++, k++)
        if (k < cap)
            out[k] = (rc_mark){doc->times[i].start, doc->times[i].end, RC_MARK_TIME, NAN,
                               doc->times[i].value};
    return k;
}

const rc_entity *rc_doc_entities(const rc_doc *doc, size_t *n)
{
    *n = doc->nents;
    return doc->ents;
}

const rc_quote *rc_doc_quotes(const rc_doc *doc, size_t *n)
{
    *n = doc->nquotes;
    return doc->quotes;
}

const rc_attribution *rc_doc_attributions(const rc_doc *doc, size_t *n)
{
    *n = doc->nattrs;
    return doc->attrs;
}

const rc_claim *rc_doc_claims(const rc_doc *doc, size_t *n)
{
    *n = doc->nclaims;
    return doc->claims;
}

const rc_frame *rc_doc_framing(const rc_doc *doc, size_t *n)
{
    *n = doc->nframes;
    return doc->frames;
}

void rc_doc_get_meta(const rc_doc *doc, rc_doc_meta *out)
{
    *out = (rc_doc_meta){doc->id,   doc->path, doc->title, doc->site,       doc->url,
                         doc->author, doc->lang, doc->date,  doc->date_source};
}
