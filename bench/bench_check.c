/*
 * bench_check.c - speed of the cross-check alone: one million synthetic claims (10,000 documents
 * of 100 claims: 11 whats, 13 whos, 400 places, two years of days, figures from 1 to 100,000,
 * half of them attributed to one of 3,000 speakers) are added with rc_check_add_claims and
 * grouped by rc_check_run. Generation is not timed; adding and running are, best of 3 rounds.
 * Prints one line: claims/s, the time for the claims, facts found, peak RSS.
 * usage: bench_check [CORPUS_DIR [REPO_DIR]] [--claims N]   (the corpus is not read)
 */
#include "bench_util.h"

#include <math.h>

#include "util/date.h"

#define DOC_CLAIMS 100
#define NPLACES 400
#define NSPEAKERS 3000
#define ROUNDS 3

/* The xorshift64* generator: the same claims on every run. */
static uint64_t rnd(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

typedef struct synth {
    rc_claim *claims;
    size_t n;
    char (*place)[16];
    const char **pnames;
    rc_speaker *speakers;
    char (*sname)[24];
} synth;

/* Makes n claims; their strings live in s. */
static int synth_make(synth *s, size_t n)
{
    uint64_t seed = 0x5eed5eedULL;
    s->n = n;
    s->claims = calloc(n, sizeof *s->claims);
    s->place = calloc(NPLACES, sizeof *s->place);
    s->pnames = calloc(NPLACES, sizeof *s->pnames);
    s->speakers = calloc(NSPEAKERS, sizeof *s->speakers);
    s->sname = calloc(NSPEAKERS, sizeof *s->sname);
    if (!s->claims || !s->place || !s->pnames || !s->speakers || !s->sname)
        return -1;
    for (int i = 0; i < NPLACES; i++) {
        snprintf(s->place[i], sizeof s->place[i], "lieu %d", i);
        s->pnames[i] = s->place[i];
    }
    for (int i = 0; i < NSPEAKERS; i++) {
        snprintf(s->sname[i], sizeof s->sname[i], "source %d", i);
        s->speakers[i].name = s->sname[i];
        s->speakers[i].key = s->sname[i];
    }
    int64_t day0 = 16800; /* 2015-12-30 */
    for (size_t i = 0; i < n; i++) {
        rc_claim *c = &s->claims[i];
        c->value = floor(exp((double)(rnd(&seed) % 1152) / 100.0)); /* 1 .. 100,000 */
        c->low = c->high = NAN;
        if (rnd(&seed) % 5 == 0)
            c->low = c->value;
        c->approx = rnd(&seed) % 4 == 0;
        c->what = (uint8_t)(rnd(&seed) % RC_WHAT_N);
        c->who = (uint8_t)(rnd(&seed) % RC_WHO_N);
        c->modality = (uint8_t)(rnd(&seed) % RC_MOD_N);
        c->explain = "";
        int y, m, d;
        int64_t day = day0 + (int64_t)(rnd(&seed) % 730);
        rc_date_from_days(day, &y, &m, &d);
        char buf[40];
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        memcpy(c->time_from, buf, 10);
        c->time_text = "ce jour-là";
        memcpy(c->time_to, c->time_from, sizeof c->time_to);
        if (rnd(&seed) % 4) {
            size_t p = rnd(&seed) % NPLACES;
            c->places = &s->pnames[p];
            c->place_keys = &s->pnames[p];
            c->nplaces = 1;
        }
        if (rnd(&seed) % 2) {
            c->sources = &s->speakers[rnd(&seed) % NSPEAKERS];
            c->nsources = 1;
        }
    }
    return 0;
}

static void synth_free(synth *s)
{
    free(s->claims);
    free(s->place);
    free(s->pnames);
    free(s->speakers);
    free(s->sname);
}

/* One round: add every document, run; returns the CPU seconds and the facts found. */
static double round_once(const synth *s, size_t *facts)
{
    double t0 = bench_now();
    rc_check *chk;
    if (rc_check_new(NULL, &chk))
        return -1;
    char id[32], site[32];
    for (size_t i = 0, d = 0; i < s->n; i += DOC_CLAIMS, d++) {
        rc_doc_meta m;
        memset(&m, 0, sizeof m);
        snprintf(id, sizeof id, "%016zx", d);
        snprintf(site, sizeof site, "site%zu.example", d % 300);
        m.id = m.path = id;
        m.site = site;
        m.date = "2017-01-01";
        size_t k = s->n - i < DOC_CLAIMS ? s->n - i : DOC_CLAIMS;
        if (rc_check_add_claims(chk, &m, s->claims + i, k, NULL, 0, NULL, 0)) {
            rc_check_free(chk);
            return -1;
        }
    }
    if (rc_check_run(chk)) {
        rc_check_free(chk);
        return -1;
    }
    rc_check_facts(chk, facts);
    rc_check_free(chk);
    return bench_now() - t0;
}

int main(int argc, char **argv)
{
    size_t n = 1000000;
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--claims") == 0)
            n = strtoul(argv[i + 1], NULL, 10);
    synth s;
    if (synth_make(&s, n)) {
        fprintf(stderr, "bench_check: out of memory\n");
        return 1;
    }
    double best = -1;
    size_t facts = 0;
    for (int r = 0; r < ROUNDS; r++) {
        double t = round_once(&s, &facts);
        if (t < 0) {
            fprintf(stderr, "bench_check: the check failed\n");
            return 1;
        }
        if (best < 0 || t < best)
            best = t;
    }
    printf("check: %.0f claims/s, %zu claims in %.2f s, %zu facts, peak RSS %.0f MiB\n",
           (double)n / best, n, best, facts, bench_peak_mib());
    synth_free(&s);
    return 0;
}
