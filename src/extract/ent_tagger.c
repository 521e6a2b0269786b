/*
 * ent_tagger.c - the entity tagger: reads the model file (a header, then one feature per line
 * with its four weights), computes the features of a capitalised word from the document and
 * the rules' signals, and labels the words greedily. See ent_tagger.h and docs/tagger.md.
 *
 * Cost: only capitalised words are labelled; a word's features are built in a stack buffer and
 * looked up by a 64-bit hash in one open-addressing table made when the model is read.
 */
#include "extract/ent_tagger.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "extract/gazetteer.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* The names of the labels, in the order of the weights. */
static const char *const tag_names[ENT_TAG_NLAB] = {"O", "PER", "LOC", "ORG"};

/* The first line of a model file. */
#define TAG_MAGIC "recoupe-tagger 1"

/* A slot of the feature table: the hash of the feature (0: empty) and its weights, together so
 * that a look-up touches one cache line. */
typedef struct tag_slot {
    uint64_t key;
    float w[ENT_TAG_NLAB];
} tag_slot;

struct ent_tagger {
    tag_slot *tab; /* open addressing */
    size_t mask;
    size_t n;
    uint64_t prev_hash[ENT_TAG_NLAB]; /* the hashes of the previous-tag features */
    double margin;
    unsigned add; /* bit l: the entity stage adds names of label l */
};

/* FNV-1a, 64 bits, never 0 (0 marks an empty slot). */
static uint64_t tag_hash(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ? h : 1;
}

/* tag_hash over s[0..n). */
static uint64_t tag_hashn(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ? h : 1;
}

/* Writes "NAME:LINE: what" into errbuf. */
static int tag_err(char *errbuf, size_t errlen, const char *name, size_t line, const char *fmt,
                   ...)
{
    if (errbuf && errlen) {
        int k = snprintf(errbuf, errlen, "%s:%zu: ", name, line);
        if (k >= 0 && (size_t)k < errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(errbuf + k, errlen - (size_t)k, fmt, ap);
            va_end(ap);
        }
    }
    return RC_EDATA;
}

/* Parses one weight: a decimal number with no trailing text; false when malformed. */
static bool tag_number(const char *s, size_t n, float *out)
{
    char tmp[32];
    if (n == 0 || n >= sizeof tmp)
        return false;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *end;
    errno = 0;
    double v = strtod(tmp, &end);
    if (*end || errno || v != v || v > 1e6 || v < -1e6)
        return false;
    *out = (float)v;
    return true;
}

/* The slot of a feature's hash: its own, or the empty one where it would go. */
static tag_slot *tag_find(const ent_tagger *m, uint64_t h)
{
    size_t x = (size_t)h & m->mask;
    while (m->tab[x].key && m->tab[x].key != h)
        x = (x + 1) & m->mask;
    return &m->tab[x];
}

