/*
 * claims_parts.c - the parts of a claim: the figures that break it down (dont 11 femmes et 13
 * enfants; parmi lesquels 5 secouristes; 45 personnes : 20 hommes, 15 femmes et 10 enfants;
 * Parmi les 40 victimes figurent 12 enfants; ont été tués depuis le siège, dont 58 enfants).
 * They belong to the claim and are no claims of their own. Called by claims.c once the figure's
 * noun (and, for parts after the verb, its predicate) is known. See docs/claims.md, "Parts".
 */
#include <math.h>
#include <string.h>

#include "extract/claims_int.h"
#include "lang/fr/morph.h"

/* Whether token i is an article of class one before a counted noun (dont un enfant): a part of
 * one. */
static int cl_part_one(const cl_doc *d, size_t i, size_t s1)
{
    const cl_entry *e = cl_is_word(d->doc, i) ? cl_word_at(d, i) : NULL;
    if (!e || !(e->wflags & CL_W_ONE) || i + 1 >= s1 || cl_num_tok(d, i) >= 0)
        return 0;
    const cl_entry *ne = cl_word_at(d, i + 1);
    return ne && ne->who >= 0 && !ne->share;
}

/* Whether token i is an article of class one before a preposition, after a part: one more,
 * where the others were (dont trois à Joal et un à Saly). */
static int cl_part_one_more(const cl_doc *d, size_t i, size_t s1)
{
    const cl_entry *e = cl_is_word(d->doc, i) && i + 1 < s1 ? cl_word_at(d, i) : NULL;
    const cl_entry *pe = e ? cl_word_at(d, i + 1) : NULL;
    return e && (e->wflags & CL_W_ONE) && cl_num_tok(d, i) < 0 && pe && (pe->wflags & CL_W_PREP) &&
           !(pe->wflags & CL_W_DE);
}

/* Fills a part from its figure pn and its counted noun (tokens [ct, ct + cnt)): "dont 11 femmes".
 * Returns 0, or -1 when memory runs out. */
static int cl_part_fill(rc_doc *doc, rc_claim_part *pt, const rc_number *pn, size_t ct,
                        size_t cnt, int who)
{
    pt->value = pn->value;
    pt->low = pn->low;
    pt->high = pn->high;
    pt->who = (uint8_t)who;
    pt->start = pn->start;
    pt->end = doc->toks[ct + cnt - 1].end;
    pt->counted = rc_arena_strndup(&doc->arena, doc->text + doc->toks[ct].start,
                                   pt->end - doc->toks[ct].start);
    return pt->counted ? 0 : -1;
}

/* Reads a breakdown given in apposition (39 détenus, 24 femmes et 15 adolescents): figures with
 * their nouns after a comma, joined by commas and a last et, whose sum is the figure's value.
 * Returns the token after it, or i. */
