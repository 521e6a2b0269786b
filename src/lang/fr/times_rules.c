/*
 * times_rules.c - the rules for everything that is not a calendar date: offsets from the
 * reference (il y a trois jours, dans deux semaines), durations, sets (chaque lundi), clock
 * expressions, ranges (du 3 au 5 mars, depuis le 15 novembre) and the remaining forms.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang/fr/numbers.h"
#include "lang/fr/times_expr.h"

/* Writes a duration value: P3Y, PT24H, P10CE, PXD (n < 0), P3.5Y (text of a decimal). */
static void fmt_dur(char *buf, size_t cap, const char *num, int unit)
{
    bool t = unit == TU_H || unit == TU_MIN || unit == TU_S;
    size_t n = 0;
    tx_cat(buf, cap, &n, t ? "PT" : "P");
    tx_cat(buf, cap, &n, num);
    tx_cat(buf, cap, &n, tx_unit_codes[unit]);
}

/* Moves a day count by n units (days, weeks, months, years); hours and less by whole days. */
static int64_t shift(const tx_p *P, int n, int unit)
{
    int y = P->refd.y, m = P->refd.m;
    switch (unit) {
    case TU_D: return P->ref + n;
    case TU_W: return P->ref + 7 * (int64_t)n;
    case TU_M:
        rc_date_add_months(&y, &m, n);
        return tx_day_of(y, m, P->refd.d);
    case TU_Y: return tx_day_of(y + n, m, P->refd.d);
    case TU_CE: return tx_day_of(y + 100 * n, m, P->refd.d);
    case TU_DE: return tx_day_of(y + 10 * n, m, P->refd.d);
    case TU_H: {
        int64_t mins = (P->refd.has_time ? P->refd.hh * 60 + P->refd.mm : 12 * 60) - 60 * (int64_t)(-n);
        return P->ref + (mins >= 0 ? mins / 1440 : -((-mins + 1439) / 1440));
    }
    default: return P->ref;
    }
}

/* Reads a quantity of units: 24 heures, cinq ans, un mois, 3.5ans, quelques jours. *num gets
 * the number as written for the value ("X" when vague), *n the integer (-1 when vague). */
static size_t rd_qty(const tx_p *P, size_t i, char *num, size_t cap, int *n, int *unit)
{
    size_t k = i, j;
    int v;
    if (K(P, k) == TA_QUELQUES || K(P, k) == TA_PLUSIEURS) {
        k++;
        if (!KJ(P, k, TA_UNIT))
            return 0;
        tx_copy_str(num, cap, "X");
        *n = -1;
    } else if (K(P, k) == TA_NUM && PU(P, k + 1, '.') + PU(P, k + 1, ',') && T(P, k + 1) &&
               K(P, k + 2) == TA_NUM && T(P, k + 2) && KJ(P, k + 3, TA_UNIT)) {
        snprintf(num, cap, "%d.%.*s", P->at[k].v, (int)(P->at[k + 2].e - P->at[k + 2].s),
                 P->text + P->at[k + 2].s);
        *n = P->at[k].v;
        k += 3;
    } else if (tx_rd_num(P, k, &v, &j) && (K(P, k) != TA_NUM || P->at[k].nd <= 5)) {
        k = j;
        if (KJ(P, k, TA_CUE) && KJ(P, k + 1, TA_UNIT))
            return 0; /* 24 dernières heures: see tx_m_relative */
        if (!KJ(P, k, TA_UNIT))
            return 0;
        (void)rc_fmt_int(num, cap, v);
        *n = v;
    } else {
        return 0;
    }
    *unit = P->at[k].v;
    if (*unit == TU_S && is_word(P, k, "sec") && !(K(P, i) == TA_NUM))
        return 0;
    return k + 1;
}

/* Relative offsets: il y a trois jours, dans deux semaines, la semaine dernière, le mois
 * prochain, l'an dernier, cette année, ces derniers jours, les 24 dernières heures. */
