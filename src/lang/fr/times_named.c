/*
 * times_named.c - periods and holidays named by a noun: parts of a year (le premier trimestre
 * 2016, le second semestre), quantities of them (deux trimestres), fractions of a unit (un quart
 * de siècle, un demi-siècle) and the holidays whose day moves from year to year: Pâques and the
 * feasts counted from it (Ascension, Pentecôte), the Islamic feasts and month (Aïd el-Fitr, Aïd
 * el-Kebir, ramadan) from the table data/fr/time_hijri.tsv, and the Nouvel An. Which words are
 * which is data/fr/times.tsv (classes nth, period, feast, dur).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/fr/times_expr.h"

/* ---- holidays ------------------------------------------------------------------------------ */

/* The day count of Easter Sunday of year y (Gregorian computus, the anonymous algorithm). */
static int64_t nm_easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return rc_date_days(y, month, day);
}

/* The Gregorian day on which month (1..12) of Islamic year hy begins, from the time_hijri table;
 * with next, the day the month after it begins (the day after the month's last). NODAY when the
 * table does not have it. */
static int64_t nm_hijri_month(const tx_p *P, int hy, int month)
{
    if (!P->hijri || month < 1 || month > 13)
        return NODAY;
    if (month == 13)
        hy++, month = 1;
    char key[8];
    int n = snprintf(key, sizeof key, "%d", hy);
    const char *v = rc_lex_get(P->hijri, key, (size_t)n);
    if (!v)
        return NODAY;
    for (int k = 1; k < month && v; k++) {
        v = strchr(v, ' ');
        v = v ? v + 1 : NULL;
    }
    rc_date d;
    char buf[11];
    if (!v || strlen(v) < 10)
        return NODAY;
    memcpy(buf, v, 10);
    buf[10] = '\0';
    if (rc_date_parse(buf, &d) != RC_OK)
        return NODAY;
    return rc_date_days(d.y, d.m, d.d);
}

/* The occurrences of feast v (TA_FEAST) that begin in Gregorian year gy: up to four, with their
 * first and last days. Returns their count. */
static int nm_occurrences(const tx_p *P, int32_t v, int gy, int64_t from[4], int64_t to[4])
{
    int kind = v / 100000, arg = v % 100000, n = 0;
    switch (kind) {
    case TX_FEAST_EASTER:
        from[0] = to[0] = nm_easter(gy) + arg;
        return 1;
    case TX_FEAST_NEWYEAR:
        from[0] = to[0] = rc_date_days(gy, 1, 1);
        return 1;
    default:
        break;
    }
    int hy0 = (gy - 622) * 33 / 32; /* about the Islamic year that begins in gy */
    for (int hy = hy0 - 1; hy <= hy0 + 2; hy++) {
        int64_t f[2], t[2];
        int m = 0;
        if (kind == TX_FEAST_HMONTH) {
            f[0] = nm_hijri_month(P, hy, arg);
            int64_t next = nm_hijri_month(P, hy, arg + 1);
            t[0] = next == NODAY ? NODAY : next - 1;
            m = f[0] != NODAY && t[0] != NODAY;
        } else {
            int days[2] = {1001, 1210}, nd = 2; /* Aïd alone: el-Fitr or el-Kebir */
            if (kind == TX_FEAST_HIJRI)
                days[0] = arg, nd = 1;
            for (int k = 0; k < nd; k++) {
                int64_t start = nm_hijri_month(P, hy, days[k] / 100);
                if (start != NODAY)
                    f[m] = t[m] = start + days[k] % 100 - 1, m++;
            }
        }
        for (int k = 0; k < m && n < 4; k++) {
            int y, mm, d;
            rc_date_from_days(f[k], &y, &mm, &d);
            if (y == gy)
                from[n] = f[k], to[n] = t[k], n++;
        }
    }
    return n;
}

/* Resolves feast v read at atom at into o: in year y when given (0: none), else the occurrence
 * the cue or the tense points to from the reference (past: the last before it; future: the next;
 * else the nearest). False when no occurrence is known. */
static bool nm_feast(const tx_p *P, int32_t v, int y, int cue, size_t at, tx_out *o)
{
    int64_t from[12], to[12];
    int n = 0;
    if (y)
        n = nm_occurrences(P, v, y, from, to);
    else if (P->has_ref)
        for (int gy = P->refd.y - 1; gy <= P->refd.y + 1; gy++)
            n += nm_occurrences(P, v, gy, from + n, to + n);
    if (!n)
        return false;
    int dir = cue;
    if (!y && !dir && !tx_deadline(P, at)) {
        dir = tx_tense(P, at);
        if (dir == TX_PRESENT)
            dir = 0;
    }
    int best = -1;
    int64_t bestd = 0;
    for (int k = 0; k < n; k++) {
        int64_t d = P->has_ref ? from[k] - P->ref : from[k] - from[0];
        if (!y && P->has_ref && ((dir < 0 && from[k] > P->ref) || (dir > 0 && to[k] < P->ref)))
            continue;
        if (!y && P->has_ref && cue > 0 && from[k] <= P->ref)
            continue; /* Pâques prochain: strictly after */
        if (!y && P->has_ref && cue < 0 && to[k] >= P->ref)
            continue;
        int64_t ad = d < 0 ? -d : d;
        if (best < 0 || ad < bestd)
            best = k, bestd = ad;
    }
    if (best < 0)
        return false;
    o->from = from[best];
    o->to = to[best];
    if (from[best] == to[best]) {
        o->type = RC_TIME_DATE;
        tx_fmt_day(o->value, sizeof o->value, from[best]);
    } else {
        o->type = RC_TIME_RANGE;
        char a[16], b[16];
        tx_fmt_day(a, sizeof a, from[best]);
        tx_fmt_day(b, sizeof b, to[best]);
        snprintf(o->value, sizeof o->value, "%s/%s", a, b);
    }
    return true;
}

