/*
 * clean.c - line-level noise removal.
 *
 * Each line is scored in one pass over its words: how many words, how many are function words of
 * some language (prose has many; keyword bags and menus have none), how many are web-furniture
 * words (data/<lang>/furniture.txt), letters against digits, and punctuation. The rules, from the
 * most certain:
 *   symbols   no letter and no digit (rules, asterisks)
 *   digits    digits outnumber letters two to one and the line is short (counters, ids, stamps)
 *   furniture at least half the content words are furniture words, and the line is short
 *   keywords  four or more words, no function word, no punctuation, no digit: a bag of tags
 *   repeat    the same line (folded) was already kept, or a sub-heading (short, no final full
 *             stop) repeats verbatim inside another line: a pull quote or teaser heading
 * The thresholds are deliberately conservative: dropping prose loses figures, keeping a menu line
 * costs nothing downstream but a few tokens.
 */
#include "text/clean.h"

#include <stdbool.h>
#include <string.h>

#include "text/fold.h"

typedef struct line_stats {
    size_t words, content, furniture, letters, digits, punct;
    size_t func[RC_MAXLANG];
    size_t maxfunc;
    uint64_t hash; /* of the raw bytes, for exact repeats */
} line_stats;

/* Byte classes of the line scan. */
enum { C_OTHER, C_LETTER, C_DIGIT, C_HYPHEN, C_APOS, C_PUNCT };

/* Class of each ASCII byte. */
static const unsigned char ascii_class[128] = {
    ['-'] = C_HYPHEN, ['\''] = C_APOS,
    ['.'] = C_PUNCT, [','] = C_PUNCT, [';'] = C_PUNCT, [':'] = C_PUNCT, ['!'] = C_PUNCT,
    ['?'] = C_PUNCT, ['"'] = C_PUNCT, ['('] = C_PUNCT,
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
#define L_(c) [c] = C_LETTER, [c - 32] = C_LETTER
    L_('a'), L_('b'), L_('c'), L_('d'), L_('e'), L_('f'), L_('g'), L_('h'), L_('i'), L_('j'),
    L_('k'), L_('l'), L_('m'), L_('n'), L_('o'), L_('p'), L_('q'), L_('r'), L_('s'), L_('t'),
    L_('u'), L_('v'), L_('w'), L_('x'), L_('y'), L_('z'),
#undef L_
};

/* FNV-1a over the line, eight bytes at a time: equal lines give equal hashes. */
static uint64_t line_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        h = (h ^ v) * 1099511628211ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h | 1;
}

/* Class and length of the multi-byte sequence at p (n bytes left). Letters of any script count
 * as letters; general punctuation (U+2000..U+206F), no-break spaces and guillemets do not. */
static unsigned char multi_class(const unsigned char *p, size_t n, size_t *len)
{
    unsigned char c = p[0];
    size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    *len = k <= n ? k : n;
    if (c == 0xc2) {
        unsigned char d = n > 1 ? p[1] : 0;
        return d == 0xab || d == 0xbb ? C_PUNCT : C_OTHER; /* « », no-break space, symbols */
    }
    if (c == 0xc3)
        return n > 1 && (p[1] == 0x97 || p[1] == 0xb7) ? C_OTHER : C_LETTER; /* x and ÷ */
    if (c == 0xca && n > 1 && p[1] == 0xbc)
        return C_APOS; /* modifier apostrophe */
    if (c == 0xe2 && n > 2) {
        if (p[1] == 0x80 && (p[2] == 0x99 || p[2] == 0x98))
            return C_APOS;
        if (p[1] == 0x80 && p[2] == 0xa6)
            return C_PUNCT; /* … */
        if (p[1] == 0x80 && (p[2] == 0x9c || p[2] == 0x9d))
            return C_PUNCT; /* curly double quotes */
        return p[1] < 0xb0 ? C_OTHER : C_LETTER;
    }
    if (c == 0xe3 && n > 1 && p[1] == 0x80)
        return C_OTHER; /* CJK punctuation */
    return C_LETTER;
}

/* Scores one word, given folded with its hash, against the word-class table. */
static void score_word(const rc_ctx *ctx, const char *w, size_t n, uint32_t hash, line_stats *st)
{
    st->words++;
    uint32_t mask = rc_wordclass_get(ctx->wc, w, n, hash);
    uint32_t func = mask & ~RC_WC_FURNITURE;
    if (func) {
        for (size_t l = 0; l < ctx->nlangs; l++)
            st->func[l] += (func >> l) & 1;
    } else {
        st->content++;
        st->furniture += (mask & RC_WC_FURNITURE) != 0;
    }
}

/* Folds a word of at most maxlen bytes (ASCII and Latin-1 lower case, one apostrophe) into w
 * and returns its folded length; the table's hash is computed over the folded bytes. */
