/*
 * attrib_cue.c - matching the cue phrases of attribution_cues.tsv at a token (selon, de source,
 * cité par, a fait état de...): the phrases that start with the token's word form a chain in
 * srclex, read longest first; a quick test settles the common case where the next token cannot
 * go on with any phrase, and the folded forms and asides of the tokens are worked out once for
 * all the phrases of a chain.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "extract/attrib_int.h"
#include "core/words.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* How many tokens at i make an aside that may stand inside a cue phrase: an adverb (cité mardi
 * par) or a preposition, a possessive and a noun (fait pour sa part état de, a de son côté
 * affirmé) or a stressed pronoun between commas (parlent, eux, de); 0 when none does. */
uint32_t attrib_phrase_aside(const src_state *st, uint32_t i, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    if ((ti[i].bits & SL_ADV) && !(ti[i].bits & TB_NAME))
        return 1;
    if (i + 2 < lim && speaker_punct(st, i, ',') && (ti[i + 1].bits & SL_PRON) &&
        speaker_punct(st, i + 2, ','))
        return 3; /* parlent, eux, de */
    if (i + 2 < lim && speaker_punct(st, i, ',')) {
        uint32_t te = speaker_time_skip(st, i + 1, lim);
        if (te > i + 1 && te < lim && te - i < 8 && speaker_punct(st, te, ','))
            return te + 1 - i; /* ont revu, lundi, à la hausse */
    }
    if (i + 2 < lim && (ti[i].bits & (SL_LOC | SL_PREP)) && (ti[i + 1].bits & SL_DET) &&
        !(ti[i + 1].bits & SL_DEF) && st->doc->toks[i + 1].kind == RC_TOK_WORD &&
        st->doc->toks[i + 2].kind == RC_TOK_WORD && !(ti[i + 2].bits & (TB_NAME | SL_CUE)) &&
        !speaker_starts_figure(st, i + 1))
        return 3; /* pour sa part; not parlé d'une vingtaine de (morts), a figure */
    const rc_token *t = st->doc->toks;
    if (i + 3 < lim && (ti[i].bits & SL_LOC) && !(ti[i].bits & (SL_DET | SL_PREP)) &&
        t[i + 1].kind == RC_TOK_WORD && !(ti[i + 1].bits & (TB_NAME | SL_DET | SL_CUE)) &&
        (ti[i + 2].bits & SL_PREP) && !(ti[i + 2].bits & SL_DET) &&
        t[i + 3].kind == RC_TOK_WORD && !(ti[i + 3].bits & (TB_NAME | SL_DET | SL_CUE)) &&
        !speaker_starts_figure(st, i + 3))
        return 4; /* a déclaré en guise d'explications X, en marge du sommet: no name inside */
    return 0;
}

/* The folded forms and asides of the tokens from a cue's first word on, worked out once for
 * all the phrases that start with that word (de source, de sources, de l'avis de ... all read
 * the same tokens). Entry k is token base + k; tokens past CUE_SEEN are read directly. */
#define CUE_SEEN 8
typedef struct cue_seen {
    uint32_t base, lim;
    uint32_t folded, asided; /* bit k: entry k is filled */
    const char *f[CUE_SEEN];
    size_t n[CUE_SEEN];
    uint8_t aside[CUE_SEEN];
    char buf[CUE_SEEN][64];
} cue_seen;

/* The folded form of token i into *n: the one kept in the thread's word table, when rc_fold
 * into a 64-byte buffer could not have failed on it (60 bytes leave room for the widest
 * character), else folded into buf; a length past 64 means it did not fit. */
static const char *fold_tok(const src_state *st, uint32_t i, char buf[64], size_t *n)
{
    const rc_doc *doc = st->doc;
    const rc_token *t = &doc->toks[i];
    const char *f = NULL;
    uint32_t id = doc->wids ? doc->wids[i] : UINT32_MAX; /* rc_word_folded, read in place */
    if (id != UINT32_MAX && doc->words[id].flen != UINT32_MAX) {
        f = doc->wpool + doc->words[id].foff;
        *n = doc->words[id].flen;
    }
    if (!f || *n > 64 - 4) {
        *n = rc_fold(st->doc->text + t->start, t->end - t->start, buf, 64);
        f = buf;
    }
    return f;
}

/* attrib_phrase_aside(st, i, cs->lim), kept. */
static uint32_t seen_aside(const src_state *st, cue_seen *cs, uint32_t i)
{
    uint32_t k = i - cs->base;
    if (k >= CUE_SEEN)
        return attrib_phrase_aside(st, i, cs->lim);
    if (!(cs->asided >> k & 1u)) {
        cs->aside[k] = (uint8_t)attrib_phrase_aside(st, i, cs->lim);
        cs->asided |= 1u << k;
    }
    return cs->aside[k];
}

