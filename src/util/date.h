/*
 * date.h - calendar arithmetic on the proleptic Gregorian calendar, for document dates and the
 * resolution of relative time expressions. Days are counted from 1970-01-01 (day 0).
 */
#ifndef RC_DATE_H
#define RC_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct rc_date {
    int y, m, d;       /* m 1..12, d 1..31 */
    int hh, mm, ss;    /* valid when has_time */
    bool has_time;
} rc_date;

/* Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" (a trailing Z or offset is accepted and
 * ignored). Returns 0, or RC_EDATE for anything else, including 2016-02-30. */
int rc_date_parse(const char *s, rc_date *out /* OUT */);

/* Reads the date that starts s as web pages write it in their metadata: leading spaces, then
 * YYYY-MM-DD or YYYY/MM/DD, then optionally "T" or " " and HH:MM[:SS]; whatever follows (a time
 * zone, fractions, "|19h18") is ignored and the local time kept. A time out of range is dropped,
 * not an error. Returns 0, or RC_EDATE when s does not start with a valid date. */
int rc_date_parse_loose(const char *s, rc_date *out /* OUT */);

/* Days since 1970-01-01 of a valid y-m-d. */
int64_t rc_date_days(int y, int m, int d);

/* The y-m-d of a day count. */
void rc_date_from_days(int64_t days, int *y /* OUT */, int *m /* OUT */, int *d /* OUT */);

/* 1 = Monday ... 7 = Sunday, as ISO 8601. */
int rc_date_weekday(int y, int m, int d);

/* Number of days in a month. */
int rc_date_month_days(int y, int m);

/* Whether y-m-d names a real day. */
bool rc_date_valid(int y, int m, int d);

/* The ISO 8601 week of a day: week 1 holds the year's first Thursday; *wyear may differ from y
 * around New Year (2016-01-01 is in 2015-W53). */
void rc_date_isoweek(int y, int m, int d, int *wyear /* OUT */, int *week /* OUT */);

/* Day count of the Monday of ISO week w of wyear. */
int64_t rc_date_isoweek_monday(int wyear, int w);

/* Adds n months to y-m (n may be negative), keeping the month in 1..12. */
void rc_date_add_months(int *y /* OUT */, int *m /* OUT */, int n);

/* Formats "YYYY-MM-DD" (or with "THH:MM:SS" when has_time) into buf of at least 20 bytes. */
void rc_date_format(const rc_date *dt, char *buf);

#endif
