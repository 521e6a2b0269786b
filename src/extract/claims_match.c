/*
 * claims_match.c - the document's tokens as the claims stage reads them: positions (the token at
 * a byte, the number holding a token, the tokens of a sentence), what the lexicons say of each
 * word (surface form and lemma, looked up once per token), and the longest phrase of the claims
 * table that starts at a token within a window. cl_match, the hot entry point, is inline in
 * claims_int.h; the slow path that fills the per-token cache is here.
 */
#include <math.h>
#include <string.h>

#include "core/words.h"
#include "extract/claims_int.h"
#include "extract/gazetteer.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* The index of the first token that starts at or after off (a binary search). */
size_t cl_tok_at(const rc_doc *doc, uint32_t off)
{
    return rc_toks_from(doc->toks, doc->ntoks, off);
}

/* cl_tok_at searched from token h, a guess near the answer (the tokens of the sentence or number
 * next to one already placed): galloping away from h, then a binary search of the last stride,
 * finds the same token in a few steps. */
size_t cl_tok_near(const rc_doc *doc, size_t h, uint32_t off)
{
    const rc_token *t = doc->toks;
    size_t n = doc->ntoks;
    if (h > n)
        h = n;
    if (h < n && t[h].start < off) { /* the answer lies after h */
        size_t step = 1, p = h + 1;
        while (p < n && t[p].start < off) {
            h = p;
            step *= 2;
            p = h + step;
        }
        if (p > n)
            p = n;
        return h + 1 + rc_toks_from(t + h + 1, p - (h + 1), off);
    }
    /* the answer is h or lies before it: t[h] starts at or after off (or h is the end) */
    size_t step = 1, hi = h;
    while (hi >= step && t[hi - step].start >= off) {
        hi -= step;
        step *= 2;
    }
    size_t lo = hi >= step ? hi - step + 1 : 0;
    return lo + rc_toks_from(t + lo, hi - lo, off);
}

/* The index of the number whose span holds byte off, or -1 (a binary search). */
long cl_num_at(const rc_doc *doc, uint32_t off)
{
    size_t lo = RC_FIRST_ENDING_AFTER(rc_number, doc->nums, doc->nnums, off);
    return lo < doc->nnums && doc->nums[lo].start <= off ? (long)lo : -1;
}

/* cl_num_tok's search (see claims_int.h): the number the search finds for token i's start, and
 * the stretch of bytes around it for which it finds the same, kept when the numbers' ends are
 * in order: from the end of the number before to the end of that number. */
long cl_num_tok_search(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    uint32_t off = doc->toks[i].start;
    size_t p = RC_FIRST_ENDING_AFTER(rc_number, doc->nums, doc->nnums, off);
    if (d->nums_ordered) {
        d->gap->p = p;
        d->gap->lo = p > 0 ? doc->nums[p - 1].end : 0;
        d->gap->hi = p < doc->nnums ? doc->nums[p].end : UINT32_MAX;
    }
    return p < doc->nnums && doc->nums[p].start <= off ? (long)p : -1;
}

/* The first token of number k, kept per number; searched from the number before when it is
 * placed (the figures are read in text order). */
size_t cl_num_t0(const cl_doc *d, size_t k)
{
    if (!d->numt[2 * k]) {
        uint32_t off = d->doc->nums[k].start;
        size_t t = k > 0 && d->numt[2 * k - 1] ? cl_tok_near(d->doc, d->numt[2 * k - 1] - 1, off)
                                               : cl_tok_at(d->doc, off);
        d->numt[2 * k] = (uint32_t)t + 1;
    }
    return d->numt[2 * k] - 1;
}

/* The first token after number k, kept per number; searched from its first token. */
size_t cl_num_t1(const cl_doc *d, size_t k)
{
    if (!d->numt[2 * k + 1])
        d->numt[2 * k + 1] =
            (uint32_t)cl_tok_near(d->doc, cl_num_t0(d, k), d->doc->nums[k].end) + 1;
    return d->numt[2 * k + 1] - 1;
}

/* The tokens [*a, *b) of sentence s, kept per sentence; searched from a neighbour already
 * placed (the claims read a sentence and the few around it). */
void cl_sent_toks(const cl_doc *d, size_t s, size_t *a, size_t *b)
{
    cl_sent *st = &d->sents[s];
    if (!st->known) {
        const rc_doc *doc = d->doc;
        uint32_t off = doc->sents[s].start;
        size_t t0;
        if (s > 0 && d->sents[s - 1].known)
            t0 = cl_tok_near(doc, d->sents[s - 1].t1, off);
        else if (s + 1 < doc->nsents && d->sents[s + 1].known)
            t0 = cl_tok_near(doc, d->sents[s + 1].t0, off);
        else
            t0 = cl_tok_at(doc, off);
        st->t0 = (uint32_t)t0;
        /* the end: from the next sentence's first token when it is placed (mostly the same),
         * else from a guess of one token per six bytes, nearer than the first token */
        size_t h1;
        if (s + 1 < doc->nsents && d->sents[s + 1].known)
            h1 = d->sents[s + 1].t0;
        else
            h1 = t0 + (doc->sents[s].end - doc->sents[s].start) / 6;
        st->t1 = (uint32_t)cl_tok_near(doc, h1, doc->sents[s].end);
        st->known = 1;
    }
    *a = st->t0;
    *b = st->t1;
}

/* Whether byte off lies inside a time expression (times are in text order). */
bool cl_in_time(const rc_doc *doc, uint32_t off)
{
    size_t lo = RC_FIRST_ENDING_AFTER(rc_time, doc->times, doc->ntimes, off);
    return lo < doc->ntimes && doc->times[lo].start <= off;
}

/* Whether the capitalised word at [s, e) names a place: a LOC entity starting there when the
 * entities stage found any, else a word that is not all capitals (2,5 % du PIB is no place). */
bool cl_place_at(const rc_doc *doc, uint32_t s, uint32_t e)
{
    if (doc->nents) {
        for (size_t i = 0; i < doc->nents; i++)
            if (doc->ents[i].start == s)
                return doc->ents[i].type == RC_ENT_LOC;
        return false;
    }
    for (uint32_t k = s + 1; k < e; k++)
        if (doc->text[k] >= 'a' && doc->text[k] <= 'z')
            return true;
    return false;
}