size_t tx_m_relative(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    char num[24];
    int n, unit;
    size_t k = i, j;
    /* il y a N unités / dans N unités */
    if (K(P, k) == TA_YA || (K(P, k) == TA_DANS && !KJ(P, k + 1, TA_LE))) {
        int dir = K(P, k) == TA_YA ? -1 : 1;
        k++;
        if (dir < 0 && KJ(P, k, TA_A) && KJ(P, k + 1, TA_PEU) && KJ(P, k + 2, TA_PRES))
            k += 3; /* il y a à peu près */
        else if (dir < 0 && KJ(P, k, TA_PRES))
            k++;
        if (!J(P, k) || !(j = rd_qty(P, k, num, sizeof num, &n, &unit)))
            return 0;
        if (unit == TU_H || unit == TU_MIN || unit == TU_S) {
            o->type = RC_TIME_DATETIME;
            if (P->has_ref && P->refd.has_time && n >= 0) {
                int64_t secs = P->refd.hh * 3600 + P->refd.mm * 60 + P->refd.ss +
                               dir * (int64_t)n * (unit == TU_H ? 3600 : unit == TU_MIN ? 60 : 1);
                int64_t day = P->ref + (secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400));
                int64_t r = secs - (day - P->ref) * 86400;
                char d[16];
                tx_fmt_day(d, sizeof d, day);
                snprintf(o->value, sizeof o->value, "%sT%02d:%02d:%02d", d, (int)(r / 3600),
                         (int)(r / 60 % 60), (int)(r % 60));
                o->from = o->to = day;
            } else if (P->has_ref && n >= 0 && unit == TU_H) {
                o->from = o->to = shift(P, dir * n, unit);
                tx_fmt_day(o->value, sizeof o->value, o->from);
            } else {
                snprintf(o->value, sizeof o->value, dir < 0 ? "PAST_REF" : "FUTURE_REF");
            }
            return j;
        }
        o->type = RC_TIME_DATE;
        if (P->has_ref && n >= 0)
            tx_set_day(o, shift(P, dir * n, unit));
        else
            snprintf(o->value, sizeof o->value, dir < 0 ? "PAST_REF" : "FUTURE_REF");
        return j;
    }
    /* dans les 2h / dans les prochains jours */
    if (K(P, k) == TA_DANS && KJ(P, k + 1, TA_LE) && J(P, k + 2) &&
        (j = rd_qty(P, k + 2, num, sizeof num, &n, &unit))) {
        o->type = RC_TIME_RANGE;
        fmt_dur(o->value, sizeof o->value, num, unit);
        if (P->has_ref && n >= 0) {
            o->from = P->ref;
            o->to = shift(P, n, unit);
        }
        return j;
    }
    /* [les|des|ces] N derniers|prochains unités, les dernières 24 heures, dernière minute */
    size_t q = k;
    if ((K(P, q) == TA_LE || K(P, q) == TA_DU || K(P, q) == TA_CES) && J(P, q + 1))
        q++;
    int cue = 0;
    n = 1;
    tx_copy_str(num, sizeof num, "1");
    size_t jn;
    int v;
    if (KJ(P, q, TA_CUE) && q > k && J(P, q + 1) && tx_rd_num(P, q + 1, &v, &jn) && KJ(P, jn, TA_UNIT)) {
        cue = P->at[q].v; /* les dernières 24 heures */
        n = v;
        (void)rc_fmt_int(num, sizeof num, v);
        q = jn;
    } else if (tx_rd_num(P, q, &v, &jn) && KJ(P, jn, TA_CUE) && KJ(P, jn + 1, TA_UNIT) &&
               (v == 1 || P->text[P->at[jn].e - 1] == 's')) {
        cue = P->at[jn].v; /* 24 dernières heures */
        n = v;
        (void)rc_fmt_int(num, sizeof num, v);
        q = jn + 1;
        o->s = P->at[q - 2 > i ? jn - (jn > q - 2 ? 0 : 0) : i].s;
    } else if (K(P, q) == TA_CUE && KJ(P, q + 1, TA_UNIT)) {
        cue = P->at[q].v; /* ces derniers jours, dernière minute */
        bool plural = P->text[P->at[q].e - 1] == 's';
        if (plural) {
            n = -1;
            tx_copy_str(num, sizeof num, "X");
        }
        q++;
    } else {
        q = 0;
    }
    if (q && cue) {
        unit = P->at[q].v;
        /* the span starts at the number or the cue, after the article (Recognizers) unless ces */
        if (K(P, k) != TA_CES && k != q - 1)
            o->s = P->at[k + (K(P, k) == TA_LE || K(P, k) == TA_DU)].s;
        if (K(P, k) == TA_DU && !(K(P, k + 1) == TA_CUE && J(P, k + 1)))
            o->s = P->at[k + 1].s;
        o->type = RC_TIME_DURATION;
        fmt_dur(o->value, sizeof o->value, num, unit);
        if (P->has_ref) {
            if (unit == TU_H || unit == TU_MIN || unit == TU_S) {
                if (n >= 0) {
                    int64_t other = shift(P, cue * (n > 0 ? n : 1), TU_H);
                    o->from = cue < 0 ? other : P->ref;
                    o->to = cue < 0 ? P->ref : other;
                }
            } else if (n >= 0) {
                if (cue < 0)
                    o->from = shift(P, -n, unit), o->to = P->ref - 1;
                else
                    o->from = P->ref + 1, o->to = shift(P, n, unit);
            } else {
                if (cue < 0)
                    o->to = P->ref;
                else
                    o->from = P->ref;
            }
        }
        return q + 1;
    }
    /* la semaine dernière, le mois prochain, l'an dernier, cette année, cette semaine */
    k = i;
    bool this = false;
    if (K(P, k) == TA_CE)
        this = true;
    else if (K(P, k) != TA_LE)
        return 0;
    if (!KJ(P, k + 1, TA_UNIT))
        return 0;
    unit = P->at[k + 1].v;
    if (unit != TU_W && unit != TU_M && unit != TU_Y)
        return 0;
    cue = 0;
    j = k + 2;
    if (KJ(P, j, TA_CUE)) {
        cue = P->at[j].v;
        j++;
    } else if (PU(P, j, '-') && T(P, j) && T(P, j + 1) && j + 1 < P->n &&
               (P->text[P->at[j + 1].s] == 'c' || P->text[P->at[j + 1].s] == 'l')) {
        j += 0; /* cette semaine-ci: the word after the hyphen is not an atom */
    }
    if (!this && !cue)
        return 0;
    if (P->text[P->at[k + 1].e - 1] == 's' && unit != TU_M)
        return 0; /* les années: plural, not here */
    o->type = RC_TIME_DATE;
    if (!P->has_ref) {
        snprintf(o->value, sizeof o->value, cue < 0 ? "PAST_REF" : cue > 0 ? "FUTURE_REF" : "PRESENT_REF");
        return j;
    }
    int y = P->refd.y, m = P->refd.m;
    if (unit == TU_W) {
        int64_t monday = P->ref - (rc_date_weekday(y, m, P->refd.d) - 1) + 7 * (int64_t)cue;
        int wy, w, yy, mm, d;
        rc_date_from_days(monday, &yy, &mm, &d);
        rc_date_isoweek(yy, mm, d, &wy, &w);
        snprintf(o->value, sizeof o->value, "%04d-W%02d", wy % 10000, w);
        o->from = monday;
        o->to = monday + 6;
    } else if (unit == TU_M) {
        rc_date_add_months(&y, &m, cue);
        snprintf(o->value, sizeof o->value, "%04d-%02d", y % 10000, m);
        o->from = rc_date_days(y, m, 1);
        o->to = rc_date_days(y, m, rc_date_month_days(y, m));
    } else {
        y += cue;
        snprintf(o->value, sizeof o->value, "%04d", y % 10000);
        o->from = rc_date_days(y, 1, 1);
        o->to = rc_date_days(y, 12, 31);
    }
    return j;
}

