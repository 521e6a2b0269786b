/*
 * claims_ctx.c - the context of a claim once its figure, noun and predicate are known: how sure
 * the text is (modality), who says so (the attribution or quote that covers the figure, or a cue
 * of the sentence when the attribution stage found none), when (the nearest time expression of
 * the sentence, else the document's date for a past event), where (places of the clause) and who
 * did it (par des milices; les forces X avaient tué).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/claims_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* Whether a word of [-rait, -raient] form is a conditional verb by its ending (morphology
 * first, when it knows the word). */
static int cl_cond_form(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    const rc_token *tk = &doc->toks[i];
    if (tk->kind != RC_TOK_WORD)
        return 0;
    const char *w = doc->text + tk->start;
    size_t n = tk->end - tk->start;
    rc_morph m;
    if (rc_fr_morph_tok(doc, i, &m))
        return (m.flags & RC_M_COND) != 0;
    if (n >= 6 && memcmp(w + n - 4, "rait", 4) == 0)
        return 1;
    return n >= 7 && memcmp(w + n - 6, "raient", 6) == 0;
}

/* Whether a word is a future form by the morphology. */
static int cl_future_form(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    const rc_token *tk = &doc->toks[i];
    rc_morph m;
    return tk->kind == RC_TOK_WORD &&
           rc_fr_morph_tok(doc, i, &m) &&
           (m.flags & RC_M_FUT) && (m.flags & RC_M_VERB);
}

/* The modality cues of tokens [a, b): the strongest class among those wanted (a bit mask of
 * 1 << CL_M_*), with the cue's tokens. near_only keeps cues marked near. */
static int cl_cues(const cl_doc *d, size_t a, size_t b, unsigned want, int near_only,
                   size_t *cue /* OUT */, size_t *cnt /* OUT */)
{
    int best = CL_M_NONE;
    for (size_t i = a; i < b; i++) {
        size_t nt;
        const cl_entry *e = cl_match(d, i, b, &nt);
        int m = e ? e->mod : CL_M_NONE;
        if (e && near_only && !(e->mflags & CL_MF_NEAR))
            m = CL_M_NONE;
        if (m == CL_M_NONE && !near_only && (want & (1u << CL_M_COND)) &&
            (!e || (e->mod == CL_M_NONE && !e->wflags && e->who == CL_WHO_NONE)) &&
            cl_cond_form(d, i))
            m = CL_M_COND, nt = 1;
        if (m == CL_M_NONE && !near_only && (want & (1u << CL_M_EXPECT)) && cl_future_form(d, i))
            m = CL_M_EXPECT, nt = 1;
        if (m > best && (want & (1u << m))) {
            best = m;
            *cue = i;
            *cnt = nt;
        }
        if (e && nt > 1)
            i += nt - 1;
    }
    return best;
}

/* Scans sentence s once for the first modality cue of each class, among all cues and among
 * those marked near: the reading of cl_cues without the forms (conditional, future), which only
 * the clause asks for, so that any set of classes is then answered without a new scan. */
static void cl_sent_scan(const cl_doc *d, size_t s)
{
    cl_sent *st = &d->sents[s];
    size_t a, b;
    cl_sent_toks(d, s, &a, &b);
    st->scanned = 1;
    /* most sentences hold no cue of the classes asked for: only the matches that may end where
     * one may end (cl_cue_end_from) are tried first */
    size_t maxw = d->t->maxwords > 1 ? (size_t)d->t->maxwords : 1;
    bool any = false;
    for (size_t j = cl_cue_end_from(d, a, b, CL_DOUBT); j < b && !any;
         j = cl_cue_end_from(d, j + 1, b, CL_DOUBT)) {
        for (size_t i = j + 1 >= a + maxw ? j + 1 - maxw : a; i <= j && !any; i++) {
            size_t nt;
            const cl_entry *e = cl_match(d, i, b, &nt);
            any = e && e->mod > CL_M_NONE && ((1u << e->mod) & CL_DOUBT);
        }
    }
    if (!any)
        return;
    size_t i;
    for (i = a; i < b; i++) {
        size_t nt;
        const cl_entry *e = cl_match(d, i, b, &nt);
        if (!e)
            continue;
        int m = e->mod;
        if (m > CL_M_NONE && m <= CL_M_DENY) {
            if (!st->cue[0][m])
                st->cue[0][m] = (uint32_t)i + 1, st->cnt[0][m] = (uint8_t)nt;
            if ((e->mflags & CL_MF_NEAR) && !st->cue[1][m])
                st->cue[1][m] = (uint32_t)i + 1, st->cnt[1][m] = (uint8_t)nt;
        }
        if (nt > 1)
            i += nt - 1;
    }
}

/* cl_cues over a whole sentence for classes without forms (want holds neither conditional nor
 * expected): the strongest class wanted and its first cue, from the sentence's one scan. */
static int cl_sent_cues(cl_doc *d, size_t sent, unsigned want, int near_only, size_t *cue,
                        size_t *cnt)
{
    assert(!(want & ~CL_DOUBT));
    cl_sent *st = &d->sents[sent];
    if (!st->scanned)
        cl_sent_scan(d, sent);
    near_only = near_only != 0;
    for (int m = CL_M_DENY; m > CL_M_NONE; m--)
        if ((want & (1u << m)) && st->cue[near_only][m]) {
            *cue = st->cue[near_only][m] - 1;
            *cnt = st->cnt[near_only][m];
            return m;
        }
    *cue = *cnt = 0;
    return CL_M_NONE;
}

/* The innermost attribution whose scope holds off, or -1. */
static long cl_attr_at(const rc_doc *doc, uint32_t off)
{
    long best = -1;
    uint32_t span = UINT32_MAX;
    for (size_t i = 0; i < doc->nattrs; i++) {
        const rc_attribution *a = &doc->attrs[i];
        if (a->scope_start <= off && off < a->scope_end && a->scope_end - a->scope_start < span) {
            best = (long)i;
            span = a->scope_end - a->scope_start;
        }
    }
    return best;
}

/* A name read from tokens [a, b) of a sentence: determiners and a leading complement of place
 * or time skipped (a annoncé à Genève X), up to a comma, a quote, a grammar stop or a cue. */