/* Whether the capitalised word at offset s may name a people (Soudanais): a MISC entity starts
 * there, or none does; a place, an organisation or a person (27 Etats, 3 Mirage) does not. */
bool cl_people_at(const rc_doc *doc, uint32_t s)
{
    size_t lo = RC_FIRST_STARTING(rc_entity, doc->ents, doc->nents, s);
    return lo >= doc->nents || doc->ents[lo].start != s || doc->ents[lo].type == RC_ENT_MISC;
}

/* See claims_int.h: the people's own test is cl_people_at's. */
bool cl_people_word(const cl_doc *d, size_t i, size_t s1, bool one)
{
    const rc_doc *doc = d->doc;
    return i < s1 && doc->toks[i].kind == RC_TOK_WORD && (doc->toks[i].flags & RC_TF_UPPER) &&
           !cl_word_at(d, i) && (one || doc->text[doc->toks[i].end - 1] == 's') &&
           cl_people_at(doc, doc->toks[i].start);
}

/* See claims_int.h: the entry of ent_demonyms.txt is the masculine singular; the feminine and
 * plural forms are read back to it as the entity recognizer does (syriens, afghanes,
 * ivoiriennes; soudanais is its own plural). */
bool cl_demonym_word(const cl_doc *d, size_t i, size_t s1)
{
    const rc_doc *doc = d->doc;
    const rc_lexicon *lx = d->t->demonyms;
    if (!lx || i >= s1 || doc->toks[i].kind != RC_TOK_WORD || (doc->toks[i].flags & RC_TF_UPPER) ||
        cl_word_at(d, i))
        return false;
    const char *s = doc->text + doc->toks[i].start;
    size_t n = doc->toks[i].end - doc->toks[i].start;
    if (n < 4 || s[n - 1] != 's')
        return false; /* a figure of several counts a plural */
    return rc_lex_get(lx, s, n) || rc_lex_get(lx, s, n - 1) ||
           (s[n - 2] == 'e' && rc_lex_get(lx, s, n - 2)) ||
           (n > 4 && memcmp(s + n - 3, "nes", 3) == 0 && rc_lex_get(lx, s, n - 3));
}

/* See claims_int.h. */
size_t cl_armed_at(const rc_doc *doc, uint32_t s)
{
    size_t lo = RC_FIRST_STARTING(rc_entity, doc->ents, doc->nents, s);
    if (lo >= doc->nents || doc->ents[lo].start != s || doc->ents[lo].type != RC_ENT_ORG)
        return 0;
    const rc_entity *en = &doc->ents[lo];
    const rc_gaz *g = rc_gaz_get(doc->ctx);
    if (!g || !rc_gaz_org_is(g, doc->text + en->start, en->end - en->start, en->canon, "armed"))
        return 0;
    return rc_toks_from(doc->toks, doc->ntoks, en->end) -
           rc_toks_from(doc->toks, doc->ntoks, en->start);
}

/* Marks a word looked up and found in no lexicon, in the per-token cache. */
static const cl_entry cl_none;

/* The table's entry of the word at token i as written (possibly a mere prefix), or NULL: a
 * function of the word alone, kept in the thread's word table across documents. */
static const cl_entry *cl_surf_of(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    uint64_t v;
    if (rc_word_get(doc, i, RC_WM_CL_SURF, &v))
        return (const cl_entry *)(uintptr_t)v;
    const rc_token *tk = &doc->toks[i];
    const cl_entry *found = NULL;
    char key[RC_LEX_MAXKEY];
    int maybe = 1;
    if (tk->end - tk->start >= 2) {
        /* most words start no key: ruled out by their first two bytes, before folding */
        const unsigned char *u = (const unsigned char *)doc->text + tk->start;
        if (u[0] < 0x80 && u[1] < 0x80) {
            unsigned a = (unsigned)(u[0] - 'A') < 26u ? u[0] + 32u : u[0];
            unsigned b = (unsigned)(u[1] - 'A') < 26u ? u[1] + 32u : u[1];
            unsigned bit = cl_pair_bit((unsigned char)a, (unsigned char)b);
            maybe = (d->t->pairs[bit >> 6] >> (bit & 63)) & 1;
        }
    }
    if (maybe) {
        size_t fl = rc_fold(doc->text + tk->start, tk->end - tk->start, key, sizeof key);
        found = fl <= sizeof key ? cl_lookup(d->t, key, fl) : NULL;
    }
    rc_word_set(doc, i, RC_WM_CL_SURF, (uint64_t)(uintptr_t)found);
    return found;
}

/* The entry (not a mere prefix) of the lemma of the word at token i, when the morphology knows
 * the form; NULL otherwise. Kept like cl_surf_of. */
static const cl_entry *cl_lemma_of(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    uint64_t v;
    if (rc_word_get(doc, i, RC_WM_CL_LEMMA, &v))
        return (const cl_entry *)(uintptr_t)v;
    const cl_entry *found = NULL;
    rc_morph m;
    if (rc_fr_morph_tok(doc, i, &m) && m.lemma) {
        char key[RC_LEX_MAXKEY];
        size_t fl = rc_fold(m.lemma, strlen(m.lemma), key, sizeof key);
        const cl_entry *e = fl <= sizeof key ? cl_lookup(d->t, key, fl) : NULL;
        if (e && !e->prefix)
            found = e;
    }
    rc_word_set(doc, i, RC_WM_CL_LEMMA, (uint64_t)(uintptr_t)found);
    return found;
}

/* Fills w, token i's record, with the entry of the word alone (possibly a mere prefix) and of
 * its lemma: cl_word_info's first reading of a token. */