static size_t cl_apposition(const cl_doc *d, cl_fig *f, size_t i, size_t s1)
{
    rc_doc *doc = d->doc;
    size_t i0 = i;
    for (int k = 0; k < 2 && i < s1 && doc->toks[i].kind == RC_TOK_WORD && !cl_word_at(d, i); k++)
        i++; /* 39 détenus palestiniens, ... */
    const cl_entry *pe = i + 2 < s1 ? cl_word_at(d, i) : NULL;
    if (pe && (pe->wflags & CL_W_WHOLE) && (pe->wflags & CL_W_PREP)) {
        /* sept morts parmi les civils (cinq enfants et deux femmes) */
        size_t j = i + 1;
        if (cl_word_at(d, j) && (cl_word_at(d, j)->wflags & CL_W_DET))
            j++;
        for (int k = 0; k < 3 && j < s1 && cl_is_word(doc, j) && cl_num_tok(d, j) < 0; k++)
            j++;
        if (j < s1 && j > i + 1 && (cl_punct(doc, j, '(') || cl_dash_punct(doc, j)))
            i = j;
    }
    int colon = 0; /* 45 personnes ont péri : 20 hommes, 15 femmes et 10 enfants */
    for (size_t j = i; j < s1 && j < i + 5 && !colon; j++) {
        if (cl_punct(doc, j, ':'))
            colon = 1, i = j;
        else if (!cl_is_word(doc, j))
            break;
    }
    if (i >= s1 || isnan(f->c.value) ||
        !(colon || cl_punct(doc, i, ',') || cl_punct(doc, i, '(') || cl_dash_punct(doc, i)))
        return i0; /* 17 morts – 9 soldats et 8 assaillants –; 39 détenus (24 femmes et ...) */
    rc_claim_part parts[CL_MAXPARTS];
    size_t n = 0, p = i + 1, end = i;
    double sum = 0;
    int closed = 0;
    while (n < CL_MAXPARTS && p < s1) {
        long m = cl_num_tok(d, p);
        rc_number onen; /* 37 Sénégalais et un Guinéen: the article counts one */
        const cl_entry *oe = m < 0 && n ? cl_word_at(d, p) : NULL;
        int one = oe && (oe->wflags & CL_W_ONE) &&
                  (cl_part_one(d, p, s1) || cl_people_word(d, p + 1, s1, true));
        if (one)
            onen = cl_one_number(&doc->toks[p], false);
        else if (m < 0 || isnan(doc->nums[m].value))
            break;
        const rc_number *pn = one ? &onen : &doc->nums[m];
        size_t ct, cnt, q = one ? p + 1 : cl_num_t1(d, (size_t)m);
        const cl_entry *ce;
        int who;
        if (cl_counted_after(d, q, s1, &ct, &cnt, &ce) >= 1 && ce->who >= 0)
            who = ce->who;
        else if (cl_people_word(d, q, s1, pn->value == 1))
            who = RC_WHO_PEOPLE, ct = q, cnt = 1; /* 37 Sénégalais et un Guinéen */
        else
            break;
        rc_claim_part *pt = &parts[n++];
        if (cl_part_fill(doc, pt, pn, ct, cnt, who))
            return i0;
        sum += pn->value;
        end = p = ct + cnt;
        if (closed)
            break;
        size_t nt;
        const cl_entry *ae = p < s1 ? cl_match(d, p, s1, &nt) : NULL;
        if (p < s1 && cl_punct(doc, p, ','))
            p++;
        else if (ae && (ae->wflags & CL_W_AND) && !(ae->wflags & CL_W_PREP))
            p += nt, closed = 1;
        else
            break;
    }
    if (n < 2 || !closed || sum != f->c.value)
        return i0;
    for (size_t k = 0; k < n; k++)
        f->parts[f->nparts++] = parts[k];
    cl_explain(f, "parts-apposition", NULL, 0);
    return end;
}

/* Whether a part's figure and noun ending before token p are followed by another part: a comma,
 * et or ainsi que, maybe after a short complement (400 familles de Rafah et 250 de Khan Younès;
 * 60 du côté rebelle et 30), then a figure. Sets *np to the token after the separator. */
static int cl_part_next(const cl_doc *d, size_t p, size_t s1, size_t *np /* OUT */)
{
    const rc_doc *doc = d->doc;
    for (int k = 0; k <= 6 && p < s1; k++) { /* dans la seule ville de Yumbi, */
        size_t nt;
        const cl_entry *ae = cl_match(d, p, s1, &nt);
        size_t q = cl_punct(doc, p, ',') ? p + 1 : ae && (ae->wflags & CL_W_AND) ? p + nt : 0;
        if (!q && k == 0 && ae && (ae->wflags & CL_W_PARTS) && p + nt < s1 &&
            cl_num_tok(d, p + nt) >= 0) {
            *np = p + nt; /* 30 civils parmi lesquels 12 enfants: a part of the part is one
                           * of the whole's too */
            return 1;
        }
        if (q) {
            const cl_entry *de = q < s1 ? cl_word_at(d, q) : NULL;
            size_t r = de && (de->wflags & CL_W_DET) ? q + 1 : q;
            if (r >= s1 ||
                (cl_num_tok(d, r) < 0 && !cl_part_one(d, q, s1) && !cl_part_one_more(d, q, s1)))
                return 0;
            *np = q;
            return 1;
        }
        /* the complement: words that say no event and open no clause */
        if (!cl_is_word(doc, p) || cl_num_tok(d, p) >= 0 ||
            (ae && (ae->pwhat >= 0 || (ae->wflags & (CL_W_STOP | CL_W_PARTS | CL_W_AUX)) ||
                    ae->mod == CL_M_REPORT)))
            return 0;
        p++;
    }
    return 0;
}

static size_t cl_parts_read(const cl_doc *d, cl_fig *f, size_t i, size_t p, size_t cue, size_t s1);

/* The token of a word that makes figure f a whole whose parts follow it (Parmi les 40 victimes
 * figurent 12 enfants: parmi, then a determiner and at most one word before the figure), or
 * SIZE_MAX. */
