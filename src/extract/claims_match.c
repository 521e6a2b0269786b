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
#include "lang/fr/morph.h"
#include "util/fold.h"

/* The index of the first token that starts at or after off (a binary search). */
size_t cl_tok_at(const rc_doc *doc, uint32_t off)
{
    return rc_toks_from(doc->toks, doc->ntoks, off);
}

/* The index of the number whose span holds byte off, or -1 (a binary search). */
long cl_num_at(const rc_doc *doc, uint32_t off)
{
    size_t lo = RC_FIRST_ENDING_AFTER(rc_number, doc->nums, doc->nnums, off);
    return lo < doc->nnums && doc->nums[lo].start <= off ? (long)lo : -1;
}

/* cl_num_at of token i's start, kept in the token's record. */
long cl_num_tok(const cl_doc *d, size_t i)
{
    cl_word *w = cl_w(d, i);
    if (!w->num) {
        long m = cl_num_at(d->doc, d->doc->toks[i].start);
        w->num = m >= 0 ? (int32_t)(m + 1) : -1;
    }
    return w->num > 0 ? (long)w->num - 1 : -1;
}

/* The first token of number k, kept per number. */
size_t cl_num_t0(const cl_doc *d, size_t k)
{
    if (!d->numt[2 * k])
        d->numt[2 * k] = (uint32_t)cl_tok_at(d->doc, d->doc->nums[k].start) + 1;
    return d->numt[2 * k] - 1;
}

/* The first token after number k, kept per number. */
size_t cl_num_t1(const cl_doc *d, size_t k)
{
    if (!d->numt[2 * k + 1])
        d->numt[2 * k + 1] = (uint32_t)cl_tok_at(d->doc, d->doc->nums[k].end) + 1;
    return d->numt[2 * k + 1] - 1;
}

/* The tokens [*a, *b) of sentence s, kept per sentence. */
void cl_sent_toks(const cl_doc *d, size_t s, size_t *a, size_t *b)
{
    cl_sent *st = &d->sents[s];
    if (!st->known) {
        st->t0 = (uint32_t)cl_tok_at(d->doc, d->doc->sents[s].start);
        st->t1 = (uint32_t)cl_tok_at(d->doc, d->doc->sents[s].end);
        st->known = 1;
    }
    *a = st->t0;
    *b = st->t1;
}

/* Whether token i is a word, an elided word or a clitic. */
int cl_is_word(const rc_doc *doc, size_t i)
{
    unsigned k = i < doc->ntoks ? doc->toks[i].kind : 0;
    return k == RC_TOK_WORD || k == RC_TOK_ELISION || k == RC_TOK_CLITIC;
}