static size_t fold_word(const unsigned char *p, size_t n, char *w, uint32_t *hash)
{
    uint32_t h = RC_WC_HASH_INIT;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if ((unsigned)(c - 'A') < 26u)
            c += 32;
        else if (c == 0xc3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9e && p[i + 1] != 0x97) {
            w[o++] = (char)c;
            h = RC_WC_HASH_STEP(h, c);
            c = (unsigned char)(p[++i] + 0x20); /* Latin-1 upper case */
        } else if (c == 0xe2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0x99 || p[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        } else if (c == 0xca && i + 1 < n && p[i + 1] == 0xbc) {
            c = '\'';
            i++;
        }
        w[o++] = (char)c;
        h = RC_WC_HASH_STEP(h, c);
    }
    *hash = h;
    return o;
}

/* The quick filter of the word-class table on a raw word: length, and first and last byte as
 * fold_word would make them. Folding may shorten a word (’ is three bytes, ' one), so each
 * length it could fold to is tried. */
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

/* Gathers the statistics of one line in one pass over its bytes. A word is a run of letters and
 * digits with inner hyphens; an apostrophe ends it and stays with it (l', qu'), so that elided
 * function words are found under "l'". Only words short enough to be in the word-class table are
 * folded and looked up. */
static void scan_line(const rc_ctx *ctx, const char *s, size_t n, line_stats *st)
{
    memset(st, 0, sizeof *st);
    const unsigned char *p = (const unsigned char *)s;
    size_t maxlen = rc_wordclass_maxlen(ctx->wc);
    char w[64];
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t k = 1;
        unsigned char cls = c < 0x80 ? ascii_class[c] : multi_class(p + i, n - i, &k);
        if (cls != C_LETTER && cls != C_DIGIT) {
            st->punct += cls == C_PUNCT;
            i += k;
            continue;
        }
        /* a word: letters, digits, and hyphens between them */
        size_t start = i;
        for (;;) {
            if (cls == C_LETTER)
                st->letters++;
            else if (cls == C_DIGIT)
                st->digits++;
            i += k;
            if (i >= n)
                break;
            c = p[i];
            k = 1;
            cls = c < 0x80 ? ascii_class[c] : multi_class(p + i, n - i, &k);
            if (cls == C_HYPHEN && i + 1 < n && p[i + 1] < 0x80 &&
                (ascii_class[p[i + 1]] == C_LETTER || ascii_class[p[i + 1]] == C_DIGIT))
                continue;
            if (cls != C_LETTER && cls != C_DIGIT && cls != C_HYPHEN)
                break;
        }
        if (i < n && cls == C_APOS)
            i += k; /* the apostrophe of an elision stays with its word */
        size_t len = i - start;
        if (len <= maxlen && len < sizeof w && maybe_listed(ctx->wc, p + start, len)) {
            uint32_t h;
            size_t fl = fold_word(p + start, len, w, &h);
            score_word(ctx, w, fl, h, st);
        } else {
            st->words++, st->content++;
        }
    }
    for (size_t l = 0; l < ctx->nlangs; l++)
        if (st->func[l] > st->maxfunc)
            st->maxfunc = st->func[l];
    st->hash = line_hash(s, n);
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

/* Whether c is horizontal white space at s (ASCII, no-break, narrow no-break, thin...). */
static size_t space_len(const unsigned char *s, size_t n)
{
    if (n && (s[0] == ' ' || s[0] == '\t'))
        return 1;
    int32_t cp;
    size_t k = n && s[0] >= 0x80 ? rc_utf8_decode(s, n, &cp) : 0;
    return k && rc_fold_typo(cp) == ' ' ? k : 0;
}

/* Set of line hashes, to find lines repeated byte for byte. */
typedef struct seen_set {
    uint64_t *slots;
    size_t mask, n;
} seen_set;

/* Adds h; returns true when it was already there. */
static bool seen_add(seen_set *s, rc_arena *a, uint64_t h)
{
    if (s->n * 2 >= s->mask) {
        size_t ncap = s->slots ? (s->mask + 1) * 2 : 64;
        uint64_t *ns = rc_arena_calloc(a, ncap, sizeof *ns);
        if (!ns)
            return false;
        for (size_t i = 0; s->slots && i <= s->mask; i++) {
            if (!s->slots[i])
                continue;
            size_t j = s->slots[i] & (ncap - 1);
            while (ns[j])
                j = (j + 1) & (ncap - 1);
            ns[j] = s->slots[i];
        }
        s->slots = ns;
        s->mask = ncap - 1;
    }
    size_t j = h & s->mask;
    while (s->slots[j]) {
        if (s->slots[j] == h)
            return true;
        j = (j + 1) & s->mask;
    }
    s->slots[j] = h;
    s->n++;
    return false;
}

/* One non-blank line of the input, as the first pass judged it. */
typedef struct line_rec {
    uint32_t s, e;      /* trimmed bounds in the input */
    const char *why;    /* reason to drop, or NULL */
    bool blank_before;  /* a blank line separates it from the previous line */
    bool heading;       /* short and without a sentence-final mark: may be a sub-heading */
} line_rec;