static size_t cl_whole_lead(const cl_doc *d, const cl_fig *f, size_t s0)
{
    /* only a toll's noun makes a whole: parmi les 300 habitants, 40 ont été tués is no toll;
     * a noun and the participle of a toll are one (parmi les 30 personnes tuées, figurent) */
    const cl_entry *ce = f->ct != SIZE_MAX ? cl_word_at(d, f->ct) : NULL;
    size_t pnt;
    const cl_entry *pp = ce && ce->cwhat < 0 && f->ct + 1 < d->doc->ntoks
                             ? cl_match(d, f->ct + 1, d->doc->ntoks, &pnt)
                             : NULL;
    if (!ce || (ce->cwhat < 0 && !(pp && pp->pwhat >= 0 && !(pp->pflags & CL_P_NOUN) &&
                                   pp->pwhat != RC_WHAT_PRESENT)))
        return SIZE_MAX;
    for (size_t back = 2; back <= 3 && f->nt0 >= s0 + back; back++) {
        const cl_entry *w = cl_word_at(d, f->nt0 - back);
        const cl_entry *det = cl_word_at(d, f->nt0 - back + 1);
        if (w && (w->wflags & CL_W_WHOLE) && det && (det->wflags & CL_W_DET))
            return f->nt0 - back;
    }
    return SIZE_MAX;
}

/* Reads the parts of a figure after token i (dont 11 femmes et 13 enfants; parmi lesquels ...)
 * into f (s0, s1: the sentence's tokens); returns the token after the last part, or i when there
 * is none. */
size_t cl_parts(const cl_doc *d, cl_fig *f, size_t i, size_t s0, size_t s1)
{
    rc_doc *doc = d->doc;
    size_t p = i, nt = 0;
    const cl_entry *e = NULL;
    size_t lead = cl_whole_lead(d, f, s0);
    if (lead != SIZE_MAX && lead >= s0 + 2 && lead + 2 == f->nt0) {
        /* 13 femmes parmi les 22 victimes: the figure right before the lead is a part */
        const cl_entry *pe = cl_word_at(d, lead - 1);
        long m = cl_num_tok(d, lead - 2);
        if (pe && pe->who >= 0 && !pe->share && pe->cwhat < 0 && m >= 0 &&
            cl_num_t1(d, (size_t)m) == lead - 1) {
            if (cl_part_fill(doc, &f->parts[f->nparts], &doc->nums[m], lead - 1, 1, pe->who))
                return i;
            f->nparts++;
        }
    }
    if (lead != SIZE_MAX) {
        /* Parmi les 40 victimes (de la frappe) figurent 12 enfants: the figure is the whole, the
         * next one its part, after the words of a complement and a verb */
        while (p < s1 && p < i + 12 && cl_num_tok(d, p) < 0 &&
               !cl_part_one(d, p, s1) && (cl_is_word(doc, p) || cl_punct(doc, p, ',')))
            p++;
        return cl_parts_read(d, f, i, p, lead, s1);
    }
    /* an adjective or a short complement may stand between: civils syriens, survivants des
     * décombres, a short clause: ont été chassés de chez eux, dont; tuées en 2024, parmi */
    for (size_t k = 0; k < 8 && p < s1; k++) {
        if (cl_punct(doc, p, ',') || cl_punct(doc, p, '(')) { /* 45 morts (dont 12 enfants) */
            p++;
            continue;
        }
        e = cl_match(d, p, s1, &nt);
        if (e && (e->wflags & CL_W_PARTS))
            break;
        long y = cl_num_tok(d, p);
        if (y >= 0 && cl_year(d, &doc->nums[y], p, s0) && cl_num_t1(d, (size_t)(y)) > p) {
            p = cl_num_t1(d, (size_t)(y));
            continue;
        }
        if ((!cl_is_word(doc, p) || y >= 0) && !(y < 0 && cl_in_time(doc, doc->toks[p].start)))
            return cl_apposition(d, f, i, s1); /* depuis octobre 2023, parmi: a date is skipped */
        p++;
    }
    if (!e || !(e->wflags & CL_W_PARTS))
        return cl_apposition(d, f, i, s1);
    size_t cue = p;
    p += nt;
    if (p < s1 && cl_punct(doc, p, ','))
        p++; /* parmi eux, 4 enfants */
    return cl_parts_read(d, f, i, p, cue, s1);
}

