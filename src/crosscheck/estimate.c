/*
 * estimate.c - the low, best and high estimate of a fact and its status, in the spirit of the
 * UCDP's: low is the most conservative credible figure, high the largest credible one, best the
 * figure backed by the most independent origins (asserted and reported claims weigh 2,
 * conditional, hedged, expected and disputed ones 1, denied ones are left out), ties going to
 * the most precise wording (exact, then approximate, then a bound), then to the smaller figure.
 *
 * The status compares the figures the origins state, as the contract defines it: single: one
 * origin; agree: every figure is the same (au moins 82 and 82 agree); close: the largest gap is
 * within 10 % of the largest figure; conflict: beyond. A bound is compared by its figure: "au
 * moins 82" beside "plus d'une centaine" is a gap of 18, whatever both allow, because the
 * reader needs to see that the origins give different tolls; the bounds still shape low and
 * high. A range that gives no figure (des milliers) agrees with the figures it holds.
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

/* The status from the counted claims (see the header): the figures they state, bounds and
 * approximations alike, compared as the contract says. */
static uint8_t status_of(const rc_check *chk, const rc_fact *f, size_t norig)
{
    if (norig <= 1)
        return RC_FACT_SINGLE;
    /* a range (des milliers, entre 200 et 300) states no figure of its own: it agrees with the
     * figures it holds and is in conflict with those outside it; alone, its low stands for it */
    double vmin = NAN, vmax = NAN, rlo = -INFINITY, rhi = INFINITY;
    for (int ranges = 0; ranges < 2 && isnan(vmin); ranges++) {
        for (size_t i = 0; i < f->nclaims; i++) {
            const cc_claim *k = check_claim_of(chk, &f->claims[i]);
            if (!k->weight || isnan(k->point) || (!ranges && k->kind == CC_RANGE))
                continue;
            vmin = isnan(vmin) || k->point < vmin ? k->point : vmin;
            vmax = isnan(vmax) || k->point > vmax ? k->point : vmax;
        }
    }
    if (isnan(vmin))
        return RC_FACT_SINGLE;
    for (size_t i = 0; i < f->nclaims; i++) {
        const cc_claim *k = check_claim_of(chk, &f->claims[i]);
        if (k->weight && k->kind == CC_RANGE) {
            rlo = k->lo > rlo ? k->lo : rlo;
            rhi = k->hi < rhi ? k->hi : rhi;
        }
    }
    if (vmin < rlo || vmax > rhi)
        return RC_FACT_CONFLICT;
    if (vmin == vmax)
        return RC_FACT_AGREE;
    return vmax - vmin <= 0.1 * fabs(vmax) ? RC_FACT_CLOSE : RC_FACT_CONFLICT;
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