/* Whether the years read at atom k are an age: "âgé de 87 ans", "un homme de 38 ans", "Ali, 34
 * ans," — the word before "de" is a cue of data/fr/time_age_cues.txt, or the figure stands
 * between commas right after a capitalised name. */
static bool is_age(const tx_p *P, size_t k, size_t j)
{
    const char *t = P->text;
    size_t s = P->at[k].s;
    size_t p = s;
    while (p > 0 && t[p - 1] == ' ')
        p--;
    if (p >= 1 && t[p - 1] == ',') { /* "Ali, 34 ans," */
        size_t q = p - 1;
        bool closes = j < P->n ? PU(P, j, ',') || PU(P, j, ')') : false;
        return closes && q > 0 && ((t[q - 1] | 0x20) >= 'a' && (t[q - 1] | 0x20) <= 'z');
    }
    size_t we = p;
    while (p > 0 && t[p - 1] != ' ' && t[p - 1] != '\n')
        p--;
    if (we - p != 2 || (t[p] != 'd' && t[p] != 'D') || t[p + 1] != 'e')
        return false;
    while (p > 0 && t[p - 1] == ' ')
        p--;
    size_t ce = p;
    while (p > 0 && t[p - 1] != ' ' && t[p - 1] != '\n' && t[p - 1] != '\'' && ce - p < 40)
        p--;
    return ce > p && rc_lex_get(P->age_cues, t + p, ce - p) != NULL;
}

/* Durations: 24 heures, cinq ans, depuis trois semaines, toute la journée, quelques jours,
 * 10 siècles. N heures after à or vers is a clock time, not a duration. */
