/*
 * times_value.c - what a recognised expression is worth: TIMEX3 values written without printf,
 * the tense of the sentence around an expression (which way an underspecified date points), and
 * the resolution of dates, months and seasons against the reference day.
 */
#include <math.h>
#include <stdint.h>
#include <strings.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "lang/fr/morph.h"
#include "lang/fr/numbers.h"
#include "core/words.h"
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

/* Writes "YYYY-MM-DD" for a day count. Every reading of a date is written so, and the winning
 * one again into the result: a text names the same few days over and over, so this thread keeps
 * the last days written (a cache by day, never an answer of its own). */
void tx_fmt_day(char *buf, size_t cap, int64_t day)
{
    static _Thread_local struct {
        int64_t day;
        char ymd[11]; /* "" when the slot is empty */
    } seen[16];
    size_t slot = (size_t)((uint64_t)day % 16u);
    char *tmp = seen[slot].ymd;
    if (!tmp[0] || seen[slot].day != day) {
        int y, m, d;
        rc_date_from_days(day, &y, &m, &d);
        rc_fmt_ymd(tmp, y, m, d);
        seen[slot].day = day;
    }
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

/* ---- tense from the morphology --------------------------------------------------------------- */

#define TX_MWORDS 40   /* words of the sentence read around an expression, at most */
#define TX_MREACH 160  /* bytes read on each side of it, at most */

/* The classes of a byte for the morphology's scan: 1 a byte of a word (m_letter), 2 the end of a
 * sentence (. ! ? and the end of a line). */
static const uint8_t m_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, /* 00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 10 */
    0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, /* 20 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, /* 30 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 50 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 80 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 90 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* a0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* b0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* c0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* d0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* e0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* f0 */
};

/* Whether byte c belongs to a word (letters, UTF-8 bytes, inner hyphen). */
static inline bool m_letter(unsigned char c)
{
    return m_class[c] & 1;
}

/* The length of a separator written in UTF-8 at text[k] (’ « » and the no-break spaces), which
 * m_letter would take for letters; 0 when there is none. */
static uint32_t m_sep(const char *text, uint32_t k, uint32_t hi)
{
    const unsigned char *u = (const unsigned char *)text + k;
    if (u[0] == 0xc2 && k + 1 < hi && (u[1] == 0xa0 || u[1] == 0xab || u[1] == 0xbb))
        return 2;
    if (u[0] == 0xe2 && k + 2 < hi && u[1] == 0x80 && (u[2] == 0x99 || u[2] == 0xaf))
        return 3;
    return 0;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The bits of the bytes of the sixteen at t that end a sentence for the scan (m_class 2). */
static inline unsigned m_ends16(const char *t)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)t);
    __m128i e = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))));
    return (unsigned)_mm_movemask_epi8(e);
}
#endif

/* The first k of [from, hi) where text[k] ends a sentence (m_class 2), or hi: sixteen bytes at
 * a time where SSE2 is there, as the scan reads up to TX_MREACH bytes for every date. */
static uint32_t m_end_after(const char *text, uint32_t from, uint32_t hi)
{
    uint32_t k = from;
#if defined(__SSE2__) && defined(__GNUC__)
    for (; k + 16 <= hi; k += 16) {
        unsigned m = m_ends16(text + k);
        if (m)
            return k + (uint32_t)__builtin_ctz(m);
    }
#endif
    for (; k < hi; k++)
        if (m_class[(unsigned char)text[k]] & 2)
            return k;
    return hi;
}

/* One past the last k of [lo, to) where text[k] ends a sentence, or lo when none does. */
static uint32_t m_end_before(const char *text, uint32_t lo, uint32_t to)
{
    uint32_t k = to;
#if defined(__SSE2__) && defined(__GNUC__)
    for (; k >= lo + 16; k -= 16) {
        unsigned m = m_ends16(text + k - 16);
        if (m)
            return k - 16 + (uint32_t)(31 - __builtin_clz(m)) + 1;
    }
#endif
    for (; k > lo; k--)
        if (m_class[(unsigned char)text[k - 1]] & 2)
            return k;
    return lo;
}

