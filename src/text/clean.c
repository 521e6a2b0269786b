/*
 * clean.c - line-level noise removal.
 *
 * The text has already been tokenized once; each line is scored from its tokens: how many
 * words, how many are function words of some language (prose has many; keyword bags and menus
 * have none), how many are web-furniture words (data/<lang>/furniture.txt), letters against
 * digits, and punctuation. The rules, from the most certain:
 *   symbols   no letter and no digit (rules, asterisks)
 *   digits    digits outnumber letters two to one and the line is short (counters, ids, stamps)
 *   furniture at least half the content words are furniture words, and the line is short
 *   keywords  four or more words, no function word, no punctuation, no digit: a bag of tags
 *   repeat    the same line (byte for byte) was already kept, or a sub-heading (short, no final
 *             full stop) repeats verbatim inside another line: a pull quote or teaser heading
 * The thresholds are deliberately conservative: dropping prose loses figures, keeping a menu line
 * costs nothing downstream but a few tokens. The kept lines are then copied into the cleaned text
 * and their tokens moved with them, so that no text is scanned twice.
 *
 * Most of the time goes to looking words up, so the common words take a short path: a word of at
 * most RC_WC_MAXLEN bytes is read with one 16-byte load and a mask, and, when it has no byte that
 * folds otherwise than ASCII lower-casing, looked up without a byte loop (case-blind if it is
 * ASCII, see wordclass.h); the rest go through maybe_listed and fold_word. Every probe returns an
 * entry, found or not, that holds what the word adds to the line's counts, so that a word is
 * counted by two additions with no branch on its class. Repeated lines are found by a signature
 * of their ends and length, which costs the same for any line, and repeated sub-headings by
 * memchr on their rarest byte.
 */
#include "text/clean.h"

#include <stdbool.h>
#include <string.h>

#include "util/fold.h"

typedef struct line_stats {
    size_t words, content, furniture, letters, digits, punct;
    size_t func[RC_MAXLANG];
    size_t maxfunc;
} line_stats;

/* One non-blank line of the input, as the first pass judged it. */
typedef struct line_rec {
    uint32_t s, e;      /* bounds in the input: from its first token to its last */
    uint32_t t0, t1;    /* its tokens */
    const char *why;    /* reason to drop, or NULL */
    bool blank_before;  /* a blank line separates it from the previous line */
    bool heading;       /* short and without a sentence-final mark: may be a sub-heading */
} line_rec;

/* A signature of a line, from its length and its first and last eight bytes: equal lines have
 * equal signatures, and lines of equal signatures are compared in full, which is rare, so that a
 * line costs a few operations whatever its length. */
static uint64_t line_sig(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        for (size_t i = 0; i < n; i++)
            a = a << 8 | (unsigned char)s[i];
    }
    uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + n) * 0xc2b2ae3d27d4eb4full;
    return (h ^ h >> 29) | 1;
}

/* Folds a word (ASCII and Latin-1 lower case, one apostrophe) into the zero-padded key w;
 * returns false when it folds to more than RC_WC_MAXLEN bytes. */
static bool fold_word(const unsigned char *p, size_t n, rc_wordkey *w)
{
    unsigned char *o = (unsigned char *)w->k;
    size_t k = 0;
    w->k[0] = w->k[1] = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if ((unsigned)(c - 'A') < 26u) {
            c += 32;
        } else if (c == 0xc3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9e &&
                   p[i + 1] != 0x97) {
            if (k >= RC_WC_MAXLEN)
                return false;
            o[k++] = c;
            c = (unsigned char)(p[++i] + 0x20); /* Latin-1 upper case */
        } else if (c == 0xe2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x99 || p[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        } else if (c == 0xca && i + 1 < n && p[i + 1] == 0xbc) {
            c = '\'';
            i++;
        }
        if (k >= RC_WC_MAXLEN)
            return false;
        o[k++] = c;
    }
    return true;
}