size_t tx_m_duration(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    o->type = RC_TIME_DURATION;
    size_t k = i;
    if (K(P, k) == TA_TOUT && KJ(P, k + 1, TA_LE) && KJ(P, k + 2, TA_UNIT)) {
        int unit = P->at[k + 2].v;
        fmt_dur(o->value, sizeof o->value, "1", unit);
        return k + 3;
    }
    bool depuis = K(P, k) == TA_DEPUIS;
    if (depuis || K(P, k) == TA_PENDANT)
        k++;
    if (k > i && !J(P, k))
        return 0;
    char num[24];
    int n, unit;
    size_t j = rd_qty(P, k, num, sizeof num, &n, &unit);
    if (!j)
        return 0;
    if (unit == TU_H && !depuis && k == i) {
        /* a clock time unless nothing says so */
        tx_clk c;
        if (tx_clock_cue(P, i) || (tx_rd_clock(P, i, &c) && c.strong && P->at[j - 1].e - P->at[j - 1].s == 1))
            return 0;
    }
    if (!depuis)
        o->s = P->at[k].s;
    if (unit == TU_Y && is_word(P, j - 1, "ann\xc3\xa9\x65s") && k > 0 && K(P, k - 1) == TA_LE)
        return 0;
    if (unit == TU_Y && !depuis && k == i && is_age(P, k, j))
        return 0;
    fmt_dur(o->value, sizeof o->value, num, unit);
    if (depuis && P->has_ref && n >= 0) {
        o->from = shift(P, -n, unit);
        o->to = P->ref;
    }
    return j;
}

/* Sets: chaque jour, tous les jours, toutes les trois semaines, chaque lundi, hebdomadaire, and
 * a clock time before them (16 heures chaque lundi). */
size_t tx_m_set(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    o->type = RC_TIME_SET;
    size_t k = i;
    tx_clk c;
    c.hh = -1;
    size_t jc = tx_rd_clock(P, k, &c);
    if (jc && c.hh >= 0 && J(P, jc) && (K(P, jc) == TA_CHAQUE || K(P, jc) == TA_TOUS))
        k = jc;
    else if (K(P, k) == TA_NUM && P->at[k].nd <= 2 && P->at[k].v <= 24 && KJ(P, k + 1, TA_TOUS) &&
             i > 0 && K(P, i - 1) == TA_A)
        k++, c.hh = -2; /* à 15 tous les jours */
    else
        c.hh = -1;
    if (K(P, k) == TA_SET && k == i) {
        snprintf(o->value, sizeof o->value, "%s",
                 (const char *[]){"", "P1D", "P1W", "P1M", "P1Y"}[P->at[k].v % 5]);
        return k + 1;
    }
    size_t q;
    if (K(P, k) == TA_CHAQUE && J(P, k + 1))
        q = k + 1;
    else if (K(P, k) == TA_TOUS && KJ(P, k + 1, TA_LE) && J(P, k + 2))
        q = k + 2;
    else
        return 0;
    int n = 1;
    size_t j;
    if (K(P, q) != TA_UNIT && K(P, q) != TA_WDAY && tx_rd_num(P, q, &n, &j) && KJ(P, j, TA_UNIT))
        q = j;
    if (K(P, q) == TA_UNIT) {
        int unit = P->at[q].v;
        char num[16];
        (void)rc_fmt_int(num, sizeof num, n);
        fmt_dur(o->value, sizeof o->value, num, unit);
        if (c.hh >= 0) {
            char d[64];
            tx_copy_str(d, sizeof d, o->value);
            tx_fmt_clock(o->value, sizeof o->value, "XXXX-XX-XX", &c);
            (void)d;
        }
        return q + 1;
    }
    if (K(P, q) == TA_WDAY) {
        char d[24];
        snprintf(d, sizeof d, "XXXX-WXX-%d", P->at[q].v);
        if (c.hh >= 0)
            tx_fmt_clock(o->value, sizeof o->value, d, &c);
        else
            tx_copy_str(o->value, sizeof o->value, d);
        return q + 1;
    }
    return 0;
}

/* Clock times alone and time ranges: 9h30, vers 20heures, midi, de 14h à 16h, entre 17 et 18,
 * 16-17 heures, 5 a 6pm. */