/* Reads parts that come after the predicate of figure f (or the figure, when its noun says what
 * it counts) and its complements, behind a comma
 * and a parts cue (ont été tués depuis le début du siège, dont 58 enfants), before another
 * figure (a time's aside); returns the token after the last part, or f->endt. */
size_t cl_parts_late(const cl_doc *d, cl_fig *f, size_t s1)
{
    const rc_doc *doc = d->doc;
    size_t k0 = f->pred != SIZE_MAX ? f->pred + 1 : f->endt;
    for (size_t k = k0; k + 1 < s1 && k < k0 + 24; k++) {
        if (cl_num_tok(d, k) >= 0 && !cl_in_time(doc, doc->toks[k].start) && k > k0 &&
            f->nparts == 0 && f->pred != SIZE_MAX && cl_punct(doc, k - 1, ',')) {
            /* 38 personnes ont été secourues, 37 Sénégalais et un Guinéen: a breakdown in
             * apposition after the predicate, whose sum is the figure */
            size_t end = cl_apposition(d, f, k - 1, s1);
            return end > k - 1 ? end : f->endt;
        }
        if (cl_punct(doc, k, ';') || doc->toks[k].kind == RC_TOK_QUOTE_OPEN ||
            (cl_num_tok(d, k) >= 0 && !cl_in_time(doc, doc->toks[k].start)))
            return f->endt;
        size_t nt;
        const cl_entry *e;
        if (!cl_punct(doc, k, ',') || !(e = cl_match(d, k + 1, s1, &nt)) ||
            !(e->wflags & CL_W_PARTS))
            continue;
        size_t p = k + 1 + nt;
        if (p < s1 && cl_punct(doc, p, ','))
            p++;
        size_t end = cl_parts_read(d, f, f->endt, p, k + 1, s1);
        return end > f->endt ? end : f->endt;
    }
    return f->endt;
}

/* Reads the parts of figure f from token p on, after their cue at token cue (dont, parmi
 * lesquels); i is the token after the figure. Returns the token after the last part, or i. */
