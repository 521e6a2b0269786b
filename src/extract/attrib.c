/*
 * attrib.c - who vouches for what. Sentences are read in order; in each, every cue phrase and
 * reporting verb outside quotation marks (and every verb of an incise inside them: « …, a
 * déclaré X, … ») makes an attribution: its chain of sources (the original speaker first, then
 * each relay: citant X, cité par Y, à l'AFP) and its scope (the quote it introduces or follows,
 * the clause after "que", the sentence before an inverted verb, the sentence a "selon" opens).
 * Quotations left without a speaker then take the subject of the clause that introduces them,
 * or the source of the attribution that covers them; scare quotes of one or two words take a
 * speaker only from a verb right beside them.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "extract/attrib.h"
#include "core/words.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

#define MAXCHAIN 8
#define CUE_WINDOW 8 /* tokens between a verb and the de source / à l'AFP it takes */

typedef struct chain {
    rc_speaker link[MAXCHAIN];
    size_t n;
    uint32_t joint; /* bit k: link k stands beside link k-1 */
} chain;

typedef struct pass {
    src_state *st;
    const quote_tok *qt;
    size_t attrcap;
    uint32_t sent, a, b;   /* the sentence being read, in tokens */
    size_t sent_first;     /* first attribution made in this sentence */
    chain citing;          /* citant X: sources waiting for the verb that relays them */
    uint32_t citing_tok;
    size_t qnext;          /* first quote not yet finished with */
    size_t *sent_attr;     /* first attribution made in each sentence (in making order) */
    rc_speaker last;       /* the speaker of the last quote given one */
    uint32_t last_sent;
    bool has_last;
} pass;

/* How many tokens at i make an aside that may stand inside a cue phrase: an adverb (cité mardi
 * par) or a preposition, a possessive and a noun (fait pour sa part état de, a de son côté
 * affirmé) or a stressed pronoun between commas (parlent, eux, de); 0 when none does. */
