/*
 * times_dates.c - the rules for calendar expressions: compact and written dates, clock times,
 * parts of the day, days named from today (hier, la veille), dates with a clock time, and named
 * periods (l'été 2012, mi-septembre, fin juillet).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang/fr/numbers.h"
#include "lang/fr/times_expr.h"

/* ---- expression rules ------------------------------------------------------------------------ */

/* Reads a compact date at atom k: parts joined by one separator and no space (15/12/2016,
 * 15.12.16, 2016-12-15, 2015-3, 22/04, 23/Sep/2020). Returns the atom after it, or 0. */
static size_t rd_compact(const tx_p *P, size_t k, tx_d *dd)
{
    if ((K(P, k) == TA_NUM || K(P, k) == TA_MONTH) && PU(P, k + 1, '/') + PU(P, k + 1, '.') +
                                                          PU(P, k + 1, '-') && T(P, k + 1) &&
        T(P, k + 2) && (K(P, k + 2) == TA_NUM || K(P, k + 2) == TA_MONTH)) {
        int sep = P->at[k + 1].v;
        size_t parts[3] = {k, k + 2, 0};
        int np = 2;
        if (PU(P, k + 3, (char)sep) && T(P, k + 3) && T(P, k + 4) &&
            (K(P, k + 4) == TA_NUM || K(P, k + 4) == TA_MONTH))
            parts[2] = k + 4, np = 3;
        int y = 0, m = 0, d = 0, nmonth = 0;
        bool ok = true;
        for (int p = 0; p < np; p++)
            nmonth += K(P, parts[p]) == TA_MONTH;
        if (nmonth > 1)
            ok = false;
        int nums[3], nds[3], nn = 0;
        for (int p = 0; p < np && ok; p++) {
            const tx_atom *a = &P->at[parts[p]];
            if (a->k == TA_MONTH)
                m = a->v;
            else if (a->nd == 4)
                y ? (ok = false) : (y = a->v);
            else if (a->nd <= 2)
                nums[nn] = a->v, nds[nn] = a->nd, nn++;
            else
                ok = false;
        }
        (void)nds;
        if (ok) {
            if (m) { /* 23/Sep/2020, Sep-23-2020, 2020/23/Sep */
                if (nn == 1 && (y || np == 2))
                    d = nums[0];
                else
                    ok = false;
            } else if (np == 3 && !y && nn == 3 && sep != '-') { /* 15/12/16 */
                d = nums[0], m = nums[1], y = tx_year2(nums[2]);
            } else if (np == 3 && y && nn == 2) {
                if (K(P, parts[0]) == TA_NUM && P->at[parts[0]].nd == 4)
                    m = nums[0], d = nums[1]; /* 2016-12-15 */
                else
                    d = nums[0], m = nums[1]; /* 15/12/2016 */
            } else if (np == 2 && y && nn == 1 && P->at[parts[0]].nd == 4 && sep != '.') {
                m = nums[0]; /* 2015-3: a month */
                if (m < 1 || m > 12)
                    return 0;
                dd->y = y, dd->m = m;
                
                return parts[1] + 1;
            } else if (np == 2 && nn == 2 && sep == '/') {
                d = nums[0], m = nums[1]; /* 22/04 */
            } else
                ok = false;
        }
        if (ok && m >= 1 && m <= 12 && d >= 1 && d <= 31 && (!y || y >= 1000)) {
            dd->y = y, dd->m = m, dd->d = d;
            
            return parts[np - 1] + 1;
        }
        return 0;
    }
    return 0;
}

/* Reads a date at day level: [le] [weekday [,]] day [de] month [[de] year] [cue], month day
 * [de] year, numeric forms (15/12/2016, 15.12.16, 2016-12-15, 23/Sep/2020, 02 04 2009), and the
 * day alone after le (le 23). */