int ent_tagger_parse(const char *name, const char *data, size_t len, char *errbuf, size_t errlen,
                     ent_tagger **out)
{
    *out = NULL;
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += data[i] == '\n';
    ent_tagger *m = calloc(1, sizeof *m);
    if (m)
        m->add = 1u << ENT_TAG_PER | 1u << ENT_TAG_LOC | 1u << ENT_TAG_ORG;
    size_t cap = 16;
    while (cap < (lines + 1) * 2)
        cap *= 2;
    if (m) {
        m->tab = calloc(cap, sizeof *m->tab);
        m->mask = cap - 1;
    }
    if (!m || !m->tab) {
        ent_tagger_free(m);
        return RC_ENOMEM;
    }
    size_t line = 0, pos = 0;
    bool magic = false, labels = false;
    int st = RC_OK;
    while (pos < len && !st) {
        const char *s = data + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl ? 1 : 0);
        line++;
        if (n && s[n - 1] == '\r')
            n--;
        if (memchr(s, '\0', n)) {
            st = tag_err(errbuf, errlen, name, line, "a NUL byte");
            break;
        }
        if (!magic) {
            if (n != strlen(TAG_MAGIC) || memcmp(s, TAG_MAGIC, n) != 0)
                st = tag_err(errbuf, errlen, name, line, "not a model file (wants '%s')",
                             TAG_MAGIC);
            magic = true;
            continue;
        }
        if (n == 0 || s[0] == '#')
            continue;
        const char *tab = memchr(s, '\t', n);
        if (!tab) {
            /* a header line: labels ..., margin X */
            if (n == 20 && memcmp(s, "labels O PER LOC ORG", 20) == 0) {
                labels = true;
            } else if (n > 4 && memcmp(s, "add ", 4) == 0) {
                m->add = 0;
                for (size_t p = 4; p < n && !st;) {
                    size_t q = p;
                    while (q < n && s[q] != ' ')
                        q++;
                    int l = 0;
                    for (int k = 1; k < ENT_TAG_NLAB; k++)
                        if (strlen(tag_names[k]) == q - p && memcmp(tag_names[k], s + p, q - p) == 0)
                            l = k;
                    if (!l)
                        st = tag_err(errbuf, errlen, name, line, "add wants PER, LOC or ORG");
                    m->add |= 1u << l;
                    p = q + 1;
                }
            } else if (n > 7 && memcmp(s, "margin ", 7) == 0) {
                float v;
                if (!tag_number(s + 7, n - 7, &v) || v < 0)
                    st = tag_err(errbuf, errlen, name, line, "margin wants a number >= 0");
                else
                    m->margin = v;
            } else {
                st = tag_err(errbuf, errlen, name, line,
                             "wants 'labels O PER LOC ORG', 'add LABELS', 'margin X' or "
                             "FEATURE<TAB>4 weights");
            }
            continue;
        }
        if (!labels) {
            st = tag_err(errbuf, errlen, name, line, "a feature before the 'labels' line");
            break;
        }
        if (tab == s) {
            st = tag_err(errbuf, errlen, name, line, "an empty feature");
            break;
        }
        char feat[ENT_TAG_FBUF];
        size_t fl = (size_t)(tab - s);
        if (fl >= sizeof feat) {
            st = tag_err(errbuf, errlen, name, line, "a feature longer than %d bytes",
                         ENT_TAG_FBUF - 1);
            break;
        }
        memcpy(feat, s, fl);
        feat[fl] = '\0';
        float w[ENT_TAG_NLAB];
        const char *p = tab + 1, *end = s + n;
        for (int k = 0; k < ENT_TAG_NLAB && !st; k++) {
            const char *q = memchr(p, '\t', (size_t)(end - p));
            const char *e = q ? q : end;
            if (p >= end || (k < ENT_TAG_NLAB - 1 && !q) || (k == ENT_TAG_NLAB - 1 && q) ||
                !tag_number(p, (size_t)(e - p), &w[k]))
                st = tag_err(errbuf, errlen, name, line, "feature '%s' wants %d weights", feat,
                             ENT_TAG_NLAB);
            p = e + 1;
        }
        if (st)
            break;
        assert(m->n <= lines);
        uint64_t h = tag_hash(feat);
        tag_slot *slot = tag_find(m, h);
        if (slot->key) {
            st = tag_err(errbuf, errlen, name, line, "feature '%s' given twice", feat);
            break;
        }
        slot->key = h;
        memcpy(slot->w, w, sizeof w);
        m->n++;
    }
    if (!st && !magic)
        st = tag_err(errbuf, errlen, name, 1, "an empty file, not a model (wants '%s')",
                     TAG_MAGIC);
    else if (!st && !labels)
        st = tag_err(errbuf, errlen, name, line, "no 'labels O PER LOC ORG' line");
    if (st) {
        ent_tagger_free(m);
        return st;
    }
    for (int l = 0; l < ENT_TAG_NLAB; l++) {
        char f[16];
        snprintf(f, sizeof f, "pt=%s", tag_names[l]);
        m->prev_hash[l] = tag_hash(f);
    }
    *out = m;
    return RC_OK;
}

int ent_tagger_load(const char *path, char *errbuf, size_t errlen, ent_tagger **out)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return RC_EIO;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    int st = buf ? RC_OK : RC_ENOMEM;
    while (!st) {
        if (n == cap) {
            char *b = cap < ((size_t)1 << 30) ? realloc(buf, cap * 2) : NULL;
            if (!b) {
                st = RC_ENOMEM;
                break;
            }
            buf = b;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    if (!st && ferror(f)) {
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "%s: read error", path);
        st = RC_EIO;
    }
    fclose(f);
    if (!st)
        st = ent_tagger_parse(path, buf, n, errbuf, errlen, out);
    free(buf);
    return st;
}

void ent_tagger_free(ent_tagger *m)
{
    if (!m)
        return;
    free(m->tab);
    free(m);
}