/* Reads a year after a named period or feast: 2016, de 2016, de l'année 2016. Returns the atom
 * after it and sets *y, or returns k and leaves *y. */
static size_t nm_year(const tx_p *P, size_t k, int *y)
{
    size_t q = k;
    if (KJ(P, q, TA_DE) && J(P, q + 1))
        q++;
    if (KJ(P, q, TA_LE) && KJ(P, q + 1, TA_UNIT) && P->at[q + 1].v == TU_Y)
        q += 2;
    if (KJ(P, q, TA_NUM) && P->at[q].nd == 4 && P->at[q].v >= 1000 && P->at[q].v <= 2999) {
        *y = P->at[q].v;
        return q + 1;
    }
    return k;
}

/* A holiday that moves: [l'Aïd] el-Kebir, Pâques [2016 | prochain], la Pentecôte, le ramadan,
 * le Nouvel An. */
static size_t nm_m_feast(const tx_p *P, size_t i, tx_out *o)
{
    size_t k = i;
    int32_t v = P->at[k].v;
    int kind = v / 100000, arg = v % 100000;
    if (kind == TX_FEAST_EASTER && arg && !(P->at[k].fl & TF_UPPER))
        return 0; /* l'ascension d'un sommet: only the feast has a capital */
    k++;
    if (kind == TX_FEAST_NEWYEAR) { /* nouvel an */
        if (!(KJ(P, k, TA_UNIT) && P->at[k].v == TU_Y && P->at[k].e - P->at[k].s == 2))
            return 0;
        k++;
    }
    if (kind == TX_FEAST_AID && KJ(P, k, TA_FEAST) && P->at[k].v / 100000 == TX_FEAST_HIJRI)
        v = P->at[k].v, k++; /* Aïd el-Fitr */
    else if (kind == TX_FEAST_HIJRI && i > 0 && J(P, i) && K(P, i - 1) == TA_FEAST)
        return 0; /* el-Fitr after Aïd: read with it */
    int y = 0, cue = 0;
    size_t j = nm_year(P, k, &y);
    if (j == k && KJ(P, k, TA_CUE))
        cue = P->at[k].v, j = k + 1;
    k = j;
    o->type = RC_TIME_DATE;
    if (!nm_feast(P, v, y, cue, i, o) && kind == TX_FEAST_AID && !P->hijri)
        return 0;
    return k;
}

/* ---- parts of a year, durations named by a noun ------------------------------------------- */

/* Writes the duration "P<n><unit>" (PT for hours and less) into buf. */
static void nm_fmt_dur(char *buf, size_t cap, long n, int unit)
{
    bool t = unit == TU_H || unit == TU_MIN || unit == TU_S;
    snprintf(buf, cap, "%s%ld%s", t ? "PT" : "P", n, tx_unit_codes[unit % 10]);
}

/* The whole number of smaller units that num/den of unit make (a quarter of a century: 25
 * years), with the smaller unit in *sub; 0 when it is not whole. */
static long nm_fraction(int unit, long num, long den, int *sub)
{
    static const struct {
        int unit, sub, per;
    } table[] = {{TU_CE, TU_Y, 100}, {TU_DE, TU_Y, 10}, {TU_Y, TU_M, 12}, {TU_D, TU_H, 24},
                 {TU_H, TU_MIN, 60}, {TU_MIN, TU_S, 60}, {TU_W, TU_D, 7}};
    for (size_t k = 0; k < sizeof table / sizeof *table; k++)
        if (table[k].unit == unit && (num * table[k].per) % den == 0) {
            *sub = table[k].sub;
            return num * table[k].per / den;
        }
    return 0;
}

/* Reads an ordinal before a part of a year: deuxième, second, 1er, premier. */
static bool nm_nth(const tx_p *P, size_t k, int *v)
{
    if (K(P, k) == TA_NTH || K(P, k) == TA_ORD) {
        *v = P->at[k].v;
        return true;
    }
    if (K(P, k) == TA_NUMW && is_word(P, k, "premier")) {
        *v = 1;
        return true;
    }
    return false;
}