/* The number of ASCII letters (A-Z, a-z) that start the eight bytes w (first byte lowest). */
static inline unsigned m_ascii_letters8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
    uint64_t low = (w | ones * 0x20) & ones * 0x7f; /* no carry out of a byte below */
    uint64_t letter = (low + ones * (0x80 - 'a')) & ~(low + ones * (0x80 - 'z' - 1)) & ~w & high;
    uint64_t stop = ~letter & high;
#if defined(__GNUC__)
    return stop ? (unsigned)__builtin_ctzll(stop) / 8 : 8;
#else
    unsigned n = 0;
    while (n < 8 && !(stop >> (8 * n + 7) & 1))
        n++;
    return n;
#endif
}

/* Whether text[s..e) is a subject pronoun, after which a verb form is read as one even when the
 * dictionary also knows it as a noun (il attaque, nous avions). */
static bool m_subject(const char *text, uint32_t s, uint32_t e)
{
#define SUBJ(w) {w, sizeof w - 1}
    static const struct {
        const char *w;
        size_t n;
    } subj[] = {SUBJ("il"), SUBJ("elle"), SUBJ("on"),   SUBJ("ils"),  SUBJ("elles"), SUBJ("je"),
                SUBJ("j"),  SUBJ("tu"),   SUBJ("nous"), SUBJ("vous"), SUBJ("qui")};
#undef SUBJ
    size_t n = e - s;
    if (n > 5) /* most words: longer than every pronoun */
        return false;
    for (size_t k = 0; k < sizeof subj / sizeof *subj; k++)
        if (subj[k].n == n && strncasecmp(text + s, subj[k].w, n) == 0)
            return true;
    return false;
}

/* The tense a finite verb's flags give: -1 past, 1 future, TX_PRESENT, 0 none. */
static int m_tense_flags(uint32_t f)
{
    if (f & (RC_M_IMPF | RC_M_PSIM))
        return -1;
    if (f & (RC_M_FUT | RC_M_COND))
        return 1;
    if (f & RC_M_IND)
        return TX_PRESENT;
    return 0;
}

/* rc_fr_morph of text[s..e): through the document's word memo (rc_fr_morph_tok) when the word is
 * a whole token of it, which then costs a read, and directly otherwise. */
static int m_morph(const tx_p *P, uint32_t s, uint32_t e, rc_morph *m /* OUT */)
{
    const rc_doc *doc = P->doc;
    if (doc && doc->ntoks) {
        /* the first token that does not start before s: the words asked about are near one
         * another, so the search starts from the last one found and steps a few tokens before
         * it halves the rest */
        const rc_token *t = doc->toks;
        size_t lo = 0, hi = doc->ntoks, h = P->memo->tok_hint < hi ? P->memo->tok_hint : 0;
        if (t[h].start < s) {
            lo = h + 1;
            for (int step = 0; step < 8 && lo < hi && t[lo].start < s; step++)
                lo++;
            if (lo < hi && t[lo].start >= s)
                hi = lo; /* found: nothing is left to halve */
        } else {
            hi = h;
            for (int step = 0; step < 8 && hi > 0 && t[hi - 1].start >= s; step++)
                hi--;
            if (hi == 0 || t[hi - 1].start < s)
                lo = hi;
        }
        lo += rc_toks_from(t + lo, hi - lo, s);
        if (lo < doc->ntoks)
            P->memo->tok_hint = lo;
        if (lo < doc->ntoks && t[lo].start == s && t[lo].end == e && rc_word_at(doc, lo))
            return rc_fr_morph_tok(doc, lo, m);
    }
    return rc_fr_morph(P->ctx, P->text + s, e - s, m);
}

/* The reading of the words around an expression at as..ae, from lo to hi: each word's bytes in
 * ws/we, in text order; k is where the reading stands. */
typedef struct m_scan {
    const char *text;
    uint32_t k, hi, as, ae;
    size_t nw;
    uint32_t ws[TX_MWORDS], we[TX_MWORDS];
} m_scan;

/* Reads the next word of sc into ws/we (the expression's own words and words of more than 40
 * bytes are passed over); false when [k, hi) holds no more or TX_MWORDS are read. */
