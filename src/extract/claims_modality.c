/*
 * claims_modality.c - how sure the text is of a claim: the modality cues of the figure's clause
 * and sentence (conditional and future forms, hedges, disputes, denials), each sentence scanned
 * once for the first cue of each class, and the ranking denied > disputed > expected > hedged >
 * conditional > reported > asserted.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "extract/claims_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* What the morphology says of the word at token i, asked once for both forms below: *known is
 * 1 with *m filled when it knows the word, 0 when not; -1 until asked. */
typedef struct cl_form {
    int known;
    rc_morph m;
} cl_form;

/* Asks the morphology about token i (a word) into fm, unless it was asked already. */
static void cl_form_ask(const rc_doc *doc, size_t i, cl_form *fm)
{
    if (fm->known < 0)
        fm->known = rc_fr_morph_tok(doc, i, &fm->m) ? 1 : 0;
}

/* Whether a word of [-rait, -raient] form is a conditional verb by its ending (morphology
 * first, when it knows the word). */
static int cl_cond_form(const cl_doc *d, size_t i, cl_form *fm)
{
    const rc_doc *doc = d->doc;
    const rc_token *tk = &doc->toks[i];
    if (tk->kind != RC_TOK_WORD)
        return 0;
    const char *w = doc->text + tk->start;
    size_t n = tk->end - tk->start;
    cl_form_ask(doc, i, fm);
    if (fm->known)
        return (fm->m.flags & RC_M_COND) != 0;
    if (n >= 6 && memcmp(w + n - 4, "rait", 4) == 0)
        return 1;
    return n >= 7 && memcmp(w + n - 6, "raient", 6) == 0;
}

/* Whether a word is a future form by the morphology. */
static int cl_future_form(const cl_doc *d, size_t i, cl_form *fm)
{
    const rc_doc *doc = d->doc;
    if (doc->toks[i].kind != RC_TOK_WORD)
        return 0;
    cl_form_ask(doc, i, fm);
    return fm->known && (fm->m.flags & RC_M_FUT) && (fm->m.flags & RC_M_VERB);
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
        cl_form fm = {-1, {0}};
        if (m == CL_M_NONE && !near_only && (want & (1u << CL_M_COND)) &&
            (!e || (e->mod == CL_M_NONE && !(e->wflags & ~CL_W_LINK) && e->who == CL_WHO_NONE)) &&
            cl_cond_form(d, i, &fm))
            m = CL_M_COND, nt = 1;
        if (m == CL_M_NONE && !near_only && (want & (1u << CL_M_EXPECT)) &&
            cl_future_form(d, i, &fm))
            m = CL_M_EXPECT, nt = 1;
        if (m > best && (want & (1u << m))) {
            best = m;
            *cue = i;
            *cnt = nt;
        }
        if (e && nt > 1 && e->mod != CL_M_NONE)
            i += nt - 1; /* a predicate's words (se seraient rendus) are read one by one */
    }
    return best;
}

/* Whether token i is an opening quotation mark or a dash before a sentence's first word. */
static bool cl_opening_mark(const rc_doc *doc, size_t i)
{
    return doc->toks[i].kind == RC_TOK_QUOTE_OPEN || cl_dash_punct(doc, i);
}

/* Whether a denial that opens a sentence ends before a comma, a colon or an exclamation mark
 * (or the sentence's end), as an answer does (Faux, assure ...; C'est faux !), and not before
 * the rest of a clause (Faux policiers ...). */
static bool cl_lead_ends(const rc_doc *doc, size_t i, size_t b)
{
    while (i < b && doc->toks[i].kind == RC_TOK_QUOTE_CLOSE)
        i++; /* « C'est faux », assure ... */
    return i >= b || cl_punct(doc, i, ',') || cl_punct(doc, i, ':') || cl_punct(doc, i, '!') ||
           cl_punct(doc, i, '.');
}

/* Scans sentence s once for the first modality cue of each class, among all cues and among
 * those marked near: the reading of cl_cues without the forms (conditional, future), which only
 * the clause asks for, so that any set of classes is then answered without a new scan. */
