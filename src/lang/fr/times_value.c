/*
 * times_value.c - what a recognised expression is worth: TIMEX3 values written without printf,
 * the tense of the sentence around an expression (which way an underspecified date points), and
 * the resolution of dates, months and seasons against the reference day.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang/fr/numbers.h"
#include "lang/fr/times_expr.h"
#include "util/fmt.h"

const char *const tx_unit_codes[10] = {"", "Y", "M", "W", "D", "H", "M", "S", "CE", "DE"};
const char *const tx_part_codes[6] = {"", "MO", "AF", "EV", "NI", "DT"};
const char *const tx_season_codes[5] = {"", "SP", "SU", "FA", "WI"};

/* ---- formatting ---------------------------------------------------------------------------- */

/* Appends the string a to buf[0..*n) within cap bytes, truncating as snprintf would. */
void tx_cat(char *buf, size_t cap, size_t *n, const char *a)
{
    while (*a && *n + 1 < cap)
        buf[(*n)++] = *a++;
    buf[*n] = '\0';
}

/* Copies s into buf of cap bytes, truncated: snprintf's "%s" without printf. */
void tx_copy_str(char *buf, size_t cap, const char *s)
{
    size_t n = 0;
    tx_cat(buf, cap, &n, s);
}

/* Writes "YYYY-MM-DD" for a day count. */
void tx_fmt_day(char *buf, size_t cap, int64_t day)
{
    int y, m, d;
    rc_date_from_days(day, &y, &m, &d);
    char tmp[11];
    rc_fmt_ymd(tmp, y, m, d);
    size_t n = 10;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
}

/* Fills o with a single resolved day. */
void tx_set_day(tx_out *o, int64_t day)
{
    tx_fmt_day(o->value, sizeof o->value, day);
    o->from = o->to = day;
}

/* The day count of y-m-d, clamping d to the month. */
int64_t tx_day_of(int y, int m, int d)
{
    int md = rc_date_month_days(y, m);
    return rc_date_days(y, m, d > md ? md : d);
}

/* ---- tense --------------------------------------------------------------------------------- */

/* Whether atom i ends a sentence. */
static bool sent_end(const tx_p *P, size_t i)
{
    if (K(P, i) != TA_PUNCT)
        return false;
    int c = P->at[i].v;
    if (c == '!' || c == '?' || c == '\n')
        return true;
    return c == '.' && (i + 1 >= P->n || P->at[i + 1].gap >= 1);
}

/* Whether atom i marks a tense: -1 past (ont, avait, "a" before a participle), 1 future. A
 * participle of expectation (est attendu, prévu) marks the future, unless it follows an auxiliary
 * of avoir (a attendu: the waiting is done) or a past of être (était attendu). */
static int tense_of(const tx_p *P, size_t i)
{
    switch (K(P, i)) {
    case TA_PAST:
        return -1;
    case TA_FUT:
        if (P->at[i].v == TX_EXPECTED && i > 0 && J(P, i) &&
            ((K(P, i - 1) == TA_A && P->at[i - 1].v == 1) ||
             (K(P, i - 1) == TA_PAST && P->at[i - 1].v != TX_AUX_ETRE_PRESENT)))
            return -1;
        return 1;
    case TA_A:
        return P->at[i].v == 1 && (P->at[i].fl & TF_WORD_AFTER) ? -1 : 0;
    case TA_DEPUIS:
        return -1;
    default:
        return 0;
    }
}

/* The tense around atom i: the nearest marker in its sentence, 0 when there is none. */
static int tense(const tx_p *P, size_t i)
{
    for (size_t k = 1; k < 16; k++) {
        if (i + k < P->n && !sent_end(P, i + k - 1)) {
            int t = tense_of(P, i + k);
            if (t)
                return t;
        }
        if (k <= i && !sent_end(P, i - k)) {
            int t = tense_of(P, i - k);
            if (t)
                return t;
        }
    }
    return 0;
}

/* Whether the date whose first atom is i0 is a deadline or a limit (jusqu'au 30 juin, d'ici le
 * 5, avant le 2): the tense of the sentence is that of the announcement, not of the date, which
 * is then the nearest. */