size_t tx_m_clock_read(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    o->type = RC_TIME_TIME;
    size_t k = i;
    bool range = K(P, k) == TA_DE || K(P, k) == TA_ENTRE;
    if (range || (K(P, k) == TA_DU && !is_word(P, k, "des")))
        k++;
    if (k > i && !J(P, k))
        return 0;
    tx_clk a, b;
    size_t ja = tx_rd_clock(P, k, &a);
    int h;
    size_t jn;
    if (!ja && (K(P, k) == TA_NUM || K(P, k) == TA_NUMW) && tx_rd_num(P, k, &h, &jn) && h <= 24 &&
        (KJ(P, jn, TA_A) || KJ(P, jn, TA_ET) || KJ(P, jn, TA_AU) ||
         (PU(P, jn, '-') && T(P, jn)) || KJ(P, jn, TA_JUSQU))) {
        a.hh = h, a.mm = -1, a.ss = -1, a.strong = false; /* 17 a 18, 5 a sept du matin */
        ja = jn;
    } else if (!ja && (K(P, k) == TA_NUM) && tx_rd_num(P, k, &h, &jn) && h <= 24 && KJ(P, jn, TA_PART)) {
        a.hh = h, a.mm = -1, a.ss = -1, a.strong = true; /* 3 matin */
        if (P->at[jn].v == TP_AF || P->at[jn].v == TP_EV)
            a.hh = a.hh < 12 ? a.hh + 12 : a.hh;
        ja = jn + 1;
    }
    if (!ja || a.hh < 0)
        return 0;
    size_t q = ja;
    if ((KJ(P, q, TA_A) || KJ(P, q, TA_ET) || KJ(P, q, TA_AU) || (PU(P, q, '-') && T(P, q))) ||
        (KJ(P, q, TA_JUSQU) && KJ(P, q + 1, TA_A))) {
        q += K(P, q) == TA_JUSQU ? 2 : 1;
        size_t jb = J(P, q) ? tx_rd_clock(P, q, &b) : 0;
        bool et = K(P, ja) == TA_ET; /* "21 h 45 et une autre": a bare number after et needs entre */
        if (!jb && tx_rd_num(P, q, &h, &jn) && h <= 24 && J(P, q) && (a.strong || range) &&
            (range || !et)) {
            b.hh = h, b.mm = -1, b.ss = -1, b.strong = false;
            jb = jn;
            if (KJ(P, jn, TA_PART)) { /* entre 17 et 18 après-midi */
                int part = P->at[jn].v;
                if ((part == TP_AF || part == TP_EV) && b.hh < 12)
                    b.hh += 12;
                jb = jn + 1;
            }
        }
        bool unit_b = jb && KJ(P, jb - 1, TA_UNIT);
        if (jb && b.hh >= 0 && (a.strong || b.strong || range || K(P, ja) == TA_A || unit_b)) {
            if (b.hh >= 12 && a.hh < 12 && a.hh + 12 < b.hh && !a.strong)
                a.hh += 12; /* 5 a 6pm */
            o->type = RC_TIME_RANGE;
            char av[24], bv[24];
            tx_fmt_clock(av, sizeof av, "", &a);
            tx_fmt_clock(bv, sizeof bv, "", &b);
            snprintf(o->value, sizeof o->value, "%s/%s", av, bv);
            if (!range)
                o->s = P->at[k].s;
            return jb;
        }
    }
    if (range)
        return 0;
    if (!a.strong && !tx_clock_cue(P, i))
        return 0;
    if (!a.strong && ja == k + 1 &&
        !(K(P, k) == TA_NUM && i > 0 && K(P, i - 1) == TA_A && P->at[i - 1].v == 0 &&
          P->at[k].nd <= 2 && !(P->at[k].fl & TF_WORD_AFTER) && K(P, ja) != TA_NUM &&
          K(P, ja) != TA_UNIT && !PU(P, ja, '%') && !PU(P, ja, ',') && !PU(P, ja, '.') &&
          !(K(P, ja) == TA_LE || K(P, ja) == TA_DE || K(P, ja) == TA_DU)))
        return 0; /* a bare number */
    tx_fmt_clock(o->value, sizeof o->value, "", &a);
    return ja;
}

/* Date ranges and spans: du 12 au 15 décembre, entre le 3 et le 12, de 2010 à 2018,
 * 10/1-11/2/2017, depuis le 15 novembre (from that day to the reference), avant 2000, dans la
 * nuit de lundi à mardi. */