static int cl_name_after(const cl_doc *d, size_t a, size_t b, size_t *na, size_t *nb)
{
    const rc_doc *doc = d->doc;
    size_t i = a;
    int det = 0;
    for (int guard = 0; guard < 4 && i < b; guard++) {
        const cl_entry *e = cl_word_at(d, i);
        if (doc->toks[i].kind == RC_TOK_CLITIC)
            i++;
        else if (e && (e->wflags & CL_W_PREP) && i + 1 < b && (doc->toks[i + 1].flags & RC_TF_UPPER))
            i += 2; /* à Genève */
        else if (e && (e->wflags & CL_W_DET))
            i++, det = 1;
        else if (e && (e->wflags & CL_W_DE) && det && i + 1 < b)
            i++; /* un de leurs porte-parole */
        else if (e && e->mod == CL_M_REPORT)
            i++;
        else
            break;
    }
    size_t j = i;
    while (j < b && j < i + 7) {
        if (doc->toks[j].kind == RC_TOK_QUOTE_OPEN || doc->toks[j].kind == RC_TOK_QUOTE_CLOSE) {
            if (j == i) {
                i++, j++;
                continue;
            }
            break;
        }
        if (!cl_is_word(doc, j) || cl_num_tok(d, j) >= 0)
            break;
        size_t nt;
        const cl_entry *e = cl_match(d, j, b, &nt);
        if (e && ((e->wflags & (CL_W_STOP | CL_W_AND | CL_W_AUX)) || e->mod == CL_M_REPORT ||
                  ((e->wflags & CL_W_PREP) && !(e->wflags & CL_W_DE) && j > i)))
            break;
        j++;
    }
    /* no trailing d', de, du: la protection civile d' */
    while (j > i) {
        const cl_entry *e = cl_word_at(d, j - 1);
        if (doc->toks[j - 1].kind == RC_TOK_ELISION || (e && (e->wflags & (CL_W_DE | CL_W_PREP))))
            j--;
        else
            break;
    }
    if (j == i)
        return 0;
    /* a name starts with a capital or a noun, not with a function word (de l'évacuation) */
    const cl_entry *fe = cl_word_at(d, i);
    if (!(doc->toks[i].flags & RC_TF_UPPER) && ((fe && fe->wflags) || !det))
        return 0;
    *na = i;
    *nb = j;
    return 1;
}

/* Whether token i is an adverb that may stand between a subject and its verb (également):
 * the morphology's word, else one of claim_words.tsv. */
static int cl_adverb(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    const rc_token *tk = &doc->toks[i];
    rc_morph m;
    if (tk->kind == RC_TOK_WORD &&
        rc_fr_morph_tok(doc, i, &m) &&
        (m.flags & RC_M_ADV) && !(m.flags & RC_M_NOUN))
        return 1;
    const cl_entry *e = cl_word_at(d, i);
    return e && (e->wflags & CL_W_ADV);
}

/* A name before a cue at token c (le Centre russe ... avait rendu compte): back over
 * auxiliaries to a comma, a quote or the sentence start. */
static int cl_name_before(const cl_doc *d, size_t s0, size_t c, size_t *na, size_t *nb)
{
    const rc_doc *doc = d->doc;
    size_t j = c, i = c;
    for (int pass = 0; pass < 3; pass++) {
        while (j > s0) {
            const cl_entry *e = cl_word_at(d, j - 1);
            if ((e && (e->wflags & CL_W_AUX)) || cl_adverb(d, j - 1))
                j--;
            else
                break;
        }
        if (j > s0 + 2 && cl_punct(doc, j - 1, ')')) {
            /* La Mission d'appui ... (Manul) a évoqué: the name in brackets */
            for (size_t k = j - 1; k > s0 && k + 5 > j; k--)
                if (cl_punct(doc, k - 1, '(')) {
                    if (k + 1 >= j)
                        return 0;
                    *na = k;
                    *nb = j - 1;
                    return 1;
                }
        }
        if (pass && j > s0 + 1 && cl_punct(doc, j - 1, ',')) {
            /* Les chebab, affiliés à Al-Qaïda, ont revendiqué ... et affirmé: the subject
             * before the aside */
            size_t k = j - 1;
            while (k > s0 && k + 12 > j && !cl_punct(doc, k - 1, ',') &&
                   cl_num_tok(d, k - 1) < 0)
                k--;
            if (k > s0 + 1 && cl_punct(doc, k - 1, ','))
                j = k - 1;
        }
        i = j;
        while (i > s0 && i + 12 > j && cl_is_word(doc, i - 1)) {
            const cl_entry *e = cl_word_at(d, i - 1);
            if (e && (e->wflags & CL_W_STOP))
                break;
            i--;
        }
        /* a verb group inside is no name (L'armée a repoussé l'assaut et affirmé): the name is
         * the subject before its auxiliary */
        size_t aux = SIZE_MAX;
        for (size_t k = i; k < j && aux == SIZE_MAX; k++) {
            const cl_entry *e = cl_word_at(d, k);
            if (e && (e->wflags & CL_W_AUX) && !(doc->toks[k].flags & RC_TF_UPPER))
                aux = k;
        }
        if (aux == SIZE_MAX)
            break;
        j = aux;
        if (pass == 2)
            return 0;
    }
    while (i < j) {
        const cl_entry *e = cl_word_at(d, i);
        if (e && (e->wflags & (CL_W_DET | CL_W_PREP)) && !(doc->toks[i].flags & RC_TF_UPPER))
            i++;
        else if (e && (e->wflags & CL_W_DET))
            i++;
        else
            break;
    }
    if (i >= j)
        return 0;
    *na = i;
    *nb = j;
    return 1;
}

/* Whether tokens [na, nb) may name the source of figure f: they do not hold it, are no toll
 * (un nouveau bilan fait état de) and do not govern it (a annoncé la libération de 1 500). */