/* Whether the line ends like a sentence (full stop, ellipsis, closing quote after one). */
static bool ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')'))
        n--;
    if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 && (unsigned char)s[n - 1] == 0xbb)
        return true; /* » */
    if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0)
        return true; /* … */
    return n && s[n - 1] == '.';
}

/* Whether the code point starting at p (n bytes left) is a letter or digit of any script. */
static bool is_word_at(const unsigned char *p, size_t n)
{
    size_t k;
    unsigned char cls = p[0] < 0x80 ? ascii_class[p[0]] : multi_class(p, n, &k);
    return cls == C_LETTER || cls == C_DIGIT;
}

/* Whether the code point that ends just before p (which is after lo) is a letter or digit. */
static bool is_word_before(const unsigned char *lo, const unsigned char *p)
{
    const unsigned char *q = p - 1;
    while (q > lo && (*q & 0xc0) == 0x80)
        q--;
    return is_word_at(q, (size_t)(p - q));
}

/* Most sub-heading candidates searched in the rest of a document; bounds the quadratic case. */
#define RC_CLEAN_MAXHEADINGS 64

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

/* Marks a sub-heading that repeats verbatim inside another line of the document, as pages do
 * with pull quotes and teaser headings. The heading is searched byte for byte from its second
 * character on, and its first character is compared without case (a heading starts with a
 * capital that the sentence it was taken from may not have). */
static void find_repeated_headings(line_rec *lines, size_t n, const char *text, size_t len)
{
    size_t searched = 0;
    for (size_t i = 0; i < n && searched < RC_CLEAN_MAXHEADINGS; i++) {
        line_rec *h = &lines[i];
        if (h->why || !h->heading)
            continue;
        searched++;
        const unsigned char *hs = (const unsigned char *)text + h->s;
        size_t first = hs[0] < 0x80 ? 1 : hs[0] >= 0xf0 ? 4 : hs[0] >= 0xe0 ? 3 : 2;
        size_t hlen = h->e - h->s;
        if (first >= hlen)
            continue;
        char want[8];
        size_t wl = rc_fold((const char *)hs, first, want, sizeof want);
        const char *key = (const char *)hs + first;
        size_t klen = hlen - first;
        for (const char *m = memmem(text, len, key, klen); m && !h->why;
             m = memmem(m + 1, len - (size_t)(m + 1 - text), key, klen)) {
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
            const unsigned char *u = (const unsigned char *)text;
            if ((start > o->s && is_word_before(u + o->s, u + start)) ||
                (pos + klen < o->e && is_word_at(u + pos + klen, o->e - pos - klen)))
                continue;
            h->why = "repeat";
        }
    }
}

int rc_clean(const rc_ctx *ctx, const char *text, size_t len, rc_arena *a, rc_clean_out *out)
{
    memset(out, 0, sizeof *out);
    line_rec *lines = NULL;
    size_t nlines = 0, lcap = 0;
    bool blank_pending = false;
    seen_set seen = {NULL, 0, 0};
    const unsigned char *p = (const unsigned char *)text;
    for (size_t ls = 0; ls < len;) {
        const char *nl = memchr(text + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - text) : len;
        size_t s = ls, e = le, k;
        while (s < e && (k = space_len(p + s, e - s)))
            s += k;
        while (e > s) { /* trailing spaces: step back over one code point at a time */
            size_t b = e - 1;
            while (b > s && (p[b] & 0xc0) == 0x80)
                b--;
            if (!space_len(p + b, e - b))
                break;
            e = b;
        }
        size_t next = nl ? le + 1 : len;
        if (s == e) {
            blank_pending = nlines > 0;
            ls = next;
            continue;
        }
        line_stats st;
        scan_line(ctx, text + s, e - s, &st);
        for (size_t l = 0; l < ctx->nlangs; l++)
            out->funcwords[l] += st.func[l];
        out->words += st.words;
        if (rc_arena_grow(a, (void **)&lines, &lcap, nlines + 1, sizeof *lines))
            return RC_ENOMEM;
        line_rec *r = &lines[nlines++];
        r->s = (uint32_t)s;
        r->e = (uint32_t)e;
        r->why = judge(&st);
        if (!r->why && seen_add(&seen, a, st.hash))
            r->why = "repeat";
        r->blank_before = blank_pending;
        r->heading = st.words >= 2 && st.words <= 12 && !ends_sentence(text + s, e - s);
        blank_pending = false;
        ls = next;
    }
    find_repeated_headings(lines, nlines, text, len);

    out->text = rc_arena_alloc(a, len + 1);
    if (!out->text)
        return RC_ENOMEM;
    size_t w = 0, ncap = 0;
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
        if (w > 0) {
            out->text[w++] = '\n';
            if (gap)
                out->text[w++] = '\n';
        }
        memcpy(out->text + w, text + r->s, r->e - r->s);
        w += r->e - r->s;
        gap = false;
    }
    out->text[w] = '\0';
    out->len = w;
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
    return NULL;
}
