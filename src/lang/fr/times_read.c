/*
 * times_read.c - numbers among the time atoms: digits, number words (vingt-quatre, une), years in
 * four or two digits, so that every rule reads "trois jours" or "en 97" the same way.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lang/fr/numbers.h"
#include "lang/fr/times_expr.h"

/* ---- numbers ------------------------------------------------------------------------------- */

static bool rd_numw(const tx_p *P, size_t i, int *val, size_t *j);

/* Reads a clock time at atom i (tx_rd_clock_read), once per atom. */
size_t tx_rd_clock(const tx_p *P, size_t i, tx_clk *c)
{
    tx_memo *m = P->memo;
    size_t k = i % TX_MEMO;
    if (m->clock_at[k] != i + 1) {
        tx_clk t;
        m->clock_j[k] = tx_rd_clock_read(P, i, &t);
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
        /* into o, not the slot: a reader may read at another atom, whose reading takes a slot */
        tx_out_init(o);
        size_t j = read(P, i, o);
        slot->j[k] = j;
        slot->v[k] = *o;
        slot->at[k] = i + 1;
        return j;
    }
    *o = slot->v[k];
    return slot->j[k];
}

/* Reads a day reference at atom i (tx_rd_dayref_read), once per atom. */
size_t tx_rd_dayref(const tx_p *P, size_t i, tx_out *o)
{
    return memo_out(P, &P->memo->dayref, i, o, tx_rd_dayref_read);
}

/* Reads a month, season or year at atom i (tx_m_period_read), once per atom. */
size_t tx_m_period(const tx_p *P, size_t i, tx_out *o)
{
    return memo_out(P, &P->memo->period, i, o, tx_m_period_read);
}

/* Reads a clock time or clock range at atom i (tx_m_clock_read), once per atom. */
size_t tx_m_clock(const tx_p *P, size_t i, tx_out *o)
{
    return memo_out(P, &P->memo->mclock, i, o, tx_m_clock_read);
}

bool tx_rd_numw(const tx_p *P, size_t i, int *val, size_t *j)
{
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
bool tx_rd_daynum(const tx_p *P, size_t i, int *d, size_t *j)
{
    if (K(P, i) == TA_ORD && P->at[i].v == 1) {
        *d = 1;
        *j = i + 1;
        return true;
    }
    if (K(P, i) == TA_NUM && P->at[i].nd > 2)
        return false;
    int v;
    if (!tx_rd_num(P, i, &v, j) || v < 1 || v > 31)
        return false;
    *d = v;
    return true;
}

/* The full year of a 2-digit one: 00-49 are 2000s, 50-99 the 1900s. */
int tx_year2(int v)
{
    return v < 50 ? 2000 + v : 1900 + v;
}

/* Reads a year after a month or a day: 4 digits, or 2 digits when nothing suggests a count. */
bool tx_rd_year(const tx_p *P, size_t i, bool allow2, int *y, size_t *j)
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
        *y = tx_year2(a->v);
        *j = i + 1;
        return true;
    }
    return false;
}