size_t tx_rd_date(const tx_p *P, size_t i, tx_d *dd)
{
    memset(dd, 0, sizeof *dd);
    size_t k = i;
    bool le = false, comma = false; /* comma: one stands between the weekday and the day */
    dd->i0 = i;
    if (K(P, k) == TA_LE && is_word(P, k, "le") && J(P, k + 1))
        le = true, k++;
    else if (K(P, k) == TA_CE && J(P, k + 1) && K(P, k + 1) == TA_WDAY)
        dd->this = true, k++;
    size_t first = k;
    size_t jc = rd_compact(P, k, dd);
    if (jc) {
        dd->i0 = first;
        return jc;
    }
    /* weekday before the day */
    if (K(P, k) == TA_WDAY && (K(P, k + 1) == TA_NUM || K(P, k + 1) == TA_NUMW ||
                               K(P, k + 1) == TA_ORD || PU(P, k + 1, ','))) {
        dd->wd = P->at[k].v;
        k++;
        if (PU(P, k, ',') && T(P, k))
            k++, comma = true;
        if (!J(P, k))
            return 0;
        int wd = dd->wd;
        jc = rd_compact(P, k, dd);
        if (jc && dd->d) {
            dd->wd = wd;
            dd->i0 = first;
            return jc;
        }
        dd->wd = wd;
    } else if (K(P, k) == TA_WDAY && (P->at[k].fl & TF_ABBR)) {
        return 0;
    }
    int d = 0, m = 0, y = 0;
    size_t j;
    if (tx_rd_daynum(P, k, &d, &j)) {
        size_t q = j;
        if (KJ(P, q, TA_DE) && KJ(P, q + 1, TA_MONTH))
            q++;
        if (KJ(P, q, TA_MONTH) && !(P->at[q].fl & TF_ABBR && !J(P, q))) {
            m = P->at[q].v;
            k = q + 1;
            size_t yq = k;
            if (KJ(P, yq, TA_DE) && K(P, yq + 1) == TA_NUM && P->at[yq + 1].nd == 4)
                yq++;
            if (J(P, yq) && tx_rd_year(P, yq, true, &y, &j))
                k = j;
            else if (KJ(P, yq, TA_A) && K(P, yq + 1) == TA_NUMW && J(P, yq + 1)) {
                int hi, lo;
                size_t j1, j2;
                if (tx_rd_num(P, yq + 1, &hi, &j1) && hi >= 10 && hi <= 20 && tx_rd_num(P, j1, &lo, &j2) &&
                    J(P, j1) && lo < 100) { /* à dix neuf soixante douze */
                    y = hi * 100 + lo;
                    k = j2;
                }
            }
        } else if (dd->wd && K(P, k) == TA_NUM) {
            if (PU(P, j, ':') || KJ(P, j, TA_UNIT) || KJ(P, j, TA_AMPM))
                return 0; /* mardi 11:00 */
            if ((P->at[k].fl & TF_WORD_AFTER) || comma)
                return 0; /* ont tué mardi, 23 civils; tués mardi, 25 à Goma: a count */
            k = j; /* jeudi 15 */
        } else if (KJ(P, j, TA_WDAY) && le) {
            dd->wd = P->at[j].v; /* le 25 mardi */
            k = j + 1;
            dd->d = d;
            dd->i0 = i;
            return k;
        } else if (le && K(P, k) == TA_NUM && !(P->at[k].fl & TF_WORD_AFTER) &&
                   !(K(P, j) == TA_UNIT && J(P, j)) && !PU(P, j, ':') && !PU(P, j, '/') &&
                   !PU(P, j, '.') && !(K(P, j) == TA_NUM && J(P, j)) && !KJ(P, j, TA_MONTH)) {
            dd->d = d; /* le 23 */
            dd->i0 = first;
            return j;
        } else if (K(P, k) == TA_NUM && K(P, j) == TA_NUM && J(P, j) && P->at[j].nd <= 2 &&
                   P->at[j].v >= 1 && P->at[j].v <= 12 && K(P, j + 1) == TA_NUM && J(P, j + 1) &&
                   (P->at[j + 1].nd == 4 || P->at[j + 1].nd == 2) &&
                   !(P->at[j + 1].fl & TF_WORD_AFTER) && !(K(P, j + 2) == TA_UNIT && J(P, j + 2))) {
            dd->d = d; /* 02 04 2009 */
            dd->m = P->at[j].v;
            dd->y = P->at[j + 1].nd == 4 ? P->at[j + 1].v : tx_year2(P->at[j + 1].v);
            dd->i0 = first;
            return j + 2;
        } else {
            return 0;
        }
    } else if (K(P, k) == TA_MONTH && !(P->at[k].fl & TF_ABBR) && !dd->wd &&
               tx_rd_daynum(P, k + 1, &d, &j) && J(P, k + 1)) {
        /* novembre 23 [de] 1987, mai vingt-neuf */
        m = P->at[k].v;
        size_t yq = j;
        if (KJ(P, yq, TA_DE) && K(P, yq + 1) == TA_NUM && P->at[yq + 1].nd == 4)
            yq++;
        size_t jy;
        if (J(P, yq) && tx_rd_year(P, yq, false, &y, &jy))
            k = jy;
        else if (K(P, k + 1) == TA_NUM && (P->at[k + 1].fl & TF_WORD_AFTER))
            return 0;
        else if (K(P, k + 1) == TA_NUM && (PU(P, j, '-') || KJ(P, j, TA_UNIT)))
            return 0;
        else
            k = j;
    } else if (dd->wd) {
        return 0;
    } else {
        return 0;
    }
    dd->d = d, dd->m = m, dd->y = y;
    if (KJ(P, k, TA_CUE) && !y) {
        dd->cue = P->at[k].v;
        k++;
    }
    dd->i0 = le && dd->cue ? i : first;
    return k;
}