static bool m_next(m_scan *sc)
{
    const char *text = sc->text;
    uint32_t k = sc->k, hi = sc->hi;
    while (k < hi && sc->nw < TX_MWORDS) {
        unsigned char c = (unsigned char)text[k];
        uint32_t sep = c >= 0xc2 ? m_sep(text, k, hi) : 0; /* only after 0xC2 or 0xE2 */
        if (!m_letter(c) || c == '-' || sep) {
            k += sep ? sep : 1;
            continue;
        }
        uint32_t b = k;
        while (k + 8 <= hi) { /* ASCII letters eight at a time, the rest a byte at a time */
            uint64_t w;
            memcpy(&w, text + k, 8);
            unsigned a = m_ascii_letters8(w);
            k += a;
            if (a < 8)
                break;
        }
        for (; k < hi; k++) {
            c = (unsigned char)text[k];
            if (!m_letter(c) || (c >= 0xc2 && m_sep(text, k, hi)))
                break;
        }
        if ((k >= sc->as && b < sc->ae) || k - b > 40) /* the expression's own first word; no word */
            continue;
        sc->ws[sc->nw] = b, sc->we[sc->nw] = k, sc->nw++;
        sc->k = k;
        return true;
    }
    sc->k = k;
    return false;
}

/* ---- the words before an expression, read from masks ---- */

#define TX_MBITS ((TX_MREACH + 63) / 64) /* 64-bit words of a mask of [lo, as) */

/* The first bit set in m[] at p or after, below n; n when there is none. */
static inline uint32_t m_bit_next(const uint64_t *m, uint32_t p, uint32_t n)
{
    for (uint32_t w = p / 64; w * 64 < n; w++) {
        uint64_t x = m[w] & (w == p / 64 ? ~0ull << (p % 64) : ~0ull);
        if (x) {
            uint32_t r = w * 64 + (uint32_t)__builtin_ctzll(x);
            return r < n ? r : n;
        }
    }
    return n;
}

/* The masks of the bytes of text[lo, lo + n) (n <= TX_MREACH), a bit per byte: word[] those that
 * m_next reads as part of a word (m_letter, and no byte of a separator m_sep finds, with hi as
 * m_next's bound), gap[] the others, hyph[] the hyphens. */
static void m_masks(const char *text, uint32_t lo, uint32_t n, uint32_t hi, uint64_t *word,
                    uint64_t *gap, uint64_t *hyph)
{
    uint64_t special[TX_MBITS];
    for (size_t w = 0; w < TX_MBITS; w++)
        word[w] = hyph[w] = special[w] = 0;
    uint32_t o = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    for (; o + 16 <= n; o += 16) { /* blocks of sixteen: o % 64 is 0, 16, 32 or 48 */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + lo + o));
        __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
        __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
                                      _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
        __m128i hy = _mm_cmpeq_epi8(v, _mm_set1_epi8('-'));
        __m128i sp = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xc2)),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe2)));
        uint64_t l = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, hy)) |
                     (uint64_t)(unsigned)_mm_movemask_epi8(v); /* from 0x80: letters too */
        word[o / 64] |= l << (o % 64);
        hyph[o / 64] |= (uint64_t)(unsigned)_mm_movemask_epi8(hy) << (o % 64);
        special[o / 64] |= (uint64_t)(unsigned)_mm_movemask_epi8(sp) << (o % 64);
    }
#endif
    for (; o < n; o++) {
        unsigned char c = (unsigned char)text[lo + o];
        uint64_t bit = 1ull << (o % 64);
        if (m_letter(c))
            word[o / 64] |= bit;
        if (c == '-')
            hyph[o / 64] |= bit;
        if (c == 0xc2 || c == 0xe2)
            special[o / 64] |= bit;
    }
    /* a separator's bytes are no letters; its tail is never 0xC2 nor 0xE2, so each separator
     * starts at a byte that m_next tests */
    for (uint32_t p = m_bit_next(special, 0, n); p < n; p = m_bit_next(special, p + 1, n)) {
        uint32_t len = m_sep(text, lo + p, hi);
        for (uint32_t q = p; q < p + len && q < n; q++)
            word[q / 64] &= ~(1ull << (q % 64));
    }
    for (size_t w = 0; w < TX_MBITS; w++)
        gap[w] = ~word[w];
}