/* Whether token i is a punctuation mark made of the single byte c. */
int cl_punct(const rc_doc *doc, size_t i, char c)
{
    const rc_token *tk = &doc->toks[i];
    return tk->kind == RC_TOK_PUNCT && tk->end == tk->start + 1 && doc->text[tk->start] == c;
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

/* The entry of the word at token i alone (possibly a mere prefix), and of its lemma: looked up
 * once per token and kept in d->words. */
static const cl_word *cl_word_info(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    cl_word *w = cl_w(d, i);
    if (w->surf)
        return w;
    w->surf = &cl_none;
    w->lemma = &cl_none;
    const rc_token *tk = &doc->toks[i];
    if (!cl_is_word(doc, i))
        return w;
    /* both answers are usually kept in the word's record already: read it once */
    const rc_word *rw = rc_word_at(doc, i);
    const cl_entry *e = rw && (rw->have >> RC_WM_CL_SURF & 1u)
                            ? (const cl_entry *)(uintptr_t)rw->memo[RC_WM_CL_SURF]
                            : cl_surf_of(d, i);
    if (e)
        w->surf = e;
    if ((w->surf == &cl_none || w->surf->prefix) && tk->kind == RC_TOK_WORD) {
        e = rw && (rw->have >> RC_WM_CL_LEMMA & 1u)
                ? (const cl_entry *)(uintptr_t)rw->memo[RC_WM_CL_LEMMA]
                : cl_lemma_of(d, i);
        if (e)
            w->lemma = e;
    }
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

/* The classes of the cues that may end at token i, a bit set of 1 << CL_M_* (see
 * cl_cue_end_from). The answer for the word (with its lemma whatever the token's kind, which
 * only makes it more cautious) is kept per word. */
static unsigned cl_cue_ends(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    unsigned k = doc->toks[i].kind;
    if (k == RC_TOK_CLITIC)
        return ~0u; /* a phrase takes it on without a space */
    if (k != RC_TOK_WORD && k != RC_TOK_ELISION)
        return 0;
    if (i > 0 && doc->toks[i - 1].kind == RC_TOK_ELISION && !cl_elision_apos(doc, i - 1))
        return ~0u; /* an apostrophe the keys do not write: no word boundary to rely on */
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

/* The first token in [a, b) where a cue of a class in mods may end, or b (see claims_int.h). */
size_t cl_cue_end_from(const cl_doc *d, size_t a, size_t b, unsigned mods)
{
    /* the last token of a phrase matched by cl_match_at is a clitic, or a word with an entry
     * of its own appended after a space or after an elided word's apostrophe; a word alone is
     * its entry or its lemma's */
    while (a < b && !(cl_cue_ends(d, a) & mods))
        a++;
    return a;
}

/* Whether the words at tokens i and i + 1 (both with entries, or a clitic second) may begin a
 * key: the joins filter of the table, for a second word with an entry of its own and a first
 * one that is no elided word with an apostrophe the keys do not write. */
static bool cl_join_open(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    if (doc->toks[i + 1].kind == RC_TOK_CLITIC)
        return true;
    int space = doc->toks[i].kind != RC_TOK_ELISION;
    if (!space && !cl_elision_apos(doc, i))
        return true;
    return cl_join_may(d->t, cl_word_info(d, i)->surf, cl_word_info(d, i + 1)->surf, space);
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
        if (d->t->maxwords > 1 && i + 1 < lim && cl_is_word(doc, i + 1) &&
            (doc->toks[i + 1].kind == RC_TOK_CLITIC || cl_word_info(d, i + 1)->surf != &cl_none) &&
            cl_join_open(d, i)) {
            /* a phrase: only when the next word is in some key too */
            char key[RC_LEX_MAXKEY];
            size_t kl = 0;
            for (size_t j = i; j < lim && j < i + (size_t)d->t->maxwords; j++) {
                if (!cl_is_word(doc, j) || (j > i && doc->toks[j].kind != RC_TOK_CLITIC &&
                                            cl_word_info(d, j)->surf == &cl_none))
                    break;
                const rc_token *tk = &doc->toks[j];
                if (j > i && doc->toks[j - 1].kind != RC_TOK_ELISION &&
                    tk->kind != RC_TOK_CLITIC) {
                    if (kl + 1 >= sizeof key)
                        break;
                    key[kl++] = ' ';
                }
                size_t fl, room = sizeof key - kl;
                const char *f = room >= 2 * RC_WORD_MAXLEN + 4 ? rc_word_folded(doc, j, &fl) : NULL;
                if (f) /* folded once per word; with this much room rc_fold would not fail */
                    memcpy(key + kl, f, fl);
                else
                    fl = rc_fold(doc->text + tk->start, tk->end - tk->start, key + kl, room);
                if (fl > room)
                    break;
                kl += fl;
                if (j == i)
                    continue;
                const cl_entry *e = cl_lookup(d->t, key, kl);
                if (!e)
                    break;
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

/* cl_match's slow path: finds token i's longest match, keeps it when it runs to the end of the
 * text, and searches again within lim when the kept one is too long. */
const cl_entry *cl_match_slow(const cl_doc *d, size_t i, size_t lim, size_t *nt)
{
    const rc_doc *doc = d->doc;
    *nt = 0;
    if (i >= lim || i >= doc->ntoks)
        return NULL;
    cl_word *w = cl_w(d, i);
    if (!w->matched) {
        /* the longest match up to the end of the text, kept: the rules ask again and again */
        size_t n;
        w->best = cl_match_at(d, i, doc->ntoks, &n);
        w->nbest = (uint8_t)n;
        w->matched = 1;
    }
    if (i + w->nbest <= lim) {
        *nt = w->nbest;
        return w->best;
    }
    return cl_match_at(d, i, lim, nt);
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
    if (tk->end - tk->start > d->t->one_maxlen || !((d->t->one_first[c0 >> 6] >> (c0 & 63)) & 1) ||
        tk->kind != RC_TOK_WORD || i + 1 >= doc->ntoks || doc->toks[i + 1].kind != RC_TOK_WORD)
        return 0;
    const cl_entry *e = cl_surf_of(d, i);
    if (!e || !(e->wflags & CL_W_ONE))
        return 0;
    const cl_entry *ne = cl_surf_of(d, i + 1);
    if (!ne || cl_num_tok(d, i) >= 0)
        return 0;
    if (!ne->one) {
        /* au moins une personne, plus d'un civil: after a floor, the article counts one before
         * any counted noun */
        const cl_entry *pe = i > 0 && cl_is_word(doc, i - 1) ? cl_surf_of(d, i - 1) : NULL;
        if (pe && (pe->wflags & CL_W_DE) && i > 1 && cl_is_word(doc, i - 2))
            pe = cl_surf_of(d, i - 2);
        if (ne->who == CL_WHO_NONE || !pe || !(pe->wflags & CL_W_FLOOR))
            return 0;
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
    const uint64_t *first = d->t->one_first;
    size_t maxlen = d->t->one_maxlen, ntoks = doc->ntoks;
    /* every token is read here: the cheap tests of cl_article_one first, in a tight loop */
    for (size_t k = *i; k + 1 < ntoks; k++) {
        if (tk[k].kind != RC_TOK_WORD || tk[k].end - tk[k].start > maxlen ||
            tk[k + 1].kind != RC_TOK_WORD)
            continue;
        unsigned char c0 = (unsigned char)doc->text[tk[k].start];
        int one = (first[c0 >> 6] >> (c0 & 63)) & 1 ? cl_article_one(d, k) : 0;
        if (!one)
            continue;
        *n = (rc_number){tk[k].start, tk[k].end, 1.0, one == 2 ? 1.0 : NAN, NAN, false,
                         RC_NUM_NUMBER, RC_REL_NONE, 0};
        *i = k + 1;
        return 1;
    }
    *i = ntoks;
    return 0;
}