/* Reads a clock time: 9h30, 20 heures, 20heures, 19:56:30, midi, 4pm, sept heures moins dix,
 * with du matin / de l'après-midi / du soir. */
size_t tx_rd_clock_read(const tx_p *P, size_t i, tx_clk *c)
{
    c->hh = -1, c->mm = -1, c->ss = -1;
    c->strong = false;
    size_t k = i;
    int h;
    size_t j;
    if (K(P, k) == TA_CLOCK) {
        c->hh = P->at[k].v / 60, c->mm = P->at[k].v % 60;
        c->strong = true;
        k++;
        if (KJ(P, k, TA_ET) && KJ(P, k + 1, TA_DEMI))
            c->mm += 30, k += 2;
        else if (KJ(P, k, TA_ET) && KJ(P, k + 1, TA_QUART))
            c->mm += 15, k += 2;
        return k;
    }
    if (K(P, k) == TA_NUM && P->at[k].nd <= 2 && P->at[k].v <= 24 && PU(P, k + 1, ':') &&
        T(P, k + 1) && K(P, k + 2) == TA_NUM && T(P, k + 2) && P->at[k + 2].nd == 2 &&
        P->at[k + 2].v <= 59) {
        c->hh = P->at[k].v, c->mm = P->at[k + 2].v;
        c->strong = true;
        k += 3;
        if (PU(P, k, ':') && T(P, k) && K(P, k + 1) == TA_NUM && T(P, k + 1) &&
            P->at[k + 1].nd == 2 && P->at[k + 1].v <= 60)
            c->ss = P->at[k + 1].v, k += 2;
        if (KJ(P, k, TA_UNIT) && P->at[k].v == TU_H)
            k++; /* 4:00 heures */
    } else if (K(P, k) == TA_NUM && (P->at[k].nd == 3 || P->at[k].nd == 4) && KJ(P, k + 1, TA_AMPM) &&
               P->at[k].v % 100 < 60 && P->at[k].v / 100 <= 12) {
        c->hh = P->at[k].v / 100, c->mm = P->at[k].v % 100;
        c->strong = true;
        k++;
    } else if (tx_rd_num(P, k, &h, &j) && h <= 24 && (K(P, k) != TA_NUM || P->at[k].nd <= 2)) {
        if (KJ(P, j, TA_UNIT) && P->at[j].v == TU_H) {
            bool abbr = P->at[j].e - P->at[j].s == 1;
            c->hh = h;
            c->strong = abbr && T(P, j);
            k = j + 1;
            int mn;
            size_t jm;
            if (abbr && K(P, k) == TA_NUM && J(P, k) && P->at[k].nd == 2 && P->at[k].v <= 59 &&
                (T(P, k) || !J(P, k + 1) || K(P, k + 1) != TA_NUM)) {
                /* 21h45, and 21 h 45 as wire copy spaces it, but not 21 h 45 000 */
                c->mm = P->at[k].v, c->strong = true, k++;
                if (KJ(P, k, TA_UNIT) && P->at[k].v == TU_MIN)
                    k++;
            } else if (KJ(P, k, TA_ET) && KJ(P, k + 1, TA_DEMI)) {
                c->mm = 30, c->strong = true, k += 2;
            } else if (KJ(P, k, TA_ET) && KJ(P, k + 1, TA_QUART)) {
                c->mm = 15, c->strong = true, k += 2;
            } else if (KJ(P, k, TA_MOINS) && KJ(P, k + 1, TA_LE) && KJ(P, k + 2, TA_QUART)) {
                c->hh = (h + 23) % 24, c->mm = 45, c->strong = true, k += 3;
            } else if (KJ(P, k, TA_MOINS) && J(P, k + 1) && tx_rd_num(P, k + 1, &mn, &jm) && mn < 60 &&
                       mn > 0) {
                c->hh = (h + 23) % 24, c->mm = 60 - mn, c->strong = true, k = jm;
                if (KJ(P, k, TA_UNIT) && P->at[k].v == TU_MIN)
                    k++;
            } else if (KJ(P, k, TA_ET) && J(P, k + 1) && tx_rd_num(P, k + 1, &mn, &jm) && mn < 60 &&
                       (K(P, k + 1) == TA_NUMW || (KJ(P, jm, TA_UNIT) && P->at[jm].v == TU_MIN))) {
                c->mm = mn, c->strong = true, k = jm;
                if (KJ(P, k, TA_UNIT) && P->at[k].v == TU_MIN)
                    k++;
            } else if (J(P, k) && K(P, k) != TA_NUM && tx_rd_num(P, k, &mn, &jm) && mn < 60) {
                c->mm = mn, c->strong = true, k = jm; /* sept heures dix */
                if (KJ(P, k, TA_UNIT) && P->at[k].v == TU_MIN)
                    k++;
            } else if (J(P, k) && K(P, k) == TA_NUM && P->at[k].nd == 2 && P->at[k].v < 60 &&
                       KJ(P, k + 1, TA_UNIT) && P->at[k + 1].v == TU_MIN) {
                c->mm = P->at[k].v, c->strong = true, k += 2;
            }
        } else if (KJ(P, j, TA_AMPM)) {
            c->hh = h, c->strong = true, k = j;
        } else {
            return 0;
        }
    } else {
        return 0;
    }
    if (KJ(P, k, TA_AMPM)) {
        if (P->at[k].v == 12 && c->hh < 12)
            c->hh += 12;
        if (P->at[k].v == 0 && c->hh == 12)
            c->hh = 0;
        k++;
    }
    /* du matin, de l'après-midi, du soir, de la nuit, dans la soirée */
    size_t q = k;
    if (KJ(P, q, TA_DU) && KJ(P, q + 1, TA_PART))
        q += 1;
    else if ((KJ(P, q, TA_DE) || KJ(P, q, TA_DANS)) && KJ(P, q + 1, TA_LE) && KJ(P, q + 2, TA_PART))
        q += 2;
    else
        q = 0;
    if (q && c->hh >= 0) {
        int part = P->at[q].v;
        if ((part == TP_AF || part == TP_EV) && c->hh < 12)
            c->hh += 12;
        if (part == TP_NI && c->hh >= 7 && c->hh < 12)
            c->hh += 12;
        c->strong = true;
        k = q + 1;
    }
    if (c->hh > 24)
        return 0;
    return k;
}