/* The quick filter of the word-class table on a raw word: length, and first and last byte as
 * fold_word would make them (a final ’ folds from three bytes to one). */
static bool maybe_listed(const rc_wordclass *wc, const unsigned char *p, size_t n)
{
    unsigned char f = p[0], l = p[n - 1];
    if ((unsigned)(f - 'A') < 26u)
        f += 32;
    if ((unsigned)(l - 'A') < 26u)
        l += 32;
    size_t fl = n;
    if (n >= 3 && p[n - 3] == 0xe2 && p[n - 2] == 0x80 && (l == 0x99 || l == 0x98))
        l = '\'', fl = n - 2;
    else if (n >= 2 && p[n - 2] == 0xca && l == 0xbc)
        l = '\'', fl = n - 1;
    else if (n >= 2 && p[n - 2] == 0xc3 && l >= 0x80 && l <= 0x9e && l != 0x97)
        l += 0x20;
    return rc_wordclass_maybe(wc, fl, f, l);
}

/* Nonzero when some byte of v may fold otherwise than by rc_wc_lower: 0x80..0x9F (the second
 * byte of a Latin-1 capital, bytes of ’ and ‘) and 0xC8..0xCF, 0xD8..0xDF (0xCA starts ʼ), that
 * is the bytes 100xxxxx and 110x1xxx. A word with none, lower-case accented letters included,
 * folds byte for byte. */
static inline uint64_t swar_unfoldable(uint64_t v)
{
    uint64_t b6 = v << 1, b5 = v << 2, b3 = v << 4; /* bits 6, 5 and 3 of each byte, at bit 7 */
    return v & ~b5 & (~b6 | b3) & 0x8080808080808080ull;
}

/* Reads the n (1 to RC_WC_MAXLEN) bytes at s into the zero-padded key w, and sets m to the mask
 * of the word's bytes (0xFF each), read from a window of a table as the key is from the text, so
 * that it holds whatever the byte order. When 16 bytes can be read from s without passing end, a
 * 16-byte load and the mask make the key, with no branch on n: a copy of variable length into w
 * would have to be read back before it is complete, which stalls the loads of the key. */
static inline void load_key(const char *s, size_t n, const char *end, rc_wordkey *w,
                            rc_wordkey *m)
{
    static const unsigned char ones[32] = {255, 255, 255, 255, 255, 255, 255, 255,
                                           255, 255, 255, 255, 255, 255, 255, 255};
    memcpy(m->k, ones + 16 - n, 16); /* byte j is 0xFF when j < n */
    if (end - s >= 16) {
        memcpy(w->k, s, 16);
        w->k[0] &= m->k[0];
        w->k[1] &= m->k[1];
        return;
    }
    memset(w, 0, sizeof *w);
    memcpy(w->k, s, n);
}

/* The entry of a word that may not fold byte for byte: filtered on its length and end bytes,
 * folded by fold_word and looked up. */
static const rc_wc_entry *slow_entry(const rc_wordclass *wc, const char *s, size_t n)
{
    rc_wordkey w;
    const unsigned char *p = (const unsigned char *)s;
    if (n && n <= 3 * RC_WC_MAXLEN && maybe_listed(wc, p, n) && fold_word(p, n, &w))
        return rc_wordclass_find(wc, &w);
    return &wc->absent;
}

/* The word-class entry of a word, whose lanes and tally count it. end is the end of the text,
 * past which nothing is read. Inlined: it runs for most tokens. Short words, the most frequent,
 * are read and folded eight bytes at a time, and probed at once: a filter would cost as much as
 * it saves. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline const rc_wc_entry *word_entry(const rc_wordclass *wc, const char *s, size_t n,
                                            const char *end)
{
    if (n - 1 < RC_WC_MAXLEN) {
        rc_wordkey w, m;
        load_key(s, n, end, &w, &m);
        if (((w.k[0] | w.k[1]) & 0x8080808080808080ull) == 0)
            return rc_wordclass_find_ascii(wc, &w, &m);
        if (!(swar_unfoldable(w.k[0]) | swar_unfoldable(w.k[1]))) {
            w.k[0] = rc_wc_lower(w.k[0]), w.k[1] = rc_wc_lower(w.k[1]);
            return rc_wordclass_find(wc, &w);
        }
    }
    return slow_entry(wc, s, n);
}

/* What the words probed since the last flush add up to: lanes, one byte per language, counts
 * function words; tally counts content words in its low 16 bits and furniture words in its high
 * 16 (rc_wc_entry). A probed word adds its entry's two fields, with no branch on what it is. */