size_t ent_tagger_size(const ent_tagger *m)
{
    return m ? m->n : 0;
}

double ent_tagger_margin(const ent_tagger *m)
{
    return m ? m->margin : 0;
}

int ent_tagger_adds(const ent_tagger *m, int label)
{
    return m && label > 0 && label < ENT_TAG_NLAB && (m->add >> label & 1u);
}

/* rc_ctx_derived make: the model of the context's French data, or NULL. */
static void *tag_make(const rc_ctx *ctx)
{
    if (!ctx->datadir)
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/fr/ent_tagger.model", ctx->datadir);
    ent_tagger *m = NULL;
    char err[256];
    if (ent_tagger_load(path, err, sizeof err, &m))
        return NULL;
    return m;
}

/* rc_ctx_derived destroy. */
static void tag_destroy(void *m)
{
    ent_tagger_free(m);
}

const ent_tagger *ent_tagger_get(const rc_ctx *ctx)
{
    return rc_ctx_derived(ctx, RC_SLOT_TAGGER, tag_make, tag_destroy);
}

int rc_ctx_set_tagger(rc_ctx *ctx, int on, char *errbuf, size_t errlen)
{
    if (errbuf && errlen)
        errbuf[0] = '\0';
    ctx->tagger = false;
    if (!on)
        return RC_OK;
    if (!ent_tagger_get(ctx)) {
        /* read it again to say why it cannot be used */
        char path[4096];
        snprintf(path, sizeof path, "%s/fr/ent_tagger.model", ctx->datadir ? ctx->datadir : ".");
        ent_tagger *m = NULL;
        int st = ent_tagger_load(path, errbuf, errlen, &m);
        ent_tagger_free(m);
        return st ? st : RC_ENOMEM;
    }
    ctx->tagger = true;
    return RC_OK;
}

/* ---- features ----------------------------------------------------------------------------- */

int ent_tagger_signals(rc_doc *doc, ent_tag_doc *td)
{
    memset(td, 0, sizeof *td);
    td->doc = doc;
    uint8_t *rule = rc_arena_calloc(&doc->arena, doc->ntoks + 1, 1);
    if (!rule)
        return RC_ENOMEM;
    size_t e = 0, t = 0;
    for (size_t i = 0; i < doc->ntoks; i++) {
        const rc_token *k = &doc->toks[i];
        while (e < doc->nents && doc->ents[e].end <= k->start)
            e++;
        while (t < doc->ntimes && doc->times[t].end <= k->start)
            t++;
        if (e < doc->nents && doc->ents[e].start <= k->start)
            rule[i] = (uint8_t)(doc->ents[e].type + 1);
        else if (t < doc->ntimes && doc->times[t].start <= k->start)
            rule[i] = 5;
    }
    td->rule = rule;
    /* the capitalised words met inside a sentence: a sentence's first word met there too is a
     * name rather than a common word written with a capital */
    size_t cap = 16;
    while (cap < doc->ntoks / 4 + 16)
        cap *= 2;
    uint64_t *mid = rc_arena_calloc(&doc->arena, cap, sizeof *mid);
    if (!mid)
        return RC_ENOMEM;
    size_t used = 0;
    for (size_t i = 0; i < doc->ntoks && used < cap / 2; i++) {
        if (!ent_tagger_candidate(doc, i) || (doc->toks[i].flags & RC_TF_SENTSTART))
            continue;
        uint64_t h = tag_hashn(doc->text + doc->toks[i].start,
                               doc->toks[i].end - doc->toks[i].start);
        size_t x = (size_t)h & (cap - 1);
        while (mid[x] && mid[x] != h)
            x = (x + 1) & (cap - 1);
        if (!mid[x])
            mid[x] = h, used++;
    }
    td->mid = mid;
    td->mid_mask = cap - 1;
    if (doc->ctx->fr) {
        td->cues = rc_lang_lex(doc->ctx->fr, "ent_cues");
        td->demonyms = rc_lang_lex(doc->ctx->fr, "ent_demonyms");
    }
    td->gaz = rc_gaz_get(doc->ctx);
    return td->gaz ? RC_OK : RC_ENOMEM;
}

int ent_tagger_candidate(const rc_doc *doc, size_t i)
{
    const rc_token *t = &doc->toks[i];
    return t->kind == RC_TOK_WORD && (t->flags & RC_TF_UPPER);
}

