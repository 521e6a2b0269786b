/*
 * keys.c - entity keys: one key for every spelling of one real-world entity. A name is folded
 * (rc_entkey_fold: case, accents, the Arabic article, transliteration variants, vowels of long
 * words), then looked up among the folded names of the gazetteers, whose entries give the key of
 * their canonical name (Halab and Alep give Aleppo's). A one-word place name the gazetteers do
 * not have exactly is matched to a sizeable place at one edit (Ildeb -> Idlib); persons never
 * take a gazetteer's key (Peskov is not the town of Pskov's namesake, even if their keys agree).
 */
#include <string.h>
#include <utf8proc.h>

#include "core/doc.h"
#include "core/lang.h"
#include "extract/entkey.h"
#include "extract/gazetteer.h"
#include "util/fold.h"

/* One code point as lower-case ASCII letters without their marks: 0 bytes for a separator,
 * 1-2 bytes for a letter or digit (œ -> oe), -1 for a mark to drop inside a word (apostrophes,
 * the ayn and hamza signs of transliterations). */
static int key_letters(int32_t cp, char out[2])
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            return out[0] = (char)(cp + 32), 1;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            return out[0] = (char)cp, 1;
        if (cp == '\'' || cp == '`')
            return -1;
        return 0;
    }
    switch (cp) {
    case 0x0153: case 0x0152: return out[0] = 'o', out[1] = 'e', 2;
    case 0x00e6: case 0x00c6: return out[0] = 'a', out[1] = 'e', 2;
    case 0x00df: return out[0] = 's', out[1] = 's', 2;
    case 0x0142: case 0x0141: return out[0] = 'l', 1;
    case 0x00f8: case 0x00d8: return out[0] = 'o', 1;
    case 0x0111: case 0x0110: return out[0] = 'd', 1;
    case 0x2019: case 0x2018: case 0x02bc: case 0x02bf: case 0x02be: case 0x00b4: case 0x02b9:
        return -1;
    default:
        break;
    }
    utf8proc_int32_t dst[4];
    utf8proc_int32_t last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, dst, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &last);
    if (n >= 1 && dst[0] < 0x80 && ((dst[0] >= 'a' && dst[0] <= 'z') ||
                                    (dst[0] >= 'A' && dst[0] <= 'Z')))
        return out[0] = (char)(dst[0] | 0x20), 1;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_LM)
        return -1;
    return 0;
}

/* Whether a folded word is the Arabic article, which names write or leave out at will. hyphen
 * says whether a hyphen joined it to the next word: the assimilated forms (ad-Din, ash-Cham,
 * ez-Zor) count only then. */
static bool key_article(const char *w, size_t n, bool hyphen)
{
    if (n == 2 && ((w[0] == 'a' && w[1] == 'l') || (w[0] == 'e' && w[1] == 'l') ||
                   (w[0] == 'u' && w[1] == 'l')))
        return true;
    if (!hyphen || n < 2 || n > 3 || (w[0] != 'a' && w[0] != 'e'))
        return false;
    static const char *const sun[] = {"ad", "ar", "as", "ash", "at", "az", "an", "ed", "er",
                                      "es", "ech", "et", "ez", "en"};
    /* strncmp first: it stops at the shorter string's end, so sun[i][n] is then inside it */
    for (size_t i = 0; i < sizeof sun / sizeof sun[0]; i++)
        if (strncmp(sun[i], w, n) == 0 && sun[i][n] == '\0')
            return true;
    return false;
}

/* Whether a folded word is a French article or preposition that names carry or not at will
 * (Conseil de sécurité, Front de al-Nosra). */
static bool key_french_link(const char *w, size_t n)
{
    static const char *const link[] = {"de", "du", "des", "la", "le", "les", "aux", "au", "et"};
    if (n < 2 || n > 3) /* every word of the list has two or three letters */
        return false;
    for (size_t i = 0; i < sizeof link / sizeof link[0]; i++)
        if (strncmp(link[i], w, n) == 0 && link[i][n] == '\0')
            return true;
    return false;
}

static bool key_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Folds one word (lower-case ASCII) into out; returns the length written. The word is at most
 * RC_ENTKEY_MAX bytes. Without skel the vowels of long words are kept (the form the gazetteer's
 * near matches are checked on). */
