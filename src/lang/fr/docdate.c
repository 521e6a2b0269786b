/*
 * docdate.c - the creation date of a document found in its own text, for pages whose metadata
 * gives none. A wrong date is worse than none, so only evidence that names the day of writing
 * counts: a dateline (ALEP, 13 décembre (AFP) -) or a day marked as the present (ce jeudi 15
 * décembre). Everything else bounds it: explicit full dates in the text, dated source lines and
 * Unix timestamps left in the page furniture are all on or before the day of writing. The year of
 * a date written without one is the first after the years the text mentions that fits its
 * weekday or its bounds. Two candidates that disagree, or a candidate before a bound, give none.
 *
 * The evidence is the time recognizer's first pass over the text, with no reference date
 * (rc_fr_times_pass); the pipeline keeps that pass and reads the text's times from it afterwards.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lang/fr/times.h"
#include "lang/fr/times_int.h"

#define NODAY INT64_MIN

typedef struct dd_evidence {
    int64_t lower;     /* the latest day the text shows as past: the document is not older */
    int maxyear;       /* the latest year mentioned */
    int64_t candidate; /* the day of writing, NODAY when none */
    bool conflict;
} dd_evidence;

/* Reads "YYYY-MM-DD" at the start of s into a day count, NODAY when it is not one. */
static int64_t parse_day(const char *s)
{
    rc_date d;
    char buf[11];
    if (!s || strlen(s) < 10)
        return NODAY;
    memcpy(buf, s, 10);
    buf[10] = '\0';
    if (rc_date_parse(buf, &d) != RC_OK)
        return NODAY;
    return rc_date_days(d.y, d.m, d.d);
}

/* Records a candidate day of writing; a second one that differs is a conflict. */
static void propose(dd_evidence *ev, int64_t day)
{
    if (ev->candidate == NODAY)
        ev->candidate = day;
    else if (ev->candidate != day)
        ev->conflict = true;
}

/* Whether the words just before byte off mark the present: "ce", "cet", "aujourd'hui". */
static bool present_marked(const char *text, uint32_t off)
{
    size_t e = off;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    size_t s = e;
    while (s > 0 && text[s - 1] != ' ' && text[s - 1] != '\n' && text[s - 1] != ',' &&
           text[s - 1] != '(')
        s--;
    size_t n = e - s;
    const char *w = text + s;
    return (n == 2 && strncasecmp(w, "ce", 2) == 0) || (n == 3 && strncasecmp(w, "cet", 3) == 0) ||
           (n == 11 && strncasecmp(w, "aujourd'hui", 11) == 0) ||
           (n == 13 && strncasecmp(w, "aujourd\xe2\x80\x99hui", 13) == 0);
}

/* Whether the text after byte off, on the same line, names a news agency in brackets:
 * "(AFP)", "(Reuters)". The agencies come from data/fr/dateline_agencies.txt. */
static bool agency_after(const rc_lang *fr, const char *text, size_t len, uint32_t off)
{
    size_t p = off;
    while (p < len && (text[p] == ' ' || text[p] == ','))
        p++;
    if (p >= len || text[p] != '(')
        return false;
    const char *close = memchr(text + p, ')', len - p < 40 ? len - p : 40);
    if (!close)
        return false;
    const rc_lexicon *ag = rc_lang_lex(fr, "dateline_agencies");
    size_t n = (size_t)(close - text - p - 1);
    return n > 0 && ag && rc_lex_get(ag, text + p + 1, n);
}

/* The phrase of docdate_cues.txt among the last one to four words on the line before byte off:
 * its value ("" for the day a text was put out, publié le; "update" for a later change, mis à
 * jour le), or NULL when there is none. */
static const char *published_before(const rc_lang *fr, const char *text, uint32_t off)
{
    const rc_lexicon *cues = rc_lang_lex(fr, "docdate_cues");
    if (!cues)
        return NULL;
    size_t e = off;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    size_t s = e;
    for (int words = 0; words < 4 && s > 0 && text[s - 1] != '\n'; words++) {
        while (s > 0 && text[s - 1] != ' ' && text[s - 1] != '\n')
            s--;
        const char *v = rc_lex_get(cues, text + s, e - s);
        if (v)
            return v;
        while (s > 0 && text[s - 1] == ' ')
            s--;
    }
    return NULL;
}

/* Whether the date [start, end) is a byline's, near the top of the text and ending its line:
 * after a separator (Dormel Libre - le blog - 11 septembre 2025) or after a place and "le"
 * (Genève, le 12 septembre 2025), as press releases and blogs sign the day they write. */
