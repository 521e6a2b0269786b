/*
 * timeml.c - ISO-TimeML's cut of the time expressions rc_fr_times finds. The recognizer keeps
 * what a claim needs (depuis le 3 mars is one range from the 3rd to today); TimeML cuts
 * differently, and this module moves the edges instead of recognising again:
 *   - a leading preposition leaves the TIMEX3 (depuis, dès, à partir du, entre, vers), and one
 *     that says "about" gives it a mod (vers 20 heures: APPROX);
 *   - a determiner just before it comes in (le 30 juin, l'automne), and so does a modifier, which
 *     gives its mod (environ une heure: APPROX; plus de vingt ans: MORE_THAN; fin juillet: END);
 *   - a range is two TIMEX3s (du 19 au 23 juillet; entre 1990 et 1999);
 *   - a date and its clock time joined by à or vers are two (samedi 5 juin à 17 h).
 * The words and their roles are data/fr/timeml.tsv. Each part of a range is valued by the
 * recognizer on its own text when it reads it whole (1990), else from the range's ends (19).
 */
#include "lang/fr/timeml.h"

#include <stdbool.h>
#include <string.h>

#include "lang/fr/times.h"

#define TIMEML_MAXWORDS 4 /* longest phrase of timeml.tsv, in words */

typedef struct timeml_word {
    uint32_t s, e;
} timeml_word;

