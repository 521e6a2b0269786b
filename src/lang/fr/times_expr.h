/*
 * times_expr.h - the insides of the French temporal recognizer, shared by its modules: the
 * reading state over the lexer's atoms (tx_p), what a rule reads (tx_d, tx_clk, tx_out), the atom
 * tests every rule uses, and the functions one module offers the others.
 *
 *   times_read.c   numbers and years among the atoms
 *   times_value.c  TIMEX3 formatting, the tense of the sentence, resolution against the reference
 *   times_dates.c  dates, clock times, parts of the day, days named relative to today
 *   times_rules.c  offsets, durations, sets, clock expressions, ranges and the rest
 *   times.c        the driver: at every atom the rules that can start there, the longest match wins
 */
#ifndef RC_FR_TIMES_EXPR_H
#define RC_FR_TIMES_EXPR_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "lang/fr/times.h"
#include "lang/fr/times_int.h"
#include "util/date.h"
#include "util/fmt.h"

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

/* What tx_rd_num read at a number word, kept so that the rules that try the same atom do not read it
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
    size_t tok_hint; /* the token the morphology of the tense last looked for (times_value.c) */
} tx_memo;

/* What tense() gives for a present: the nearest occurrence (past is -1, future 1). */
#define TX_PRESENT 2

typedef struct tx_p {
    const rc_ctx *ctx; /* for the morphology of the verbs around an expression; NULL: none */
    const rc_doc *doc; /* the document whose text this is, while its stages run, else NULL */
    const rc_lexicon *age_cues; /* words before "de N ans" that make it an age (time_age_cues) */
    const rc_lexicon *hijri;    /* the first days of the Islamic months (time_hijri), or NULL */
    const tx_atom *at;
    size_t n;
    tx_memo *memo;
    const char *text;
    size_t len;
    bool has_ref;
    int64_t ref; /* day count */
    int64_t narr; /* the last single day the text named, for la veille and le lendemain */
    bool has_narr;
    rc_date refd;
} tx_p;

/* TIMEX3 codes of units, parts of the day and seasons, by the indexes the lexer gives. */
extern const char *const tx_unit_codes[10];
extern const char *const tx_part_codes[6];
extern const char *const tx_season_codes[5];

/* ---- atom tests ---------------------------------------------------------------------------- */

/* The kind of atom i, 0 past the end, so that rules need no bounds checks. */
static inline int K(const tx_p *P, size_t i)
{
    return i < P->n ? P->at[i].k : 0;
}

/* Whether atom i follows the previous one after spaces at most (the words are adjacent). */
static inline bool J(const tx_p *P, size_t i)
{
    return i < P->n && P->at[i].gap <= 1;
}

/* Whether atom i touches the previous one (9h30, 15/12). */
static inline bool T(const tx_p *P, size_t i)
{
    return i < P->n && P->at[i].gap == 0;
}

/* Whether atom i is the punctuation mark c. */
static inline bool PU(const tx_p *P, size_t i, char c)
{
    return K(P, i) == TA_PUNCT && P->at[i].v == c;
}

/* Whether atom i is kind k and adjacent to the one before: the usual test inside a rule. */
static inline bool KJ(const tx_p *P, size_t i, int k)
{
    return K(P, i) == k && J(P, i);
}

/* Whether atom i spells w (ASCII, any case). */
static inline bool is_word(const tx_p *P, size_t i, const char *w)
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

/* An empty result for a reader to fill: what it does not write is zero or empty, never stack
 * garbage. Field by field: a memset of the whole value buffer costs more than the rules it
 * prepares for. */
static inline void tx_out_init(tx_out *o)
{
    o->s = o->e = 0;
    o->j = 0;
    o->type = 0;
    o->value[0] = '\0';
    o->from = o->to = NODAY;
}

/* What every rule clears before it reads: no value, no days, and the start of its atom (the
 * other fields are set by the rule when it matches). */
static inline void tx_rule_start(tx_out *o, uint32_t start)
{
    o->from = o->to = NODAY;
    o->value[0] = '\0';
    o->s = start;
}

/* ---- what the modules offer one another ------------------------------------------------------ */

/* Reads a clock time at atom i (rd_clock_read), once per atom. */
size_t tx_rd_clock(const tx_p *P, size_t i, tx_clk *c);

/* Reads a day reference at atom i (rd_dayref_read), once per atom. */
size_t tx_rd_dayref(const tx_p *P, size_t i, tx_out *o);

/* Reads a month, season or year at atom i (m_period_read), once per atom. */
size_t tx_m_period(const tx_p *P, size_t i, tx_out *o);

/* Reads a clock time or clock range at atom i (m_clock_read), once per atom. */
size_t tx_m_clock(const tx_p *P, size_t i, tx_out *o);

/* Reads a cardinal in words at atom i (a TA_NUMW), once per atom; *j is the atom after it. */
bool tx_rd_numw(const tx_p *P, size_t i, int *val, size_t *j);
/* Reads a cardinal at atom i, in digits or in words; *j is the atom after it. Inline: the
 * rules ask it at nearly every atom they try, and most atoms are no number. */
static inline bool tx_rd_num(const tx_p *P, size_t i, int *val, size_t *j)
{
    int k = K(P, i);
    if (k == TA_NUM && P->at[i].nd <= 6) {
        *val = P->at[i].v;
        *j = i + 1;
        return true;
    }
    return k == TA_NUMW && tx_rd_numw(P, i, val, j);
}

/* Reads a day of the month (1..31, 1er, premier). */
bool tx_rd_daynum(const tx_p *P, size_t i, int *d, size_t *j);

/* The full year of a 2-digit one: 00-49 are 2000s, 50-99 the 1900s. */
int tx_year2(int v);

