/*
 * claims_ctx.c - the context of a claim once its figure, noun and predicate are known: when (the
 * nearest time expression of the sentence, else the document's date for a past event), where
 * (places of the clause) and who did it (par des milices; les forces X avaient tué). cl_context
 * runs these after the sources (claims_source.c) and the modality (claims_modality.c).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/claims_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* Whether a verb stands between bytes lo and hi: the dictionary knows a word there only as a
 * verb (ont, fuient), so that what follows is another clause. near: a token near lo, where the
 * search for its token starts. */
static bool cl_verb_between(const rc_doc *doc, size_t near, uint32_t lo, uint32_t hi)
{
    for (size_t i = cl_tok_near(doc, near, lo); i < doc->ntoks && doc->toks[i].start < hi; i++) {
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
    size_t lo_n = RC_FIRST_ENDING_AFTER(rc_number, doc->nums, doc->nnums, lo);
    for (size_t k = lo_n; k < doc->nnums && doc->nums[k].start < hi; k++) {
        const rc_number *nu = &doc->nums[k];
        if (nu->start < lo || nu->end > hi)
            continue;
        size_t nt = cl_num_t0(d, k);
        const cl_entry *pw = NULL;
        if (nt > 0 && nt < doc->ntoks) /* dans trois villages: where, not another figure */
            pw = cl_word_at(d, nt - 1);
        if (pw && (pw->wflags & CL_W_PREP))
            continue;
        if (cl_in_time(doc, nu->start) && cl_in_time(doc, nu->end - 1))
            continue;
        /* a figure of an ellipsis with its own place: ..., 12 dans le seul quartier de Sorel */
        size_t ne = cl_num_t1(d, k);
        const cl_entry *nw = ne < doc->ntoks && a >= f->c.end ? cl_word_at(d, ne) : NULL;
        if (nw && (nw->wflags & CL_W_PREP))
            return true;
        /* its own clause: a verb between the two figures, and one between it and the place
         * (des centaines de familles ont fui vers Tawila; not: et huit autres blessées à X) */
        if (cl_verb_between(doc, f->nt0, lo, nu->start) && cl_verb_between(doc, ne, nu->end, hi))
            return true;
    }
    return false;
}

/* Whether a word marked since in claim_words.tsv stands a few words before a time expression
 * that starts at byte at, within the sentence that starts at byte from: Depuis le coup d'État de
 * février 2021 counts from that event to the article's day, although the time expression is only
 * "février 2021". near: a token near at, where the search for its token starts. */
static bool cl_since_before(const cl_doc *d, size_t near, uint32_t from, uint32_t at)
{
    const rc_doc *doc = d->doc;
    size_t k = cl_tok_near(doc, near, at);
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
    size_t st0, st1; /* the sentence's tokens, placed once */
    cl_sent_toks(d, f->sent, &st0, &st1);
    size_t lo = RC_FIRST_ENDING_AFTER(rc_time, doc->times, doc->ntimes, s->start);
    for (size_t i = lo; i < doc->ntimes && doc->times[i].start < s->end; i++) {
        const rc_time *t = &doc->times[i];
        if (t->end <= s->start || t->type == RC_TIME_SET || !t->from[0])
            continue;
        size_t ti = cl_tok_near(doc, f->nt0, t->end);
        if (ti < doc->ntoks && cl_punct(doc, ti, '(')) /* KIEV, 6 décembre 2024 (Reuters) - */
            for (size_t n = 0; ti < doc->ntoks && n < 6; n++)
                if (cl_punct(doc, ti++, ')'))
                    break;
        if (ti < doc->ntoks && cl_dash(doc, ti) &&
            cl_tok_near(doc, ti, t->start) < st0 + 4)
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
        if (cl_since_before(d, f->nt0, s->start, best->start) && doc->date && strlen(doc->date) >= 10 &&
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
static bool cl_in_attribution(const rc_doc *doc, uint32_t s, uint32_t e)
{
    for (size_t k = 0; k < doc->nattrs; k++)
        if (s >= doc->attrs[k].start && e <= doc->attrs[k].end)
            return true;
    return false;
}

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

/* Keeps the places finer than a country when there are some: "dans le port d'Odessa, en
 * Ukraine" is Odessa, and a fact about Odessa must not meet one about Soumy through their
 * country. Returns the number kept, in the same order. */
static size_t cl_places_finest(cl_doc *d, const char **names, const char **keys, size_t n)
{
    if (n < 2)
        return n;
    if (!d->countries_asked) { /* looked up by name once per document */
        d->countries = rc_lang_lex(d->doc->ctx->fr, "ent_countries");
        d->countries_asked = true;
    }
    const rc_lexicon *countries = d->countries;
    if (!countries)
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

/* Whether the place starting at token t is where people went (fui vers X, évacués en direction
 * de la ville de X, jusqu'à X): a toward word within the three words before it, over articles,
 * "de" and lower-case nouns of place (la ville de). */
static bool cl_toward(const cl_doc *d, size_t t, size_t s0)
{
    const rc_doc *doc = d->doc;
    for (size_t k = t, n = 0; k > s0 && n < 4; k--, n++) {
        if (doc->toks[k - 1].kind != RC_TOK_WORD && doc->toks[k - 1].kind != RC_TOK_ELISION)
            return false;
        const cl_entry *e = cl_word_at(d, k - 1);
        if (e && (e->wflags & CL_W_TOWARD))
            return true;
        if (doc->toks[k - 1].flags & RC_TF_UPPER)
            return false;
    }
    return false;
}

/* Places: LOC entities of the clause window, else of the sentence; without entities, the
 * capitalised names after a preposition in the window (dans les quartiers de X, Y et Z). */
static int cl_places(cl_doc *d, cl_fig *f)
{
    rc_doc *doc = d->doc;
    const char *names[16], *keys[16];
    size_t n = 0;
    size_t st0, st1; /* the sentence's tokens, placed once */
    cl_sent_toks(d, f->sent, &st0, &st1);
    if (doc->nents) {
        const rc_span *s = &doc->sents[f->sent];
        uint32_t w0 = doc->toks[f->win0].start;
        uint32_t w1 = f->win1 > f->win0 ? doc->toks[f->win1 - 1].end : s->end;
        for (int pass = 0; pass < 2 && !n; pass++) {
            uint32_t a = pass ? s->start : w0, b = pass ? s->end : w1;
            size_t lo = RC_FIRST_STARTING(rc_entity, doc->ents, doc->nents, a);
            for (size_t i = lo; i < doc->nents && doc->ents[i].start <= b; i++) {
                const rc_entity *e = &doc->ents[i];
                if (e->type == RC_ENT_LOC && e->start >= a && e->end <= b &&
                    !cl_in_attribution(doc, e->start, e->end) &&
                    !cl_dateline_place(doc, s, e->start, e->end) &&
                    !cl_figure_between(d, f, e->start, e->end) &&
                    !cl_toward(d, cl_tok_near(doc, f->win0, e->start), st0))
                    if (cl_place_add(doc, names, keys, &n, e->canon, strlen(e->canon), e->key))
                        return RC_ENOMEM;
            }
        }
    } else {
        size_t s1 = st1;
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
            size_t j = i + 1, lim = st1;
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
    n = cl_places_finest(d, names, keys, n);
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

/* Fills sources, modality, time, places and agent of a figure whose what and who are known,
 * in that order: the modality reads whether a source denies the figure. */
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
    int voice = f->c.nsources ? cl_source_voice(d, &f->c.sources[0], f->nt0) : CL_VOICE_NONE;
    if (voice == CL_VOICE_HEDGED) {
        f->c.sources = NULL; /* selon des informations non vérifiées: a doubt, not a source */
        f->c.nsources = 0;
    } else if (voice == CL_VOICE_OWN) {
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
