/*
 * claims.c - the claims stage: for each figure of doc->nums, what it counts (the noun after it,
 * or before it through "est de", "s'élève à"), its parts (dont 11 femmes et 13 enfants), what
 * happened (a predicate of the clause, a noun governing the figure, or an event noun such as
 * morts), with ellipsis and coordination carrying these over from the figure before. The
 * context (modality, sources, time, places, agent) is claims_ctx.c's. See docs/claims.md.
 *
 * Only a bounded window of tokens around each figure is read, and nothing is allocated per
 * token: the claims array grows in the document's arena.
 */
#include "extract/claims.h"

#include <math.h>
#include <string.h>

#include "core/words.h"
#include "extract/claims_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

#define CL_BACK 15 /* tokens read before a figure for its predicate */
#define CL_FWD 10  /* tokens read after a figure, its noun and its parts */

size_t cl_tok_at(const rc_doc *doc, uint32_t off)
{
    size_t lo = 0, hi = doc->ntoks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->toks[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

long cl_num_at(const rc_doc *doc, uint32_t off)
{
    size_t lo = 0, hi = doc->nnums;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->nums[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->nnums && doc->nums[lo].start <= off ? (long)lo : -1;
}

long cl_num_tok(const cl_doc *d, size_t i)
{
    cl_word *w = cl_w(d, i);
    if (!w->num) {
        long m = cl_num_at(d->doc, d->doc->toks[i].start);
        w->num = m >= 0 ? (int32_t)(m + 1) : -1;
    }
    return w->num > 0 ? (long)w->num - 1 : -1;
}

size_t cl_num_t0(const cl_doc *d, size_t k)
{
    if (!d->numt[2 * k])
        d->numt[2 * k] = (uint32_t)cl_tok_at(d->doc, d->doc->nums[k].start) + 1;
    return d->numt[2 * k] - 1;
}

size_t cl_num_t1(const cl_doc *d, size_t k)
{
    if (!d->numt[2 * k + 1])
        d->numt[2 * k + 1] = (uint32_t)cl_tok_at(d->doc, d->doc->nums[k].end) + 1;
    return d->numt[2 * k + 1] - 1;
}

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

int cl_is_word(const rc_doc *doc, size_t i)
{
    unsigned k = i < doc->ntoks ? doc->toks[i].kind : 0;
    return k == RC_TOK_WORD || k == RC_TOK_ELISION || k == RC_TOK_CLITIC;
}

/* Marks a word looked up and found in no lexicon, in the per-token cache. */

/* Whether the capitalised word at [s, e) names a place: a LOC entity starting there when the
 * entities stage found any, else a word that is not all capitals (2,5 % du PIB is no place). */
static bool cl_place_at(const rc_doc *doc, uint32_t s, uint32_t e)
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
    size_t lo = 0, hi = doc->nents;
    while (lo < hi) { /* entities are in text order */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->ents[mid].start < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo >= doc->nents || doc->ents[lo].start != s || doc->ents[lo].type == RC_ENT_MISC;
}

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

void cl_explain(cl_fig *f, const char *rule, const char *detail, size_t dlen)
{
    size_t rl = strlen(rule);
    if (f->elen + rl + dlen + 3 >= sizeof f->explain)
        return;
    if (f->elen)
        f->explain[f->elen++] = ' ';
    memcpy(f->explain + f->elen, rule, rl);
    f->elen += rl;
    if (detail) {
        f->explain[f->elen++] = ':';
        for (size_t i = 0; i < dlen; i++)
            f->explain[f->elen++] = detail[i] == ' ' ? '_' : detail[i];
    }
    f->explain[f->elen] = '\0';
}

/* Explains with the text of tokens [i, i + nt) as detail. */
void cl_explain_toks(cl_fig *f, const rc_doc *doc, const char *rule, size_t i, size_t nt)
{
    cl_explain(f, rule, doc->text + doc->toks[i].start,
               doc->toks[i + nt - 1].end - doc->toks[i].start);
}

/* The sentence holding byte off. */
static size_t cl_sentence(const rc_doc *doc, uint32_t off)
{
    size_t lo = 0, hi = doc->nsents;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sents[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->nsents ? lo : doc->nsents - 1;
}

int cl_punct(const rc_doc *doc, size_t i, char c)
{
    const rc_token *tk = &doc->toks[i];
    return tk->kind == RC_TOK_PUNCT && tk->end == tk->start + 1 && doc->text[tk->start] == c;
}

/* The counted noun that follows a figure ending before token i: skips de/d'/des and words such
 * as autres, stops at anything else. Returns 1 and the noun's tokens, 0 when there is none, -1
 * when the figure counts a unit (ans, km, dollars) and is no claim. */
int cl_counted_after(const cl_doc *d, size_t i, size_t lim, size_t *ct /* OUT */,
                     size_t *cnt /* OUT */, const cl_entry **ce /* OUT */)
{
    int skips = 0, sums = 0;
    *ct = SIZE_MAX;
    for (size_t j = i; j < lim && j < i + 6; j++) {
        if (j == i && d->doc->toks[j].kind == RC_TOK_QUOTE_OPEN)
            continue; /* 12 « terroristes »: the noun in scare quotes */
        if (!cl_is_word(d->doc, j))
            return 0;
        size_t nt;
        const cl_entry *e = cl_match(d, j, lim, &nt);
        if (!e)
            return 0;
        if (e->who >= 0) {
            *ct = j, *cnt = nt, *ce = e;
            return skips ? 2 : 1;
        }
        if (e->who == CL_WHO_BLOCK)
            return -1;
        if (e->who == CL_WHO_SKIP && skips++ < 2)
            continue;
        if (e->who == CL_WHO_SUM && j > i && cl_word_at(d, j - 1) &&
            (cl_word_at(d, j - 1)->wflags & CL_W_DET) && sums++ < 1)
            continue; /* porte à 200 le nombre de civils tués: the toll names what it counts */
        if (!(e->wflags & (CL_W_DE | CL_W_DET)))
            return 0;
    }
    return 0;
}

/* The counted noun before a figure that a link (est de, s'élève à, a comma) ties to it: after a
 * toll noun (le nombre des miliciens et de leurs familles), the first noun after it; else the
 * nearest. Returns 1 and the noun's token, or 0. */
static int cl_counted_before(const cl_doc *d, size_t nt0, size_t s0, int comma,
                             size_t *ct /* OUT */, size_t *cnt /* OUT */,
                             const cl_entry **ce /* OUT */, int *sum)
{
    const rc_doc *doc = d->doc;
    size_t j = nt0;
    int linked = 0;
    /* a link phrase ending right before the figure, or a comma after a hedge */
    size_t at = nt0; /* dépasse désormais les 12 000: adverbs and an article may come between */
    for (int n = 0; n < 2 && at > s0 + 1; n++) {
        const cl_entry *e = cl_word_at(d, at - 1);
        if (!e || !(e->wflags & (CL_W_ADV | CL_W_DET)) || (e->wflags & CL_W_LINK))
            break;
        at--;
    }
    for (size_t back = 1; back <= 3 && back <= at - s0 && !linked; back++) {
        size_t nt;
        const cl_entry *e = cl_match(d, at - back, at, &nt);
        if (e && nt == back && (e->wflags & CL_W_LINK))
            linked = 1, j = at - back;
    }
    for (size_t back = 1; back <= 3 && at != nt0 && back <= nt0 - s0 && !linked; back++) {
        size_t nt;
        const cl_entry *e = cl_match(d, nt0 - back, nt0, &nt);
        if (e && nt == back && (e->wflags & CL_W_LINK))
            linked = 1, j = nt0 - back;
    }
    if (!linked && nt0 + 1 < doc->ntoks) { /* dépasse les 12 000: the bound is the link */
        size_t nt;
        const cl_entry *e = cl_match(d, nt0, nt0 + 1, &nt);
        if (e && (e->wflags & CL_W_LINK) && cl_num_tok(d, nt0) >= 0)
            linked = 1, j = nt0;
    }
    if (!linked && comma) {
        size_t k = nt0;
        while (k > s0) {
            const cl_entry *e = cl_word_at(d, k - 1);
            if (e && (e->mod == CL_M_HEDGE || e->mod == CL_M_COND))
                k--;
            else
                break;
        }
        if (k > s0 && cl_punct(doc, k - 1, ','))
            linked = 2, j = k - 1;
    }
    if (!linked)
        return 0;
    size_t lo = j > s0 + 12 ? j - 12 : s0;
    if (linked == 2 && j > s0 + 3)
        lo = j - 3;
    size_t nearest = SIZE_MAX, leftmost = SIZE_MAX;
    const cl_entry *ne = NULL, *le = NULL;
    for (size_t k = j; k > lo; k--) {
        size_t i = k - 1;
        if (cl_num_tok(d, i) >= 0)
            break;
        const cl_entry *e = cl_word_at(d, i);
        if (!e)
            continue;
        if (e->who == CL_WHO_SUM) {
            /* le nombre des miliciens et de leurs familles est de 5000: the first noun after
             * the toll noun; le bilan s'élève à 33: the toll noun itself */
            *sum = e->cwhat;
            *ct = leftmost != SIZE_MAX ? leftmost : i;
            *ce = leftmost != SIZE_MAX ? le : e;
            *cnt = 1;
            return 1;
        }
        if (e->who >= 0) {
            const cl_entry *pe = i > s0 ? cl_word_at(d, i - 1) : NULL;
            if (linked == 2 && pe && (pe->wflags & CL_W_DE) &&
                (e->who == RC_WHO_AREAS || e->who == RC_WHO_OTHER))
                continue; /* les 300 habitants du village, 40: the complement is not counted */
            if (nearest == SIZE_MAX)
                nearest = i, ne = e;
            leftmost = i, le = e;
            if (linked == 2)
                break;
        }
    }
    if (nearest == SIZE_MAX)
        return 0;
    *ct = nearest, *cnt = 1, *ce = ne;
    return 1;
}

/* Whether a negation (pas, jamais, aucun) stands in the three words before token i. */
static int cl_negated(const cl_doc *d, size_t i, size_t s0)
{
    for (size_t k = i; k > s0 && k + 3 > i; k--) {
        const cl_entry *e = cl_word_at(d, k - 1);
        if (e && e->mod == CL_M_NEG)
            return 1;
    }
    return 0;
}

/* Whether a predicate fits what is counted: taking control is said of areas only, and areas
 * are only taken, held or lost. */
static int cl_pred_fits(int what, int who)
{
    if (what < 0)
        return 0;
    if (who == RC_WHO_OTHER) /* strikes, rockets, buildings: launched, destroyed */
        return what == RC_WHAT_OTHER;
    if (what == RC_WHAT_CONTROLLED)
        return who == RC_WHO_AREAS;
    if (who == RC_WHO_AREAS)
        return what == RC_WHAT_CONTROLLED || what == RC_WHAT_OTHER;
    if (who == RC_WHO_VEHICLES && what == RC_WHAT_FLED)
        return 0; /* bus that leave a city carry evacuees; vehicles do not flee */
    return 1;
}

/* What a predicate entry says of what is counted: its what, or its second what when the first
 * does not fit (perdu: areas are lost, people are killed); -1 when neither fits. */
static int cl_pred_what(const cl_entry *e, int who)
{
    if (cl_pred_fits(e->pwhat, who))
        return e->pwhat;
    if (e->pwhat2 >= 0 && cl_pred_fits(e->pwhat2, who))
        return e->pwhat2;
    return -1;
}

/* Whether a figure at token i opens a coordinated figure with its noun (et 13 enfants). */
static int cl_coordinated(const cl_doc *d, size_t i, size_t s1)
{
    long m = cl_num_tok(d, i);
    if (m < 0)
        return 0;
    size_t ct, cnt;
    const cl_entry *ce;
    return cl_counted_after(d, cl_num_t1(d, (size_t)(m)), s1, &ct, &cnt, &ce) >= 1;
}

bool cl_in_time(const rc_doc *doc, uint32_t off)
{
    size_t lo = 0, hi = doc->ntimes;
    while (lo < hi) { /* the first time that ends after off */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->times[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->ntimes && doc->times[lo].start <= off;
}

/* Whether figure f is the whole a share is taken from (Dix-sept des 23 femmes): a "de" word
 * right before it after another figure. */
static bool cl_is_whole(const cl_doc *d, const cl_fig *f, size_t s0)
{
    if (f->nt0 < s0 + 2)
        return false;
    const cl_entry *e = cl_word_at(d, f->nt0 - 1);
    return e && (e->wflags & CL_W_DE) &&
           cl_num_tok(d, f->nt0 - 2) >= 0;
}

/* The main verb of a clause whose subject was followed by a participle and its complements,
 * read from token i: an auxiliary and a predicate right after it (ont été libérées), before
 * the sentence ends, a semicolon, another figure or a relative pronoun. Returns its what, with
 * its tokens in *at and *nt, or -1. */
static int cl_main_verb(const cl_doc *d, size_t i, size_t s1, int who, size_t *at, size_t *nt)
{
    const rc_doc *doc = d->doc;
    for (size_t k = i; k < s1 && k < i + 40; k++) {
        if (cl_punct(doc, k, ';') || doc->toks[k].kind == RC_TOK_QUOTE_OPEN ||
            (cl_num_tok(d, k) >= 0 && !cl_in_time(doc, doc->toks[k].start)))
            return -1; /* il y a trois semaines is no figure */
        const cl_entry *e = cl_word_at(d, k);
        if (!e || !(e->wflags & CL_W_AUX))
            continue;
        if (k > i && (cl_is_word(doc, k - 1) && !cl_punct(doc, k - 1, ',')) &&
            !(doc->toks[k - 1].flags & RC_TF_UPPER) && cl_word_at(d, k - 1) &&
            (cl_word_at(d, k - 1)->wflags & CL_W_STOP))
            return -1; /* qui ont, que l'armée a: a relative clause, not the main verb */
        for (size_t j = k + 1; j < s1 && j <= k + 2; j++) {
            const cl_entry *v = cl_match(d, j, s1, nt);
            int w = v && !(v->pflags & CL_P_NOUN) ? cl_pred_what(v, who) : -1;
            if (w >= 0) {
                *at = j;
                return w;
            }
            const cl_entry *a = cl_word_at(d, j);
            if (!a || !(a->wflags & CL_W_AUX))
                break; /* ont été libérées: été is an auxiliary too */
        }
        rc_morph m;
        if (k + 1 < s1 && rc_fr_morph_tok(doc, k + 1, &m) && (m.flags & RC_M_PPAS))
            return -1; /* ont été inhumés: the main verb says nothing the lexicon knows */
        /* il y a trois semaines: no verb group, read on */
    }
    return -1;
}

/* Finds the predicate of a figure in its clause: after it first (passive, participle, relative
 * clause: 82 civils tués, qui ont déposé les armes), then before it (ont tué au moins 82, la
 * mort de 12 soldats). Sets f->win0/win1 and f->pred; returns its what or -1. */
static int cl_predicate(const cl_doc *d, cl_fig *f, size_t s0, size_t s1, long self)
{
    const rc_doc *doc = d->doc;
    /* the window: back to the previous figure or a semicolon, forward likewise */
    size_t w0 = f->nt0;
    /* the token right after the figure before: 7 tués, 12 blessés */
    size_t after_prev = self > 0 ? cl_num_t1(d, (size_t)(self - 1)) : SIZE_MAX;
    while (w0 > s0 && w0 + CL_BACK > f->nt0) {
        size_t i = w0 - 1;
        long m = cl_num_tok(d, i);
        if ((m >= 0 && m != self) || cl_punct(doc, i, ';'))
            break;
        const cl_entry *e = i == after_prev ? cl_word_at(d, i) : NULL;
        if (e && e->who >= 0 && e->cwhat >= 0)
            break; /* 7 tués, 12 blessés: the event noun of the figure before is its own */
        w0--;
    }
    size_t w1 = f->endt;
    size_t budget = CL_FWD;
    if (w1 + 2 < s1 && cl_punct(doc, w1, ',') && cl_word_at(d, w1 + 1) &&
        (cl_word_at(d, w1 + 1)->wflags & (CL_W_PARTS | CL_W_ADV))) {
        /* 31 civils, notamment des femmes et des enfants, ont été tués: the aside is skipped */
        for (size_t j = w1 + 2; j < s1 && j < w1 + 14; j++) {
            if (cl_num_tok(d, j) >= 0 || cl_punct(doc, j, ';'))
                break;
            if (cl_punct(doc, j, ',')) {
                w1 = j + 1;
                break;
            }
        }
    }
    while (w1 < s1 && budget) {
        long m = cl_num_tok(d, w1);
        if (m >= 0 && m != self) {
            if (w1 > f->endt && cl_coordinated(d, w1, s1)) {
                /* une vingtaine de bus et une dizaine d'ambulances ont quitté */
                size_t ct, cnt;
                const cl_entry *ce;
                cl_counted_after(d, cl_num_t1(d, (size_t)(m)), s1, &ct, &cnt, &ce);
                w1 = ct + cnt;
                continue;
            }
            break;
        }
        if (cl_punct(doc, w1, ';'))
            break;
        w1++, budget--;
    }
    f->win0 = w0;
    f->win1 = w1;
    int who = f->c.who;
    /* the noun governing the figure, kept for coordinated figures even when a verb wins */
    for (size_t i = f->nt0; i > w0 && i + 6 > f->nt0; i--) {
        size_t nt;
        const cl_entry *e = cl_match(d, i - 1, f->nt0, &nt);
        if (e && e->pwhat >= 0 && (e->pflags & CL_P_NOUN) && cl_pred_what(e, who) >= 0) {
            f->gov_what = cl_pred_what(e, who);
            const cl_entry *de = cl_word_at(d, f->nt0 - 1);
            if ((i - 1 + nt == f->nt0 ||
                 (i + nt == f->nt0 && de && (de->wflags & CL_W_DE))) &&
                !cl_negated(d, i - 1, s0)) {
                /* l'évacuation de 5 000 personnes, en priorité des blessés: the noun that
                 * governs the figure says what happens to it, not a word after a comma */
                f->pred = i - 1;
                f->pred_before = 1;
                f->pred_noun = 1;
                cl_explain_toks(f, doc, "predicate-governs", f->pred, nt);
                return f->gov_what;
            }
            break;
        }
    }
    /* avoir tué « plus de 100 soldats »: a quotation mark may stand between */
    size_t nb = f->nt0 > w0 && doc->toks[f->nt0 - 1].kind == RC_TOK_QUOTE_OPEN ? f->nt0 - 1
                                                                              : f->nt0;
    if (nb > w0 + 1 && cl_word_at(d, nb - 1) && (cl_word_at(d, nb - 1)->wflags & CL_W_ADV))
        nb--; /* compterait encore quelque 260 000 habitants: an adverb may stand between */
    for (size_t back = 1; back <= 2 && back <= nb - w0; back++) {
        /* ont tué 13 personnes et blessé 9 autres: a verb right before the figure governs it,
         * not the next clause's */
        size_t nt;
        const cl_entry *e = cl_match(d, nb - back, nb, &nt);
        int what = e && nt == back && !(e->pflags & CL_P_NOUN) ? cl_pred_what(e, who) : -1;
        if (what < 0 || cl_negated(d, nb - back, s0))
            continue;
        f->pred = nb - back;
        f->pred_before = 1;
        cl_explain_toks(f, doc, "predicate-before", f->pred, nt);
        return what;
    }
    for (size_t i = f->cend; i < w1; i++) {
        long m = cl_num_tok(d, i);
        if (m >= 0 && m != self) {
            /* a coordinated figure and its noun: 63 morts et 120 blessés */
            size_t ct, cnt;
            const cl_entry *ce;
            if (cl_counted_after(d, cl_num_t1(d, (size_t)(m)), w1, &ct, &cnt, &ce) >= 1)
                i = ct + cnt - 1;
            continue;
        }
        size_t nt;
        const cl_entry *e = cl_match(d, i, w1, &nt);
        int what = e ? cl_pred_what(e, who) : -1;
        if (what < 0)
            continue;
        if ((e->pflags & CL_P_NOUN) && i > f->cend + 3)
            continue; /* 82 civils victimes de; habitants à l'exode */
        if (cl_negated(d, i, s0)) {
            if (f->negated < 0)
                f->negated = what;
            continue;
        }
        if (what == RC_WHAT_PRESENT) {
            /* restaient piégés: a weak verb gives way to the participle after it */
            size_t nt2;
            for (size_t k = i + nt; k < w1 && k < i + nt + 3; k++) {
                const cl_entry *e2 = cl_match(d, k, w1, &nt2);
                int w2 = e2 ? cl_pred_what(e2, who) : -1;
                if (w2 >= 0 && w2 != RC_WHAT_PRESENT && !(e2->pflags & CL_P_NOUN)) {
                    e = e2, i = k, nt = nt2, what = w2;
                    break;
                }
            }
        }
        if (i == f->cend && !(e->pflags & CL_P_NOUN) && !cl_is_whole(d, f, s0)) {
            /* 46 personnes enlevées il y a trois semaines par des bandits ... ont été libérées:
             * a participle right after the noun gives way to the verb of the clause */
            size_t k = 0, nt2 = 0;
            int w2 = cl_main_verb(d, i + nt, s1, who, &k, &nt2);
            /* a weak verb right after the participle says less: 46 otages libérés ont été
             * accueillis */
            if (w2 >= 0 && w2 != what && w2 != RC_WHAT_PRESENT && w2 != RC_WHAT_FLED &&
                k > i + nt + 2) {
                i = k, nt = nt2, what = w2;
                f->pred = i;
                cl_explain_toks(f, doc, "predicate-main", i, nt);
                return what;
            }
        }
        f->pred = i;
        f->pred_noun = (e->pflags & CL_P_NOUN) != 0;
        cl_explain_toks(f, doc, "predicate-after", i, nt);
        return what;
    }
    const cl_entry *pe = f->nt0 > s0 ? cl_word_at(d, f->nt0 - 1) : NULL;
    if (f->cend < s1 &&
        (f->nt0 == s0 || cl_punct(doc, f->nt0 - 1, ',') || (pe && (pe->wflags & CL_W_DET)))) {
        /* Treize soldats de la force régionale de la SADC et de la Monusco ont été tués: the
         * figure opens its clause; the verb comes after a complement too long for the window */
        size_t k = 0, nt = 0;
        int w = cl_main_verb(d, f->cend, s1, who, &k, &nt);
        if (w >= 0) {
            f->pred = k;
            cl_explain_toks(f, doc, "predicate-main", k, nt);
            return w;
        }
    }
    for (size_t i = f->nt0; i > w0; i--) {
        size_t nt;
        const cl_entry *e = cl_match(d, i - 1, f->nt0, &nt);
        const cl_entry *after = i < f->nt0 ? cl_word_at(d, i) : NULL;
        if (e && (e->wflags & CL_W_AND) && i + 2 >= f->nt0 &&
            !(after && (after->wflags & CL_W_ONLY))) /* ne restait plus que 15 */
            break; /* capturés et 5 autres tués: the verb before "et" is the other figure's */
        int what = e ? cl_pred_what(e, who) : -1;
        if (what < 0)
            continue;
        bool only = false; /* il ne restait plus que 15 habitants: a restriction, no denial */
        for (size_t k = i - 1 + nt; k < f->nt0 && !only; k++) {
            const cl_entry *q = cl_word_at(d, k);
            only = q && (q->wflags & CL_W_ONLY);
        }
        if (!only && cl_negated(d, i - 1, s0)) {
            if (f->negated < 0)
                f->negated = what;
            continue;
        }
        f->pred = i - 1;
        f->pred_before = 1;
        f->pred_noun = (e->pflags & CL_P_NOUN) != 0;
        cl_explain_toks(f, doc, f->pred_noun ? "predicate-noun" : "predicate-before", i - 1, nt);
        return what;
    }
    return -1;
}


/* Whether a plain figure reads as a year (en 2011, depuis 2012). */
int cl_year(const cl_doc *d, const rc_number *n, size_t nt0, size_t s0)
{
    if (n->kind != RC_NUM_NUMBER || n->value != floor(n->value) || n->value < 1800 ||
        n->value > 2100 || !isnan(n->low) || !isnan(n->high))
        return 0;
    if (nt0 == s0)
        return 1;
    const cl_entry *e = cl_word_at(d, nt0 - 1);
    return (e && (e->wflags & CL_W_YEARP)) || d->doc->toks[nt0].end - d->doc->toks[nt0].start == 4;
}

/* The state carried from one claim to the next within a sentence. */
typedef struct cl_prev {
    const rc_claim *c;  /* the previous claim, or NULL */
    size_t sent, endt;  /* its sentence and the token after it */
    size_t ct;          /* its counted noun's token, or SIZE_MAX */
    int gov_what;       /* what the noun governing it said, or -1 */
} cl_prev;

/* Builds the claim of figure n into f; k is its index in doc->nums, or -1 for an article that
 * counts one (un mort). Returns 1 for a claim, 0 for none; *skip_to receives the end of the parts
 * read, whose figures are no claims of their own. */
static int cl_figure(cl_doc *d, const rc_number *n, long k, const cl_prev *prev, cl_fig *f,
                     uint32_t *skip_to)
{
    rc_doc *doc = d->doc;
    memset(f, 0, sizeof *f);
    f->ct = f->pred = SIZE_MAX;
    f->gov_what = -1;
    f->follows = -1;
    f->negated = -1;
    f->denied = 0;
    if (n->kind == RC_NUM_ORDINAL || n->rel != RC_REL_NONE || !doc->nsents)
        return 0;
    f->nt0 = k >= 0 ? cl_num_t0(d, (size_t)k) : cl_tok_at(doc, n->start);
    f->nt1 = k >= 0 ? cl_num_t1(d, (size_t)k) : cl_tok_at(doc, n->end);
    if (f->nt0 >= f->nt1 || f->nt1 > doc->ntoks)
        return 0;
    f->sent = cl_sentence(doc, n->start);
    size_t s0, s1;
    cl_sent_toks(d, f->sent, &s0, &s1);
    if (s0 > f->nt0)
        s0 = f->nt0;
    if (s1 < f->nt1)
        s1 = f->nt1;
    /* identifiers: a figure run into other digits (510578 01 03 ...) */
    const rc_token *tk = doc->toks;
    if ((f->nt0 > s0 && tk[f->nt0 - 1].kind == RC_TOK_NUMBER) ||
        (f->nt1 < s1 && tk[f->nt1].kind == RC_TOK_NUMBER))
        return 0;
    if (cl_year(d, n, f->nt0, s0) && f->nt1 < s1 && !cl_is_word(doc, f->nt1))
        return 0;
    if (n->kind == RC_NUM_NUMBER && cl_in_time(doc, n->start) && cl_in_time(doc, n->end - 1))
        return 0; /* dans la nuit du 6 au 7 mai: a day of a date counts nothing */
    if (f->nt0 >= s0 + 2 && cl_word_at(d, f->nt0 - 1) &&
        (cl_word_at(d, f->nt0 - 1)->wflags & CL_W_DE) && cl_word_at(d, f->nt0 - 2) &&
        (cl_word_at(d, f->nt0 - 2)->wflags & CL_W_KIN))
        return 0; /* une mère de cinq enfants: a family, not a count of victims */

    rc_claim *c = &f->c;
    c->value = n->value;
    c->low = n->low;
    c->high = n->high;
    c->approx = n->approx;
    c->unit = n->kind == RC_NUM_PERCENT    ? RC_UNIT_PERCENT
              : n->kind == RC_NUM_FRACTION ? RC_UNIT_FRACTION
                                           : RC_UNIT_COUNT;
    c->start = n->start;
    c->end = n->end;
    c->sentence = (uint32_t)f->sent;
    c->what = RC_WHAT_OTHER;
    c->who = RC_WHO_OTHER;

    size_t ct = 0, cnt = 0;
    const cl_entry *ce = NULL;
    int cwhat = -1, inherited = 0;
    int r = cl_counted_after(d, f->nt1, s1, &ct, &cnt, &ce);
    int skipped = r == 2, demonym = 0;
    if (r < 0)
        return 0;
    if (r == 2)
        r = 1;
    if (r == 1 && ce->who >= 0) {
        cl_explain_toks(f, doc, "counted-after", ct, cnt);
    } else if (c->unit == RC_UNIT_COUNT && f->nt1 + 1 < s1 && cl_word_at(d, f->nt1) &&
               (cl_word_at(d, f->nt1)->wflags & CL_W_DE) && tk[f->nt1 + 1].kind == RC_TOK_WORD &&
               (tk[f->nt1 + 1].flags & RC_TF_UPPER) &&
               doc->text[tk[f->nt1 + 1].end - 1] == 's' && !cl_word_at(d, f->nt1 + 1)) {
        /* 1,7 million de Gazaouis: a people named after its place */
        r = 1, ct = f->nt1 + 1, cnt = 1, ce = NULL, demonym = 1;
        cl_explain_toks(f, doc, "counted-people", ct, cnt);
    } else if (c->unit == RC_UNIT_COUNT && f->nt1 < s1 && tk[f->nt1].kind == RC_TOK_WORD &&
               (tk[f->nt1].flags & RC_TF_UPPER) && doc->text[tk[f->nt1].end - 1] == 's' &&
               !cl_word_at(d, f->nt1) && cl_people_at(doc, tk[f->nt1].start)) {
        /* 200 000 Soudanais: the same, without "de"; a name (27 Etats, 3 Mirage) is no people */
        r = 1, ct = f->nt1, cnt = 1, ce = NULL, demonym = 1;
        cl_explain_toks(f, doc, "counted-people", ct, cnt);
    } else if (c->unit != RC_UNIT_COUNT && f->nt1 + 1 < s1 &&
               (tk[f->nt1 + 1].flags & RC_TF_UPPER) && cl_word_at(d, f->nt1) &&
               (cl_word_at(d, f->nt1)->wflags & CL_W_DE) && cl_place_at(doc, tk[f->nt1 + 1].start,
                                                                       tk[f->nt1 + 1].end)) {
        /* plus de 80 % de Vardena-Nord: a share of a place */
        r = 1, ct = f->nt1 + 1, cnt = 1, ce = NULL;
        cl_explain_toks(f, doc, "share-of-place", ct, cnt);
    } else {
        int sum = -1;
        int comma = !(prev->c && prev->sent == f->sent); /* else a comma opens an ellipsis */
        r = cl_counted_before(d, f->nt0, s0, comma, &ct, &cnt, &ce, &sum) ? 2 : 0;
        if (r == 2) {
            cwhat = sum;
            cl_explain_toks(f, doc, "counted-before", ct, cnt);
        }
    }
    if (r == 0 && f->nt1 + 1 < s1 && cl_word_at(d, f->nt1) &&
        (cl_word_at(d, f->nt1)->wflags & CL_W_DE)) {
        /* Trois des quatre otages, près d'un tiers des 1 200 détenus: the figure counts the
         * noun of the whole it is taken from */
        long w = cl_num_tok(d, f->nt1 + 1);
        if (w >= 0 && doc->nums[w].start == tk[f->nt1 + 1].start &&
            cl_counted_after(d, cl_num_t1(d, (size_t)(w)), s1, &ct, &cnt, &ce) >= 1 &&
            ce->who >= 0 && !ce->share) {
            r = 1;
            cl_explain_toks(f, doc, "counted-whole", ct, cnt);
        }
    }
    /* 12 morts et non 10: a figure the text corrects or denies */
    int corrected = 0, compared = 0; /* ..., contre 60 000 avant la guerre: compared */
    for (size_t back = 1; back <= 4 && back <= f->nt0 - s0 && !corrected && !compared; back++) {
        size_t nt;
        const cl_entry *e = cl_match(d, f->nt0 - back, f->nt0, &nt);
        if (e && nt == back && (e->wflags & CL_W_CAP))
            return 0; /* prévu pour 70 000 personnes: a capacity */
        corrected = back <= 2 && e && nt == back && (e->wflags & CL_W_NOT);
        compared = back <= 2 && e && nt == back && (e->wflags & CL_W_THAN);
    }
    /* after: the token after the figure and an "autres" (blessé 9 autres; neuf autres ont) */
    size_t after = f->nt1;
    if (r == 0 && after + 1 < s1 && cl_word_at(d, after) && (cl_word_at(d, after)->wflags & CL_W_DE) &&
        cl_word_at(d, after + 1) && cl_word_at(d, after + 1)->who == CL_WHO_SKIP)
        after++; /* 3 millions d'autres */
    if (r == 0 && after < s1 && cl_word_at(d, after) && cl_word_at(d, after)->who == CL_WHO_SKIP)
        after++;
    size_t among = 0; /* Trois d'entre eux: the pronoun stands for a noun counted before */
    if (r == 0 && after < s1) {
        size_t nt;
        const cl_entry *ae = cl_match(d, after, s1, &nt);
        if (ae && (ae->wflags & CL_W_AMONG))
            among = nt, after += nt;
    }
    if (r == 0 && !among && prev->c && prev->sent == f->sent && prev->endt + 20 >= f->nt0 &&
        prev->c->unit == c->unit && !cl_year(d, n, f->nt0, s0)) {
        /* 420 civils auraient péri ..., 130 dans Saada: the noun is understood */
        const cl_entry *ne = after < s1 ? cl_word_at(d, after) : NULL;
        if (after >= s1 || after > f->nt1 || !cl_is_word(doc, after) ||
            (ne && (ne->wflags & CL_W_PREP)) || corrected || compared) {
            c->who = prev->c->who;
            c->counted = prev->c->counted;
            inherited = 1;
            f->follows = prev->c->modality;
            cl_explain(f, "ellipsis", NULL, 0);
        }
    }
    int copula = 0;
    if (r == 0 && !inherited && after == f->nt1 && after + 1 < s1 && cl_word_at(d, after) &&
        (cl_word_at(d, after)->wflags & CL_W_AUX) && (cl_word_at(d, after)->wflags & CL_W_LINK) &&
        cl_counted_after(d, after + 1, s1, &ct, &cnt, &ce) >= 1 && ce->cwhat < 0 && !ce->share) {
        /* Plus de la moitié sont des enfants: the noun after the copula is what is counted */
        r = 1, copula = 1;
        cl_explain_toks(f, doc, "counted-copula", ct, cnt);
    }
    int bare = 0, pron = 0;
    for (size_t back = 2; back <= 3 && r == 0 && !inherited && back <= f->nt0 - s0; back++) {
        /* en accueille plus de 200 000, en a tué 40: the pronoun before the verb stands for
         * the noun counted */
        const cl_entry *pe = cl_word_at(d, f->nt0 - back);
        const cl_entry *ve = cl_word_at(d, f->nt0 - back + 1);
        rc_morph m;
        if (!pe || !(pe->wflags & CL_W_PRON) || !cl_is_word(doc, f->nt0 - 1) ||
            !cl_is_word(doc, f->nt0 - back + 1))
            continue;
        pron = (ve && (ve->wflags & CL_W_AUX)) ||
               (rc_fr_morph_tok(doc, f->nt0 - back + 1, &m) && (m.flags & RC_M_VERB) &&
                !(m.flags & RC_M_NOUN));
    }
    if (r == 0 && !inherited && (pron || among || (after < s1 && cl_word_at(d, after) &&
        (cl_word_at(d, after)->wflags & CL_W_AUX)))) {
        /* Parmi les 82 passagers, 12 ont été blessés: a bare figure as the subject counts the
         * noun before it, or people; it needs a verb of its own */
        bare = 1;
        size_t cl0 = f->nt0; /* the pronoun's clause: its subject is not what it stands for */
        while (pron && cl0 > s0 && doc->toks[cl0 - 1].kind != RC_TOK_PUNCT)
            cl0--;
        for (size_t b = cl0; pron && b > s0 && b + 15 > cl0; b--) {
            const cl_entry *e = cl_word_at(d, b - 1);
            if (e && e->who >= 0 && !e->share) {
                c->who = (uint8_t)e->who; /* Les habitants sont partis ; les soldats en ... */
                c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[b - 1].start,
                                              tk[b - 1].end - tk[b - 1].start);
                if (!c->counted)
                    return -1;
                break;
            }
        }
        /* 600 blessés ... 40 d'entre eux: the claim before when it counts people; else the
         * nearest noun of people or vehicles (une centaine d'attaques contre des navires,
         * coulant deux d'entre eux) */
        if (among && prev->c && prev->sent + 1 >= f->sent && prev->c->counted &&
            prev->c->who != RC_WHO_OTHER && prev->c->who != RC_WHO_AREAS &&
            prev->c->who != RC_WHO_VEHICLES) {
            c->who = prev->c->who;
            c->counted = prev->c->counted;
        }
        size_t from = f->sent ? cl_tok_at(doc, doc->sents[f->sent - 1].start) : 0;
        for (size_t b = f->nt0; among && !c->counted && b > from && b + 30 > f->nt0; b--) {
            const cl_entry *e = cl_word_at(d, b - 1);
            if (e && e->who >= 0 && e->who != RC_WHO_OTHER && e->who != RC_WHO_AREAS &&
                !e->share && e->cwhat < 0 && cl_num_tok(d, b - 1) < 0) {
                c->who = (uint8_t)e->who;
                c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[b - 1].start,
                                              tk[b - 1].end - tk[b - 1].start);
                if (!c->counted)
                    return -1;
            }
        }

        if (among)
            cl_explain(f, "among", NULL, 0);
        if (pron && !c->counted && prev->c && prev->sent + 1 >= f->sent && prev->c->counted) {
            /* Des milliers de civils ont fui. Les milices en ont tué 40: the noun before */
            c->who = prev->c->who;
            c->counted = prev->c->counted;
        }
        for (size_t b = f->nt0; !pron && !among && b > s0 && b + 15 > f->nt0; b--) {
            const cl_entry *e = cl_word_at(d, b - 1);
            if (e && (e->who == RC_WHO_AREAS || e->who == RC_WHO_OTHER) && b >= s0 + 3 &&
                cl_word_at(d, b - 3) && (cl_word_at(d, b - 3)->wflags & CL_W_PREP) &&
                cl_word_at(d, b - 2) && (cl_word_at(d, b - 2)->wflags & CL_W_DET))
                continue; /* vivent dans les zones touchées et 200 000 ont besoin: a complement */
            if (e && e->who >= 0 && !e->share && e->cwhat < 0) { /* not sont morts et une ... */
                c->who = (uint8_t)e->who;
                c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[b - 1].start,
                                              tk[b - 1].end - tk[b - 1].start);
                if (!c->counted)
                    return -1;
                break;
            }
        }
        if (!c->counted)
            c->who = RC_WHO_PEOPLE;
        cl_explain(f, pron ? "pronoun" : "bare-subject", NULL, 0);
    }
    if (r == 0 && !inherited && !bare)
        return 0;
    if (r) {
        if (ce) {
            c->who = (uint8_t)(ce->who >= 0 ? ce->who : RC_WHO_PEOPLE);
            if (cwhat < 0)
                cwhat = ce->cwhat;
        } else {
            c->who = demonym ? RC_WHO_PEOPLE : RC_WHO_AREAS;
        }
        if (r == 1 && ce && ce->cwhat >= 0 && ce->who == RC_WHO_PEOPLE && ct + cnt < s1 &&
            cl_word_at(d, ct + cnt) && cl_word_at(d, ct + cnt)->who >= 0 &&
            cl_word_at(d, ct + cnt)->cwhat < 0 && !cl_word_at(d, ct + cnt)->share) {
            /* 40 victimes civiles: the adjective says who the victims are */
            c->who = (uint8_t)cl_word_at(d, ct + cnt)->who;
            cl_explain_toks(f, doc, "who-adjective", ct + cnt, 1);
        }
        if (r == 1 && ce && ce->of && ct + cnt + 1 < s1 && cl_word_at(d, ct + cnt) &&
            (cl_word_at(d, ct + cnt)->wflags & CL_W_DE)) {
            /* Treize membres de notre personnel: the complement says who the members are */
            size_t q = ct + cnt + 1;
            for (int x = 0; x < 2 && q + 1 < s1 && cl_word_at(d, q) &&
                            (cl_word_at(d, q)->wflags & CL_W_DET) && cl_word_at(d, q)->who < 0;
                 x++)
                q++;
            const cl_entry *qe = q < s1 ? cl_word_at(d, q) : NULL;
            if (qe && qe->who >= 0 && !qe->share) {
                c->who = (uint8_t)qe->who;
                cl_explain_toks(f, doc, "who-complement", q, 1);
            }
        }
        if (skipped && ce && ce->cwhat >= 0 && prev->c && prev->sent == f->sent) {
            /* 37 insurgés capturés et 5 autres tués: the others are of the same kind */
            c->who = prev->c->who;
            cl_explain(f, "others", NULL, 0);
        }
        if (ce && ce->share && c->unit == RC_UNIT_COUNT)
            return 0; /* plus de 40 pays: countries are counted in shares only */
        if (c->unit != RC_UNIT_COUNT && c->who != RC_WHO_AREAS && !ce)
            return 0;
        c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[ct].start,
                                      tk[ct + cnt - 1].end - tk[ct].start);
        if (!c->counted)
            return -1;
        if (r == 1)
            c->end = tk[ct + cnt - 1].end;
        else
            c->start = tk[ct].start;
    }
    f->ct = r ? ct : SIZE_MAX;
    f->endt = r == 1 ? ct + cnt : f->nt1;
    if (!r && among)
        f->endt = after; /* past d'entre eux: the verb follows */
    f->cend = f->endt;
    size_t pend = cl_parts(d, f, f->endt, s0, s1);
    if (pend > f->endt) {
        f->endt = pend;
        c->end = tk[pend - 1].end;
        *skip_to = c->end;
    }

    int what = cl_predicate(d, f, s0, s1, k);
    if (!f->nparts && what >= 0 && f->pred != SIZE_MAX && !f->pred_before) {
        /* 312 civils ont été tués depuis le début du siège, dont 58 enfants: the parts after
         * the predicate and its complements */
        size_t pend2 = cl_parts_late(d, f, s1);
        if (pend2 > f->endt) {
            c->end = tk[pend2 - 1].end;
            *skip_to = c->end;
        }
    }
    if (what >= 0 && cwhat >= 0 && !f->pred_noun &&
        ((f->pred_before && f->pred + 3 < f->nt0) || (!f->pred_before && f->pred > f->endt + 5))) {
        what = cwhat; /* 33 morts: the noun is the event, a verb further away is not */
        cl_explain(f, "event-noun", NULL, 0);
    }
    if (what == RC_WHAT_PRESENT && cwhat >= 0)
        what = cwhat; /* le nombre de déplacés est estimé à: the noun says more */
    if (what < 0 && cwhat >= 0 && !inherited) {
        what = cwhat;
        cl_explain(f, "event-noun", NULL, 0);
    }
    if (what < 0 && prev->c && prev->sent == f->sent) {
        size_t j = f->nt0;
        int preps = 0; /* et à six civils: one preposition repeated after et */
        while (j > s0) {
            const cl_entry *e = cl_word_at(d, j - 1);
            if (e && (e->wflags & CL_W_DE))
                j--;
            else if (e && (e->wflags & CL_W_PREP) && !preps++)
                j--;
            else
                break;
        }
        size_t nt;
        const cl_entry *e = NULL;
        for (size_t back = 1; back <= 2 && back <= j - s0 && !e; back++) {
            e = cl_match(d, j - back, j, &nt);
            if (e && !(nt == back && (e->wflags & CL_W_AND)))
                e = NULL;
        }
        if (e || inherited || (j > s0 && cl_punct(doc, j - 1, ','))) {
            /* ... et de 7 796 civils: the noun that governed the previous figure */
            what = prev->gov_what >= 0 ? prev->gov_what : prev->c->what;
            f->gov_what = prev->gov_what;
            f->follows = prev->c->modality;
            cl_explain(f, "coordination", NULL, 0);
        }
    }
    if (what < 0 && copula && prev->c && prev->sent + 1 >= f->sent &&
        cl_pred_fits(prev->c->what, c->who)) {
        what = prev->c->what; /* 1,04 million de déplacés. Plus de la moitié sont des enfants. */
        if (prev->sent == f->sent)
            f->follows = prev->c->modality; /* a new sentence without a cue is the text's own */
        cl_explain(f, "copula-follows", NULL, 0);
    }
    if (what < 0 && f->negated >= 0) {
        /* n'ont pas tué 40 civils: the text denies the figure */
        what = f->negated;
        f->denied = 1;
        cl_explain(f, "negated", NULL, 0);
    }
    if (what < 0 && cwhat >= 0) {
        what = cwhat;
        cl_explain(f, "event-noun", NULL, 0);
    }
    /* de 44 civils tués; not the weak toujours présents (le témoignage de deux habitants
     * toujours présents) */
    bool verb_after = f->pred != SIZE_MAX && !f->pred_before && !f->pred_noun &&
                      f->pred <= f->cend + 1 && what >= 0 && what != RC_WHAT_PRESENT;
    if (f->nt0 > s0 + 1 && r == 1 && !f->pred_noun && cwhat < 0 && f->gov_what < 0 &&
        !verb_after) {
        /* le témoignage de deux habitants: a figure in the complement of a noun that is no
         * predicate, toll or cue is no claim; a verb right after its noun says what happened
         * (un communiqué de 44 civils tués) */
        const cl_entry *de = cl_word_at(d, f->nt0 - 1);
        if (de && (de->wflags & CL_W_DE) && !(de->wflags & CL_W_DET)) {
            /* any phrase ending right before "de" may govern it: fait état de, not just état */
            int governs = 0;
            for (size_t back = 1; back <= 3 && back < f->nt0 - s0 && !governs; back++) {
                size_t nt;
                const cl_entry *h = cl_match(d, f->nt0 - 1 - back, f->nt0 - 1, &nt);
                governs = h && nt == back &&
                          (h->pwhat >= 0 || h->who == CL_WHO_SUM || h->mod == CL_M_REPORT ||
                           (h->wflags & (CL_W_LINK | CL_W_AND | CL_W_GROUP)));
            }
            if (cl_is_word(doc, f->nt0 - 2) && !governs)
                return 0;
        }
    }
    if (bare && (what < 0 || (!pron && !among && (f->pred_before || f->pred_noun))))
        return 0;
    if (corrected) {
        f->denied = 1; /* 52 morts et non 45: the figure the text puts right */
        cl_explain(f, "corrected", NULL, 0);
    }
    if (demonym && what < 0)
        return 0; /* a people named after its place is counted only when something happens */
    if (what >= 0 && c->who == RC_WHO_VEHICLES && what != RC_WHAT_EVACUATED)
        what = RC_WHAT_OTHER; /* vehicles are destroyed or taken, never killed or wounded:
                               * deux véhicules piégés, 14 blindés (after tués ou blessés) */
    if (what < 0 || !cl_pred_fits(what, c->who)) {
        /* dans quatre quartiers, de deux habitants: a figure in a complement, not a claim */
        if (f->nt0 > s0 && c->who != RC_WHO_OTHER && c->who != RC_WHO_VEHICLES) {
            /* ... and les deux villes: a definite figure names, it does not count; weapons,
             * strikes and targets count wherever they stand (sur deux cibles militaires) */
            const cl_entry *e = cl_word_at(d, f->nt0 - 1);
            if (e && (e->wflags & (CL_W_PREP | CL_W_DE | CL_W_DET)))
                return 0;
        }
        what = RC_WHAT_OTHER;
    }
    if (what == RC_WHAT_INJURED && c->who == RC_WHO_WOUNDED && prev->c && prev->sent == f->sent &&
        prev->ct != SIZE_MAX && f->nt0 > s0 && prev->endt + 12 >= f->nt0 && cl_word_at(d, f->nt0 - 1) &&
        (cl_word_at(d, f->nt0 - 1)->wflags & CL_W_AND) && cl_word_at(d, prev->ct) &&
        cl_word_at(d, prev->ct)->cwhat < 0 && prev->c->who != RC_WHO_OTHER &&
        prev->c->who != RC_WHO_AREAS && prev->c->who != RC_WHO_VEHICLES) {
        /* 15 policiers tués et 22 blessés: the wounded are of the kind counted before; after
         * an event noun (63 morts et 120 blessés) the wounded are what is counted */
        c->who = prev->c->who;
        cl_explain(f, "wounded-of", NULL, 0);
    }
    c->what = (uint8_t)what;
    return 1;
}

/* Whether token i is an article that counts one: un/une before a toll noun (un mort et quatre
 * blessés, a fait une victime), not inside a figure (vingt et un), not in a complement (d'un
 * mort, pour une victime) and not before one (une victime de l'attaque). */
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
    if (!ne || !ne->one || cl_num_tok(d, i) >= 0)
        return 0;
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
static int cl_next_one(const cl_doc *d, size_t *i, rc_number *n /* OUT */)
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
        if (!((first[c0 >> 6] >> (c0 & 63)) & 1) || !cl_article_one(d, k))
            continue;
        *n = (rc_number){tk[k].start, tk[k].end, 1.0, NAN, NAN, false, RC_NUM_NUMBER,
                         RC_REL_NONE, 0};
        *i = k + 1;
        return 1;
    }
    *i = ntoks;
    return 0;
}