/* Whether the tokens at i read the folded cue phrase, one aside allowed after its first word;
 * *end receives the token after it. */
static bool match_phrase(const src_state *st, cue_seen *cs, uint32_t i, const srclex_cue *cue,
                         uint32_t *end)
{
    const rc_token *t = st->doc->toks;
    const char *phrase = cue->phrase, *p = phrase, *pend = phrase + cue->len;
    uint32_t lim = cs->lim;
    bool aside = false;
    while (i < lim) {
        size_t n;
        char tmp[64];
        const char *f;
        uint32_t k = i - cs->base;
        if (k < CUE_SEEN && (cs->folded >> k & 1u)) {
            f = cs->f[k];
            n = cs->n[k];
        } else if (k < CUE_SEEN) {
            f = cs->f[k] = fold_tok(st, i, cs->buf[k], &n);
            cs->n[k] = n;
            cs->folded |= 1u << k;
        } else {
            f = fold_tok(st, i, tmp, &n);
        }
        /* the token's folded form must be a prefix of the rest of the phrase */
        bool same = n <= 64 && n <= (size_t)(pend - p);
        for (size_t c = 0; same && c < n; c++)
            same = p[c] == f[c];
        if (!same) {
            uint32_t skip = p != phrase && !aside && p[-1] == ' ' ? seen_aside(st, cs, i) : 0;
            if (!skip)
                return false;
            aside = true;
            i += skip;
            continue;
        }
        p += n;
        i++;
        if (!*p) {
            *end = i;
            return true;
        }
        if (*p == ' ')
            p++;
        else if (t[i - 1].kind != RC_TOK_ELISION && p[-1] != '\'')
            return false;
    }
    return false;
}

/* The folded form of token i through the cache cs (i within CUE_SEEN of its base). */
static const char *seen_fold(const src_state *st, cue_seen *cs, uint32_t i, size_t *n)
{
    uint32_t k = i - cs->base;
    assert(k < CUE_SEEN);
    if (!(cs->folded >> k & 1u)) {
        cs->f[k] = fold_tok(st, i, cs->buf[k], &cs->n[k]);
        cs->folded |= 1u << k;
    }
    *n = cs->n[k];
    return cs->f[k];
}

/* Whether a phrase of the chain of token i can still match once its first word has: the word
 * after it (token i + 1) must begin the rest of the phrase, or be an aside when a space comes
 * first (match_phrase's second step, told here without its loop). */
static bool second_may_match(const src_state *st, cue_seen *cs, uint32_t i, const srclex_cue *cue)
{
    size_t tail = cue->keylen + (cue->phrase[cue->keylen] == ' ');
    if (i + 1 >= cs->lim)
        return false;
    size_t n;
    const char *f = seen_fold(st, cs, i + 1, &n);
    bool same = n <= 64 && n <= cue->len - tail;
    for (size_t c = 0; same && c < n; c++)
        same = cue->phrase[tail + c] == f[c];
    return same || (tail > cue->keylen && seen_aside(st, cs, i + 1) > 0);
}

/* The folded form of token i as the thread's word table keeps it, or NULL when it has none
 * there (then the careful path folds it). */
static inline const char *memo_fold(const rc_doc *doc, uint32_t i, size_t *n)
{
    uint32_t id = doc->wids ? doc->wids[i] : UINT32_MAX;
    if (id == UINT32_MAX || doc->words[id].flen == UINT32_MAX)
        return NULL;
    *n = doc->words[id].flen;
    return doc->wpool + doc->words[id].foff;
}

/* Whether a folded form f of n bytes surely begins no longer phrase of the chain of head: its
 * first two bytes are not in head->go_on. False when that cannot be told (too long, empty). */
static inline bool cue_fold_cannot_go_on(const char *f, size_t n, const srclex_cue *head)
{
    if (n > 64 - 4 || n == 0)
        return false;
    return !srclex_may_go_on(head, (unsigned char)f[0], n > 1 ? (unsigned char)f[1] : 0);
}

/* cue_cannot_go_on for a token the thread's word table has no folded form of: folded here. */
__attribute__((noinline)) static bool cue_cannot_go_on_folded(const src_state *st, uint32_t j,
                                                             const srclex_cue *head)
{
    size_t n;
    char buf[64];
    const char *f = fold_tok(st, j, buf, &n);
    return cue_fold_cannot_go_on(f, n, head);
}

/* Whether token j surely does not begin what follows the first word in any longer phrase of
 * the chain of head: the first two bytes of its folded form are not in head->go_on. False
 * when that cannot be told (a token too long, or empty). */