/* The class of a character for shapes: X upper case, x lower case, d digit, ' and -, else '.'.
 * Latin-1 and the French oe ligature are told apart by case; the rest of Latin Extended counts as
 * lower case (rare in the names at hand). */
static char tag_class(int32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || c == 0x152)
        return 'X';
    if ((c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) || c == 0x153 ||
        (c >= 0x100 && c < 0x2b0))
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    if (c == '\'' || c == 0x2019)
        return '\'';
    if (c == '-' || c == 0x2010 || c == 0x2011)
        return '-';
    return '.';
}

/* The short shape of a word (runs of one class written once: Xx, X, x-Xx, d) into out (cap 16). */
static void tag_shape(const char *s, size_t n, char *out)
{
    size_t o = 0;
    char last = 0;
    for (size_t i = 0; i < n && o < 15;) {
        int32_t c;
        size_t k = rc_utf8_decode((const unsigned char *)s + i, n - i, &c);
        if (!k)
            k = 1, c = '.';
        i += k;
        char x = tag_class(c);
        if (x != last)
            out[o++] = x;
        last = x;
    }
    out[o] = '\0';
}

/* The byte length of the first k characters of s (UTF-8). */
static size_t tag_prefix(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    while (i < n && k) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
            i++;
        k--;
    }
    return i;
}

/* The byte offset where the last k characters of s start (UTF-8). */
static size_t tag_suffix(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (i > 0 && k) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
            i--;
        k--;
    }
    return i;
}

/* A feature writer over the caller's buffer. */
typedef struct tag_fw {
    char *buf;
    size_t used;
    const char **feats;
    size_t n;
} tag_fw;

/* Adds the feature "pre" + s[0..len); dropped when the buffer or the list is full. */
static void tag_add(tag_fw *fw, const char *pre, const char *s, size_t len)
{
    size_t pl = strlen(pre);
    if (fw->n >= ENT_TAG_MAXF || fw->used + pl + len + 1 > ENT_TAG_FBUF)
        return;
    char *o = fw->buf + fw->used;
    memcpy(o, pre, pl);
    memcpy(o + pl, s, len);
    o[pl + len] = '\0';
    /* a feature is one field of the model file: no tab nor line break */
    for (size_t i = pl; i < pl + len; i++)
        if (o[i] == '\t' || o[i] == '\n' || o[i] == '\r')
            o[i] = ' ';
    fw->feats[fw->n++] = o;
    fw->used += pl + len + 1;
}

/* Adds "pre" + a NUL-terminated string. */
static void tag_adds(tag_fw *fw, const char *pre, const char *s)
{
    tag_add(fw, pre, s, strlen(s));
}

/* The folded form of token i (its first 20 characters) into out (cap 64). */
static size_t tag_fold(const rc_doc *d, size_t i, char *out)
{
    const char *s = d->text + d->toks[i].start;
    size_t n = d->toks[i].end - d->toks[i].start;
    n = tag_prefix(s, n, 20);
    size_t k = rc_fold(s, n, out, 63);
    if (k > 63)
        k = 0;
    out[k] = '\0';
    return k;
}

/* The dictionary class of a word: p proper noun, c common word, u unknown. */
static const char *tag_dict(const rc_doc *d, size_t i)
{
    rc_morph m;
    const char *s = d->text + d->toks[i].start;
    size_t n = d->toks[i].end - d->toks[i].start;
    if (!rc_fr_morph(d->ctx, s, n, &m))
        return "u";
    if (m.flags & RC_M_PROPER)
        return "p";
    if (m.flags & (RC_M_NOUN | RC_M_VERB | RC_M_ADJ | RC_M_ADV | RC_M_FUNC))
        return "c";
    return "u";
}

/* The cue class of token i (ent_cues.tsv), or "-". */
static const char *tag_cue(const ent_tag_doc *td, size_t i)
{
    const rc_token *t = &td->doc->toks[i];
    if (!td->cues || (t->kind != RC_TOK_WORD && t->kind != RC_TOK_ELISION &&
                      t->kind != RC_TOK_ABBREV))
        return "-";
    const char *v = rc_lex_get(td->cues, td->doc->text + t->start, t->end - t->start);
    return v ? v : "-";
}

