/*
 * ent_tagger_train.c - trains the entity tagger (data/fr/ent_tagger.model) from a corpus of
 * "token TAG" lines (I-PER, I-LOC, I-ORG, O; B- accepted), reproducibly: fixed seed, fixed
 * number of epochs, features sorted in the output.
 *
 * The corpus is cut into pieces of about 400 tokens (at a full stop), each piece is written back
 * as text and parsed by the library like any document, so that the tokens, the gazetteer and
 * cue look-ups and the rule stage's entities the features read are those of run time: the
 * features come from ent_tagger_feats, the same function the entity stage calls. One piece in
 * ten is held out; the model is trained on the others, written, read back and scored on them.
 *
 *   ent_tagger_train [--epochs N] [--seed S] [--prune W] [--margin M] [--add 'PER LOC']
 *                    CORPUS.bio OUT.model
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "extract/ent_tagger.h"
#include "recoupe.h"

/* One piece of the corpus as text: per byte the gold label (ENT_TAG_*), 255 for spaces. */
typedef struct piece {
    char *text;
    uint8_t *lab;
    size_t len;
} piece;

/* A labelled candidate token: its static features, gold label and what comes before it: when
 * the token right before is in a rule's entity, -1 - the rules' label (what the entity stage
 * reads there); else the index of the previous example when that is the token right before; else
 * -1 - O. */
typedef struct example {
    uint32_t f0, nf; /* range in the feature id pool */
    uint8_t gold;
    int32_t prev;
} example;

/* A feature to write: its string and id. */
typedef struct row {
    const char *s;
    uint32_t id;
} row;

/* Byte order of the feature strings. */
static int row_cmp(const void *x, const void *y)
{
    return strcmp(((const row *)x)->s, ((const row *)y)->s);
}

/* Interned feature strings. */
typedef struct feats {
    char **str;
    uint64_t *hash;
    uint32_t *tab; /* id + 1 */
    size_t n, cap, mask;
} feats;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "ent_tagger_train: out of memory\n");
        exit(1);
    }
    return q;
}

/* FNV-1a, 64 bits. */
static uint64_t hash64(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The id of a feature string, added when new. */
static uint32_t feat_id(feats *F, const char *s)
{
    if (F->n * 2 >= F->mask) {
        size_t cap = F->mask ? (F->mask + 1) * 2 : 1 << 16;
        free(F->tab);
        F->tab = calloc(cap, sizeof *F->tab);
        if (!F->tab)
            exit(1);
        F->mask = cap - 1;
        for (size_t i = 0; i < F->n; i++) {
            size_t x = F->hash[i] & F->mask;
            while (F->tab[x])
                x = (x + 1) & F->mask;
            F->tab[x] = (uint32_t)i + 1;
        }
    }
    uint64_t h = hash64(s);
    size_t x = h & F->mask;
    while (F->tab[x]) {
        uint32_t id = F->tab[x] - 1;
        if (F->hash[id] == h && strcmp(F->str[id], s) == 0)
            return id;
        x = (x + 1) & F->mask;
    }
    if (F->n == F->cap) {
        F->cap = F->cap ? F->cap * 2 : 4096;
        F->str = xrealloc(F->str, F->cap * sizeof *F->str);
        F->hash = xrealloc(F->hash, F->cap * sizeof *F->hash);
    }
    F->str[F->n] = strdup(s);
    F->hash[F->n] = h;
    F->tab[x] = (uint32_t)F->n + 1;
    return (uint32_t)F->n++;
}

/* The label of a corpus tag. */
static int label_of(const char *t)
{
    if (strlen(t) > 2 && (t[0] == 'I' || t[0] == 'B') && t[1] == '-')
        t += 2;
    return strcmp(t, "PER") == 0 ? ENT_TAG_PER : strcmp(t, "LOC") == 0 ? ENT_TAG_LOC
                                             : strcmp(t, "ORG") == 0 ? ENT_TAG_ORG
                                                                     : ENT_TAG_O;
}

/* Whether no space goes before a token (closing punctuation). */
static int glue_before(const char *t)
{
    return strcmp(t, ".") == 0 || strcmp(t, ",") == 0 || strcmp(t, ";") == 0 ||
           strcmp(t, ":") == 0 || strcmp(t, ")") == 0 || strcmp(t, "]") == 0;
}

/* Reads the corpus into pieces of about 400 tokens. */
static piece *read_corpus(const char *path, size_t *npieces)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    piece *ps = NULL;
    size_t np = 0, cap = 0, tokens = 0, tcap = 0, tlen = 0;
    char *text = NULL;
    uint8_t *lab = NULL;
    char line[4096];
    int glue_next = 1;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        char *tok = NULL, *tag = NULL;
        if (got) {
            line[strcspn(line, "\r\n")] = '\0';
            char *sp = strrchr(line, ' ');
            if (!sp || sp == line)
                continue;
            *sp = '\0';
            tok = line;
            tag = sp + 1;
            size_t tl = strlen(tok);
            if (tlen + tl + 2 > tcap) {
                tcap = (tlen + tl + 2) * 2;
                text = xrealloc(text, tcap);
                lab = xrealloc(lab, tcap);
            }
            if (tlen && !glue_next && !glue_before(tok)) {
                text[tlen] = ' ';
                lab[tlen++] = 255;
            }
            int l = label_of(tag);
            memcpy(text + tlen, tok, tl);
            memset(lab + tlen, l, tl);
            tlen += tl;
            glue_next = tok[tl - 1] == '\'' || strcmp(tok, "(") == 0;
            tokens++;
        }
        if (!got || (tokens >= 400 && strcmp(tok, ".") == 0) || tokens >= 1000) {
            if (tlen) {
                if (np == cap) {
                    cap = cap ? cap * 2 : 256;
                    ps = xrealloc(ps, cap * sizeof *ps);
                }
                text[tlen] = '\0';
                ps[np++] = (piece){text, lab, tlen};
                text = NULL;
                lab = NULL;
                tlen = tcap = 0;
            }
            tokens = 0;
            glue_next = 1;
            if (!got)
                break;
        }
    }
    fclose(f);
    *npieces = np;
    return ps;
}