typedef struct word_sums {
    uint64_t lanes;
    uint32_t tally;
} word_sums;

/* Adds the sums to the line's statistics: at the end of a line, and before a byte of lanes or a
 * half of tally could overflow. */
static void flush_sums(line_stats *st, word_sums *ws, size_t nlangs)
{
    for (size_t l = 0; l < nlangs; l++)
        st->func[l] += (size_t)(ws->lanes >> (8 * l)) & 0xff;
    st->content += ws->tally & 0xffff;
    st->furniture += ws->tally >> 16;
    *ws = (word_sums){0, 0};
}

/* Words of a line looked up in the word-class table. Every rule decides on fewer (furniture
 * needs at most 8 content words, keyword bags have no function word at all), and 48 words of
 * each paragraph are plenty to tell its language: past them a long paragraph costs no lookup. */
#define RC_CLEAN_PROBED 48
_Static_assert(RC_CLEAN_PROBED < 255, "word_sums count at most RC_CLEAN_PROBED + 1 words");
_Static_assert(RC_MAXLANG <= 8, "one byte of word_sums.lanes per language");

/* What a token that is not a word adds to its line's statistics, by kind: a word of content
 * with its length counted as letters or as digits, or a punctuation mark (always, or only the
 * marks of prose: see prose_punct). */
typedef struct kind_score {
    uint8_t content, letters, digits, punct, prose_punct;
} kind_score;

static const kind_score kind_scores[RC_TOK_SYMBOL + 1] = {
    [RC_TOK_URL] = {1, 1, 0, 0, 0},         [RC_TOK_EMAIL] = {1, 1, 0, 0, 0},
    [RC_TOK_NUMBER] = {1, 0, 1, 0, 0},      [RC_TOK_ORDINAL] = {1, 0, 1, 0, 0},
    [RC_TOK_PERCENT] = {1, 0, 1, 0, 0},     [RC_TOK_TIME] = {1, 0, 1, 0, 0},
    [RC_TOK_DATE] = {1, 0, 1, 0, 0},        [RC_TOK_QUOTE_OPEN] = {0, 0, 0, 1, 0},
    [RC_TOK_QUOTE_CLOSE] = {0, 0, 0, 1, 0}, [RC_TOK_ELLIPSIS] = {0, 0, 0, 1, 0},
    [RC_TOK_PUNCT] = {0, 0, 0, 0, 1},
};

/* The punctuation of prose, as a set of bytes below 64: . , ; : ! ? ( and the NUL that ends a
 * C string (strchr on ".,;:!?(" found it too). */
#define RC_PROSE_PUNCT                                                                             \
    ((1ull << '.') | (1ull << ',') | (1ull << ';') | (1ull << ':') | (1ull << '!') |               \
     (1ull << '?') | (1ull << '(') | 1ull)

/* Gathers the statistics of the line that starts at t[0] and runs up to the next token that
 * starts a line (or to t[n]), in the same pass that finds its end; returns its token count. */