static inline bool cue_cannot_go_on(const src_state *st, uint32_t j, const srclex_cue *head)
{
    size_t n;
    const char *f = memo_fold(st->doc, j, &n);
    if (!f)
        return cue_cannot_go_on_folded(st, j, head); /* no record: a figure, a mark */
    return cue_fold_cannot_go_on(f, n, head);
}

/* Whether token i's folded form is the first word of the chain of head, or cannot be told
 * here (no folded form kept): what cue_quick asserts. */
static inline bool reads_key(const src_state *st, uint32_t i, const srclex_cue *head)
{
    size_t n;
    const char *f = memo_fold(st->doc, i, &n);
    return !f || n > 64 - 4 || (n == head->keylen && memcmp(f, head->phrase, n) == 0);
}

/* The common case of attrib_cue_match told cheaply: token i reads exactly the chain's first word and
 * the token after it cannot go on with any longer phrase of the chain, so the answer is the
 * first word alone or nothing. Returns 1 when that settled it (*cue set, maybe NULL), 0 when
 * the phrases must be read one by one. */
static inline int cue_quick(const src_state *st, uint32_t i, uint32_t lim, const srclex_cue *head,
                     const srclex_cue *cues, uint32_t *end, const srclex_cue **cue)
{
    /* token i reads the chain's first word exactly: srclex_word gave it the chain of the
     * slot its folded form is the key of (srclex.c keys a chain by its folded first word) */
    assert(reads_key(st, i, head));
    if (i >= lim)
        return 0;
    if (i + 1 < lim) {
        if (!cue_cannot_go_on(st, i + 1, head))
            return 0;
        /* an aside after the first word (de, lundi, source): the word after it must go on */
        uint32_t k = head->spaced ? attrib_phrase_aside(st, i + 1, lim) : 0;
        if (k > 0 && i + 1 + k < lim && !cue_cannot_go_on(st, i + 1 + k, head))
            return 0;
    }
    *cue = head->alone >= 0 ? &cues[head->alone] : NULL;
    if (*cue)
        *end = i + 1;
    return 1;
}

/* attrib_cue_match when cue_quick could not settle it: the phrases of chain c read one by
 * one. */
__attribute__((noinline)) static const srclex_cue *cue_match_slow(const src_state *st, uint32_t i,
                                                                 uint32_t lim, int32_t c,
                                                                 uint32_t *end)
{
    const srclex_cue *cues = st->cues;
    size_t ncues = st->ncues;
    cue_seen cs;
    cs.base = i;
    cs.lim = lim;
    cs.folded = cs.asided = 0;
    /* the phrases of a chain share their first word: when token i reads exactly that word, a
     * phrase longer than it needs the next token to go on, which most phrases' next tokens
     * refuse at once */
    size_t n0;
    const char *f0 = seen_fold(st, &cs, i, &n0);
    const srclex_cue *head = &cues[c];
    bool key = n0 == head->keylen && memcmp(f0, head->phrase, n0) == 0;
    if (key) { /* may the next token go on with any phrase of the chain? */
        bool on = false;
        if (i + 1 < lim) {
            size_t n1;
            const char *f1 = seen_fold(st, &cs, i + 1, &n1);
            on = n1 == 0 ||
                 (n1 <= 64 && srclex_may_go_on(head, (unsigned char)f1[0],
                                               n1 > 1 ? (unsigned char)f1[1] : 0)) ||
                 (head->spaced && seen_aside(st, &cs, i + 1) > 0);
        }
        if (!on) /* then only the first word alone can be the phrase */
            return head->alone >= 0 && match_phrase(st, &cs, i, &cues[head->alone], end)
                       ? &cues[head->alone]
                       : NULL;
    }
    for (; c >= 0 && (size_t)c < ncues; c = cues[c].next) {
        const srclex_cue *cue = &cues[c];
        if (key && cue->len > cue->keylen && !second_may_match(st, &cs, i, cue))
            continue;
        if (match_phrase(st, &cs, i, cue, end))
            return cue;
    }
    return NULL;
}

/* The longest cue phrase at token i (whose word starts one: SL_CUE), or NULL: most tokens are
 * settled by cue_quick, the others by cue_match_slow. */
const srclex_cue *attrib_cue_match(const src_state *st, uint32_t i, uint32_t lim, uint32_t *end)
{
    int32_t c = st->ti[i].cue;
    if (c < 0 || (size_t)c >= st->ncues)
        return NULL;
    const srclex_cue *quick;
    if (cue_quick(st, i, lim, &st->cues[c], st->cues, end, &quick))
        return quick;
    return cue_match_slow(st, i, lim, c, end);
}