/* Reads into sc, as m_next does from sc->k = lo, the words that end before sc->as (each run of
 * word bytes is a word from its first byte that is no hyphen; one of more than 40 bytes is
 * passed over), from masks rather than a byte at a time, and leaves sc->k where m_next goes on:
 * at the run that reaches as, or after the last run read. */
static void m_before(m_scan *sc, uint32_t lo)
{
    uint32_t n = sc->as - lo;
    if (n > TX_MREACH) /* not with the reach of tense_morph: m_next reads it all */
        return;
    uint64_t word[TX_MBITS], gap[TX_MBITS], hyph[TX_MBITS];
    m_masks(sc->text, lo, n, sc->hi, word, gap, hyph);
    /* where the runs start and end (the first gap byte after one), in order */
    uint32_t starts[TX_MREACH / 2 + 1], ends[TX_MREACH / 2 + 1];
    size_t ns = 0, ne = 0;
    uint64_t carry = 0; /* the last byte of the word before was a word byte */
    for (uint32_t w = 0; w * 64 < n; w++) {
        uint64_t shifted = word[w] << 1 | carry;
        uint64_t st = word[w] & ~shifted, en = gap[w] & shifted;
        if (n - w * 64 < 64)
            en &= (1ull << (n - w * 64)) - 1; /* the bytes of [lo, as) only */
        carry = word[w] >> 63;
        for (; st; st &= st - 1)
            starts[ns++] = w * 64 + (uint32_t)__builtin_ctzll(st);
        for (; en; en &= en - 1)
            ends[ne++] = w * 64 + (uint32_t)__builtin_ctzll(en);
    }
    uint32_t p = 0;
    for (size_t r = 0; r < ns && sc->nw < TX_MWORDS; r++) {
        uint32_t s = starts[r];
        if (r == ne) { /* the run reaches as: m_next reads it from its start */
            p = s;
            break;
        }
        uint32_t e = ends[r], b = s;
        while (b < e && (hyph[b / 64] >> (b % 64) & 1)) /* leading hyphens are no word */
            b++;
        if (b < e && e - b <= 40)
            sc->ws[sc->nw] = lo + b, sc->we[sc->nw] = lo + e, sc->nw++;
        p = e;
    }
    sc->k = lo + p;
}

/* Reads words of sc until it holds n (or no more come). */
static inline void m_upto(m_scan *sc, size_t n)
{
    while (sc->nw < n && m_next(sc))
        ;
}

/* The tense of the clause around atom i read from the morphology of its words: the finite verb
 * nearest to the expression, an auxiliary and its participle read as one compound tense (a
 * donné, est parti: past; aura fini: future). Only verbs nearer than limit bytes count (a marker
 * atom found at that distance wins). 0 when there is no context or no such verb. */