static inline void cl_word_fill(const cl_doc *d, size_t i, cl_word *w)
{
    const rc_doc *doc = d->doc;
    w->surf = &cl_none;
    w->lemma = &cl_none;
    unsigned k = doc->toks[i].kind;
    if (k != RC_TOK_WORD && k != RC_TOK_ELISION && k != RC_TOK_CLITIC)
        return;
    /* both answers are usually kept in the word's record already: read it once */
    const rc_word *rw = rc_word_at(doc, i);
    const cl_entry *e = rw && (rw->have >> RC_WM_CL_SURF & 1u)
                            ? (const cl_entry *)(uintptr_t)rw->memo[RC_WM_CL_SURF]
                            : cl_surf_of(d, i);
    if (e)
        w->surf = e;
    if ((!e || e->prefix) && k == RC_TOK_WORD) {
        e = rw && (rw->have >> RC_WM_CL_LEMMA & 1u)
                ? (const cl_entry *)(uintptr_t)rw->memo[RC_WM_CL_LEMMA]
                : cl_lemma_of(d, i);
        if (e)
            w->lemma = e;
    }
}

/* The entry of the word at token i alone (possibly a mere prefix), and of its lemma: looked up
 * once per token and kept in d->words. */
static inline const cl_word *cl_word_info(const cl_doc *d, size_t i)
{
    cl_word *w = cl_w(d, i);
    if (!w->surf)
        cl_word_fill(d, i, w);
    return w;
}

/* Whether token i is an elided word whose folded form ends with an apostrophe (l', d', qu'),
 * as the keys of the claims table write it before the next word. */
static bool cl_elision_apos(const rc_doc *doc, size_t i)
{
    const rc_token *tk = &doc->toks[i];
    const unsigned char *u = (const unsigned char *)doc->text;
    size_t n = tk->end - tk->start;
    return (n >= 1 && u[tk->end - 1] == '\'') ||
           (n >= 3 && u[tk->end - 3] == 0xE2 && u[tk->end - 2] == 0x80 && u[tk->end - 1] == 0x99);
}

/* The classes of the cues that the word at token i (a word or an elided word) may end, a bit set
 * of 1 << CL_M_* (see cl_cue_end_from): the answer for the word (with its lemma whatever the
 * token's kind, which only makes it more cautious), kept per word. */
static unsigned cl_word_ends(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    uint64_t v;
    if (rc_word_get(doc, i, RC_WM_CL_ENDS, &v))
        return (unsigned)v;
    const cl_entry *s = cl_surf_of(d, i);
    unsigned ends = s ? s->tails : 0;
    if (!s || s->prefix) {
        const cl_entry *l = cl_lemma_of(d, i);
        if (l && l->mod > CL_M_NONE)
            ends |= 1u << l->mod;
    }
    rc_word_set(doc, i, RC_WM_CL_ENDS, ends);
    return ends;
}

/* The quick answers of the word at token i (a word or an elided word with a record) for the two
 * sets of classes the stage scans sentences for, set from cl_word_ends on first use. */
static unsigned cl_word_endbits(const cl_doc *d, size_t i, uint32_t id)
{
    uint8_t bits = d->doc->wbits[id];
    if (!(bits & RC_WB_CL_ENDSET)) {
        unsigned ends = cl_word_ends(d, i);
        bits |= RC_WB_CL_ENDSET;
        if (ends & CL_DOUBT)
            bits |= RC_WB_CL_DOUBT;
        if (ends & (1u << CL_M_REPORT | 1u << CL_M_DENY))
            bits |= RC_WB_CL_REPORT;
        d->doc->wbits[id] = bits;
    }
    return bits;
}

/* cl_cue_end_from for the classes of doubt, or of report and denial: the word's answer is one
 * bit of the dense array of quick answers (core/words.h), which a scan of whole sentences reads
 * for every word without touching the words' records. */
static size_t cl_cue_end_bits(const cl_doc *d, size_t a, size_t b, unsigned want)
{
    const rc_doc *doc = d->doc;
    const rc_token *tk = doc->toks;
    const uint32_t *wids = doc->wids;
    const uint8_t *wbits = doc->wbits;
    unsigned pk = a > 0 && a < b ? tk[a - 1].kind : RC_TOK_WORD; /* the kind of token a - 1 */
    for (unsigned k; a < b; a++, pk = k) {
        k = tk[a].kind;
        if (k != RC_TOK_WORD) {
            if (k == RC_TOK_CLITIC)
                return a; /* a phrase takes it on without a space */
            if (k != RC_TOK_ELISION)
                continue;
        }
        if (pk == RC_TOK_ELISION && !cl_elision_apos(doc, a - 1))
            return a; /* an apostrophe the keys do not write: no word boundary to rely on */
        uint32_t id = wids[a];
        unsigned bits;
        if (id == UINT32_MAX) /* no record: the word's classes asked directly */
            bits = cl_word_ends(d, a) & (want == RC_WB_CL_DOUBT
                                             ? CL_DOUBT
                                             : (1u << CL_M_REPORT | 1u << CL_M_DENY))
                       ? want
                       : 0u;
        else if ((bits = wbits[id]) & RC_WB_CL_ENDSET)
            ;
        else
            bits = cl_word_endbits(d, a, id);
        if (bits & want)
            return a;
    }
    return a;
}

/* The first token in [a, b) where a cue of a class in mods may end, or b (see claims_int.h). */
size_t cl_cue_end_from(const cl_doc *d, size_t a, size_t b, unsigned mods)
{
    if (d->doc->wids && d->doc->wbits && a < b) {
        if (mods == CL_DOUBT)
            return cl_cue_end_bits(d, a, b, RC_WB_CL_DOUBT);
        if (mods == (1u << CL_M_REPORT | 1u << CL_M_DENY))
            return cl_cue_end_bits(d, a, b, RC_WB_CL_REPORT);
    }
    /* the last token of a phrase matched by cl_match_at is a clitic, or a word with an entry
     * of its own appended after a space or after an elided word's apostrophe; a word alone is
     * its entry or its lemma's. Every token of the sentences scanned passes here: the word's
     * answer is read straight from its record when it is there. */
    const rc_doc *doc = d->doc;
    const rc_token *tk = doc->toks;
    const uint32_t *wids = doc->wids;
    const rc_word *words = doc->words;
    if (!mods)
        return a < b ? b : a;
    unsigned pk = a > 0 && a < b ? tk[a - 1].kind : RC_TOK_WORD; /* the kind of token a - 1 */
    for (unsigned k; a < b; a++, pk = k) {
        k = tk[a].kind;
        if (k == RC_TOK_CLITIC)
            return a; /* a phrase takes it on without a space */
        if (k != RC_TOK_WORD && k != RC_TOK_ELISION)
            continue;
        if (pk == RC_TOK_ELISION && !cl_elision_apos(doc, a - 1))
            return a; /* an apostrophe the keys do not write: no word boundary to rely on */
        uint32_t id = wids ? wids[a] : UINT32_MAX;
        unsigned ends;
        if (id != UINT32_MAX && (words[id].have >> RC_WM_CL_ENDS & 1u))
            ends = (unsigned)words[id].memo[RC_WM_CL_ENDS];
        else
            ends = cl_word_ends(d, a);
        if (ends & mods)
            return a;
    }
    return a;
}

