/*
 * fuzz_report.c - libFuzzer target for the dossier's page writer: the first bytes choose spans of
 * every kind (claims, quotes, entities, figures, dates) anywhere, overlapping or out of range, the
 * rest is the text. The page must be written without fault, nest its highlights, and let no '<'
 * of the text through.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_html.h"
#include "report/report_view.h"

#define NSPANS 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < NSPANS * 2 * 5)
        return 0;
    uint32_t s[NSPANS * 5], e[NSPANS * 5];
    for (size_t i = 0; i < NSPANS * 5; i++) {
        s[i] = data[2 * i];
        e[i] = data[2 * i + 1];
    }
    const char *text = (const char *)data + NSPANS * 10;
    size_t len = size - NSPANS * 10;
    char *t = malloc(len + 1);
    if (!t)
        return 0;
    memcpy(t, text, len);
    t[len] = '\0';

    rc_claim claims[NSPANS];
    rc_quote quotes[NSPANS];
    rc_entity ents[NSPANS];
    rc_mark marks[2 * NSPANS];
    memset(claims, 0, sizeof claims);
    memset(quotes, 0, sizeof quotes);
    for (size_t i = 0; i < NSPANS; i++) {
        claims[i].start = s[i];
        claims[i].end = e[i];
        claims[i].value = claims[i].low = claims[i].high = NAN;
        claims[i].explain = t;
        quotes[i].start = s[NSPANS + i];
        quotes[i].end = e[NSPANS + i];
        ents[i] = (rc_entity){s[2 * NSPANS + i], e[2 * NSPANS + i], (uint8_t)(i % 4), "k", t,
                              (double)s[i], (double)e[i]};
        marks[i] = (rc_mark){s[3 * NSPANS + i], e[3 * NSPANS + i], RC_MARK_NUMBER, 1, NULL};
        marks[NSPANS + i] = (rc_mark){s[4 * NSPANS + i], e[4 * NSPANS + i], RC_MARK_TIME, NAN, t};
    }
    rp_doc d;
    memset(&d, 0, sizeof d);
    d.meta.title = t;
    d.meta.site = t;
    d.text = t;
    d.len = len;
    d.claims = claims;
    d.nclaims = NSPANS;
    d.quotes = quotes;
    d.nquotes = NSPANS;
    d.ents = ents;
    d.nents = NSPANS;
    d.marks = marks;
    d.nmarks = 2 * NSPANS;
    d.relay_of = -1;
    rc_fact_claim fc = {0, 0, 0};
    rc_origin origin = {t, "k", 1};
    rc_fact fact = {"f1", 0, 0, RC_FACT_CONFLICT, NULL, 0, "", "", &fc, 1, 1, 2, 3, &origin, 1};
    rp_view v = {&d, 1, &fact, 1, true, rp_default_limits};
    rp_out o;
    rp_out_init(&o, NULL, NULL);
    int status = rp_write_page(&v, &o);
    if (status == RC_OK) {
        /* the text's own '<' never reaches the page: every '<' opens markup of the writer */
        for (const char *p = strstr(o.b.data, "<main>"); p && (p = strchr(p, '<')) != NULL; p++)
            assert(p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z') || p[1] == '!');
    }
    rc_buf_free(&o.b);
    free(t);
    return 0;
}