static int cl_name_fits(const cl_doc *d, const cl_fig *f, size_t na, size_t nb)
{
    const rc_doc *doc = d->doc;
    if (na <= f->nt0 && f->nt0 < nb)
        return 0;
    for (size_t k = na; k < nb; k++) {
        const cl_entry *e = cl_word_at(d, k);
        if (e && (e->who == CL_WHO_SUM || e->mod == CL_M_HEDGE || e->pwhat >= 0))
            return 0;
    }
    size_t k = nb;
    while (k < f->nt0) {
        const cl_entry *e = cl_word_at(d, k);
        if (!e || !(e->wflags & (CL_W_DE | CL_W_DET)))
            break;
        k++;
    }
    return !(k == f->nt0 && nb < f->nt0 && k > nb) && doc->ntoks;
}

static size_t cl_quote_close(const rc_doc *doc, size_t i);

/* The source of a figure when no attribution covers it: the report cue of the sentence nearest
 * the figure, and the name it introduces. Returns 1 with a speaker in *sp, or with the
 * attribution in *att whose chain is the source. */
static int cl_source_fallback(cl_doc *d, cl_fig *f, size_t s0, size_t s1, rc_speaker *sp,
                              const rc_attribution **att)
{
    *att = NULL;
    int quoted = -1; /* whether the figure is quoted, asked once a cue is found */
    rc_doc *doc = d->doc;
    size_t cues[8], cnts[8], ncues = 0;
    /* a clitic or the end of a report or denial cue must be there */
    if (cl_cue_end_from(d, s0, s1, 1u << CL_M_REPORT | 1u << CL_M_DENY) == s1)
        return 0;
    for (size_t i = s0; i < s1 && ncues < 8; i++) {
        size_t nt;
        if (doc->toks[i].kind == RC_TOK_CLITIC && i > s0 && doc->toks[i - 1].kind == RC_TOK_WORD) {
            /* », a-t-il poursuivi: the inverted subject of a verb of saying */
            const rc_token *tk = &doc->toks[i];
            const char *w = doc->text + tk->start;
            size_t n = tk->end - tk->start;
            while (n && (*w == '-' || *w == 't'))
                w++, n--;
            if (n && n <= 5 && w[0] != 'o') { /* not -on: who says is unknown */
                memset(sp, 0, sizeof *sp);
                sp->name = rc_arena_strndup(&doc->arena, w, n);
                sp->key = sp->name;
                sp->type = RC_ENT_MISC;
                sp->start = (uint32_t)(w - doc->text);
                sp->end = tk->end;
                if (!sp->name)
                    return -1;
                cl_explain(f, "source-inversion", w, n);
                return 1;
            }
        }
        const cl_entry *e = cl_match(d, i, s1, &nt);
        if (!e || (e->mod != CL_M_REPORT && e->mod != CL_M_DENY))
            continue;
        cues[ncues] = i;
        cnts[ncues++] = nt;
        i += nt - 1;
    }
    /* the cues nearest the figure first */
    for (size_t x = 1; x < ncues; x++)
        for (size_t y = x; y > 0; y--) {
            size_t dy = cues[y] < f->nt0 ? f->nt0 - cues[y] : cues[y] - f->nt0;
            size_t dz = cues[y - 1] < f->nt0 ? f->nt0 - cues[y - 1] : cues[y - 1] - f->nt0;
            if (dy >= dz)
                break;
            size_t tc = cues[y], tn = cnts[y];
            cues[y] = cues[y - 1], cnts[y] = cnts[y - 1];
            cues[y - 1] = tc, cnts[y - 1] = tn;
        }
    for (size_t x = 0; x < ncues; x++) {
        size_t best = cues[x], bnt = cnts[x], na = 0, nb = 0;
        int ok = 0;
        /* a quoted figure, then a cue the attribution stage read (« ... 600 blessés. » Il
         * précise que): the speaker it resolved, not the pronoun */
        uint32_t coff = doc->toks[best].start;
        if (quoted < 0 && doc->nattrs)
            quoted = cl_quote_close(doc, f->nt0) != SIZE_MAX;
        for (size_t ai = 0; quoted > 0 && ai < doc->nattrs; ai++) {
            const rc_attribution *a = &doc->attrs[ai];
            if (a->start <= coff && coff < a->end && a->nchain && coff > f->c.end) {
                *att = a;
                cl_explain(f, "source-cue-attribution", doc->text + coff,
                           doc->toks[best + bnt - 1].end - coff);
                return 1;
            }
        }
        for (int side = 0; side < 2 && !ok; side++) {
            if (side == 0 ? !cl_name_after(d, best + bnt, s1, &na, &nb)
                          : !cl_name_before(d, s0, best, &na, &nb))
                continue;
            ok = cl_name_fits(d, f, na, nb);
        }
        if (!ok)
            continue;
        uint32_t a = doc->toks[na].start, b = doc->toks[nb - 1].end;
        char *name = rc_arena_strndup(&doc->arena, doc->text + a, b - a);
        if (!name)
            return -1;
        char key[RC_LEX_MAXKEY];
        size_t kl = rc_fold(name, b - a, key, sizeof key);
        memset(sp, 0, sizeof *sp);
        sp->name = name;
        sp->key = rc_arena_strndup(&doc->arena, key, kl <= sizeof key ? kl : 0);
        sp->type = RC_ENT_MISC;
        sp->start = a;
        sp->end = b;
        cl_explain(f, "source-cue", doc->text + doc->toks[best].start,
                   doc->toks[best + bnt - 1].end - doc->toks[best].start);
        return sp->key ? 1 : -1;
    }
    return 0;
}

/* The closing quote mark of a quotation that holds token i, or SIZE_MAX when i is not quoted:
 * an opening mark before it and a closing one after it, within a paragraph and a few hundred
 * tokens. */