/* Writes "THH:MM[:SS]" after prefix (a date value or ""). */
void tx_fmt_clock(char *buf, size_t cap, const char *prefix, const tx_clk *c)
{
    size_t pl = strlen(prefix);
    int hh = c->hh % 100, mm = c->mm < 0 ? 0 : c->mm % 100, ss = c->ss % 100;
    if (hh >= 0 && pl + 10 < cap) { /* the usual case, without printf */
        memmove(buf, prefix, pl);
        char *p = buf + pl;
        p[0] = 'T';
        rc_fmt_digits(p + 1, (unsigned)hh, 2);
        p[3] = ':';
        rc_fmt_digits(p + 4, (unsigned)mm, 2);
        p += 6;
        if (c->ss >= 0) {
            *p++ = ':';
            rc_fmt_digits(p, (unsigned)ss, 2);
            p += 2;
        }
        *p = '\0';
        return;
    }
    if (c->ss >= 0)
        snprintf(buf, cap, "%sT%02d:%02d:%02d", prefix, c->hh % 100, c->mm < 0 ? 0 : c->mm % 100,
                 c->ss % 100);
    else
        snprintf(buf, cap, "%sT%02d:%02d", prefix, c->hh % 100, c->mm < 0 ? 0 : c->mm % 100);
}

/* Whether the atom before i makes a following "N heures" a clock time (à, vers, dès ...). */
bool tx_clock_cue(const tx_p *P, size_t i)
{
    if (i == 0 || !J(P, i))
        return false;
    switch (K(P, i - 1)) {
    case TA_A: case TA_VERS: case TA_DES: case TA_AVANT: case TA_APRES: case TA_EST: case TA_JUSQU:
    case TA_ENTRE:
        return true;
    case TA_DE:
        return true;
    default:
        return false;
    }
}

/* Reads a part of the day after a day (matin, soir, dans la nuit, en fin d'après-midi, dans la
 * matinée); returns the part and sets *j. */