/* Whether a word is a nationality in one of its forms (Syriens, Kurdes). */
static bool tag_demonym(const ent_tag_doc *td, const char *s, size_t n)
{
    if (!td->demonyms)
        return false;
    if (rc_lex_get(td->demonyms, s, n))
        return true;
    return n > 2 && s[n - 1] == 's' && rc_lex_get(td->demonyms, s, n - 1);
}

static bool tag_mid(const ent_tag_doc *td, size_t i);

static const char *const tag_rule_names[] = {"-", "PER", "ORG", "LOC", "MISC", "TIME"};

int ent_tagger_rule_label(const ent_tag_doc *td, size_t i)
{
    static const uint8_t of_rule[] = {ENT_TAG_O, ENT_TAG_PER, ENT_TAG_ORG, ENT_TAG_LOC,
                                      ENT_TAG_O, ENT_TAG_O};
    return td->rule[i] ? of_rule[td->rule[i] < 6 ? td->rule[i] : 0] : -1;
}

/* The neighbour's word, shape, rule type and cue (side 0: the word before, 1: after). */
static void tag_neighbour(tag_fw *fw, const ent_tag_doc *td, size_t j, int side)
{
    static const char *const pre[2][4] = {{"-1w=", "-1sh=", "-1r=", "-1c="},
                                          {"+1w=", "+1sh=", "+1r=", "+1c="}};
    const rc_doc *d = td->doc;
    char f[64], sh[16];
    if (j >= d->ntoks) {
        tag_adds(fw, pre[side][0], "<none>");
        return;
    }
    size_t k = tag_fold(d, j, f);
    tag_add(fw, pre[side][0], f, k);
    tag_shape(d->text + d->toks[j].start, d->toks[j].end - d->toks[j].start, sh);
    tag_adds(fw, pre[side][1], sh);
    tag_adds(fw, pre[side][2], tag_rule_names[td->rule[j] < 6 ? td->rule[j] : 0]);
    tag_adds(fw, pre[side][3], tag_cue(td, j));
}

size_t ent_tagger_feats(const ent_tag_doc *td, size_t i, char *buf, const char **feats)
{
    const rc_doc *d = td->doc;
    assert(i < d->ntoks);
    tag_fw fw = {.buf = buf, .feats = feats};
    const char *s = d->text + d->toks[i].start;
    size_t n = d->toks[i].end - d->toks[i].start;
    char f[64], sh[16];
    size_t fl = tag_fold(d, i, f);
    tag_adds(&fw, "b", "");
    tag_add(&fw, "w=", f, fl);
    static const char *const pre[] = {"p1=", "p2=", "p3=", "s2=", "s3=", "s4="};
    for (size_t k = 1; k <= 3; k++)
        tag_add(&fw, pre[k - 1], f, tag_prefix(f, fl, k));
    for (size_t k = 2; k <= 4; k++) {
        size_t at = tag_suffix(f, fl, k);
        tag_add(&fw, pre[k + 1], f + at, fl - at);
    }
    tag_shape(s, n, sh);
    tag_adds(&fw, "sh=", sh);
    const char *len = n <= 2 ? "1" : n <= 4 ? "2" : n <= 8 ? "3" : "4";
    tag_adds(&fw, "len=", len);
    const char *dict = tag_dict(d, i);
    tag_adds(&fw, "d=", dict);
    bool ss = d->toks[i].flags & RC_TF_SENTSTART;
    if (ss) {
        tag_adds(&fw, "ss|d=", dict);
        tag_adds(&fw, "ss|sh=", sh);
        const char *seen = tag_mid(td, i) ? "1" : "0";
        tag_adds(&fw, "ss|mid=", seen);
        char combo[8];
        snprintf(combo, sizeof combo, "%s|%s", seen, dict);
        tag_adds(&fw, "ss|mid|d=", combo);
    }
    /* what the rules know */
    rc_lex_key key;
    rc_lex_key_make(s, n, &key);
    unsigned g = td->gaz ? rc_gaz_word(td->gaz, &key) : 0;
    if (g & RC_GAZ_FIRST)
        tag_adds(&fw, "g=", "first");
    if (g & RC_GAZ_PLACE)
        tag_adds(&fw, "g=", "place");
    if (g & RC_GAZ_COUNTRY)
        tag_adds(&fw, "g=", "country");
    if (g & RC_GAZ_ORG)
        tag_adds(&fw, "g=", "org");
    if (tag_demonym(td, s, n))
        tag_adds(&fw, "g=", "demo");
    if (!g)
        tag_adds(&fw, "g=", "-");
    tag_adds(&fw, "c=", tag_cue(td, i));
    const char *rule = tag_rule_names[td->rule[i] < 6 ? td->rule[i] : 0];
    tag_adds(&fw, "r=", rule);
    char combo[24];
    snprintf(combo, sizeof combo, "%s|%s", rule, sh);
    tag_adds(&fw, "r|sh=", combo);
    snprintf(combo, sizeof combo, "%s|%s", rule, dict);
    tag_adds(&fw, "r|d=", combo);
    /* the neighbours */
    tag_neighbour(&fw, td, i ? i - 1 : d->ntoks, 0);
    tag_neighbour(&fw, td, i + 1, 1);
    if (i >= 2) {
        size_t k = tag_fold(d, i - 2, f);
        tag_add(&fw, "-2w=", f, k);
        tag_adds(&fw, "-2c=", tag_cue(td, i - 2));
    }
    if (i + 2 < d->ntoks) {
        size_t k = tag_fold(d, i + 2, f);
        tag_add(&fw, "+2w=", f, k);
    }
    return fw.n;
}

