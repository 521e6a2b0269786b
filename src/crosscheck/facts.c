/*
 * facts.c - grouping claims that measure the same thing into facts.
 *
 * Claims are blocked, not compared in pairs: the block of a claim is its unit, its what-family
 * (evacuated and fled are one family; bodies counted are deaths) and its who-class (civilians,
 * people and bodies are one class; children, women and men are parts, each its own class, so a
 * part never stands as a rival of its whole). Within a block claims are swept in time order
 * against the facts still open at that time; a claim joins the open fact whose time overlaps
 * (a one-day time widened by a day on each side, a range as it is), whose places share a key
 * with its own (a claim or fact without places fits any place), and whose figures are within
 * FACT_SPREAD of its own; among several it takes the one sharing the most places, then
 * the closest figure. docs/crosscheck.md states the rules with an example.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck/check_int.h"
#include "util/date.h"

#define FACT_PLACES 8   /* place hashes a fact keeps for matching */
#define FACT_SCAN 512   /* open facts a claim is compared with, newest first */
#define FACT_OUT_PLACES 32 /* place names a fact lists */
#define FACT_SAID 4 /* statements (origin and figure) a fact keeps for matching */
#define FACT_MERGE_MAX 32 /* facts with more origins are not searched for shortened names */
#define WIDE_DAYS 3 /* a time longer than this many days after its first is a range */
/* how far apart two figures of one fact may be: one toll is reported as 82 and as more than 100,
 * or as a first 20 and a later 70, but a day's exodus of 7 796 and a convoy of 951 are two facts */
#define FACT_SPREAD 5

uint8_t facts_what_family(int what)
{
    return (uint8_t)(what == RC_WHAT_FLED ? RC_WHAT_EVACUATED : what);
}

uint8_t facts_who_class(int what, int who)
{
    if (who == RC_WHO_WOUNDED && what == RC_WHAT_INJURED)
        return RC_WHO_PEOPLE; /* 43 blessés and 43 personnes blessées count the same people */
    switch (who) {
    case RC_WHO_CIVILIANS:
    case RC_WHO_PEOPLE:
    case RC_WHO_BODIES: return RC_WHO_PEOPLE;
    default: return (uint8_t)who;
    }
}

/* A fact being built by the sweep. */
typedef struct work_fact {
    int32_t af, at;     /* the first claim's time, widened by its tolerance */
    double vmin, vmax;  /* the figures of its claims */
    uint64_t ph[2 * FACT_PLACES]; /* as cc_claim.placeh: skeleton, first word */
    uint32_t nph;
    uint64_t said[FACT_SAID]; /* statements: origin and figure of its claims */
    uint32_t nsaid;
    uint32_t id;        /* the public number, in order of first appearance */
} work_fact;

typedef struct sweep_item {
    uint64_t key; /* block, then the day the claim's time starts */
    uint32_t i;
} sweep_item;