static size_t key_word(const char *w, size_t n, char *out, bool skel)
{
    char a[RC_ENTKEY_MAX * 2];
    size_t m = 0;
    /* the Arabic-name particles written in one word: Abdel, Abdoul, Abdul -> abd; ibn -> bin */
    if ((n == 5 && (memcmp(w, "abdel", 5) == 0 || memcmp(w, "abdul", 5) == 0 ||
                    memcmp(w, "abdal", 5) == 0)) ||
        (n == 6 && memcmp(w, "abdoul", 6) == 0))
        n = 3;
    if (n == 3 && memcmp(w, "ibn", 3) == 0)
        w = "bin";
    /* the final -eh, -ah, -e, -a of transliterations (Jableh, Jabla, Lattaquié) */
    if (n >= 5 && w[n - 1] == 'h' && (w[n - 2] == 'e' || w[n - 2] == 'a'))
        n -= 2;
    else if (n >= 4 && (w[n - 1] == 'e' || w[n - 1] == 'a'))
        n -= 1;
    for (size_t i = 0; i < n; i++) {
        char c = w[i], d = i + 1 < n ? w[i + 1] : 0, e = i + 2 < n ? w[i + 2] : 0;
        if ((c == 't' && d == 'c' && e == 'h') || (c == 's' && d == 'c' && e == 'h')) {
            a[m++] = 's', a[m++] = 'h', i += 2;
        } else if ((c == 'c' || c == 's') && d == 'h') {
            a[m++] = 's', a[m++] = 'h', i++;
        } else if ((c == 'k' || c == 'g' || c == 't' || c == 'd' || c == 'z') && d == 'h') {
            a[m++] = c == 'z' ? 'j' : c, i++;
        } else if (c == 'p' && d == 'h') {
            a[m++] = 'f', i++;
        } else if (c == 'd' && d == 'j') {
            a[m++] = 'j', i++;
        } else if (c == 'c' && d == 'k') {
            a[m++] = 'k', i++;
        } else if (c == 't' && d == 'z') {
            a[m++] = 't', a[m++] = 's', i++; /* German spelling: Donetz */
        } else if (c == 'o' && d == 'u') {
            a[m++] = 'u', i++;
        } else if (c == 'c') {
            a[m++] = (d == 'e' || d == 'i' || d == 'y') ? 's' : 'k';
        } else if (c == 'q') {
            a[m++] = 'k';
        } else if (c == 'x') {
            a[m++] = 'k', a[m++] = 's';
        } else if (c == 'w' || c == 'o') {
            a[m++] = 'u';
        } else if (c == 'y' || c == 'e') {
            a[m++] = 'i';
        } else {
            a[m++] = c;
        }
    }
    /* doubled letters once */
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (k == 0 || a[i] != a[k - 1])
            a[k++] = a[i];
    m = k;
    size_t cons = 0;
    for (size_t i = 0; i < m; i++)
        cons += !key_vowel(a[i]);
    if (cons < 3 || !skel) {
        memcpy(out, a, m);
        return m;
    }
    /* the vowels of long words are what transliterations disagree on: keep the consonants */
    k = 0;
    out[k++] = a[0];
    for (size_t i = 1; i < m; i++)
        if (!key_vowel(a[i]) && a[i] != out[k - 1])
            out[k++] = a[i];
    return k;
}

/* rc_entkey_fold and rc_entkey_fold_mid: skel says whether long words lose their vowels. */
static size_t key_fold(const char *name, size_t len, char *out, size_t cap, bool skel)
{
    /* split into words of lower-case ASCII, remembering which words were upper-case acronyms
     * (kept as they are: AFP, ONU) and which were joined to the next by a hyphen */
    enum { MAXW = 24 };
    char buf[RC_ENTKEY_MAX];
    size_t ws[MAXW], wn[MAXW];
    bool hy[MAXW], acro[MAXW];
    size_t nw = 0, b = 0;
    bool inword = false, upper_only = true;
    size_t letters_up = 0;
    const unsigned char *p = (const unsigned char *)name;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i <= len;) {
        int32_t cp = 0;
        size_t step = 1;
        if (i < len && p[i] < 0x80) {
            cp = p[i]; /* ASCII, most letters of names: no decoder call */
        } else if (i < len) {
            step = rc_utf8_decode(p + i, len - i, &cp);
            if (step == 0)
                step = 1, cp = 0;
        }
        char l[2];
        int r = i < len ? key_letters(cp, l) : 0;
        if (r < 0 && inword && b - ws[nw] == 1 && (cp == '\'' || cp == 0x2019)) {
            b = ws[nw]; /* an elided article or preposition: l'ONU, d'Orsay */
            inword = false;
        } else if (r > 0 && b + 2 < sizeof buf && nw < MAXW) {
            if (!inword) {
                ws[nw] = b;
                inword = true;
                upper_only = true;
                letters_up = 0;
            }
            if (cp >= 'a' && cp <= 'z')
                upper_only = false;
            else if (cp >= 0x80 && utf8proc_tolower(cp) == cp)
                upper_only = false;
            letters_up++;
            for (int k = 0; k < r; k++)
                buf[b++] = l[k];
        } else if (r == 0 && inword) {
            wn[nw] = b - ws[nw];
            hy[nw] = cp == '-' || cp == 0x2010 || cp == 0x2011;
            acro[nw] = upper_only && letters_up >= 2;
            nw++;
            inword = false;
        }
        i += step;
    }
    /* drop the articles unless nothing else is left */
    bool keep[MAXW];
    size_t kept = 0;
    for (size_t w = 0; w < nw; w++) {
        keep[w] = acro[w] || (!key_article(buf + ws[w], wn[w], hy[w]) &&
                              !key_french_link(buf + ws[w], wn[w]));
        kept += keep[w];
    }
    size_t o = 0;
    for (size_t w = 0; w < nw; w++) {
        if (kept && !keep[w])
            continue;
        char tmp[RC_ENTKEY_MAX * 2];
        size_t t;
        if (acro[w]) {
            memcpy(tmp, buf + ws[w], wn[w]);
            t = wn[w];
        } else {
            t = key_word(buf + ws[w], wn[w], tmp, skel);
        }
        if (t == 0)
            continue;
        if (o + (o > 0) + t + 1 > cap)
            break;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, tmp, t);
        o += t;
    }
    out[o] = '\0';
    return o;
}