static bool deadline(const tx_p *P, size_t i0)
{
    for (size_t k = 1; k <= 3 && k <= i0; k++) {
        int kind = K(P, i0 - k);
        if (kind == TA_JUSQU || kind == TA_AVANT)
            return true;
        if (kind != TA_AU && kind != TA_A && kind != TA_LE && kind != TA_DU)
            return false;
    }
    return false;
}

/* ---- resolution ---------------------------------------------------------------------------- */

/* Chooses the year of a day and month without one: the cue or the tense says before or after
 * the reference; otherwise the occurrence closest to it. */
static int pick_year(const tx_p *P, int m, int d, int dir)
{
    int y = P->refd.y;
    int64_t cands[3];
    for (int k = 0; k < 3; k++)
        cands[k] = rc_date_valid(y - 1 + k, m, d) ? rc_date_days(y - 1 + k, m, d) : NODAY;
    int best = -1;
    int64_t bestdist = 0;
    for (int k = 0; k < 3; k++) {
        if (cands[k] == NODAY)
            continue;
        int64_t dist = cands[k] - P->ref;
        if (dir < 0 && dist > 0)
            continue;
        if (dir > 0 && dist < 0)
            continue;
        int64_t ad = dist < 0 ? -dist : dist;
        if (best < 0 || ad < bestdist)
            best = k, bestdist = ad;
    }
    return best < 0 ? y : y - 1 + best;
}

/* Resolves a weekday alone: cue first (dernier: strictly before; prochain: strictly after), ce
 * for the current week, else the tense (past: on or before the reference). */
static int64_t wday_day(const tx_p *P, int wd, int cue, bool this, int dir)
{
    int rw = rc_date_weekday(P->refd.y, P->refd.m, P->refd.d);
    if (cue < 0)
        return P->ref - ((rw - wd + 6) % 7 + 1);
    if (cue > 0)
        return P->ref + ((wd - rw + 6) % 7 + 1);
    if (this)
        return P->ref + (wd - rw);
    if (dir > 0)
        return P->ref + (wd - rw + 7) % 7;
    return P->ref - (rw - wd + 7) % 7;
}