/* Orders the sweep: by block and start day, then by claim so that the result is stable. */
static int item_cmp(const void *pa, const void *pb)
{
    const sweep_item *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* The block of a claim: claims of different blocks never share a fact. Expected claims make
 * blocks of their own (a plan is not a measure of what happened). A count of bodies is a count
 * of the dead, whatever verb the text used. */
static uint32_t block_of(const cc_claim *k, const rc_claim *c)
{
    uint32_t fam = c->who == RC_WHO_BODIES ? RC_WHAT_KILLED : k->wfam;
    return ((uint32_t)(c->modality == RC_MOD_EXPECTED) << 13) | ((uint32_t)c->unit << 11) |
           (fam << 5) | (uint32_t)k->wclass;
}

/* A claim's tolerance in days: a single day may be off by one (reports written at night, time
 * zones, "hier" in a piece dated the next morning); a range is taken as it is. */
static int32_t tolerance(const cc_claim *k)
{
    return k->from == k->to ? 1 : 0;
}

/* Whether two places (skeleton and first-word hashes) are one or one lies in the other: the
 * same skeleton, or a one-word name that a compound name starts with (Alep and Alep-Est). */
static inline bool place_meets(const uint64_t *a, const uint64_t *b)
{
    return a[0] == b[0] || (a[0] == a[1] && a[0] == b[1]) || (b[0] == b[1] && b[0] == a[1]);
}

/* How many place keys a claim shares with a fact. */
static uint32_t shared_places(const cc_claim *k, const work_fact *f)
{
    uint32_t n = 0;
    for (uint32_t a = 0; a < k->nplaces; a++)
        for (uint32_t b = 0; b < f->nph; b++)
            if (place_meets(&k->placeh[2 * a], &f->ph[2 * b])) {
                n++;
                break;
            }
    return n;
}

/* A statement: one origin giving one figure. The same spokesman's same figure in two articles
 * is one statement, whatever places each article puts around it. */
static uint64_t statement(const cc_claim *k)
{
    uint64_t bits;
    double v = k->point;
    memcpy(&bits, &v, sizeof bits);
    return ((uint64_t)k->origin + 1) * 0x9e3779b97f4a7c15ULL ^ bits;
}

/* Whether a fact holds the claim's statement. */
static bool says(const work_fact *f, uint64_t st)
{
    for (uint32_t i = 0; i < f->nsaid; i++)
        if (f->said[i] == st)
            return true;
    return false;
}

/* Adds a claim to a fact: its figures, places and statement. A claim that joins by its statement
 * alone, its places apart from the fact's, leaves its places out: they would draw other claims of
 * those places into a fact that is not about them. */
static void join(work_fact *f, const cc_claim *k)
{
    bool places = !f->nph || !k->nplaces || shared_places(k, f) > 0;
    uint64_t st = statement(k);
    if (f->nsaid < FACT_SAID && !says(f, st))
        f->said[f->nsaid++] = st;
    if (!isnan(k->point)) {
        if (isnan(f->vmin) || k->point < f->vmin)
            f->vmin = k->point;
        if (isnan(f->vmax) || k->point > f->vmax)
            f->vmax = k->point;
    }
    for (uint32_t a = 0; places && a < k->nplaces && f->nph < FACT_PLACES; a++) {
        uint32_t b = 0;
        while (b < f->nph && f->ph[2 * b] != k->placeh[2 * a])
            b++;
        if (b == f->nph) {
            f->ph[2 * f->nph] = k->placeh[2 * a];
            f->ph[2 * f->nph + 1] = k->placeh[2 * a + 1];
            f->nph++;
        }
    }
}

/* The open fact a claim fits best, or -1: see the header for the rules. A fact that already
 * holds the claim's statement (same origin, same figure) is preferred, and fits even when its
 * places do not. */
static int64_t best_fact(const cc_claim *k, const work_fact *wf, const uint32_t *open,
                         size_t nopen)
{
    int64_t best = -1;
    uint32_t best_shared = 0;
    bool best_said = false;
    double best_dist = 0;
    int32_t t = tolerance(k);
    uint64_t st = statement(k);
    size_t stop = nopen > FACT_SCAN ? nopen - FACT_SCAN : 0;
    for (size_t o = nopen; o-- > stop;) {
        const work_fact *f = &wf[open[o]];
        if (k->timed && (f->af > k->to + t || k->from - t > f->at))
            continue;
        bool said = says(f, st);
        uint32_t shared = 0;
        if (k->nplaces && f->nph) {
            shared = shared_places(k, f);
            if (!shared && !said)
                continue;
        }
        double dist = 0;
        if (!isnan(k->point) && !isnan(f->vmin)) {
            if ((k->point > f->vmin && k->point >= FACT_SPREAD * f->vmin) ||
                (k->point < f->vmax && FACT_SPREAD * k->point <= f->vmax))
                continue;
            double mid = (f->vmin + f->vmax) / 2;
            /* a range (des milliers) is near the facts around its middle, not its low */
            double kp = k->kind == CC_RANGE && k->lo > 0 && k->hi > k->lo ? sqrt(k->lo * k->hi)
                                                                          : k->point;
            dist = kp > 0 && mid > 0 ? fabs(log(kp / mid)) : fabs(kp - mid);
        }
        if (best < 0 || (said && !best_said) ||
            (said == best_said &&
             (shared > best_shared || (shared == best_shared && dist < best_dist)))) {
            best = open[o];
            best_shared = shared;
            best_said = said;
            best_dist = dist;
        }
    }
    return best;
}

/* The sweep's segment of a claim within its block. Claims whose text states a day or two go
 * first and make the facts; claims whose day is only their document's (2) go next, then ranges
 * (depuis le 15 novembre, en novembre: 3), so that they join the facts the stated days made
 * rather than gather days around themselves; claims with no time at all (an undated document)
 * come last and may join a fact of any time whose places and figures fit. */
static unsigned segment(const cc_claim *k)
{
    if (!k->timed)
        return 3;
    if (k->timed == 2)
        return 1;
    if (k->timed == 1 && k->to - k->from > WIDE_DAYS)
        return 2;
    return 0;
}

typedef struct reopen_item {
    int32_t af;
    uint32_t f;
} reopen_item;

/* Orders the facts of a block by the start of their anchor, for reopening. */
static int reopen_cmp(const void *pa, const void *pb)
{
    const reopen_item *a = pa, *b = pb;
    if (a->af != b->af)
        return a->af < b->af ? -1 : 1;
    return a->f < b->f ? -1 : a->f > b->f;
}

/* Appends to a heap array of fact numbers. */
static int push(uint32_t **arr, size_t *n, size_t *cap, uint32_t v)
{
    if (*n >= *cap) {
        size_t c = *cap ? *cap * 2 : 256;
        uint32_t *p = realloc(*arr, c * sizeof *p);
        if (!p)
            return RC_ENOMEM;
        *arr = p;
        *cap = c;
    }
    (*arr)[(*n)++] = v;
    return RC_OK;
}

/* The sweep: sets cc_claim.fact to a work fact for every claim; returns how many work facts. */
static int sweep(rc_check *chk, work_fact **wfp, size_t *nwf)
{
    size_t n = chk->ncl, cap = 0, nopen = 0, capopen = 0, nre = 0, next = 0, bstart = 0;
    sweep_item *items = malloc((n + 1) * sizeof *items);
    reopen_item *re = NULL;
    work_fact *wf = NULL;
    uint32_t *open = NULL;
    int status = items ? RC_OK : RC_ENOMEM;
    for (size_t i = 0; !status && i < n; i++) {
        const cc_claim *k = &chk->cl[i];
        const rc_claim *c = &chk->docs[k->doc].claims[k->idx];
        uint32_t day = k->timed ? (uint32_t)((int64_t)k->from + INT32_MAX + 1) : 0;
        uint64_t seg = ((uint64_t)block_of(k, c) << 2) | segment(k);
        items[i].key = (seg << 32) | day;
        items[i].i = (uint32_t)i;
    }
    if (!status)
        qsort(items, n, sizeof *items, item_cmp);
    *nwf = 0;
    uint64_t seg = UINT64_MAX;
    for (size_t s = 0; !status && s < n; s++) {
        cc_claim *k = &chk->cl[items[s].i];
        if (items[s].key >> 32 != seg) {
            uint64_t nseg = items[s].key >> 32;
            if (seg == UINT64_MAX || nseg >> 2 != seg >> 2) { /* a new block */
                bstart = *nwf;
                nre = next = 0;
            } else { /* a later segment: the block's facts so far reopen as time goes */
                free(re);
                nre = *nwf - bstart;
                next = 0;
                re = malloc((nre + 1) * sizeof *re);
                if (!re) {
                    status = RC_ENOMEM;
                    break;
                }
                for (size_t f = 0; f < nre; f++) {
                    re[f].af = wf[bstart + f].af;
                    re[f].f = (uint32_t)(bstart + f);
                }
                qsort(re, nre, sizeof *re, reopen_cmp);
            }
            seg = nseg;
            nopen = 0;
        }
        while (!status && next < nre && (!k->timed || re[next].af <= k->to + 2))
            status = push(&open, &nopen, &capopen, re[next++].f);
        if (k->timed) { /* facts whose anchor ends before this claim can start are closed */
            size_t w = 0;
            for (size_t o = 0; o < nopen; o++)
                if (wf[open[o]].at >= k->from - 1)
                    open[w++] = open[o];
            nopen = w;
        }
        int64_t f = status ? -1 : best_fact(k, wf, open, nopen);
        if (!status && f < 0) {
            if (*nwf >= cap) {
                cap = cap ? cap * 2 : 1024;
                work_fact *p = realloc(wf, cap * sizeof *p);
                if (!p) {
                    status = RC_ENOMEM;
                    break;
                }
                wf = p;
            }
            f = (int64_t)(*nwf)++;
            work_fact *nf = &wf[f];
            memset(nf, 0, sizeof *nf);
            nf->vmin = nf->vmax = NAN;
            nf->af = k->timed ? k->from - tolerance(k) : 0;
            nf->at = k->timed ? k->to + tolerance(k) : 0;
            nf->id = UINT32_MAX;
            status = push(&open, &nopen, &capopen, (uint32_t)f);
        }
        if (status)
            break;
        join(&wf[f], k);
        k->fact = (uint32_t)f;
    }
    free(items);
    free(open);
    free(re);
    if (status) {
        free(wf);
        return status;
    }
    *wfp = wf;
    return RC_OK;
}

/* Whether every word of key a is a word of key b (keys are words separated by spaces). */
static bool words_within(const char *a, const char *b)
{
    size_t bl = strlen(b);
    while (*a) {
        size_t n = strcspn(a, " ");
        bool found = false;
        for (const char *p = b; !found && p + n <= b + bl;) {
            size_t m = strcspn(p, " ");
            found = m == n && memcmp(p, a, n) == 0;
            p += m + (p[m] == ' ');
            if (!m)
                break;
        }
        if (n && !found)
            return false;
        a += n + (a[n] == ' ');
    }
    return true;
}

/* Within one fact, a source named by a part of another source's name (Mercier and Paul
 * Mercier; the centre and the centre for reconciliation) is that source, shortened, when it is
 * a part of exactly one other: the fact's origins merge so. Outlets never merge. gid holds the
 * check's origin index of each of the fact's origins. */
static void merge_shortened(const rc_check *chk, rc_fact *f, rc_origin *orig, const uint32_t *gid,
                            rc_fact_claim *fc, size_t n)
{
    size_t no = f->norigins;
    uint32_t into[FACT_MERGE_MAX];
    bool any = false;
    for (size_t a = 0; a < no; a++) {
        into[a] = (uint32_t)a;
        if (!chk->origins[gid[a]].entity)
            continue;
        size_t hits = 0, target = a;
        for (size_t b = 0; b < no; b++)
            if (b != a && chk->origins[gid[b]].entity &&
                strlen(orig[a].key) < strlen(orig[b].key) && words_within(orig[a].key, orig[b].key)) {
                hits++;
                target = b;
            }
        if (hits == 1) {
            into[a] = (uint32_t)target;
            any = true;
        }
    }
    if (!any)
        return;
    for (size_t a = 0; a < no; a++) /* follow chains to the longest name */
        for (size_t hop = 0; hop < no && into[into[a]] != into[a]; hop++)
            into[a] = into[into[a]];
    uint32_t slot[FACT_MERGE_MAX];
    size_t kept = 0;
    for (size_t a = 0; a < no; a++)
        if (into[a] == a) {
            slot[a] = (uint32_t)kept;
            orig[kept] = orig[a];
            orig[kept].claims = 0;
            kept++;
        }
    for (size_t i = 0; i < n; i++) {
        fc[i].origin = slot[into[fc[i].origin]];
        orig[fc[i].origin].claims++;
    }
    f->norigins = kept;
}

/* Formats a day count as "YYYY-MM-DD" into out (11 bytes). */
static void format_day(int32_t day, char *out)
{
    int y, m, d;
    rc_date_from_days(day, &y, &m, &d);
    char buf[40];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000 < 0 ? 0 : y % 10000, m % 100, d % 100);
    memcpy(out, buf, 10);
    out[10] = '\0';
}