/* Whether token i's text is in the set of capitalised words met inside a sentence. */
static bool tag_mid(const ent_tag_doc *td, size_t i)
{
    const rc_doc *d = td->doc;
    uint64_t h = tag_hashn(d->text + d->toks[i].start, d->toks[i].end - d->toks[i].start);
    size_t x = (size_t)h & td->mid_mask;
    while (td->mid[x] && td->mid[x] != h)
        x = (x + 1) & td->mid_mask;
    return td->mid[x] != 0;
}

/* Whether token i is a word that links the parts of a name: de, du, des, d', of. */
static bool tag_link(const rc_doc *d, size_t i)
{
    const char *s = d->text + d->toks[i].start;
    size_t n = d->toks[i].end - d->toks[i].start;
    if (d->toks[i].kind == RC_TOK_ELISION)
        return s[0] == 'd';
    return d->toks[i].kind == RC_TOK_WORD &&
           ((n == 2 && (memcmp(s, "de", 2) == 0 || memcmp(s, "du", 2) == 0 ||
                        memcmp(s, "of", 2) == 0)) ||
            (n == 3 && memcmp(s, "des", 3) == 0));
}

/* Whether a run [i, j) may be added: not touching a rule's entity, not a lone sentence opener
 * the document never writes capitalised inside a sentence. */
static bool tag_keep(const ent_tag_doc *td, size_t i, size_t j)
{
    const rc_doc *d = td->doc;
    assert(i < j && j <= d->ntoks);
    if ((i > 0 && td->rule[i - 1] && td->rule[i - 1] < 5) ||
        (j < d->ntoks && td->rule[j] && td->rule[j] < 5))
        return false;
    /* nor through a link word (Times of Israel, Conseil de Sécurité) */
    if ((i > 1 && tag_link(d, i - 1) && td->rule[i - 2] && td->rule[i - 2] < 5) ||
        (j + 1 < d->ntoks && tag_link(d, j) && td->rule[j + 1] && td->rule[j + 1] < 5))
        return false;
    if (j == i + 1 && (d->toks[i].flags & RC_TF_SENTSTART))
        return tag_mid(td, i);
    return true;
}

/* A slot of the table of ent_tagger_spans: the hash of a name's text, the margins summed per
 * label, and the rules' label for that text (0 none). */
typedef struct tag_name {
    uint64_t h;
    float sum[ENT_TAG_NLAB];
    uint8_t rule;
} tag_name;

/* The slot of text s[0..n) in the table (mask + 1 slots), claimed when new. */
static tag_name *tag_name_slot(tag_name *t, size_t mask, const char *s, size_t n)
{
    uint64_t h = tag_hashn(s, n);
    size_t x = (size_t)h & mask;
    while (t[x].h && t[x].h != h)
        x = (x + 1) & mask;
    t[x].h = h;
    return &t[x];
}

