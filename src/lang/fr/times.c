/*
 * times.c - the French temporal recognizer: reads the atoms of times_lex.re with hand-written
 * rules (dates, parts of days, clock times, relative offsets, ranges, durations, sets) and
 * resolves each expression against the reference date into a TIMEX3 value and the first and last
 * calendar days it covers. At each atom every rule that can start there (tx_rules) is tried and
 * the longest match wins.
 *
 * Relative expressions are resolved with the reference: cue words first (dernier, prochain, ce),
 * then the tense of the nearest verb in the clause (markers, and the morphology when a context is
 * given), else the closest occurrence. Anaphoric words (la veille, le lendemain) count from the
 * last day the narrative named, else the reference.
 */
#include "lang/fr/times.h"

#include <assert.h>
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

/* The kinds of atom each rule can start at: where a rule returns more than nothing, the atom it
 * was called at is one of these (read from the rule and what it reads first: a day reference
 * opens with TX_DAYREF, a clock time with TX_CLOCK). The driver calls a rule only at these; a
 * change to what a rule reads first must be reflected here (builds with assertions check it). */
#define TX_DAYREF(B)                                                                             \
    (B(TA_DAY) | B(TA_LE) | B(TA_RDAY) | B(TA_CE) | B(TA_NUM) | B(TA_MONTH) | B(TA_WDAY) |       \
     B(TA_ORD) | B(TA_NUMW))
#define TX_CLOCK(B) (B(TA_CLOCK) | B(TA_NUM) | B(TA_NUMW))
#define TX_OPEN_PERIOD(B)                                                                        \
    (B(TA_CE) | B(TA_LE) | B(TA_MOD) | B(TA_UNIT) | B(TA_MONTH) | B(TA_SEASON) | B(TA_DU) |     \
     B(TA_ROMAN) | B(TA_NUM))
#define TX_OPEN_CLOCKRULE(B) (TX_CLOCK(B) | B(TA_DE) | B(TA_ENTRE) | B(TA_DU))
#define TX_OPEN_RANGE(B)                                                                         \
    (TX_DAYREF(B) | TX_OPEN_PERIOD(B) | B(TA_DANS) | B(TA_DEPUIS) | B(TA_DES) | B(TA_AVANT) |    \
     B(TA_APRES) | B(TA_A) | B(TA_DU) | B(TA_DE) | B(TA_ENTRE))
#define TX_OPEN_DATETIME(B) (TX_DAYREF(B) | TX_OPEN_CLOCKRULE(B))
#define TX_OPEN_RELATIVE(B)                                                                      \
    (B(TA_YA) | B(TA_DANS) | B(TA_LE) | B(TA_DU) | B(TA_CES) | B(TA_CUE) | B(TA_NUM) |          \
     B(TA_NUMW) | B(TA_CE))
#define TX_OPEN_SET(B) (TX_CLOCK(B) | B(TA_SET) | B(TA_CHAQUE) | B(TA_TOUS))
#define TX_OPEN_DURATION(B)                                                                      \
    (B(TA_TOUT) | B(TA_DEPUIS) | B(TA_PENDANT) | B(TA_QUELQUES) | B(TA_PLUSIEURS) | B(TA_NUM) | \
     B(TA_NUMW))
#define TX_OPEN_MISC(B)                                                                          \
    (B(TA_REF) | B(TA_LE) | B(TA_HOLIDAY) | B(TA_CE) | B(TA_TOT) | B(TA_DANS))
#define TX_OPEN_NAMED(B)                                                                         \
    (B(TA_FEAST) | B(TA_LE) | B(TA_CE) | B(TA_NTH) | B(TA_ORD) | B(TA_PERIOD) | B(TA_NUMW) |    \
     B(TA_NUM) | B(TA_DUR))

/* A rule and the kinds it can start at, as two sets of 64 (TX_LO, TX_HI). */
typedef struct tx_rule_gate {
    tx_rule run;
    uint64_t lo, hi;
} tx_rule_gate;

#define TX_GATE(fn, SET) {fn, SET(TX_LO), SET(TX_HI)}

/* The rules in the order they are tried: on equal ends the first wins. */
static const tx_rule_gate tx_rules[] = {
    TX_GATE(tx_m_range, TX_OPEN_RANGE),       TX_GATE(tx_m_datetime, TX_OPEN_DATETIME),
    TX_GATE(tx_m_relative, TX_OPEN_RELATIVE), TX_GATE(tx_m_period, TX_OPEN_PERIOD),
    TX_GATE(tx_m_set, TX_OPEN_SET),           TX_GATE(tx_m_duration, TX_OPEN_DURATION),
    TX_GATE(tx_m_clock, TX_OPEN_CLOCKRULE),   TX_GATE(tx_m_misc, TX_OPEN_MISC),
    TX_GATE(tx_m_named, TX_OPEN_NAMED)};

/* Whether kind k is in the set lo, hi. */
static inline bool in_set(uint64_t lo, uint64_t hi, unsigned k)
{
    return k < 64 ? lo >> k & 1 : k < 128 && (hi >> (k - 64) & 1);
}

/* Whether an atom kind carries time content (a number, a month, a unit ...), as opposed to a
 * grammar word that only joins them: a test of one bit, as starter asks it of every atom. */
static inline bool content(unsigned k)
{
    static const uint64_t lo = TX_CONTENT(TX_LO), hi = TX_CONTENT(TX_HI);
    return in_set(lo, hi, k);
}

/* Whether some rule can start at an atom of kind k: most atoms that starter lets through
 * (en, et, a part of the day alone) open none, and cost this one test. */
static inline bool opens_any(unsigned k)
{
#define TX_OPEN_ANY(B)                                                                           \
    (TX_OPEN_RANGE(B) | TX_OPEN_DATETIME(B) | TX_OPEN_RELATIVE(B) | TX_OPEN_PERIOD(B) |          \
     TX_OPEN_SET(B) | TX_OPEN_DURATION(B) | TX_OPEN_CLOCKRULE(B) | TX_OPEN_MISC(B) |             \
     TX_OPEN_NAMED(B))
    static const uint64_t lo = TX_OPEN_ANY(TX_LO), hi = TX_OPEN_ANY(TX_HI);
    return in_set(lo, hi, k);
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

    rc_time *res = NULL;
    size_t cap = 0, count = 0;
    for (size_t i = 0; i < P.n;) {
        unsigned kind = P.at[i].k;
        if (!opens_any(kind) || !starter(&P, i)) {
            i++;
            continue;
        }
        tx_out best, o;
        size_t bj = 0;
        for (size_t r = 0; r < sizeof tx_rules / sizeof *tx_rules; r++) {
            if (!in_set(tx_rules[r].lo, tx_rules[r].hi, kind)) {
#ifndef NDEBUG
                tx_out_init(&o);
                size_t jx = tx_rules[r].run(&P, i, &o);
                assert(jx <= i || jx > P.n); /* the rule's gate misses a kind it starts at */
#endif
                continue;
            }
            tx_out_init(&o);
            size_t j = tx_rules[r].run(&P, i, &o);
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
        if (best.to != NODAY && best.to == best.from)
            memcpy(t->to, t->from, sizeof t->to); /* a single day: written once */
        else if (best.to != NODAY)
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