size_t rc_entkey_fold(const char *name, size_t len, char *out, size_t cap)
{
    return key_fold(name, len, out, cap, true);
}

size_t rc_entkey_fold_mid(const char *name, size_t len, char *out, size_t cap)
{
    return key_fold(name, len, out, cap, false);
}

/* Whether two words are at most one edit apart (substitution, insertion, deletion, or the swap
 * of two neighbours). Linear in the words' length. */
bool rc_entkey_one_edit(const char *a, size_t an, const char *b, size_t bn)
{
    if (an > bn) {
        const char *t = a;
        a = b, b = t;
        size_t tn = an;
        an = bn, bn = tn;
    }
    if (bn - an > 1)
        return false;
    size_t i = 0;
    while (i < an && a[i] == b[i])
        i++;
    if (i == an)
        return true;
    if (an == bn) {
        if (memcmp(a + i + 1, b + i + 1, an - i - 1) == 0)
            return true; /* substitution */
        return i + 1 < an && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               memcmp(a + i + 2, b + i + 2, an - i - 2) == 0; /* swap */
    }
    return memcmp(a + i, b + i + 1, an - i) == 0; /* b has one letter more */
}

bool rc_entkey_near(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == blen && memcmp(a, b, alen) == 0)
        return true;
    if (!alen || !blen || a[0] != b[0])
        return false;
    int diffs = 0;
    size_t i = 0, j = 0;
    while (i < alen || j < blen) {
        if (i >= alen || j >= blen)
            return false; /* word counts differ */
        size_t ie = i, je = j;
        while (ie < alen && a[ie] != ' ')
            ie++;
        while (je < blen && b[je] != ' ')
            je++;
        size_t an = ie - i, bn = je - j;
        if (an != bn || memcmp(a + i, b + j, an) != 0) {
            if (++diffs > 1 || an < 4 || bn < 4 || !rc_entkey_one_edit(a + i, an, b + j, bn))
                return false;
        }
        i = ie + (ie < alen);
        j = je + (je < blen);
    }
    return true;
}

bool rc_entkey_spellings(const char *a, size_t an, const char *b, size_t bn)
{
    char ka[RC_ENTKEY_MAX], kb[RC_ENTKEY_MAX];
    size_t kan = rc_entkey_fold(a, an, ka, sizeof ka), kbn = rc_entkey_fold(b, bn, kb, sizeof kb);
    if (kan == kbn && memcmp(ka, kb, kan) == 0)
        return true;
    if (!rc_entkey_near(ka, kan, kb, kbn))
        return false;
    kan = rc_entkey_fold_mid(a, an, ka, sizeof ka);
    kbn = rc_entkey_fold_mid(b, bn, kb, sizeof kb);
    return rc_entkey_near(ka, kan, kb, kbn);
}

size_t rc_entkey_of(const rc_ctx *ctx, const char *name, size_t len, int type, char *out,
                    size_t outlen)
{
    char k[RC_ENTKEY_MAX];
    size_t n;
    const rc_gaz *g = ctx && type != RC_ENT_PER ? rc_gaz_get(ctx) : NULL;
    if (g && rc_gaz_written_key(ctx, name, len, k, sizeof k)) {
        n = strlen(k); /* the gazetteer has the name as written: its canonical name's key */
    } else {
        n = rc_entkey_fold(name, len, k, sizeof k);
        /* a short folded form is shared by many places (Salamiyé and Salé): only long ones are
         * looked up, and the near matches of places are confirmed on the vowels */
        const char *canon = g && n >= 5 ? rc_gaz_key(g, k, n) : NULL;
        if (!canon && g && type == RC_ENT_LOC) {
            char mid[RC_ENTKEY_MAX];
            size_t mn = rc_entkey_fold_mid(name, len, mid, sizeof mid);
            canon = rc_gaz_near(g, k, n, mid, mn);
        }
        if (canon) {
            n = strlen(canon);
            if (n >= sizeof k)
                n = sizeof k - 1;
            memcpy(k, canon, n);
            k[n] = '\0';
        }
    }
    if (outlen == 0)
        return n;
    size_t c = n < outlen - 1 ? n : outlen - 1;
    memcpy(out, k, c);
    out[c] = '\0';
    return c;
}

size_t rc_entity_key(const rc_ctx *ctx, const char *name, size_t len, char *out, size_t outlen)
{
    return rc_entkey_of(ctx, name, len, -1, out, outlen);
}
