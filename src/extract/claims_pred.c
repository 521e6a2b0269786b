/*
 * claims_pred.c - what a figure counts and what happened to it: the counted noun after the figure
 * (or before it through "est de", "s'élève à"), negation, the predicate of the clause (a verb or
 * noun before or after the figure, or the main verb behind a participle) and whether it fits
 * what is counted, and whether a plain figure is a year. claims.c's cl_figure calls these.
 */
#include <math.h>
#include <string.h>

#include "core/words.h"
#include "extract/claims_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

#define CL_BACK 15 /* tokens read before a figure for its predicate */
#define CL_FWD 10  /* tokens read after a figure, its noun and its parts */

/* Whether the closing quotation mark at token i closes one opened just before the figure that
 * ends there: a quotation mark opens within the eight tokens before, none closes between. */
static bool cl_quoted_figure(const cl_doc *d, size_t i)
{
    for (size_t k = i; k > 0 && k + 8 > i; k--) {
        unsigned kind = d->doc->toks[k - 1].kind;
        if (kind == RC_TOK_QUOTE_OPEN)
            return true;
        if (kind == RC_TOK_QUOTE_CLOSE || kind == RC_TOK_PUNCT)
            return false;
    }
    return false;
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
        if (j == i && (d->doc->toks[j].kind == RC_TOK_QUOTE_OPEN ||
                       (d->doc->toks[j].kind == RC_TOK_QUOTE_CLOSE && cl_quoted_figure(d, i))))
            continue; /* 12 « terroristes »: the noun in scare quotes; « 40 » morts, "près de
                       * huit millions" de personnes: the figure */
        long om = j == i ? cl_num_tok(d, j) : -1;
        if (om >= 0 && d->doc->nums[om].kind == RC_NUM_ORDINAL && skips++ < 2)
            continue; /* un cinquième Casque bleu: the ordinal before the noun */
        if (!cl_is_word(d->doc, j))
            return 0;
        size_t nt;
        const cl_entry *e = cl_match(d, j, lim, &nt);
        if (!e && j > i && j + 1 < lim && skips < 2 && cl_word_at(d, j - 1) &&
            (cl_word_at(d, j - 1)->wflags & CL_W_DET) && cl_word_at(d, j + 1) &&
            cl_word_at(d, j + 1)->who >= 0 && !(d->doc->toks[j].flags & RC_TF_UPPER)) {
            skips++; /* trois de nos vaillants soldats: an adjective the lexicons do not know */
            continue;
        }
        if (!e)
            return 0;
        if (e->who >= 0 && e->adj && j + nt < lim && skips < 2 && cl_is_word(d->doc, j + nt)) {
            size_t nt2; /* 50 jeunes soldats: the noun it qualifies */
            const cl_entry *e2 = cl_match(d, j + nt, lim, &nt2);
            if (e2 && e2->who >= 0) {
                skips++;
                continue;
            }
        }
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

/* The counted noun before a figure that a link (est de, s'élève à, a comma, the de right after a
 * toll noun: un bilan de 171) ties to it: after a
 * toll noun (le nombre des miliciens et de leurs familles), the first noun after it; else the
 * nearest. Returns 1 and the noun's token, or 0. */
int cl_counted_before(const cl_doc *d, size_t nt0, size_t s0, int comma,
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
    if (!linked && nt0 >= s0 + 2) { /* un bilan de 171, un nombre de morts de 171 */
        const cl_entry *de = cl_word_at(d, nt0 - 1), *h = cl_word_at(d, nt0 - 2);
        const cl_entry *d2 = nt0 >= s0 + 4 ? cl_word_at(d, nt0 - 3) : NULL;
        const cl_entry *h2 = d2 ? cl_word_at(d, nt0 - 4) : NULL;
        if (de && (de->wflags & CL_W_DE) && h &&
            (h->who == CL_WHO_SUM ||
             (h->cwhat >= 0 && d2 && (d2->wflags & CL_W_DE) && h2 && h2->who == CL_WHO_SUM)))
            linked = 1, j = nt0 - 1;
    }
    if (!linked && nt0 >= s0 + 2 && cl_word_at(d, nt0 - 1) &&
        (cl_word_at(d, nt0 - 1)->wflags & CL_W_AGENT)) {
        long m = cl_num_tok(d, nt0); /* arrêtés par centaines: a vague count of the subject */
        const cl_entry *fe = cl_word_at(d, nt0);
        if (m >= 0 && isnan(doc->nums[m].value) && !(fe && (fe->wflags & CL_W_DET)))
            linked = 1, j = nt0 - 1;
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
    /* beyond those twelve words, only a toll noun that opens the subject, past a long complement
     * (le bilan des morts suite à l'explosion dans une installation de stockage de carburant au
     * nord du pays s'est alourdi à) */
    size_t far = linked == 1 ? (j > s0 + 28 ? j - 28 : s0) : lo;
    size_t nearest = SIZE_MAX, leftmost = SIZE_MAX;
    const cl_entry *ne = NULL, *le = NULL;
    for (size_t k = j; k > far; k--) {
        size_t i = k - 1;
        if (cl_num_tok(d, i) >= 0 || (i < lo && (cl_punct(doc, i, ',') || cl_punct(doc, i, ';'))))
            break;
        const cl_entry *e = cl_word_at(d, i);
        if (!e || (i < lo && e->who != CL_WHO_SUM))
            continue;
        if (i > s0 && cl_reflexive(d, i - 1))
            continue; /* le bilan s'élève à 33: after s', a verb, never the pupils counted */
        if (e->who == CL_WHO_SUM) {
            /* le nombre des miliciens et de leurs familles est de 5000: the first noun after
             * the toll noun; le bilan s'élève à 33: the toll noun itself */
            *sum = e->cwhat;
            if (leftmost != SIZE_MAX && e->cwhat >= 0 && le->who == RC_WHO_OTHER)
                leftmost = SIZE_MAX; /* le bilan des attentats s'est élevé à 250: the attacks
                                        are what the toll is of, the toll counts victims */
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

/* Whether predicate e at token i is used as a noun: a noun of the predicate list, or a past
 * participle (réfugiés, déplacés), which after de is a noun (le camp de réfugiés), unlike an
 * infinitive (contraints de fuir). */
static bool cl_noun_use(const cl_doc *d, const cl_entry *e, size_t i)
{
    rc_morph m;
    return (e->pflags & CL_P_NOUN) ||
           (rc_fr_morph_tok(d->doc, i, &m) && (m.flags & (RC_M_PPAS | RC_M_NOUN)) &&
            !(m.flags & RC_M_INF));
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
    size_t ct, cnt, t1 = cl_num_t1(d, (size_t)(m));
    const cl_entry *ce;
    return cl_counted_after(d, t1, s1, &ct, &cnt, &ce) >= 1 || cl_people_word(d, t1, s1, false) ||
           cl_demonym_word(d, t1, s1); /* et trois Canadiens */
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
/* When figure f lies in the name of a source whose attribution covers what follows it (Les
 * quatre rescapés ont confié que ...), the token right after the source's name: the figure
 * counts speakers, and no verb after it is theirs. SIZE_MAX otherwise. */
static size_t cl_spoken_by(const cl_doc *d, const cl_fig *f)
{
    const rc_doc *doc = d->doc;
    for (size_t k = 0; k < doc->nattrs; k++) {
        const rc_attribution *a = &doc->attrs[k];
        if (a->nchain && a->chain[0].start <= f->c.start && f->c.end <= a->chain[0].end &&
            a->scope_start >= a->chain[0].end && a->quote < 0)
            return cl_tok_near(doc, f->endt, a->chain[0].end);
    }
    return SIZE_MAX;
}

/* Whether token i is a mark after which a clause opens: a comma, a colon, a dash (BOGOTA (AFP)
 * - Au moins 14 rebelles ...). */
static bool cl_opens_clause(const rc_doc *doc, size_t i)
{
    return cl_punct(doc, i, ',') || cl_punct(doc, i, ':') || cl_dash_punct(doc, i);
}

static int cl_main_verb(const cl_doc *d, size_t i, size_t s1, int who, size_t *at, size_t *nt)
{
    const rc_doc *doc = d->doc;
    for (size_t k = i; k < s1 && k < i + 40; k++) {
        if (cl_punct(doc, k, ';') || doc->toks[k].kind == RC_TOK_QUOTE_OPEN ||
            (cl_num_tok(d, k) >= 0 && !cl_in_time(doc, doc->toks[k].start)))
            return -1; /* il y a trois semaines is no figure */
        const cl_entry *e = cl_word_at(d, k);
        if (e && (e->wflags & CL_W_FLOOR) && k + 1 < s1 && cl_word_at(d, k + 1) &&
            (cl_word_at(d, k + 1)->wflags & CL_W_ONE))
            return -1; /* dans laquelle au moins une personne a été tuée: a figure of its own */
        if (!e || !(e->wflags & CL_W_AUX))
            continue;
        if (k > i && (cl_is_word(doc, k - 1) && !cl_punct(doc, k - 1, ',')) &&
            !(doc->toks[k - 1].flags & RC_TF_UPPER) && cl_word_at(d, k - 1) &&
            (cl_word_at(d, k - 1)->wflags & CL_W_STOP))
            return -1; /* qui ont, que l'armée a: a relative clause, not the main verb */
        for (size_t j = k + 1; j < s1 && j <= k + 2; j++) {
            const cl_entry *v = cl_match(d, j, s1, nt);
            int w = v && !(v->pflags & CL_P_NOUN) ? cl_pred_what(v, who) : -1;
            if (w >= 0 && cl_active_object(d, j, *nt, s1))
                return -2; /* Un kamikaze a tué douze personnes: the agent */
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

/* Whether the event noun at token i is what someone asks for, not what happened (demander,
 * réclamer la libération de): a verb of asking (class ask of claim_words.tsv, by its
 * infinitive) right before its article. */
static bool cl_demanded(const cl_doc *d, size_t i, size_t w0)
{
    const rc_doc *doc = d->doc;
    if (i < w0 + 2 || !cl_is_word(doc, i - 2))
        return false;
    const cl_entry *art = cl_word_at(d, i - 1);
    if (!art || !(art->wflags & CL_W_DET))
        return false;
    rc_morph m;
    if (!rc_fr_morph_tok(doc, i - 2, &m) || !m.verb)
        return false;
    const cl_entry *ve = cl_lookup(d->t, m.verb, strlen(m.verb));
    return ve && (ve->wflags2 & CL_W2_ASK);
}

/* Whether token t is the counted noun of a figure other than self that ends just before it (the
 * "morts" of "une dizaine de morts, six blessés"): a noun that counts another figure says
 * nothing of ours. */
static bool cl_counted_by_other(const cl_doc *d, size_t t, size_t s0, long self)
{
    for (size_t k = t; k > s0 && k + 4 > t; k--) {
        long m = cl_num_tok(d, k - 1);
        if (m < 0)
            continue;
        size_t ct, cnt;
        const cl_entry *ce;
        return m != self &&
               cl_counted_after(d, cl_num_t1(d, (size_t)m), t + 1, &ct, &cnt, &ce) >= 1 &&
               ct <= t && t < ct + cnt;
    }
    return false;
}

/* Whether an auxiliary stands in tokens [from, i): a participle at i is then in a verb group
 * (sont toujours retenus), no bare attribute of the noun before it. */
static bool cl_aux_between(const cl_doc *d, size_t from, size_t i)
{
    for (size_t k = from; k < i; k++) {
        const cl_entry *e = cl_word_at(d, k);
        if (e && (e->wflags & CL_W_AUX))
            return true;
    }
    return false;
}

/* Whether token i is a past participle in the singular only and no auxiliary stands in [from,
 * i): an attribute that agrees with a noun of one, which says nothing of a figure of several
 * (after an auxiliary, "ont fui", "auraient péri", the participle does not agree). */
static bool cl_singular_ppas(const cl_doc *d, size_t from, size_t i)
{
    rc_morph m;
    return rc_fr_morph_tok(d->doc, i, &m) && (m.flags & RC_M_PPAS) && !(m.flags & RC_M_PLURAL) &&
           !cl_aux_between(d, from, i);
}

/* Whether a comma stands in tokens [a, b). */
static bool cl_comma_in(const rc_doc *doc, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (cl_punct(doc, k, ','))
            return true;
    return false;
}

/* Whether token i opens an aside with a past participle that no predicate entry names
 * (soupçonnées de, accusés d'avoir, originaires de): the aside describes the counted people,
 * the verb after it says what happened to them. */
static bool cl_aside_participle(const cl_doc *d, size_t i, size_t s1)
{
    rc_morph m;
    size_t nt;
    const cl_entry *e = cl_is_word(d->doc, i) ? cl_match(d, i, s1, &nt) : NULL;
    return cl_is_word(d->doc, i) && !(d->doc->toks[i].flags & RC_TF_UPPER) &&
           (!e || (e->pwhat < 0 && e->who < 0)) && rc_fr_morph_tok(d->doc, i, &m) &&
           (m.flags & RC_M_PPAS) && !(m.flags & RC_M_NOUN);
}

/* Finds the predicate of a figure in its clause: after it first (passive, participle, relative
 * clause: 82 civils tués, qui ont déposé les armes), then before it (ont tué au moins 82, la
 * mort de 12 soldats). Sets f->win0/win1 and f->pred; returns its what or -1. */
static int cl_predicate_one(const cl_doc *d, cl_fig *f, size_t s0, size_t s1, long self)
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
    if (w1 + 3 < s1 && doc->toks[w1].kind == RC_TOK_WORD && !cl_word_at(d, w1) &&
        cl_punct(doc, w1 + 1, ',') && cl_word_at(d, w1 + 2) &&
        (cl_word_at(d, w1 + 2)->wflags & CL_W_AGED))
        w1++; /* cinq habitants peuls, âgés de 14 à 73 ans,: an adjective before the aside */
    if (w1 + 2 < s1 && cl_punct(doc, w1, ',') && cl_word_at(d, w1 + 1) &&
        (cl_word_at(d, w1 + 1)->wflags & (CL_W_PARTS | CL_W_ADV | CL_W_AGED))) {
        /* 31 civils, notamment des femmes et des enfants, ont été tués: the aside is skipped;
         * an aside of ages holds figures of its own (cinq civils, âgés de 20 à 30 ans,) */
        bool aged = (cl_word_at(d, w1 + 1)->wflags & CL_W_AGED) != 0;
        for (size_t j = w1 + 2; j < s1 && j < w1 + 14; j++) {
            if ((cl_num_tok(d, j) >= 0 && !aged) || cl_punct(doc, j, ';'))
                break;
            if (cl_punct(doc, j, ',')) {
                w1 = j + 1;
                break;
            }
        }
    } else if (w1 + 3 < s1 && cl_punct(doc, w1, ',') && cl_aside_participle(d, w1 + 1, s1)) {
        /* 52 personnes, soupçonnées d'avoir organisé les émeutes, ont été arrêtées: an aside
         * opened by a participle that says nothing of what happened is skipped whole */
        for (size_t j = w1 + 2; j < s1 && j < w1 + 16; j++) {
            if (cl_num_tok(d, j) >= 0 || cl_punct(doc, j, ';'))
                break;
            if (cl_punct(doc, j, ',')) {
                w1 = j + 1;
                break;
            }
        }
    } else if (f->nparts && f->cend + 1 < w1 && cl_punct(doc, f->cend, ',') &&
               cl_word_at(d, f->cend + 1) && (cl_word_at(d, f->cend + 1)->wflags & CL_W_PARTS)) {
        /* 47 otages, dont 25 sont présumés morts, sont toujours retenus: the parts' own clause
         * up to its closing comma is theirs */
        for (size_t j = w1; j < s1 && j < w1 + 8; j++) {
            if (cl_num_tok(d, j) >= 0 || cl_punct(doc, j, ';'))
                break;
            if (cl_punct(doc, j, ',')) {
                if (j > w1)
                    w1 = j + 1;
                break;
            }
        }
    }
    /* the figure opens a list whose verb comes after its last member */
    bool listed = w1 + 1 < s1 && w1 == f->endt && cl_punct(doc, w1, ',') &&
                  cl_num_tok(d, w1 + 1) < 0 && cl_list_ahead(d, w1 + 1, s1);
    while (w1 < s1 && budget) {
        long m = cl_num_tok(d, w1);
        if (m >= 0 && m != self && cl_age(d, w1)) {
            w1 += 2, budget -= budget > 2 ? 2 : budget; /* un homme de 37 ans a été tué */
            continue;
        }
        if (m >= 0 && m != self) {
            if (w1 > f->endt && cl_coordinated(d, w1, s1) &&
                (listed || !cl_comma_in(doc, f->endt, w1) ||
                 (w1 == f->endt + 1 && (listed = cl_list_ahead(d, w1, s1))))) {
                /* une vingtaine de bus et une dizaine d'ambulances ont quitté */
                size_t ct, cnt;
                const cl_entry *ce;
                if (cl_counted_after(d, cl_num_t1(d, (size_t)(m)), s1, &ct, &cnt, &ce) >= 1)
                    w1 = ct + cnt;
                else
                    w1 = cl_num_t1(d, (size_t)(m)) + 1; /* a people's name: one word */
                continue;
            }
            const cl_entry *pe = w1 > f->endt ? cl_word_at(d, w1 - 1) : NULL;
            size_t t1 = cl_num_t1(d, (size_t)m);
            const cl_entry *ne = t1 < s1 ? cl_word_at(d, t1) : NULL;
            if (pe && (pe->wflags & CL_W_AND) && t1 > w1 && t1 < s1 &&
                !cl_comma_in(doc, f->endt, w1) &&
                ((ne && (ne->wflags & (CL_W_PREP | CL_W_DE))) ||
                 (!ne && (doc->toks[t1].flags & RC_TF_UPPER)))) {
                /* 143 combattants du côté du régime et 274 du côté des rebelles ont été tués,
                 * deux Dogons et trois Bellahs ont été exécutés: a figure whose noun is left
                 * out or unknown shares the verb after it */
                w1 = t1;
                budget = CL_FWD; /* its complement is as long as ours may be */
                continue;
            }
            break;
        }
        if (cl_punct(doc, w1, ';'))
            break;
        w1++, budget--;
    }
    size_t main_lim = s1; /* how far the clause's main verb may be sought */
    size_t sel = cl_selon_phrase_end(d, s0, s1);
    if (sel != SIZE_MAX && sel < w1 && sel >= f->endt)
        w1 = main_lim = sel; /* Selon des déclarations de certaines des 30 personnes arrêtées, les
                              * otages auraient été tués: the figure stands in the phrase that
                              * names the source, which ends at the first comma */
    size_t said = cl_spoken_by(d, f);
    if (said < w1) {
        w1 = said; /* Les quatre rescapés ont confié que ...: they speak, nothing after is theirs */
        f->agentive = 1;
    }
    f->win0 = w0;
    f->win1 = w1;
    int who = f->c.who;
    /* the noun governing the figure, kept for coordinated figures even when a verb wins */
    for (size_t i = f->nt0; i > w0 && i + 6 > f->nt0; i--) {
        size_t nt;
        const cl_entry *e = cl_match(d, i - 1, f->nt0, &nt);
        if (e && e->pwhat >= 0 && (e->pflags & CL_P_NOUN) && cl_pred_what(e, who) >= 0) {
            const cl_entry *de = cl_word_at(d, f->nt0 - 1);
            bool adjacent =
                i - 1 + nt == f->nt0 || (i + nt == f->nt0 && de && (de->wflags & CL_W_DE));
            if (!adjacent && cl_pred_what(e, who) == RC_WHAT_OTHER)
                break; /* l'incendie du camp a fait 8 morts: damage done to things says nothing
                        * of a figure it does not govern */
            /* réclament la libération de 6 étudiants: a release asked for, so they are held */
            bool asked = cl_pred_what(e, who) == RC_WHAT_OTHER && cl_demanded(d, i - 1, w0);
            f->gov_what = asked ? RC_WHAT_DETAINED : cl_pred_what(e, who);
            if (adjacent && !cl_negated(d, i - 1, s0)) {
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
    if (nb > w0 + 3 && cl_punct(doc, nb - 1, ',')) {
        /* ont tué, jeudi, 92 personnes: a time between commas may stand between */
        size_t p = nb - 2;
        while (p > w0 && p + 12 > nb && !cl_punct(doc, p, ','))
            p--;
        if (p > w0 && cl_punct(doc, p, ',') && cl_in_time(doc, doc->toks[p + 1].start) &&
            cl_in_time(doc, doc->toks[nb - 2].start))
            nb = p;
    }
    for (size_t back = 1; back <= 2 && back <= nb - w0; back++) {
        /* ont tué 13 personnes et blessé 9 autres: a verb right before the figure governs it,
         * not the next clause's */
        size_t nt;
        const cl_entry *e = cl_match(d, nb - back, nb, &nt);
        int what = e && nt == back && !(e->pflags & CL_P_NOUN) ? cl_pred_what(e, who) : -1;
        if (what < 0 || cl_negated(d, nb - back, s0))
            continue;
        if (what == RC_WHAT_PRESENT) {
            /* on comptait 233 soldats et combattants tués: a participle after the noun says
             * more than a verb that counts */
            for (size_t k = f->cend; k < w1 && k < f->cend + 6; k++) {
                size_t nt2;
                const cl_entry *e2 = cl_match(d, k, w1, &nt2);
                int w2 = e2 && !(e2->pflags & CL_P_NOUN) ? cl_pred_what(e2, who) : -1;
                if (w2 >= 0 && w2 != RC_WHAT_PRESENT && !cl_negated(d, k, s0)) {
                    f->pred = k;
                    cl_explain_toks(f, doc, "predicate-after", k, nt2);
                    return w2;
                }
                const cl_entry *we = cl_word_at(d, k);
                if (cl_num_tok(d, k) >= 0 || cl_punct(doc, k, ',') ||
                    (we && (we->wflags & (CL_W_AUX | CL_W_STOP | CL_W_PREP))))
                    break; /* another figure, clause or complement */
            }
        }
        if (what == RC_WHAT_PRESENT && nb - back > s0 + 2) {
            /* Parmi les personnes tuées se trouvaient 7 enseignants: the sentence opens on the
             * whole they are taken from, whose participle says what happened to them */
            const cl_entry *pe0 = cl_word_at(d, s0);
            for (size_t k = s0 + 1; pe0 && (pe0->wflags & CL_W_WHOLE) && k < nb - back; k++) {
                size_t nt2;
                const cl_entry *e2 = cl_match(d, k, nb - back, &nt2);
                int w2 = e2 && !(e2->pflags & CL_P_NOUN) ? cl_pred_what(e2, who) : -1;
                if (w2 < 0 && e2 && e2->who >= 0 && e2->cwhat >= 0)
                    w2 = e2->cwhat; /* Parmi les victimes se trouvent trois Marocains */
                if (w2 >= 0 && w2 != RC_WHAT_PRESENT && !cl_negated(d, k, s0)) {
                    f->pred = k;
                    f->pred_before = 1;
                    cl_explain_toks(f, doc, "predicate-whole", k, nt2);
                    return w2;
                }
                if (cl_punct(doc, k, ','))
                    break;
            }
        }
        f->pred = nb - back;
        f->pred_before = 1;
        cl_explain_toks(f, doc, "predicate-before", f->pred, nt);
        return what;
    }
    /* Dix-sept des 23 femmes ont été tuées: the verb is the share's; only a participle right
     * after its noun is the whole's (des 23 femmes enlevées le 28 janvier) */
    size_t w1f = cl_is_whole(d, f, s0) && f->cend < w1 ? f->cend + 1 : w1;
    /* our noun is itself the event (164 blessés): a participle right after the next figure's
     * noun is that figure's (164 blessés et 101 personnes enlevées) */
    const cl_entry *own = f->ct != SIZE_MAX ? cl_word_at(d, f->ct) : NULL;
    bool event_noun = own && own->cwhat >= 0;
    size_t other_end = SIZE_MAX; /* the token after the last figure passed and its noun */
    /* where another clause opens after the figure (dont, qui ...): a toll noun's own what is
     * not given by a verb past it (blessés chez des civils qui avaient trouvé refuge) */
    size_t clause0 = f->cend;
    while (event_noun && clause0 < w1f) {
        const cl_entry *qe = cl_word_at(d, clause0);
        if (qe && (qe->wflags & (CL_W_STOP | CL_W_PARTS)) && !(qe->wflags & CL_W_AUX))
            break;
        clause0++;
    }
    for (size_t i = f->cend; i < w1f; i++) {
        long m = cl_num_tok(d, i);
        if (m >= 0 && m != self) {
            /* a coordinated figure and its noun: 63 morts et 120 blessés */
            size_t ct, cnt;
            const cl_entry *ce;
            if (cl_counted_after(d, cl_num_t1(d, (size_t)(m)), w1, &ct, &cnt, &ce) >= 1) {
                i = ct + cnt - 1;
                other_end = ct + cnt;
            } else {
                other_end = cl_num_t1(d, (size_t)m); /* 9 blessés et 22 interpellés */
            }
            continue;
        }
        size_t nt;
        const cl_entry *e = cl_match(d, i, w1, &nt);
        if (e && e->who == CL_WHO_SUM && i > f->cend)
            break; /* 2081 migrants, et le nombre de disparus: another toll's subject */
        int what = e ? cl_pred_what(e, who) : -1;
        if (what >= 0 && cl_in_time(doc, doc->toks[i].start))
            what = -1; /* contre 3 200 il y a une semaine: a time, no verb */
        if (what < 0) {
            if (e && nt > 1 && (e->wflags & CL_W_ADV || e->who >= 0))
                i += nt - 1; /* sont au total morts, sa voiture piégée: the phrase's words
                                are no toll noun and no verb */
            continue;
        }
        /* trois blessés et quatre autres sont portés disparus: the verb is theirs */
        if (event_noun && other_end != SIZE_MAX && i >= other_end && !(e->pflags & CL_P_NOUN))
            continue;
        if (event_noun && i > f->cend + 1 && !(e->pflags & CL_P_NOUN) &&
            !cl_aux_between(d, f->cend, i))
            continue; /* 330 morts dans les frappes lancées dans la nuit: the nearer noun's */
        if (event_noun && i > clause0 && !(e->pflags & CL_P_NOUN))
            continue; /* 25 blessés dont certains ont été évacués: another clause's verb */
        if ((e->pflags & CL_P_NOUN) && i > f->cend + 3)
            continue; /* 82 civils victimes de; habitants à l'exode */
        if (i > f->cend && cl_word_at(d, i - 1) && (cl_word_at(d, i - 1)->wflags & CL_W_DE) &&
            cl_noun_use(d, e, i))
            continue; /* des dizaines de proches des victimes; ont eu lieu près du camp de
                       * réfugiés: a noun's complement (not contraints de fuir) */
        if (!(e->pflags & CL_P_NOUN) && i > f->cend && f->c.value >= 2 &&
            cl_singular_ppas(d, f->cend, i))
            continue; /* six blessés et un assaillant neutralisé: the other noun's participle */
        long next = i + nt < w1 && !(e->pflags & CL_P_NOUN) ? cl_num_tok(d, i + nt) : -1;
        if (next >= 0 && next != self)
            continue; /* fait 20 000 victimes et déplacé 14 millions: the next figure's verb */
        if (!(e->pflags & CL_P_NOUN) && i > f->cend && cl_active_object(d, i, nt, s1)) {
            f->agentive = 1;
            continue; /* Un soldat a tué un civil: the subject is the agent */
        }
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
        const cl_entry *re = f->cend < i ? cl_word_at(d, f->cend) : NULL;
        if (what == RC_WHAT_PRESENT && re && (re->wflags2 & CL_W2_REL) && i < f->cend + 4 &&
            !(e->pflags & CL_P_NOUN)) {
            /* 15 personnes qui étaient réunies pour un baptême ont été tuées: the relative
             * clause's weak verb gives way to the main verb */
            size_t k = 0, nt2 = 0;
            int w2 = cl_main_verb(d, i + nt, main_lim, who, &k, &nt2);
            if (w2 >= 0 && w2 != RC_WHAT_PRESENT) {
                f->pred = k;
                cl_explain_toks(f, doc, "predicate-main", k, nt2);
                return w2;
            }
        }
        if ((i == f->cend || (i == f->cend + 1 && cl_punct(doc, f->cend, ','))) &&
            !(e->pflags & CL_P_NOUN) && !cl_is_whole(d, f, s0)) {
            /* (or in an aside: deux femmes, blessées ce matin, sont décédées) */
            /* 46 personnes enlevées il y a trois semaines par des bandits ... ont été libérées:
             * a participle right after the noun gives way to the verb of the clause */
            size_t k = 0, nt2 = 0;
            int w2 = cl_main_verb(d, i + nt, main_lim, who, &k, &nt2);
            /* a weak verb right after the participle says less: 46 otages libérés ont été
             * accueillis */
            if (w2 >= 0 && w2 != what && w2 != RC_WHAT_PRESENT && w2 != RC_WHAT_FLED &&
                (k > i + nt + 2 || w2 == RC_WHAT_EVACUATED || w2 == RC_WHAT_KILLED)) {
                /* 122 personnes blessées ont été évacuées: a strong verb even right after */
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
    if (w1f < w1)
        return -1; /* a whole: no verb of the clause, before or after, is its own */
    const cl_entry *pe = f->nt0 > s0 ? cl_word_at(d, f->nt0 - 1) : NULL;
    if (f->cend < s1 &&
        (f->nt0 == s0 || cl_opens_clause(doc, f->nt0 - 1) || (pe && (pe->wflags & CL_W_DET)) ||
         (pe && (pe->wflags & CL_W_STOP) && (pe->wflags & CL_W_ONLY)) || /* que, qu' */
         doc->toks[f->nt0 - 1].kind == RC_TOK_QUOTE_OPEN)) {
        /* Treize soldats de la force régionale de la SADC et de la Monusco ont été tués: the
         * figure opens its clause; the verb comes after a complement too long for the window,
         * and after the parts (Une vingtaine de personnes, dont deux enseignants, avaient été
         * enlevées) */
        size_t k = 0, nt = 0;
        size_t from = f->nparts && f->endt > f->cend ? f->endt : f->cend;
        if (from + 2 < s1 && cl_punct(doc, from, ',') && cl_word_at(d, from + 1) &&
            (cl_word_at(d, from + 1)->wflags & CL_W_PARTS)) {
            /* an aside of parts not read as such: past its closing comma */
            for (size_t j = from + 2; j < s1 && j < from + 24; j++)
                if (cl_punct(doc, j, ',')) {
                    from = j + 1;
                    break;
                }
        }
        int w = cl_main_verb(d, from, s1, who, &k, &nt);
        f->agentive |= w == -2;
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
        if (what < 0 || cl_counted_by_other(d, i - 1, s0, self))
            continue;
        if ((e->pflags & CL_P_NOUN) && what == RC_WHAT_OTHER)
            continue; /* l'incendie du camp a fait 8 morts: a noun of damage done to things
                       * tells what happened only to the figure it governs (read above) */
        const cl_entry *oe = i >= w0 + 2 ? cl_word_at(d, i - 2) : NULL;
        if (oe && (oe->wflags & CL_W_ONE) && e->who >= 0 && e->cwhat >= 0)
            continue; /* un mort ainsi que trois blessés: the toll noun an article counts */
        size_t lnt;
        const cl_entry *le = i >= w0 + 3 ? cl_match(d, i - 3, f->nt0, &lnt) : NULL;
        if (le && (le->wflags & CL_W_LINK) && lnt >= 3)
            continue; /* le bilan s'est arrêté à 26 morts: a link phrase, no toll */
        const cl_entry *ve = i >= w0 + 2 ? cl_word_at(d, i - 2) : NULL;
        if (!(e->pflags & CL_P_NOUN) && ve && ve->who == RC_WHO_VEHICLES)
            continue; /* un attentat au camion piégé a fait 137 morts: the vehicle's adjective */
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

/* Whether token i is "ou" (class or in claim_words.tsv). */
static bool cl_is_ou(const cl_doc *d, size_t i)
{
    const cl_entry *e = cl_is_word(d->doc, i) ? cl_word_at(d, i) : NULL;
    return e && (e->wflags2 & CL_W2_OR);
}

/* A toll of two kinds joined by "ou" is a toll of several kinds at once: ont péri ou ont
 * disparu, un millier de morts ou disparus, tués ou portés disparus. Returns the other what
 * that the verb or noun on the far side of "ou" says, or -1. */
static int cl_either(const cl_doc *d, const cl_fig *f, int what, size_t s0, size_t s1)
{
    int who = f->c.who;
    size_t nt;
    if (f->pred == SIZE_MAX || !cl_match(d, f->pred, s1, &nt))
        return -1;
    size_t j = f->pred + nt, nt1;
    const cl_entry *e1 = j < s1 ? cl_match(d, j, s1, &nt1) : NULL;
    if (e1 && cl_pred_what(e1, who) >= 0 && !(e1->pflags & CL_P_NOUN))
        j += nt1; /* mortes noyées ou ont disparu */
    if (j + 1 < s1 && cl_is_ou(d, j)) {
        j++;
        for (int aux = 0; aux < 2 && j + 1 < s1; aux++) {
            const cl_entry *ae = cl_word_at(d, j);
            if (!ae || !(ae->wflags & CL_W_AUX))
                break;
            j++; /* ont, sont, ont été */
        }
        const cl_entry *e = cl_match(d, j, s1, &nt);
        int w2 = e && !(e->pflags & CL_P_NOUN) ? cl_pred_what(e, who) : -1;
        if (w2 >= 0 && w2 != what && w2 != RC_WHAT_PRESENT)
            return w2;
    }
    if (f->pred >= s0 + 2 && cl_is_ou(d, f->pred - 1)) {
        const cl_entry *e = cl_word_at(d, f->pred - 2); /* morts ou disparus */
        int w2 = e && e->cwhat >= 0 ? e->cwhat : e ? cl_pred_what(e, who) : -1;
        if (w2 >= 0 && w2 != what && w2 != RC_WHAT_PRESENT)
            return w2;
    }
    return -1;
}

int cl_predicate(const cl_doc *d, cl_fig *f, size_t s0, size_t s1, long self)
{
    int what = cl_predicate_one(d, f, s0, s1, self);
    if (what >= 0 && what != RC_WHAT_OTHER && cl_either(d, f, what, s0, s1) >= 0) {
        cl_explain(f, "predicate-either", NULL, 0);
        return RC_WHAT_OTHER;
    }
    return what;
}