/* Whether the words at tokens i and i + 1 (both with entries, or a clitic second) may begin a
 * key: the joins filter of the table, for a second word with an entry of its own and a first
 * one that is no elided word with an apostrophe the keys do not write. */
static bool cl_join_open(const cl_doc *d, size_t i, const cl_entry *a, const cl_entry *b)
{
    const rc_doc *doc = d->doc;
    if (doc->toks[i + 1].kind == RC_TOK_CLITIC)
        return true;
    int space = doc->toks[i].kind != RC_TOK_ELISION;
    if (!space && !cl_elision_apos(doc, i))
        return true;
    return cl_join_may(d->t, a, b, space);
}

/* The entry whose key is cur's followed without a space by the folded token j (a clitic:
 * a-t-il), or NULL. */
static const cl_entry *cl_join_text(const cl_doc *d, const cl_entry *cur, size_t j)
{
    const rc_token *tk = &d->doc->toks[j];
    char key[RC_LEX_MAXKEY];
    size_t kl = cur->klen;
    if (kl > sizeof key)
        return NULL;
    memcpy(key, cur->key, kl);
    size_t room = sizeof key - kl;
    size_t fl = rc_fold(d->doc->text + tk->start, tk->end - tk->start, key + kl, room);
    return fl <= room ? cl_lookup(d->t, key, kl + fl) : NULL;
}

/* The longest entry starting at token i and ending before lim (cl_match without the cache). */
static const cl_entry *cl_match_at(const cl_doc *d, size_t i, size_t lim, size_t *nt)
{
    const rc_doc *doc = d->doc;
    *nt = 0;
    const cl_word *w = cl_word_info(d, i);
    const cl_entry *best = NULL;
    if (w->surf != &cl_none) {
        if (!w->surf->prefix)
            best = w->surf, *nt = 1;
        const cl_entry *ns = NULL; /* the next word's entry, when it is a word */
        if (w->surf->cont && d->t->maxwords > 1 && i + 1 < lim && cl_is_word(doc, i + 1) &&
            ((ns = cl_word_info(d, i + 1)->surf) != &cl_none ||
             doc->toks[i + 1].kind == RC_TOK_CLITIC) &&
            cl_join_open(d, i, w->surf, ns)) {
            /* a phrase: only when the next word is in some key too. The key so far is always
             * an entry of the table (cur): a word with an entry of its own extends it through
             * the pair map after a space or an apostrophe, else (a clitic, an elided word
             * written without one) by its folded text */
            const cl_entry *cur = w->surf;
            for (size_t j = i + 1; j < lim && j < i + (size_t)d->t->maxwords; j++) {
                if (!cl_is_word(doc, j))
                    break;
                const cl_entry *e;
                if (doc->toks[j].kind == RC_TOK_CLITIC) {
                    e = cl_join_text(d, cur, j);
                } else {
                    const cl_entry *we = cl_word_info(d, j)->surf;
                    int space = doc->toks[j - 1].kind != RC_TOK_ELISION;
                    if (we == &cl_none)
                        break;
                    if (space || (cur->klen && cur->key[cur->klen - 1] == '\''))
                        e = cl_joined(d->t, cur, we, space);
                    else
                        e = cl_join_text(d, cur, j);
                }
                if (!e)
                    break;
                cur = e;
                if (!e->prefix) {
                    best = e;
                    *nt = j - i + 1;
                }
            }
        }
    }
    if (!best && w->lemma != &cl_none) {
        best = w->lemma;
        *nt = 1;
    }
    return best;
}

/* Finds token i's longest match up to the end of the text and keeps it in w (see claims_int.h):
 * the rules ask again and again. */
void cl_match_keep(const cl_doc *d, size_t i, cl_word *w)
{
    if (!w->surf)
        cl_word_fill(d, i, w);
    if (w->surf == &cl_none || !w->surf->cont) {
        /* no phrase starts with the word: its own entry, its lemma's or nothing, as cl_match_at
         * finds */
        w->best = w->surf != &cl_none && !w->surf->prefix ? w->surf
                  : w->lemma != &cl_none                  ? w->lemma
                                                          : NULL;
        w->nbest = w->best != NULL;
        w->matched = 1;
        return;
    }
    size_t n;
    w->best = cl_match_at(d, i, d->doc->ntoks, &n);
    w->nbest = (uint8_t)n;
    w->matched = 1;
}

/* Token i's longest match within lim, when the kept one runs past it (see claims_int.h). */
const cl_entry *cl_match_within(const cl_doc *d, size_t i, size_t lim, size_t *nt)
{
    return cl_match_at(d, i, lim, nt);
}

/* See claims_int.h: de, a figure at token i, then a word of class age. */
bool cl_age(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    if (i == 0 || i + 1 >= doc->ntoks || !cl_is_word(doc, i - 1) || !cl_is_word(doc, i + 1) ||
        cl_num_tok(d, i) < 0)
        return false;
    const cl_entry *de = cl_surf_of(d, i - 1), *ae = cl_surf_of(d, i + 1);
    return de && (de->wflags & CL_W_DE) && ae && (ae->wflags & CL_W_AGE);
}

/* Whether the counted noun at token i + 1, after an article at i, is the subject of a toll
 * predicate that follows it: un civil a été tué, un soldat est mort, une femme a aussi été
 * blessée, un homme de 37 ans avait perdu la vie. Between them: at most one word (palestinien)
 * or an age (de 37 ans), then one or two auxiliaries and adverbs. */
