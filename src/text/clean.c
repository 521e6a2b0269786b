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
#include <utf8proc.h>

#include "text/fold.h"

typedef struct line_stats {
    size_t words, content, furniture, letters, digits, punct;
    size_t func[RC_MAXLANG];
    size_t maxfunc;
} line_stats;

/* Whether a code point ends a word in the line scan (spaces, punctuation, symbols). */
static bool is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '-';
    utf8proc_category_t c = utf8proc_category(cp);
    return c <= UTF8PROC_CATEGORY_NO; /* letters, marks, numbers */
}

/* Scores one word of a line against the languages' lexicons. */
static void score_word(const rc_ctx *ctx, const char *w, size_t n, line_stats *st)
{
    char key[RC_LEX_MAXKEY];
    size_t k = rc_fold(w, n, key, sizeof key);
    if (k > sizeof key)
        return;
    st->words++;
    bool func = false, furn = false;
    for (size_t l = 0; l < ctx->nlangs; l++) {
        const rc_lang *lang = &ctx->langs[l];
        if (rc_lex_get_folded(rc_lang_lex(lang, "funcwords"), key, k)) {
            st->func[l]++;
            func = true;
        }
        if (!furn && rc_lex_get_folded(rc_lang_lex(lang, "furniture"), key, k))
            furn = true;
    }
    if (!func) {
        st->content++;
        st->furniture += furn;
    }
}

/* Gathers the statistics of one line. Apostrophes end a word and stay with it (l', qu'), so that
 * elided function words are found in the lexicon under "l'". */
static void scan_line(const rc_ctx *ctx, const char *s, size_t n, line_stats *st)
{
    memset(st, 0, sizeof *st);
    const unsigned char *p = (const unsigned char *)s;
    size_t wstart = 0;
    bool inword = false;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = rc_utf8_decode(p + i, n - i, &cp);
        if (!k)
            k = 1, cp = 0xfffd;
        bool apos = cp == '\'' || cp == 0x2019;
        if (is_word_cp(cp) && cp != '-') {
            if (cp >= '0' && cp <= '9')
                st->digits++;
            else
                st->letters++;
            if (!inword)
                wstart = i, inword = true;
        } else if (inword && (cp == '-' || apos)) {
            if (apos) { /* keep the apostrophe with the elided word */
                score_word(ctx, s + wstart, i + k - wstart, st);
                inword = false;
            }
        } else {
            if (inword)
                score_word(ctx, s + wstart, i - wstart, st);
            inword = false;
            if (cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
                cp == 0x2026 || cp == 0xab || cp == 0xbb || cp == '"' || cp == '(')
                st->punct++;
        }
        i += k;
    }
    if (inword)
        score_word(ctx, s + wstart, n - wstart, st);
    for (size_t l = 0; l < ctx->nlangs; l++)
        if (st->func[l] > st->maxfunc)
            st->maxfunc = st->func[l];
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

/* Folded-line hash set, to find repeated lines. */
typedef struct seen_set {
    uint64_t *slots;
    size_t mask, n;
} seen_set;

static uint64_t line_hash(const char *s, size_t n)
{
    char buf[512];
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i += 128) {
        size_t chunk = n - i < 128 ? n - i : 128;
        size_t k = rc_fold(s + i, chunk, buf, sizeof buf);
        for (size_t j = 0; j < k && j < sizeof buf; j++)
            h = (h ^ (unsigned char)buf[j]) * 1099511628211ull;
    }
    return h | 1;
}

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
    uint32_t fs, fe;    /* bounds of its folded copy */
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

/* Whether the folded text f[pos..pos+n) stands alone as words (no letter or digit touching). */
static bool word_bounded(const char *f, size_t flen, size_t pos, size_t n)
{
    unsigned char before = pos ? (unsigned char)f[pos - 1] : ' ';
    unsigned char after = pos + n < flen ? (unsigned char)f[pos + n] : ' ';
    return !(before >= 0x80 || (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')) &&
           !(after >= 0x80 || (after >= 'a' && after <= 'z') || (after >= '0' && after <= '9'));
}

/* Most sub-heading candidates searched in the rest of a document; bounds the quadratic case. */
#define RC_CLEAN_MAXHEADINGS 64

/* Marks a sub-heading that repeats verbatim (folded) inside another line of the document, as
 * pages do with pull quotes and teaser headings. */
static void find_repeated_headings(line_rec *lines, size_t n, const char *folded, size_t flen)
{
    size_t searched = 0;
    for (size_t i = 0; i < n && searched < RC_CLEAN_MAXHEADINGS; i++) {
        line_rec *h = &lines[i];
        if (h->why || !h->heading)
            continue;
        searched++;
        const char *key = folded + h->fs;
        size_t klen = h->fe - h->fs;
        for (size_t j = 0; j < n; j++) {
            line_rec *o = &lines[j];
            if (j == i || o->why || o->fe - o->fs <= klen)
                continue;
            const char *hay = folded + o->fs;
            size_t hlen = o->fe - o->fs;
            for (const char *m = memmem(hay, hlen, key, klen); m;
                 m = memmem(m + 1, hlen - (size_t)(m + 1 - hay), key, klen)) {
                if (word_bounded(folded, flen, (size_t)(m - folded), klen)) {
                    h->why = "repeat";
                    break;
                }
                if ((size_t)(m + 1 - hay) >= hlen)
                    break;
            }
            if (h->why)
                break;
        }
    }
}

int rc_clean(const rc_ctx *ctx, const char *text, size_t len, rc_arena *a, rc_clean_out *out)
{
    memset(out, 0, sizeof *out);
    line_rec *lines = NULL;
    size_t nlines = 0, lcap = 0;
    /* folded copy of the kept lines, for the repeated sub-heading search; folding never more
     * than triples a line (… becomes ...) */
    char *folded = rc_arena_alloc(a, len * 3 + 1);
    size_t flen = 0;
    if (!folded)
        return RC_ENOMEM;
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
        if (!r->why && seen_add(&seen, a, line_hash(text + s, e - s)))
            r->why = "repeat";
        r->blank_before = blank_pending;
        r->heading = st.words >= 2 && st.words <= 12 && !ends_sentence(text + s, e - s);
        r->fs = r->fe = (uint32_t)flen;
        if (!r->why) {
            flen += rc_fold(text + s, e - s, folded + flen, len * 3 - flen);
            r->fe = (uint32_t)flen;
            folded[flen++] = '\n';
        }
        blank_pending = false;
        ls = next;
    }
    find_repeated_headings(lines, nlines, folded, flen);

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
