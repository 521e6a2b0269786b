/*
 * timeml.h - the time expressions of a text cut and valued as ISO-TimeML TIMEX3s: the same
 * recognition as rc_fr_times, a second cut of it, so that recoupe can stand where HeidelTime does
 * in pipelines that exchange TimeML. What belongs to a TIMEX3 is data (data/fr/timeml.tsv).
 */
#ifndef RC_FR_TIMEML_H
#define RC_FR_TIMEML_H

#include <stddef.h>

#include "core/doc.h"
#include "util/date.h"

/* TIMEX3 types. */
typedef enum rc_timex_type { RC_TIMEX_DATE, RC_TIMEX_TIME, RC_TIMEX_DURATION, RC_TIMEX_SET } rc_timex_type;

/* One TIMEX3: a span of the text, its contract type (date, time, duration, set; ranges are cut
 * in two), its TIMEX3 type, value and mod (NULL or a TimeML mod such as "APPROX"), and the days
 * it covers ("" when unknown). Strings are owned by the arena given to rc_fr_timeml. */
typedef struct rc_timex {
    uint32_t start, end;
    uint8_t type;  /* rc_time_type */
    uint8_t ttype; /* rc_timex_type */
    const char *value;
    const char *mod;
    char from[11], to[11];
} rc_timex;

/* Cuts the times t[0..n) found in text (as rc_fr_times gives them against ref, NULL when none)
 * into TIMEX3s, in text order, into a. fr gives data/fr/timeml.tsv. Returns 0 or RC_ENOMEM. */
int rc_fr_timeml(const rc_lang *fr, const char *text, size_t len, const rc_time *t, size_t n,
                 const rc_date *ref, rc_arena *a, rc_timex **out /* OUT */,
                 size_t *nout /* OUT */);

/* The TimeML name of a TIMEX3 type ("DATE" ...). */
const char *rc_timex_type_name(int ttype);

#endif