static bool cl_one_subject(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    size_t k = i + 2, n = doc->ntoks;
    if (k + 2 < n && cl_age(d, k + 1))
        k += 3; /* de 37 ans */
    else if (k < n && cl_is_word(doc, k)) {
        const cl_entry *we = cl_surf_of(d, k);
        if (we && (we->wflags & CL_W_AND) && k + 2 < n) {
            /* un prêtre et des policiers ont été tués, une femme et deux enfants figurent: a
             * determiner or a figure and a noun of people share the verb */
            const cl_entry *ne = cl_surf_of(d, k + 2);
            const cl_entry *fe = cl_surf_of(d, k + 1);
            if (ne && ne->who >= 0 && ne->who < RC_WHO_VEHICLES &&
                ((fe && (fe->wflags & CL_W_DET)) || cl_num_tok(d, k + 1) >= 0))
                k += 3;
        } else if (!we || !(we->wflags & (CL_W_AUX | CL_W_DE | CL_W_PREP | CL_W_STOP))) {
            k++; /* one word: palestinien, blessé (for its own verb) */
        } else if ((we->wflags & CL_W_DE) && !(we->wflags & CL_W_AUX)) {
            /* un commandant des forces spéciales, un agent de sécurité, un soldat de l'armée
             * malienne: a complement of a determiner and at most two words */
            size_t q = k + 1;
            const cl_entry *qe = q < n && cl_is_word(doc, q) ? cl_surf_of(d, q) : NULL;
            if (qe && (qe->wflags & CL_W_DET))
                q++;
            size_t w0 = q;
            while (q < n && q < w0 + 2 && cl_is_word(doc, q) && cl_num_tok(d, q) < 0 &&
                   (!(qe = cl_surf_of(d, q)) ||
                    !(qe->wflags & (CL_W_AUX | CL_W_DE | CL_W_PREP | CL_W_STOP | CL_W_AND))))
                q++;
            if (q > w0)
                k = q;
        }
    }
    int aux = 0;
    size_t nt;
    while (k < n && k < i + 9 && cl_is_word(doc, k)) {
        const cl_entry *we = cl_surf_of(d, k);
        if (!we || !(we->wflags & (CL_W_AUX | CL_W_ADV))) {
            const cl_entry *pe = cl_match(d, k, n, &nt); /* aurait malgré tout été tuée */
            if (pe && (pe->wflags & CL_W_ADV) && nt >= 2) {
                k += nt;
                continue;
            }
            const cl_entry *ae =
                aux && k + 1 < n && cl_is_word(doc, k + 1) ? cl_surf_of(d, k + 1) : NULL;
            if (!we || !(we->wflags & CL_W_PREP) || !ae || !(ae->wflags & CL_W_AUX))
                break;
            k++; /* un gendarme a depuis été arrêté: a preposition alone between auxiliaries */
            continue;
        }
        aux += (we->wflags & CL_W_AUX) != 0;
        k++;
    }
    if (!aux) {
        /* une personne toujours portée disparue: a participle right after the noun (adverbs
         * aside) that ends the clause tells what happened to one */
        size_t p = i + 2;
        while (p < n && p < i + 5 && cl_is_word(doc, p) && cl_surf_of(d, p) &&
               (cl_surf_of(d, p)->wflags & CL_W_ADV))
            p++;
        if (p >= n || !cl_is_word(doc, p))
            return false;
        const cl_entry *pe = cl_match(d, p, n, &nt);
        rc_morph m;
        return pe && pe->pwhat >= 0 && pe->mod != CL_M_REPORT && !(pe->pflags & CL_P_NOUN) &&
               rc_fr_morph_tok(doc, p, &m) && (m.flags & RC_M_PPAS) &&
               (p + nt >= n || doc->toks[p + nt].kind == RC_TOK_PUNCT);
    }
    if (k >= n || !cl_is_word(doc, k))
        return false;
    const cl_entry *pe = cl_match(d, k, n, &nt);
    return pe && pe->pwhat >= 0 && pe->mod != CL_M_REPORT && !cl_active_object(d, k, nt, n);
}

/* See claims_int.h: the first comma after a selon that opens the sentence. */
size_t cl_selon_phrase_end(const cl_doc *d, size_t s0, size_t s1)
{
    size_t nt;
    const cl_entry *e = s0 < s1 ? cl_match(d, s0, s1, &nt) : NULL;
    if (!e || e->mod != CL_M_REPORT || !(e->mflags & CL_MF_AFTER))
        return SIZE_MAX;
    size_t k = s0 + nt;
    while (k < s1 && !cl_punct(d->doc, k, ','))
        k++;
    return k;
}

/* See claims_int.h: the words of class refl in claim_words.tsv. */
bool cl_reflexive(const cl_doc *d, size_t i)
{
    const cl_entry *e = cl_is_word(d->doc, i) ? cl_word_at(d, i) : NULL;
    return e && (e->wflags2 & CL_W2_REFL);
}

/* See claims_int.h: the words of class be in claim_words.tsv. */
bool cl_passive_aux(const cl_doc *d, size_t i)
{
    const cl_entry *e = cl_is_word(d->doc, i) ? cl_word_at(d, i) : NULL;
    return e && (e->wflags2 & CL_W2_BE);
}

/* See claims_int.h: a punctuation token of one dash. */
bool cl_dash_punct(const rc_doc *doc, size_t i)
{
    return rc_tok_dash(doc, i);
}