/* Reads a year after a month or a day: 4 digits, or 2 digits when nothing suggests a count. */
bool tx_rd_year(const tx_p *P, size_t i, bool allow2, int *y, size_t *j);

/* Appends the string a to buf[0..*n) within cap bytes, truncating as snprintf would. */
void tx_cat(char *buf, size_t cap, size_t *n, const char *a);

/* Copies s into buf of cap bytes, truncated: snprintf's "%s" without printf. */
void tx_copy_str(char *buf, size_t cap, const char *s);

/* Writes "YYYY-MM-DD" for a day count. */
void tx_fmt_day(char *buf, size_t cap, int64_t day);

/* Fills o with a single resolved day. */
void tx_set_day(tx_out *o, int64_t day);

/* The day count of y-m-d, clamping d to the month. */
int64_t tx_day_of(int y, int m, int d);

/* Resolves a read date (day level) into o. Returns false when it names no real day. */
bool tx_res_date(const tx_p *P, const tx_d *dd, size_t at, tx_out *o);

/* Narrows [from, to] of a month, season or year to its start, middle or end third. */
void tx_apply_mod(int mod, int64_t *from, int64_t *to);

/* Resolves a month with an optional year into o. */
void tx_res_month(const tx_p *P, const tx_d *dd, size_t at, tx_out *o);

/* The first and last day of a season of year y (astronomical, northern hemisphere). */
void tx_season_days(int y, int s, int64_t *from, int64_t *to);

/* Reads a date at day level: [le] [weekday [,]] day [de] month [[de] year] [cue], month day
 * [de] year, numeric forms (15/12/2016, 15.12.16, 2016-12-15, 23/Sep/2020, 02 04 2009), and the
 * day alone after le (le 23). */
size_t tx_rd_date(const tx_p *P, size_t i, tx_d *dd);

/* Reads a clock time: 9h30, 20 heures, 20heures, 19:56:30, midi, 4pm, sept heures moins dix,
 * with du matin / de l'après-midi / du soir. */
size_t tx_rd_clock_read(const tx_p *P, size_t i, tx_clk *c);

/* Writes "THH:MM[:SS]" after prefix (a date value or ""). */
void tx_fmt_clock(char *buf, size_t cap, const char *prefix, const tx_clk *c);

/* Whether the atom before i makes a following "N heures" a clock time (à, vers, dès ...). */
bool tx_clock_cue(const tx_p *P, size_t i);

/* Reads something that names one day: a date, a weekday, hier, demain, la veille, aujourd'hui.
 * Fills o with the day (type date); returns the atom after it, 0 when there is none. */
size_t tx_rd_dayref_read(const tx_p *P, size_t i, tx_out *o);

/* A date or day reference with an optional part of the day or clock time after it (mardi
 * matin, hier soir, demain à 8h, jeudi 15 décembre à 9h30), or a clock time before it (9h le
 * mardi). */
size_t tx_m_datetime(const tx_p *P, size_t i, tx_out *o);

/* A month, season or year, with modifiers and cues: fin juillet 2016, mi-septembre, début
 * décembre, en décembre dernier, cette décembre, l'été 2012, fin 2016, 2016, les années 1990. */
size_t tx_m_period_read(const tx_p *P, size_t i, tx_out *o);

/* Relative offsets: il y a trois jours, dans deux semaines, la semaine dernière, le mois
 * prochain, l'an dernier, cette année, ces derniers jours, les 24 dernières heures. */
size_t tx_m_relative(const tx_p *P, size_t i, tx_out *o);

/* Durations: 24 heures, cinq ans, depuis trois semaines, toute la journée, quelques jours,
 * 10 siècles. N heures after à or vers is a clock time, not a duration. */
size_t tx_m_duration(const tx_p *P, size_t i, tx_out *o);

/* Sets: chaque jour, tous les jours, toutes les trois semaines, chaque lundi, hebdomadaire, and
 * a clock time before them (16 heures chaque lundi). */
size_t tx_m_set(const tx_p *P, size_t i, tx_out *o);

/* Clock times alone and time ranges: 9h30, vers 20heures, midi, de 14h à 16h, entre 17 et 18,
 * 16-17 heures, 5 a 6pm. */
size_t tx_m_clock_read(const tx_p *P, size_t i, tx_out *o);

/* Date ranges and spans: du 12 au 15 décembre, entre le 3 et le 12, de 2010 à 2018,
 * 10/1-11/2/2017, depuis le 15 novembre (from that day to the reference), avant 2000, dans la
 * nuit de lundi à mardi. */
size_t tx_m_range(const tx_p *P, size_t i, tx_out *o);

/* The tense around atom i: -1 past, 1 future, TX_PRESENT, 0 unknown (times_value.c). */
int tx_tense(const tx_p *P, size_t i);

/* Whether the date that starts at atom i0 is a deadline (jusqu'au, avant le): the nearest such
 * day, whatever the tense of the announcement (times_value.c). */
bool tx_deadline(const tx_p *P, size_t i0);

/* Periods and holidays named by a noun (times_named.c): parts of a year (le premier trimestre
 * 2016: 2016-Q1; le second semestre: H2), quantities of them (deux trimestres: P6M), fractions
 * of a unit (un quart de siècle: P25Y; un demi-siècle: P50Y) and holidays that move (Pâques,
 * la Pentecôte, l'Aïd el-Kebir, le ramadan, le Nouvel An). */
size_t tx_m_named(const tx_p *P, size_t i, tx_out *o);

/* Single words and fixed phrases: maintenant (PRESENT_REF), la journée, ce matin, ce soir,
 * le matin, dans la soirée, Noël, le plus tôt possible. */
size_t tx_m_misc(const tx_p *P, size_t i, tx_out *o);

#endif
