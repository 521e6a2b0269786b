/*
 * times.c - the French temporal recognizer: reads the atoms of times_lex.re with hand-written
 * rules (dates, parts of days, clock times, relative offsets, ranges, durations, sets) and
 * resolves each expression against the reference date into a TIMEX3 value and the first and last
 * calendar days it covers. At each atom every rule is tried and the longest match wins.
 *
 * Relative expressions are resolved with the reference: cue words first (dernier, prochain, ce),
 * then the tense of the nearest verb in the sentence, else the closest occurrence. Anaphoric
 * words (la veille, le lendemain) count from the reference, which is the document's date.
 */
#include "lang/fr/times.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lang/fr/numbers.h"
#include "lang/fr/times_int.h"

#define NODAY INT64_MIN

/* One recognised expression before it is copied to the arena. */
typedef struct tx_out {
    uint32_t s, e; /* bytes */
    size_t j;      /* the atom after it */
    uint8_t type;
    char value[64];
    int64_t from, to; /* day counts, NODAY when unknown */
} tx_out;

/* A date as read, before resolution; 0 means absent. */
typedef struct tx_d {
    int y, m, d, wd;
    int cue;   /* -1 dernier, 1 prochain */
    bool this; /* ce, cette */
    int mod;   /* 1 START, 2 MID, 3 END */
    int season;
    size_t i0; /* first atom of the span */
} tx_d;

/* A clock time as read. */
typedef struct tx_clk {
    int hh, mm, ss; /* mm, ss -1 when absent */
    bool strong;    /* cannot be a duration: 9h30, 20:00, midi, 4pm */
} tx_clk;

/* What rd_num read at a number word, kept so that the rules that try the same atom do not read it
 * again. */
typedef struct tx_nw {
    size_t at;   /* the atom + 1; 0 when empty */
    size_t next; /* the atom after the number */
    int val;
    bool ok;
} tx_nw;

/* The last readings of each kind of sub-expression, by atom (the atom + 1 in *_at, 0 when empty):
 * the rules tried at one atom read the same number, day, period or clock time there and at the
 * atoms just after it, and read each once. */
#define TX_MEMO 4 /* readings kept of each kind, by atom modulo TX_MEMO */

/* The readings of one kind that give a tx_out: day references, periods, clock expressions. */
typedef struct tx_memo_out {
    size_t at[TX_MEMO], j[TX_MEMO];
    tx_out v[TX_MEMO];
} tx_memo_out;

typedef struct tx_memo {
    tx_memo_out dayref, period, mclock;
    size_t clock_at[TX_MEMO], clock_j[TX_MEMO];
    tx_clk clock[TX_MEMO];
    tx_nw nw[TX_MEMO];
} tx_memo;

typedef struct tx_p {
    const tx_atom *at;
    size_t n;
    tx_memo *memo;
    const char *text;
    size_t len;
    bool has_ref;
    int64_t ref; /* day count */
    rc_date refd;
} tx_p;

static const char *const unit_codes[] = {"", "Y", "M", "W", "D", "H", "M", "S", "CE", "DE"};
static const char *const part_codes[] = {"", "MO", "AF", "EV", "NI", "DT"};
static const char *const season_codes[] = {"", "SP", "SU", "FA", "WI"};

/* ---- atom tests ---------------------------------------------------------------------------- */

/* The kind of atom i, 0 past the end, so that rules need no bounds checks. */
static int K(const tx_p *P, size_t i)
{
    return i < P->n ? P->at[i].k : 0;
}

/* Whether atom i follows the previous one after spaces at most (the words are adjacent). */
static bool J(const tx_p *P, size_t i)
{
    return i < P->n && P->at[i].gap <= 1;
}

/* Whether atom i touches the previous one (9h30, 15/12). */
static bool T(const tx_p *P, size_t i)
{
    return i < P->n && P->at[i].gap == 0;
}

/* Whether atom i is the punctuation mark c. */
static bool PU(const tx_p *P, size_t i, char c)
{
    return K(P, i) == TA_PUNCT && P->at[i].v == c;
}

/* Whether atom i is kind k and adjacent to the one before: the usual test inside a rule. */
static bool KJ(const tx_p *P, size_t i, int k)
{
    return K(P, i) == k && J(P, i);
}

/* Whether atom i spells w (ASCII, any case). */
static bool is_word(const tx_p *P, size_t i, const char *w)
{
    if (i >= P->n)
        return false;
    size_t n = P->at[i].e - P->at[i].s;
    if (strlen(w) != n)
        return false;
    for (size_t k = 0; k < n; k++) {
        char c = P->text[P->at[i].s + k];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != w[k])
            return false;
    }
    return true;
}

/* ---- numbers ------------------------------------------------------------------------------- */

static bool rd_numw(const tx_p *P, size_t i, int *val, size_t *j);
static size_t rd_clock_read(const tx_p *P, size_t i, tx_clk *c);
static size_t rd_dayref_read(const tx_p *P, size_t i, tx_out *o);
static size_t m_period_read(const tx_p *P, size_t i, tx_out *o);
static size_t m_clock_read(const tx_p *P, size_t i, tx_out *o);

/* An empty result for a reader to fill: what it does not write is zero or empty, never stack
 * garbage. Field by field: a memset of the whole value buffer costs more than the rules it
 * prepares for. */
static void out_init(tx_out *o)
{
    o->s = o->e = 0;
    o->j = 0;
    o->type = 0;
    o->value[0] = '\0';
    o->from = o->to = NODAY;
}

/* What every rule clears before it reads: no value, no days, and the start of its atom (the
 * other fields are set by the rule when it matches). */
static inline void rule_start(tx_out *o, uint32_t start)
{
    o->from = o->to = NODAY;
    o->value[0] = '\0';
    o->s = start;
}

/* Reads a clock time at atom i (rd_clock_read), once per atom. */
static size_t rd_clock(const tx_p *P, size_t i, tx_clk *c)
{
    tx_memo *m = P->memo;
    size_t k = i % TX_MEMO;
    if (m->clock_at[k] != i + 1) {
        tx_clk t;
        m->clock_j[k] = rd_clock_read(P, i, &t);
        m->clock[k] = t;
        m->clock_at[k] = i + 1;
    }
    *c = m->clock[k];
    return m->clock_j[k];
}