static size_t cl_quote_close(const rc_doc *doc, size_t i)
{
    int open = 0;
    for (size_t k = i; k > 0 && k + 300 > i; k--) {
        const rc_token *tk = &doc->toks[k - 1];
        if (tk->kind == RC_TOK_QUOTE_CLOSE)
            return SIZE_MAX;
        if (tk->kind == RC_TOK_QUOTE_OPEN) {
            open = 1;
            break;
        }
        if (tk->flags & RC_TF_PARAGRAPH)
            return SIZE_MAX;
    }
    if (!open)
        return SIZE_MAX;
    for (size_t k = i; k < doc->ntoks && k < i + 300; k++) {
        const rc_token *tk = &doc->toks[k];
        if (tk->kind == RC_TOK_QUOTE_OPEN || (k > i && (tk->flags & RC_TF_PARAGRAPH)))
            return SIZE_MAX;
        if (tk->kind == RC_TOK_QUOTE_CLOSE)
            return k;
    }
    return SIZE_MAX;
}

/* Sources and whether they deny the figure (a cue démentir, nier). */
static int cl_sources(cl_doc *d, cl_fig *f, size_t s0, size_t s1, int *denied)
{
    rc_doc *doc = d->doc;
    rc_claim *c = &f->c;
    uint32_t off = c->start;
    long ai = cl_attr_at(doc, off);
    if (ai < 0) {
        for (size_t q = 0; q < doc->nquotes; q++) {
            const rc_quote *qt = &doc->quotes[q];
            if (qt->start <= off && off < qt->end) {
                for (size_t i = 0; i < doc->nattrs && ai < 0; i++)
                    if (doc->attrs[i].quote == (int32_t)q)
                        ai = (long)i;
                if (ai < 0 && qt->has_speaker) {
                    c->sources = &qt->speaker;
                    c->nsources = 1;
                    cl_explain(f, "source-quote", NULL, 0);
                    return RC_OK;
                }
            }
        }
    }
    if (ai >= 0) {
        const rc_attribution *a = &doc->attrs[ai];
        c->sources = a->chain;
        c->nsources = a->nchain;
        if (a->cue) {
            const cl_entry *e = cl_lookup(d->t, a->cue, strlen(a->cue));
            char key[RC_LEX_MAXKEY];
            size_t kl = rc_fold(a->cue, strlen(a->cue), key, sizeof key);
            if (!e && kl <= sizeof key)
                e = cl_lookup(d->t, key, kl);
            if (e && e->mod == CL_M_DENY)
                *denied = 1;
            cl_explain(f, "source-attribution", a->cue, strlen(a->cue));
        }
        return RC_OK;
    }
    rc_speaker sp;
    const rc_attribution *att;
    int r = cl_source_fallback(d, f, s0, s1, &sp, &att);
    size_t qc = r ? SIZE_MAX : cl_quote_close(doc, f->nt0);
    if (qc != SIZE_MAX && qc + 1 < doc->ntoks) {
        /* « ... 82 civils ... », a-t-il poursuivi: the cue after a quote that runs on */
        size_t a = qc + 1, b;
        size_t qs = doc->nsents ? doc->nsents - 1 : 0;
        for (size_t k = f->sent; k < doc->nsents; k++)
            if (doc->sents[k].end > doc->toks[a].start) {
                qs = k;
                break;
            }
        b = cl_tok_at(doc, doc->sents[qs].end);
        if (b > a + 24)
            b = a + 24;
        r = cl_source_fallback(d, f, a, b, &sp, &att);
    }
    if (r < 0)
        return RC_ENOMEM;
    if (r && att) {
        c->sources = att->chain;
        c->nsources = att->nchain;
    } else if (r) {
        rc_speaker *one = rc_arena_alloc(&doc->arena, sizeof *one);
        if (!one)
            return RC_ENOMEM;
        *one = sp;
        c->sources = one;
        c->nsources = 1;
    }
    return RC_OK;
}

/* Whether tokens [a, b) name the claim's first source by the last word of its name
 * (Halden for Rupert Halden). */
static int cl_names_source(const rc_doc *doc, const cl_fig *f, size_t a, size_t b)
{
    const char *name = f->c.sources[0].name;
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    size_t n = strlen(last);
    if (n < 4 || (unsigned char)last[0] < 'A' || (unsigned char)last[0] > 'Z')
        return 0;
    for (size_t i = a; i < b; i++)
        if (doc->toks[i].end - doc->toks[i].start == n &&
            memcmp(doc->text + doc->toks[i].start, last, n) == 0)
            return 1;
    return 0;
}

/* Whether sentence s holds a count or a share (a figure a dispute there may be about). */
static int cl_sent_has_figure(const rc_doc *doc, size_t s)
{
    const rc_span *sp = &doc->sents[s];
    size_t lo = 0, hi = doc->nnums;
    while (lo < hi) { /* numbers are in text order: the first that starts in the sentence */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->nums[mid].start < sp->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < doc->nnums; i++) {
        const rc_number *n = &doc->nums[i];
        if (n->start >= sp->end)
            break;
        if (n->start >= sp->start && n->kind != RC_NUM_ORDINAL)
            return 1;
    }
    return 0;
}

/* Whether token k is a dash: a hyphen standing alone, an en or an em dash. */
static bool cl_dash(const rc_doc *doc, size_t k)
{
    const rc_token *t = &doc->toks[k];
    const unsigned char *c = (const unsigned char *)doc->text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && c[0] == '-') ||
           (n == 3 && c[0] == 0xe2 && c[1] == 0x80 && (c[2] == 0x93 || c[2] == 0x94));
}

/* Whether token k, a word marked "only" in claim_words.tsv (que, qu'), makes a restriction
 * here (ne contrôlerait plus qu'environ 21 %): a negative particle (class neg: ne, n') a few
 * words before it. Then it is no conjunction that opens a clause of its own. */
static bool cl_restrictive_que(const cl_doc *d, size_t k, size_t lim)
{
    const cl_entry *q = cl_word_at(d, k);
    if (!q || !(q->wflags & CL_W_ONLY))
        return false;
    for (size_t n = 0; k > lim && n < 4; n++) {
        const cl_entry *e = cl_word_at(d, --k);
        if (e && (e->wflags & CL_W_NEG))
            return true;
    }
    return false;
}