static int rd_part(const tx_p *P, size_t k, size_t *j)
{
    if (KJ(P, k, TA_PART)) {
        *j = k + 1;
        return P->at[k].v;
    }
    if ((KJ(P, k, TA_DANS) || KJ(P, k, TA_DE) || KJ(P, k, TA_EN)) && KJ(P, k + 1, TA_LE) &&
        KJ(P, k + 2, TA_PART)) {
        *j = k + 3;
        return P->at[k + 2].v;
    }
    if (KJ(P, k, TA_EN) && KJ(P, k + 1, TA_MOD) && KJ(P, k + 2, TA_DE) && KJ(P, k + 3, TA_PART)) {
        *j = k + 4;
        return P->at[k + 3].v;
    }
    if (KJ(P, k, TA_DU) && is_word(P, k, "du") && KJ(P, k + 1, TA_PART)) {
        *j = k + 2;
        return P->at[k + 1].v;
    }
    return 0;
}

/* Reads something that names one day: a date, a weekday, hier, demain, la veille, aujourd'hui.
 * Fills o with the day (type date); returns the atom after it, 0 when there is none. */
size_t tx_rd_dayref_read(const tx_p *P, size_t i, tx_out *o)
{
    tx_rule_start(o, P->at[i].s);
    size_t k = i;
    if (K(P, k) == TA_DAY) {
        o->type = RC_TIME_DATE;
        if (P->has_ref)
            tx_set_day(o, P->ref + P->at[k].v);
        else if (P->at[k].v == 0)
            snprintf(o->value, sizeof o->value, "PRESENT_REF");
        return k + 1;
    }
    /* la veille, le lendemain, le même jour: from the day the narrative last named */
    bool same = K(P, k) == TA_LE && KJ(P, k + 1, TA_SAME) && KJ(P, k + 2, TA_UNIT) &&
                P->at[k + 2].v == TU_D && P->at[k + 2].e - P->at[k + 2].s == 4;
    if (same || (K(P, k) == TA_LE && KJ(P, k + 1, TA_RDAY)) || K(P, k) == TA_RDAY) {
        size_t r = K(P, k) == TA_LE ? k + 1 : k;
        o->type = RC_TIME_DATE;
        if (P->has_narr || P->has_ref)
            tx_set_day(o, (P->has_narr ? P->narr : P->ref) + (same ? 0 : P->at[r].v));
        return same ? k + 3 : r + 1;
    }
    tx_d dd;
    size_t j = tx_rd_date(P, i, &dd);
    if (j && K(P, j - 1) == TA_MONTH && (P->at[j - 1].fl & TF_ABBR) && j >= 2 &&
        K(P, j - 2) == TA_PUNCT && T(P, j - 1))
        o->e = P->at[j - 1].e - 1; /* 2020/23/Sep.: the full stop ends the sentence */
    if (j && (dd.d || (dd.m && dd.y))) {
        if (dd.d) {
            if (!tx_res_date(P, &dd, i, o))
                return 0;
        } else {
            tx_res_month(P, &dd, i, o);
            o->s = P->at[dd.i0].s;
            return j;
        }
        o->s = P->at[dd.i0].s;
        return j;
    }
    /* [ce] weekday [dernier|prochain] */
    k = i;
    bool this = false;
    if (K(P, k) == TA_CE && KJ(P, k + 1, TA_WDAY))
        this = true, k++;
    else if (K(P, k) == TA_LE && is_word(P, k, "le") && KJ(P, k + 1, TA_WDAY) &&
             KJ(P, k + 2, TA_CUE))
        k++; /* le lundi précédent */
    if (K(P, k) == TA_WDAY && !(P->at[k].fl & TF_ABBR)) {
        memset(&dd, 0, sizeof dd);
        dd.wd = P->at[k].v;
        dd.this = this;
        k++;
        if (KJ(P, k, TA_CUE))
            dd.cue = P->at[k].v, k++;
        if (!tx_res_date(P, &dd, i, o))
            return 0;
        o->s = P->at[i].s;
        return k;
    }
    return 0;
}

/* Joins a day and a clock range (T14:00/T16:00) into o: 2016-11-17T14:00/2016-11-17T16:00. */
static void join_range(tx_out *o, const char *day, const char *range)
{
    const char *slash = strchr(range, '/');
    if (!slash)
        return;
    char v[256]; /* room for the longest inputs, so that only the copy below truncates */
    snprintf(v, sizeof v, "%s%.*s/%s%s", day, (int)(slash - range), range, day, slash + 1);
    tx_copy_str(o->value, sizeof o->value, v);
    o->type = RC_TIME_RANGE;
}

/* A date or day reference with an optional part of the day or clock time after it (mardi
 * matin, hier soir, demain à 8h, jeudi 15 décembre à 9h30), or a clock time before it (9h le
 * mardi). */