size_t tx_m_range(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    size_t k = i;
    /* [dans] la nuit de lundi à mardi / du 12 au 13 */
    if (K(P, k) == TA_DANS && KJ(P, k + 1, TA_LE))
        k++;
    if (K(P, k) == TA_LE && KJ(P, k + 1, TA_PART) && P->at[k + 1].v == TP_NI &&
        (KJ(P, k + 2, TA_DE) || KJ(P, k + 2, TA_DU)) && J(P, k + 3)) {
        size_t q = k + 3;
        tx_out a, b;
        size_t ja;
        if (K(P, k + 2) == TA_DU) {
            /* du 12 au 13 décembre: read "le 12" as a day of the second date */
            int d1;
            size_t jd;
            if (!tx_rd_daynum(P, q, &d1, &jd) || !KJ(P, jd, TA_AU))
                return 0;
            size_t jb = tx_rd_dayref(P, jd + 1, &b);
            if (!jb || b.from == NODAY)
                return 0;
            o->type = RC_TIME_DATETIME;
            tx_set_day(o, b.from - 1);
            o->to = b.from;
            snprintf(o->value + strlen(o->value), sizeof o->value - strlen(o->value), "TNI");
            return jb;
        }
        ja = tx_rd_dayref(P, q, &a);
        if (!ja || !(KJ(P, ja, TA_A) || KJ(P, ja, TA_AU)))
            return 0;
        size_t jb = tx_rd_dayref(P, ja + 1, &b);
        if (!jb)
            return 0;
        o->type = RC_TIME_DATETIME;
        if (a.from != NODAY) {
            int64_t first = a.from;
            if (b.from != NODAY && b.from != first + 1)
                first = b.from - 1; /* lundi à mardi: the Monday before the Tuesday */
            tx_set_day(o, first);
            o->to = first + 1;
            snprintf(o->value + strlen(o->value), sizeof o->value - strlen(o->value), "TNI");
        } else {
            snprintf(o->value, sizeof o->value, "TNI");
        }
        return jb;
    }
    k = i;
    int kind = K(P, k);
    if (kind == TA_DEPUIS || kind == TA_DES || kind == TA_AVANT || kind == TA_APRES ||
        (kind == TA_A && KJ(P, k + 1, TA_PARTIR) && KJ(P, k + 2, TA_DU))) {
        if (kind == TA_A)
            k += 2; /* à partir du */
        if (!J(P, k + 1))
            return 0;
        tx_out a;
        size_t q = k + 1;
        size_t ja = tx_rd_dayref(P, q, &a);
        tx_out p;
        size_t jp = tx_m_period(P, q, &p);
        if (jp > ja)
            a = p, ja = jp;
        if (!ja)
            return 0;
        if ((kind == TA_AVANT || kind == TA_APRES) && K(P, q) == TA_LE && strlen(a.value) == 10)
            return 0; /* avant le 15 mai: a date, the preposition is not part of it */
        *o = a;
        o->s = P->at[i].s;
        o->type = RC_TIME_RANGE;
        if (kind == TA_DEPUIS || kind == TA_DES || kind == TA_A) {
            o->to = kind == TA_DEPUIS && P->has_ref && a.from != NODAY && a.from <= P->ref ? P->ref
                                                                                        : NODAY;
        } else if (kind == TA_AVANT) {
            o->to = a.from == NODAY ? NODAY : a.from - 1;
            o->from = NODAY;
        } else {
            o->from = a.to == NODAY ? NODAY : a.to + 1;
            o->to = NODAY;
        }
        return ja;
    }
    /* novembre 19-20 */
    if (K(P, k) == TA_MONTH && !(P->at[k].fl & TF_ABBR) && K(P, k + 1) == TA_NUM && J(P, k + 1) &&
        PU(P, k + 2, '-') && T(P, k + 2) && K(P, k + 3) == TA_NUM && T(P, k + 3)) {
        int d1 = P->at[k + 1].v, d2 = P->at[k + 3].v;
        if (P->at[k + 1].nd > 2 || P->at[k + 3].nd > 2 || d1 < 1 || d2 > 31 || d2 < d1)
            return 0;
        tx_d dm;
        memset(&dm, 0, sizeof dm);
        dm.m = P->at[k].v;
        tx_out pm;
        memset(&pm, 0, sizeof pm);
        pm.from = NODAY;
        tx_res_month(P, &dm, k, &pm);
        o->type = RC_TIME_RANGE;
        if (pm.from == NODAY) {
            tx_copy_str(o->value, sizeof o->value, pm.value);
            return k + 4;
        }
        int y, m, dd0;
        rc_date_from_days(pm.from, &y, &m, &dd0);
        if (!rc_date_valid(y, m, d2))
            return 0;
        o->from = rc_date_days(y, m, d1);
        o->to = rc_date_days(y, m, d2);
        char fa[16], fb[16];
        tx_fmt_day(fa, sizeof fa, o->from);
        tx_fmt_day(fb, sizeof fb, o->to);
        snprintf(o->value, sizeof o->value, "%s/%s", fa, fb);
        return k + 4;
    }
    /* du D1 au D2, de D1 à D2, entre D1 et D2 */
    bool du = kind == TA_DU || kind == TA_DE || kind == TA_ENTRE;
    size_t q = du ? k + 1 : k;
    if (du && !J(P, q))
        return 0;
    if (K(P, q) == TA_LE && is_word(P, q, "le") && J(P, q + 1))
        q++;
    tx_out a, b;
    size_t ja = 0;
    int d1 = 0;
    size_t jd;
    bool bare = false;
    ja = tx_rd_dayref(P, q, &a);
    tx_out pa;
    size_t jpa = tx_m_period(P, q, &pa);
    if (jpa > ja)
        a = pa, ja = jpa;
    if (tx_rd_daynum(P, q, &d1, &jd) && (!ja || jd >= ja)) {
        bare = true;
        ja = jd;
    }
    if (!ja)
        return 0;
    size_t sep = ja;
    bool dash = PU(P, sep, '-') && (T(P, sep) || J(P, sep + 1));
    if (!(dash || (du && (KJ(P, sep, TA_AU) || KJ(P, sep, TA_A) || KJ(P, sep, TA_ET) ||
                          (KJ(P, sep, TA_JUSQU) && KJ(P, sep + 1, TA_AU))))))
        return 0;
    if (kind == TA_ENTRE && !KJ(P, sep, TA_ET))
        return 0;
    size_t r = sep + 1 + (K(P, sep) == TA_JUSQU);
    if (!J(P, r) && !dash)
        return 0;
    if (K(P, r) == TA_LE && is_word(P, r, "le") && J(P, r + 1))
        r++;
    size_t jb = tx_rd_dayref(P, r, &b);
    tx_out pb;
    size_t jpb = tx_m_period(P, r, &pb);
    if (jpb > jb)
        b = pb, jb = jpb;
    if (!jb || b.from == NODAY) {
        /* 4-23 mois prochain, entre 3 et 12 de sept: the second date carries the month */
        int d2;
        size_t j2;
        if (bare && tx_rd_daynum(P, r, &d2, &j2)) {
            size_t mq = j2;
            if (KJ(P, mq, TA_DE) && J(P, mq + 1))
                mq++;
            tx_out pm;
            size_t jm = 0;
            if (K(P, mq) == TA_MONTH || (K(P, mq) == TA_NUMW && is_word(P, mq, "sept"))) {
                tx_d dm;
                memset(&dm, 0, sizeof dm);
                dm.m = K(P, mq) == TA_MONTH ? P->at[mq].v : 9;
                jm = mq + 1;
                int y;
                size_t jy;
                if (J(P, jm) && tx_rd_year(P, jm, false, &y, &jy))
                    dm.y = y, jm = jy;
                tx_res_month(P, &dm, mq, &pm);
            } else if (KJ(P, mq, TA_UNIT) && P->at[mq].v == TU_M && KJ(P, mq + 1, TA_CUE) &&
                       P->has_ref) {
                int y = P->refd.y, m = P->refd.m;
                rc_date_add_months(&y, &m, P->at[mq + 1].v);
                pm.from = rc_date_days(y, m, 1);
                snprintf(pm.value, sizeof pm.value, "%04d-%02d", y, m);
                jm = mq + 2;
            }
            if (!jm)
                return 0;
            if (!P->has_ref || pm.from == NODAY) { /* no ref: tx_res_month left from unset */
                o->type = RC_TIME_RANGE;
                tx_copy_str(o->value, sizeof o->value, pm.value);
                return jm;
            }
            int y, m, dd;
            rc_date_from_days(pm.from, &y, &m, &dd);
            if (!rc_date_valid(y, m, d1) || !rc_date_valid(y, m, d2) || d2 < d1)
                return 0;
            o->type = RC_TIME_RANGE;
            o->from = rc_date_days(y, m, d1);
            o->to = rc_date_days(y, m, d2);
            char fa[16], fb[16];
            tx_fmt_day(fa, sizeof fa, o->from);
            tx_fmt_day(fb, sizeof fb, o->to);
            snprintf(o->value, sizeof o->value, "%s/%s", fa, fb);
            if (!du || dash)
                o->s = P->at[q].s;
            return jm;
        }
        return 0;
    }
    int64_t from = a.from;
    tx_d da, db;
    if (!bare && tx_rd_date(P, q, &da) == ja && da.d && da.m && !da.y && tx_rd_date(P, r, &db) == jb &&
        db.y && b.from != NODAY) {
        int yb, mb, dbd;
        rc_date_from_days(b.from, &yb, &mb, &dbd);
        if (rc_date_valid(yb, da.m, da.d)) {
            from = rc_date_days(yb, da.m, da.d);
            if (from > b.to && rc_date_valid(yb - 1, da.m, da.d))
                from = rc_date_days(yb - 1, da.m, da.d);
        }
    }
    if (bare && (ja == jd)) {
        int y, m, dd;
        rc_date_from_days(b.from, &y, &m, &dd);
        if (!rc_date_valid(y, m, d1))
            return 0;
        from = rc_date_days(y, m, d1);
        if (from > b.from) {
            rc_date_add_months(&y, &m, -1);
            if (!rc_date_valid(y, m, d1))
                return 0;
            from = rc_date_days(y, m, d1);
        }
    } else if (from == NODAY) {
        return 0;
    }
    if (from > b.to && a.value[0] && strncmp(a.value, "XXXX", 4) != 0)
        return 0;
    if (dash)
        o->s = P->at[q].s;
    if (from > b.to) {
        /* 28/2-1/3 read in the same year: the second date is in the next one */
        int y, m, dd;
        rc_date_from_days(from, &y, &m, &dd);
        from = tx_day_of(y - 1, m, dd);
    }
    o->type = RC_TIME_RANGE;
    o->from = from;
    o->to = b.to;
    char fa[16], fb[16];
    tx_fmt_day(fa, sizeof fa, o->from);
    tx_fmt_day(fb, sizeof fb, o->to);
    snprintf(o->value, sizeof o->value, "%s/%s", fa, fb);
    if (!du)
        o->s = P->at[q].s;
    return jb;
}