/* Modality: denied > disputed > expected > hedged > conditional > reported > asserted. */
static void cl_modality(cl_doc *d, cl_fig *f, size_t s0, size_t s1, int denied)
{
    const rc_doc *doc = d->doc;
    size_t cue = 0, cnt = 0;
    int best = CL_M_NONE;
    unsigned sent_want = 1u << CL_M_HEDGE | 1u << CL_M_DISPUTE | 1u << CL_M_DENY;
    (void)s0, (void)s1;
    int m = cl_sent_cues(d, f->sent, sent_want, 0, &cue, &cnt);
    if (m > best)
        best = m;
    /* the verbs of the figure's own clause: back to a comma or a relative pronoun, forward to
     * a comma (one right after the figure and its parts is skipped) */
    size_t c0 = f->nt0, c1 = f->endt;
    while (c0 > f->win0) {
        const cl_entry *e = cl_word_at(d, c0 - 1);
        if (cl_punct(doc, c0 - 1, ',') ||
            (e && (e->wflags & CL_W_STOP) && !cl_restrictive_que(d, c0 - 1, f->win0)))
            break;
        c0--;
    }
    if (f->nparts) { /* 3 otages, dont une femme âgée, seraient morts: past the parts' comma */
        while (c1 < f->win1 && !cl_punct(doc, c1, ','))
            c1++;
        if (c1 < f->win1)
            c1++;
    }
    while (c1 < f->win1 && !cl_punct(doc, c1, ','))
        c1++;
    size_t wc = 0, wn = 0;
    m = cl_cues(d, c0, c1, 1u << CL_M_COND | 1u << CL_M_EXPECT, 0, &wc, &wn);
    if (m > best)
        best = m, cue = wc, cnt = wn;
    /* doubt voiced around the sentence: hedges from the sentence before (des informations non
     * vérifiées font état ...); disputes from a later sentence that refers back to the figure
     * (Ces chiffres ...) or names its source (Halden n'apporte aucune preuve), or from the next
     * one for what a source said (the outlet does not doubt its own figures); denials alike */
    int between = 0; /* a sentence with figures of its own stands between: Ce chiffre is its */
    for (long s = (long)f->sent - 1; s <= (long)f->sent + 3 && !between; s++) {
        if (s < 0 || s == (long)f->sent || (size_t)s >= doc->nsents)
            continue;
        /* a hedge before covers a figure without a source of its own, or one a sentence
         * without figures announces (des informations non vérifiées font état d'atrocités.
         * Selon des activistes, ...); a hedge on the sentence's own figures stays there */
        unsigned want = s < (long)f->sent && (!f->c.nsources || !cl_sent_has_figure(doc, (size_t)s))
                            ? 1u << CL_M_HEDGE
                            : 0u;
        if (s > (long)f->sent) {
            size_t a, b;
            cl_sent_toks(d, (size_t)s, &a, &b);
            const cl_entry *e = a < b ? cl_word_at(d, a) : NULL;
            int back = e && (e->wflags & CL_W_BACK);
            /* a later sentence with a figure of its own doubts that one, unless it refers back */
            int own = cl_sent_has_figure(doc, (size_t)s);
            /* a new paragraph (a live blog's next entry) doubts only what it names */
            int para = a < b && (doc->toks[a].flags & RC_TF_PARAGRAPH);
            if (back || (f->c.nsources && !own &&
                         ((s == (long)f->sent + 1 && !para) || cl_names_source(doc, f, a, b))))
                want = 1u << CL_M_DISPUTE | 1u << CL_M_DENY; /* C'est un mensonge. */
            between = own;
        }
        if (!want)
            continue;
        m = cl_sent_cues(d, (size_t)s, want, 1, &wc, &wn);
        if (m > best)
            best = m, cue = wc, cnt = wn;
    }
    int mod = f->c.nsources ? RC_MOD_REPORTED : RC_MOD_ASSERTED;
    if (denied || f->denied)
        best = CL_M_DENY;
    switch (best) {
    case CL_M_DENY: mod = RC_MOD_DENIED; break;
    case CL_M_DISPUTE: mod = RC_MOD_DISPUTED; break;
    case CL_M_HEDGE: mod = RC_MOD_HEDGED; break;
    case CL_M_COND: mod = RC_MOD_CONDITIONAL; break;
    case CL_M_EXPECT: mod = RC_MOD_EXPECTED; break;
    default: break;
    }
    if (f->follows > mod && (mod == RC_MOD_ASSERTED || mod == RC_MOD_REPORTED)) {
        mod = f->follows; /* 130 dans Saada: as sure as the figure it follows */
        cue = cnt = 0;
    }
    f->c.modality = (uint8_t)mod;
    if (best > CL_M_REPORT && cnt && !denied)
        cl_explain(f, rc_modality_name(mod), doc->text + doc->toks[cue].start,
                   doc->toks[cue + cnt - 1].end - doc->toks[cue].start);
}

/* Whether a verb stands between bytes lo and hi: the dictionary knows a word there only as a
 * verb (ont, fuient), so that what follows is another clause. */
static bool cl_verb_between(const rc_doc *doc, uint32_t lo, uint32_t hi)
{
    for (size_t i = cl_tok_at(doc, lo); i < doc->ntoks && doc->toks[i].start < hi; i++) {
        rc_morph m;
        if (doc->toks[i].kind == RC_TOK_WORD && rc_fr_morph_tok(doc, i, &m) &&
            (m.flags & RC_M_VERB) && !(m.flags & (RC_M_NOUN | RC_M_ADJ | RC_M_FUNC)))
            return true;
    }
    return false;
}

/* Whether another figure, in a clause of its own, stands between the claim's figure and a place
 * or a time at [a, b): a number that is no part of a time expression (le 12 décembre) nor of the
 * claim, with a verb between it and the claim's figure and another between it and [a, b). "plus de 200 personnes ont été blessées et des
 * centaines de familles ont fui vers Tawila": Tawila is where the families went, not where the
 * 200 were hurt; but "une vingtaine de bus et une dizaine d'ambulances ont quitté Alep-Est" and
 * "82 civils dans quatre quartiers - X, Y" keep their places. */
