/*
 * fuzz_check.c - the cross-check on claims made from the fuzzer's bytes: every figure (NaN,
 * infinities, negatives), vocabulary value out of range, time, place and source the bytes give,
 * split into documents whose texts are the rest of the input (for the relay signatures). Runs
 * the grouping and the three writers.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "recoupe.h"

#define REC 16 /* bytes per claim */

static const char *const PLACES[] = {"Alep", "Alep-Est", "Alep-Ouest", "Homs", "Hama", "Ferdous",
                                     "Fardous", ""};

/* Discards what the writers write. */
static int sink(void *ud, const char *bytes, size_t len)
{
    (void)ud;
    (void)bytes;
    (void)len;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = size / REC > 64 ? 64 : size / REC;
    rc_claim claims[64];
    rc_speaker speakers[64];
    const char *text = (const char *)data + n * REC;
    size_t textlen = size - n * REC;
    memset(claims, 0, sizeof claims);
    for (size_t i = 0; i < n; i++) {
        const uint8_t *r = data + i * REC;
        rc_claim *c = &claims[i];
        float v;
        memcpy(&v, r + 4, sizeof v);
        c->what = r[0];
        c->who = r[1];
        c->modality = r[2];
        c->unit = r[3] & 3;
        c->value = (r[8] & 1) ? (double)v : NAN;
        c->low = (r[8] & 2) ? (double)v : NAN;
        c->high = (r[8] & 4) ? (double)v * 2 : NAN;
        c->approx = (r[8] & 8) != 0;
        if (r[8] & 16) {
            snprintf(c->time_from, sizeof c->time_from, "2016-%02d-%02d", r[9] % 13, r[10] % 32);
            snprintf(c->time_to, sizeof c->time_to, "2016-%02d-%02d", r[11] % 13, r[10] % 32);
            c->time_text = (r[8] & 32) ? "hier" : NULL;
        }
        if (r[12] % 8 < 7) {
            c->places = &PLACES[r[12] % 8];
            c->place_keys = &PLACES[r[12] % 8];
            c->nplaces = 1;
        }
        if (r[13] & 1) {
            memset(&speakers[i], 0, sizeof speakers[i]);
            speakers[i].name = PLACES[r[13] % 8];
            speakers[i].key = (r[13] & 2) ? NULL : PLACES[(r[13] >> 2) % 8];
            c->sources = &speakers[i];
            c->nsources = 1;
        }
        c->explain = "";
    }
    rc_check *chk;
    if (rc_check_new(NULL, &chk))
        return 0;
    size_t per = n / 3 + 1;
    for (size_t d = 0, at = 0; d < 3; d++) {
        rc_doc_meta m;
        memset(&m, 0, sizeof m);
        m.id = d == 0 ? "a" : d == 1 ? "b" : "c";
        m.path = m.id;
        m.site = d == 1 ? NULL : "site";
        m.date = "2016-12-15";
        size_t k = at + per <= n ? per : n - at;
        size_t tl = d == 2 ? textlen / 2 : textlen;
        if (rc_check_add_claims(chk, &m, claims + at, k, NULL, 0, text, tl))
            break;
        at += k;
    }
    if (!rc_check_run(chk)) {
        rc_check_write(chk, RC_CHECK_JSON, 0, sink, NULL);
        rc_check_write(chk, RC_CHECK_TEXT, RC_CHECK_COLOR, sink, NULL);
        rc_check_write(chk, RC_CHECK_CSV, 0, sink, NULL);
    }
    rc_check_free(chk);
    return 0;
}