/* See claims_int.h: an object is a figure or an article right after the verb. */
bool cl_active_object(const cl_doc *d, size_t j, size_t nt, size_t s1)
{
    const rc_doc *doc = d->doc;
    size_t o = j + nt, n2;
    if (o >= s1 || j == 0 || cl_passive_aux(d, j - 1))
        return false;
    /* only a verb done to its object: ont fui leur foyer, ont quitté l'enclave, ont rendu les
     * armes tell what happened to the subject */
    const cl_entry *v = cl_match(d, j, s1, &n2);
    if (!v || (v->pwhat != RC_WHAT_KILLED && v->pwhat != RC_WHAT_INJURED &&
               v->pwhat != RC_WHAT_DETAINED && v->pwhat != RC_WHAT_EVACUATED &&
               v->pwhat != RC_WHAT_TRAPPED))
        return false;
    if (cl_in_time(doc, doc->toks[o].start))
        return false; /* auraient péri le 16 mars */
    if (v->pwhat == RC_WHAT_TRAPPED) {
        /* ont encerclé le poste, assiègent la ville: who besieges, whatever the object */
        const cl_entry *oe = cl_is_word(doc, o) ? cl_word_at(d, o) : NULL;
        return oe && (oe->wflags & CL_W_DET) && !(oe->wflags & (CL_W_PREP | CL_W_DE));
    }
    if (cl_num_tok(d, o) >= 0)
        return true;
    const cl_entry *e = cl_is_word(doc, o) ? cl_word_at(d, o) : NULL;
    if (!e || !(e->wflags & (CL_W_DET | CL_W_ONE)) || (e->wflags & (CL_W_PREP | CL_W_DE)))
        return false;
    /* an article, then a noun that counts people within two words: des civils, un jeune soldat */
    for (size_t k = o + 1; k < s1 && k <= o + 2 && cl_is_word(doc, k); k++) {
        const cl_entry *ne = cl_surf_of(d, k);
        if (ne && ne->who >= 0 && ne->who < RC_WHO_VEHICLES)
            return true;
    }
    return false;
}

/* Whether the article at token i is the object of an active toll verb right before it (ont
 * tué un civil, a blessé une femme, enlevant un prêtre): the victim, not the agent. */
static bool cl_one_object(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    if (i == 0 || !cl_is_word(doc, i - 1))
        return false;
    size_t nt;
    const cl_entry *v = cl_match(d, i - 1, i, &nt);
    if (!v || nt != 1 || v->pwhat < 0 || (v->pflags & CL_P_NOUN) || v->mod == CL_M_REPORT ||
        v->pwhat == RC_WHAT_PRESENT)
        return false;
    /* a tué un civil, not a été tué un ... nor un soldat tué un jour */
    const cl_entry *a = i >= 2 && cl_is_word(doc, i - 2) ? cl_surf_of(d, i - 2) : NULL;
    rc_morph m;
    bool ppre = rc_fr_morph_tok(doc, i - 1, &m) && (m.flags & RC_M_PPRE);
    return ppre || (a && (a->wflags & CL_W_AUX) && !cl_passive_aux(d, i - 2));
}

/* Whether the article at token i follows "et" after a figure and its counted noun (192 soldats
 * et un civil, trois femmes et un enfant): one more of the same toll. */
static bool cl_one_joined(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    if (i < 3 || !cl_is_word(doc, i - 2))
        return false;
    const cl_entry *ne = cl_surf_of(d, i - 2);
    if (!ne || ne->who < 0 || ne->who >= RC_WHO_VEHICLES)
        return false;
    for (size_t k = i - 2; k-- > 0 && k + 7 > i;)
        if (cl_num_tok(d, k) >= 0)
            return true;
    return false;
}

/* Whether the article at token i opens "un autre" (a word of "+" in counted.tsv) or "un" and an
 * ordinal before a noun of people
 * that is the subject of a toll (un autre civil a été tué, un cinquième Casque bleu a été tué):
 * one more. */
static bool cl_one_more(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    if (i + 3 >= doc->ntoks || !cl_is_word(doc, i + 2))
        return false;
    const cl_entry *oe = cl_is_word(doc, i + 1) ? cl_surf_of(d, i + 1) : NULL;
    long m = cl_num_tok(d, i + 1);
    bool more = (oe && oe->who == CL_WHO_SKIP) || /* autre: "+" in counted.tsv */
                (m >= 0 && doc->nums[m].kind == RC_NUM_ORDINAL);
    if (!more)
        return false;
    const cl_entry *be = i > 0 && cl_is_word(doc, i - 1) ? cl_surf_of(d, i - 1) : NULL;
    if (be && (be->wflags & (CL_W_PREP | CL_W_DE | CL_W_IF)) && !(be->wflags & CL_W_LINK))
        return false; /* d'un autre civil */
    const cl_entry *ne = cl_surf_of(d, i + 2);
    if (ne && (ne->wflags & CL_W_AUX) && oe && oe->who == CL_WHO_SKIP && i > 0 &&
        (cl_punct(doc, i - 1, ',') || (be && (be->wflags & (CL_W_AND | CL_W_ONLY)))))
        return true; /* huit personnes ont été blessées et qu'une autre était portée disparue:
                      * one more of the noun counted before, as the subject of its verb */
    return ne && ne->who >= 0 && ne->who < RC_WHO_VEHICLES && cl_one_subject(d, i + 1);
}

/* Whether the article at token i follows, past a verb of one or two words, parmi, an article
 * and a toll noun (Parmi les morts figure un dirigeant; parmi les victimes se trouve une
 * infirmière): one more of those the toll counts. */
static bool cl_one_among(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    for (size_t back = 3; back <= 7 && back <= i; back++) {
        size_t p = i - back;
        const cl_entry *pe = cl_is_word(doc, p) ? cl_surf_of(d, p) : NULL;
        if (!pe || !(pe->wflags & CL_W_WHOLE) || !(pe->wflags & CL_W_PREP))
            continue;
        const cl_entry *de = cl_surf_of(d, p + 1), *te = cl_surf_of(d, p + 2);
        if (!de || !(de->wflags & CL_W_DET) || !te)
            return false;
        size_t q = p + 3, nt;
        if (te->cwhat < 0) { /* parmi les personnes décédées, se trouve: a toll participle */
            const cl_entry *ve = te->who >= 0 && cl_is_word(doc, q) ? cl_match(d, q, i, &nt) : NULL;
            if (!ve || ve->pwhat < 0 || ve->mod == CL_M_REPORT)
                return false;
            q += nt;
            if (q < i && cl_punct(doc, q, ','))
                q++;
        }
        for (size_t k = q; k < i; k++)
            if (!cl_is_word(doc, k))
                return false; /* parmi les morts, un ...: a comma, no verb between */
        return i > q;
    }
    return false;
}