static bool cl_figure_between(const cl_doc *d, const cl_fig *f, uint32_t a, uint32_t b)
{
    const rc_doc *doc = d->doc;
    uint32_t lo, hi;
    if (a >= f->c.end) {
        lo = f->endt < doc->ntoks ? doc->toks[f->endt].start : f->c.end;
        hi = a;
    } else {
        lo = b;
        hi = doc->toks[f->nt0].start;
    }
    if (lo >= hi)
        return false;
    size_t lo_n = 0, hi_n = doc->nnums;
    while (lo_n < hi_n) { /* the first number that ends after lo */
        size_t mid = lo_n + (hi_n - lo_n) / 2;
        if (doc->nums[mid].end <= lo)
            lo_n = mid + 1;
        else
            hi_n = mid;
    }
    for (size_t k = lo_n; k < doc->nnums && doc->nums[k].start < hi; k++) {
        const rc_number *nu = &doc->nums[k];
        if (nu->start < lo || nu->end > hi)
            continue;
        size_t nt = cl_tok_at(doc, nu->start);
        const cl_entry *pw = NULL;
        if (nt > 0 && nt < doc->ntoks) /* dans trois villages: where, not another figure */
            pw = cl_word_at(d, nt - 1);
        if (pw && (pw->wflags & CL_W_PREP))
            continue;
        if (cl_in_time(doc, nu->start) && cl_in_time(doc, nu->end - 1))
            continue;
        /* a figure of an ellipsis with its own place: ..., 12 dans le seul quartier de Sorel */
        size_t ne = cl_tok_at(doc, nu->end);
        const cl_entry *nw = ne < doc->ntoks && a >= f->c.end ? cl_word_at(d, ne) : NULL;
        if (nw && (nw->wflags & CL_W_PREP))
            return true;
        /* its own clause: a verb between the two figures, and one between it and the place
         * (des centaines de familles ont fui vers Tawila; not: et huit autres blessées à X) */
        if (cl_verb_between(doc, lo, nu->start) && cl_verb_between(doc, nu->end, hi))
            return true;
    }
    return false;
}

/* Whether a word marked since in claim_words.tsv stands a few words before a time expression
 * that starts at byte at, within the sentence that starts at byte from: Depuis le coup d'État de
 * février 2021 counts from that event to the article's day, although the time expression is only
 * "février 2021". */
static bool cl_since_before(const cl_doc *d, uint32_t from, uint32_t at)
{
    const rc_doc *doc = d->doc;
    size_t k = cl_tok_at(doc, at);
    for (size_t n = 0; k > 0 && n < 9; n++) { /* Depuis le début de l'invasion, en février */
        const rc_token *t = &doc->toks[--k];
        if (t->start < from ||
            (t->kind == RC_TOK_PUNCT && doc->text[t->start] != '\'' && doc->text[t->start] != ','))
            return false;
        const cl_entry *e = cl_word_at(d, k);
        if (e && (e->wflags & CL_W_SINCE))
            return true;
    }
    return false;
}

/* Time: the time expression of the sentence nearest the figure, else the document's date for a
 * figure that is not expected. A toll counted since a past day runs to the document's date. */