static int tense_morph(const tx_p *P, size_t i, uint32_t limit)
{
    if (!P->ctx || i >= P->n)
        return 0;
    uint32_t as = P->at[i].s, ae = P->at[i].e;
    uint32_t lo = as > TX_MREACH ? as - TX_MREACH : 0, hi = ae + TX_MREACH;
    if (hi > P->len)
        hi = (uint32_t)P->len;
    lo = m_end_before(P->text, lo, as); /* the sentence's start */
    hi = m_end_after(P->text, ae, hi);
    /* the words of [lo, hi) but the expression's own, at most TX_MWORDS from lo: those before
     * the expression at once, those after it only as far as the walk below asks for them */
    m_scan sc; /* ws and we are filled as read */
    sc.text = P->text, sc.k = lo, sc.hi = hi, sc.as = as, sc.ae = ae, sc.nw = 0;
    m_before(&sc, lo); /* the words that end before the expression, then m_next from there */
    while (sc.nw < TX_MWORDS && m_next(&sc) && sc.we[sc.nw - 1] <= as)
        ;
    uint32_t *ws = sc.ws, *we = sc.we;
    /* the words by distance, nearest first (l leftwards, r rightwards): the first verb decides */
    size_t r = 0;
    while (r < sc.nw && we[r] <= as)
        r++;
    size_t l = r;
    for (;;) {
        m_upto(&sc, r + 1);
        uint32_t dl = l > 0 ? as - we[l - 1] : UINT32_MAX;
        uint32_t dr = r < sc.nw ? ws[r] - ae : UINT32_MAX;
        if (dl >= limit && dr >= limit)
            return 0;
        size_t w = dl <= dr ? --l : r++;
        rc_morph m;
        if (!m_morph(P, ws[w], we[w], &m) || !(m.flags & RC_M_VERB))
            continue;
        int t = m_tense_flags(m.flags);
        bool subject = w > 0 && m_subject(P->text, ws[w - 1], we[w - 1]) &&
                       ws[w] - we[w - 1] <= 2;
        if ((m.flags & RC_M_PPAS) && !subject) {
            /* a participle: its auxiliary's tense (aura fini: future), else past (réunis samedi) */
            for (size_t q = w; q > 0 && q + 3 > w; q--) {
                rc_morph ma;
                if (m_morph(P, ws[q - 1], we[q - 1], &ma) &&
                    ma.verb && (strcmp(ma.verb, "avoir") == 0 || strcmp(ma.verb, "\xc3\xaatre") == 0) &&
                    m_tense_flags(ma.flags) == 1)
                    return 1;
            }
            return -1;
        }
        if (!t)
            continue;
        bool aux = m.verb && (strcmp(m.verb, "avoir") == 0 || strcmp(m.verb, "\xc3\xaatre") == 0);
        bool compound = false;
        if (aux) /* a participle within two words after the auxiliary (a déjà donné, est parti) */
            m_upto(&sc, w + 4);
        if (aux)
            for (size_t q = w + 1; q < sc.nw && q <= w + 3; q++) {
                rc_morph mp;
                if (m_morph(P, ws[q], we[q], &mp) &&
                    (mp.flags & RC_M_PPAS) && !(mp.flags & (RC_M_IND | RC_M_IMPF | RC_M_FUT))) {
                    compound = true;
                    break;
                }
            }
        if (compound)
            t = t == 1 ? 1 : -1; /* aura fini: future perfect; a fini, avait fini: past */
        else if (!subject && (m.flags & (RC_M_NOUN | RC_M_ADJ | RC_M_FUNC | RC_M_PROPER)))
            continue; /* l'attaque, les avions: nouns first */
        return t;
    }
}

/* The tense around atom i: the nearest marker in its sentence, or a finite verb nearer still
 * that the morphology reads (TX_PRESENT for a present); 0 when there is none. */
static int tense(const tx_p *P, size_t i)
{
    int found = 0;
    uint32_t fd = UINT32_MAX;
    bool fwd = true, back = true; /* neither side reads past the end of the sentence */
    for (size_t k = 1; k < 16 && !found; k++) {
        fwd = fwd && i + k < P->n && !sent_end(P, i + k - 1);
        if (fwd) {
            int t = tense_of(P, i + k);
            if (t)
                found = t, fd = P->at[i + k].s - P->at[i].e;
        }
        back = back && k <= i && !sent_end(P, i - k);
        if (!found && back) {
            int t = tense_of(P, i - k);
            if (t)
                found = t, fd = P->at[i].s - P->at[i - k].e;
        }
    }
    int mt = tense_morph(P, i, fd);
    return mt ? mt : found;
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

int tx_tense(const tx_p *P, size_t i)
{
    return tense(P, i);
}

bool tx_deadline(const tx_p *P, size_t i0)
{
    return deadline(P, i0);
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
    if (dir == TX_PRESENT) { /* il arrive lundi: the nearest */
        int fwd = (wd - rw + 7) % 7, back = (rw - wd + 7) % 7;
        return fwd <= back ? P->ref + fwd : P->ref - back;
    }
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
        if (dd->this || dir == TX_PRESENT)
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
        if (dir == TX_PRESENT) /* the nearest: next month's 2 on the 28th */
            dir = d - P->refd.d > 15 ? -1 : P->refd.d - d > 15 ? 1 : 0;
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
        if (dir == TX_PRESENT)
            dir = 0;
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