/* The first and last day of part q (1-based) of year y cut into parts of m months. */
static void nm_part_days(int y, int q, int m, int64_t *from, int64_t *to)
{
    int m0 = (q - 1) * m + 1, m1 = q * m;
    *from = rc_date_days(y, m0, 1);
    *to = rc_date_days(y, m1, rc_date_month_days(y, m1));
}

/* [le] premier trimestre [de l'année] [2016], le dernier semestre, ce trimestre, le trimestre
 * dernier: 2016-Q1, H2. */
static size_t nm_m_part(const tx_p *P, size_t i, tx_out *o)
{
    size_t k = i;
    int q = 0, rel = 0; /* rel: -1 le trimestre dernier, 1 prochain, 2 ce trimestre */
    uint32_t start = P->at[i].s; /* the article stays out, as for the other dates */
    if (K(P, k) == TA_LE && J(P, k + 1))
        k++, start = P->at[k].s;
    if (K(P, k) == TA_CE && KJ(P, k + 1, TA_PERIOD))
        rel = 2, k++;
    else if (nm_nth(P, k, &q) && KJ(P, k + 1, TA_PERIOD))
        k++;
    else if (K(P, k) == TA_CUE && P->at[k].v < 0 && KJ(P, k + 1, TA_PERIOD) && k > i)
        q = -1, k++; /* le dernier trimestre: the last of the year */
    else if (K(P, k) != TA_PERIOD || k == i || !KJ(P, k + 1, TA_CUE))
        return 0;
    if (K(P, k) != TA_PERIOD)
        return 0;
    int months = P->at[k].v, parts = 12 / months;
    const char *code = months == 3 ? "Q" : "H";
    k++;
    if (!q && !rel) /* le trimestre dernier: a noun phrase with its cue, the article in */
        rel = P->at[k].v < 0 ? -1 : 1, k++, start = P->at[i].s;
    if (q < 0)
        q = parts;
    if (q > parts)
        return 0;
    int y = 0;
    k = nm_year(P, k, &y);
    o->type = RC_TIME_DATE;
    o->s = start;
    if (rel) {
        if (!P->has_ref) {
            snprintf(o->value, sizeof o->value, "%s", rel == -1 ? "PAST_REF" : rel == 1 ? "FUTURE_REF" : "PRESENT_REF");
            return k;
        }
        y = P->refd.y;
        q = (P->refd.m - 1) / months + 1;
        if (rel == -1 && --q < 1)
            q = parts, y--;
        if (rel == 1 && ++q > parts)
            q = 1, y++;
    } else if (!y && P->has_ref) {
        y = P->refd.y;
    }
    if (!y) {
        snprintf(o->value, sizeof o->value, "XXXX-%s%d", code, q);
        return k;
    }
    snprintf(o->value, sizeof o->value, "%04d-%s%d", y % 10000, code, q);
    nm_part_days(y, q, months, &o->from, &o->to);
    return k;
}

/* Durations named by a noun: deux trimestres (P6M), un demi-siècle (P50Y), un quart de siècle
 * (P25Y), un quart d'heure (PT15M). */
static size_t nm_m_dur(const tx_p *P, size_t i, tx_out *o)
{
    size_t k = i, j;
    int n = 1;
    o->type = RC_TIME_DURATION;
    if (K(P, k) == TA_DUR) { /* demi-siècle alone, after its article */
        nm_fmt_dur(o->value, sizeof o->value, P->at[k].v / 16, P->at[k].v % 16);
        return k + 1;
    }
    if (!tx_rd_num(P, k, &n, &j) || n < 1 || n > 1000 || !J(P, j))
        return 0;
    if (K(P, j) == TA_PERIOD) {
        nm_fmt_dur(o->value, sizeof o->value, (long)n * P->at[j].v, TU_M);
        return j + 1;
    }
    if (K(P, j) == TA_DUR) {
        nm_fmt_dur(o->value, sizeof o->value, (long)n * (P->at[j].v / 16), P->at[j].v % 16);
        return j + 1;
    }
    if (K(P, j) == TA_QUART && KJ(P, j + 1, TA_DE) && KJ(P, j + 2, TA_UNIT)) {
        int sub;
        long v = nm_fraction(P->at[j + 2].v, n, 4, &sub);
        if (!v)
            return 0;
        nm_fmt_dur(o->value, sizeof o->value, v, sub);
        return j + 3;
    }
    return 0;
}

size_t tx_m_named(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    switch (K(P, i)) {
    case TA_FEAST:
        return nm_m_feast(P, i, o);
    case TA_LE: case TA_CE: case TA_NTH: case TA_ORD: case TA_PERIOD:
        return nm_m_part(P, i, o);
    case TA_NUMW:
        if (is_word(P, i, "premier"))
            return nm_m_part(P, i, o);
        return nm_m_dur(P, i, o);
    case TA_NUM: case TA_DUR:
        return nm_m_dur(P, i, o);
    default:
        return 0;
    }
}