/* Reads a sub-expression with read at atom i, once per atom: the reading is kept in slot. */
static size_t memo_out(const tx_p *P, tx_memo_out *slot, size_t i, tx_out *o,
                       size_t (*read)(const tx_p *, size_t, tx_out *))
{
    size_t k = i % TX_MEMO;
    if (slot->at[k] != i + 1) {
        tx_out t; /* not in place: a reader may read at another atom */
        out_init(&t);
        slot->j[k] = read(P, i, &t);
        slot->v[k] = t;
        slot->at[k] = i + 1;
    }
    *o = slot->v[k];
    return slot->j[k];
}

/* Reads a day reference at atom i (rd_dayref_read), once per atom. */
static size_t rd_dayref(const tx_p *P, size_t i, tx_out *o)
{
    return memo_out(P, &P->memo->dayref, i, o, rd_dayref_read);
}

/* Reads a month, season or year at atom i (m_period_read), once per atom. */
static size_t m_period(const tx_p *P, size_t i, tx_out *o)
{
    return memo_out(P, &P->memo->period, i, o, m_period_read);
}

/* Reads a clock time or clock range at atom i (m_clock_read), once per atom. */
static size_t m_clock(const tx_p *P, size_t i, tx_out *o)
{
    return memo_out(P, &P->memo->mclock, i, o, m_clock_read);
}

/* Reads a cardinal at atom i, in digits or in words; *j is the atom after it. */
static bool rd_num(const tx_p *P, size_t i, int *val, size_t *j)
{
    if (K(P, i) == TA_NUM && P->at[i].nd <= 6) {
        *val = P->at[i].v;
        *j = i + 1;
        return true;
    }
    if (K(P, i) != TA_NUMW)
        return false;
    tx_nw *m = &P->memo->nw[i % TX_MEMO];
    if (m->at != i + 1) {
        size_t next = i;
        int v = 0;
        m->ok = rd_numw(P, i, &v, &next);
        m->val = v;
        m->next = next;
        m->at = i + 1;
    }
    if (!m->ok)
        return false;
    *val = m->val;
    *j = m->next;
    return true;
}

/* Reads a cardinal in words at atom i (a TA_NUMW): the number recognizer's reading of the text,
 * else the sum of the adjacent number words; *j is the atom after it. */
static bool rd_numw(const tx_p *P, size_t i, int *val, size_t *j)
{
    double dv = 0;
    size_t used = rc_fr_numwords(P->text + P->at[i].s, P->len - P->at[i].s, &dv);
    if (used && dv >= 0 && dv < 1e6 && dv == (double)(int64_t)dv) {
        uint32_t end = P->at[i].s + (uint32_t)used;
        size_t k = i;
        while (k < P->n && P->at[k].e <= end)
            k++;
        if (k > i) {
            *val = (int)dv;
            *j = k;
            return true;
        }
    }
    int total = P->at[i].v, last = P->at[i].v;
    size_t k = i + 1;
    for (;;) {
        size_t q = k;
        bool et = false;
        if (KJ(P, q, TA_ET) && KJ(P, q + 1, TA_NUMW)) {
            et = true;
            q++;
        }
        if (!KJ(P, q, TA_NUMW))
            break;
        int w = P->at[q].v;
        bool ok = false;
        if (w == 20 && total == 4 && !et)
            total = 80, ok = true;
        else if (w == 100 && !et && total < 10)
            total = (total ? total : 1) * 100, ok = true;
        else if (last == 100 && w < 100 && !et)
            total += w, ok = true;
        else if (total % 10 == 0 && total % 100 >= 20 && total % 100 <= 50 && w >= 1 && w <= 9 &&
                 (!et || w == 1))
            total += w, ok = true;
        else if ((total % 100 == 60 || total % 100 == 80) && w >= 1 && w <= 19 &&
                 (!et || w == 1 || w == 11))
            total += w, ok = true;
        else if (total % 100 == 10 && w >= 7 && w <= 9 && !et)
            total += w, ok = true;
        if (!ok)
            break;
        last = w;
        k = q + 1;
    }
    *val = total;
    *j = k;
    return true;
}

/* Reads a day of the month (1..31, 1er, premier). */
static bool rd_daynum(const tx_p *P, size_t i, int *d, size_t *j)
{
    if (K(P, i) == TA_ORD && P->at[i].v == 1) {
        *d = 1;
        *j = i + 1;
        return true;
    }
    if (K(P, i) == TA_NUM && P->at[i].nd > 2)
        return false;
    int v;
    if (!rd_num(P, i, &v, j) || v < 1 || v > 31)
        return false;
    *d = v;
    return true;
}

/* The full year of a 2-digit one: 00-49 are 2000s, 50-99 the 1900s. */
static int year2(int v)
{
    return v < 50 ? 2000 + v : 1900 + v;
}

/* Reads a year after a month or a day: 4 digits, or 2 digits when nothing suggests a count. */
static bool rd_year(const tx_p *P, size_t i, bool allow2, int *y, size_t *j)
{
    if (K(P, i) != TA_NUM)
        return false;
    const tx_atom *a = &P->at[i];
    if (a->nd == 4 && a->v >= 1000 && a->v <= 2999 && !PU(P, i + 1, ':')) {
        *y = a->v;
        *j = i + 1;
        return true;
    }
    if (allow2 && a->nd == 2 && !(a->fl & TF_WORD_AFTER) && !PU(P, i + 1, ':') &&
        !(K(P, i + 1) == TA_UNIT && J(P, i + 1)) && !(K(P, i + 1) == TA_NUM && J(P, i + 1))) {
        *y = year2(a->v);
        *j = i + 1;
        return true;
    }
    return false;
}

/* ---- formatting ---------------------------------------------------------------------------- */