size_t tx_m_datetime(const tx_p *P, size_t i, tx_out *o)
{
    size_t j = tx_rd_dayref(P, i, o);
    tx_clk c;
    if (!j) {
        /* a clock range then a day: de 5 a 7 aujourd'hui */
        tx_out r;
        size_t jr = tx_m_clock(P, i, &r);
        if (jr && r.type == RC_TIME_RANGE && J(P, jr)) {
            tx_out d;
            size_t jd = tx_rd_dayref(P, jr, &d);
            if (jd && d.from != NODAY && d.type == RC_TIME_DATE) {
                *o = d;
                o->s = r.s;
                join_range(o, d.value, r.value);
                return jd;
            }
        }
        /* clock time then a day: 9h le mardi, dix heures mercredi matin */
        size_t jc = tx_rd_clock(P, i, &c);
        if (!jc || c.hh < 0)
            return 0;
        size_t q = jc;
        if (PU(P, q, ',') && T(P, q))
            q++;
        if (KJ(P, q, TA_LE) && is_word(P, q, "le") && KJ(P, q + 1, TA_WDAY))
            q++;
        tx_out d;
        size_t jd = J(P, q) ? tx_rd_dayref(P, q, &d) : 0;
        if (!jd || d.type != RC_TIME_DATE || !d.value[0] || strchr(d.value, 'W') ||
            strlen(d.value) < 8)
            return 0;
        size_t jp;
        if (rd_part(P, jd, &jp))
            jd = jp;
        *o = d;
        o->s = P->at[i].s;
        o->type = RC_TIME_DATETIME;
        char dv[40];
        tx_copy_str(dv, sizeof dv, d.value);
        tx_fmt_clock(o->value, sizeof o->value, dv, &c);
        return jd;
    }
    if (o->type != RC_TIME_DATE || (o->value[0] && strlen(o->value) == 7))
        return j;
    char day[40];
    tx_copy_str(day, sizeof day, o->value);
    size_t q = j;
    if (PU(P, q, ',') && T(P, q))
        q++;
    if ((KJ(P, q, TA_DE) || KJ(P, q, TA_ENTRE)) && J(P, q)) {
        tx_out r;
        size_t jr = tx_m_clock(P, q, &r);
        if (jr && r.type == RC_TIME_RANGE) {
            join_range(o, day, r.value);
            return jr;
        }
    }
    if (KJ(P, q, TA_A) || KJ(P, q, TA_VERS) || KJ(P, q, TA_AVANT) || KJ(P, q, TA_APRES))
        q++;
    if (J(P, q)) {
        size_t jc = tx_rd_clock(P, q, &c);
        if (jc && c.hh >= 0 && (c.strong || q > j) && !(KJ(P, jc, TA_A) || KJ(P, jc, TA_ET))) {
            o->type = RC_TIME_DATETIME;
            tx_fmt_clock(o->value, sizeof o->value, day, &c);
            return jc;
        }
    }
    size_t jp;
    int part = rd_part(P, j, &jp);
    if (part) {
        o->type = RC_TIME_DATETIME;
        snprintf(o->value, sizeof o->value, "%sT%s", day, tx_part_codes[part]);
        /* mardi matin à 7 heures */
        size_t q2 = jp;
        if (KJ(P, q2, TA_A) || KJ(P, q2, TA_VERS))
            q2++;
        if (q2 > jp && J(P, q2)) {
            size_t jc = tx_rd_clock(P, q2, &c);
            if (jc && c.hh >= 0) {
                if ((part == TP_AF || part == TP_EV) && c.hh < 12)
                    c.hh += 12;
                tx_fmt_clock(o->value, sizeof o->value, day, &c);
                return jc;
            }
        }
        return jp;
    }
    return j;
}

/* A month, season or year, with modifiers and cues: fin juillet 2016, mi-septembre, début
 * décembre, en décembre dernier, cette décembre, l'été 2012, fin 2016, 2016, les années 1990. */
