/*
 * times.c - the French temporal recognizer: reads the atoms of times_lex.re with hand-written
 * rules (dates, parts of days, clock times, relative offsets, ranges, durations, sets) and
 * resolves each expression against the reference date into a TIMEX3 value and the first and last
 * calendar days it covers. At each atom every rule is tried and the longest match wins.
 *
 * Relative expressions are resolved with the reference: cue words first (dernier, prochain, ce),
 * then the tense of the nearest verb in the clause (markers, and the morphology when a context is
 * given), else the closest occurrence. Anaphoric words (la veille, le lendemain) count from the
 * last day the narrative named, else the reference.
 */
#include "lang/fr/times.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lang/fr/numbers.h"
#include "lang/fr/times_expr.h"
#include "lang/fr/times_int.h"

/* ---- driver -------------------------------------------------------------------------------- */

typedef size_t (*tx_rule)(const tx_p *, size_t, tx_out *);

/* One bit per atom kind (kinds are below 128): lo for kinds 0-63, hi for 64-127. */
_Static_assert(TA_PUNCT < 128, "atom kinds fit two 64-bit sets");
#define TX_LO(k) ((k) < 64 ? 1ull << ((k) & 63) : 0ull)
#define TX_HI(k) ((k) >= 64 ? 1ull << ((k) & 63) : 0ull)
#define TX_CONTENT(B)                                                                            \
    (B(TA_NUM) | B(TA_ORD) | B(TA_MONTH) | B(TA_WDAY) | B(TA_UNIT) | B(TA_DAY) | B(TA_RDAY) |  \
     B(TA_PART) | B(TA_CLOCK) | B(TA_MOD) | B(TA_CUE) | B(TA_NUMW) | B(TA_SEASON) |             \
     B(TA_HOLIDAY) | B(TA_SET) | B(TA_REF) | B(TA_AMPM) | B(TA_YA) | B(TA_TOT) | B(TA_ROMAN) |  \
     B(TA_NTH) | B(TA_PERIOD) | B(TA_FEAST) | B(TA_DUR))

/* Whether an atom kind carries time content (a number, a month, a unit ...), as opposed to a
 * grammar word that only joins them: a test of one bit, as starter asks it of every atom. */
static inline bool content(unsigned k)
{
    static const uint64_t lo = TX_CONTENT(TX_LO), hi = TX_CONTENT(TX_HI);
    return k < 64 ? lo >> k & 1 : k < 128 && (hi >> (k - 64) & 1);
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
        return !tx_rd_num(P, i, &v, &j) || J(P, j) || PU(P, j, '-');
    }
    if (content((unsigned)k))
        return true;
    if (k == TA_PUNCT || k == TA_PAST || k == TA_FUT || k == TA_BIGNUM || k == TA_EST)
        return false;
    for (size_t q = i + 1; q < P->n && q <= i + 3 && P->at[q].gap <= 1; q++)
        if (content(P->at[q].k))
            return true;
    return false;
}

/* Reads the expressions of a lexed text against ref (NULL: unresolved), into a; ctx (may be NULL)
 * gives the morphology that reads the tense of a clause. */
static int times_parse(const rc_ctx *ctx, const rc_doc *doc, const rc_lang *fr, const char *text,
                       size_t len, const tx_atom *atoms, size_t natoms, const rc_date *ref,
                       rc_arena *a, rc_time **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    tx_p P;
    memset(&P, 0, sizeof P);
    P.ctx = ctx;
    P.doc = doc && doc->wids && doc->text == text && doc->ctx == ctx ? doc : NULL;
    P.text = text;
    P.len = len;
    P.age_cues = rc_lang_lex(fr, "time_age_cues");
    P.hijri = rc_lang_lex(fr, "time_hijri");
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
    memo.tok_hint = 0;
    for (size_t k = 0; k < TX_MEMO; k++)
        memo.nw[k].at = 0;
    P.memo = &memo;

    static const tx_rule rules[] = {tx_m_range,    tx_m_datetime, tx_m_relative, tx_m_period,
                                    tx_m_set,      tx_m_duration, tx_m_clock,    tx_m_misc,
                                    tx_m_named};
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
            tx_out_init(&o);
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
            tx_fmt_day(t->from, sizeof t->from, best.from);
        if (best.to != NODAY)
            tx_fmt_day(t->to, sizeof t->to, best.to);
        if ((best.type == RC_TIME_DATE || best.type == RC_TIME_DATETIME) && best.from != NODAY &&
            best.from == best.to && best.from != P.narr) {
            /* the narrative moves to that day; readings made from the old one are dropped */
            P.narr = best.from;
            P.has_narr = true;
            memset(memo.dayref.at, 0, sizeof memo.dayref.at);
        }
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
    return rc_fr_times_ctx(NULL, fr, text, len, ref, a, out, n);
}

int rc_fr_times_ctx(const rc_ctx *ctx, const rc_lang *fr, const char *text, size_t len,
                    const rc_date *ref, rc_arena *a, rc_time **out, size_t *n)
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
    return times_parse(ctx, NULL, fr, text, len, atoms, natoms, ref, a, out, n);
}

int rc_fr_times_doc(const rc_doc *doc, const rc_date *ref, rc_arena *a, rc_time **out,
                    size_t *n)
{
    *out = NULL;
    *n = 0;
    const char *text = doc->text;
    int status = times_text(doc->ctx->fr, &text, doc->len, a);
    if (status || doc->len == 0)
        return status;
    tx_atom *atoms;
    size_t natoms;
    if ((status = rc_fr_times_lex_doc(doc->ctx->fr, doc, text, doc->len, a, &atoms, &natoms)))
        return status;
    return times_parse(doc->ctx, doc, doc->ctx->fr, text, doc->len, atoms, natoms, ref, a, out,
                       n);
}

/* The first pass of text (doc->text when doc is not NULL, whose word records then settle the
 * words), with no reference, into *out. */
static int times_pass(const rc_lang *fr, const rc_doc *doc, const char *text, size_t len,
                      rc_arena *a, rc_fr_times_first *out)
{
    memset(out, 0, sizeof *out);
    int status = times_text(fr, &text, len, a);
    if (status)
        return status;
    out->fr = fr;
    out->text = text ? text : "";
    out->len = len;
    if (len == 0)
        return RC_OK;
    tx_atom *atoms;
    size_t natoms;
    if ((status = rc_fr_times_lex_doc(fr, doc, text, len, a, &atoms, &natoms)))
        return status;
    out->atoms = atoms;
    out->natoms = natoms;
    return times_parse(NULL, NULL, fr, text, len, atoms, natoms, NULL, a, &out->times,
                       &out->ntimes);
}

int rc_fr_times_pass(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
                     rc_fr_times_first *out)
{
    return times_pass(fr, NULL, text, len, a, out);
}

int rc_fr_times_pass_doc(const rc_doc *doc, rc_arena *a, rc_fr_times_first *out)
{
    return times_pass(doc->ctx->fr, doc, doc->text, doc->len, a, out);
}

int rc_fr_times_again_doc(const rc_ctx *ctx, const rc_doc *doc, const rc_fr_times_first *first,
                          const rc_date *ref, rc_arena *a, rc_time **out, size_t *n)
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
    return times_parse(ctx, doc, first->fr, first->text, first->len, first->atoms, first->natoms,
                       ref, a, out, n);
}