static size_t score_line(const rc_ctx *ctx, const char *text, const char *end, const rc_token *t,
                         size_t n, line_stats *st)
{
    const rc_wordclass *wc = ctx->wc;
    *st = (line_stats){0};
    word_sums ws = {0, 0};
    size_t words = 0, letters = 0, i = 0;
    do {
        const char *s = text + t[i].start;
        size_t len = t[i].end - t[i].start;
        unsigned kind = t[i].kind;
        if (kind == RC_TOK_WORD || kind == RC_TOK_ELISION || kind == RC_TOK_ABBREV) {
            letters += len;
            if (words++ < RC_CLEAN_PROBED) {
                const rc_wc_entry *e = word_entry(wc, s, len, end);
                ws.lanes += e->lanes;
                ws.tally += e->tally;
            } else {
                st->content++;
            }
        } else if (kind == RC_TOK_CLITIC) { /* -t-il: the pronoun is a function word */
            size_t skip = len > 3 && s[2] == '-' ? 3 : 1;
            const rc_wc_entry *e = word_entry(wc, s + skip, len - skip, end);
            words++;
            letters += len - skip;
            ws.lanes += e->lanes;
            ws.tally += e->tally;
            flush_sums(st, &ws, ctx->nlangs); /* clitics are not bounded by RC_CLEAN_PROBED */
        } else if (kind <= RC_TOK_SYMBOL) {
            const kind_score *k = &kind_scores[kind];
            words += k->content;
            st->content += k->content;
            letters += k->letters ? len : 0;
            st->digits += k->digits ? len : 0;
            unsigned char c = (unsigned char)*s;
            st->punct += k->punct | (k->prose_punct & (c < 64 && ((RC_PROSE_PUNCT >> c) & 1)));
        }
        i++;
    } while (i < n && !(t[i].flags & RC_TF_NEWLINE));
    flush_sums(st, &ws, ctx->nlangs);
    st->words = words;
    st->letters = letters;
    for (size_t l = 0; l < ctx->nlangs; l++)
        if (st->func[l] > st->maxfunc)
            st->maxfunc = st->func[l];
    return i;
}

/* The reason to drop a line, or NULL to keep it. */
static const char *judge(const line_stats *st)
{
    if (st->letters == 0 && st->digits == 0)
        return "symbols";
    if (st->digits > 2 * st->letters && st->words <= 12)
        return "digits";
    if (st->content > 0 && st->content <= 8 && st->furniture * 2 >= st->content &&
        (st->furniture >= 2 || st->content == 1) && st->maxfunc <= 2)
        return "furniture";
    if (st->words >= 4 && st->maxfunc == 0 && st->punct == 0 && st->digits == 0)
        return "keywords";
    return NULL;
}

/* Whether the line's last tokens end a sentence: a full stop or an ellipsis, possibly inside a
 * closing quote or bracket. */
static bool ends_sentence(const char *text, const rc_token *t, size_t n)
{
    while (n && (t[n - 1].kind == RC_TOK_QUOTE_CLOSE || (t[n - 1].kind == RC_TOK_PUNCT && text[t[n - 1].start] == ')')))
        n--;
    if (!n)
        return false;
    const rc_token *last = &t[n - 1];
    return (last->kind == RC_TOK_PUNCT && text[last->start] == '.') ||
           (last->kind == RC_TOK_ELLIPSIS && text[last->start] != '(' && text[last->start] != '[') ||
           (last->kind == RC_TOK_ABBREV && text[last->end - 1] == '.');
}

/* Set of lines, by signature, to find lines repeated byte for byte. */
typedef struct seen_slot {
    uint64_t sig; /* 0: empty */
    size_t line;  /* index in the line records */
} seen_slot;

typedef struct seen_set {
    seen_slot *slots;
    size_t mask, n;
} seen_set;