static size_t cl_parts_read(const cl_doc *d, cl_fig *f, size_t i, size_t p, size_t cue, size_t s1)
{
    rc_doc *doc = d->doc;
    size_t end = i;
    int verbs = f->nparts == 0 ? 3 : 0; /* parmi elles, il y a 7 enfants */
    while (f->nparts < CL_MAXPARTS && p < s1) {
        long m = cl_num_tok(d, p);
        if (m < 0) { /* dont une moitié d'enfants: the determiner before the figure */
            const cl_entry *de = cl_word_at(d, p);
            if (de && (de->wflags & CL_W_DET) && p + 1 < s1)
                m = cl_num_tok(d, p + 1);
        }
        rc_number onen; /* dont un enfant: the article counts one */
        int one = m < 0 && cl_part_one(d, p, s1);
        if (m < 0 && f->nparts && cl_part_one_more(d, p, s1))
            one = 1;
        if (one)
            onen = cl_one_number(&doc->toks[p], false);
        if (m < 0 && !one && verbs-- > 0 && cl_is_word(doc, p)) {
            p++; /* parmi lesquels figurent 9 enfants */
            continue;
        }
        if (m < 0 && !one)
            break;
        const rc_number *pn = one ? &onen : &doc->nums[m];
        size_t pe = one ? cl_tok_near(doc, p, pn->end) : cl_num_t1(d, (size_t)m);
        size_t ct, cnt;
        const cl_entry *ce;
        size_t pv = pe + 1 < s1 && doc->toks[pe].kind == RC_TOK_QUOTE_OPEN ? pe + 1 : pe;
        const cl_entry *ve = pv < s1 ? cl_word_at(d, pv) : NULL; /* dont trois "dans un état" */
        int noun = cl_counted_after(d, pe, s1, &ct, &cnt, &ce) >= 1;
        const cl_entry *we =
            noun && ce->cwhat >= 0 && f->ct != SIZE_MAX ? cl_word_at(d, f->ct) : NULL;
        if (we && we->cwhat >= 0 && !we->mixed && we->cwhat != ce->cwhat)
            break; /* 23 morts, dont 11 enfants et 51 blessés: another toll, no part */
        int pwho = noun ? ce->who : RC_WHO_PEOPLE;
        size_t pc = pe; /* trois autres sont des employés: the copula past autres */
        const cl_entry *vc = ve;
        if (ve && ve->who == CL_WHO_SKIP && pe + 1 < s1 && f->nparts)
            pc = pe + 1, vc = cl_word_at(d, pc);
        if (!noun && vc && (vc->wflags & (CL_W_AUX | CL_W_LINK)) && pc + 1 < s1 &&
            cl_counted_after(d, pc + 1, s1, &ct, &cnt, &ce) >= 1 && ce->cwhat < 0)
            noun = 1, pwho = ce->who; /* dont la moitié sont des enfants: after the copula */
        if (!noun && !ve && cl_people_word(d, pe, s1, pn->value == 1))
            noun = 1, ct = pe, cnt = 1, pwho = RC_WHO_PEOPLE; /* dont deux Français */
        rc_morph mo;
        if (!noun && pe < s1 && !ve && doc->toks[pe].kind == RC_TOK_WORD &&
            !(doc->toks[pe].flags & RC_TF_UPPER) && rc_fr_morph_tok(doc, pe, &mo) &&
            (mo.flags & (RC_M_NOUN | RC_M_ADJ)) && !(mo.flags & (RC_M_VERB | RC_M_ADV)) &&
            f->c.counted && f->c.who != RC_WHO_OTHER &&
            (pe + 1 >= s1 || (!cl_is_word(doc, pe + 1) && cl_num_tok(d, pe + 1) < 0) ||
             (cl_word_at(d, pe + 1) && (cl_word_at(d, pe + 1)->wflags & CL_W_AND))))
            noun = 1, ct = pe, cnt = 1, pwho = f->c.who; /* dont 20 peuls: a noun the lists do
                                                          * not know counts the whole's kind */
        const cl_entry *ae = pe + 1 < s1 ? cl_word_at(d, pe + 1) : NULL;
        int adv = !noun && pe < s1 && !ve && doc->toks[pe].kind == RC_TOK_WORD &&
                  rc_fr_morph_tok(doc, pe, &mo) && (mo.flags & RC_M_ADV) &&
                  (pe + 1 >= s1 || doc->toks[pe + 1].kind == RC_TOK_PUNCT ||
                   (ae && (ae->pwhat >= 0 || ae->who >= 0))); /* dont deux grièvement blessées */
        if (!noun) {
            /* a part without a noun counts the figure's, or the part's before it: dont 3,5
             * millions ont trouvé refuge; dont 30 dans la seule ville de Goma; 400 familles de
             * Rafah et 250 de Khan Younès */
            int aux = ve && (ve->wflags & CL_W_AUX) && !f->nparts && pn->kind == RC_NUM_NUMBER;
            /* dont 12 hospitalisés: a participle that ends the part */
            int ppart = ve && ve->pwhat >= 0 && !(ve->pflags & CL_P_NOUN) && !aux && pv == pe &&
                        (pv + 1 >= s1 || doc->toks[pv + 1].kind == RC_TOK_PUNCT ||
                         doc->toks[pv + 1].kind == RC_TOK_QUOTE_CLOSE ||
                         (cl_word_at(d, pv + 1) && (cl_word_at(d, pv + 1)->wflags & CL_W_AND)));
            int prep = (ve && (ve->wflags & (CL_W_PREP | CL_W_DE)) && !(ve->wflags & CL_W_AUX)) ||
                       adv || ppart; /* dont 5 grièvement */
            if ((!f->c.counted && (f->c.who == RC_WHO_OTHER || !adv)) || (!aux && !prep))
                break; /* Quatorze autres sont blessés, dont 8 gravement: of the same people */
            rc_claim_part *pt = &f->parts[f->nparts];
            const rc_claim_part *before = f->nparts ? &f->parts[f->nparts - 1] : NULL;
            pt->value = pn->value;
            pt->low = pn->low;
            pt->high = pn->high;
            pt->who = before ? before->who : f->c.who;
            pt->start = pn->start;
            pt->end = pn->end;
            pt->counted = before ? before->counted : f->c.counted;
            f->nparts++;
            end = ppart ? pe + 1 : pe;
            if (aux || !cl_part_next(d, end, s1, &p))
                break;
            continue;
        }
        rc_claim_part *pt = &f->parts[f->nparts++];
        if (cl_part_fill(doc, pt, pn, ct, cnt, pwho))
            return i;
        end = ct + cnt;
        /* the next part: et, ainsi que, a comma, maybe after a short complement */
        if (!cl_part_next(d, end, s1, &p))
            break;
    }
    if (end > i)
        cl_explain_toks(f, doc, "parts", cue, 1);
    return end;
}