static uint32_t phrase_aside(const src_state *st, uint32_t i, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    if ((ti[i].bits & SL_ADV) && !(ti[i].bits & TB_NAME))
        return 1;
    if (i + 2 < lim && speaker_punct(st, i, ',') && (ti[i + 1].bits & SL_PRON) &&
        speaker_punct(st, i + 2, ','))
        return 3; /* parlent, eux, de */
    if (i + 2 < lim && (ti[i].bits & (SL_LOC | SL_PREP)) && (ti[i + 1].bits & SL_DET) &&
        !(ti[i + 1].bits & SL_DEF) && st->doc->toks[i + 1].kind == RC_TOK_WORD &&
        st->doc->toks[i + 2].kind == RC_TOK_WORD && !(ti[i + 2].bits & (TB_NAME | SL_CUE)))
        return 3;
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

/* phrase_aside(st, i, cs->lim), kept. */
static uint32_t seen_aside(const src_state *st, cue_seen *cs, uint32_t i)
{
    uint32_t k = i - cs->base;
    if (k >= CUE_SEEN)
        return phrase_aside(st, i, cs->lim);
    if (!(cs->asided >> k & 1u)) {
        cs->aside[k] = (uint8_t)phrase_aside(st, i, cs->lim);
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

/* The common case of cue_match told cheaply: token i reads exactly the chain's first word and
 * the token after it cannot go on with any longer phrase of the chain, so the answer is the
 * first word alone or nothing. Returns 1 when that settled it (*cue set, maybe NULL), 0 when
 * the phrases must be read one by one. */
static int cue_quick(const src_state *st, uint32_t i, uint32_t lim, const srclex_cue *head,
                     const srclex_cue *cues, uint32_t *end, const srclex_cue **cue)
{
    const rc_doc *doc = st->doc;
    size_t n0, n1;
    const char *f0 = memo_fold(doc, i, &n0);
    if (!f0 || n0 > 64 - 4 || n0 != head->keylen || i >= lim)
        return 0;
    for (size_t c = 0; c < n0; c++)
        if (f0[c] != head->phrase[c])
            return 0;
    if (i + 1 < lim) {
        const char *f1 = memo_fold(doc, i + 1, &n1);
        if (!f1 || n1 > 64 - 4 || n1 == 0)
            return 0;
        unsigned h = srclex_pair((unsigned char)f1[0], n1 > 1 ? (unsigned char)f1[1] : 0);
        if (head->go_on[h >> 6] >> (h & 63) & 1u)
            return 0;
        if (head->spaced && phrase_aside(st, i + 1, lim) > 0)
            return 0;
    }
    *cue = head->alone >= 0 ? &cues[head->alone] : NULL;
    if (*cue)
        *end = i + 1;
    return 1;
}

/* The longest cue phrase at token i (whose word starts one: SL_CUE), or NULL. */
static const srclex_cue *cue_match(const src_state *st, uint32_t i, uint32_t lim, uint32_t *end)
{
    size_t ncues;
    const srclex_cue *cues = srclex_cues(st->sl, &ncues);
    cue_seen cs;
    cs.base = i;
    cs.lim = lim;
    cs.folded = cs.asided = 0;
    int32_t c = st->ti[i].cue;
    if (c < 0 || (size_t)c >= ncues)
        return NULL;
    const srclex_cue *quick;
    if (cue_quick(st, i, lim, &cues[c], cues, end, &quick))
        return quick;
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
            unsigned h = n1 ? srclex_pair((unsigned char)f1[0],
                                          n1 > 1 ? (unsigned char)f1[1] : 0)
                            : 0;
            on = n1 == 0 || (n1 <= 64 && (head->go_on[h >> 6] >> (h & 63) & 1u)) ||
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

/* The longest cue phrase at token i, or NULL; most tokens start none, which one bit tells. */
static inline const srclex_cue *cue_at(const src_state *st, uint32_t i, uint32_t lim,
                                       uint32_t *end)
{
    if (!(st->ti[i].bits & SL_CUE))
        return NULL;
    return cue_match(st, i, lim, end);
}

/* The token range of the document's quote q, marks included. */
static uint32_t quote_last(const quote_tok *q)
{
    return q->closed ? q->ob : q->ob - 1;
}

/* The quote whose marks enclose token i, or -1 (a binary search: quotes are in order). */
static int32_t quote_around(const pass *ps, uint32_t i)
{
    size_t lo = 0, hi = ps->st->doc->nquotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ps->qt[mid].oa > i)
            hi = mid;
        else if (quote_last(&ps->qt[mid]) < i)
            lo = mid + 1;
        else
            return (int32_t)mid;
    }
    return -1;
}

/* The number of quotes that open before token i (a binary search), where a backward walk over
 * the quotes before a token starts. */
static size_t quotes_before(const pass *ps, uint32_t i)
{
    size_t lo = 0, hi = ps->st->doc->nquotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ps->qt[mid].oa < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Appends a link to a chain (kept at MAXCHAIN). */
static void chain_add(chain *c, const rc_speaker *sp, bool joint)
{
    if (c->n < MAXCHAIN) {
        c->link[c->n] = *sp;
        if (joint && c->n)
            c->joint |= 1u << c->n;
        c->n++;
    }
}

/* The author of a statement noun that names nobody but points back (Le communiqué affirme,
 * after a sentence citing the ministry): the first source of the last attribution, when it was
 * made in this sentence or one of the two before. Only a definite noun marked "ana" in
 * source_nouns.tsv points back: "un communiqué" does not, nor "le dernier bilan", a count that
 * anyone may give. False when there is none. */
static bool via_antecedent(const pass *ps, const src_np *np, rc_speaker *sp)
{
    const src_state *st = ps->st;
    const rc_doc *doc = st->doc;
    if (np->head != SL_VIA || np->na != np->nb || np->pron || !(st->ti[np->a].bits & SL_DEF) ||
        !doc->nattrs)
        return false;
    uint32_t k = np->a + 1;
    while (k < np->b && !(st->ti[k].bits & SL_VIA))
        k++;
    if (k >= np->b || !speaker_anaphor(st, k))
        return false;
    /* sent_attr[s]: the attributions made before sentence s */
    bool near = doc->nattrs > ps->sent_attr[ps->sent >= 2 ? ps->sent - 2 : 0];
    const rc_attribution *at = &doc->attrs[doc->nattrs - 1];
    if (!near || !at->nchain)
        return false;
    *sp = at->chain[0];
    return true;
}

/* Reads a source at token j for a cue: a phrase with its apposition, the complement of "le
 * témoignage de", and a pronoun resolved; false when nothing there names a source. */
static int read_source(pass *ps, uint32_t j, uint32_t lim, bool loose, src_np *np,
                       rc_speaker *sp)
{
    src_state *st = ps->st;
    if (!speaker_np_appos(st, j, lim, np) && !(loose && speaker_np_loose(st, j, lim, np)))
        return 1;
    if (!speaker_np_via(st, lim, np)) /* le témoignage de deux habitants */
        return 1;
    return speaker_make(st, np, sp);
}

/* Whether token k's word has class cls in source_grammar.tsv (coord: et, mais, puis; dem). */
static bool grammar_class(const src_state *st, uint32_t k, const char *cls)
{
    const rc_token *t = &st->doc->toks[k];
    if (t->kind != RC_TOK_WORD)
        return false;
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_GRAMMAR);
    const char *v = lex ? rc_lex_get(lex, st->doc->text + t->start, t->end - t->start) : NULL;
    return v && strstr(v, cls) != NULL;
}

/* Whether token k's word is in the language's word list of that name (source_own.txt:
 * possessives by which the outlet names itself; source_objects.txt: object pronouns). */
static bool tok_listed(const src_state *st, uint32_t k, enum srclex_lexicon list)
{
    const rc_token *t = &st->doc->toks[k];
    return rc_lex_get(srclex_lex(st->sl, list), st->doc->text + t->start,
                      t->end - t->start) != NULL;
}

/* Whether token k is a possessive by which the outlet names itself (notre antenne, nos
 * journalistes): what it opens is no relay. */
static bool own_outlet(const src_state *st, uint32_t k)
{
    return tok_listed(st, k, SLX_OWN);
}

/* Sources joined to the one just read (selon X et Y), then relays (X, cité par Y). Returns the
 * token after the last source read. */
static int read_joint_relays(pass *ps, uint32_t j, uint32_t lim, chain *c, uint32_t *end)
{
    src_state *st = ps->st;
    for (int n = 0; n < 3 && j + 1 < lim && (st->ti[j].bits & SL_CONJ); n++) {
        src_np np;
        rc_speaker sp;
        int status = read_source(ps, j + 1, lim, true, &np, &sp);
        if (status < 0)
            return status;
        if (status)
            break;
        chain_add(c, &sp, true);
        j = np.b;
    }
    for (int n = 0; n < 3 && j < lim; n++) {
        uint32_t k = j, e;
        if (speaker_punct(st, k, ',') && k + 1 < lim)
            k++;
        const srclex_cue *cue = cue_at(st, k, lim, &e);
        if (!cue || cue->cls != SC_RELAY)
            break;
        src_np np;
        rc_speaker sp;
        int status = read_source(ps, e, lim, false, &np, &sp);
        if (status < 0)
            return status;
        if (status)
            break;
        if (!(e < lim && own_outlet(st, e))) /* joint par notre correspondante: no relay */
            chain_add(c, &sp, false);
        j = np.b;
    }
    if (j + 2 < lim && c->n && c->n < MAXCHAIN && speaker_punct(st, j, ',')) {
        uint32_t k = j + 1, e = 0; /* selon le journal X, qui cite Y / citant Y: Y first */
        size_t nv;
        const srclex_verb *verbs = srclex_verbs(st->sl, &nv);
        const srclex_cue *cue = cue_at(st, k, lim, &e);
        if (cue && cue->cls == SC_CITING)
            k = e;
        else if ((st->ti[k].bits & SL_REL) && (st->ti[k + 1].bits & SL_VERB) &&
                 st->ti[k + 1].verb >= 0 && verbs[st->ti[k + 1].verb].cls == SV_CITE)
            k += 2;
        else
            k = 0;
        src_np np;
        rc_speaker sp;
        int status = k ? read_source(ps, k, lim, false, &np, &sp) : 1;
        if (status < 0)
            return status;
        if (status == 0) {
            for (size_t n = c->n; n > 0; n--)
                c->link[n] = c->link[n - 1];
            c->link[0] = sp;
            c->joint <<= 1;
            c->n++;
            j = np.b;
        }
    }
    *end = j;
    return RC_OK;
}

/* An outlet told after a verb (a indiqué à l'AFP, assurait pour l'agence Sputnik): an
 * organisation or a known agency. Returns the token after it, or j when there is none. */
/* Whether the verb group at g follows an aside between commas that a relay cue opens (des
 * habitants, joints par téléphone, ont dénoncé): its comma is no mark of an inverted subject. */
static bool relay_aside_before(const src_state *st, uint32_t g, uint32_t a)
{
    if (g < a + 3 || !speaker_punct(st, g - 1, ','))
        return false;
    uint32_t p = g - 2;
    while (p > a && g - p < 12 && !speaker_punct(st, p, ','))
        p--;
    uint32_t e;
    const srclex_cue *cue = speaker_punct(st, p, ',') ? cue_at(st, p + 1, g - 1, &e) : NULL;
    return cue && cue->cls == SC_RELAY;
}

static int read_told(pass *ps, uint32_t j, uint32_t lim, bool subj, chain *c, uint32_t *end)
{
    src_state *st = ps->st;
    *end = j;
    uint32_t e;
    const srclex_cue *cue = j < lim ? cue_at(st, j, lim, &e) : NULL;
    if (!cue || (cue->cls != SC_TOLD && cue->cls != SC_FOR))
        return RC_OK;
    src_np np;
    size_t pl = strlen(cue->phrase);
    bool article = pl >= 2 && (strcmp(cue->phrase + pl - 2, "au") == 0 ||
                               strcmp(cue->phrase + pl - 2, "ux") == 0 ||
                               strcmp(cue->phrase + pl - 2, "du") == 0);
    if (!speaker_np(st, e, lim, &np) || np.pron)
        return RC_OK;
    if (own_outlet(st, e)) {
        /* à notre antenne, auprès de notre chaîne X: the outlet itself, no relay; a name in it
         * is the subject that follows */
        *end = np.na < np.nb ? np.na : np.b;
        return RC_OK;
    }
    uint32_t na = np.na, nb = np.nb;
    if (na == nb && np.ra < np.rb) { /* à Radio Ndeke Luka X: a name that starts with its kind */
        na = np.ra;
        nb = np.rb;
        for (uint32_t k = na; k < nb; k++)
            if (!(st->ti[k].bits & TB_NAME))
                na = nb;
    }
    if (subj && na < nb && np.b == nb &&
        (np.b >= lim || st->doc->toks[np.b].kind == RC_TOK_PUNCT)) {
        /* the clause ends on the outlet: the inverted subject is the end of its names */
        uint32_t k = speaker_name_split(st, na, nb, np.head == SL_ORG && np.ra < na);
        if (k) {
            np.na = na;
            np.nb = np.b = k;
            if (np.ra >= na)
                np.ra = np.rb = 0;
            np.ent = -1;
            np.type = RC_ENT_ORG;
        }
    }
    if (np.type != RC_ENT_ORG && !(article && np.na < np.nb))
        return RC_OK; /* à l'AFP, au Monde; not à Genève */
    if (np.na == np.nb && np.rb - np.ra <= 1)
        return RC_OK; /* à la presse, à la télévision: no outlet named */
    if (np.type == RC_ENT_MISC)
        np.type = RC_ENT_ORG;
    rc_speaker sp;
    int status = speaker_make(st, &np, &sp);
    if (status)
        return status < 0 ? status : RC_OK;
    chain_add(c, &sp, false);
    *end = np.b;
    return RC_OK;
}

/* Sets the speaker of quote q when it has none. */
static void give_quote(pass *ps, size_t q, const rc_speaker *sp, const char *verb)
{
    rc_quote *qu = &ps->st->doc->quotes[q];
    if (qu->has_speaker)
        return;
    qu->has_speaker = 1;
    ps->last = *sp;
    ps->last_sent = ps->sent;
    ps->has_last = true;
    qu->speaker = *sp;
    qu->verb = verb;
}

/* Whether quote q names a term rather than reports speech: one or two words right after "de"
 * (parlent de « terroristes », font état de « frappes chirurgicales »). */
static bool quote_is_term(const pass *ps, size_t q)
{
    const quote_tok *qt = &ps->qt[q];
    return qt->words <= 2 && qt->oa > 0 && (ps->st->ti[qt->oa - 1].bits & SL_PREP) &&
           !(ps->st->ti[qt->oa - 1].bits & TB_NAME);
}

/* Adds an attribution over bytes; the chain is copied into the arena. */
static int add_attr(pass *ps, uint32_t ta, uint32_t tb, uint32_t sa, uint32_t sb,
                    const char *cue, const chain *c, int32_t quote, bool denied)
{
    rc_doc *doc = ps->st->doc;
    if (!c->n)
        return RC_OK;
    if (rc_arena_grow(&doc->arena, (void **)&doc->attrs, &ps->attrcap, doc->nattrs + 1,
                      sizeof *doc->attrs))
        return RC_ENOMEM;
    rc_speaker *links = rc_arena_alloc(&doc->arena, c->n * sizeof *links);
    if (!links)
        return RC_ENOMEM;
    memcpy(links, c->link, c->n * sizeof *links);
    rc_attribution *at = &doc->attrs[doc->nattrs++];
    const rc_token *t = doc->toks;
    at->start = t[ta].start;
    at->end = t[tb - 1].end;
    at->scope_start = t[sa].start;
    at->scope_end = sb > sa ? t[sb - 1].end : t[sa].start;
    at->cue = cue;
    at->chain = links;
    at->nchain = c->n;
    at->quote = quote;
    at->denied = denied;
    at->joint = c->joint;
    return RC_OK;
}

/* Scope bytes of quote q when it is what an attribution covers. */
static void quote_scope(const pass *ps, size_t q, uint32_t *sa, uint32_t *sb)
{
    const quote_tok *qt = &ps->qt[q];
    *sa = qt->oa + 1;
    *sb = qt->closed ? qt->ob : qt->ob;
}

/* The token after the end of the sentence's text, leaving out its final punctuation. */
static uint32_t sent_end_trim(const pass *ps)
{
    uint32_t e = ps->b;
    while (e > ps->a + 1 && ps->st->doc->toks[e - 1].kind == RC_TOK_PUNCT)
        e--;
    return e;
}

/* A reporting verb at token i (ending at vend) with verb entry v: finds its group, subject,
 * relays and scope, and the quote it introduces or follows. *next receives where to go on. */
static int on_verb(pass *ps, uint32_t i, uint32_t vend, int v, uint32_t *next)
{
    src_state *st = ps->st;
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    size_t nverbs;
    const srclex_verb *verbs = srclex_verbs(st->sl, &nverbs);
    const srclex_verb *verb = &verbs[v];
    uint32_t a = ps->a, b = ps->b;
    *next = vend;
    bool inq = (ti[i].bits & TB_INQ) != 0;
    /* the verb group: [s'] aux [-t-il] [adverbs] participle, or verb [-t-il] */
    uint32_t k = i, g = i;
    int clitic = -1;
    bool aux = false;
    bool negated = false;
    bool infin = false; /* et d'ajouter, avant de préciser: the speaker met just before */
    if (ti[i].bits & SL_INF) {
        /* the infinitive of a verb before it, over à or de: a tenu à préciser, a osé affirmer;
         * the group is that verb's */
        uint32_t m = i;
        if (m > a + 1 && t[m - 1].kind == RC_TOK_WORD && (ti[m - 1].bits & (SL_LOC | SL_PREP)) &&
            !(ti[m - 1].bits & SL_DET))
            m--;
        rc_morph mm;
        if (m > a && t[m - 1].kind == RC_TOK_WORD && !(ti[m - 1].bits & (SL_VERB | TB_NAME)) &&
            rc_fr_morph_tok(st->doc, m - 1, &mm) && (mm.flags & RC_M_VERB) &&
            !(mm.flags & (RC_M_FUNC | RC_M_INF)) &&
            (mm.flags & RC_M_PPAS) && m - 1 > a && (ti[m - 2].bits & (SL_AUX | SL_ADV))) {
            /* a participle only: doit annoncer, va présenter tell what is to come */
            if (mm.lemma &&
                rc_lex_get(srclex_lex(st->sl, SLX_REFUSAL), mm.lemma,
                           strlen(mm.lemma)))
                return RC_OK; /* a refusé de commenter: nothing reported */
            k = g = m - 1;
        } else {
            if (i < a + 2 || !(ti[i - 1].bits & SL_PREP) ||
                !(ti[i - 2].bits & (SL_CONJ | SL_LOC)) || st->nmem == 0)
                return RC_OK; /* an infinitive reports nothing by itself */
            infin = true;
        }
    }
    for (int n = 0; k > a && n < 5; n++) {
        uint32_t pb = ti[k - 1].bits;
        if ((pb & SL_ADV) && !(pb & TB_NAME)) {
            negated |= (pb & SL_NEG) != 0;
            k--;
        } else if (t[k - 1].kind == RC_TOK_ELISION && (pb & SL_PREP) && (ti[k].bits & SL_ADV))
            k--; /* a d'ailleurs souligné */
        else if ((pb & SL_DET) && k >= a + 2 && (ti[k].bits & SL_ADV) && (ti[k - 2].bits & SL_AUX))
            k--; /* a une nouvelle fois condamné */
        else if (k >= a + 4 && phrase_aside(st, k - 3, k) == 3 && (ti[k - 4].bits & SL_AUX))
            k -= 3; /* a de son côté affirmé */
        else
            break;
    }
    if (k > a && t[k - 1].kind == RC_TOK_CLITIC) {
        clitic = (int)(k - 1);
        k--;
    }
    if (k > a && (ti[k - 1].bits & SL_AUX)) {
        aux = true;
        k--;
        bool refl = k > a && (ti[k - 1].bits & SL_REFL);
        if (refl)
            k--;
        if ((ti[k].bits & SL_BE) && !refl)
            return RC_OK; /* a passive: Alep est considérée comme */
        g = k;
        if (k > a && (ti[k - 1].bits & SL_NEG))
            negated = true;
    } else {
        clitic = -1;
        if (i > a && (ti[i - 1].bits & SL_REFL))
            g = i - 1;
    }
    if (vend < b && t[vend].kind == RC_TOK_CLITIC && clitic < 0) {
        clitic = (int)vend; /* dit-il, précise-t-elle */
        vend++;
    }
    *next = vend;
    if (negated)
        return RC_OK; /* Mercier ne précise pas */
    /* an object pronoun between a quote or a comma and the group (« … », nous écrit X; « … »,
     * lui a répondu X): the subject follows the verb */
    if (g > a + 1 && t[g - 1].kind == RC_TOK_WORD &&
        (speaker_punct(st, g - 2, ',') || t[g - 2].kind == RC_TOK_QUOTE_CLOSE) &&
        tok_listed(st, g - 1, SLX_OBJECTS))
        g--;
    uint32_t bits = ti[i].bits;
    /* X a démenti ce bilan et affirmé ...; X confirme mais déplore: a verb joined to the clause
     * before shares its subject, the source of the sentence's last attribution */
    bool coord = clitic < 0 && !inq && g > a && grammar_class(st, g - 1, "coord") &&
                 st->doc->nattrs > ps->sent_first;
    if (vend > i + 1) { /* a many-word verb: faisant état de */
        rc_morph m;
        if (rc_fr_morph_tok(st->doc, i, &m) && (m.flags & RC_M_PPRE))
            bits |= SL_PART;
    }
    if (!aux && clitic < 0 && (bits & SL_PP) && !coord &&
        !(g > a && speaker_punct(st, g - 1, ',')))
        return RC_OK; /* a participle alone: "les informations rapportées" */
    bool inverted = clitic >= 0 ||
                    (g > a && (speaker_punct(st, g - 1, ',') || (ti[g - 1].bits & SL_QUE) ||
                               t[g - 1].kind == RC_TOK_QUOTE_CLOSE));
    /* comme l'a déclaré X, ...; ainsi que l'a indiqué X: the subject follows, and so does what
     * is reported */
    bool ahead = false;
    if (!inverted && aux && g >= a + 2 && t[g - 1].kind == RC_TOK_ELISION &&
        (ti[g - 1].bits & SL_DET)) {
        size_t cl;
        const char *cw = st->doc->text + t[g - 2].start;
        cl = t[g - 2].end - t[g - 2].start;
        if ((ti[g - 2].bits & SL_QUE) || (cl == 5 && (memcmp(cw, "comme", 5) == 0 ||
                                                      memcmp(cw, "Comme", 5) == 0)))
            inverted = ahead = true;
    }
    if (inq && !inverted)
        return RC_OK;
    if (verb->after_quote && clitic < 0 &&
        !(g > a && t[g - 1].kind == RC_TOK_QUOTE_CLOSE) &&
        !(g > a + 1 && speaker_punct(st, g - 1, ',') && t[g - 2].kind == RC_TOK_QUOTE_CLOSE))
        return RC_OK; /* L'Iran a lancé une centaine de drones: an action, not words */
    src_np np;
    memset(&np, 0, sizeof np);
    rc_speaker sp;
    bool found = false;
    chain c = {.n = 0, .joint = 0};
    if (coord) {
        const rc_attribution *prev = &st->doc->attrs[st->doc->nattrs - 1];
        for (size_t n = 0; n < prev->nchain; n++)
            chain_add(&c, &prev->chain[n], (prev->joint >> n) & 1u);
        inverted = ahead = false;
    } else if (infin) {
        const src_mem *m = &st->mem[(st->nmem - 1) % SRC_MEM];
        if (m->sent + 1 < ps->sent)
            return RC_OK;
        chain_add(&c, &m->sp, false);
    } else if ((bits & SL_PART) && !aux && clitic < 0) {
        /* citant X is a cue; ajoutant que: the speaker of the clause before; Assurant que ...,
         * elle a indiqué: the subject after the participle's clause */
        if (g > a && !speaker_punct(st, g - 1, ',') && t[g - 1].kind != RC_TOK_QUOTE_CLOSE &&
            speaker_subject_left(st, g, a, &np)) {
            found = true;
        } else if (st->doc->nattrs > ps->sent_first) {
            const rc_attribution *prev = &st->doc->attrs[st->doc->nattrs - 1];
            for (size_t n = 0; n < prev->nchain; n++)
                chain_add(&c, &prev->chain[n], (prev->joint >> n) & 1u);
        } else if (g <= a + 2) {
            uint32_t j = vend;
            while (j < b && !speaker_punct(st, j, ','))
                j++;
            if (j + 1 < b && speaker_np_appos(st, j + 1, b, &np))
                found = true;
        }
    } else if (clitic >= 0) {
        if (!speaker_np(st, (uint32_t)clitic, (uint32_t)clitic + 1, &np))
            return RC_OK;
        found = true;
        if (!(np.bits & (SL_FEM | SL_MASC))) { /* -t-on: a-t-on appris de source militaire */
            for (uint32_t j = vend; j < b && j < vend + CUE_WINDOW; j++) {
                uint32_t e;
                src_np src; /* read aside: a failed read must not clobber the clitic */
                const srclex_cue *cue = cue_at(st, j, b, &e);
                if (cue && cue->cls == SC_SOURCE_OF && speaker_np(st, e - 1, b, &src)) {
                    np = src;
                    *next = np.b;
                    break;
                }
                if (cue && cue->cls == SC_TOLD && j + 1 < b && speaker_np(st, e, b, &src) &&
                    !src.pron) {
                    np = src; /* a-t-on appris auprès de l'armée */
                    break;
                }
            }
        }
    } else if (inverted) {
        uint32_t j = vend;
        for (int n = 0; j < b && n < 4; n++) { /* a estimé jeudi auprès de l'AFP un diplomate */
            uint32_t aside;
            if (((ti[j].bits & SL_ADV) && !(ti[j].bits & TB_NAME)) || t[j].kind == RC_TOK_DATE ||
                t[j].kind == RC_TOK_TIME)
                j++;
            else if ((aside = phrase_aside(st, j, b)) > 1) /* assure pour sa part le commandant */
                j += aside;
            else
                break;
        }
        chain told = {.n = 0, .joint = 0};
        uint32_t e;
        int status = read_told(ps, j, b, true, &told, &e);
        if (status)
            return status;
        uint32_t p = g > a && speaker_punct(st, g - 1, ',') ? g - 1 : g;
        bool after_quote = inq || (p > a && t[p - 1].kind == RC_TOK_QUOTE_CLOSE);
        found = speaker_subject_right(st, e, b, after_quote, &np);
        src_np left;
        if (found && !inq && !after_quote && g > a && speaker_punct(st, g - 1, ',') &&
            speaker_subject_left(st, g, a, &left) && !left.pron && left.a == a &&
            left.na < left.nb && (left.type == RC_ENT_PER || left.ra < left.rb)) {
            np = left; /* Son porte-parole, Avichay Adraee, a appelé sur X les habitants: the
                        * sentence opens on a named subject and its apposition */
            inverted = false;
        } else if (found && np.guessed && !inq && !after_quote && relay_aside_before(st, g, a) &&
                   speaker_subject_left(st, g, a, &left)) {
            np = left; /* des habitants, joints par X, ont dénoncé les tirs: the comma was an
                        * aside's, and the guess after the verb its object */
            inverted = false;
        } else if (!found && !inq && !after_quote) {
            found = speaker_subject_left(st, g, a, &np);
            inverted = false; /* Ivan Petrov, a confirmé: the comma was the name's */
        }
        if (found && np.a >= vend && !speaker_np_via(st, b, &np))
            return RC_OK;
        if (found && np.a >= vend) {
            int s2 = speaker_make(st, &np, &sp);
            if (s2 < 0)
                return s2;
            if (s2)
                return RC_OK;
            chain_add(&c, &sp, false);
            uint32_t after;
            if ((status = read_joint_relays(ps, np.b, b, &c, &after)))
                return status;
            for (size_t n = 0; n < told.n; n++)
                chain_add(&c, &told.link[n], false);
            if ((status = read_told(ps, after, b, false, &c, &after)))
                return status;
            *next = after > vend ? after : vend;
            found = false; /* made */
            np.b = after;
        }
    } else {
        found = speaker_subject_left(st, g, a, &np);
        for (uint32_t j = np.a >= a + 3 ? np.a - 3 : a; found && !np.pron && j + 1 < np.a; j++) {
            uint32_t e;
            const srclex_cue *cue = cue_at(st, j, np.a, &e);
            src_np orig; /* des sources citées par l'agence Reuters évoquent: two links */
            if (cue && cue->cls == SC_RELAY && e == np.a && j > a &&
                speaker_subject_left(st, j, a, &orig) && !orig.pron && orig.b == j) {
                if (own_outlet(st, np.a)) {
                    np = orig; /* un habitant joint par notre rédaction affirme: no relay */
                    break;
                }
                int s2 = speaker_make(st, &orig, &sp);
                if (s2 < 0)
                    return s2;
                if (s2 == 0)
                    chain_add(&c, &sp, false);
                break;
            }
        }
    }
    bool named = !found || speaker_np_via(st, b, &np);
    if (!named && !via_antecedent(ps, &np, &sp))
        return RC_OK; /* le dernier bilan fait état de: nobody named */
    if (found) {
        int status = named ? speaker_make(st, &np, &sp) : 0;
        if (status < 0)
            return status;
        if (status)
            return RC_OK;
        chain_add(&c, &sp, false);
        if (np.b <= g) { /* X, cité par Y, a déclaré; then à l'AFP after the verb */
            uint32_t after;
            if ((status = read_joint_relays(ps, np.b, g, &c, &after)))
                return status;
        }
        uint32_t ce;
        const srclex_cue *front = np.a > a + 2 && speaker_punct(st, np.a - 1, ',') && !np.pron
                                      ? cue_at(st, a, np.a, &ce)
                                      : NULL;
        src_np out; /* Interrogée par France 24, X a estimé; Au micro de RFI, X a dit */
        if (front && (front->cls == SC_RELAY || (front->cls == SC_TOLD && ce > a + 1)) &&
            speaker_np(st, ce, np.a - 1, &out) && !out.pron && out.b == np.a - 1 &&
            (out.na < out.nb || out.type == RC_ENT_ORG)) {
            rc_speaker osp;
            if ((status = speaker_make(st, &out, &osp)) < 0)
                return status;
            if (status == 0)
                chain_add(&c, &osp, false);
        }
        uint32_t e;
        if ((status = read_told(ps, vend, b, false, &c, &e)))
            return status;
        if (e > *next)
            *next = e;
    }
    if (!c.n)
        return RC_OK;
    if (ps->citing.n && ps->citing_tok < i) { /* Citant X, Y a rapporté: X first */
        chain full = ps->citing;
        for (size_t n = 0; n < c.n; n++)
            chain_add(&full, &c.link[n], (c.joint >> n) & 1u);
        c = full;
        ps->citing.n = 0;
    }
    if (ahead)
        inverted = false;
    /* the quote it belongs to, and the scope */
    int32_t quote = -1;
    uint32_t sa, sb;
    if (inq) {
        quote = quote_around(ps, i);
    } else if (inverted) {
        uint32_t p = g;
        if (p > a && speaker_punct(st, p - 1, ','))
            p--;
        if (p > 0 && t[p - 1].kind == RC_TOK_QUOTE_CLOSE)
            quote = quote_around(ps, p - 1);
        for (int32_t q = (int32_t)quotes_before(ps, g) - 1; quote < 0 && q >= 0; q--) {
            if (ps->qt[q].oa < a && quote_last(&ps->qt[q]) < a)
                break;
            if (quote_last(&ps->qt[q]) < g && !st->doc->quotes[q].has_speaker &&
                ps->qt[q].words > 2)
                quote = q; /* « … », où …, ont déclaré X */
        }
    } else {
        uint32_t j = ahead ? *next : vend;
        for (uint32_t n = 0; j < b && n < 5; n++, j++) {
            if (t[j].kind == RC_TOK_QUOTE_OPEN) {
                quote = quote_around(ps, j);
                if (quote >= 0 && quote_is_term(ps, (size_t)quote))
                    quote = -1;
                break;
            }
            if (!(speaker_punct(st, j, ':') || (ahead && speaker_punct(st, j, ',')) ||
                  (ti[j].bits & (SL_QUE | SL_DET | SL_PREP | SL_ADV))))
                break;
        }
    }
    if (quote >= 0) {
        quote_scope(ps, (size_t)quote, &sa, &sb);
        if (inverted && !inq && ps->qt[quote].oa + 1 > a) { /* the whole sentence before */
            sa = a;
            sb = g;
            if (sb > a && speaker_punct(st, sb - 1, ','))
                sb--;
        }
    } else if (inverted) {
        sa = a;
        sb = g;
        if (sb > a && speaker_punct(st, sb - 1, ','))
            sb--;
        for (int32_t q = (int32_t)quotes_before(ps, a) - 1; q >= 0; q--) /* across sentences */
            if (ps->qt[q].oa < a && quote_last(&ps->qt[q]) >= a) {
                sa = ps->qt[q].oa + 1;
                break;
            } else if (quote_last(&ps->qt[q]) < a)
                break;
    } else {
        sa = *next;
        while (sa < b && (speaker_punct(st, sa, ':') || (ahead && speaker_punct(st, sa, ',')) ||
                          (ti[sa].bits & SL_QUE)))
            sa++;
        sb = sent_end_trim(ps);
    }
    if (sb <= sa) {
        sa = a;
        sb = sent_end_trim(ps);
    }
    /* the attribution's span: from the verb group or the subject to the end of what was read */
    uint32_t span_a = g, span_b = *next;
    if (found && np.a < span_a)
        span_a = np.a;
    if (found && np.b > span_b)
        span_b = np.b;
    int status = add_attr(ps, span_a, span_b, sa, sb, verb->lemma, &c, quote,
                          verb->cls == SV_DENY);
    if (status)
        return status;
    if (quote >= 0)
        give_quote(ps, (size_t)quote, &c.link[0], verb->lemma);
    if (!inq && !inverted) { /* partial quotes further in the clause: X a dit que « … » */
        for (size_t q = quote >= 0 ? (size_t)quote + 1 : ps->qnext; q < st->doc->nquotes; q++) {
            if (ps->qt[q].oa >= b)
                break;
            if (ps->qt[q].oa > i && !quote_is_term(ps, q))
                give_quote(ps, q, &c.link[0], verb->lemma);
        }
    }
    speaker_remember(st, &c.link[0], ps->sent, np.bits);
    return RC_OK;
}

/* selon X, d'après X, pour X, de source X, toujours selon X: an attribution over the clause or
 * sentence. */
static int on_according(pass *ps, uint32_t i, uint32_t e, const srclex_cue *cue, uint32_t *next)
{
    src_state *st = ps->st;
    rc_doc *doc = st->doc;
    uint32_t a = ps->a, b = ps->b;
    *next = e;
    chain c = {.n = 0, .joint = 0};
    src_np np;
    rc_speaker sp;
    uint32_t end = e;
    bool previous = cue->cls == SC_SAME;
    rc_morph pm;
    if (e > i + 1 && rc_fr_morph_tok(st->doc, i, &pm) && (pm.flags & RC_M_PPAS)) {
        /* a cue that opens on a participle (confirmé par), negated: ce chiffre n'a pas été
         * confirmé par les autorités, who did not vouch for it */
        for (uint32_t k = i; k > a && i - k < 5 && (st->ti[k - 1].bits & TB_WORD); k--)
            if (st->ti[k - 1].bits & SL_NEG)
                return RC_OK;
    }
    if (!previous) {
        uint32_t from = cue->cls == SC_SOURCE_OF ? e - 1 : e;
        int status = read_source(ps, from, b, cue->cls == SC_ACCORDING, &np, &sp);
        if (status < 0)
            return status;
        if (status && cue->cls != SC_CONTINUE)
            return RC_OK;
        if (cue->cls == SC_CONTINUE && (status || np.na == np.nb || np.pron))
            previous = true; /* toujours selon l'agence */
        else if (!status) {
            if (cue->cls == SC_FOR && (i != a || np.b >= b || !speaker_punct(st, np.b, ',') ||
                                       (np.type == RC_ENT_MISC && np.na == np.nb)))
                return RC_OK; /* pour X, at the start of a sentence only */
            chain_add(&c, &sp, false);
            if ((status = read_joint_relays(ps, np.b, b, &c, &end)))
                return status;
        }
    }
    if (previous) {
        const rc_attribution *prev = NULL;
        for (size_t n = doc->nattrs; n-- > 0;)
            if (doc->attrs[n].start < doc->toks[i].start) {
                prev = &doc->attrs[n];
                break;
            }
        if (!prev)
            return RC_OK;
        for (size_t n = 0; n < prev->nchain; n++)
            chain_add(&c, &prev->chain[n], (prev->joint >> n) & 1u);
        if (end < e)
            end = e;
        if (cue->cls == SC_CONTINUE && end == e) {
            src_np skip;
            if (speaker_np(st, e, b, &skip))
                end = skip.b;
        }
    }
    *next = end;
    /* scope: after it when it opens the sentence, before it when it closes it, else all */
    uint32_t sa = a, sb = sent_end_trim(ps);
    uint32_t lead = a;
    while (lead < i && (st->ti[lead].bits & SL_ADV)) /* Toujours selon */
        lead++;
    if (i == lead || (i > a && speaker_punct(st, i - 1, ',') && i == a + 1)) {
        sa = end;
        if (sa < b && speaker_punct(st, sa, ','))
            sa++;
    } else if (i > a && speaker_punct(st, i - 1, ',') && end >= sent_end_trim(ps)) {
        sb = i - 1;
    }
    if (sb <= sa) {
        sa = a;
        sb = sent_end_trim(ps);
    }
    int32_t quote = -1;
    for (size_t q = ps->qnext; q < doc->nquotes; q++) { /* quotes it covers */
        if (ps->qt[q].oa >= sb)
            break;
        if (ps->qt[q].oa >= sa && !doc->quotes[q].has_speaker && ps->qt[q].words > 2) {
            give_quote(ps, q, &c.link[0], NULL);
            if (quote < 0)
                quote = (int32_t)q;
        }
    }
    const char *name = cue->cls == SC_SOURCE_OF ? "de source" : cue->phrase;
    int status = add_attr(ps, i, end, sa, sb, name, &c, quote, false);
    if (status)
        return status;
    if (!previous)
        speaker_remember(st, &c.link[0], ps->sent, np.bits);
    return RC_OK;
}

/* The subject of the clause a quotation sits in, for quotes no verb or cue claimed: the
 * attribution made just before it in its sentence, else the sentence's first source phrase. */
static int quote_fallback(pass *ps, size_t q)
{
    src_state *st = ps->st;
    rc_doc *doc = st->doc;
    const quote_tok *qt = &ps->qt[q];
    if (doc->quotes[q].has_speaker || qt->words <= 2)
        return RC_OK;
    uint32_t s = speaker_sent_of(st, qt->oa), a = speaker_sent_a(st, s);
    if (qt->oa == a) { /* a quotation standing alone goes on with the speaker just quoted */
        if (s > 0 && ps->sent_attr[s] > ps->sent_attr[s - 1]) /* X décrit la scène. « … » */
            give_quote(ps, q, &doc->attrs[ps->sent_attr[s] - 1].chain[0], NULL);
        else if (ps->has_last && ps->last_sent + 1 >= s && ps->last_sent < s)
            give_quote(ps, q, &ps->last, NULL);
        return RC_OK;
    }
    uint32_t qstart = doc->toks[qt->oa].start;
    for (size_t n = doc->nattrs; n-- > ps->sent_first;) {
        const rc_attribution *at = &doc->attrs[n];
        if (at->end <= qstart && at->start >= doc->toks[a].start) {
            give_quote(ps, q, &at->chain[0], at->cue);
            return RC_OK;
        }
    }
    uint32_t j = a;
    if (st->ti[j].bits & SL_LOC) { /* Dans la journée, le Centre … */
        while (j < qt->oa && !speaker_punct(st, j, ','))
            j++;
        j++;
    }
    src_np np;
    if (j >= qt->oa || !speaker_np_appos(st, j, qt->oa, &np) || np.pron ||
        (np.na == np.nb && np.head != SL_ROLE && np.head != SL_SRC && np.head != SL_ORG))
        return RC_OK;
    if ((np.b + 1 < qt->oa && speaker_punct(st, np.b, ':')) || np.type == RC_ENT_LOC)
        return RC_OK; /* Sahel : l'offensive est « une question de jours »; Bria : « … »: a topic,
                       * a place, not a speaker */
    rc_speaker sp;
    int status = speaker_make(st, &np, &sp);
    if (status)
        return status < 0 ? status : RC_OK;
    chain c = {.n = 0, .joint = 0};
    chain_add(&c, &sp, false);
    uint32_t sa, sb;
    quote_scope(ps, q, &sa, &sb);
    if ((status = add_attr(ps, np.a, np.b, sa, sb, "«»", &c, (int32_t)q, false)))
        return status;
    give_quote(ps, q, &sp, NULL);
    speaker_remember(st, &sp, s, np.bits);
    return RC_OK;
}

/* A quotation with no speaker that a later one repeats inside its own words (a headline
 * « on ne compte plus les familles » and, below, « … On ne compte plus les familles qui
 * arrivent », raconte X) takes that quotation's speaker. Each is compared with the next eight
 * quotations that have a speaker; long texts are not compared. */
static void quote_echo(pass *ps)
{
    rc_doc *doc = ps->st->doc;
    char fa[256], fb[1024];
    /* each later quotation is folded once however many earlier ones are compared with it:
     * folded[r] (in the arena) with its length, or NULL when not yet folded */
    char **folded = NULL;
    size_t *flen = NULL;
    for (size_t q = 0; q < doc->nquotes; q++) {
        rc_quote *qu = &doc->quotes[q];
        if (qu->has_speaker || ps->qt[q].words < 3)
            continue;
        size_t la = rc_fold(doc->text + qu->start, qu->end - qu->start, fa, sizeof fa - 1);
        if (la >= sizeof fa - 1)
            continue;
        fa[la] = '\0';
        const char *pa = fa; /* the spaces inside the marks are no part of the words */
        while (*pa == ' ')
            pa++;
        while (la > (size_t)(pa - fa) && fa[la - 1] == ' ')
            fa[--la] = '\0';
        if (la <= (size_t)(pa - fa) + 8)
            continue;
        int tried = 0;
        for (size_t r = q + 1; r < doc->nquotes && tried < 8; r++) {
            const rc_quote *o = &doc->quotes[r];
            if (!o->has_speaker)
                continue;
            tried++;
            if (!folded) {
                folded = rc_arena_alloc(&doc->arena, doc->nquotes * sizeof *folded);
                flen = rc_arena_alloc(&doc->arena, doc->nquotes * sizeof *flen);
                if (folded && flen)
                    memset(folded, 0, doc->nquotes * sizeof *folded);
                else
                    folded = NULL;
            }
            const char *pb = fb;
            size_t lb;
            if (folded && folded[r]) {
                pb = folded[r];
                lb = flen[r];
            } else {
                lb = rc_fold(doc->text + o->start, o->end - o->start, fb, sizeof fb - 1);
                if (lb < sizeof fb - 1)
                    fb[lb] = '\0';
                size_t keep = lb < sizeof fb - 1 ? lb + 1 : 0; /* too long: only its length */
                if (folded && (folded[r] = rc_arena_alloc(&doc->arena, keep ? keep : 1)) != NULL) {
                    memcpy(folded[r], keep ? fb : "", keep ? keep : 1);
                    flen[r] = lb;
                }
            }
            if (lb >= sizeof fb - 1 || lb <= la)
                continue;
            if (strstr(pb, pa)) {
                qu->has_speaker = 1;
                qu->speaker = o->speaker; /* named where the repeated quotation's is */
                break;
            }
        }
    }
}

/* Orders attributions by start (stable for equal starts, by the order they were made). */
static int cmp_attr(const void *x, const void *y)
{
    const rc_attribution *p = x, *q = y;
    if (p->start != q->start)
        return p->start < q->start ? -1 : 1;
    return p->scope_start < q->scope_start ? -1 : p->scope_start > q->scope_start;
}

int attrib_run(src_state *st, const quote_tok *qt)
{
    rc_doc *doc = st->doc;
    pass ps;
    memset(&ps, 0, sizeof ps);
    ps.st = st;
    ps.qt = qt;
    doc->attrs = NULL;
    doc->nattrs = 0;
    ps.sent_attr = rc_arena_alloc(&doc->arena, (doc->nsents + 1) * sizeof *ps.sent_attr);
    if (!ps.sent_attr)
        return RC_ENOMEM;
    size_t act = 0; /* the next token of st->acts to read */
    for (uint32_t s = 0; s < doc->nsents; s++) {
        ps.sent_attr[s] = doc->nattrs;
        ps.sent = s;
        ps.a = speaker_sent_a(st, s);
        ps.b = speaker_sent_b(st, s);
        ps.sent_first = doc->nattrs;
        ps.citing.n = 0;
        for (uint32_t i = ps.a; i < ps.b;) {
            while (act < st->nacts && st->acts[act] < i)
                act++; /* the tokens between start no cue and report nothing */
            if (act >= st->nacts || st->acts[act] >= ps.b)
                break;
            i = st->acts[act];
            uint32_t next = i + 1, e;
            int status = RC_OK;
            bool inq = (st->ti[i].bits & TB_INQ) != 0;
            const srclex_cue *cue = inq ? NULL : cue_at(st, i, ps.b, &e);
            if (cue) {
                switch (cue->cls) {
                case SC_ACCORDING:
                case SC_CONTINUE:
                case SC_SAME:
                case SC_SOURCE_OF:
                case SC_FOR:
                    status = on_according(&ps, i, e, cue, &next);
                    break;
                case SC_CITING: {
                    src_np np;
                    rc_speaker sp;
                    status = read_source(&ps, e, ps.b, false, &np, &sp);
                    if (status == RC_OK) {
                        chain_add(&ps.citing, &sp, false);
                        ps.citing_tok = i;
                        next = np.b;
                        status = RC_OK;
                    } else if (status > 0)
                        status = RC_OK;
                    break;
                }
                case SC_VERB:
                    status = on_verb(&ps, i, e, cue->verb, &next);
                    if (next < e)
                        next = e;
                    break;
                case SC_RELAY: /* X, cité par Y: read with X */
                case SC_NONE:  /* vérifié de source indépendante: nobody */
                    next = e;
                    break;
                default:
                    cue = NULL;
                    break;
                }
            }
            if (!cue && (st->ti[i].bits & SL_VERB) && st->ti[i].verb >= 0)
                status = on_verb(&ps, i, i + 1, st->ti[i].verb, &next);
            if (status)
                return status;
            i = next > i ? next : i + 1;
        }
        if (ps.citing.n && doc->nattrs > ps.sent_first) { /* Y a rapporté, citant X */
            rc_attribution *at = &doc->attrs[doc->nattrs - 1];
            chain full = ps.citing;
            for (size_t n = 0; n < at->nchain; n++)
                chain_add(&full, &at->chain[n], (at->joint >> n) & 1u);
            rc_speaker *links = rc_arena_alloc(&doc->arena, full.n * sizeof *links);
            if (!links)
                return RC_ENOMEM;
            memcpy(links, full.link, full.n * sizeof *links);
            at->chain = links;
            at->nchain = full.n;
            at->joint = full.joint;
        }
        /* quotes that end in this sentence and still have no speaker */
        while (ps.qnext < doc->nquotes && quote_last(&qt[ps.qnext]) < ps.b) {
            int status = quote_fallback(&ps, ps.qnext);
            if (status)
                return status;
            ps.qnext++;
        }
        speaker_scan_names(st, ps.a, ps.b, s);
    }
    quote_echo(&ps);
    if (doc->nattrs > 1)
        qsort(doc->attrs, doc->nattrs, sizeof *doc->attrs, cmp_attr);
    return RC_OK;
}