/* Adds line k of lines; returns true when an equal line was already there. */
static bool seen_add(seen_set *s, rc_arena *a, const char *text, const line_rec *lines, size_t k)
{
    if (s->n * 2 >= s->mask) {
        size_t ncap = s->slots ? (s->mask + 1) * 2 : 64;
        seen_slot *ns = rc_arena_calloc(a, ncap, sizeof *ns);
        if (!ns)
            return false;
        for (size_t i = 0; s->slots && i <= s->mask; i++) {
            if (!s->slots[i].sig)
                continue;
            size_t j = s->slots[i].sig & (ncap - 1);
            while (ns[j].sig)
                j = (j + 1) & (ncap - 1);
            ns[j] = s->slots[i];
        }
        s->slots = ns;
        s->mask = ncap - 1;
    }
    const line_rec *r = &lines[k];
    size_t n = r->e - r->s;
    uint64_t sig = line_sig(text + r->s, n);
    size_t j = sig & s->mask;
    for (; s->slots[j].sig; j = (j + 1) & s->mask) {
        const line_rec *o = &lines[s->slots[j].line];
        if (s->slots[j].sig == sig && o->e - o->s == n && memcmp(text + o->s, text + r->s, n) == 0)
            return true;
    }
    s->slots[j] = (seen_slot){sig, k};
    s->n++;
    return false;
}

/* Whether the code point starting at p (n bytes left) is a letter or digit: ASCII letters and
 * digits, and any multi-byte character but the spaces, quotes and dashes of general punctuation. */
static bool is_word_at(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return ((unsigned)((c | 0x20) - 'a') < 26u) || (unsigned)(c - '0') < 10u;
    if (c == 0xc2)
        return false; /* no-break space, guillemets, Latin-1 symbols */
    if (c == 0xc3)
        return !(n > 1 && (p[1] == 0x97 || p[1] == 0xb7));
    if (c == 0xe2 && n > 1 && p[1] < 0xb0)
        return false; /* general punctuation, symbols */
    return true;
}

/* Whether the code point that ends just before p (which is after lo) is a letter or digit. */
static bool is_word_before(const unsigned char *lo, const unsigned char *p)
{
    const unsigned char *q = p - 1;
    while (q > lo && (*q & 0xc0) == 0x80)
        q--;
    return is_word_at(q, (size_t)(p - q));
}

/* Most sub-heading candidates searched per document, and how far from a heading its repeat is
 * looked for: a pull quote or teaser stands near the paragraph it comes from. Together they bound
 * the search on very long texts. */
#define RC_CLEAN_MAXHEADINGS 64
#define RC_CLEAN_WINDOW (64 * 1024)

