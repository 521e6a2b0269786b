/*
 * estimate.c - the low, best and high estimate of a fact and its status, in the spirit of the
 * UCDP's: low is the most conservative credible figure, high the largest credible one, best the
 * figure backed by the most independent origins (asserted and reported claims weigh 2,
 * conditional, hedged, expected and disputed ones 1, denied ones are left out), ties going to
 * the most precise wording (exact, then approximate, then a bound), then to the smaller figure.
 *
 * The status compares what the origins say: a lower bound ("au moins 82") is not contradicted by
 * a larger figure, only by a smaller one, and an upper bound the other way round. single: one
 * origin; agree: the figures are equal (bounds allowing them); close: the largest gap is within
 * 10 % of the largest figure; conflict: beyond.
 */
#include <math.h>
#include <stdlib.h>

#include "crosscheck/check_int.h"

typedef struct est_item {
    double point;
    uint32_t origin;
    uint8_t weight, prec;
} est_item;

/* Orders items by figure, then origin, so that equal figures and their origins are together. */
static int item_cmp(const void *pa, const void *pb)
{
    const est_item *a = pa, *b = pb;
    if (a->point != b->point)
        return a->point < b->point ? -1 : 1;
    return a->origin < b->origin ? -1 : a->origin > b->origin;
}

/* The best figure of sorted items: the largest sum, over distinct origins, of each origin's
 * heaviest claim for that figure; ties to the most precise wording, then the smaller figure. */
static double best_of(const est_item *it, size_t n)
{
    double best = NAN;
    unsigned best_score = 0, best_prec = 0;
    for (size_t i = 0; i < n;) {
        unsigned score = 0, prec = 0;
        size_t j = i;
        while (j < n && it[j].point == it[i].point) {
            unsigned w = 0;
            size_t k = j;
            while (k < n && it[k].point == it[i].point && it[k].origin == it[j].origin) {
                w = it[k].weight > w ? it[k].weight : w;
                prec = it[k].prec > prec ? it[k].prec : prec;
                k++;
            }
            score += w;
            j = k;
        }
        if (isnan(best) || score > best_score || (score == best_score && prec > best_prec)) {
            best = it[i].point;
            best_score = score;
            best_prec = prec;
        }
        i = j;
    }
    return best;
}

/* The status from the counted claims (see the header). */
static uint8_t status_of(const rc_check *chk, const rc_fact *f, size_t norig)
{
    if (norig <= 1)
        return RC_FACT_SINGLE;
    double pmin = NAN, pmax = NAN, lmax = NAN, umin = NAN, vmin = NAN, vmax = NAN;
    for (size_t i = 0; i < f->nclaims; i++) {
        const cc_claim *k = check_claim_of(chk, &f->claims[i]);
        if (!k->weight || isnan(k->point))
            continue;
        vmin = isnan(vmin) || k->point < vmin ? k->point : vmin;
        vmax = isnan(vmax) || k->point > vmax ? k->point : vmax;
        if (k->kind == CC_POINT) {
            pmin = isnan(pmin) || k->point < pmin ? k->point : pmin;
            pmax = isnan(pmax) || k->point > pmax ? k->point : pmax;
        }
        if (k->kind == CC_LOWER || k->kind == CC_RANGE)
            lmax = isnan(lmax) || k->lo > lmax ? k->lo : lmax;
        if (k->kind == CC_UPPER || k->kind == CC_RANGE)
            umin = isnan(umin) || k->hi < umin ? k->hi : umin;
    }
    if (isnan(vmin))
        return RC_FACT_SINGLE;
    double gap = 0, ref = vmax;
    if (!isnan(pmin)) {
        gap = pmax - pmin;
        if (!isnan(lmax) && lmax > pmin)
            gap = fmax(gap, lmax - pmin);
        if (!isnan(umin) && umin < pmax)
            gap = fmax(gap, pmax - umin);
        if (gap == 0)
            return RC_FACT_AGREE;
    } else {
        if (!isnan(lmax) && !isnan(umin) && lmax > umin)
            gap = lmax - umin;
        else /* bounds that fit together: they agree when they are one figure */
            return vmin == vmax ? RC_FACT_AGREE : RC_FACT_CLOSE;
    }
    if (!isnan(lmax) && lmax > ref)
        ref = lmax;
    return gap <= 0.1 * fabs(ref) ? RC_FACT_CLOSE : RC_FACT_CONFLICT;
}

void estimate_fact(const rc_check *chk, rc_fact *f)
{
    est_item local[64];
    est_item *it = f->nclaims <= 64 ? local : malloc(f->nclaims * sizeof *it);
    f->low = f->best = f->high = NAN;
    size_t n = 0;
    for (size_t i = 0; i < f->nclaims; i++) {
        const cc_claim *k = check_claim_of(chk, &f->claims[i]);
        if (!k->weight || isnan(k->point))
            continue;
        if (isnan(f->low) || k->lo < f->low)
            f->low = k->lo;
        if (isnan(f->high) || k->hi > f->high)
            f->high = k->hi;
        if (it) {
            it[n].point = k->point;
            it[n].origin = f->claims[i].origin;
            it[n].weight = k->weight;
            it[n].prec = k->prec;
            n++;
        }
    }
    size_t norig = 0;
    if (it && n) {
        qsort(it, n, sizeof *it, item_cmp);
        f->best = best_of(it, n);
        /* distinct origins among counted claims: sort by origin alone */
        uint32_t seen_max = 0;
        for (size_t i = 0; i < n; i++)
            seen_max = it[i].origin > seen_max ? it[i].origin : seen_max;
        if (seen_max < 64) {
            uint64_t bits = 0;
            for (size_t i = 0; i < n; i++)
                bits |= 1ULL << it[i].origin;
            norig = (size_t)__builtin_popcountll(bits);
        } else {
            for (size_t i = 0; i < n; i++) /* reuse point as the origin to sort on */
                it[i].point = it[i].origin;
            qsort(it, n, sizeof *it, item_cmp);
            for (size_t i = 0; i < n; i++)
                norig += i == 0 || it[i].origin != it[i - 1].origin;
        }
    } else if (!it) { /* out of memory for the scratch: the best is the low */
        f->best = f->low;
        norig = f->norigins;
    }
    f->status = status_of(chk, f, norig);
    if (it != local)
        free(it);
}
