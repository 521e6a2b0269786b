/*
 * claims_source.c - who says so: the attribution or quote that covers the figure, or, when the
 * attribution stage found none, a name before or after a cue of the sentence (selon X, X a
 * affirmé); whether the source denies the figure, is unsure itself (des rumeurs non confirmées)
 * or is the outlet speaking for itself (selon nos informations).
 */
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/claims_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

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

/* Whether token j is a lowercase past participle followed by a time or by a place (publié
 * mercredi, diffusé à Genève; not chargé de la Défense nor des rebelles présumés sur la route),
 * or by its agent after a word (envoyés par le parquet): it tells when or where the name before
 * it spoke, or who sent it, and is no part of it. */
static bool cl_participle_aside(const cl_doc *d, size_t j, size_t b)
{
    const rc_doc *doc = d->doc;
    rc_morph m;
    if (j + 1 >= b || (doc->toks[j].flags & RC_TF_UPPER) || !rc_fr_morph_tok(doc, j, &m) ||
        !(m.flags & RC_M_PPAS))
        return false;
    if (cl_in_time(doc, doc->toks[j + 1].start))
        return true;
    const cl_entry *next = cl_word_at(d, j + 1);
    if (next && (next->wflags & CL_W_AGENT) && j > 0 && cl_is_word(doc, j - 1))
        return true; /* des enquêteurs envoyés par le parquet: the noun before is the name */
    return next && (next->wflags & CL_W_PREP) && !(next->wflags & CL_W_DE) && j + 2 < b &&
           (doc->toks[j + 2].flags & RC_TF_UPPER);
}

/* A name read from tokens [a, b) of a sentence: determiners and a leading complement of place
 * or time skipped (a annoncé à Genève X), up to a comma, a quote, a grammar stop or a cue. */
int cl_name_after(const cl_doc *d, size_t a, size_t b, size_t *na, size_t *nb)
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
    const cl_entry *he = i < b && cl_is_word(doc, i) ? cl_word_at(d, i) : NULL;
    if (he && (he->wflags2 & CL_W2_THING))
        return 0; /* selon l'accord: how, not who */
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
        if (j > i && cl_participle_aside(d, j, b))
            break; /* un rapport publié mercredi: the document, not when it came out */
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

/* Whether byte off lies in a place the entities stage found. */
static bool cl_in_place(const rc_doc *doc, uint32_t off)
{
    size_t k = RC_FIRST_ENDING_AFTER(rc_entity, doc->ents, doc->nents, off);
    return k < doc->nents && doc->ents[k].start <= off && doc->ents[k].type == RC_ENT_LOC;
}

/* A name before a cue at token c (le Centre russe ... avait rendu compte): back over
 * auxiliaries to a comma, a quote or the sentence start. */
