/*
 * date.c - calendar arithmetic. Day counts use the civil-from-days algorithm on 400-year eras,
 * exact for every year representable in an int.
 */
#include "util/date.h"
#include "util/fmt.h"

#include <stdio.h>
#include <string.h>

#include "recoupe.h"

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int rc_date_month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool rc_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= rc_date_month_days(y, m);
}

int64_t rc_date_days(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void rc_date_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int rc_date_weekday(int y, int m, int d)
{
    int64_t z = rc_date_days(y, m, d); /* 1970-01-01 was a Thursday (4) */
    int64_t w = (z % 7 + 7 + 3) % 7;
    return (int)w + 1;
}

/* Reads exactly n decimal digits. */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

int rc_date_parse(const char *s, rc_date *out)
{
    rc_date dt;
    memset(&dt, 0, sizeof dt);
    size_t n = s ? strlen(s) : 0;
    if (n < 10 || !digits(s, 4, &dt.y) || s[4] != '-' || !digits(s + 5, 2, &dt.m) || s[7] != '-' ||
        !digits(s + 8, 2, &dt.d) || !rc_date_valid(dt.y, dt.m, dt.d))
        return RC_EDATE;
    const char *p = s + 10;
    if (*p == 'T' || *p == ' ') {
        if (!digits(p + 1, 2, &dt.hh) || p[3] != ':' || !digits(p + 4, 2, &dt.mm))
            return RC_EDATE;
        p += 6;
        if (*p == ':') {
            if (!digits(p + 1, 2, &dt.ss))
                return RC_EDATE;
            p += 3;
        }
        if (dt.hh > 23 || dt.mm > 59 || dt.ss > 60)
            return RC_EDATE;
        dt.has_time = true;
        if (*p == '.')
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
        int oh, om;
        if (*p == 'Z')
            p++;
        else if ((*p == '+' || *p == '-') && digits(p + 1, 2, &oh) && oh <= 23) {
            /* an offset: +HH, +HHMM or +HH:MM */
            p += 3;
            if (*p == ':')
                p++;
            if (digits(p, 2, &om)) {
                if (om > 59)
                    return RC_EDATE;
                p += 2;
            } else if (p[-1] == ':') {
                return RC_EDATE;
            }
        }
    }
    if (*p)
        return RC_EDATE;
    *out = dt;
    return RC_OK;
}

int rc_date_parse_loose(const char *s, rc_date *out)
{
    if (!s)
        return RC_EDATE;
    while (*s == ' ')
        s++;
    rc_date dt;
    memset(&dt, 0, sizeof dt);
    char sep = s[0] ? s[4] : '\0';
    if (strnlen(s, 10) < 10 || !digits(s, 4, &dt.y) || (sep != '-' && sep != '/') ||
        !digits(s + 5, 2, &dt.m) || s[7] != sep || !digits(s + 8, 2, &dt.d) ||
        !rc_date_valid(dt.y, dt.m, dt.d))
        return RC_EDATE;
    const char *p = s + 10;
    if ((*p == 'T' || *p == ' ') && digits(p + 1, 2, &dt.hh) && p[3] == ':' &&
        digits(p + 4, 2, &dt.mm)) {
        if (p[6] == ':' && !digits(p + 7, 2, &dt.ss))
            dt.ss = 0;
        dt.has_time = dt.hh <= 23 && dt.mm <= 59 && dt.ss <= 59;
        if (!dt.has_time)
            dt.hh = dt.mm = dt.ss = 0;
    }
    *out = dt;
    return RC_OK;
}

void rc_date_format(const rc_date *dt, char *buf)
{
    rc_fmt_ymd(buf, dt->y, dt->m, dt->d);
    if (dt->has_time) {
        buf[10] = 'T';
        rc_fmt_digits(buf + 11, (unsigned)dt->hh % 100u, 2);
        buf[13] = ':';
        rc_fmt_digits(buf + 14, (unsigned)dt->mm % 100u, 2);
        buf[16] = ':';
        rc_fmt_digits(buf + 17, (unsigned)dt->ss % 100u, 2);
        buf[19] = '\0';
    }
}

void rc_date_isoweek(int y, int m, int d, int *wyear, int *week)
{
    int64_t day = rc_date_days(y, m, d);
    int64_t thursday = day + 4 - rc_date_weekday(y, m, d); /* the Thursday of the same week */
    int ty, tm, td;
    rc_date_from_days(thursday, &ty, &tm, &td);
    *wyear = ty;
    *week = (int)((thursday - rc_date_days(ty, 1, 1)) / 7 + 1);
}

int64_t rc_date_isoweek_monday(int wyear, int w)
{
    int64_t jan4 = rc_date_days(wyear, 1, 4); /* always in week 1 */
    int64_t monday1 = jan4 - (rc_date_weekday(wyear, 1, 4) - 1);
    return monday1 + (int64_t)(w - 1) * 7;
}

void rc_date_add_months(int *y, int *m, int n)
{
    int64_t t = (int64_t)*y * 12 + (*m - 1) + n;
    int64_t yy = t >= 0 ? t / 12 : -((-t + 11) / 12);
    *y = (int)yy;
    *m = (int)(t - yy * 12) + 1;
}