int rc_stage_claims(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->claims = NULL;
    doc->nclaims = 0;
    if (!doc->nnums || !doc->ntoks)
        return RC_OK;
    cl_doc d;
    memset(&d, 0, sizeof d);
    d.doc = doc;
    d.t = cl_table_get(doc->ctx);
    /* the records of the tokens are cleared by blocks when first read (cl_w) */
    d.words = d.t ? rc_arena_alloc(&doc->arena, doc->ntoks * sizeof *d.words) : NULL;
    d.cleared = rc_arena_calloc(&doc->arena, (doc->ntoks >> CL_BLOCK_SHIFT) + 1, 1);
    d.sents = rc_arena_calloc(&doc->arena, doc->nsents ? doc->nsents : 1, sizeof *d.sents);
    d.numt = rc_arena_calloc(&doc->arena, 2 * doc->nnums, sizeof *d.numt);
    if (!d.t || !d.words || !d.cleared || !d.sents || !d.numt)
        return RC_ENOMEM;
    size_t cap = 0;
    uint32_t skip_to = 0;
    cl_prev prev = {NULL, 0, 0, SIZE_MAX, -1};
    cl_fig f;
    size_t onei = 0; /* where to look for the next article counting one */
    rc_number one;
    int have_one = cl_next_one(&d, &onei, &one);
    for (size_t k = 0; k < doc->nnums || have_one;) {
        const rc_number *n;
        long self;
        if (have_one && (k >= doc->nnums || one.start < doc->nums[k].start)) {
            n = &one, self = -1;
        } else {
            n = &doc->nums[k], self = (long)k;
            k++;
        }
        if (n->start < skip_to) {
            if (self < 0)
                have_one = cl_next_one(&d, &onei, &one);
            continue;
        }
        int r = cl_figure(&d, n, self, &prev, &f, &skip_to);
        if (self < 0)
            have_one = cl_next_one(&d, &onei, &one);
        if (r < 0)
            return RC_ENOMEM;
        if (n->kind == RC_NUM_RANGE && n->end > skip_to)
            skip_to = n->end; /* entre 30 et 40: its bounds are not figures of their own */
        if (r == 0)
            continue;
        int status = cl_context(&d, &f);
        if (status)
            return status;
        if (!f.elen)
            cl_explain(&f, "figure", NULL, 0);
        f.c.explain = rc_arena_strndup(&doc->arena, f.explain, f.elen);
        if (f.nparts) {
            rc_claim_part *parts = rc_arena_alloc(&doc->arena, f.nparts * sizeof *parts);
            if (!parts)
                return RC_ENOMEM;
            memcpy(parts, f.parts, f.nparts * sizeof *parts);
            f.c.parts = parts;
            f.c.nparts = f.nparts;
        }
        if (!f.c.explain || rc_arena_grow(&doc->arena, (void **)&doc->claims, &cap,
                                          doc->nclaims + 1, sizeof *doc->claims))
            return RC_ENOMEM;
        doc->claims[doc->nclaims] = f.c;
        prev.c = &doc->claims[doc->nclaims++];
        prev.sent = f.sent;
        prev.endt = f.endt;
        prev.ct = f.ct;
        prev.gov_what = f.gov_what;
    }
    return RC_OK;
}