static bool byline_date(const char *text, size_t len, uint32_t start, uint32_t end)
{
    if (start > 600)
        return false;
    size_t p = end;
    while (p < len && (text[p] == ' ' || text[p] == '.'))
        p++;
    if (p < len && text[p] != '\n')
        return false; /* the date does not end its line */
    if (start >= 3 && text[start - 1] == ' ' &&
        ((text[start - 2] == '-' || text[start - 2] == '|') && text[start - 3] == ' '))
        return true;
    if (start >= 5 && strncmp(text + start - 4, "\xe2\x80\x93 ", 4) == 0 && text[start - 5] == ' ')
        return true; /* an en dash */
    if (start >= 6 && strncmp(text + start - 5, ", le ", 5) == 0) {
        size_t w = start - 5; /* the place before the comma starts with a capital */
        while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n')
            w--;
        return (unsigned char)text[w] >= 0xC3 || (text[w] >= 'A' && text[w] <= 'Z');
    }
    return false;
}

/* The year to give a day and month written without one: the first from the latest year the text
 * mentions whose date is not before the lower bound and, with a weekday, falls on it. 0 when
 * none fits within six years, or when two do (the weekday then does not decide). */
static int year_for(const dd_evidence *ev, int m, int d, int wd)
{
    if (!ev->maxyear)
        return 0;
    int found = 0;
    for (int y = ev->maxyear; y <= ev->maxyear + 6; y++) {
        if (!rc_date_valid(y, m, d))
            continue;
        if (ev->lower != NODAY && rc_date_days(y, m, d) < ev->lower)
            continue;
        if (wd && rc_date_weekday(y, m, d) != wd)
            continue;
        if (!wd)
            return y;
        if (found)
            return 0;
        found = y;
    }
    return found;
}

/* Reads the weekday a time expression starts with, 0 when it does not start with one. */
static int leading_wday(const rc_lang *fr, const char *text, const rc_time *t)
{
    const rc_lexicon *lex = rc_lang_lex(fr, "times");
    size_t e = t->start;
    while (e < t->end && text[e] != ' ' && text[e] != ',')
        e++;
    const char *v = rc_lex_get(lex, text + t->start, e - t->start);
    if (v && strncmp(v, "wday ", 5) == 0)
        return atoi(v + 5);
    return 0;
}

/* Unix timestamps (10 digits, 2001-09 to 2033-05) in the lines the cleaner dropped. */
static void timestamps(const rc_doc *doc, dd_evidence *ev)
{
    for (size_t i = 0; i < doc->nnoise; i++) {
        const char *s = doc->raw + doc->noise[i].start;
        size_t n = doc->noise[i].end - doc->noise[i].start;
        for (size_t k = 0; k < n;) {
            if (s[k] < '0' || s[k] > '9') {
                k++;
                continue;
            }
            size_t b = k;
            while (k < n && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k - b != 10 || s[b] != '1')
                continue;
            int64_t secs = strtoll(s + b, NULL, 10);
            int64_t day = secs / 86400;
            if (ev->lower == NODAY || day > ev->lower)
                ev->lower = day;
        }
    }
}

int rc_fr_docdate(const rc_lang *fr, const rc_doc *doc, char *date_out)
{
    date_out[0] = '\0';
    if (!fr || !doc || !doc->text)
        return 0;
    rc_arena a;
    rc_arena_init(&a);
    rc_fr_times_first first;
    int found = 0;
    if (rc_fr_times_pass(fr, doc->text, doc->len, &a, &first) == RC_OK)
        found = rc_fr_docdate_from(fr, doc, &first, date_out);
    rc_arena_free(&a);
    return found;
}