static void cl_time(cl_doc *d, cl_fig *f)
{
    const rc_doc *doc = d->doc;
    rc_claim *c = &f->c;
    const rc_span *s = &doc->sents[f->sent];
    const rc_time *best = NULL;
    uint32_t dist = UINT32_MAX;
    uint32_t w0 = doc->toks[f->win0].start;
    uint32_t w1 = f->win1 > f->win0 ? doc->toks[f->win1 - 1].end : s->end;
    size_t lo = 0, hi = doc->ntimes;
    while (lo < hi) { /* times are in text order: the first that ends after the sentence starts */
        size_t mid = lo + (hi - lo) / 2;
        if (doc->times[mid].end <= s->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < doc->ntimes && doc->times[i].start < s->end; i++) {
        const rc_time *t = &doc->times[i];
        if (t->end <= s->start || t->type == RC_TIME_SET || !t->from[0])
            continue;
        size_t ti = cl_tok_at(doc, t->end);
        if (ti < doc->ntoks && cl_punct(doc, ti, '(')) /* KIEV, 6 décembre 2024 (Reuters) - */
            for (size_t n = 0; ti < doc->ntoks && n < 6; n++)
                if (cl_punct(doc, ti++, ')'))
                    break;
        if (ti < doc->ntoks && cl_dash(doc, ti) &&
            cl_tok_at(doc, t->start) < cl_tok_at(doc, s->start) + 4)
            continue; /* a dateline (VARDENA, 18 avril -) dates the article, not the event */
        /* outside the clause, a time is the figure's only when no other figure stands between */
        int inside = t->start >= w0 && t->end <= w1;
        if (!inside && cl_figure_between(d, f, t->start, t->end))
            continue;
        uint32_t dd = t->start > c->start ? t->start - c->start : c->start - t->start;
        if (!inside)
            dd += 1u << 20;
        if (dd < dist)
            dist = dd, best = t;
    }
    if (best) {
        c->time_text = rc_arena_strndup(&((rc_doc *)doc)->arena, doc->text + best->start,
                                        best->end - best->start);
        memcpy(c->time_from, best->from, sizeof c->time_from);
        memcpy(c->time_to, best->to[0] ? best->to : best->from, sizeof c->time_to);
        cl_explain(f, "time", NULL, 0);
        if (cl_since_before(d, s->start, best->start) && doc->date && strlen(doc->date) >= 10 &&
            memcmp(c->time_to, doc->date, 10) < 0) {
            memcpy(c->time_to, doc->date, 10); /* a cumulative toll runs to the article's day */
            c->time_to[10] = '\0';
            cl_explain(f, "time-since", NULL, 0);
        }
    } else if (doc->date && strlen(doc->date) >= 10 && c->modality != RC_MOD_EXPECTED) {
        memcpy(c->time_from, doc->date, 10);
        c->time_from[10] = '\0';
        memcpy(c->time_to, c->time_from, sizeof c->time_to);
        cl_explain(f, "time-document", NULL, 0);
    }
}

/* Whether token i may be part of a place name: capitalised, or a particle such as al-Qasr. */
static int cl_placeword(const rc_doc *doc, size_t i)
{
    const rc_token *tk = &doc->toks[i];
    if (tk->kind != RC_TOK_WORD)
        return 0;
    if (tk->flags & RC_TF_UPPER)
        return !(tk->flags & RC_TF_SENTSTART);
    const char *h = memchr(doc->text + tk->start, '-', tk->end - tk->start);
    return h && h + 1 < doc->text + tk->end && h[1] >= 'A' && h[1] <= 'Z';
}

/* Adds a place name (deduplicated by key) to the list being built. */
static int cl_place_add(rc_doc *doc, const char **names, const char **keys, size_t *n,
                        const char *name, size_t len, const char *key)
{
    char kb[RC_LEX_MAXKEY];
    if (!key) {
        size_t kl = rc_fold(name, len, kb, sizeof kb);
        if (kl > sizeof kb)
            return 0;
        kb[kl < sizeof kb ? kl : sizeof kb - 1] = '\0';
        key = kb;
    }
    for (size_t i = 0; i < *n; i++)
        if (strcmp(keys[i], key) == 0)
            return 0;
    if (*n >= 16)
        return 0;
    names[*n] = rc_arena_strndup(&doc->arena, name, len);
    keys[*n] = rc_arena_strdup(&doc->arena, key);
    if (!names[*n] || !keys[*n])
        return -1;
    (*n)++;
    return 0;
}

/* Whether [s, e) lies where an attribution names its source and cue (le Centre russe pour la
 * réconciliation en Syrie a annoncé à Genève): a place there says who speaks or where, not where
 * the figure's event happened. */
static bool cl_in_attribution(const rc_doc *doc, uint32_t s, uint32_t e);

/* Whether the place [s, e) is a dateline's (KIEV, 3 mars (Reuters) -): written in capitals at the
 * start of its sentence, it says where the reporter files from, not where the event happened. */
static bool cl_dateline_place(const rc_doc *doc, const rc_span *sent, uint32_t s, uint32_t e)
{
    if (s != sent->start || e - s < 2)
        return false;
    for (uint32_t k = s; k < e; k++)
        if (doc->text[k] >= 'a' && doc->text[k] <= 'z')
            return false;
    while (e < sent->end && doc->text[e] == ' ')
        e++;
    if (e >= sent->end)
        return false;
    const char *c = doc->text + e; /* KIEV, 3 mars; GAO (AFP) -; PORT-AU-PRINCE — */
    return *c == ',' || *c == '(' || *c == '-' ||
           (sent->end - e >= 3 && memcmp(c, "\xe2\x80", 2) == 0 &&
            ((unsigned char)c[2] == 0x93 || (unsigned char)c[2] == 0x94));
}

static bool cl_in_attribution(const rc_doc *doc, uint32_t s, uint32_t e)
{
    for (size_t k = 0; k < doc->nattrs; k++)
        if (s >= doc->attrs[k].start && e <= doc->attrs[k].end)
            return true;
    return false;
}

/* Places: LOC entities of the clause window, else of the sentence; without entities, the
 * capitalised names after a preposition in the window (dans les quartiers de X, Y et Z). */
/* Keeps the places finer than a country when there are some: "dans le port d'Odessa, en
 * Ukraine" is Odessa, and a fact about Odessa must not meet one about Soumy through their
 * country. Returns the number kept, in the same order. */
static size_t cl_places_finest(const rc_doc *doc, const char **names, const char **keys, size_t n)
{
    const rc_lexicon *countries = rc_lang_lex(doc->ctx->fr, "ent_countries");
    if (!countries || n < 2)
        return n;
    bool broad[16];
    size_t fine = 0;
    for (size_t i = 0; i < n; i++) {
        broad[i] = rc_lex_get(countries, names[i], strlen(names[i])) != NULL;
        fine += !broad[i];
    }
    if (!fine || fine == n)
        return n;
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!broad[i]) {
            names[w] = names[i];
            keys[w] = keys[i];
            w++;
        }
    return w;
}

static int cl_places(cl_doc *d, cl_fig *f)
{
    rc_doc *doc = d->doc;
    const char *names[16], *keys[16];
    size_t n = 0;
    if (doc->nents) {
        const rc_span *s = &doc->sents[f->sent];
        uint32_t w0 = doc->toks[f->win0].start;
        uint32_t w1 = f->win1 > f->win0 ? doc->toks[f->win1 - 1].end : s->end;
        for (int pass = 0; pass < 2 && !n; pass++) {
            uint32_t a = pass ? s->start : w0, b = pass ? s->end : w1;
            size_t lo = 0, hi = doc->nents;
            while (lo < hi) { /* entities are in text order: the first starting at a or after */
                size_t mid = lo + (hi - lo) / 2;
                if (doc->ents[mid].start < a)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t i = lo; i < doc->nents && doc->ents[i].start <= b; i++) {
                const rc_entity *e = &doc->ents[i];
                if (e->type == RC_ENT_LOC && e->start >= a && e->end <= b &&
                    !cl_in_attribution(doc, e->start, e->end) &&
                    !cl_dateline_place(doc, s, e->start, e->end) &&
                    !cl_figure_between(d, f, e->start, e->end))
                    if (cl_place_add(doc, names, keys, &n, e->canon, strlen(e->canon), e->key))
                        return RC_ENOMEM;
            }
        }
    } else {
        size_t s1 = cl_tok_at(doc, doc->sents[f->sent].end);
        size_t pend = f->endt + 20 < s1 ? f->endt + 20 : s1;
        if (pend < f->win1)
            pend = f->win1;
        for (size_t i = f->win0; i < pend; i++) {
            size_t rn;
            const cl_entry *re = i > f->endt ? cl_match(d, i, pend, &rn) : NULL;
            if (re && re->mod == CL_M_REPORT)
                break; /* a annoncé à Genève: where the source spoke, not where it happened */
            const cl_entry *e = cl_word_at(d, i);
            if (!e || !(e->wflags & (CL_W_PREP | CL_W_DE)) || i + 1 >= pend)
                continue;
            if (i >= f->win1 && cl_num_tok(d, i) >= 0)
                break;
            size_t j = i + 1, lim = cl_tok_at(doc, doc->sents[f->sent].end);
            while (j < lim) {
                size_t k = j;
                while (k < lim && cl_placeword(doc, k) &&
                       !cl_match(d, k, k + 1, &(size_t){0}))
                    k++;
                /* particles inside a name: Bab al-Hawa, Deir ez-Zor */
                if (k == j)
                    break;
                uint32_t a = doc->toks[j].start, b = doc->toks[k - 1].end;
                if (cl_place_add(doc, names, keys, &n, doc->text + a, b - a, NULL))
                    return RC_ENOMEM;
                j = k;
                size_t nt;
                const cl_entry *ae = j < lim ? cl_match(d, j, lim, &nt) : NULL;
                if (j + 1 < lim && cl_punct(doc, j, ',') && cl_placeword(doc, j + 1))
                    j++;
                else if (ae && (ae->wflags & CL_W_AND))
                    j += nt;
                else
                    break;
            }
            i = j > i ? j - 1 : i;
        }
    }
    if (!n)
        return RC_OK;
    n = cl_places_finest(doc, names, keys, n);
    const char **pn = rc_arena_alloc(&doc->arena, 2 * n * sizeof *pn);
    if (!pn)
        return RC_ENOMEM;
    memcpy(pn, names, n * sizeof *pn);
    memcpy(pn + n, keys, n * sizeof *pn);
    f->c.places = pn;
    f->c.place_keys = pn + n;
    f->c.nplaces = n;
    cl_explain(f, doc->nents ? "places-entities" : "places-names", NULL, 0);
    return RC_OK;
}

