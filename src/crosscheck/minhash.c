/*
 * minhash.c - relays: documents whose text is a near-duplicate of an earlier one (a wire story
 * reprinted by several sites) repeat one original and must not count as independent voices.
 *
 * Each text gets a MinHash signature of CC_NHASH values over its CC_SHINGLE-word shingles (words
 * folded to ASCII lower case, split on anything that is not a letter or digit); the share of equal
 * values estimates the Jaccard similarity of the shingle sets. Candidate pairs come from
 * locality-sensitive hashing (21 bands of 3 values: a pair at similarity 0.6 shares a band with
 * probability 0.99, one at 0.2 with probability 0.16), so the work grows with the number of
 * documents, not with its square; each candidate is then compared on the whole signature.
 */
#include <stdlib.h>
#include <string.h>

#include "crosscheck/check_int.h"

#define MH_BANDS 21
#define MH_ROWS 3
#define MH_RUN_MAX 64 /* earlier documents compared within one band bucket */

/* The splitmix64 step: the seeds of the hash family, the same on every run. */
static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Whether a byte belongs to a word: ASCII letters and digits, and every byte of a multi-byte
 * UTF-8 character (accented letters). */
static inline int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Folds one shingle hash into the signature with each function of the family. */
static inline void sign_shingle(uint64_t h, const uint64_t *mul, const uint64_t *add,
                                uint32_t *sig)
{
    for (int i = 0; i < CC_NHASH; i++) {
        uint32_t v = (uint32_t)((h * mul[i] + add[i]) >> 32);
        if (v < sig[i])
            sig[i] = v;
    }
}

bool minhash_sign(const char *text, size_t len, uint32_t sig[CC_NHASH])
{
    uint64_t mul[CC_NHASH], add[CC_NHASH], seed = 0x7265636f757065ULL;
    for (int i = 0; i < CC_NHASH; i++) {
        mul[i] = splitmix(&seed) | 1;
        add[i] = splitmix(&seed);
        sig[i] = UINT32_MAX;
    }
    uint64_t ring[CC_SHINGLE];
    size_t nwords = 0;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        if (!word_byte(s[i])) {
            i++;
            continue;
        }
        uint64_t w = 14695981039346656037ULL;
        for (; i < len && word_byte(s[i]); i++) {
            unsigned char c = s[i];
            w = (w ^ (c >= 'A' && c <= 'Z' ? c | 0x20 : c)) * 1099511628211ULL;
        }
        ring[nwords % CC_SHINGLE] = w;
        nwords++;
        if (nwords >= CC_SHINGLE) {
            uint64_t h = 0;
            for (size_t k = nwords - CC_SHINGLE; k < nwords; k++)
                h = ((h << 13) | (h >> 51)) * 0x100000001b3ULL ^ ring[k % CC_SHINGLE];
            h ^= h >> 29;
            sign_shingle(h * 0xbf58476d1ce4e5b9ULL, mul, add, sig);
        }
    }
    if (nwords == 0)
        return false;
    if (nwords < CC_SHINGLE) { /* a text shorter than a shingle is one shingle */
        uint64_t h = 0;
        for (size_t k = 0; k < nwords; k++)
            h = ((h << 13) | (h >> 51)) * 0x100000001b3ULL ^ ring[k];
        h ^= h >> 29;
        sign_shingle(h * 0xbf58476d1ce4e5b9ULL, mul, add, sig);
    }
    return true;
}

double minhash_similarity(const uint32_t *a, const uint32_t *b)
{
    int same = 0;
    for (int i = 0; i < CC_NHASH; i++)
        same += a[i] == b[i];
    return (double)same / CC_NHASH;
}

typedef struct band_entry {
    uint64_t h;
    uint32_t doc;
} band_entry;

/* Orders band entries by hash, then by document, so each bucket lists documents in input
 * order. */
static int band_cmp(const void *pa, const void *pb)
{
    const band_entry *a = pa, *b = pb;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return a->doc < b->doc ? -1 : a->doc > b->doc;
}

int minhash_relays(rc_check *chk)
{
    size_t n = 0;
    band_entry *e = malloc((chk->ndocs * MH_BANDS + 1) * sizeof *e);
    if (!e)
        return RC_ENOMEM;
    for (size_t d = 0; d < chk->ndocs; d++) {
        if (!chk->docs[d].has_sig)
            continue;
        const uint32_t *sig = chk->docs[d].sig;
        for (int b = 0; b < MH_BANDS; b++) {
            uint64_t h = (uint64_t)b * 0x9e3779b97f4a7c15ULL;
            for (int r = 0; r < MH_ROWS; r++)
                h = (h ^ sig[b * MH_ROWS + r]) * 0x100000001b3ULL;
            e[n].h = h ^ (h >> 31);
            e[n].doc = (uint32_t)d;
            n++;
        }
    }
    qsort(e, n, sizeof *e, band_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && e[j].h == e[i].h)
            j++;
        for (size_t b = i + 1; b < j; b++) {
            uint32_t late = e[b].doc;
            rc_check_doc *pd = &chk->pub[late];
            size_t start = b - i > MH_RUN_MAX ? b - MH_RUN_MAX : i;
            for (size_t a = start; a < b; a++) {
                uint32_t early = e[a].doc;
                if (early == late)
                    continue;
                double sim = minhash_similarity(chk->docs[early].sig, chk->docs[late].sig);
                if (sim >= CC_RELAY_MIN &&
                    (sim > pd->relay_similarity ||
                     (sim == pd->relay_similarity && (int32_t)early < pd->relay_of))) {
                    pd->relay_of = (int32_t)early;
                    pd->relay_similarity = sim;
                }
            }
        }
        i = j;
    }
    free(e);
    for (size_t d = 0; d < chk->ndocs; d++) {
        int32_t r = chk->pub[d].relay_of;
        chk->docs[d].root = r >= 0 ? chk->docs[r].root : (int32_t)d;
    }
    return RC_OK;
}