/* Parses a piece with the library (tagger off): the rules' entities are in the document. */
static rc_doc *parse_piece(const rc_ctx *ctx, const piece *p, size_t k)
{
    char name[32];
    snprintf(name, sizeof name, "piece#%zu", k);
    rc_source src = {.path = name, .data = p->text, .len = p->len, .format = RC_FORMAT_TEXT};
    rc_doc *doc = NULL;
    if (rc_doc_parse(ctx, &src, NULL, &doc)) {
        rc_doc_free(doc);
        return NULL;
    }
    size_t n;
    const char *t = rc_doc_text(doc, &n);
    if (n != p->len || memcmp(t, p->text, n) != 0) {
        rc_doc_free(doc); /* the cleaner changed the text: offsets would not match the labels */
        return NULL;
    }
    return doc;
}

/* Counts of entity-level scoring. */
typedef struct score {
    size_t tp, fp, fn;
} score;

/* The runs of tags over candidates (as the entity stage makes them), compared as spans. */
static void score_runs(const rc_doc *d, const uint8_t *gold, const uint8_t *pred, score *s)
{
    /* a run: consecutive candidate tokens of one label, broken at a sentence or line start */
    for (int side = 0; side < 2; side++) {
        const uint8_t *a = side ? pred : gold, *b = side ? gold : pred;
        for (size_t i = 0; i < d->ntoks;) {
            if (!a[i]) {
                i++;
                continue;
            }
            size_t j = i + 1;
            while (j < d->ntoks && a[j] == a[i] &&
                   !(d->toks[j].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
                j++;
            /* the same run on the other side */
            int same = b[i] == a[i] && (i == 0 || b[i - 1] != a[i] ||
                                        (d->toks[i].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)));
            for (size_t k = i; same && k < j; k++)
                same = b[k] == a[i];
            if (same && j < d->ntoks && b[j] == a[i] &&
                !(d->toks[j].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
                same = 0;
            if (side == 0) {
                if (same)
                    s->tp++;
                else
                    s->fn++;
            } else if (!same) {
                s->fp++;
            }
            i = j;
        }
    }
}

static void print_score(const char *what, const score *s)
{
    double p = s->tp + s->fp ? 100.0 * s->tp / (double)(s->tp + s->fp) : 0;
    double r = s->tp + s->fn ? 100.0 * s->tp / (double)(s->tp + s->fn) : 0;
    printf("%-28s P %5.1f  R %5.1f  F1 %5.1f  (%zu gold, %zu found)\n", what, p, r,
           p + r > 0 ? 2 * p * r / (p + r) : 0, s->tp + s->fn, s->tp + s->fp);
}

int main(int argc, char **argv)
{
    int epochs = 8;
    unsigned long long seed = 20161215;
    double prune = 0.05, margin = 0;
    const char *add = "PER LOC";
    int a = 1;
    for (; a + 1 < argc && strncmp(argv[a], "--", 2) == 0; a += 2) {
        if (strcmp(argv[a], "--epochs") == 0)
            epochs = atoi(argv[a + 1]);
        else if (strcmp(argv[a], "--seed") == 0)
            seed = strtoull(argv[a + 1], NULL, 10);
        else if (strcmp(argv[a], "--prune") == 0)
            prune = atof(argv[a + 1]);
        else if (strcmp(argv[a], "--add") == 0)
            add = argv[a + 1];
        else if (strcmp(argv[a], "--margin") == 0)
            margin = atof(argv[a + 1]);
        else
            break;
    }
    if (argc - a != 2 || epochs < 1) {
        fprintf(stderr, "usage: ent_tagger_train [--epochs N] [--seed S] [--prune W] "
                        "[--margin M] [--add 'PER LOC'] CORPUS.bio OUT.model\n");
        return 2;
    }
    char err[512];
    rc_ctx *ctx;
    if (rc_ctx_new(NULL, err, sizeof err, &ctx)) {
        fprintf(stderr, "ent_tagger_train: %s\n", err);
        return 1;
    }
    size_t np;
    piece *ps = read_corpus(argv[a], &np);

    /* features of the training pieces */
    feats F = {0};
    uint32_t pt[ENT_TAG_NLAB];
    {
        char buf[ENT_TAG_FBUF];
        const char *fs[ENT_TAG_MAXF];
        for (int l = 0; l < ENT_TAG_NLAB; l++) {
            size_t n = ent_tagger_prev_feats(0, l, buf, fs);
            pt[l] = feat_id(&F, fs[n - 1]);
        }
    }
    example *ex = NULL;
    size_t nex = 0, capex = 0;
    uint32_t *pool = NULL;
    size_t npool = 0, cappool = 0;
    size_t *doc_first = calloc(np + 1, sizeof *doc_first); /* examples of piece k */
    size_t skipped = 0, ntrain = 0;
    for (size_t k = 0; k < np; k++) {
        doc_first[k] = nex;
        if (k % 10 == 9)
            continue; /* held out */
        rc_doc *d = parse_piece(ctx, &ps[k], k);
        ent_tag_doc td;
        if (!d || ent_tagger_signals(d, &td)) {
            skipped++;
            rc_doc_free(d);
            continue;
        }
        ntrain++;
        int64_t last = -1;
        size_t last_tok = (size_t)-1;
        for (size_t i = 0; i < d->ntoks; i++) {
            if (!ent_tagger_candidate(d, i))
                continue;
            char buf[ENT_TAG_FBUF];
            const char *fs[ENT_TAG_MAXF];
            size_t n = ent_tagger_feats(&td, i, buf, fs);
            if (nex == capex) {
                capex = capex ? capex * 2 : 65536;
                ex = xrealloc(ex, capex * sizeof *ex);
            }
            if (npool + n > cappool) {
                cappool = (npool + n) * 2;
                pool = xrealloc(pool, cappool * sizeof *pool);
            }
            example *e = &ex[nex];
            e->f0 = (uint32_t)npool;
            e->nf = (uint32_t)n;
            for (size_t q = 0; q < n; q++)
                pool[npool++] = feat_id(&F, fs[q]);
            uint8_t g = ps[k].lab[d->toks[i].start];
            e->gold = g == 255 ? ENT_TAG_O : g;
            int before = i && ent_tagger_candidate(d, i - 1) && td.rule[i - 1]
                             ? ent_tagger_rule_label(&td, i - 1)
                             : ENT_TAG_O;
            e->prev = i && ent_tagger_candidate(d, i - 1) && td.rule[i - 1] ? -1 - before
                      : last >= 0 && last_tok + 1 == i                        ? (int32_t)last
                                                                              : -1 - ENT_TAG_O;
            last = (int64_t)nex;
            last_tok = i;
            nex++;
        }
        rc_doc_free(d);
    }
    doc_first[np] = nex;
    fprintf(stderr, "ent_tagger_train: %zu pieces (%zu for training, %zu not usable), %zu "
                    "examples, %zu features\n", np, ntrain, skipped, nex, F.n);

    /* averaged perceptron, greedy decoding with the predicted previous label */
    size_t nf = F.n;
    float *w = calloc(nf * ENT_TAG_NLAB, sizeof *w);
    double *u = calloc(nf * ENT_TAG_NLAB, sizeof *u);
    uint8_t *pred = calloc(nex + 1, 1);
    size_t *order = calloc(np, sizeof *order);
    if (!w || !u || !pred || !order)
        return 1;
    double c = 1;
    for (size_t k = 0; k < np; k++)
        order[k] = k;
    uint64_t rng = seed ? seed : 1;
    for (int ep = 0; ep < epochs; ep++) {
        for (size_t k = np; k > 1; k--) { /* Fisher-Yates with xorshift64 */
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            size_t j = (size_t)(rng % k);
            size_t t = order[k - 1];
            order[k - 1] = order[j];
            order[j] = t;
        }
        size_t errors = 0;
        for (size_t oi = 0; oi < np; oi++) {
            size_t k = order[oi];
            for (size_t x = doc_first[k]; x < doc_first[k + 1]; x++) {
                example *e = &ex[x];
                uint32_t p = pt[e->prev >= 0 ? pred[e->prev] : -1 - e->prev];
                float sc[ENT_TAG_NLAB] = {0};
                for (uint32_t q = 0; q <= e->nf; q++) {
                    uint32_t id = q < e->nf ? pool[e->f0 + q] : p;
                    for (int l = 0; l < ENT_TAG_NLAB; l++)
                        sc[l] += w[(size_t)id * ENT_TAG_NLAB + l];
                }
                int best = 0;
                for (int l = 1; l < ENT_TAG_NLAB; l++)
                    if (sc[l] > sc[best])
                        best = l;
                pred[x] = (uint8_t)best;
                if (best != e->gold) {
                    errors++;
                    for (uint32_t q = 0; q <= e->nf; q++) {
                        uint32_t id = q < e->nf ? pool[e->f0 + q] : p;
                        w[(size_t)id * ENT_TAG_NLAB + e->gold] += 1;
                        u[(size_t)id * ENT_TAG_NLAB + e->gold] += c;
                        w[(size_t)id * ENT_TAG_NLAB + best] -= 1;
                        u[(size_t)id * ENT_TAG_NLAB + best] -= c;
                    }
                }
                c++;
            }
        }
        fprintf(stderr, "ent_tagger_train: epoch %d, %zu errors\n", ep + 1, errors);
    }

    /* the averaged weights, pruned, in byte order of the features */
    uint32_t *ids = calloc(nf + 1, sizeof *ids);
    size_t kept = 0;
    for (size_t i = 0; i < nf; i++) {
        double mx = 0;
        for (int l = 0; l < ENT_TAG_NLAB; l++) {
            double v = w[i * ENT_TAG_NLAB + l] - u[i * ENT_TAG_NLAB + l] / c;
            w[i * ENT_TAG_NLAB + l] = (float)v;
            if (fabs(v) > mx)
                mx = fabs(v);
        }
        if (mx >= prune && strchr(F.str[i], '\t') == NULL)
            ids[kept++] = (uint32_t)i;
    }
    char **strs = F.str;
    row *rows = calloc(kept + 1, sizeof *rows);
    for (size_t i = 0; i < kept; i++)
        rows[i] = (row){strs[ids[i]], ids[i]};
    qsort(rows, kept, sizeof *rows, row_cmp);
    FILE *out = fopen(argv[a + 1], "w");
    if (!out) {
        perror(argv[a + 1]);
        return 1;
    }
    fprintf(out, "recoupe-tagger 1\n"
                 "# entity tagger of recoupe: averaged perceptron, trained by "
                 "tools/ent_tagger_train.c\n"
                 "# (%d epochs, seed %llu, weights below %.3g pruned); format in docs/tagger.md\n"
                 "labels O PER LOC ORG\nadd %s\nmargin %.3f\n",
            epochs, seed, prune, add, margin);
    for (size_t i = 0; i < kept; i++) {
        const float *v = &w[(size_t)rows[i].id * ENT_TAG_NLAB];
        fprintf(out, "%s", rows[i].s);
        for (int l = 0; l < ENT_TAG_NLAB; l++) {
            double r = round(v[l] * 100) / 100;
            if (r == 0)
                fprintf(out, "\t0");
            else
                fprintf(out, "\t%.2f", r);
        }
        fputc('\n', out);
    }
    if (fclose(out)) {
        perror(argv[a + 1]);
        return 1;
    }
    fprintf(stderr, "ent_tagger_train: %zu of %zu features written to %s\n", kept, nf,
            argv[a + 1]);

    /* the held-out pieces, scored with the model as written, as the entity stage reads it */
    ent_tagger *m;
    if (ent_tagger_load(argv[a + 1], err, sizeof err, &m)) {
        fprintf(stderr, "ent_tagger_train: %s\n", err);
        return 1;
    }
    score tag = {0}, rules = {0}, both = {0};
    score by[ENT_TAG_NLAB] = {{0}};
    for (size_t k = 9; k < np; k += 10) {
        rc_doc *d = parse_piece(ctx, &ps[k], k);
        ent_tag_doc td;
        if (!d || ent_tagger_signals(d, &td)) {
            rc_doc_free(d);
            continue;
        }
        size_t n = d->ntoks;
        uint8_t *gold = calloc(n + 1, 1), *tg = calloc(n + 1, 1), *ru = calloc(n + 1, 1),
                *co = calloc(n + 1, 1);
        float *mg = calloc(n + 1, sizeof *mg);
        ent_tagger_tag(m, &td, 1, tg, mg); /* the model alone, on every capitalised word */
        uint8_t *tl = calloc(n + 1, 1); /* as the entity stage runs it: on the words left */
        float *ml = calloc(n + 1, sizeof *ml);
        ent_tagger_tag(m, &td, 0, tl, ml);
        static const uint8_t from_rule[] = {ENT_TAG_O, ENT_TAG_PER, ENT_TAG_ORG, ENT_TAG_LOC,
                                            ENT_TAG_O, ENT_TAG_O};
        for (size_t i = 0; i < n; i++) {
            if (!ent_tagger_candidate(d, i)) {
                tg[i] = 0;
                continue;
            }
            uint8_t g = ps[k].lab[d->toks[i].start];
            gold[i] = g == 255 ? 0 : g;
            ru[i] = from_rule[td.rule[i] < 6 ? td.rule[i] : 0];
            co[i] = ru[i];
        }
        /* the tagger's part: the names the entity stage would add */
        ent_tag_span *sp = calloc(n + 1, sizeof *sp);
        long nsp = ent_tagger_spans(m, &td, tl, ml, sp);
        for (long q = 0; q < nsp; q++)
            for (uint32_t x = sp[q].a; x < sp[q].b; x++)
                co[x] = sp[q].label;
        free(sp);
        score_runs(d, gold, tg, &tag);
        score_runs(d, gold, ru, &rules);
        score_runs(d, gold, co, &both);
        for (int l = 1; l < ENT_TAG_NLAB; l++) {
            uint8_t *g1 = calloc(n + 1, 1), *p1 = calloc(n + 1, 1);
            for (size_t i = 0; i < n; i++) {
                g1[i] = gold[i] == l ? (uint8_t)l : 0;
                p1[i] = tg[i] == l ? (uint8_t)l : 0;
            }
            score_runs(d, g1, p1, &by[l]);
            free(g1);
            free(p1);
        }
        free(gold), free(tg), free(ru), free(co), free(mg), free(tl), free(ml);
        rc_doc_free(d);
    }
    printf("held-out tenth of %s (names as runs of capitalised words):\n", argv[a]);
    print_score("tagger alone", &tag);
    print_score("  PER", &by[ENT_TAG_PER]);
    print_score("  LOC", &by[ENT_TAG_LOC]);
    print_score("  ORG", &by[ENT_TAG_ORG]);
    print_score("rules alone", &rules);
    print_score("rules + tagger", &both);
    ent_tagger_free(m);
    for (size_t i = 0; i < F.n; i++)
        free(F.str[i]);
    free(F.str), free(F.hash), free(F.tab), free(ex), free(pool), free(doc_first), free(w),
        free(u), free(pred), free(order), free(ids), free(rows);
    for (size_t k = 0; k < np; k++)
        free(ps[k].text), free(ps[k].lab);
    free(ps);
    rc_ctx_free(ctx);
    return 0;
}