/* Agent: "par" and what follows in the window after the figure, or the subject of an active
 * verb before it (des forces pro-gouvernementales avaient tué). */
static int cl_agent(cl_doc *d, cl_fig *f)
{
    rc_doc *doc = d->doc;
    size_t a = 0, b = 0;
    for (size_t i = f->endt; i < f->win1 && !b; i++) {
        const cl_entry *e = cl_word_at(d, i);
        if (e && (e->wflags & CL_W_AGENT))
            cl_name_after(d, i + 1, f->win1, &a, &b);
    }
    if (!b && f->pred_before && f->pred >= f->win0)
        for (size_t i = f->pred; i < f->nt0 && !b; i++) {
            const cl_entry *e = cl_word_at(d, i);
            if (e && (e->wflags & CL_W_AGENT))
                cl_name_after(d, i + 1, f->nt0, &a, &b);
        }
    if (!b && f->pred_before && !f->pred_noun && f->pred != SIZE_MAX) {
        size_t j = f->pred, s0 = f->win0;
        int aux = 0;
        while (j > s0) {
            const cl_entry *e = cl_word_at(d, j - 1);
            if (e && (e->wflags & CL_W_AUX))
                j--, aux = 1;
            else
                break;
        }
        size_t i = j;
        while (aux && i > s0 && i + 5 > j && cl_is_word(doc, i - 1)) {
            const cl_entry *e = cl_word_at(d, i - 1);
            i--;
            if (e && (e->wflags & CL_W_DET))
                break;
            if (e && (e->wflags & (CL_W_STOP | CL_W_PREP))) {
                i = j; /* a complement, not a subject */
                break;
            }
        }
        const cl_entry *de = i < j ? cl_word_at(d, i) : NULL;
        if (de && (de->wflags & CL_W_DET) && i + 1 < j)
            a = i + 1, b = j;
    }
    if (!b)
        return RC_OK;
    uint32_t s = doc->toks[a].start, e = doc->toks[b - 1].end;
    f->c.agent = rc_arena_strndup(&doc->arena, doc->text + s, e - s);
    if (!f->c.agent)
        return RC_ENOMEM;
    cl_explain(f, "agent", NULL, 0);
    return RC_OK;
}

/* Whether a source's own words say it is unsure (des informations non vérifiées, des rumeurs
 * non confirmées): such a phrase names nobody who vouches for the figure. */
static int cl_source_hedged(const cl_doc *d, const rc_speaker *sp)
{
    const rc_doc *doc = d->doc;
    if (sp->end <= sp->start)
        return 0;
    size_t b = cl_tok_at(doc, sp->end);
    for (size_t i = cl_tok_at(doc, sp->start); i < b && i < doc->ntoks; i++) {
        size_t nt;
        const cl_entry *e = cl_match(d, i, b, &nt);
        if (e && e->mod == CL_M_HEDGE)
            return 1;
    }
    return 0;
}

/* Whether a source is the outlet itself (selon nos informations, d'après notre rédaction): its
 * name or the two words before it hold a phrase marked own; the figure is the text's own. */
static int cl_source_own(const cl_doc *d, const rc_speaker *sp)
{
    const rc_doc *doc = d->doc;
    if (sp->end <= sp->start)
        return 0;
    size_t a = cl_tok_at(doc, sp->start), b = cl_tok_at(doc, sp->end);
    for (size_t i = a >= 2 ? a - 2 : 0; i < b && i < doc->ntoks; i++) {
        size_t nt;
        const cl_entry *e = cl_match(d, i, b, &nt);
        if (e && (e->mflags & CL_MF_OWN) && i + nt > a)
            return 1;
    }
    return 0;
}

int cl_context(cl_doc *d, cl_fig *f)
{
    size_t s0, s1;
    cl_sent_toks(d, f->sent, &s0, &s1);
    if (s0 > f->nt0)
        s0 = f->nt0;
    if (s1 < f->nt1)
        s1 = f->nt1;
    int denied = 0;
    int status = cl_sources(d, f, s0, s1, &denied);
    if (status)
        return status;
    if (f->c.nsources && cl_source_hedged(d, &f->c.sources[0])) {
        f->c.sources = NULL; /* selon des informations non vérifiées: a doubt, not a source */
        f->c.nsources = 0;
    } else if (f->c.nsources && cl_source_own(d, &f->c.sources[0])) {
        f->c.sources = NULL; /* selon nos informations: the outlet speaks for itself */
        f->c.nsources = 0;
        cl_explain(f, "source-own", NULL, 0);
    }
    cl_modality(d, f, s0, s1, denied);
    cl_time(d, f);
    if ((status = cl_places(d, f)) || (status = cl_agent(d, f)))
        return status;
    return RC_OK;
}