/* The token after the noun of a member of a list that starts at token i: a figure and its
 * counted noun, or un/une and a noun of people (un pompier); 0 when none starts there. */
static size_t cl_list_member(const cl_doc *d, size_t i, size_t s1)
{
    size_t ct, cnt;
    const cl_entry *ce;
    long m = cl_num_tok(d, i);
    if (m >= 0)
        return cl_counted_after(d, cl_num_t1(d, (size_t)m), s1, &ct, &cnt, &ce) >= 1 ? ct + cnt : 0;
    const cl_entry *oe = cl_is_word(d->doc, i) ? cl_word_at(d, i) : NULL;
    if (!oe || !(oe->wflags & CL_W_ONE) || i + 1 >= s1 ||
        cl_counted_after(d, i + 1, s1, &ct, &cnt, &ce) < 1 || ce->who < 0 ||
        ce->who >= RC_WHO_VEHICLES)
        return 0;
    return ct + cnt;
}

/* Whether the member at token i opens the rest of a list of figures with their nouns joined
 * by commas and closed by et (Les quatre hommes, six femmes et trois enfants ont été enlevés;
 * deux policiers, cinq soldats et un pompier ont été blessés). */
bool cl_list_ahead(const cl_doc *d, size_t i, size_t s1)
{
    for (int n = 0; n < 6 && i < s1; n++) {
        size_t k = cl_list_member(d, i, s1);
        if (!k)
            return false;
        const cl_entry *e = k < s1 ? cl_word_at(d, k) : NULL;
        if (e && (e->wflags & CL_W_AND))
            return k + 1 < s1 && cl_list_member(d, k + 1, s1);
        if (k >= s1 || !cl_punct(d->doc, k, ','))
            return false;
        i = k + 1;
        if (i < s1 && cl_is_word(d->doc, i) && cl_word_at(d, i) &&
            (cl_word_at(d, i)->wflags & CL_W_AND))
            i++; /* un soldat, et un douanier */
    }
    return false;
}

/* Whether the article at token i and its noun open a list of members as the subject of its
 * clause (Un soldat, deux policiers et un pompier ont été blessés): the article counts one as
 * the figures after it count. Not after a verb (Parmi les 12 victimes figurent un soldat, deux
 * policiers et ...: parts of a whole). */
static bool cl_one_listed(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    if (i > 0 && doc->toks[i - 1].kind == RC_TOK_WORD)
        return false;
    for (size_t b = i; b > 0 && b + 30 > i; b--) {
        if (cl_punct(doc, b - 1, '.') || cl_punct(doc, b - 1, '!') || cl_punct(doc, b - 1, '?'))
            break;
        const cl_entry *we = cl_is_word(doc, b - 1) ? cl_word_at(d, b - 1) : NULL;
        if (we && (we->wflags & CL_W_WHOLE) && b + 1 < i && cl_num_tok(d, b + 1) >= 0)
            return false; /* Parmi les 12 ..., figurent un soldat, un douanier et 10 agents:
                           * parts of the figure before */
    }
    size_t k = cl_list_member(d, i, doc->ntoks);
    if (!k || k + 1 >= doc->ntoks)
        return false;
    if (cl_punct(doc, k, ','))
        return cl_list_ahead(d, k + 1, doc->ntoks);
    const cl_entry *e = cl_is_word(doc, k) ? cl_word_at(d, k) : NULL;
    /* un policier et deux civils; un policier et un infirmier ivoiriens */
    return e && (e->wflags & CL_W_AND) && !(e->wflags & CL_W_PREP) &&
           (cl_num_tok(d, k + 1) >= 0 || cl_list_member(d, k + 1, doc->ntoks));
}

/* Whether the article at token i counts one of a group of people as the subject of a toll:
 * l'un des otages a été tué, un de ses collègues a disparu, une de nos soldates a été blessée.
 * Token i + 1 is de or des; the noun of people follows (after a possessive or demonstrative
 * for de), then, after at most one word, an auxiliary and a word of the predicate table. */
static bool cl_one_of(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    size_t n = doc->ntoks, k = i + 2;
    const cl_entry *pe = k < n && cl_is_word(doc, k) ? cl_surf_of(d, k) : NULL;
    if (pe && (pe->wflags & CL_W_DET) && pe->who < 0)
        k++; /* un de ses collègues */
    size_t ct, cnt;
    const cl_entry *ce;
    if (k >= n || cl_counted_after(d, k, n, &ct, &cnt, &ce) < 1 || ct != k || ce->who < 0 ||
        ce->who >= RC_WHO_VEHICLES)
        return false;
    k = ct + cnt;
    for (size_t w = 0; w < 2 && k < n && cl_is_word(doc, k); w++) {
        const cl_entry *we = cl_surf_of(d, k);
        if (we && (we->wflags & CL_W_AUX))
            break;
        k++; /* un de ses collègues syrien a disparu */
    }
    const cl_entry *ae = k < n && cl_is_word(doc, k) ? cl_surf_of(d, k) : NULL;
    if (!ae || !(ae->wflags & CL_W_AUX))
        return false;
    for (size_t p = k + 1; p < n && p < k + 4 && cl_is_word(doc, p); p++) {
        size_t nt;
        const cl_entry *ve = cl_match(d, p, n, &nt);
        if (ve && ve->pwhat >= 0)
            return true;
        const cl_entry *we = cl_surf_of(d, p);
        if (!we || !(we->wflags & (CL_W_AUX | CL_W_ADV)))
            return false;
    }
    return false;
}

/* Whether token i is an article that counts one: un/une before a toll noun (un mort et quatre
 * blessés, a fait une victime), not inside a figure (vingt et un), not in a complement (d'un
 * mort, pour une victime) and not before one (une victime de l'attaque); or un/une after a
 * floor before any counted noun (au moins une personne, plus d'un soldat). Returns 0 when it
 * is not, 1 for a count of one, 2 for a floor of one. */