/* Fills one public fact from its claims (fc[0..n), in document order): what and who are the
 * most frequent among its claims, places the union of theirs, time the span of the claims that
 * give their own time, origins the distinct origins in order of first appearance. */
static int build_fact(rc_check *chk, rc_fact *f, rc_fact_claim *fc, size_t n, rc_origin *orig,
                      uint32_t *stamp, uint32_t fnum)
{
    unsigned whats[RC_WHAT_N] = {0}, whos[RC_WHO_N] = {0};
    uint32_t gid[FACT_MERGE_MAX];
    const char *names[FACT_OUT_PLACES];
    uint64_t hashes[FACT_OUT_PLACES];
    size_t nnames = 0;
    int32_t from = INT32_MAX, to = INT32_MIN;
    f->norigins = 0;
    for (size_t i = 0; i < n; i++) {
        const cc_claim *k = check_claim_of(chk, &fc[i]);
        const rc_claim *c = &chk->docs[k->doc].claims[k->idx];
        if (c->what < RC_WHAT_N)
            whats[c->what]++;
        if (c->who < RC_WHO_N)
            whos[c->who]++;
        if (k->timed == 1) {
            from = k->from < from ? k->from : from;
            to = k->to > to ? k->to : to;
        }
        for (uint32_t p = 0; p < k->nplaces && nnames < FACT_OUT_PLACES; p++) {
            size_t q = 0;
            while (q < nnames && hashes[q] != k->placeh[2 * p])
                q++;
            if (q == nnames) {
                hashes[nnames] = k->placeh[2 * p];
                names[nnames++] = c->places[p];
            }
        }
        /* stamp[2o] is the fact number + 1 once origin o is listed for this fact, and
         * stamp[2o + 1] its index in the fact's origins */
        uint32_t *st = &stamp[2 * (size_t)k->origin];
        if (st[0] != fnum + 1) {
            st[0] = fnum + 1;
            st[1] = (uint32_t)f->norigins;
            const cc_origin *o = &chk->origins[k->origin];
            orig[f->norigins].name = o->name;
            orig[f->norigins].key = o->key;
            orig[f->norigins].claims = 0;
            f->norigins++;
        }
        size_t o = st[1];
        assert(o < f->norigins);
        orig[o].claims++;
        if (o < FACT_MERGE_MAX)
            gid[o] = k->origin;
        fc[i].origin = (uint32_t)o;
    }
    if (f->norigins > 1 && f->norigins <= FACT_MERGE_MAX)
        merge_shortened(chk, f, orig, gid, fc, n);
    int what = 0, who = 0;
    for (int i = 1; i < RC_WHAT_N; i++)
        if (whats[i] > whats[what])
            what = i;
    for (int i = 1; i < RC_WHO_N; i++)
        if (whos[i] > whos[who])
            who = i;
    f->what = (uint8_t)what;
    f->who = (uint8_t)who;
    f->claims = fc;
    f->nclaims = n;
    f->origins = orig;
    char id[24];
    snprintf(id, sizeof id, "f%u", fnum + 1);
    f->id = rc_arena_strdup(&chk->arena, id);
    f->nplaces = nnames;
    f->places = NULL;
    if (nnames) {
        const char **pl = rc_arena_alloc(&chk->arena, nnames * sizeof *pl);
        if (!pl)
            return RC_ENOMEM;
        memcpy(pl, names, nnames * sizeof *pl);
        f->places = pl;
    }
    f->time_from[0] = f->time_to[0] = '\0';
    if (from != INT32_MAX) {
        format_day(from, f->time_from);
        format_day(to, f->time_to);
    }
    estimate_fact(chk, f);
    return f->id ? RC_OK : RC_ENOMEM;
}