size_t tx_m_period_read(const tx_p *P, size_t i, tx_out *o)
{
    tx_d dd;
    memset(&dd, 0, sizeof dd);
    size_t k = i;
    o->type = RC_TIME_DATE;
    tx_rule_start(o, P->at[i].s);
    bool article = false;
    if (K(P, k) == TA_CE && J(P, k + 1))
        dd.this = true, k++;
    else if (K(P, k) == TA_LE && J(P, k + 1) && (KJ(P, k + 1, TA_SEASON) || KJ(P, k + 1, TA_MOD)))
        article = true, k++;
    if (K(P, k) == TA_MOD && (J(P, k + 1))) {
        dd.mod = P->at[k].v;
        k++;
        if ((KJ(P, k, TA_DE) || KJ(P, k, TA_DU)) && J(P, k + 1))
            k++;
        if (KJ(P, k, TA_LE))
            k++;
    }
    if (article && !dd.mod)
        o->s = P->at[k].s; /* l'été: the season alone */
    /* le mois de décembre / au mois de juillet */
    if (K(P, k) == TA_UNIT && P->at[k].v == TU_M && KJ(P, k + 1, TA_DE) && KJ(P, k + 2, TA_MONTH))
        k += 2;
    int y;
    size_t j;
    if (K(P, k) == TA_MONTH && J(P, k) + (k == i) && !(P->at[k].fl & TF_ABBR)) {
        dd.m = P->at[k].v;
        k++;
        size_t yq = k;
        if (KJ(P, yq, TA_DE) && K(P, yq + 1) == TA_NUM && P->at[yq + 1].nd == 4)
            yq++;
        if (J(P, yq) && tx_rd_year(P, yq, true, &y, &j))
            dd.y = y, k = j;
        else if (KJ(P, k, TA_CUE))
            dd.cue = P->at[k].v, k++;
        if (i > 0 && K(P, i - 1) == TA_ORD)
            return 0;
        tx_res_month(P, &dd, i, o);
        return k;
    }
    if (K(P, k) == TA_SEASON) {
        bool ete = is_word(P, k, "\xc3\xa9t\xc3\xa9") || is_word(P, k, "ete");
        dd.season = P->at[k].v;
        k++;
        if (J(P, k) && tx_rd_year(P, k, false, &y, &j))
            dd.y = y, k = j;
        else if (KJ(P, k, TA_CUE))
            dd.cue = P->at[k].v, k++;
        if (ete && !article && !dd.this && !dd.mod && !dd.y && !dd.cue &&
            !(i > 0 && J(P, i) && (K(P, i - 1) == TA_EN || K(P, i - 1) == TA_DEPUIS)))
            return 0; /* a été: the participle */
        if (ete && i > 0 && J(P, i) && K(P, i - 1) == TA_PAST)
            return 0;
        int yy = dd.y;
        if (!yy && P->has_ref) {
            yy = P->refd.y;
            if (dd.cue)
                yy += dd.cue;
        }
        if (!yy) {
            snprintf(o->value, sizeof o->value, "XXXX-%s", tx_season_codes[dd.season]);
            return k;
        }
        snprintf(o->value, sizeof o->value, "%04d-%s", yy % 10000, tx_season_codes[dd.season]);
        tx_season_days(yy, dd.season, &o->from, &o->to);
        tx_apply_mod(dd.mod, &o->from, &o->to);
        return k;
    }
    /* les années 1990; la fin des années 80, whose "des" the modifier has taken */
    if (dd.mod && k > i && K(P, k) == TA_UNIT && K(P, k - 1) == TA_DU && is_word(P, k - 1, "des"))
        k--;
    if ((K(P, k) == TA_LE || (K(P, k) == TA_DU && is_word(P, k, "des"))) &&
        KJ(P, k + 1, TA_UNIT) && P->at[k + 1].v == TU_Y &&
        is_word(P, k + 1, "ann\xc3\xa9\x65s") && J(P, k + 2)) {
        int dec;
        size_t jd;
        if (K(P, k + 2) == TA_NUM && P->at[k + 2].nd == 4 && P->at[k + 2].v % 10 == 0)
            dec = P->at[k + 2].v, jd = k + 3;
        else if (tx_rd_num(P, k + 2, &dec, &jd) && dec >= 0 && dec <= 90 && dec % 10 == 0 &&
                 (K(P, k + 2) != TA_NUM || P->at[k + 2].nd == 2))
            /* les années 80, quatre-vingt: the latest such decade that has begun */
            dec = (P->has_ref && 2000 + dec <= P->refd.y) || (!P->has_ref && dec < 30) ? 2000 + dec
                                                                                       : 1900 + dec;
        else
            return 0;
        if (K(P, k) == TA_DU && !dd.mod)
            o->s = P->at[k + 1].s; /* des années 80: "des" is de + les, the preposition's */
        snprintf(o->value, sizeof o->value, "%03d", (dec / 10) % 1000);
        o->from = rc_date_days(dec, 1, 1);
        o->to = rc_date_days(dec + 9, 12, 31);
        tx_apply_mod(dd.mod, &o->from, &o->to);
        return jd;
    }
    /* a century: le XXe siècle (TIMEX3 "19": the years 1900 to 1999) */
    if (K(P, k) == TA_ROMAN && KJ(P, k + 1, TA_UNIT) && P->at[k + 1].v == TU_CE) {
        int c = P->at[k].v;
        snprintf(o->value, sizeof o->value, "%02d", c - 1);
        o->from = rc_date_days((c - 1) * 100 > 0 ? (c - 1) * 100 : 1, 1, 1);
        o->to = rc_date_days((c - 1) * 100 + 99, 12, 31);
        tx_apply_mod(dd.mod, &o->from, &o->to);
        return k + 2;
    }
    /* a year in two digits after en: en 97 (the latest such year that has come) */
    /* not a year when a unit, a month, a sign or another number follows: en 12 heures,
     * en 11/2016, en 11, 2016 */
    bool counted = (J(P, k + 1) && (K(P, k + 1) == TA_UNIT || K(P, k + 1) == TA_NUM ||
                                    K(P, k + 1) == TA_MONTH || K(P, k + 1) == TA_DE ||
                                    PU(P, k + 1, '%'))) ||
                   (K(P, k + 1) == TA_PUNCT && T(P, k + 1) && !PU(P, k + 1, '\n') &&
                    (K(P, k + 2) == TA_NUM || PU(P, k + 1, '/') || PU(P, k + 1, '-') ||
                     PU(P, k + 1, ':')));
    if (k == i && i > 0 && K(P, i - 1) == TA_EN && J(P, i) && K(P, k) == TA_NUM &&
        P->at[k].nd == 2 && !counted && !(P->at[k].fl & TF_WORD_AFTER)) {
        int v = P->at[k].v;
        y = (P->has_ref && 2000 + v <= P->refd.y) || (!P->has_ref && v < 30) ? 2000 + v : 1900 + v;
        snprintf(o->value, sizeof o->value, "%04d", y);
        o->from = rc_date_days(y, 1, 1);
        o->to = rc_date_days(y, 12, 31);
        return k + 1;
    }
    /* a year: 2016, fin 2016, l'an 2000, l'année 2016 */
    if (K(P, k) == TA_LE && KJ(P, k + 1, TA_UNIT) && P->at[k + 1].v == TU_Y && J(P, k + 2) &&
        K(P, k + 2) == TA_NUM && P->at[k + 2].nd == 4)
        k += 2;
    else if (dd.mod && k > i && K(P, k - 1) == TA_LE && K(P, k) == TA_UNIT &&
             P->at[k].v == TU_Y && J(P, k + 1) && K(P, k + 1) == TA_NUM && P->at[k + 1].nd == 4)
        k++; /* le début de l'année 2016: the modifier has taken the article */
    if (K(P, k) == TA_NUM && P->at[k].nd == 4 && P->at[k].v >= 1000 && P->at[k].v <= 2999 &&
        !PU(P, k + 1, ':') && !(KJ(P, k + 1, TA_UNIT)) && !(PU(P, k + 1, ',') && T(P, k + 1) && K(P, k + 2) == TA_NUM && T(P, k + 2))) {
        bool cue = dd.mod || k > i ||
                   (i > 0 && J(P, i) &&
                    (K(P, i - 1) == TA_EN || K(P, i - 1) == TA_DEPUIS || K(P, i - 1) == TA_DE ||
                     K(P, i - 1) == TA_DES || K(P, i - 1) == TA_AVANT || K(P, i - 1) == TA_APRES ||
                     K(P, i - 1) == TA_JUSQU || K(P, i - 1) == TA_A ||
                     /* et: only between years (2014 et 2016); 700 morts et 2800 blessés */
                     (K(P, i - 1) == TA_ET && i >= 2 && K(P, i - 2) == TA_NUM &&
                      P->at[i - 2].nd == 4)));
        if (!cue && (P->at[k].fl & TF_WORD_AFTER))
            return 0;
        if ((!cue && P->at[k].v < 1900) || P->at[k].v > 2100)
            return 0; /* a figure: le chiffre de 2373, 2500 morts */
        if (K(P, k + 1) == TA_NUM && J(P, k + 1))
            return 0;
        y = P->at[k].v;
        snprintf(o->value, sizeof o->value, "%04d", y);
        o->from = rc_date_days(y, 1, 1);
        o->to = rc_date_days(y, 12, 31);
        tx_apply_mod(dd.mod, &o->from, &o->to);
        return k + 1;
    }
    return 0;
}
