/*
 * quotes.c - pairing quotation marks. French typography opens with « and closes with », but
 * real text mixes “ ”, straight quotes, doubled marks (« « ...) and marks that never close; the
 * pairing keeps a small stack, reads a line break as the end of every quote still open unless
 * the next line goes on with it (a closing mark, a lower-case word, or the « that reopens a
 * quotation at each new paragraph), and drops quotes with no word inside.
 */
#include <string.h>

#include "extract/quotes.h"

#define MAXDEPTH 4

typedef struct open_mark {
    uint32_t tok;
    unsigned char c; /* first byte of the mark, to recognise « « */
} open_mark;

/* Adds one outermost quote [oa, ob) to the document's array. */
static int emit(src_state *st, quote_tok **qt, size_t *qtcap, size_t *cap, uint32_t oa,
                uint32_t ob, int closed)
{
    rc_doc *doc = st->doc;
    const rc_token *t = doc->toks;
    uint32_t words = 0; /* counted up to QUOTE_WORDS_MAX: readers only tell one or two words */
    for (uint32_t k = oa + 1; k < ob && words < QUOTE_WORDS_MAX; k++) {
        unsigned kind = t[k].kind;
        words += kind == RC_TOK_WORD || kind == RC_TOK_NUMBER || kind == RC_TOK_PERCENT;
    }
    if (!words)
        return RC_OK;
    if (rc_arena_grow(&doc->arena, (void **)&doc->quotes, cap, doc->nquotes + 1, sizeof *doc->quotes))
        return RC_ENOMEM;
    if (rc_arena_grow(&doc->arena, (void **)qt, qtcap, doc->nquotes + 1, sizeof **qt))
        return RC_ENOMEM;
    (*qt)[doc->nquotes] = (quote_tok){oa, ob, (uint8_t)closed, words};
    rc_quote *q = &doc->quotes[doc->nquotes++];
    memset(q, 0, sizeof *q);
    q->start = t[oa].end;
    q->end = closed ? t[ob].start : t[ob - 1].end;
    if (q->end < q->start)
        q->end = q->start;
    for (uint32_t k = oa + 1; k < ob; k++)
        st->ti[k].bits |= TB_INQ;
    for (uint32_t k = oa + 1; k < ob;) { /* a name inside is no subject outside: clear the bits */
        uint32_t e = (k | 63u) + 1 < ob ? (k | 63u) + 1 : ob;
        uint64_t m = (e - k == 64 ? ~0ull : ((1ull << (e - k)) - 1)) << (k & 63);
        st->names[k >> 6] &= ~m;
        k = e;
    }
    return RC_OK;
}

int quotes_find(src_state *st, quote_tok **qt)
{
    rc_doc *doc = st->doc;
    const rc_token *t = doc->toks;
    size_t n = doc->ntoks, cap = 0;
    open_mark stack[MAXDEPTH];
    int depth = 0;
    *qt = NULL;
    doc->quotes = NULL;
    doc->nquotes = 0;
    quote_tok *qarr = NULL;
    size_t qcap = 0;
    /* only marks and tokens after a line break do anything here: the pass reads st->marks */
    for (size_t m = 0; m < st->nmarks; m++) {
        uint32_t i = st->marks[m];
        const rc_token *k = &t[i];
        if (!depth && k->kind != RC_TOK_QUOTE_OPEN)
            continue; /* outside quotation marks, only an opening mark matters */
        unsigned char c = (unsigned char)doc->text[k->start];
        if (depth && (k->flags & (RC_TF_NEWLINE | RC_TF_PARAGRAPH))) {
            bool goes_on = k->kind == RC_TOK_QUOTE_CLOSE ||
                           (k->kind == RC_TOK_QUOTE_OPEN && c == stack[0].c);
            if (!(k->flags & RC_TF_PARAGRAPH) && !goes_on)
                goes_on = (k->kind == RC_TOK_WORD && !(k->flags & RC_TF_UPPER)) ||
                          speaker_punct(st, i, ',');
            if (!goes_on) { /* the quote never closed: it ends with its line */
                int status = emit(st, &qarr, &qcap, &cap, stack[0].tok, i, 0);
                if (status)
                    return status;
                depth = 0;
            } else if (k->kind == RC_TOK_QUOTE_OPEN && c == stack[0].c && depth == 1) {
                continue; /* « at the start of each paragraph of a long quotation */
            }
        }
        if (k->kind == RC_TOK_QUOTE_OPEN) {
            if (depth && stack[depth - 1].tok == i - 1 && stack[depth - 1].c == c) {
                stack[depth - 1].tok = i; /* « « doubled */
                continue;
            }
            if (depth < MAXDEPTH)
                stack[depth++] = (open_mark){i, c};
        } else if (k->kind == RC_TOK_QUOTE_CLOSE && depth) {
            depth--;
            if (depth == 0) {
                int status = emit(st, &qarr, &qcap, &cap, stack[0].tok, i, 1);
                if (status)
                    return status;
            }
        }
    }
    if (depth) {
        int status = emit(st, &qarr, &qcap, &cap, stack[0].tok, (uint32_t)n, 0);
        if (status)
            return status;
    }
    *qt = qarr;
    return RC_OK;
}