/* Writes the n last decimal digits of v at p, with leading zeros: no printf on the hot path. */
static void put_digits(char *p, unsigned v, int n)
{
    for (int k = n - 1; k >= 0; k--) {
        p[k] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* Appends the string a to buf[0..*n) within cap bytes, truncating as snprintf would. */
static void cat(char *buf, size_t cap, size_t *n, const char *a)
{
    while (*a && *n + 1 < cap)
        buf[(*n)++] = *a++;
    buf[*n] = '\0';
}

/* Copies s into buf of cap bytes, truncated: snprintf's "%s" without printf. */
static void copy_str(char *buf, size_t cap, const char *s)
{
    size_t n = 0;
    cat(buf, cap, &n, s);
}

/* Writes v in decimal into buf of cap bytes: snprintf's "%d" without printf. The digits are
 * written from the end, where the length is known; a buffer too small for v (every caller's
 * holds any int) gets the empty string. */
static void fmt_int(char *buf, size_t cap, int v)
{
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    size_t len = 1 + (v < 0);
    for (unsigned w = u; w >= 10; w /= 10)
        len++;
    if (cap == 0)
        return;
    if (len >= cap) {
        buf[0] = '\0';
        return;
    }
    char *p = buf + len;
    *p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
}

/* Writes "YYYY-MM-DD" for a day count. */
static void fmt_day(char *buf, size_t cap, int64_t day)
{
    int y, m, d;
    rc_date_from_days(day, &y, &m, &d);
    char tmp[10];
    put_digits(tmp, (unsigned)y % 10000u, 4);
    tmp[4] = '-';
    put_digits(tmp + 5, (unsigned)m % 100u, 2);
    tmp[7] = '-';
    put_digits(tmp + 8, (unsigned)d % 100u, 2);
    size_t n = sizeof tmp;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
}

/* Fills o with a single resolved day. */
static void set_day(tx_out *o, int64_t day)
{
    fmt_day(o->value, sizeof o->value, day);
    o->from = o->to = day;
}

/* The day count of y-m-d, clamping d to the month. */
static int64_t day_of(int y, int m, int d)
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
static bool res_date(const tx_p *P, const tx_d *dd, size_t at, tx_out *o)
{
    o->type = RC_TIME_DATE;
    int y = dd->y, m = dd->m, d = dd->d;
    if (m && d && y) {
        if (!rc_date_valid(y, m, d)) { /* 29/2/2019: read, but names no day */
            snprintf(o->value, sizeof o->value, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
            return true;
        }
        set_day(o, rc_date_days(y, m, d));
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
                    set_day(o, rc_date_days(yy, m, d));
                    return true;
                }
            }
        }
        int dir = dd->cue ? dd->cue : tense(P, at);
        if (dd->this)
            dir = 0;
        y = pick_year(P, m, d, dir);
        if (!rc_date_valid(y, m, d))
            return false;
        set_day(o, rc_date_days(y, m, d));
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
                set_day(o, rc_date_days(yy, mm, d));
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
        set_day(o, rc_date_days(yy, mm, d));
        return true;
    }
    if (dd->wd) {
        if (!P->has_ref) {
            snprintf(o->value, sizeof o->value, "XXXX-WXX-%d", dd->wd);
            return true;
        }
        int dir = tense(P, at);
        set_day(o, wday_day(P, dd->wd, dd->cue, dd->this, dir));
        return true;
    }
    return false;
}

/* Narrows [from, to] of a month, season or year to its start, middle or end third. */
static void apply_mod(int mod, int64_t *from, int64_t *to)
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
static void res_month(const tx_p *P, const tx_d *dd, size_t at, tx_out *o)
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
    apply_mod(dd->mod, &o->from, &o->to);
}