static int cl_name_before(const cl_doc *d, size_t s0, size_t c, size_t *na, size_t *nb)
{
    const rc_doc *doc = d->doc;
    size_t j = c, i = c;
    for (int pass = 0; pass < 3; pass++) {
        int be = 0; /* a form of être among the auxiliaries right before the cue */
        while (j > s0) {
            const cl_entry *e = cl_word_at(d, j - 1);
            if ((e && (e->wflags & CL_W_AUX)) || cl_adverb(d, j - 1))
                j--, be |= pass == 0 && e && (e->wflags2 & CL_W2_BE);
            else
                break;
        }
        if (be && j > s0 && doc->toks[j - 1].kind != RC_TOK_ELISION && !cl_reflexive(d, j - 1))
            return 0; /* Il a été annoncé que, le bilan a été confirmé par: a passive's subject
                       * is what is said, never who says it (s'est dit: a reflexive is active) */
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
    long fm = i > s0 ? cl_num_tok(d, i - 1) : -1;
    if (fm >= 0) {
        /* une vidéo vue plus de 2 millions de fois sur X affirme: a figure stands in the way,
         * the words after it are its complement; the name is the noun before the participle
         * that governs it, or there is none */
        size_t k = cl_num_t0(d, (size_t)fm);
        rc_morph mo;
        if (k < s0 + 2 || !cl_is_word(doc, k - 1) || !cl_is_word(doc, k - 2) ||
            !rc_fr_morph_tok(doc, k - 1, &mo) || !(mo.flags & RC_M_PPAS))
            return 0;
        j = k - 1;
        for (i = j; i > s0 && i + 4 > j && cl_is_word(doc, i - 1); i--) {
            const cl_entry *e = cl_word_at(d, i - 1);
            if (e && (e->wflags & (CL_W_STOP | CL_W_AUX)))
                break;
        }
    }
    bool prep = false; /* the words open on a preposition other than de */
    while (i < j) {
        const cl_entry *e = cl_word_at(d, i);
        if (e && (e->wflags & CL_W_AND) && !(e->wflags & (CL_W_DET | CL_W_PREP)) &&
            !(doc->toks[i].flags & RC_TF_UPPER))
            i++; /* ..., et les sites de l'opposition annoncent: the conjunction is no name */
        else if (e && (e->wflags & (CL_W_DET | CL_W_PREP)) && !(doc->toks[i].flags & RC_TF_UPPER))
            prep |= (e->wflags & CL_W_PREP) && !(e->wflags & (CL_W_DE | CL_W_DET)), i++;
        else if (e && (e->wflags & CL_W_DET))
            i++;
        else
            break;
    }
    if (prep && i < j && cl_in_place(doc, doc->toks[j - 1].start))
        return 0; /* ..., dans la province du Soum faisait état: a place's complement */
    for (size_t k = i + 1; k < j; k++)
        if (cl_participle_aside(d, k, j)) {
            j = k; /* le communiqué diffusé lundi soir affirme: the document, not when */
            break;
        }
    while (j > i && doc->toks[j - 1].kind == RC_TOK_ELISION &&
           !(cl_word_at(d, j - 1) && (cl_word_at(d, j - 1)->wflags & (CL_W_DET | CL_W_DE))))
        j--; /* le ministre m'a dit: the pronoun is no part of the name (an article or de
              * left at the end says the cue is a noun: en état d'alerte) */
    if (i >= j || cl_in_time(doc, doc->toks[j - 1].start))
        return 0; /* le décompte en date du jeudi 3 mars fait état: a date names nobody */
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
    const cl_entry *first = cl_word_at(d, na);
    if (nb == na + 1 && first && (first->wflags & CL_W_IMP))
        return 0; /* on recense 12 morts: nobody is named, the figure is the text's */
    const cl_entry *last = cl_word_at(d, nb - 1);
    if (doc->toks[nb - 1].kind == RC_TOK_ELISION && last && (last->wflags & (CL_W_DET | CL_W_DE)))
        return 0; /* Peu après l'annonce: the cue is a noun, the words before it no name */
    if (first && (first->wflags & CL_W_IF))
        return 0; /* Ce chiffre, s'il se confirme: a supposition names nobody */
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

static size_t cl_quote_close_kept(cl_doc *d, size_t i);

/* The source of a figure when no attribution covers it: the report cue of the sentence nearest
 * the figure, and the name it introduces. Returns 1 with a speaker in *sp, or with the
 * attribution in *att whose chain is the source. */
/* Whether the cue at token i opens a new clause: a comma, then mais or et right before it. */
static bool cl_opens_clause_on(const cl_doc *d, size_t i)
{
    const rc_doc *doc = d->doc;
    if (i < 2 || !cl_punct(doc, i - 2, ','))
        return false;
    const cl_entry *e = cl_is_word(doc, i - 1) ? cl_word_at(d, i - 1) : NULL;
    return e && ((e->wflags2 & CL_W2_BUT) || (e->wflags & CL_W_AND));
}

/* Whether a clause of contrast opens in tokens [a, b): a comma, then mais, alors (que) or
 * tandis (que). */
static bool cl_contrast_between(const cl_doc *d, size_t a, size_t b)
{
    for (size_t k = a; k + 1 < b; k++) {
        if (!cl_punct(d->doc, k, ','))
            continue;
        const cl_entry *e = cl_is_word(d->doc, k + 1) ? cl_word_at(d, k + 1) : NULL;
        if (e && (e->wflags2 & CL_W2_BUT))
            return true;
    }
    return false;
}

/* Whether a clause of contrast opens in tokens [a, b) with words of its own before the cue at
 * b, its subject: mais, alors que, tandis que (17 morts, mais HRW affirme; 17 morts alors
 * qu'Oxfam affirme). A cue right after the contrast word (mais selon X) is left to the others,
 * and so is a verb after a comma, whose subject follows it and whose report covers all that
 * goes before (17 morts mais aucun blessé, affirme HRW). */
static bool cl_contrast_opens(const cl_doc *d, size_t a, size_t b)
{
    if (b == 0 || d->doc->toks[b - 1].kind != RC_TOK_WORD)
        return false;
    for (size_t k = a; k + 1 < b; k++) {
        const cl_entry *e = cl_is_word(d->doc, k) ? cl_word_at(d, k) : NULL;
        if (!e || !(e->wflags2 & CL_W2_BUT))
            continue;
        size_t n = k + 1;
        const cl_entry *q = cl_is_word(d->doc, n) ? cl_word_at(d, n) : NULL;
        if (q && (q->wflags & CL_W_ONLY)) /* the que of alors que */
            n++;
        return n < b;
    }
    return false;
}

/* Whether the cue at token i (nt tokens) closes the clause before it and is followed by a new
 * one before token lim: it stands after a comma, and its source's words run to a comma and et
 * (..., selon la délégation de la ville, et près de la moitié ...). */
static bool cl_closing_cue(const cl_doc *d, size_t s0, size_t i, size_t nt, size_t lim)
{
    const rc_doc *doc = d->doc;
    if (i <= s0 || !cl_punct(doc, i - 1, ','))
        return false;
    for (size_t k = i + nt; k + 1 < lim && k < i + nt + 8; k++) {
        if (cl_punct(doc, k, ',')) {
            const cl_entry *e = cl_is_word(doc, k + 1) ? cl_word_at(d, k + 1) : NULL;
            return e && (e->wflags & CL_W_AND);
        }
        const cl_entry *e = cl_word_at(d, k);
        if (!cl_is_word(doc, k) || (e && (e->wflags & CL_W_AUX)))
            return false;
    }
    return false;
}

static int cl_source_fallback(cl_doc *d, cl_fig *f, size_t s0, size_t s1, rc_speaker *sp,
                              const rc_attribution **att);

/* Whether the name sp is the subject of a reporting verb right after it (past auxiliaries
 * and adverbs), before token lim: Les services hospitaliers font état de; not the name after
 * selon, which may be a document's (selon un rapport d'un docteur). */
static bool cl_verb_after_name(const cl_doc *d, const rc_speaker *sp, size_t lim)
{
    const rc_doc *doc = d->doc;
    size_t k = cl_tok_at(doc, sp->end);
    for (int n = 0; k < lim && n < 3; n++) {
        const cl_entry *e = cl_word_at(d, k);
        if (e && (e->wflags & (CL_W_AUX | CL_W_ADV)))
            k++;
        else if (doc->toks[k].kind == RC_TOK_ELISION)
            k++; /* m'a dit */
        else
            break;
    }
    size_t nt;
    const cl_entry *e = k < lim ? cl_match(d, k, lim, &nt) : NULL;
    rc_morph m; /* a verb that may put its subject after it is a verb still (a annoncé) */
    return e && (e->mod == CL_M_REPORT || e->mod == CL_M_DENY) &&
           (!(e->mflags & CL_MF_AFTER) || (rc_fr_morph_tok(doc, k, &m) && (m.flags & RC_M_VERB)));
}

/* A source the quoted speaker cites inside the quote before figure f (« Les services
 * hospitaliers font état de 30 morts », indique le gouvernement): that source first, the
 * speaker of attribution a relays it. 1 when the chain was made, 0 when there is none, -1 when
 * memory runs out. */
static int cl_quoted_source(cl_doc *d, cl_fig *f, const rc_quote *q, const rc_attribution *a)
{
    rc_doc *doc = d->doc;
    size_t qa = cl_tok_at(doc, q->start);
    if (qa >= f->nt0 || f->nt0 - qa > 40 || a->nchain >= 8)
        return 0;
    rc_speaker sp;
    const rc_attribution *att = NULL;
    size_t elen = f->elen; /* the trail is kept only when the chain is made */
    int r = cl_source_fallback(d, f, qa, f->nt0, &sp, &att);
    if (r < 0)
        return -1;
    size_t st0 = r ? cl_tok_at(doc, sp.start) : 0;
    const cl_entry *pe = st0 > qa && cl_is_word(doc, st0 - 1) ? cl_word_at(d, st0 - 1) : NULL;
    if (pe && (pe->wflags2 & CL_W2_MINE))
        r = 0; /* « Nos unités rapportent 30 morts »: the speaker's own */
    if (!r || att || !cl_verb_after_name(d, &sp, f->nt0) ||
        cl_source_voice(d, &sp, f->nt0) != CL_VOICE_NONE ||
        (a->nchain && a->chain[0].key && sp.key && strcmp(a->chain[0].key, sp.key) == 0)) {
        f->elen = elen; /* « Selon nos informations, ... », dit X: the speaker's own voice */
        f->explain[elen] = '\0';
        return 0;
    }
    rc_speaker *chain = rc_arena_alloc(&doc->arena, (a->nchain + 1) * sizeof *chain);
    if (!chain)
        return -1;
    chain[0] = sp;
    memcpy(chain + 1, a->chain, a->nchain * sizeof *chain);
    f->c.sources = chain;
    f->c.nsources = a->nchain + 1;
    cl_explain(f, "source-in-quote", doc->text + sp.start, sp.end - sp.start);
    return 1;
}

/* Whether a semicolon in [a, b) opens a clause with figures of its own before s1 (8 soldats
 * sont morts ; l'opposition parle de 30 morts): a cue in that clause reports its figures, not
 * the ones before the semicolon. */
static bool cl_own_clause_between(const cl_doc *d, size_t a, size_t b, size_t s1)
{
    for (size_t k = a; k < b; k++) {
        if (!cl_punct(d->doc, k, ';'))
            continue;
        for (size_t j = k + 1; j < s1; j++)
            if (cl_num_tok(d, j) >= 0)
                return true;
        return false;
    }
    return false;
}

/* The source of figure f from a reporting or denial cue of tokens [s0, s1) that no attribution
 * of the sources stage covers: the name on the cue's side (after selon, else before the verb),
 * or the speaker of an attribution the cue belongs to; 1 when found, 0 when not, -1 on error. */
static int cl_source_fallback(cl_doc *d, cl_fig *f, size_t s0, size_t s1, rc_speaker *sp,
                              const rc_attribution **att)
{
    *att = NULL;
    int quoted = -1; /* whether the figure is quoted, asked once a cue is found */
    rc_doc *doc = d->doc;
    size_t cues[8], cnts[8], ncues = 0;
    /* a clitic or the end of a report or denial cue must be there; over the whole sentence,
     * the answer is kept for its other figures */
    cl_sent *st = &d->sents[f->sent];
    bool whole = st->known && s0 == st->t0 && s1 == st->t1;
    if (whole && st->report == 1)
        return 0;
    const unsigned mods = 1u << CL_M_REPORT | 1u << CL_M_DENY;
    size_t j = cl_cue_end_from(d, s0, s1, mods);
    if (whole)
        st->report = j == s1 ? 1 : 2;
    if (j == s1)
        return 0;
    /* the cues in text order, each start tried once: a cue (and the inverted subject's clitic)
     * ends where cl_cue_end_from stops, so only the few starts before each stop are matched,
     * and tokens inside a cue are skipped as a reading of every token would skip them */
    size_t maxw = d->t->maxwords > 1 ? (size_t)d->t->maxwords : 1, next = s0;
    for (; j < s1 && ncues < 8; j = cl_cue_end_from(d, j + 1, s1, mods)) {
        size_t i = j + 1 >= s0 + maxw ? j + 1 - maxw : s0;
        for (i = i > next ? i : next; i <= j && ncues < 8; i++) {
            size_t nt;
            if (doc->toks[i].kind == RC_TOK_CLITIC && i > s0 &&
                doc->toks[i - 1].kind == RC_TOK_WORD) {
                /* », a-t-il poursuivi: the inverted subject of a verb of saying */
                const rc_token *tk = &doc->toks[i];
                const char *w = doc->text + tk->start;
                size_t n = tk->end - tk->start;
                while (n && (*w == '-' || *w == 't'))
                    w++, n--;
                rc_morph vm; /* semble-t-il, paraît-il: an impersonal hedge, nobody speaks */
                const cl_entry *ve = rc_fr_morph_tok(doc, i - 1, &vm) && vm.verb
                                         ? cl_lookup(d->t, vm.verb, strlen(vm.verb))
                                         : NULL;
                bool impersonal = ve && (ve->wflags2 & CL_W2_IMPERS);
                if (n && n <= 5 && w[0] != 'o' && !impersonal) { /* not -on: who says is unknown */
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
            if (!e || (e->mod != CL_M_REPORT && e->mod != CL_M_DENY) || (e->mflags & CL_MF_LEAD))
                continue; /* Faux, assure X: who answers follows; de faux policiers: no cue */
            const cl_entry *de = i > s0 ? cl_word_at(d, i - 1) : NULL;
            if (de && (de->wflags2 & CL_W2_NOUN))
                continue; /* après son annonce: a noun, no cue */
            if (i >= s0 + 2 && de && (de->wflags & CL_W_AUX) && cl_reflexive(d, i - 2))
                continue; /* où s'est déclaré l'incendie: a pronominal verb, no cue */
            if (i > f->endt &&
                (cl_opens_clause_on(d, i) || cl_own_clause_between(d, f->endt, i, s1) ||
                 cl_contrast_opens(d, f->endt, i)))
                continue; /* 110 cadavres, mais selon X, ...; 8 morts ; l'opposition parle de
                           * 30 morts; 17 morts alors que HRW affirme: the cue opens the next
                           * clause */
            if (i + nt <= f->nt0 &&
                (cl_contrast_between(d, i + nt, f->nt0) || cl_closing_cue(d, s0, i, nt, f->nt0)))
                continue; /* a ajouté le ministre, alors que les bilans faisaient état de 12
                             civils: the cue's clause ends before the figure's */
            cues[ncues] = i;
            cnts[ncues++] = nt;
            i += nt - 1;
        }
        next = i;
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
            quoted = cl_quote_close_kept(d, f->nt0) != SIZE_MAX;
        for (size_t ai = 0; quoted > 0 && ai < doc->nattrs; ai++) {
            const rc_attribution *a = &doc->attrs[ai];
            if (a->start <= coff && coff < a->end && a->nchain && coff > f->c.end) {
                *att = a;
                cl_explain(f, "source-cue-attribution", doc->text + coff,
                           doc->toks[best + bnt - 1].end - coff);
                return 1;
            }
        }
        /* selon, d'après name their source after them, never before (Les explosions ont fait
         * 32 morts selon un dernier bilan: nobody) */
        size_t bnt2;
        const cl_entry *ce = cl_match(d, best, s1, &bnt2);
        rc_morph cm;
        int sides = ce && ce->mod == CL_M_REPORT && (ce->mflags & CL_MF_AFTER) &&
                            !(rc_fr_morph_tok(doc, best, &cm) && (cm.flags & RC_M_VERB))
                        ? 1
                        : 2;
        for (int side = 0; side < sides && !ok; side++) {
            if (side == 0 ? !cl_name_after(d, best + bnt, s1, &na, &nb)
                          : !cl_name_before(d, s0, best, &na, &nb))
                continue;
            ok = cl_name_fits(d, f, na, nb);
        }
        if (!ok && sides == 1 && best > f->endt)
            return 0; /* 40 morts, selon le bilan officiel, 90 d'après X: the nearest selon
                       * vouches for the figure and names nobody; the next is another's */
        if (!ok)
            continue;
        const cl_entry *pe = nb == na + 1 ? cl_word_at(d, na) : NULL;
        const rc_claim *pc = doc->nclaims ? &doc->claims[doc->nclaims - 1] : NULL;
        if (pe && (pe->wflags2 & CL_W2_SUBJ) && pc && pc->nsources && pc->sentence < f->sent &&
            pc->sentence + 2 >= f->sent) {
            /* Le rapport indique que ... Il ajoute que: the pronoun stands for the source of the
             * figure before, which no attribution named (a statement noun, a group) */
            *sp = pc->sources[0];
            cl_explain(f, "source-pronoun", doc->text + doc->toks[best].start,
                       doc->toks[best + bnt - 1].end - doc->toks[best].start);
            return 1;
        }
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

/* cl_quote_close of token i, the last answer kept: the sources of a figure ask it twice. */
static size_t cl_quote_close_kept(cl_doc *d, size_t i)
{
    if (d->qc_tok != i + 1) {
        d->qc_ans = cl_quote_close(d->doc, i);
        d->qc_tok = i + 1;
    }
    return d->qc_ans;
}

/* The attribution of sentence s that attributes the sentence before it: s opens on a word that
 * refers back (C'est ce qu'a rapporté l'agence X, citant ...), and the attribution's scope is
 * no more than those first words. NULL when there is none. */
static const rc_attribution *cl_back_attribution(const cl_doc *d, size_t s)
{
    const rc_doc *doc = d->doc;
    size_t a, b;
    cl_sent_toks(d, s, &a, &b);
    if (b < a + 5)
        return NULL;
    bool back = false;
    for (size_t i = a; i < a + 3 && !back; i++) {
        if (doc->toks[i].kind == RC_TOK_QUOTE_OPEN)
            return NULL; /* « Ce crime est atroce », a déclaré X: the quote's own words */
        const cl_entry *e = cl_is_word(doc, i) ? cl_word_at(d, i) : NULL;
        back = e && (e->wflags & CL_W_BACK);
    }
    if (!back)
        return NULL;
    /* the attributions are in order of scope: the first whose scope starts in the sentence */
    uint32_t s_start = doc->sents[s].start, head_end = doc->toks[a + 4].end;
    for (size_t k = rc_first_from(doc->attrs, doc->nattrs, sizeof(rc_attribution),
                                  offsetof(rc_attribution, scope_start), s_start);
         k < doc->nattrs && doc->attrs[k].scope_start < head_end; k++) {
        const rc_attribution *at = &doc->attrs[k];
        /* its scope is the words that refer back, or the clause up to its own sources (Ces
         * chiffres ont été communiqués par le BINUH) */
        if (at->start >= s_start && at->start < doc->sents[s].end && at->nchain &&
            (at->scope_end <= head_end || at->scope_end <= at->end))
            return at;
    }
    return NULL;
}

/* The attribution of the sentence before s that a figure of s keeps when s names no source of
 * its own but adds to what that one reported: a word of class more (également, aussi) among
 * its first words, before the figure at token ft (Les frappes ont fait cinq morts, a indiqué le
 * ministère. Il y a également 28 blessés). The last attribution of that sentence with a chain,
 * not a denial; NULL when there is none. */
static const rc_attribution *cl_more_attribution(const cl_doc *d, size_t s, size_t ft)
{
    const rc_doc *doc = d->doc;
    if (s == 0)
        return NULL;
    size_t a, b;
    cl_sent_toks(d, s, &a, &b);
    bool more = false;
    for (size_t i = a; i < b && i < a + 6 && i < ft && !more; i++) {
        const cl_entry *e = cl_is_word(doc, i) ? cl_word_at(d, i) : NULL;
        more = e && (e->wflags & CL_W_MORE);
    }
    if (!more)
        return NULL;
    const rc_span *prev = &doc->sents[s - 1];
    const rc_attribution *last = NULL;
    for (size_t k = 0; k < doc->nattrs; k++) {
        const rc_attribution *at = &doc->attrs[k];
        if (at->start >= prev->start && at->end <= prev->end && at->nchain && !at->denied)
            last = at;
    }
    return last;
}

/* Sets the claim's sources to chain a (na links) followed by chain b (nb links), copied into
 * the document's arena: the origin first, its relays after it. RC_OK or RC_ENOMEM. */
static int cl_chain_join(rc_doc *doc, rc_claim *c, const rc_speaker *a, size_t na,
                         const rc_speaker *b, size_t nb)
{
    rc_speaker *chain = rc_arena_alloc(&doc->arena, (na + nb) * sizeof *chain);
    if (!chain)
        return RC_ENOMEM;
    memcpy(chain, a, na * sizeof *chain);
    memcpy(chain + na, b, nb * sizeof *chain);
    c->sources = chain;
    c->nsources = na + nb;
    return RC_OK;
}

/* Selon RFI, 23 personnes ont perdu la vie, selon la Commission X: the source named after the
 * figure spoke first, and the one that opens the sentence relays it. When an attribution a
 * after the figure is its own, a cue of another source before the figure whose scope holds it
 * too, one that names its source after it (selon, d'après), is put after a's chain. RC_OK or RC_ENOMEM. */
static int cl_outer_relay(cl_doc *d, cl_fig *f, const rc_attribution *a)
{
    rc_doc *doc = d->doc;
    rc_claim *c = &f->c;
    for (size_t i = 0; i < doc->nattrs; i++) {
        const rc_attribution *o = &doc->attrs[i];
        if (o == a || o->denied || !o->nchain || o->quote >= 0 || o->start >= c->start ||
            o->scope_start > c->start || c->end > o->scope_end || o->end > c->start ||
            doc->sents[f->sent].start > o->start || !o->chain[0].key || !a->chain[0].key ||
            strcmp(o->chain[0].key, a->chain[0].key) == 0 || !o->cue)
            continue;
        const cl_entry *oc = cl_lookup(d->t, o->cue, strlen(o->cue));
        if (!oc || !(oc->mflags & CL_MF_AFTER))
            continue; /* selon, d'après (reported after in modality.tsv), not a verb */
        /* 96 morts selon la mission, 140 selon le gouvernement: a cue after another figure is
         * that figure's own, competing, not a relay */
        size_t nk = RC_FIRST_STARTING(rc_number, doc->nums, doc->nnums, doc->sents[f->sent].start);
        if (nk < doc->nnums && doc->nums[nk].start < o->start)
            continue;
        if (cl_chain_join(doc, c, c->sources, c->nsources, o->chain, o->nchain))
            return RC_ENOMEM;
        cl_explain(f, "source-relay-before", o->cue, strlen(o->cue));
        break;
    }
    return RC_OK;
}

/* Le gouverneur a indiqué que, selon la police, 12 civils ...; un médecin a déclaré que les
 * agents de santé avaient fait état de 60 morts: the source a, whose cue comes before the
 * figure, is itself reported by a verb before it, whose clause holds a's cue and the figure.
 * That reporter relays a: its chain is put after a's. RC_OK or RC_ENOMEM. */
static int cl_reporter_relay(cl_doc *d, cl_fig *f, const rc_attribution *a)
{
    rc_doc *doc = d->doc;
    rc_claim *c = &f->c;
    const rc_span *sp = &doc->sents[f->sent];
    if (a->quote >= 0 || !a->nchain || !a->chain[0].key)
        return RC_OK;
    for (size_t i = 0; i < doc->nattrs; i++) {
        const rc_attribution *o = &doc->attrs[i];
        /* the reporter's clause opens on a's cue or source (que, selon; que les agents) */
        if (o == a || o->denied || !o->nchain || o->quote >= 0 || !o->cue || o->end > a->start ||
            o->start < sp->start || o->scope_start > a->start || a->start > o->scope_start + 3 ||
            c->end > o->scope_end || !o->chain[0].key ||
            strcmp(o->chain[0].key, a->chain[0].key) == 0)
            continue;
        const cl_entry *oc = cl_lookup(d->t, o->cue, strlen(o->cue));
        if (oc && (oc->mflags & CL_MF_AFTER))
            continue; /* selon X, Y a indiqué que: a cue that opens the sentence, no reporter */
        for (size_t k = 0; k < a->nchain; k++)
            for (size_t m = 0; m < o->nchain; m++)
                if (a->chain[k].key && o->chain[m].key &&
                    strcmp(a->chain[k].key, o->chain[m].key) == 0)
                    return RC_OK; /* the reporter is in the chain already */
        if (cl_chain_join(doc, c, a->chain, a->nchain, o->chain, o->nchain))
            return RC_ENOMEM;
        cl_explain(f, "source-reporter", o->cue, strlen(o->cue));
        break;
    }
    return RC_OK;
}

/* Whether attribution o may stand beside the claim's attribution after its figure, the two
 * separated by a comma only: it covers the figure, quotes nothing and denies nothing, names
 * another source, and lies in the figure's sentence. */
static bool cl_relay_fits(const cl_doc *d, const cl_fig *f, const rc_attribution *o,
                          const rc_attribution *a)
{
    const rc_span *sp = &d->doc->sents[f->sent];
    return o != a && !o->denied && o->nchain && o->quote < 0 && o->scope_start <= f->c.start &&
           f->c.start < o->scope_end && o->start >= sp->start && o->end <= sp->end &&
           o->chain[0].key && a->chain[0].key && strcmp(o->chain[0].key, a->chain[0].key) != 0;
}

/* 20 civils ont été tués, selon des sources locales, rapporte l'AFP; ..., ont indiqué des
 * sources locales, lit-on sur RTS: two cues after the figure, one right after the other: the
 * nearer one's source spoke first, the farther one relays it. Sets the claim's chain from a
 * (the attribution chosen for it) and its neighbour. 0, 1 when set, or -1 out of memory. */
static int cl_relay_after(cl_doc *d, cl_fig *f, const rc_attribution *a)
{
    rc_doc *doc = d->doc;
    const rc_attribution *first = NULL, *then = NULL;
    for (size_t i = 0; i < doc->nattrs && !first; i++) {
        const rc_attribution *o = &doc->attrs[i];
        if (!cl_relay_fits(d, f, o, a))
            continue;
        if (o->start > f->c.end && o->end <= a->start && a->start - o->end <= 3)
            first = o, then = a; /* the chosen one relays the nearer one */
        else if (o->start >= a->end && o->start - a->end <= 3)
            first = a, then = o; /* the chosen one is relayed by the farther one */
    }
    if (!first)
        return 0;
    if (cl_chain_join(doc, &f->c, first->chain, first->nchain, then->chain, then->nchain))
        return -1;
    cl_explain(f, "source-relay-after", then->cue, then->cue ? strlen(then->cue) : 0);
    return 1;
}

/* Sources and whether they deny the figure (a cue démentir, nier). When the denial follows a
 * figure that another source gave, that source is the figure's. */
int cl_sources(cl_doc *d, cl_fig *f, size_t s0, size_t s1, int *denied)
{
    rc_doc *doc = d->doc;
    rc_claim *c = &f->c;
    uint32_t off = c->start;
    long ai = cl_attr_at(doc, off);
    if (ai < 0 && doc->toks[f->nt0].start > off) /* Selon les migrants secourus, une soixantaine
                                                  * d'entre eux: the noun read back from the
                                                  * figure lies in the cue's words */
        ai = cl_attr_at(doc, doc->toks[f->nt0].start);
    for (size_t i = 0; i < doc->nattrs; i++) {
        /* 131 morts selon la Monusco, 272 selon le gouvernement: a cue right after the figure
         * and its noun is its own, whatever the scopes of the others */
        const rc_attribution *a = &doc->attrs[i];
        if (a->start >= c->end && a->start <= c->end + 1 && a->nchain && a->quote < 0 &&
            !a->denied && (s1 == 0 || a->start < doc->toks[s1 - 1].end)) {
            /* (in the figure's sentence: a headline without a stop is no cue's) */
            ai = (long)i;
            break;
        }
    }
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
        f->asc0 = a->scope_start;
        f->asc1 = a->scope_end;
        if (a->cue) {
            size_t cl = strlen(a->cue);
            /* whether the cue denies, found once per attribution (its figures ask again) */
            uint8_t *deny = d->attr_deny ? &d->attr_deny[ai] : NULL;
            if (!deny || !*deny) {
                const cl_entry *e = cl_lookup(d->t, a->cue, cl);
                char key[RC_LEX_MAXKEY];
                size_t kl = rc_fold(a->cue, cl, key, sizeof key);
                if (!e && kl <= sizeof key)
                    e = cl_lookup(d->t, key, kl);
                uint8_t v = e && e->mod == CL_M_DENY ? 2 : 1;
                if (deny)
                    *deny = v;
                else if (v == 2)
                    *denied = 1;
            }
            if (deny && *deny == 2)
                *denied = 1;
            cl_explain(f, "source-attribution", a->cue, cl);
        }
        if (*denied && a->start > off) {
            /* L'opposition parle de 300 morts, un chiffre que dément le gouvernement: another
             * source gave the figure, the first of the chain; the denial after it stays */
            for (size_t i = 0; i < doc->nattrs; i++) {
                const rc_attribution *o = &doc->attrs[i];
                if (o == a || o->denied || !o->nchain || o->start >= off ||
                    o->scope_start > off || off >= o->scope_end || !o->chain[0].key ||
                    !a->chain[0].key || strcmp(o->chain[0].key, a->chain[0].key) == 0)
                    continue;
                c->sources = o->chain;
                c->nsources = o->nchain;
                f->asc0 = o->scope_start;
                f->asc1 = o->scope_end;
                cl_explain(f, "source-attribution", o->cue, strlen(o->cue));
                break;
            }
        }
        if (!*denied && a->quote >= 0 && (size_t)a->quote < doc->nquotes &&
            doc->quotes[a->quote].start <= off && off < doc->quotes[a->quote].end) {
            int st = cl_quoted_source(d, f, &doc->quotes[a->quote], a);
            if (st)
                return st < 0 ? RC_ENOMEM : RC_OK;
        }
        if (!*denied && a->start > off) {
            if (cl_relay_after(d, f, a) < 0)
                return RC_ENOMEM;
            return cl_outer_relay(d, f, a);
        }
        if (!*denied && a->end <= off)
            return cl_reporter_relay(d, f, a);
        return RC_OK;
    }
    rc_speaker sp;
    const rc_attribution *att;
    int r = cl_source_fallback(d, f, s0, s1, &sp, &att);
    size_t qc = r ? SIZE_MAX : cl_quote_close_kept(d, f->nt0);
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
    const rc_attribution *next = !r && f->sent + 1 < doc->nsents && doc->sents
                                     ? cl_back_attribution(d, f->sent + 1)
                                     : NULL;
    if (next) {
        c->sources = next->chain;
        c->nsources = next->nchain;
        cl_explain(f, "source-next-sentence", next->cue, next->cue ? strlen(next->cue) : 0);
        return RC_OK;
    }
    const rc_attribution *more = !r && doc->sents ? cl_more_attribution(d, f->sent, f->nt0) : NULL;
    if (more) {
        c->sources = more->chain;
        c->nsources = more->nchain;
        cl_explain(f, "source-sentence-before", more->cue, more->cue ? strlen(more->cue) : 0);
        return RC_OK;
    }
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

/* See claims_int.h: the tokens of the source's words are placed once for both questions. */
int cl_source_voice(const cl_doc *d, const rc_speaker *sp, size_t near)
{
    const rc_doc *doc = d->doc;
    if (sp->end <= sp->start)
        return CL_VOICE_NONE;
    size_t a = cl_tok_near(doc, near, sp->start), b = cl_tok_near(doc, a, sp->end);
    /* one reading of the name and the two words before it: a hedge in the name (des
     * informations non vérifiées, des rumeurs non confirmées: nobody vouches) wins over a phrase
     * marked own that ends in it (selon nos informations, d'après notre rédaction) */
    bool own = false;
    for (size_t i = a >= 2 ? a - 2 : 0; i < b && i < doc->ntoks; i++) {
        size_t nt;
        const cl_entry *e = cl_match(d, i, b, &nt);
        if (!e)
            continue;
        if (i >= a && e->mod == CL_M_HEDGE)
            return CL_VOICE_HEDGED;
        if ((e->mflags & CL_MF_OWN) && i + nt > a)
            own = true;
    }
    if (own)
        return CL_VOICE_OWN;
    return CL_VOICE_NONE;
}