/* Whether byte c separates words (ASCII space or line break). */
static bool timeml_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* The end of the word that starts at s (not past e): a run of non-space bytes, cut after an
 * apostrophe (l'automne is "l'" then "automne") and around a lone hyphen. */
static uint32_t timeml_word_end(const char *text, uint32_t s, uint32_t e)
{
    if (text[s] == '-')
        return s + 1;
    uint32_t k = s;
    while (k < e && !timeml_space(text[k])) {
        if (text[k] == '\'')
            return k + 1;
        if ((unsigned char)text[k] == 0xe2 && k + 2 < e && (unsigned char)text[k + 1] == 0x80 &&
            (unsigned char)text[k + 2] == 0x99) /* ’ */
            return k + 3;
        k++;
    }
    return k;
}

/* Splits text[s..e) into at most max words; returns their count. */
static size_t timeml_words(const char *text, uint32_t s, uint32_t e, timeml_word *w, size_t max)
{
    size_t n = 0;
    while (s < e && n < max) {
        while (s < e && timeml_space(text[s]))
            s++;
        if (s >= e)
            break;
        uint32_t we = timeml_word_end(text, s, e);
        w[n++] = (timeml_word){s, we};
        s = we;
    }
    return n;
}

/* The role ("prep", "prep APPROX", "mod END", "det", "sep", "at") of the longest phrase of
 * timeml.tsv among words w[0..n) read forwards, with its word count in *k; NULL when none. */
static const char *timeml_phrase(const rc_lexicon *lex, const char *text, const timeml_word *w,
                                 size_t n, size_t *k)
{
    for (size_t m = n < TIMEML_MAXWORDS ? n : TIMEML_MAXWORDS; m > 0; m--) {
        const char *role = rc_lex_get(lex, text + w[0].s, w[m - 1].e - w[0].s);
        if (role) {
            *k = m;
            return role;
        }
    }
    return NULL;
}

/* Whether role (a timeml.tsv value) starts with kind, followed by the end or a space. */
static bool timeml_is(const char *role, const char *kind)
{
    size_t n = strlen(kind);
    return role && strncmp(role, kind, n) == 0 && (role[n] == '\0' || role[n] == ' ');
}

/* The mod a role carries ("prep APPROX" -> "APPROX"), or NULL. */
static const char *timeml_mod(const char *role)
{
    const char *sp = role ? strchr(role, ' ') : NULL;
    return sp && sp[1] ? sp + 1 : NULL;
}

/* The words just before s, at most TIMEML_MAXWORDS, in text order, from the start of the line;
 * returns their count. */
static size_t timeml_before(const char *text, uint32_t s, timeml_word *w)
{
    uint32_t b = s;
    size_t spaces = 0;
    while (b > 0 && text[b - 1] != '\n' && spaces < 12) {
        b--;
        spaces += text[b] == ' ';
    }
    timeml_word all[16];
    size_t n = timeml_words(text, b, s, all, 16);
    size_t first = n > TIMEML_MAXWORDS ? n - TIMEML_MAXWORDS : 0;
    if (n && first == 0 && b > 0 && text[b - 1] != '\n' && n >= TIMEML_MAXWORDS)
        first = 1; /* the first word may be cut */
    memcpy(w, all + first, (n - first) * sizeof *w);
    return n - first;
}

/* The role of the longest phrase of timeml.tsv ending just before s, with its start in *ps. */
static const char *timeml_phrase_before(const rc_lexicon *lex, const char *text, uint32_t s,
                                        uint32_t *ps)
{
    timeml_word w[TIMEML_MAXWORDS];
    size_t n = timeml_before(text, s, w);
    if (n == 0 || w[n - 1].e + 1 < s || (w[n - 1].e < s && !timeml_space(text[w[n - 1].e])))
        return NULL; /* the phrase must touch the expression, or stand one space before it */
    for (size_t m = n; m > 0; m--) {
        const char *role = rc_lex_get(lex, text + w[n - m].s, w[n - 1].e - w[n - m].s);
        if (role) {
            *ps = w[n - m].s;
            return role;
        }
    }
    return NULL;
}

/* The TIMEX3 type of a contract type, or of a value when the type is a range's part. */
static uint8_t timeml_ttype(int type, const char *value)
{
    switch (type) {
    case RC_TIME_DURATION:
        return RC_TIMEX_DURATION;
    case RC_TIME_SET:
        return RC_TIMEX_SET;
    case RC_TIME_TIME:
    case RC_TIME_DATETIME:
        return RC_TIMEX_TIME;
    case RC_TIME_DATE:
        return RC_TIMEX_DATE;
    default:
        return value && strchr(value, 'T') ? RC_TIMEX_TIME : RC_TIMEX_DATE;
    }
}

const char *rc_timex_type_name(int ttype)
{
    static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
    return ttype >= 0 && ttype < 4 ? names[ttype] : "DATE";
}

/* Trims spaces and trailing commas and semicolons off text[*s..*e). */
static void timeml_trim(const char *text, uint32_t *s, uint32_t *e)
{
    while (*s < *e && timeml_space(text[*s]))
        (*s)++;
    while (*e > *s && (timeml_space(text[*e - 1]) || text[*e - 1] == ',' || text[*e - 1] == ';'))
        (*e)--;
}

typedef struct timeml_out {
    const char *text;
    rc_arena *a;
    rc_timex *v;
    size_t n, cap;
} timeml_out;

/* Appends a TIMEX3 over text[s..e) with the given fields; value is copied. */
/* The one ISO 8601 date that covers a range of days written as one expression (a named period
 * such as the ramadan, "2016-06-06/2016-07-05"): their month when they share one, the month of
 * the middle day for a period of up to two months, else their year when they share one. cover gets at most 7 characters; false when value is
 * no range of days. */
static bool timeml_cover(const char *value, char cover[8])
{
    const char *slash = value ? strchr(value, '/') : NULL;
    rc_date a, b;
    if (!slash || slash - value != 10 || strlen(slash + 1) != 10)
        return false;
    char first[11];
    memcpy(first, value, 10);
    first[10] = '\0';
    if (rc_date_parse(first, &a) != RC_OK || rc_date_parse(slash + 1, &b) != RC_OK)
        return false;
    int64_t da = rc_date_days(a.y, a.m, a.d), db = rc_date_days(b.y, b.m, b.d);
    size_t n = memcmp(value, slash + 1, 7) == 0                      ? 7
               : db - da > 62 && memcmp(value, slash + 1, 4) == 0 ? 4
                                                                   : 0;
    if (n) {
        memcpy(cover, value, n);
        cover[n] = '\0';
        return true;
    }
    int64_t mid = (da + db) / 2;
    int y, m, d;
    rc_date_from_days(mid, &y, &m, &d);
    if (y < 0 || y > 9999)
        return false;
    cover[0] = (char)('0' + y / 1000);
    cover[1] = (char)('0' + y / 100 % 10);
    cover[2] = (char)('0' + y / 10 % 10);
    cover[3] = (char)('0' + y % 10);
    cover[4] = '-';
    cover[5] = (char)('0' + m / 10);
    cover[6] = (char)('0' + m % 10);
    cover[7] = '\0';
    return true;
}

static int timeml_push(timeml_out *o, uint32_t s, uint32_t e, int type, const char *value,
                       size_t vlen, const char *mod, const char *from, const char *to)
{
    timeml_trim(o->text, &s, &e);
    if (s >= e)
        return RC_OK;
    int status = rc_arena_grow(o->a, (void **)&o->v, &o->cap, o->n + 1, sizeof *o->v);
    if (status)
        return status;
    rc_timex *x = &o->v[o->n++];
    memset(x, 0, sizeof *x);
    x->start = s;
    x->end = e;
    x->type = (uint8_t)(type == RC_TIME_RANGE ? (value && strchr(value, 'T') && value[0] == 'T'
                                                     ? RC_TIME_TIME
                                                     : RC_TIME_DATE)
                                              : type);
    x->value = value ? rc_arena_strndup(o->a, value, vlen) : NULL;
    if (value && !x->value)
        return RC_ENOMEM;
    x->ttype = timeml_ttype(type, x->value);
    x->mod = mod;
    if (from)
        memcpy(x->from, from, sizeof x->from);
    if (to)
        memcpy(x->to, to, sizeof x->to);
    return RC_OK;
}

/* Values one end of a range over text[s..e): the recognizer's value when it reads that text as
 * one expression that covers the same end day, else fallback (the range's end, as "YYYY-MM-DD"
 * or a clock value). day is that end ("" when unknown); last says it is the range's last end. */
static int timeml_part(const rc_lang *fr, timeml_out *o, const char *text, uint32_t s, uint32_t e,
                       const rc_date *ref, const char *fallback, size_t flen, const char *day,
                       bool last, const char *mod)
{
    timeml_trim(text, &s, &e);
    rc_time *t;
    size_t n;
    int status = rc_fr_times(fr, text + s, e - s, ref, o->a, &t, &n);
    if (status == RC_ENOMEM)
        return status;
    if (status == RC_OK && n == 1 && t[0].value && t[0].end - t[0].start + 4 >= e - s &&
        t[0].type != RC_TIME_DURATION && t[0].type != RC_TIME_SET && /* an end is a point */
        (!day || !day[0] || strcmp(last ? t[0].to : t[0].from, day) == 0)) /* and the range's */
        return timeml_push(o, s, e, t[0].type, t[0].value, strlen(t[0].value), mod,
                           t[0].from, t[0].to);
    return timeml_push(o, s, e, RC_TIME_RANGE, fallback, flen, mod, day, day);
}

/* Cuts one expression t into o. */
static int timeml_one(const rc_lang *fr, const rc_lexicon *lex, timeml_out *o, const char *text,
                      const rc_time *t, const rc_date *ref)
{
    uint32_t s = t->start, e = t->end;
    const char *mod = NULL;
    bool stripped = false;
    timeml_word w[8];
    /* leading prepositions leave; a modifier stays and gives its mod */
    for (int round = 0; round < 3; round++) {
        size_t n = timeml_words(text, s, e, w, 8), k = 0;
        const char *role = n > 1 ? timeml_phrase(lex, text, w, n - 1, &k) : NULL;
        if (timeml_is(role, "prep")) {
            mod = timeml_mod(role) ? timeml_mod(role) : mod;
            s = w[k].s;
            stripped = true;
            continue;
        }
        if (timeml_is(role, "mod"))
            mod = timeml_mod(role);
        if (timeml_is(role, "det") && k + 1 < n) { /* la fin des années 80: the det's noun */
            size_t k2 = 0;
            const char *r2 = timeml_phrase(lex, text, w + k, n - 1 - k, &k2);
            if (timeml_is(r2, "mod"))
                mod = timeml_mod(r2);
        }
        break;
    }
    if (!mod && e - s > 3 && strncmp(text + s, "mi-", 3) == 0)
        mod = "MID";
    /* what stands just before: a determiner or a modifier comes in, a preposition gives its mod */
    uint32_t ps;
    const char *role = timeml_phrase_before(lex, text, s, &ps);
    bool generic = t->value && strstr(t->value, "_REF"); /* l'actuel président: the det is the noun's */
    if (!stripped && !generic && timeml_is(role, "det")) {
        s = ps;
        role = timeml_phrase_before(lex, text, s, &ps);
    }
    if (!stripped && timeml_is(role, "mod")) {
        mod = timeml_mod(role);
        s = ps;
    } else if (!stripped && timeml_is(role, "prep") && timeml_mod(role)) {
        mod = timeml_mod(role);
    }
    const char *value = t->value;
    size_t vlen = value ? strlen(value) : 0;
    if (t->type == RC_TIME_RANGE) {
        /* two ends joined by a separator: each its own TIMEX3 */
        size_t n = timeml_words(text, s, e, w, 8), k = 0;
        for (size_t i = 1; i + 1 < n; i++) {
            const char *r = timeml_phrase(lex, text, w + i, 1, &k);
            if (!timeml_is(r, "sep") && !timeml_is(r, "at"))
                continue;
            const char *slash = value ? strchr(value, '/') : NULL;
            const char *va = value, *vb = slash ? slash + 1 : value;
            size_t la = slash ? (size_t)(slash - value) : vlen, lb = value ? strlen(vb) : 0;
            int status = timeml_part(fr, o, text, s, w[i].s, ref, va, la, t->from, false, NULL);
            if (!status)
                status = timeml_part(fr, o, text, w[i].e, e, ref, vb, lb, t->to, true, NULL);
            return status;
        }
    }
    if (t->type == RC_TIME_DATETIME && value) {
        /* a date and its clock time, joined by à or vers */
        const char *tpos = strchr(value, 'T');
        size_t n = timeml_words(text, s, e, w, 8), k = 0;
        if (tpos && tpos[1] >= '0' && tpos[1] <= '9') {
            for (size_t i = 1; i + 1 < n; i++) {
                const char *r = timeml_phrase(lex, text, w + i, 1, &k);
                const char *m2 = timeml_is(r, "prep") ? timeml_mod(r) : NULL;
                if (!timeml_is(r, "at") && !m2)
                    continue;
                int status = timeml_push(o, s, w[i - 1].e, RC_TIME_DATE, value,
                                         (size_t)(tpos - value), mod, t->from, t->to);
                if (!status)
                    status = timeml_push(o, w[i + 1].s, e, RC_TIME_TIME, value, vlen, m2, t->from,
                                         t->to);
                return status;
            }
        }
    }
    int type = t->type == RC_TIME_RANGE ? RC_TIME_DATE : t->type;
    if (t->type == RC_TIME_RANGE && value && value[0] == 'T')
        type = RC_TIME_TIME;
    char cover[8];
    if (type == RC_TIME_DATE && timeml_cover(value, cover)) {
        value = cover; /* le ramadan: one TIMEX3, whose DATE value must be one ISO date */
        vlen = strlen(cover);
    }
    return timeml_push(o, s, e, type, value, vlen, mod, t->from, t->to);
}

int rc_fr_timeml(const rc_lang *fr, const char *text, size_t len, const rc_time *t, size_t n,
                 const rc_date *ref, rc_arena *a, rc_timex **out, size_t *nout)
{
    (void)len;
    *out = NULL;
    *nout = 0;
    const rc_lexicon *lex = rc_lang_lex(fr, "timeml");
    timeml_out o = {text, a, NULL, 0, 0};
    for (size_t i = 0; i < n; i++) {
        int status = timeml_one(fr, lex, &o, text, &t[i], ref);
        if (status)
            return status;
    }
    *out = o.v;
    *nout = o.n;
    return RC_OK;
}