static void cl_sent_scan(const cl_doc *d, size_t s)
{
    cl_sent *st = &d->sents[s];
    cl_scan *sc = &d->scans[s];
    size_t a, b;
    cl_sent_toks(d, s, &a, &b);
    st->scanned = 1;
    memset(sc, 0, sizeof *sc);
    /* most sentences hold no cue of the classes asked for: only the matches that may end where
     * one may end (cl_cue_end_from) are tried first */
    size_t maxw = d->t->maxwords > 1 ? (size_t)d->t->maxwords : 1;
    bool any = false;
    size_t next = a; /* the first start not tried yet: a match does not depend on where it ends */
    for (size_t j = cl_cue_end_from(d, a, b, CL_DOUBT); j < b && !any;
         j = cl_cue_end_from(d, j + 1, b, CL_DOUBT)) {
        size_t i = j + 1 >= a + maxw ? j + 1 - maxw : a;
        for (i = i > next ? i : next; i <= j && !any; i++) {
            size_t nt;
            const cl_entry *e = cl_match(d, i, b, &nt);
            any = e && e->mod > CL_M_NONE && ((1u << e->mod) & CL_DOUBT) &&
                  !(e->mflags & CL_MF_FIGURE);
        }
        next = i;
    }
    if (!any)
        return;
    size_t i, first = a; /* the sentence's first word, past opening marks */
    while (first < b && cl_opening_mark(d->doc, first))
        first++;
    for (i = a; i < b; i++) {
        size_t nt;
        const cl_entry *e = cl_match(d, i, b, &nt);
        if (!e)
            continue;
        int m = e->mod;
        if (m == CL_M_DENY && i == first && cl_lead_ends(d->doc, i + nt, b)) {
            /* Faux, assure le gouvernement, qui avance 46 morts: the denial answers the
             * sentence before, and the figures after it are the other side's */
            if (!sc->lead)
                sc->lead = (uint32_t)i + 1, sc->nlead = (uint8_t)nt;
            i += nt - 1;
            continue;
        }
        if (e->mflags & CL_MF_LEAD)
            m = CL_M_NONE; /* de faux policiers: not a denial inside a sentence */
        if (m > CL_M_NONE && m <= CL_M_DENY && !(e->mflags & CL_MF_FIGURE)) {
            if (!sc->cue[0][m])
                sc->cue[0][m] = (uint32_t)i + 1, sc->cnt[0][m] = (uint8_t)nt;
            if ((e->mflags & CL_MF_NEAR) && !sc->cue[1][m])
                sc->cue[1][m] = (uint32_t)i + 1, sc->cnt[1][m] = (uint8_t)nt;
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
    if (!d->sents[sent].scanned)
        cl_sent_scan(d, sent);
    const cl_scan *st = &d->scans[sent];
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

/* Whether sentence s opens on a denial that answers the sentence before (cl_scan.lead), and
 * where. */
static bool cl_sent_lead(cl_doc *d, size_t s, size_t *cue /* OUT */, size_t *cnt /* OUT */)
{
    if (!d->sents[s].scanned)
        cl_sent_scan(d, s);
    const cl_scan *st = &d->scans[s];
    if (!st->lead)
        return false;
    *cue = st->lead - 1;
    *cnt = st->nlead;
    return true;
}

/* Whether sentence s, tokens [a, b), refers back to figures given before: a demonstrative
 * before a toll noun anywhere in it (Le président a qualifié ce bilan de mensonge). Asked only
 * of a sentence without figures of its own, which "ce décompte" would name instead; kept per
 * sentence, as every figure of the sentence before asks. */
static bool cl_refers_back(cl_doc *d, size_t s, size_t a, size_t b)
{
    cl_sent *st = &d->sents[s];
    if (st->back)
        return st->back == 2;
    st->back = 1;
    for (size_t j = a; j + 1 < b && st->back == 1; j++) {
        const cl_entry *e = cl_word_at(d, j), *n;
        if (e && (e->wflags & CL_W_BACK) && (n = cl_word_at(d, j + 1)) != NULL &&
            n->who == CL_WHO_SUM)
            st->back = 2;
    }
    return st->back == 2;
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

/* Whether sentence s holds a count or a share (a figure a dispute there may be about): a
 * number other than an ordinal starts in it. Kept per sentence: the claims around it ask too. */
static int cl_sent_has_figure(const cl_doc *d, size_t s)
{
    cl_sent *st = &d->sents[s];
    if (st->figure)
        return st->figure - 1;
    const rc_doc *doc = d->doc;
    const rc_span *sp = &doc->sents[s];
    int has = 0;
    /* the first number that starts in the sentence */
    for (size_t i = RC_FIRST_STARTING(rc_number, doc->nums, doc->nnums, sp->start); i < doc->nnums; i++) {
        const rc_number *n = &doc->nums[i];
        if (n->start >= sp->end)
            break;
        if (n->start >= sp->start && n->kind != RC_NUM_ORDINAL) {
            has = 1;
            break;
        }
    }
    st->figure = (uint8_t)(has + 1);
    return has;
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

/* The strongest cue marked figure that stands just before the figure, up to two words before
 * it in its clause window: les présumées 300 exécutions, les exécutions présumées de 82 civils.
 * Such a word qualifies what it stands beside: after a noun (des jihadistes présumés, trois
 * membres présumés du groupe) it doubts a label, not the toll or the count. */
static int cl_figure_cues(const cl_doc *d, const cl_fig *f, size_t *cue /* OUT */,
                          size_t *cnt /* OUT */)
{
    int best = CL_M_NONE;
    /* a cue of one word at most two words before the figure; a phrase ending there may start
     * a word earlier (le soi-disant bilan de 500 victimes) */
    size_t a = f->nt0 >= f->win0 + 6 ? f->nt0 - 6 : f->win0; /* nous avons écrit par erreur que */
    for (size_t i = a; i < f->nt0; i++) {
        size_t nt;
        const cl_entry *e = cl_match(d, i, f->nt0, &nt);
        if (e && (e->mflags & CL_MF_FIGURE) && e->mod > best && i + nt + 2 >= f->nt0 &&
            (i + 2 >= f->nt0 || nt > 1))
            best = e->mod, *cue = i, *cnt = nt;
    }
    return best;
}

/* Whether the denial cue at byte off was said by the source that vouches for figure f: an
 * attribution of the figure's sentence made by that cue has the figure's first source first.
 * Then the denial is about something else (a démenti avoir visé des civils et affirme que ...);
 * a denial by another source (Moscou dément ce que l'OSDH affirme) still covers the figure. */
static bool cl_denies_other(const cl_doc *d, const cl_fig *f, uint32_t off)
{
    const rc_doc *doc = d->doc;
    if (!f->c.nsources || !f->c.sources[0].key)
        return false;
    const rc_span *sn = &doc->sents[f->sent];
    for (size_t i = 0; i < doc->nattrs; i++) {
        const rc_attribution *a = &doc->attrs[i];
        if (a->start < sn->start || a->start >= sn->end || a->start > off || a->end <= off ||
            !a->nchain || !a->chain[0].key)
            continue;
        return strcmp(a->chain[0].key, f->c.sources[0].key) == 0;
    }
    return false;
}

/* Whether the denial cue at token k (nt tokens) belongs to an attribution whose object, a
 * noun phrase opened by an article or an infinitive right after the verb, is named after the
 * figure f and is not it (a fait état de 18 morts tout en démentant le moindre tir, et nié
 * avoir tiré): the source denies something else. A denial with no object after it (ce que Kiev
 * dément catégoriquement, un chiffre démenti par X), whose object points back (a démenti ce bilan)
 * or holds the figure (a démenti avoir tué 18 civils) still denies. */
static bool cl_denial_elsewhere(const cl_doc *d, const cl_fig *f, size_t k, size_t nt)
{
    const rc_doc *doc = d->doc;
    size_t o = k + nt;
    const cl_entry *oe = o < doc->ntoks && cl_is_word(doc, o) ? cl_word_at(d, o) : NULL;
    rc_morph m;
    bool inf = o < doc->ntoks && cl_is_word(doc, o) && rc_fr_morph_tok(doc, o, &m) &&
               (m.flags & RC_M_INF); /* a démenti avoir tiré sur la foule */
    if (!inf && (!oe || !(oe->wflags & CL_W_DET) || (oe->wflags & CL_W_BACK)))
        return false;
    uint32_t off = doc->toks[k].start;
    for (size_t i = 0; i < doc->nattrs; i++) {
        const rc_attribution *a = &doc->attrs[i];
        if (a->denied && a->start <= off && off < a->end)
            return a->scope_end > a->scope_start && /* the denial's scope is elsewhere: after
                                                     * the figure, or ended before it (nient
                                                     * viser des civils, il précise que) */
                   (a->scope_start >= f->c.end || a->scope_end <= f->c.start);
    }
    return false;
}

/* Whether the one-word hedge at token k, an adverb, stands right before a past participle that
 * is no predicate of the claims table, or after a comma before an article: it qualifies that
 * participle's phrase (une attaque probablement menée par) or that noun (un engin, probablement
 * une grenade), not a figure before it. */
static bool cl_hedges_participle(const cl_doc *d, size_t k)
{
    const rc_doc *doc = d->doc;
    rc_morph m;
    if (!rc_fr_morph_tok(doc, k, &m) || !(m.flags & RC_M_ADV) || (m.flags & RC_M_ADJ))
        return false; /* un bilan provisoire présenté par: an adjective hedges its noun */
    const cl_entry *de = k + 1 < doc->ntoks ? cl_word_at(d, k + 1) : NULL;
    if (de && (de->wflags & CL_W_DET) && k > 0 && cl_punct(doc, k - 1, ','))
        return true; /* un engin explosif, probablement une grenade: a guess at a noun */
    if (k + 1 >= doc->ntoks || !rc_fr_morph_tok(doc, k + 1, &m) || !(m.flags & RC_M_PPAS))
        return false;
    const cl_entry *e = cl_word_at(d, k + 1);
    return !e || e->pwhat < 0;
}

/* Whether the one-verb doubt at token k (conteste) has an object of its own that counts
 * nothing: an article and a noun that is no statement, toll or counted noun (qui conteste
 * l'élection), so that it doubts that object and not a figure near it. */
static bool cl_disputes_other(const cl_doc *d, size_t k, size_t nt)
{
    const rc_doc *doc = d->doc;
    size_t o = k + nt;
    rc_morph m;
    if (o + 1 >= doc->ntoks || !cl_is_word(doc, o) || !cl_is_word(doc, o + 1) ||
        !rc_fr_morph_tok(doc, k, &m) || !(m.flags & RC_M_VERB))
        return false;
    const cl_entry *qe = k > 0 && cl_is_word(doc, k - 1) ? cl_word_at(d, k - 1) : NULL;
    if (qe && (qe->wflags2 & CL_W2_QUE))
        return false; /* un chiffre que conteste l'opposition: the subject follows, the object
                       * came before */
    const cl_entry *de = cl_word_at(d, o), *ne = cl_word_at(d, o + 1);
    if (!de || !(de->wflags & CL_W_DET) || (de->wflags & (CL_W_BACK | CL_W_DE)))
        return false;
    return !ne || (ne->who < 0 && ne->who != CL_WHO_SUM && ne->cwhat < 0);
}

/* Modality: denied > disputed > expected > hedged > conditional > reported > asserted. */
void cl_modality(cl_doc *d, cl_fig *f, size_t s0, size_t s1, int denied)
{
    const rc_doc *doc = d->doc;
    size_t cue = 0, cnt = 0;
    int best = CL_M_NONE;
    unsigned sent_want = 1u << CL_M_HEDGE | 1u << CL_M_DISPUTE | 1u << CL_M_DENY;
    (void)s0, (void)s1;
    int m = cl_sent_cues(d, f->sent, sent_want, 0, &cue, &cnt);
    if (m == CL_M_DENY && !denied && f->asc1 &&
        (doc->toks[cue].start < f->asc0 || doc->toks[cue].start >= f->asc1) &&
        cl_denies_other(d, f, doc->toks[cue].start)) {
        /* L'armée a démenti avoir visé des civils et affirme que 14 terroristes ...: the
         * denial is outside the clause its own source vouches for the figure in */
        m = cl_sent_cues(d, f->sent, sent_want & ~(1u << CL_M_DENY), 0, &cue, &cnt);
    }
    if (m == CL_M_DENY && !denied && cl_denial_elsewhere(d, f, cue, cnt))
        m = cl_sent_cues(d, f->sent, sent_want & ~(1u << CL_M_DENY), 0, &cue, &cnt);
    if (m == CL_M_DISPUTE && cnt == 1 && cl_disputes_other(d, cue, cnt))
        m = cl_sent_cues(d, f->sent, sent_want & ~(1u << CL_M_DISPUTE), 0, &cue, &cnt);
    if (m == CL_M_HEDGE && cnt == 1 && cue > f->endt &&
        (f->pred == SIZE_MAX || f->pred_before || cue > f->pred) && cl_hedges_participle(d, cue)) {
        /* ont été tués lors d'une attaque probablement menée par un groupe: the hedge is the
         * attack's author's, not the toll's */
        m = CL_M_NONE;
    }
    if (m == CL_M_HEDGE && cnt == 1 && cue > 0 && cue + 2 < f->nt0 && cl_punct(doc, cue - 1, ',') &&
        cl_hedges_participle(d, cue)) {
        /* des hommes armés, vraisemblablement des éleveurs, ont tué 15 personnes: a guess at a
         * noun in an aside that closes before the figure */
        for (size_t k = cue + 2; k < f->nt0; k++)
            if (cl_punct(doc, k, ',')) {
                m = CL_M_NONE;
                break;
            }
    }
    if (m > best)
        best = m;
    size_t fc = 0, fn = 0;
    m = cl_figure_cues(d, f, &fc, &fn);
    if (m > best)
        best = m, cue = fc, cnt = fn;
    /* the verbs of the figure's own clause: back to a comma or a relative pronoun, forward to
     * a comma (one right after the figure and its parts is skipped) */
    size_t c0 = f->nt0, c1 = f->endt;
    while (c0 > f->win0) {
        const cl_entry *e = cl_word_at(d, c0 - 1);
        if (cl_punct(doc, c0 - 1, ',') ||
            (e && (e->wflags & CL_W_STOP) && !cl_restrictive_que(d, c0 - 1, f->win0)) ||
            (e && (e->wflags2 & CL_W2_MEMORY) && c0 + 3 > f->nt0))
            break; /* une veillée est prévue en mémoire des 19 personnes tuées: the vigil is
                    * planned, not the toll */
        c0--;
    }
    size_t pc = f->cend; /* a comma before the parts, after words of the figure's clause */
    while (f->nparts && pc < f->win1 && doc->toks[pc].start < f->parts[0].start &&
           !(pc > f->cend && cl_punct(doc, pc, ',')))
        pc++;
    bool parts_after = f->nparts && pc < f->win1 && pc > f->cend && cl_punct(doc, pc, ',') &&
                       doc->toks[pc].start < f->parts[0].start;
    size_t aside0 = 0, aside1 = 0; /* an aside of parts whose verb is their own, not the figure's */
    if (parts_after) {
        c1 = pc; /* 200 blessés ont été admis, dont 80 seraient ...: the parts' own verb */
    } else if (f->nparts) {
        /* 3 otages, dont une femme âgée, seraient morts: past the parts' comma */
        while (c1 < f->win1 && !cl_punct(doc, c1, ','))
            c1++;
        if (c1 < f->win1)
            c1++;
        size_t pt = cl_tok_at(doc, f->parts[0].start); /* 40 personnes, dont 20 seraient des
                                                        * étudiants, ont péri: the parts' verb
                                                        * is theirs */
        if (pt >= f->nt1 + 2 && pt < c1 && cl_punct(doc, pt - 2, ',') && cl_word_at(d, pt - 1) &&
            (cl_word_at(d, pt - 1)->wflags & CL_W_PARTS))
            aside0 = pt - 2, aside1 = c1;
    }
    while (!parts_after && c1 < f->win1 && !cl_punct(doc, c1, ',') && !cl_dash_punct(doc, c1) &&
           !(cl_word_at(d, c1) && (cl_word_at(d, c1)->wflags2 & CL_W2_BUT)))
        c1++; /* ont été placés en garde à vue - mais il pourrait y avoir: another clause */
    const cl_entry *ae = !parts_after && c1 + 1 < f->win1 ? cl_word_at(d, c1 + 1) : NULL;
    if (ae && (ae->wflags & (CL_W_AGED | CL_W_PARTS))) {
        /* cinq habitants, âgés de 14 à 73 ans, auraient été exécutés: past the aside */
        size_t open = c1;
        for (c1 += 2; c1 < f->win1 && !cl_punct(doc, c1, ','); c1++)
            ;
        if (c1 < f->win1)
            c1++;
        if ((ae->wflags & CL_W_PARTS) && !f->nparts)
            aside0 = open, aside1 = c1; /* dont la plupart seraient des étudiants, */
        while (c1 < f->win1 && !cl_punct(doc, c1, ','))
            c1++;
    }
    size_t wc = 0, wn = 0;
    const unsigned forms = 1u << CL_M_COND | 1u << CL_M_EXPECT;
    m = cl_cues(d, c0, aside1 > aside0 ? aside0 : c1, forms, 0, &wc, &wn);
    if (m > best)
        best = m, cue = wc, cnt = wn;
    if (aside1 > aside0) {
        m = cl_cues(d, aside1, c1, forms, 0, &wc, &wn);
        if (m > best)
            best = m, cue = wc, cnt = wn;
    }
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
        unsigned want = s < (long)f->sent && (!f->c.nsources || !cl_sent_has_figure(d, (size_t)s))
                            ? 1u << CL_M_HEDGE
                            : 0u;
        if (s > (long)f->sent) {
            size_t a, b;
            cl_sent_toks(d, (size_t)s, &a, &b);
            const cl_entry *e = a < b ? cl_word_at(d, a) : NULL;
            int back = e && (e->wflags & CL_W_BACK);
            /* a later sentence with a figure of its own doubts that one, unless it refers back */
            int own = cl_sent_has_figure(d, (size_t)s);
            /* a new paragraph (a live blog's next entry) doubts only what it names */
            int para = a < b && (doc->toks[a].flags & RC_TF_PARAGRAPH);
            if (back ||
                (f->c.nsources && !own &&
                 ((s == (long)f->sent + 1 && !para) || cl_names_source(doc, f, a, b))) ||
                (s == (long)f->sent + 1 && !own && cl_refers_back(d, (size_t)s, a, b)))
                want = 1u << CL_M_DISPUTE | 1u << CL_M_DENY; /* C'est un mensonge. */
            between = own;
        }
        if (s == (long)f->sent + 1 && cl_sent_lead(d, (size_t)s, &wc, &wn) && CL_M_DENY > best)
            best = CL_M_DENY, cue = wc, cnt = wn; /* Faux, assure le gouvernement */
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
    if (f->follows > mod && f->follows != RC_MOD_DENIED &&
        (mod == RC_MOD_ASSERTED || mod == RC_MOD_REPORTED)) {
        /* not a denial: one the sentence holds reaches every figure without it, and one of the
         * figure before alone (nous indiquions par erreur 300 ; il s'agit de 3.000) is its own */
        mod = f->follows; /* 130 dans Saada: as sure as the figure it follows */
        cue = cnt = 0;
    }
    f->c.modality = (uint8_t)mod;
    if (best > CL_M_REPORT && cnt && !denied)
        cl_explain(f, rc_modality_name(mod), doc->text + doc->toks[cue].start,
                   doc->toks[cue + cnt - 1].end - doc->toks[cue].start);
}