long ent_tagger_spans(const ent_tagger *m, ent_tag_doc *td, const uint8_t *tags,
                      const float *margin, ent_tag_span *out)
{
    rc_doc *d = (rc_doc *)td->doc; /* for its arena */
    float least = (float)m->margin;
    size_t n = 0;
    for (size_t i = 0; i < d->ntoks;) {
        if (tags[i] == ENT_TAG_O || td->rule[i] || margin[i] < least) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < d->ntoks && tags[j] == tags[i] && !td->rule[j] && margin[j] >= least &&
               !(d->toks[j].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
            j++;
        if (tag_keep(td, i, j))
            out[n++] = (ent_tag_span){(uint32_t)i, (uint32_t)j, tags[i]};
        i = j;
    }
    if (!n)
        return 0;
    /* one label per text: the rules' entities' texts first, then the runs' margins */
    size_t cap = 16;
    while (cap < (n + d->nents) * 2)
        cap *= 2;
    tag_name *t = rc_arena_calloc(&d->arena, cap, sizeof *t);
    if (!t)
        return -1;
    static const uint8_t of_type[] = {ENT_TAG_PER, ENT_TAG_ORG, ENT_TAG_LOC, ENT_TAG_O};
    for (size_t e = 0; e < d->nents; e++) {
        const rc_entity *x = &d->ents[e];
        tag_name *slot = tag_name_slot(t, cap - 1, d->text + x->start, x->end - x->start);
        if (!slot->rule)
            slot->rule = x->type < 4 ? of_type[x->type] : ENT_TAG_O;
    }
    for (size_t k = 0; k < n; k++) {
        uint32_t s = d->toks[out[k].a].start, e = d->toks[out[k].b - 1].end;
        tag_name *slot = tag_name_slot(t, cap - 1, d->text + s, e - s);
        for (uint32_t w = out[k].a; w < out[k].b; w++)
            slot->sum[out[k].label] += margin[w];
    }
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t s = d->toks[out[k].a].start, e = d->toks[out[k].b - 1].end;
        const tag_name *slot = tag_name_slot(t, cap - 1, d->text + s, e - s);
        int label = slot->rule;
        if (!label) {
            label = 1;
            for (int l = 2; l < ENT_TAG_NLAB; l++)
                if (slot->sum[l] > slot->sum[label])
                    label = l;
        }
        if (label == ENT_TAG_O || !ent_tagger_adds(m, label))
            continue;
        out[kept] = out[k];
        out[kept++].label = (uint8_t)label;
    }
    return (long)kept;
}

size_t ent_tagger_prev_feats(size_t n, int prev, char *buf, const char **feats)
{
    assert(prev >= 0 && prev < ENT_TAG_NLAB);
    size_t used = 0;
    for (size_t k = 0; k < n; k++)
        used += strlen(feats[k]) + 1;
    tag_fw fw = {.buf = buf, .used = used, .feats = feats, .n = n};
    tag_adds(&fw, "pt=", tag_names[prev]);
    return fw.n;
}

void ent_tagger_tag(const ent_tagger *m, const ent_tag_doc *td, int all, uint8_t *tags,
                    float *margin)
{
    const rc_doc *d = td->doc;
    char buf[ENT_TAG_FBUF];
    const char *feats[ENT_TAG_MAXF];
    for (size_t i = 0; i < d->ntoks; i++) {
        tags[i] = ENT_TAG_O;
        margin[i] = 0;
        if (!ent_tagger_candidate(d, i))
            continue;
        if (td->rule[i] && !all) {
            /* the rules' word: their label, which the next word reads as the previous tag */
            tags[i] = (uint8_t)ent_tagger_rule_label(td, i);
            continue;
        }
        size_t n = ent_tagger_feats(td, i, buf, feats);
        float sc[ENT_TAG_NLAB] = {0};
        for (size_t k = 0; k <= n; k++) {
            /* the previous tag's feature last, its hash made at load */
            uint64_t h = k < n ? tag_hash(feats[k]) : m->prev_hash[i ? tags[i - 1] : ENT_TAG_O];
            const tag_slot *slot = tag_find(m, h);
            if (!slot->key)
                continue;
            for (int l = 0; l < ENT_TAG_NLAB; l++)
                sc[l] += slot->w[l];
        }
        int best = 0;
        for (int l = 1; l < ENT_TAG_NLAB; l++)
            if (sc[l] > sc[best])
                best = l;
        float second = -1e30f;
        for (int l = 0; l < ENT_TAG_NLAB; l++)
            if (l != best && sc[l] > second)
                second = sc[l];
        tags[i] = (uint8_t)best;
        margin[i] = sc[best] - second;
    }
}