/* The index of the line holding byte offset pos, by binary search over the sorted lines. */
static size_t line_at(const line_rec *lines, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (lines[mid].s <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* How common a byte is in running text of the languages written in Latin script, from 0 (rare:
 * most bytes of UTF-8 sequences, rare letters and punctuation) to 6 (the space and e), so that
 * the search for a sub-heading's repeat scans for its rarest byte. */
static const unsigned char commonness[256] = {
    [' '] = 6,  ['e'] = 6,  ['a'] = 5,  ['r'] = 5,  ['s'] = 5,  ['n'] = 5,  ['i'] = 5,
    ['t'] = 5,  ['l'] = 5,  ['u'] = 4,  ['d'] = 4,  ['o'] = 4,  ['m'] = 4,  ['c'] = 4,
    ['p'] = 4,  [0xc3] = 4, [0xa9] = 4, ['v'] = 3,  ['.'] = 3,  [','] = 3,  ['\''] = 3,
    ['f'] = 3,  ['h'] = 3,  ['b'] = 3,  ['q'] = 3,  ['g'] = 3,  ['0'] = 3,  ['1'] = 2,
    ['2'] = 2,  ['3'] = 2,  ['4'] = 2,  ['5'] = 2,  ['6'] = 2,  ['7'] = 2,  ['8'] = 2,
    ['9'] = 2,  ['-'] = 2,  ['j'] = 2,  ['y'] = 2,  ['x'] = 2,  [0xa8] = 2, [0xa0] = 2,
    [0xc2] = 2, ['A'] = 1,  ['B'] = 1,  ['C'] = 1,  ['D'] = 1,  ['E'] = 1,  ['F'] = 1,
    ['G'] = 1,  ['H'] = 1,  ['I'] = 1,  ['J'] = 1,  ['K'] = 1,  ['L'] = 1,  ['M'] = 1,
    ['N'] = 1,  ['O'] = 1,  ['P'] = 1,  ['Q'] = 1,  ['R'] = 1,  ['S'] = 1,  ['T'] = 1,
    ['U'] = 1,  ['V'] = 1,  ['W'] = 1,  ['X'] = 1,  ['Y'] = 1,  ['Z'] = 1,
};

/* The offset of the byte of key[0..n) to scan for: the first of the least common ones. */
static size_t rarest_byte(const unsigned char *key, size_t n)
{
    size_t best = 0;
    for (size_t i = 0; i < n && commonness[key[best]]; i++)
        if (commonness[key[i]] < commonness[key[best]])
            best = i;
    return best;
}

/* The first occurrence of key[0..n) in [lo, hi), or NULL, as memmem finds it; but the text is
 * scanned with memchr for the key's byte at anchor, many times faster than memmem's scan when that
 * byte is rare, and only where memchr stops is the key compared. */
static const char *find_key(const char *lo, const char *hi, const char *key, size_t n,
                            size_t anchor)
{
    if (hi - lo < (ptrdiff_t)n)
        return NULL;
    const char *last = hi - n + anchor; /* the anchor of the last possible occurrence */
    for (const char *p = lo + anchor; p <= last; p++) {
        if (!(p = memchr(p, key[anchor], (size_t)(last - p) + 1)))
            return NULL;
        if (memcmp(p - anchor, key, n) == 0)
            return p - anchor;
    }
    return NULL;
}

/* Marks a sub-heading that repeats verbatim inside another line of the document, as pages do
 * with pull quotes and teaser headings. The heading is searched byte for byte from its second
 * character on, and its first character is compared without case (a heading starts with a
 * capital that the sentence it was taken from may not have). */
static void find_repeated_headings(line_rec *lines, size_t n, const char *text, size_t len)
{
    size_t searched = 0;
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = 0; i < n && searched < RC_CLEAN_MAXHEADINGS; i++) {
        line_rec *h = &lines[i];
        if (h->why || !h->heading)
            continue;
        searched++;
        const unsigned char *hs = u + h->s;
        size_t first = hs[0] < 0x80 ? 1 : hs[0] >= 0xf0 ? 4 : hs[0] >= 0xe0 ? 3 : 2;
        size_t hlen = h->e - h->s;
        if (first >= hlen)
            continue;
        char want[8];
        size_t wl = rc_fold((const char *)hs, first, want, sizeof want);
        const char *key = (const char *)hs + first;
        size_t klen = hlen - first, anchor = rarest_byte(hs + first, klen);
        const char *lo = text + (h->s > RC_CLEAN_WINDOW ? h->s - RC_CLEAN_WINDOW : 0);
        const char *hi = text + (len - h->e > RC_CLEAN_WINDOW ? h->e + RC_CLEAN_WINDOW : len);
        for (const char *m = find_key(lo, hi, key, klen, anchor); m && !h->why;
             m = find_key(m + 1, hi, key, klen, anchor)) {
            size_t pos = (size_t)(m - text);
            if (pos < first)
                continue;
            size_t start = pos - first;
            const line_rec *o = &lines[line_at(lines, n, start)];
            if (o == h || o->why || start < o->s || pos + klen > o->e)
                continue;
            char got[8];
            size_t gl = rc_fold(text + start, first, got, sizeof got);
            if (gl != wl || memcmp(got, want, wl) != 0)
                continue;
            if ((start > o->s && is_word_before(u + o->s, u + start)) ||
                (pos + klen < o->e && is_word_at(u + pos + klen, o->e - pos - klen)))
                continue;
            h->why = "repeat";
        }
    }
}

int rc_clean(const rc_ctx *ctx, const char *text, size_t len, rc_token *toks, size_t ntoks,
             rc_arena *a, rc_clean_out *out)
{
    memset(out, 0, sizeof *out);
    line_rec *lines = NULL;
    size_t nlines = 0, lcap = 0;
    seen_set seen = {NULL, 0, 0};
    for (size_t i = 0; i < ntoks;) {
        line_stats st;
        size_t j = i + score_line(ctx, text, text + len, toks + i, ntoks - i, &st);
        for (size_t l = 0; l < ctx->nlangs; l++)
            out->funcwords[l] += st.func[l];
        out->words += st.words;
        if (nlines == lcap && rc_arena_grow(a, (void **)&lines, &lcap, nlines + 1, sizeof *lines))
            return RC_ENOMEM;
        line_rec *r = &lines[nlines++];
        r->s = toks[i].start;
        r->e = toks[j - 1].end;
        r->t0 = (uint32_t)i;
        r->t1 = (uint32_t)j;
        r->why = judge(&st);
        if (!r->why && seen_add(&seen, a, text, lines, nlines - 1))
            r->why = "repeat";
        r->blank_before = (toks[i].flags & RC_TF_PARAGRAPH) != 0;
        r->heading = st.words >= 2 && st.words <= 12 && !ends_sentence(text, toks + i, j - i);
        i = j;
    }
    find_repeated_headings(lines, nlines, text, len);

    /* copy the kept lines and move their tokens, which only ever move towards the start */
    out->text = rc_arena_alloc(a, len + 1);
    if (!out->text)
        return RC_ENOMEM;
    size_t w = 0, ncap = 0, nt = 0;
    bool gap = false;
    for (size_t i = 0; i < nlines; i++) {
        const line_rec *r = &lines[i];
        gap |= r->blank_before;
        if (r->why) {
            if (rc_arena_grow(a, (void **)&out->noise, &ncap, out->nnoise + 1, sizeof(rc_noise)))
                return RC_ENOMEM;
            out->noise[out->nnoise++] = (rc_noise){r->s, r->e, r->why};
            continue;
        }
        uint16_t lineflags = 0;
        if (w > 0) {
            out->text[w++] = '\n';
            lineflags = RC_TF_NEWLINE;
            if (gap) {
                out->text[w++] = '\n';
                lineflags |= RC_TF_PARAGRAPH;
            }
        }
        memcpy(out->text + w, text + r->s, r->e - r->s);
        uint32_t shift = r->s - (uint32_t)w;
        rc_token *dst = toks + nt;
        if (shift || nt != r->t0) { /* nothing moves while the layout is the input's */
            for (uint32_t k = r->t0; k < r->t1; k++, dst++) {
                rc_token t = toks[k];
                t.start -= shift;
                t.end -= shift;
                *dst = t;
            }
        }
        toks[nt].flags = (uint16_t)((toks[nt].flags & ~(RC_TF_NEWLINE | RC_TF_PARAGRAPH)) | lineflags);
        nt += r->t1 - r->t0;
        w += r->e - r->s;
        gap = false;
    }
    out->text[w] = '\0';
    out->len = w;
    out->toks = toks;
    out->ntoks = nt;
    return RC_OK;
}

const char *rc_clean_lang(const rc_ctx *ctx, const rc_clean_out *co)
{
    size_t best = 0, second = 0, bi = 0;
    for (size_t l = 0; l < ctx->nlangs; l++) {
        if (co->funcwords[l] > best) {
            second = best;
            best = co->funcwords[l];
            bi = l;
        } else if (co->funcwords[l] > second) {
            second = co->funcwords[l];
        }
    }
    if (best >= 5 && best >= 2 * second)
        return ctx->langs[bi].code;
    if (best >= 2 && best >= 3 * second)
        return ctx->langs[bi].code; /* a dispatch of one line: few words, but a clear lead */
    if (co->ntoks <= 24 && ((best >= 1 && second == 0) || (best >= 2 && best > second)))
        return ctx->langs[bi].code; /* a headline or one short sentence: the only or first
                                     * candidate (le, a: French; a is English too) */
    return NULL;
}