/* Single words and fixed phrases: maintenant (PRESENT_REF), la journée, ce matin, ce soir,
 * le matin, dans la soirée, Noël, le plus tôt possible. */
size_t tx_m_misc(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    size_t k = i;
    if (K(P, k) == TA_REF) {
        o->type = RC_TIME_DATE;
        snprintf(o->value, sizeof o->value, "%s",
                 (const char *[]){"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"}[P->at[k].v % 4]);
        if (P->at[k].v == 1 && P->has_ref)
            o->from = o->to = P->ref;
        return k + 1;
    }
    if (K(P, k) == TA_LE && KJ(P, k + 1, TA_PLUS) && KJ(P, k + 2, TA_TOT) && KJ(P, k + 3, TA_POSSIBLE)) {
        o->type = RC_TIME_DATE;
        snprintf(o->value, sizeof o->value, "FUTURE_REF");
        return k + 4;
    }
    if (K(P, k) == TA_HOLIDAY) {
        int m = P->at[k].v / 100, d = P->at[k].v % 100;
        tx_d dd;
        memset(&dd, 0, sizeof dd);
        dd.m = m, dd.d = d;
        size_t j = k + 1;
        int y;
        size_t jy;
        if (J(P, j) && tx_rd_year(P, j, false, &y, &jy))
            dd.y = y, j = jy;
        else if (KJ(P, j, TA_CUE))
            dd.cue = P->at[j].v, j++;
        if (!tx_res_date(P, &dd, i, o))
            return 0;
        return j;
    }
    /* ce matin, ce soir, cette nuit, cet après-midi */
    if (K(P, k) == TA_CE && KJ(P, k + 1, TA_PART)) {
        int part = P->at[k + 1].v;
        o->type = RC_TIME_DATETIME;
        if (P->has_ref) {
            char d[16];
            tx_fmt_day(d, sizeof d, P->ref);
            snprintf(o->value, sizeof o->value, "%sT%s", d, tx_part_codes[part]);
            o->from = o->to = P->ref;
        } else {
            snprintf(o->value, sizeof o->value, "T%s", tx_part_codes[part]);
        }
        return k + 2;
    }
    /* tôt dans la journée, [dans] la journée [de lundi], le matin, dans la soirée */
    bool early = false;
    if (K(P, k) == TA_TOT && KJ(P, k + 1, TA_DANS))
        early = true, k++;
    size_t q = k;
    if (K(P, q) == TA_DANS && KJ(P, q + 1, TA_LE))
        q++;
    else if (K(P, q) == TA_DANS)
        return 0;
    if (K(P, q) == TA_LE && KJ(P, q + 1, TA_UNIT) && P->at[q + 1].v == TU_D &&
        (is_word(P, q + 1, "journ\xc3\xa9\x65") || is_word(P, q + 1, "journee"))) {
        size_t j = q + 2;
        tx_out d;
        if ((KJ(P, j, TA_DE) || KJ(P, j, TA_DU)) && J(P, j + 1)) {
            size_t jd = tx_rd_dayref(P, j + 1, &d);
            if (jd && d.type == RC_TIME_DATE) {
                *o = d;
                o->s = P->at[k == q ? q : k].s;
                return jd;
            }
        }
        o->type = RC_TIME_DATE;
        if (P->has_ref)
            tx_set_day(o, P->ref);
        if (early)
            o->type = RC_TIME_DATETIME;
        if (k == q && K(P, k) == TA_DANS)
            o->s = P->at[q].s;
        if (k != q && !early)
            o->s = P->at[q].s;
        return j;
    }
    if (K(P, q) == TA_LE && KJ(P, q + 1, TA_PART) && !KJ(P, q + 2, TA_DE) && !KJ(P, q + 2, TA_DU)) {
        int part = P->at[q + 1].v;
        o->type = RC_TIME_TIME;
        snprintf(o->value, sizeof o->value, "T%s", tx_part_codes[part]);
        size_t j = q + 2;
        /* dans le matin a 7 */
        if ((KJ(P, j, TA_A) || KJ(P, j, TA_VERS)) && J(P, j + 1)) {
            tx_clk c;
            size_t jc = tx_rd_clock(P, j + 1, &c);
            int h;
            size_t jn;
            if (!jc && tx_rd_num(P, j + 1, &h, &jn) && h <= 12)
                c.hh = h, c.mm = -1, c.ss = -1, jc = jn;
            if (jc && c.hh >= 0) {
                if ((part == TP_AF || part == TP_EV) && c.hh < 12)
                    c.hh += 12;
                tx_fmt_clock(o->value, sizeof o->value, "", &c);
                return jc;
            }
        }
        return j;
    }
    return 0;
}