static int cl_article_one(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    const rc_token *tk = &doc->toks[i];
    unsigned char c0 = (unsigned char)doc->text[tk->start];
    if (tk->end - tk->start > d->t->one_maxlen || !d->t->one_first[c0] ||
        tk->kind != RC_TOK_WORD || i + 1 >= doc->ntoks || doc->toks[i + 1].kind != RC_TOK_WORD)
        return 0;
    const cl_entry *e = cl_surf_of(d, i);
    if (!e || !(e->wflags & CL_W_ONE))
        return 0;
    const cl_entry *ne = cl_surf_of(d, i + 1);
    if (cl_one_more(d, i))
        return 1; /* un autre civil a été tué, un cinquième Casque bleu a été tué */
    if (!ne || cl_num_tok(d, i) >= 0)
        return 0;
    if ((ne->wflags & CL_W_DE) && !(ne->wflags & CL_W_AUX))
        return cl_one_of(d, i) ? 1 : 0;
    if (!ne->one) {
        /* au moins une personne, plus d'un civil: after a floor, the article counts one before
         * any counted noun */
        const cl_entry *pe = i > 0 && cl_is_word(doc, i - 1) ? cl_surf_of(d, i - 1) : NULL;
        if (pe && (pe->wflags & CL_W_DE) && i > 1 && cl_is_word(doc, i - 2))
            pe = cl_surf_of(d, i - 2);
        if (ne->who == CL_WHO_NONE)
            return 0;
        if (!pe || !(pe->wflags & CL_W_FLOOR)) {
            /* un civil a été tué: the subject of a toll, not after a preposition (d'un civil) */
            const cl_entry *be = i > 0 && cl_is_word(doc, i - 1) ? cl_surf_of(d, i - 1) : NULL;
            if ((be && (be->wflags & (CL_W_PREP | CL_W_DE | CL_W_IF)) &&
                 !(be->wflags & CL_W_LINK)) ||
                ne->who < 0 || ne->who >= RC_WHO_VEHICLES)
                return 0; /* people only (un bus a été incendié), never a supposition (si un
                           * soldat est tué) */
            if (be && (be->wflags & CL_W_AND) && cl_one_joined(d, i))
                return 1; /* trois femmes et un enfant */
            if (cl_one_object(d, i))
                return 1; /* les rebelles ont tué un civil */
            if (cl_one_among(d, i))
                return 1; /* Parmi les morts figure un dirigeant communautaire */
            if (cl_one_listed(d, i))
                return 1; /* un soldat, deux policiers et un pompier ont été blessés */
            return cl_one_subject(d, i) ? 1 : 0;
        }
        /* plus d'un habitant sur deux: a share, not a count */
        const cl_entry *se = i + 3 < doc->ntoks && cl_is_word(doc, i + 2) ? cl_surf_of(d, i + 2)
                                                                          : NULL;
        return se && (se->wflags & CL_W_PREP) && cl_num_tok(d, i + 3) >= 0 ? 0 : 2;
    }
    if (i > 0) {
        const cl_entry *pe = cl_is_word(doc, i - 1) ? cl_surf_of(d, i - 1) : NULL;
        if (pe && (pe->wflags & (CL_W_PREP | CL_W_DE)) && !(pe->wflags & CL_W_LINK))
            return 0;
    }
    if (i + 2 < doc->ntoks && cl_is_word(doc, i + 2)) {
        const cl_entry *fe = cl_surf_of(d, i + 2);
        if (fe && (fe->wflags & CL_W_DE))
            return 0;
        /* un martyr a fait sauter sa voiture: the subject of an active verb that tells no toll
         * acts, and is no count (un blessé a succombé, un mort a été retrouvé are) */
        if (fe && (fe->wflags & CL_W_AUX) && !(fe->wflags2 & CL_W2_BE) && i + 3 < doc->ntoks &&
            cl_is_word(doc, i + 3)) {
            size_t nt;
            const cl_entry *pe3 = cl_match(d, i + 3, doc->ntoks, &nt);
            const cl_entry *be3 = cl_surf_of(d, i + 3);
            if (!(be3 && (be3->wflags2 & CL_W2_BE)) && !(pe3 && pe3->pwhat >= 0))
                return 0;
        }
        /* une victime a témoigné, un blessé raconte: the speaker of a story, not a toll */
        for (size_t k = i + 2; k < i + 4 && k < doc->ntoks && cl_is_word(doc, k); k++) {
            size_t nt;
            const cl_entry *ve = cl_match(d, k, doc->ntoks, &nt);
            const cl_entry *we = cl_surf_of(d, k);
            rc_morph m;
            if (ve && ve->mod == CL_M_REPORT &&
                ((we && (we->wflags & CL_W_AUX)) ||
                 (rc_fr_morph_tok(doc, k, &m) && (m.flags & RC_M_VERB))))
                return 0; /* a reporting verb, not selon */
        }
    }
    return 1;
}

/* The next article counting one at or after token *i, as a figure in *n; 0 when none is left. */
int cl_next_one(const cl_doc *d, size_t *i, rc_number *n /* OUT */)
{
    const rc_doc *doc = d->doc;
    const rc_token *tk = doc->toks;
    const uint8_t *first = d->t->one_first;
    size_t maxlen = d->t->one_maxlen, ntoks = doc->ntoks;
    /* every token is read here: the cheap tests of cl_article_one first, in a tight loop, and
     * among them the first byte, which rules out nearly every token */
    const unsigned char *text = (const unsigned char *)doc->text;
    const rc_token *last = tk + (ntoks ? ntoks - 1 : 0);
    for (const rc_token *t = tk + *i; t < last; t++) {
        /* four tokens at a time while none of them passes */
        while (t + 4 <= last && !(first[text[t[0].start]] | first[text[t[1].start]] |
                                  first[text[t[2].start]] | first[text[t[3].start]]))
            t += 4;
        if (t >= last)
            break;
        if (!first[text[t->start]])
            continue;
        size_t k = (size_t)(t - tk);
        int one = t->kind == RC_TOK_WORD && t->end - t->start <= maxlen &&
                          t[1].kind == RC_TOK_WORD
                      ? cl_article_one(d, k)
                      : 0;
        if (!one)
            continue;
        *n = cl_one_number(&tk[k], one == 2);
        *i = k + 1;
        return 1;
    }
    *i = ntoks;
    return 0;
}