int rc_fr_docdate_from(const rc_lang *fr, const rc_doc *doc, const rc_fr_times_first *first,
                       char *date_out)
{
    date_out[0] = '\0';
    if (!fr || !doc || !doc->text || !first)
        return 0;
    const rc_time *t = first->times;
    size_t n = first->ntimes;
    dd_evidence ev = {NODAY, 0, NODAY, false};
    /* bounds: explicit full dates and years */
    for (size_t i = 0; i < n; i++) {
        const char *v = t[i].value;
        if (!v || v[0] < '0' || v[0] > '9')
            continue;
        int y = atoi(v);
        if (y > ev.maxyear && y <= 2100)
            ev.maxyear = y;
        int64_t day = parse_day(v);
        const char *cue = day != NODAY ? published_before(fr, doc->text, t[i].start) : NULL;
        if (cue && strcmp(cue, "update") == 0)
            continue; /* mis à jour le 13 mars: after the writing, no bound on it */
        if (day != NODAY && (ev.lower == NODAY || day > ev.lower) && t[i].type != RC_TIME_RANGE)
            ev.lower = day;
    }
    timestamps(doc, &ev);
    if (ev.lower != NODAY) {
        int y, m, d;
        rc_date_from_days(ev.lower, &y, &m, &d);
        if (y > ev.maxyear)
            ev.maxyear = y;
    }
    /* candidates: datelines, days marked as the present, publication lines and bylines */
    for (size_t i = 0; i < n; i++) {
        const char *v = t[i].value;
        if (!v)
            continue;
        if ((t[i].type == RC_TIME_DATE || t[i].type == RC_TIME_DATETIME) &&
            parse_day(v) != NODAY) {
            const char *pub = published_before(fr, doc->text, t[i].start);
            if (pub ? strcmp(pub, "update") != 0
                    : byline_date(doc->text, doc->len, t[i].start, t[i].end)) {
                propose(&ev, parse_day(v)); /* publié le 11 septembre 2025; a byline's date */
                continue;
            }
        }
        if (t[i].type != RC_TIME_DATE)
            continue;
        bool dateline = agency_after(fr, doc->text, doc->len, t[i].end);
        int wd = leading_wday(fr, doc->text, &t[i]);
        bool present = wd && present_marked(doc->text, t[i].start);
        if (!dateline && !present)
            continue;
        int64_t day = parse_day(v);
        if (day == NODAY && strncmp(v, "XXXX-", 5) == 0 && strlen(v) == 10) {
            int m = atoi(v + 5), d = atoi(v + 8);
            int y = year_for(&ev, m, d, wd);
            if (y && rc_date_valid(y, m, d))
                day = rc_date_days(y, m, d);
        }
        if (day == NODAY) {
            ev.conflict = true; /* present-marked, yet no year fits: do not guess */
            continue;
        }
        if (wd) {
            int y, m, d;
            rc_date_from_days(day, &y, &m, &d);
            if (rc_date_weekday(y, m, d) != wd) {
                ev.conflict = true;
                continue;
            }
        }
        propose(&ev, day);
    }
    if (ev.candidate == NODAY || ev.conflict)
        return 0;
    if (ev.lower != NODAY && ev.candidate < ev.lower)
        return 0; /* the text shows a later day as past */
    int y, m, d;
    rc_date_from_days(ev.candidate, &y, &m, &d);
    if (!rc_date_valid(y, m, d))
        return 0;
    rc_date dt = {y, m, d, 0, 0, 0, false};
    char buf[20];
    rc_date_format(&dt, buf);
    memcpy(date_out, buf, 11);
    return 1;
}

/* The byte where the last list of sources of text[0..len) begins: a line that starts with a
 * heading of data/fr/source_list_heads.txt and a colon (Sources :). len when there is none. */
static size_t source_list_start(const rc_lang *fr, const char *text, size_t len)
{
    const rc_lexicon *heads = rc_lang_lex(fr, "source_list_heads");
    size_t found = len;
    if (!heads)
        return len;
    for (size_t p = 0; p < len;) {
        const char *nl = memchr(text + p, '\n', len - p);
        size_t e = nl ? (size_t)(nl - text) : len;
        const char *colon = memchr(text + p, ':', e - p < 40 ? e - p : 40);
        if (colon) {
            size_t k = (size_t)(colon - text);
            while (k > p && (text[k - 1] == ' ' ||
                             (k >= p + 2 && (unsigned char)text[k - 2] == 0xc2 &&
                              (unsigned char)text[k - 1] == 0xa0)))
                k -= text[k - 1] == ' ' ? 1 : 2;
            if (k > p && rc_lex_get(heads, text + p, k - p))
                found = p;
        }
        p = e + 1;
    }
    return found;
}

int rc_fr_docdate_sources(const rc_lang *fr, const rc_doc *doc, const rc_fr_times_first *first,
                          char *date_out)
{
    date_out[0] = '\0';
    if (!fr || !doc || !doc->text || !first)
        return 0;
    size_t list = source_list_start(fr, doc->text, doc->len);
    if (list == doc->len)
        return 0;
    dd_evidence ev = {NODAY, 0, NODAY, false};
    int64_t latest = NODAY;
    for (size_t i = 0; i < first->ntimes; i++) {
        const rc_time *t = &first->times[i];
        int64_t day = parse_day(t->value);
        if (day == NODAY || t->type == RC_TIME_RANGE)
            continue;
        if (t->start < list)
            return 0; /* the text names another day: not the list's to decide */
        if (latest == NODAY || day > latest)
            latest = day;
    }
    timestamps(doc, &ev);
    if (latest == NODAY || (ev.lower != NODAY && ev.lower > latest))
        return 0;
    int y, m, d;
    rc_date_from_days(latest, &y, &m, &d);
    rc_date dt = {y, m, d, 0, 0, 0, false};
    char buf[20];
    rc_date_format(&dt, buf);
    memcpy(date_out, buf, 11);
    return 1;
}