int facts_run(rc_check *chk)
{
    work_fact *wf = NULL;
    size_t nwf = 0, n = chk->ncl;
    int status = sweep(chk, &wf, &nwf);
    if (status)
        return status;
    /* public numbers in order of first appearance, and the claims of each fact together */
    uint32_t nf = 0;
    size_t *start = calloc(nwf + 1, sizeof *start);
    uint32_t *stamp = calloc(2 * chk->norigins + 2, sizeof *stamp);
    chk->facts = calloc(nwf + 1, sizeof *chk->facts);
    chk->fclaims = malloc((n + 1) * sizeof *chk->fclaims);
    chk->forigins = malloc((n + 1) * sizeof *chk->forigins);
    if (!start || !stamp || !chk->facts || !chk->fclaims || !chk->forigins) {
        status = RC_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        work_fact *f = &wf[chk->cl[i].fact];
        if (f->id == UINT32_MAX)
            f->id = nf++;
        chk->cl[i].fact = f->id;
        start[f->id + 1]++;
    }
    assert(nf == nwf);
    for (size_t f = 0; f < nwf; f++)
        start[f + 1] += start[f];
    for (size_t i = 0; i < n; i++) {
        const cc_claim *k = &chk->cl[i];
        rc_fact_claim *fc = &chk->fclaims[start[k->fact]++];
        fc->doc = k->doc;
        fc->claim = k->idx;
        fc->origin = 0;
    }
    /* start[f] is now the end of fact f, which is also the start of fact f + 1 */
    for (size_t f = 0; !status && f < nwf; f++) {
        size_t b = f ? start[f - 1] : 0;
        status = build_fact(chk, &chk->facts[f], chk->fclaims + b, start[f] - b,
                            chk->forigins + b, stamp, (uint32_t)f);
    }
    chk->nfacts = status ? 0 : nwf;
out:
    free(start);
    free(stamp);
    free(wf);
    return status;
}