/* The first and last day of a season of year y (astronomical, northern hemisphere). */
static void season_days(int y, int s, int64_t *from, int64_t *to)
{
    static const int start[5][2] = {{0, 0}, {3, 20}, {6, 21}, {9, 22}, {12, 21}};
    *from = rc_date_days(y, start[s][0], start[s][1]);
    int ny = s == 4 ? y + 1 : y;
    int nm = s == 4 ? 3 : start[s + 1][0], nd = s == 4 ? 20 : start[s + 1][1];
    *to = rc_date_days(ny, nm, nd) - 1;
}

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
                d = nums[0], m = nums[1], y = year2(nums[2]);
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
static size_t rd_date(const tx_p *P, size_t i, tx_d *dd)
{
    memset(dd, 0, sizeof *dd);
    size_t k = i;
    bool le = false;
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
            k++;
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
    if (rd_daynum(P, k, &d, &j)) {
        size_t q = j;
        if (KJ(P, q, TA_DE) && KJ(P, q + 1, TA_MONTH))
            q++;
        if (KJ(P, q, TA_MONTH) && !(P->at[q].fl & TF_ABBR && !J(P, q))) {
            m = P->at[q].v;
            k = q + 1;
            size_t yq = k;
            if (KJ(P, yq, TA_DE) && K(P, yq + 1) == TA_NUM && P->at[yq + 1].nd == 4)
                yq++;
            if (J(P, yq) && rd_year(P, yq, true, &y, &j))
                k = j;
            else if (KJ(P, yq, TA_A) && K(P, yq + 1) == TA_NUMW && J(P, yq + 1)) {
                int hi, lo;
                size_t j1, j2;
                if (rd_num(P, yq + 1, &hi, &j1) && hi >= 10 && hi <= 20 && rd_num(P, j1, &lo, &j2) &&
                    J(P, j1) && lo < 100) { /* à dix neuf soixante douze */
                    y = hi * 100 + lo;
                    k = j2;
                }
            }
        } else if (dd->wd && K(P, k) == TA_NUM) {
            if (PU(P, j, ':') || KJ(P, j, TA_UNIT) || KJ(P, j, TA_AMPM))
                return 0; /* mardi 11:00 */
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
            dd->y = P->at[j + 1].nd == 4 ? P->at[j + 1].v : year2(P->at[j + 1].v);
            dd->i0 = first;
            return j + 2;
        } else {
            return 0;
        }
    } else if (K(P, k) == TA_MONTH && !(P->at[k].fl & TF_ABBR) && !dd->wd &&
               rd_daynum(P, k + 1, &d, &j) && J(P, k + 1)) {
        /* novembre 23 [de] 1987, mai vingt-neuf */
        m = P->at[k].v;
        size_t yq = j;
        if (KJ(P, yq, TA_DE) && K(P, yq + 1) == TA_NUM && P->at[yq + 1].nd == 4)
            yq++;
        size_t jy;
        if (J(P, yq) && rd_year(P, yq, false, &y, &jy))
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
static size_t rd_clock_read(const tx_p *P, size_t i, tx_clk *c)
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
    } else if (rd_num(P, k, &h, &j) && h <= 24 && (K(P, k) != TA_NUM || P->at[k].nd <= 2)) {
        if (KJ(P, j, TA_UNIT) && P->at[j].v == TU_H) {
            bool abbr = P->at[j].e - P->at[j].s == 1;
            c->hh = h;
            c->strong = abbr && T(P, j);
            k = j + 1;
            int mn;
            size_t jm;
            if (abbr && K(P, k) == TA_NUM && T(P, k) && P->at[k].nd == 2 && P->at[k].v <= 59) {
                c->mm = P->at[k].v, c->strong = true, k++;
            } else if (KJ(P, k, TA_ET) && KJ(P, k + 1, TA_DEMI)) {
                c->mm = 30, c->strong = true, k += 2;
            } else if (KJ(P, k, TA_ET) && KJ(P, k + 1, TA_QUART)) {
                c->mm = 15, c->strong = true, k += 2;
            } else if (KJ(P, k, TA_MOINS) && KJ(P, k + 1, TA_LE) && KJ(P, k + 2, TA_QUART)) {
                c->hh = (h + 23) % 24, c->mm = 45, c->strong = true, k += 3;
            } else if (KJ(P, k, TA_MOINS) && J(P, k + 1) && rd_num(P, k + 1, &mn, &jm) && mn < 60 &&
                       mn > 0) {
                c->hh = (h + 23) % 24, c->mm = 60 - mn, c->strong = true, k = jm;
                if (KJ(P, k, TA_UNIT) && P->at[k].v == TU_MIN)
                    k++;
            } else if (KJ(P, k, TA_ET) && J(P, k + 1) && rd_num(P, k + 1, &mn, &jm) && mn < 60 &&
                       (K(P, k + 1) == TA_NUMW || (KJ(P, jm, TA_UNIT) && P->at[jm].v == TU_MIN))) {
                c->mm = mn, c->strong = true, k = jm;
                if (KJ(P, k, TA_UNIT) && P->at[k].v == TU_MIN)
                    k++;
            } else if (J(P, k) && K(P, k) != TA_NUM && rd_num(P, k, &mn, &jm) && mn < 60) {
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
static void fmt_clock(char *buf, size_t cap, const char *prefix, const tx_clk *c)
{
    size_t pl = strlen(prefix);
    int hh = c->hh % 100, mm = c->mm < 0 ? 0 : c->mm % 100, ss = c->ss % 100;
    if (hh >= 0 && pl + 10 < cap) { /* the usual case, without printf */
        memmove(buf, prefix, pl);
        char *p = buf + pl;
        p[0] = 'T';
        put_digits(p + 1, (unsigned)hh, 2);
        p[3] = ':';
        put_digits(p + 4, (unsigned)mm, 2);
        p += 6;
        if (c->ss >= 0) {
            *p++ = ':';
            put_digits(p, (unsigned)ss, 2);
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
static bool clock_cue(const tx_p *P, size_t i)
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
static size_t rd_dayref_read(const tx_p *P, size_t i, tx_out *o)
{
    rule_start(o, P->at[i].s);
    size_t k = i;
    if (K(P, k) == TA_DAY) {
        o->type = RC_TIME_DATE;
        if (P->has_ref)
            set_day(o, P->ref + P->at[k].v);
        else if (P->at[k].v == 0)
            snprintf(o->value, sizeof o->value, "PRESENT_REF");
        return k + 1;
    }
    if ((K(P, k) == TA_LE && KJ(P, k + 1, TA_RDAY)) || K(P, k) == TA_RDAY) {
        size_t r = K(P, k) == TA_LE ? k + 1 : k;
        o->type = RC_TIME_DATE;
        if (P->has_ref)
            set_day(o, P->ref + P->at[r].v);
        return r + 1;
    }
    tx_d dd;
    size_t j = rd_date(P, i, &dd);
    if (j && K(P, j - 1) == TA_MONTH && (P->at[j - 1].fl & TF_ABBR) && j >= 2 &&
        K(P, j - 2) == TA_PUNCT && T(P, j - 1))
        o->e = P->at[j - 1].e - 1; /* 2020/23/Sep.: the full stop ends the sentence */
    if (j && (dd.d || (dd.m && dd.y))) {
        if (dd.d) {
            if (!res_date(P, &dd, i, o))
                return 0;
        } else {
            res_month(P, &dd, i, o);
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
        if (!res_date(P, &dd, i, o))
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
    copy_str(o->value, sizeof o->value, v);
    o->type = RC_TIME_RANGE;
}

/* A date or day reference with an optional part of the day or clock time after it (mardi
 * matin, hier soir, demain à 8h, jeudi 15 décembre à 9h30), or a clock time before it (9h le
 * mardi). */
static size_t m_datetime(const tx_p *P, size_t i, tx_out *o)
{
    size_t j = rd_dayref(P, i, o);
    tx_clk c;
    if (!j) {
        /* a clock range then a day: de 5 a 7 aujourd'hui */
        tx_out r;
        size_t jr = m_clock(P, i, &r);
        if (jr && r.type == RC_TIME_RANGE && J(P, jr)) {
            tx_out d;
            size_t jd = rd_dayref(P, jr, &d);
            if (jd && d.from != NODAY && d.type == RC_TIME_DATE) {
                *o = d;
                o->s = r.s;
                join_range(o, d.value, r.value);
                return jd;
            }
        }
        /* clock time then a day: 9h le mardi, dix heures mercredi matin */
        size_t jc = rd_clock(P, i, &c);
        if (!jc || c.hh < 0)
            return 0;
        size_t q = jc;
        if (PU(P, q, ',') && T(P, q))
            q++;
        if (KJ(P, q, TA_LE) && is_word(P, q, "le") && KJ(P, q + 1, TA_WDAY))
            q++;
        tx_out d;
        size_t jd = J(P, q) ? rd_dayref(P, q, &d) : 0;
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
        copy_str(dv, sizeof dv, d.value);
        fmt_clock(o->value, sizeof o->value, dv, &c);
        return jd;
    }
    if (o->type != RC_TIME_DATE || (o->value[0] && strlen(o->value) == 7))
        return j;
    char day[40];
    copy_str(day, sizeof day, o->value);
    size_t q = j;
    if (PU(P, q, ',') && T(P, q))
        q++;
    if ((KJ(P, q, TA_DE) || KJ(P, q, TA_ENTRE)) && J(P, q)) {
        tx_out r;
        size_t jr = m_clock(P, q, &r);
        if (jr && r.type == RC_TIME_RANGE) {
            join_range(o, day, r.value);
            return jr;
        }
    }
    if (KJ(P, q, TA_A) || KJ(P, q, TA_VERS) || KJ(P, q, TA_AVANT) || KJ(P, q, TA_APRES))
        q++;
    if (J(P, q)) {
        size_t jc = rd_clock(P, q, &c);
        if (jc && c.hh >= 0 && (c.strong || q > j) && !(KJ(P, jc, TA_A) || KJ(P, jc, TA_ET))) {
            o->type = RC_TIME_DATETIME;
            fmt_clock(o->value, sizeof o->value, day, &c);
            return jc;
        }
    }
    size_t jp;
    int part = rd_part(P, j, &jp);
    if (part) {
        o->type = RC_TIME_DATETIME;
        snprintf(o->value, sizeof o->value, "%sT%s", day, part_codes[part]);
        /* mardi matin à 7 heures */
        size_t q2 = jp;
        if (KJ(P, q2, TA_A) || KJ(P, q2, TA_VERS))
            q2++;
        if (q2 > jp && J(P, q2)) {
            size_t jc = rd_clock(P, q2, &c);
            if (jc && c.hh >= 0) {
                if ((part == TP_AF || part == TP_EV) && c.hh < 12)
                    c.hh += 12;
                fmt_clock(o->value, sizeof o->value, day, &c);
                return jc;
            }
        }
        return jp;
    }
    return j;
}

/* A month, season or year, with modifiers and cues: fin juillet 2016, mi-septembre, début
 * décembre, en décembre dernier, cette décembre, l'été 2012, fin 2016, 2016, les années 1990. */
static size_t m_period_read(const tx_p *P, size_t i, tx_out *o)
{
    tx_d dd;
    memset(&dd, 0, sizeof dd);
    size_t k = i;
    o->type = RC_TIME_DATE;
    rule_start(o, P->at[i].s);
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
        if (J(P, yq) && rd_year(P, yq, true, &y, &j))
            dd.y = y, k = j;
        else if (KJ(P, k, TA_CUE))
            dd.cue = P->at[k].v, k++;
        if (i > 0 && K(P, i - 1) == TA_ORD)
            return 0;
        res_month(P, &dd, i, o);
        return k;
    }
    if (K(P, k) == TA_SEASON) {
        bool ete = is_word(P, k, "\xc3\xa9t\xc3\xa9") || is_word(P, k, "ete");
        dd.season = P->at[k].v;
        k++;
        if (J(P, k) && rd_year(P, k, false, &y, &j))
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
            snprintf(o->value, sizeof o->value, "XXXX-%s", season_codes[dd.season]);
            return k;
        }
        snprintf(o->value, sizeof o->value, "%04d-%s", yy % 10000, season_codes[dd.season]);
        season_days(yy, dd.season, &o->from, &o->to);
        apply_mod(dd.mod, &o->from, &o->to);
        return k;
    }
    /* les années 1990 */
    if (K(P, k) == TA_LE && KJ(P, k + 1, TA_UNIT) && P->at[k + 1].v == TU_Y &&
        is_word(P, k + 1, "ann\xc3\xa9\x65s") && J(P, k + 2)) {
        int dec;
        size_t jd;
        if (K(P, k + 2) == TA_NUM && P->at[k + 2].nd == 4 && P->at[k + 2].v % 10 == 0)
            dec = P->at[k + 2].v, jd = k + 3;
        else if (rd_num(P, k + 2, &dec, &jd) && dec >= 10 && dec <= 90 && dec % 10 == 0)
            dec = 1900 + dec;
        else
            return 0;
        snprintf(o->value, sizeof o->value, "%03d", (dec / 10) % 1000);
        o->from = rc_date_days(dec, 1, 1);
        o->to = rc_date_days(dec + 9, 12, 31);
        return jd;
    }
    /* a year: 2016, fin 2016, l'an 2000, l'année 2016 */
    if (K(P, k) == TA_LE && KJ(P, k + 1, TA_UNIT) && P->at[k + 1].v == TU_Y && J(P, k + 2) &&
        K(P, k + 2) == TA_NUM && P->at[k + 2].nd == 4)
        k += 2;
    if (K(P, k) == TA_NUM && P->at[k].nd == 4 && P->at[k].v >= 1000 && P->at[k].v <= 2999 &&
        !PU(P, k + 1, ':') && !(KJ(P, k + 1, TA_UNIT)) && !(PU(P, k + 1, ',') && T(P, k + 1) && K(P, k + 2) == TA_NUM && T(P, k + 2))) {
        bool cue = dd.mod || k > i ||
                   (i > 0 && J(P, i) &&
                    (K(P, i - 1) == TA_EN || K(P, i - 1) == TA_DEPUIS || K(P, i - 1) == TA_DE ||
                     K(P, i - 1) == TA_DES || K(P, i - 1) == TA_AVANT || K(P, i - 1) == TA_APRES ||
                     K(P, i - 1) == TA_JUSQU || K(P, i - 1) == TA_A || K(P, i - 1) == TA_ET));
        if (!cue && (P->at[k].fl & TF_WORD_AFTER))
            return 0;
        if (!cue && (P->at[k].v < 1900 || P->at[k].v > 2100))
            return 0;
        if (K(P, k + 1) == TA_NUM && J(P, k + 1))
            return 0;
        y = P->at[k].v;
        snprintf(o->value, sizeof o->value, "%04d", y);
        o->from = rc_date_days(y, 1, 1);
        o->to = rc_date_days(y, 12, 31);
        apply_mod(dd.mod, &o->from, &o->to);
        return k + 1;
    }
    return 0;
}

/* Writes a duration value: P3Y, PT24H, P10CE, PXD (n < 0), P3.5Y (text of a decimal). */
static void fmt_dur(char *buf, size_t cap, const char *num, int unit)
{
    bool t = unit == TU_H || unit == TU_MIN || unit == TU_S;
    size_t n = 0;
    cat(buf, cap, &n, t ? "PT" : "P");
    cat(buf, cap, &n, num);
    cat(buf, cap, &n, unit_codes[unit]);
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
        return day_of(y, m, P->refd.d);
    case TU_Y: return day_of(y + n, m, P->refd.d);
    case TU_CE: return day_of(y + 100 * n, m, P->refd.d);
    case TU_DE: return day_of(y + 10 * n, m, P->refd.d);
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
        copy_str(num, cap, "X");
        *n = -1;
    } else if (K(P, k) == TA_NUM && PU(P, k + 1, '.') + PU(P, k + 1, ',') && T(P, k + 1) &&
               K(P, k + 2) == TA_NUM && T(P, k + 2) && KJ(P, k + 3, TA_UNIT)) {
        snprintf(num, cap, "%d.%.*s", P->at[k].v, (int)(P->at[k + 2].e - P->at[k + 2].s),
                 P->text + P->at[k + 2].s);
        *n = P->at[k].v;
        k += 3;
    } else if (rd_num(P, k, &v, &j) && (K(P, k) != TA_NUM || P->at[k].nd <= 5)) {
        k = j;
        if (KJ(P, k, TA_CUE) && KJ(P, k + 1, TA_UNIT))
            return 0; /* 24 dernières heures: see m_relative */
        if (!KJ(P, k, TA_UNIT))
            return 0;
        fmt_int(num, cap, v);
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
static size_t m_relative(const tx_p *P, size_t i, tx_out *o)
{
    rule_start(o, P->at[i].s);
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
                fmt_day(d, sizeof d, day);
                snprintf(o->value, sizeof o->value, "%sT%02d:%02d:%02d", d, (int)(r / 3600),
                         (int)(r / 60 % 60), (int)(r % 60));
                o->from = o->to = day;
            } else if (P->has_ref && n >= 0 && unit == TU_H) {
                o->from = o->to = shift(P, dir * n, unit);
                fmt_day(o->value, sizeof o->value, o->from);
            } else {
                snprintf(o->value, sizeof o->value, dir < 0 ? "PAST_REF" : "FUTURE_REF");
            }
            return j;
        }
        o->type = RC_TIME_DATE;
        if (P->has_ref && n >= 0)
            set_day(o, shift(P, dir * n, unit));
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
    copy_str(num, sizeof num, "1");
    size_t jn;
    int v;
    if (KJ(P, q, TA_CUE) && q > k && J(P, q + 1) && rd_num(P, q + 1, &v, &jn) && KJ(P, jn, TA_UNIT)) {
        cue = P->at[q].v; /* les dernières 24 heures */
        n = v;
        fmt_int(num, sizeof num, v);
        q = jn;
    } else if (rd_num(P, q, &v, &jn) && KJ(P, jn, TA_CUE) && KJ(P, jn + 1, TA_UNIT) &&
               (v == 1 || P->text[P->at[jn].e - 1] == 's')) {
        cue = P->at[jn].v; /* 24 dernières heures */
        n = v;
        fmt_int(num, sizeof num, v);
        q = jn + 1;
        o->s = P->at[q - 2 > i ? jn - (jn > q - 2 ? 0 : 0) : i].s;
    } else if (K(P, q) == TA_CUE && KJ(P, q + 1, TA_UNIT)) {
        cue = P->at[q].v; /* ces derniers jours, dernière minute */
        bool plural = P->text[P->at[q].e - 1] == 's';
        if (plural) {
            n = -1;
            copy_str(num, sizeof num, "X");
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

/* Durations: 24 heures, cinq ans, depuis trois semaines, toute la journée, quelques jours,
 * 10 siècles. N heures after à or vers is a clock time, not a duration. */
static size_t m_duration(const tx_p *P, size_t i, tx_out *o)
{
    rule_start(o, P->at[i].s);
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
        if (clock_cue(P, i) || (rd_clock(P, i, &c) && c.strong && P->at[j - 1].e - P->at[j - 1].s == 1))
            return 0;
    }
    if (!depuis)
        o->s = P->at[k].s;
    if (unit == TU_Y && is_word(P, j - 1, "ann\xc3\xa9\x65s") && k > 0 && K(P, k - 1) == TA_LE)
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
static size_t m_set(const tx_p *P, size_t i, tx_out *o)
{
    rule_start(o, P->at[i].s);
    o->type = RC_TIME_SET;
    size_t k = i;
    tx_clk c;
    c.hh = -1;
    size_t jc = rd_clock(P, k, &c);
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
    if (K(P, q) != TA_UNIT && K(P, q) != TA_WDAY && rd_num(P, q, &n, &j) && KJ(P, j, TA_UNIT))
        q = j;
    if (K(P, q) == TA_UNIT) {
        int unit = P->at[q].v;
        char num[16];
        fmt_int(num, sizeof num, n);
        fmt_dur(o->value, sizeof o->value, num, unit);
        if (c.hh >= 0) {
            char d[64];
            copy_str(d, sizeof d, o->value);
            fmt_clock(o->value, sizeof o->value, "XXXX-XX-XX", &c);
            (void)d;
        }
        return q + 1;
    }
    if (K(P, q) == TA_WDAY) {
        char d[24];
        snprintf(d, sizeof d, "XXXX-WXX-%d", P->at[q].v);
        if (c.hh >= 0)
            fmt_clock(o->value, sizeof o->value, d, &c);
        else
            copy_str(o->value, sizeof o->value, d);
        return q + 1;
    }
    return 0;
}

/* Clock times alone and time ranges: 9h30, vers 20heures, midi, de 14h à 16h, entre 17 et 18,
 * 16-17 heures, 5 a 6pm. */
static size_t m_clock_read(const tx_p *P, size_t i, tx_out *o)
{
    rule_start(o, P->at[i].s);
    o->type = RC_TIME_TIME;
    size_t k = i;
    bool range = K(P, k) == TA_DE || K(P, k) == TA_ENTRE;
    if (range || (K(P, k) == TA_DU && !is_word(P, k, "des")))
        k++;
    if (k > i && !J(P, k))
        return 0;
    tx_clk a, b;
    size_t ja = rd_clock(P, k, &a);
    int h;
    size_t jn;
    if (!ja && (K(P, k) == TA_NUM || K(P, k) == TA_NUMW) && rd_num(P, k, &h, &jn) && h <= 24 &&
        (KJ(P, jn, TA_A) || KJ(P, jn, TA_ET) || KJ(P, jn, TA_AU) ||
         (PU(P, jn, '-') && T(P, jn)) || KJ(P, jn, TA_JUSQU))) {
        a.hh = h, a.mm = -1, a.ss = -1, a.strong = false; /* 17 a 18, 5 a sept du matin */
        ja = jn;
    } else if (!ja && (K(P, k) == TA_NUM) && rd_num(P, k, &h, &jn) && h <= 24 && KJ(P, jn, TA_PART)) {
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
        size_t jb = J(P, q) ? rd_clock(P, q, &b) : 0;
        if (!jb && rd_num(P, q, &h, &jn) && h <= 24 && J(P, q) && (a.strong || range)) {
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
            fmt_clock(av, sizeof av, "", &a);
            fmt_clock(bv, sizeof bv, "", &b);
            snprintf(o->value, sizeof o->value, "%s/%s", av, bv);
            if (!range)
                o->s = P->at[k].s;
            return jb;
        }
    }
    if (range)
        return 0;
    if (!a.strong && !clock_cue(P, i))
        return 0;
    if (!a.strong && ja == k + 1 &&
        !(K(P, k) == TA_NUM && i > 0 && K(P, i - 1) == TA_A && P->at[i - 1].v == 0 &&
          P->at[k].nd <= 2 && !(P->at[k].fl & TF_WORD_AFTER) && K(P, ja) != TA_NUM &&
          K(P, ja) != TA_UNIT && !PU(P, ja, '%') && !PU(P, ja, ',') && !PU(P, ja, '.') &&
          !(K(P, ja) == TA_LE || K(P, ja) == TA_DE || K(P, ja) == TA_DU)))
        return 0; /* a bare number */
    fmt_clock(o->value, sizeof o->value, "", &a);
    return ja;
}

/* Date ranges and spans: du 12 au 15 décembre, entre le 3 et le 12, de 2010 à 2018,
 * 10/1-11/2/2017, depuis le 15 novembre (from that day to the reference), avant 2000, dans la
 * nuit de lundi à mardi. */
static size_t m_range(const tx_p *P, size_t i, tx_out *o)
{
    rule_start(o, P->at[i].s);
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
            if (!rd_daynum(P, q, &d1, &jd) || !KJ(P, jd, TA_AU))
                return 0;
            size_t jb = rd_dayref(P, jd + 1, &b);
            if (!jb || b.from == NODAY)
                return 0;
            o->type = RC_TIME_DATETIME;
            set_day(o, b.from - 1);
            o->to = b.from;
            snprintf(o->value + strlen(o->value), sizeof o->value - strlen(o->value), "TNI");
            return jb;
        }
        ja = rd_dayref(P, q, &a);
        if (!ja || !(KJ(P, ja, TA_A) || KJ(P, ja, TA_AU)))
            return 0;
        size_t jb = rd_dayref(P, ja + 1, &b);
        if (!jb)
            return 0;
        o->type = RC_TIME_DATETIME;
        if (a.from != NODAY) {
            int64_t first = a.from;
            if (b.from != NODAY && b.from != first + 1)
                first = b.from - 1; /* lundi à mardi: the Monday before the Tuesday */
            set_day(o, first);
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
        size_t ja = rd_dayref(P, q, &a);
        tx_out p;
        size_t jp = m_period(P, q, &p);
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
        res_month(P, &dm, k, &pm);
        o->type = RC_TIME_RANGE;
        if (pm.from == NODAY) {
            copy_str(o->value, sizeof o->value, pm.value);
            return k + 4;
        }
        int y, m, dd0;
        rc_date_from_days(pm.from, &y, &m, &dd0);
        if (!rc_date_valid(y, m, d2))
            return 0;
        o->from = rc_date_days(y, m, d1);
        o->to = rc_date_days(y, m, d2);
        char fa[16], fb[16];
        fmt_day(fa, sizeof fa, o->from);
        fmt_day(fb, sizeof fb, o->to);
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
    ja = rd_dayref(P, q, &a);
    tx_out pa;
    size_t jpa = m_period(P, q, &pa);
    if (jpa > ja)
        a = pa, ja = jpa;
    if (rd_daynum(P, q, &d1, &jd) && (!ja || jd >= ja)) {
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
    size_t jb = rd_dayref(P, r, &b);
    tx_out pb;
    size_t jpb = m_period(P, r, &pb);
    if (jpb > jb)
        b = pb, jb = jpb;
    if (!jb || b.from == NODAY) {
        /* 4-23 mois prochain, entre 3 et 12 de sept: the second date carries the month */
        int d2;
        size_t j2;
        if (bare && rd_daynum(P, r, &d2, &j2)) {
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
                if (J(P, jm) && rd_year(P, jm, false, &y, &jy))
                    dm.y = y, jm = jy;
                res_month(P, &dm, mq, &pm);
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
            if (pm.from == NODAY || !P->has_ref) {
                o->type = RC_TIME_RANGE;
                copy_str(o->value, sizeof o->value, pm.value);
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
            fmt_day(fa, sizeof fa, o->from);
            fmt_day(fb, sizeof fb, o->to);
            snprintf(o->value, sizeof o->value, "%s/%s", fa, fb);
            if (!du || dash)
                o->s = P->at[q].s;
            return jm;
        }
        return 0;
    }
    int64_t from = a.from;
    tx_d da, db;
    if (!bare && rd_date(P, q, &da) == ja && da.d && da.m && !da.y && rd_date(P, r, &db) == jb &&
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
        from = day_of(y - 1, m, dd);
    }
    o->type = RC_TIME_RANGE;
    o->from = from;
    o->to = b.to;
    char fa[16], fb[16];
    fmt_day(fa, sizeof fa, o->from);
    fmt_day(fb, sizeof fb, o->to);
    snprintf(o->value, sizeof o->value, "%s/%s", fa, fb);
    if (!du)
        o->s = P->at[q].s;
    return jb;
}

/* Single words and fixed phrases: maintenant (PRESENT_REF), la journée, ce matin, ce soir,
 * le matin, dans la soirée, Noël, le plus tôt possible. */
static size_t m_misc(const tx_p *P, size_t i, tx_out *o)
{
    rule_start(o, P->at[i].s);
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
        if (J(P, j) && rd_year(P, j, false, &y, &jy))
            dd.y = y, j = jy;
        else if (KJ(P, j, TA_CUE))
            dd.cue = P->at[j].v, j++;
        if (!res_date(P, &dd, i, o))
            return 0;
        return j;
    }
    /* ce matin, ce soir, cette nuit, cet après-midi */
    if (K(P, k) == TA_CE && KJ(P, k + 1, TA_PART)) {
        int part = P->at[k + 1].v;
        o->type = RC_TIME_DATETIME;
        if (P->has_ref) {
            char d[16];
            fmt_day(d, sizeof d, P->ref);
            snprintf(o->value, sizeof o->value, "%sT%s", d, part_codes[part]);
            o->from = o->to = P->ref;
        } else {
            snprintf(o->value, sizeof o->value, "T%s", part_codes[part]);
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
            size_t jd = rd_dayref(P, j + 1, &d);
            if (jd && d.type == RC_TIME_DATE) {
                *o = d;
                o->s = P->at[k == q ? q : k].s;
                return jd;
            }
        }
        o->type = RC_TIME_DATE;
        if (P->has_ref)
            set_day(o, P->ref);
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
        snprintf(o->value, sizeof o->value, "T%s", part_codes[part]);
        size_t j = q + 2;
        /* dans le matin a 7 */
        if ((KJ(P, j, TA_A) || KJ(P, j, TA_VERS)) && J(P, j + 1)) {
            tx_clk c;
            size_t jc = rd_clock(P, j + 1, &c);
            int h;
            size_t jn;
            if (!jc && rd_num(P, j + 1, &h, &jn) && h <= 12)
                c.hh = h, c.mm = -1, c.ss = -1, jc = jn;
            if (jc && c.hh >= 0) {
                if ((part == TP_AF || part == TP_EV) && c.hh < 12)
                    c.hh += 12;
                fmt_clock(o->value, sizeof o->value, "", &c);
                return jc;
            }
        }
        return j;
    }
    return 0;
}

/* ---- driver -------------------------------------------------------------------------------- */

typedef size_t (*tx_rule)(const tx_p *, size_t, tx_out *);

/* Whether an atom kind carries time content (a number, a month, a unit ...), as opposed to a
 * grammar word that only joins them. */
static bool content(int k)
{
    return (k >= TA_NUM && k <= TA_AMPM && k != TA_BIGNUM) || k == TA_YA || k == TA_TOT;
}

/* Whether an expression may start at atom i: content, or a grammar word followed within three
 * adjacent atoms by content. Most grammar words (le, de, à) start nothing; this spares the rules.
 * Nor does a number word (un, une, trois) whose reading is followed by no adjacent atom: every
 * rule that reads a number at its start needs what follows it adjacent (a unit, a month, a cue,
 * à, et, a part of the day), except a date range's dash, which is let through. A new rule that
 * can start with a lone number word must be reflected here. */
static bool starter(const tx_p *P, size_t i)
{
    int k = P->at[i].k;
    if (k == TA_NUMW) {
        int v;
        size_t j;
        return !rd_num(P, i, &v, &j) || J(P, j) || PU(P, j, '-');
    }
    if (content(k))
        return true;
    if (k == TA_PUNCT || k == TA_PAST || k == TA_FUT || k == TA_BIGNUM || k == TA_EST)
        return false;
    for (size_t q = i + 1; q < P->n && q <= i + 3 && P->at[q].gap <= 1; q++)
        if (content(P->at[q].k))
            return true;
    return false;
}

/* Reads the expressions of a lexed text against ref (NULL: unresolved), into a. */
static int times_parse(const char *text, size_t len, const tx_atom *atoms, size_t natoms,
                       const rc_date *ref, rc_arena *a, rc_time **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    tx_p P;
    memset(&P, 0, sizeof P);
    P.text = text;
    P.len = len;
    if (ref && rc_date_valid(ref->y, ref->m, ref->d)) {
        P.has_ref = true;
        P.refd = *ref;
        P.ref = rc_date_days(ref->y, ref->m, ref->d);
    }
    int status;
    P.at = atoms;
    P.n = natoms;
    tx_memo memo; /* only the tags need clearing: an empty slot is never read */
    memset(memo.dayref.at, 0, sizeof memo.dayref.at);
    memset(memo.period.at, 0, sizeof memo.period.at);
    memset(memo.mclock.at, 0, sizeof memo.mclock.at);
    memset(memo.clock_at, 0, sizeof memo.clock_at);
    for (size_t k = 0; k < TX_MEMO; k++)
        memo.nw[k].at = 0;
    P.memo = &memo;

    static const tx_rule rules[] = {m_range, m_datetime, m_relative, m_period, m_set, m_duration,
                                    m_clock, m_misc};
    rc_time *res = NULL;
    size_t cap = 0, count = 0;
    for (size_t i = 0; i < P.n;) {
        if (!starter(&P, i)) {
            i++;
            continue;
        }
        tx_out best, o;
        size_t bj = 0;
        for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
            out_init(&o);
            size_t j = rules[r](&P, i, &o);
            if (j > i && j <= P.n && (!bj || P.at[j - 1].e > P.at[bj - 1].e)) {
                best = o;
                bj = j;
            }
        }
        if (!bj) {
            i++;
            continue;
        }
        if ((status = rc_arena_grow(a, (void **)&res, &cap, count + 1, sizeof *res)))
            return status;
        rc_time *t = &res[count++];
        memset(t, 0, sizeof *t);
        t->start = best.s;
        t->end = P.at[bj - 1].e;
        if (best.e > P.at[bj - 1].s && best.e < t->end)
            t->end = best.e;
        if (t->start >= t->end)
            t->start = P.at[i].s;
        t->type = best.type;
        t->value = best.value[0] ? rc_arena_strdup(a, best.value) : NULL;
        if (best.value[0] && !t->value)
            return RC_ENOMEM;
        if (best.from != NODAY)
            fmt_day(t->from, sizeof t->from, best.from);
        if (best.to != NODAY)
            fmt_day(t->to, sizeof t->to, best.to);
        i = bj;
    }
    *out = res;
    *n = count;
    return RC_OK;
}

/* Checks the arguments and gives the lexer the NUL it needs after the text (a copy when the text
 * has none). Returns RC_OK or an error. */
static int times_text(const rc_lang *fr, const char **text, size_t len, rc_arena *a)
{
    if (!fr || (!*text && len) || !a)
        return RC_EINVAL;
    if (len && (*text)[len] != '\0') {
        char *copy = rc_arena_strndup(a, *text, len);
        if (!copy)
            return RC_ENOMEM;
        *text = copy;
    }
    return RC_OK;
}

int rc_fr_times(const rc_lang *fr, const char *text, size_t len, const rc_date *ref, rc_arena *a,
                rc_time **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    int status = times_text(fr, &text, len, a);
    if (status || len == 0)
        return status;
    tx_atom *atoms;
    size_t natoms;
    if ((status = rc_fr_times_lex(fr, text, len, a, &atoms, &natoms)))
        return status;
    return times_parse(text, len, atoms, natoms, ref, a, out, n);
}

int rc_fr_times_pass(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
                     rc_fr_times_first *out)
{
    memset(out, 0, sizeof *out);
    int status = times_text(fr, &text, len, a);
    if (status)
        return status;
    out->text = text ? text : "";
    out->len = len;
    if (len == 0)
        return RC_OK;
    tx_atom *atoms;
    size_t natoms;
    if ((status = rc_fr_times_lex(fr, text, len, a, &atoms, &natoms)))
        return status;
    out->atoms = atoms;
    out->natoms = natoms;
    return times_parse(text, len, atoms, natoms, NULL, a, &out->times, &out->ntimes);
}

int rc_fr_times_again(const rc_fr_times_first *first, const rc_date *ref, rc_arena *a,
                      rc_time **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!first || !a)
        return RC_EINVAL;
    if (!ref) { /* the first pass is the answer */
        *out = first->times;
        *n = first->ntimes;
        return RC_OK;
    }
    if (first->len == 0)
        return RC_OK;
    return times_parse(first->text, first->len, first->atoms, first->natoms, ref, a, out, n);
}