/* Resolves a read date (day level) into o. Returns false when it names no real day. */
bool tx_res_date(const tx_p *P, const tx_d *dd, size_t at, tx_out *o)
{
    o->type = RC_TIME_DATE;
    int y = dd->y, m = dd->m, d = dd->d;
    if (m && d && y) {
        if (!rc_date_valid(y, m, d)) { /* 29/2/2019: read, but names no day */
            snprintf(o->value, sizeof o->value, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
            return true;
        }
        tx_set_day(o, rc_date_days(y, m, d));
        return true;
    }
    if (m && d) {
        if (d > rc_date_month_days(2000, m)) {
            snprintf(o->value, sizeof o->value, "XXXX-%02d-%02d", m % 100, d % 100);
            return true;
        }
        if (!P->has_ref) {
            snprintf(o->value, sizeof o->value, "XXXX-%02d-%02d", m, d);
            return true;
        }
        if (dd->wd) { /* jeudi 15 décembre: the year whose 15 December is a Thursday */
            for (int k = 0; k <= 6; k++) {
                int yy = P->refd.y + (k % 2 ? (k + 1) / 2 : -(k / 2));
                if (rc_date_valid(yy, m, d) && rc_date_weekday(yy, m, d) == dd->wd) {
                    tx_set_day(o, rc_date_days(yy, m, d));
                    return true;
                }
            }
        }
        int dir = dd->cue ? dd->cue : deadline(P, dd->i0) ? 0 : tense(P, at);
        if (dd->this)
            dir = 0;
        y = pick_year(P, m, d, dir);
        if (!rc_date_valid(y, m, d))
            return false;
        tx_set_day(o, rc_date_days(y, m, d));
        return true;
    }
    if (d && dd->wd) { /* le 25 mardi, jeudi 15: the nearest month where the day has that name */
        if (!P->has_ref) {
            snprintf(o->value, sizeof o->value, "XXXX-XX-%02d", d);
            return true;
        }
        for (int k = 0; k <= 12; k++) {
            int yy = P->refd.y, mm = P->refd.m;
            rc_date_add_months(&yy, &mm, k % 2 ? (k + 1) / 2 : -(k / 2));
            if (rc_date_valid(yy, mm, d) && rc_date_weekday(yy, mm, d) == dd->wd) {
                tx_set_day(o, rc_date_days(yy, mm, d));
                return true;
            }
        }
        return false;
    }
    if (d) { /* le 23: this month's or the previous one's, by tense */
        if (!P->has_ref) {
            snprintf(o->value, sizeof o->value, "XXXX-XX-%02d", d);
            return true;
        }
        int yy = P->refd.y, mm = P->refd.m;
        int dir = tense(P, at);
        if (dir < 0 && d > P->refd.d)
            rc_date_add_months(&yy, &mm, -1);
        if (dir > 0 && d < P->refd.d)
            rc_date_add_months(&yy, &mm, 1);
        if (!rc_date_valid(yy, mm, d))
            return false;
        tx_set_day(o, rc_date_days(yy, mm, d));
        return true;
    }
    if (dd->wd) {
        if (!P->has_ref) {
            snprintf(o->value, sizeof o->value, "XXXX-WXX-%d", dd->wd);
            return true;
        }
        int dir = tense(P, at);
        tx_set_day(o, wday_day(P, dd->wd, dd->cue, dd->this, dir));
        return true;
    }
    return false;
}

/* Narrows [from, to] of a month, season or year to its start, middle or end third. */
void tx_apply_mod(int mod, int64_t *from, int64_t *to)
{
    int64_t len = *to - *from + 1;
    if (len >= 28 && len <= 31) { /* a month: 1-10, 11-20, 21-end */
        if (mod == 1)
            *to = *from + 9;
        else if (mod == 2)
            *from += 10, *to = *from + 9;
        else if (mod == 3)
            *from += 20;
        return;
    }
    if (mod == 1)
        *to = *from + len / 3 - 1;
    else if (mod == 2)
        *from += len / 3, *to -= len / 3;
    else if (mod == 3)
        *from = *to - len / 3 + 1;
}

/* Resolves a month with an optional year into o. */
void tx_res_month(const tx_p *P, const tx_d *dd, size_t at, tx_out *o)
{
    o->type = RC_TIME_DATE;
    int y = dd->y, m = dd->m;
    if (!y && P->has_ref) {
        int dir = dd->cue ? dd->cue : dd->this ? 0 : tense(P, at);
        y = P->refd.y;
        if (dd->this)
            ; /* ce mois de décembre: this year's */
        else if (dir < 0 && m > P->refd.m)
            y--;
        else if (dir > 0 && m < P->refd.m)
            y++;
        else if (dir == 0 && m - P->refd.m > 6)
            y--;
        else if (dir == 0 && P->refd.m - m > 6)
            y++;
        if (dd->cue < 0 && m == P->refd.m)
            y--;
        if (dd->cue > 0 && m == P->refd.m)
            y++;
    }
    if (!y) {
        snprintf(o->value, sizeof o->value, "XXXX-%02d", m);
        return;
    }
    snprintf(o->value, sizeof o->value, "%04d-%02d", y % 10000, m);
    o->from = rc_date_days(y, m, 1);
    o->to = rc_date_days(y, m, rc_date_month_days(y, m));
    tx_apply_mod(dd->mod, &o->from, &o->to);
}

/* The first and last day of a season of year y (astronomical, northern hemisphere). */
void tx_season_days(int y, int s, int64_t *from, int64_t *to)
{
    static const int start[5][2] = {{0, 0}, {3, 20}, {6, 21}, {9, 22}, {12, 21}};
    *from = rc_date_days(y, start[s][0], start[s][1]);
    int ny = s == 4 ? y + 1 : y;
    int nm = s == 4 ? 3 : start[s + 1][0], nd = s == 4 ? 20 : start[s + 1][1];
    *to = rc_date_days(ny, nm, nd) - 1;
}
