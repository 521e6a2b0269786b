/*
 * claims.c - the claims stage driver: for each figure of doc->nums (and each article counting
 * one, un mort), builds its claim: what it counts, its parts (dont 11 femmes et 13 enfants), what
 * happened (a predicate of the clause, a noun governing the figure, or an event noun such as
 * morts), with ellipsis and coordination carrying these over from the figure before. The
 * counted noun and the predicate are claims_pred.c's, phrase matching claims_match.c's, parts
 * claims_parts.c's and the context (modality, sources, time, places, agent) claims_ctx.c's.
 * See docs/claims.md.
 *
 * Only a bounded window of tokens around each figure is read, and nothing is allocated per
 * token: the claims array grows in the document's arena.
 */
#include "extract/claims.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "core/words.h"
#include "extract/claims_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* Appends "rule" or "rule:detail" to the figure's explanation (spaces of detail as _), as
 * long as it fits. */
void cl_explain(cl_fig *f, const char *rule, const char *detail, size_t dlen)
{
    size_t rl = strlen(rule);
    if (f->elen + rl + dlen + 3 >= sizeof f->explain)
        return;
    if (f->elen)
        f->explain[f->elen++] = ' ';
    memcpy(f->explain + f->elen, rule, rl);
    f->elen += rl;
    if (detail) {
        f->explain[f->elen++] = ':';
        for (size_t i = 0; i < dlen; i++)
            f->explain[f->elen++] = detail[i] == ' ' ? '_' : detail[i];
    }
    f->explain[f->elen] = '\0';
}

/* Explains with the text of tokens [i, i + nt) as detail. */
void cl_explain_toks(cl_fig *f, const rc_doc *doc, const char *rule, size_t i, size_t nt)
{
    cl_explain(f, rule, doc->text + doc->toks[i].start,
               doc->toks[i + nt - 1].end - doc->toks[i].start);
}

/* The sentence holding byte off: the first that ends after it (the last when none does). The
 * figures come in text order, so when the sentences' ends are in order too the answer is found
 * by walking on from the previous figure's, which *hint keeps. */
static size_t cl_sentence(const cl_doc *d, uint32_t off, size_t *hint)
{
    const rc_doc *doc = d->doc;
    size_t lo = *hint;
    if (!d->sents_ordered || lo > doc->nsents || (lo > 0 && doc->sents[lo - 1].end > off))
        lo = RC_FIRST_ENDING_AFTER(rc_span, doc->sents, doc->nsents, off);
    else
        while (lo < doc->nsents && doc->sents[lo].end <= off)
            lo++;
    *hint = lo;
    return lo < doc->nsents ? lo : doc->nsents - 1;
}

/* The state carried from one claim to the next within a sentence. */
typedef struct cl_prev {
    const rc_claim *c;  /* the previous claim, or NULL */
    size_t sent, endt;  /* its sentence and the token after it */
    size_t ct;          /* its counted noun's token, or SIZE_MAX */
    int gov_what;       /* what the noun governing it said, or -1 */
} cl_prev;

/* Whether a reporting cue (selon, d'après) starts at token i: a bare figure before it is a
 * toll of its own source (131 morts selon X, 272 selon Y). */
static bool cl_cue_at(const cl_doc *d, size_t i, size_t s1)
{
    size_t nt;
    const cl_entry *e = i < s1 ? cl_match(d, i, s1, &nt) : NULL;
    return e && e->mod == CL_M_REPORT;
}

/* The token of a counted noun of another kind than who that starts at token k, right after the
 * et or comma that joins it to a noun before, past one word of class lead that has none of
 * avoid (et les civils; et d'enfants, not et des civils): a noun of people, soldiers or things
 * that counts nobody by itself as an event (cwhat) does. 0: none. */
static size_t cl_joined_kind(const cl_doc *d, size_t k, size_t s1, int who, unsigned lead,
                             unsigned avoid)
{
    const cl_entry *e = k < s1 ? cl_word_at(d, k) : NULL;
    if (e && (e->wflags & lead) && !(e->wflags & avoid) && k + 1 < s1)
        e = cl_word_at(d, ++k);
    return k < s1 && cl_is_word(d->doc, k) && e && e->who >= 0 && e->who != who && !e->share &&
                   e->cwhat < 0 && cl_num_tok(d, k) < 0
               ? k
               : 0;
}

/* parmi, an article and a counted noun at token p (248 décès parmi les civils; et 16 parmi les
 * forces de sécurité), or a phrase of class whole that ends on de (dans les rangs de l'armée):
 * those among whom the toll falls are who the figure counts. A noun that says only "people" or
 * names an event adds nothing. */
static void cl_who_among(const cl_doc *d, cl_fig *f, size_t p, size_t s1)
{
    size_t pn = 0, q;
    const cl_entry *pa = p + 2 < s1 ? cl_match(d, p, s1, &pn) : NULL;
    if (pa && (pn == 1 || !(pa->wflags & CL_W_WHOLE)))
        pa = cl_word_at(d, p), pn = 1;
    if (!pa || !(pa->wflags & CL_W_WHOLE) || !(pa->wflags & CL_W_PREP))
        return;
    const cl_entry *det = cl_word_at(d, p + pn);
    if (pn == 1) { /* parmi les soldats */
        if (!det || !(det->wflags & CL_W_DET))
            return;
        q = p + 2;
    } else { /* dans les rangs de l'armée, des rebelles: maybe an article after the phrase */
        q = det && (det->wflags & CL_W_DET) ? p + pn + 1 : p + pn;
    }
    size_t wn;
    const cl_entry *we = q < s1 ? cl_match(d, q, s1, &wn) : NULL;
    const cl_entry *adj =
        we && we->who == RC_WHO_PEOPLE && q + wn < s1 ? cl_word_at(d, q + wn) : NULL;
    if (adj && adj->who >= 0 && adj->who != RC_WHO_PEOPLE && adj->cwhat < 0 && !adj->share)
        we = adj, q += wn, wn = 1; /* parmi la population civile: the adjective says who */
    if (we && we->who >= 0 && we->who != RC_WHO_PEOPLE && we->cwhat < 0 && !we->share) {
        /* parmi les forces loyalistes et les civils: two kinds joined, people of both */
        for (size_t k = q + wn; k < s1 && k < q + wn + 4; k++) {
            const cl_entry *ke = cl_is_word(d->doc, k) ? cl_word_at(d, k) : NULL;
            if (!ke || !(ke->wflags & CL_W_AND))
                continue;
            if (cl_joined_kind(d, k + 1, s1, we->who, CL_W_DET, 0))
                return; /* the figure's own noun stays */
            break;
        }
        f->c.who = (uint8_t)we->who;
        cl_explain_toks(f, d->doc, "who-among", q, wn);
    }
}

/* Whether token i is the plural definite or demonstrative article (les, ces): class def. */
static bool cl_definite(const cl_doc *d, size_t i)
{
    const cl_entry *e = cl_is_word(d->doc, i) ? cl_word_at(d, i) : NULL;
    return e && (e->wflags2 & CL_W2_DEF);
}

/* The phrase of up to three tokens that ends right before the "de" at token de and governs the
 * figure after it (fait état de, not just état; il s'agit de), or NULL. */
static const cl_entry *cl_before_de(const cl_doc *d, size_t de, size_t s0)
{
    for (int pass = 0; pass < 2; pass++) {
        size_t adv = 0; /* fait état de son côté de: an adverbial phrase may stand between */
        for (size_t back = 1; back <= 3 && back <= de - s0; back++) {
            size_t nt;
            const cl_entry *h = cl_match(d, de - back, de, &nt);
            if (h && nt == back &&
                (h->pwhat >= 0 || h->who == CL_WHO_SUM || h->mod == CL_M_REPORT ||
                 (h->wflags & (CL_W_LINK | CL_W_AND | CL_W_GROUP))))
                return h;
            if (h && nt == back && nt > 1 && (h->wflags & CL_W_ADV) && !adv)
                adv = back;
        }
        if (!adv)
            break;
        de -= adv;
    }
    return NULL;
}

/* The token of a noun of people of another kind than who, joined to the counted noun that ends
 * before token i by et or a comma and an optional de (12 femmes et enfants, des dizaines de
 * femmes, d'enfants; une trentaine de militaires et de civils): the figure counts a mixed
 * group, people. Fighters and soldiers together keep the first kind (combattants et soldats);
 * a determiner (12 soldats et des civils) opens a group the figure does not count. 0: none. */
static size_t cl_who_mixed(const cl_doc *d, size_t i, size_t s1, int who)
{
    const rc_doc *doc = d->doc;
    if (i + 1 >= s1 ||
        !(cl_punct(doc, i, ',') || (cl_word_at(d, i) && (cl_word_at(d, i)->wflags & CL_W_AND) &&
                                    !(cl_word_at(d, i)->wflags & CL_W_PREP))))
        return 0;
    size_t k = cl_joined_kind(d, i + 1, s1, who, CL_W_DE, CL_W_DET);
    int other = k ? cl_word_at(d, k)->who : -1;
    if (other < 0 || other > RC_WHO_PEOPLE)
        return 0;
    bool armed = (who == RC_WHO_FIGHTERS || who == RC_WHO_SOLDIERS) &&
                 (other == RC_WHO_FIGHTERS || other == RC_WHO_SOLDIERS);
    return armed ? 0 : k;
}

/* Whether a figure the times stage read as a bare year counts people: a counted noun right after
 * it (s'élevait à 2081 migrants, un bilan de 1950 morts), which no year has. */
static bool cl_year_counts(const cl_doc *d, const cl_fig *f, size_t s1)
{
    const rc_doc *doc = d->doc;
    if (f->nt1 != f->nt0 + 1 || f->nt1 >= s1 || doc->toks[f->nt0].kind != RC_TOK_NUMBER)
        return false;
    const cl_entry *e = cl_is_word(doc, f->nt1) ? cl_word_at(d, f->nt1) : NULL;
    return e && e->who >= 0 && e->who < RC_WHO_VEHICLES && !(doc->toks[f->nt1].flags & RC_TF_UPPER);
}

/* Whether a claim before counts people (not places, things or vehicles), so that a figure
 * whose noun is left out may count the same: 600 blessés ... 40 d'entre eux. */
static bool cl_counts_people(const rc_claim *c)
{
    return c->counted && c->who != RC_WHO_OTHER && c->who != RC_WHO_AREAS &&
           c->who != RC_WHO_VEHICLES;
}

/* Whether the counted noun ending before token i is the subject of a reporting verb, past a
 * short complement, another subject joined by et and auxiliaries (deux médecins et une
 * infirmière de la ville ont déclaré): the people who speak, counted by no toll. */
static bool cl_speaks(const cl_doc *d, size_t i, size_t s1)
{
    const rc_doc *doc = d->doc;
    for (size_t k = i; k < s1 && k < i + 9; k++) {
        if (!cl_is_word(doc, k))
            return false;
        size_t nt;
        const cl_entry *e = cl_match(d, k, s1, &nt);
        if (e && e->mod == CL_M_REPORT) { /* a verb after its auxiliary: ont déclaré */
            const cl_entry *ae = cl_word_at(d, nt > 1 ? k : k - 1);
            return (nt > 1 || k > i) && ae && (ae->wflags & CL_W_AUX);
        }
        if (e && (e->pwhat >= 0 || (e->wflags & (CL_W_STOP | CL_W_PARTS))))
            return false;
        if (e && nt > 1)
            k += nt - 1;
    }
    return false;
}

/* Whether the figure n, whose tokens end before token i, is repeated in digits between
 * brackets right after it (au moins quatre (4) personnes), as some newsrooms write: returns
 * the token after the closing bracket, or 0. */
static size_t cl_digits_echo(const cl_doc *d, const rc_number *n, size_t i)
{
    const rc_doc *doc = d->doc;
    if (i + 2 >= doc->ntoks || !cl_punct(doc, i, '(') || !cl_punct(doc, i + 2, ')'))
        return 0;
    long m = cl_num_tok(d, i + 1);
    return m >= 0 && doc->nums[m].value == n->value && cl_num_t1(d, (size_t)m) == i + 2 ? i + 3 : 0;
}

/* Builds the claim of figure n into f; k is its index in doc->nums, or -1 for an article that
 * counts one (un mort). Returns 1 for a claim, 0 for none; *skip_to receives the end of the parts
 * read, whose figures are no claims of their own. */
static int cl_figure(cl_doc *d, const rc_number *n, long k, const cl_prev *prev, cl_fig *f,
                     uint32_t *skip_to)
{
    rc_doc *doc = d->doc;
    /* the parts and the explanation are read only up to their counts: not cleared */
    memset(f, 0, offsetof(cl_fig, parts));
    f->nparts = 0;
    f->elen = 0;
    f->explain[0] = '\0';
    f->ct = f->pred = SIZE_MAX;
    f->gov_what = -1;
    f->follows = -1;
    f->negated = -1;
    f->denied = 0;
    if (n->kind == RC_NUM_ORDINAL || n->rel != RC_REL_NONE || !doc->nsents)
        return 0;
    if (n->end + 1 < doc->len && (unsigned char)doc->text[n->end] == 0xC2 &&
        ((unsigned char)doc->text[n->end + 1] == 0xB0 ||
         (unsigned char)doc->text[n->end + 1] == 0xBA))
        return 0; /* 1° « ... » ; 2° ...: a list marker (or degrees, 30°), never a count */
    f->nt0 = k >= 0 ? cl_num_t0(d, (size_t)k) : cl_tok_at(doc, n->start);
    f->nt1 = k >= 0 ? cl_num_t1(d, (size_t)k) : cl_tok_at(doc, n->end);
    if (f->nt0 >= f->nt1 || f->nt1 > doc->ntoks)
        return 0;
    size_t dup = cl_digits_echo(d, n, f->nt1);
    if (dup) {
        f->nt1 = dup; /* quatre (4) personnes: the digits repeat the figure */
        if (doc->toks[dup - 1].end > *skip_to)
            *skip_to = doc->toks[dup - 1].end;
    }
    f->sent = cl_sentence(d, n->start, &d->sent_hint);
    size_t s0, s1;
    cl_sent_toks(d, f->sent, &s0, &s1);
    if (s0 > f->nt0)
        s0 = f->nt0;
    if (s1 < f->nt1)
        s1 = f->nt1;
    /* identifiers: a figure run into other digits (510578 01 03 ...) */
    const rc_token *tk = doc->toks;
    if ((f->nt0 > s0 && tk[f->nt0 - 1].kind == RC_TOK_NUMBER) ||
        (f->nt1 < s1 && tk[f->nt1].kind == RC_TOK_NUMBER))
        return 0;
    if (cl_year(d, n, f->nt0, s0) && f->nt1 < s1 && !cl_is_word(doc, f->nt1))
        return 0;
    if (n->kind == RC_NUM_NUMBER && cl_in_time(doc, n->start) && cl_in_time(doc, n->end - 1) &&
        !cl_year_counts(d, f, s1))
        return 0; /* dans la nuit du 6 au 7 mai: a day of a date counts nothing */
    if (f->nt0 >= s0 + 2 && cl_word_at(d, f->nt0 - 1) &&
        (cl_word_at(d, f->nt0 - 1)->wflags & CL_W_DE) && cl_word_at(d, f->nt0 - 2) &&
        (cl_word_at(d, f->nt0 - 2)->wflags & CL_W_KIN))
        return 0; /* une mère de cinq enfants: a family, not a count of victims */

    rc_claim *c = &f->c;
    c->value = n->value;
    c->low = n->low;
    c->high = n->high;
    c->approx = n->approx;
    c->unit = n->kind == RC_NUM_PERCENT    ? RC_UNIT_PERCENT
              : n->kind == RC_NUM_FRACTION ? RC_UNIT_FRACTION
                                           : RC_UNIT_COUNT;
    const cl_entry *chg = f->nt0 > s0 ? cl_word_at(d, f->nt0 - 1) : NULL;
    if (chg && (chg->wflags2 & CL_W2_CHANGE) && isnan(n->value) && !isnan(n->low) &&
        !isnan(n->high) && n->kind == RC_NUM_RANGE) {
        c->value = n->high; /* le bilan est passé de 120 à 129: the toll is now 129 */
        c->low = c->high = NAN;
    }
    c->start = n->start;
    c->end = n->end;
    c->sentence = (uint32_t)f->sent;
    c->what = RC_WHAT_OTHER;
    c->who = RC_WHO_OTHER;

    size_t ct = 0, cnt = 0;
    const cl_entry *ce = NULL;
    int cwhat = -1, inherited = 0;
    int r = cl_counted_after(d, f->nt1, s1, &ct, &cnt, &ce);
    int skipped = r == 2, demonym = 0, armed = 0;
    if (r < 0)
        return 0;
    if (r == 2)
        r = 1;
    if (r == 1 && ce->who >= 0) {
        cl_explain_toks(f, doc, "counted-after", ct, cnt);
        size_t bct, bcnt;
        const cl_entry *bce;
        int bsum = -1;
        if (ce->cwhat < 0 && c->unit == RC_UNIT_COUNT &&
            cl_counted_before(d, f->nt0, s0, 0, &bct, &bcnt, &bce, &bsum) && bsum >= 0) {
            /* le bilan s'élève à 33 personnes, les pertes s'élèvent à 1 200 hommes: the toll
             * says what happened to those the figure counts */
            cwhat = bsum;
            cl_explain_toks(f, doc, "toll-before", bct, bcnt);
        }
    } else if (c->unit == RC_UNIT_COUNT && f->nt1 + 1 < s1 && cl_word_at(d, f->nt1) &&
               (cl_word_at(d, f->nt1)->wflags & CL_W_DE) && tk[f->nt1 + 1].kind == RC_TOK_WORD &&
               (tk[f->nt1 + 1].flags & RC_TF_UPPER) &&
               doc->text[tk[f->nt1 + 1].end - 1] == 's' && !cl_word_at(d, f->nt1 + 1)) {
        /* 1,7 million de Gazaouis: a people named after its place */
        r = 1, ct = f->nt1 + 1, cnt = 1, ce = NULL, demonym = 1;
        cl_explain_toks(f, doc, "counted-people", ct, cnt);
    } else if (c->unit == RC_UNIT_COUNT &&
               (cl_people_word(d, f->nt1, s1, false) || cl_demonym_word(d, f->nt1, s1))) {
        /* 200 000 Soudanais, 85 soudanais: the same, without "de"; a name (27 Etats, 3 Mirage)
         * is no people */
        r = 1, ct = f->nt1, cnt = 1, ce = NULL, demonym = 1;
        cl_explain_toks(f, doc, "counted-people", ct, cnt);
    } else if (c->unit == RC_UNIT_COUNT && f->nt1 < s1 && (tk[f->nt1].flags & RC_TF_UPPER) &&
               !cl_word_at(d, f->nt1) && (cnt = cl_armed_at(doc, tk[f->nt1].start)) > 0) {
        /* sept ADF, huit FDLR: an armed group named as what it counts counts its fighters */
        r = 1, ct = f->nt1, ce = NULL, armed = 1;
        cl_explain_toks(f, doc, "counted-group", ct, cnt);
    } else if (c->unit != RC_UNIT_COUNT && f->nt1 + 1 < s1 &&
               (tk[f->nt1 + 1].flags & RC_TF_UPPER) && cl_word_at(d, f->nt1) &&
               (cl_word_at(d, f->nt1)->wflags & CL_W_DE) &&
               cl_place_at(doc, tk[f->nt1 + 1].start, tk[f->nt1 + 1].end)) {
        /* plus de 80 % de Vardena-Nord: a share of a place */
        r = 1, ct = f->nt1 + 1, cnt = 1, ce = NULL;
        cl_explain_toks(f, doc, "share-of-place", ct, cnt);
    } else if (c->unit == RC_UNIT_COUNT && f->nt1 + 1 < s1 && cl_word_at(d, f->nt1) &&
               (cl_word_at(d, f->nt1)->wflags & CL_W_DET) && cl_word_at(d, f->nt1 + 1) &&
               cl_word_at(d, f->nt1 + 1)->who == CL_WHO_SUM &&
               cl_word_at(d, f->nt1 + 1)->cwhat >= 0 && f->nt0 > s0 && cl_word_at(d, f->nt0 - 1) &&
               (cl_word_at(d, f->nt0 - 1)->wflags & CL_W_LINK)) {
        /* ce qui porte à 26 le bilan: the toll named after its new figure counts victims */
        r = 1, ct = f->nt1 + 1, cnt = 1, ce = cl_word_at(d, ct);
        cwhat = ce->cwhat;
        cl_explain_toks(f, doc, "toll-after", ct, cnt);
    } else {
        int sum = -1;
        int comma = !(prev->c && prev->sent == f->sent); /* else a comma opens an ellipsis */
        size_t sel = comma ? cl_selon_phrase_end(d, s0, s1) : SIZE_MAX;
        if (sel != SIZE_MAX && sel + 1 >= f->nt0)
            comma = 0; /* Selon les migrants secourus, une soixantaine d'entre eux: the comma
                        * closes the source's phrase, whose noun the figure does not count */
        r = cl_counted_before(d, f->nt0, s0, comma, &ct, &cnt, &ce, &sum) ? 2 : 0;
        if (r == 2) {
            cwhat = sum;
            cl_explain_toks(f, doc, "counted-before", ct, cnt);
        }
    }
    if (r == 0 && f->nt1 + 1 < s1 && cl_word_at(d, f->nt1) &&
        (cl_word_at(d, f->nt1)->wflags & CL_W_DE)) {
        /* Trois des quatre otages, près d'un tiers des 1 200 détenus: the figure counts the
         * noun of the whole it is taken from */
        long w = cl_num_tok(d, f->nt1 + 1);
        if (w >= 0 && doc->nums[w].start == tk[f->nt1 + 1].start &&
            cl_counted_after(d, cl_num_t1(d, (size_t)(w)), s1, &ct, &cnt, &ce) >= 1 &&
            ce->who >= 0 && !ce->share) {
            r = 1;
            cl_explain_toks(f, doc, "counted-whole", ct, cnt);
        }
    }
    if (r == 0 && c->unit == RC_UNIT_COUNT && f->nt0 >= s0 + 2 && f->nt1 < s1 &&
        cl_punct(doc, f->nt0 - 1, '(') && cl_punct(doc, f->nt1, ')') &&
        cl_place_at(doc, tk[f->nt0 - 2].start, tk[f->nt0 - 2].end)) {
        /* des arrestations ont eu lieu, surtout à Tver (75) et Omsk (33): a figure in brackets
         * after a place counts the event noun before it in the sentence */
        for (size_t b = f->nt0 - 2; b > s0; b--) {
            const cl_entry *e = cl_is_word(doc, b - 1) ? cl_word_at(d, b - 1) : NULL;
            if (e && e->who >= 0 && e->cwhat >= 0 && !e->share) {
                c->who = (uint8_t)e->who;
                c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[b - 1].start,
                                              tk[b - 1].end - tk[b - 1].start);
                if (!c->counted)
                    return -1;
                cwhat = e->cwhat;
                inherited = 1;
                cl_explain_toks(f, doc, "counted-place-bracket", b - 1, 1);
                break;
            }
        }
    }
    if (r == 0 && c->unit == RC_UNIT_COUNT && f->nt1 + 1 < s1 && cl_is_word(doc, f->nt1) &&
        cl_word_at(d, f->nt1) && (cl_word_at(d, f->nt1)->wflags & CL_W_AND) &&
        !(cl_word_at(d, f->nt1)->wflags & CL_W_PREP)) {
        /* une trentaine et une quinzaine de personnes ont été respectivement enlevées: a figure
         * joined by et to the next one shares that one's noun */
        long w = cl_num_tok(d, f->nt1 + 1);
        if (w >= 0 && doc->nums[w].start == tk[f->nt1 + 1].start &&
            doc->nums[w].kind == RC_NUM_NUMBER &&
            cl_counted_after(d, cl_num_t1(d, (size_t)(w)), s1, &ct, &cnt, &ce) >= 1 &&
            ce->who >= 0 && !ce->share && ce->cwhat < 0) {
            r = 1;
            cl_explain_toks(f, doc, "counted-next", ct, cnt);
        }
    }
    /* 12 morts et non 10: a figure the text corrects or denies */
    int corrected = 0, compared = 0; /* ..., contre 60 000 avant la guerre: compared */
    for (size_t back = 1; back <= 4 && back <= f->nt0 - s0 && !corrected && !compared; back++) {
        size_t nt;
        const cl_entry *e = cl_match(d, f->nt0 - back, f->nt0, &nt);
        if (e && nt == back && (e->wflags & CL_W_CAP))
            return 0; /* prévu pour 70 000 personnes: a capacity */
        corrected = back <= 2 && e && nt == back && (e->wflags & CL_W_NOT);
        compared = back <= 2 && e && nt == back && (e->wflags & CL_W_THAN);
    }
    /* after: the token after the figure and an "autres" (blessé 9 autres; neuf autres ont) */
    size_t after = f->nt1;
    if (r == 0 && after + 1 < s1 && cl_word_at(d, after) && (cl_word_at(d, after)->wflags & CL_W_DE) &&
        cl_word_at(d, after + 1) && cl_word_at(d, after + 1)->who == CL_WHO_SKIP)
        after++; /* 3 millions d'autres */
    if (r == 0 && after < s1 && cl_word_at(d, after) && cl_word_at(d, after)->who == CL_WHO_SKIP)
        after++;
    size_t among = 0; /* Trois d'entre eux: the pronoun stands for a noun counted before */
    if (r == 0 && after < s1) {
        size_t nt;
        const cl_entry *ae = cl_match(d, after, s1, &nt);
        if (ae && (ae->wflags & CL_W_AMONG))
            among = nt, after += nt;
    }
    /* route nationale 4, l'article 3: a figure right after a label word names something; it
     * is no figure left without its noun */
    const cl_entry *le = f->nt0 > s0 && cl_is_word(doc, f->nt0 - 1) ? cl_word_at(d, f->nt0 - 1)
                                                                    : NULL;
    bool named = le && (le->wflags & CL_W_LABEL);
    if (r == 0 && !among && !named && prev->c && prev->sent == f->sent &&
        prev->endt + 20 >= f->nt0 && prev->c->unit == c->unit && !cl_year(d, n, f->nt0, s0)) {
        /* 420 civils auraient péri ..., 130 dans Saada: the noun is understood */
        const cl_entry *ne = after < s1 ? cl_word_at(d, after) : NULL;
        size_t pnt; /* portées disparues: a predicate of several words */
        const cl_entry *pm =
            after < s1 && cl_is_word(doc, after) ? cl_match(d, after, s1, &pnt) : NULL;
        if (pm && pm->pwhat < 0)
            pm = ne;
        const cl_entry *be = f->nt0 > s0 ? cl_word_at(d, f->nt0 - 1) : NULL;
        if (be && (be->wflags & CL_W_PARTS))
            pm = ne; /* dont une dizaine se trouvent: a part, no toll of its own */
        if (after >= s1 || after > f->nt1 || !cl_is_word(doc, after) ||
            (ne && (ne->wflags & CL_W_PREP)) || corrected || compared ||
            cl_cue_at(d, after, s1) || /* 131 morts selon X, 272 selon Y, 8 d'après Z */
            (pm && pm->pwhat >= 0 && !(pm->pflags & CL_P_NOUN) && prev->c->who != RC_WHO_AREAS &&
             prev->c->who != RC_WHO_VEHICLES)) { /* 14 tués, 9 blessés et 22 interpellés */
            /* the wounded are a state, not a kind: those taken after them are people */
            c->who = prev->c->who == RC_WHO_WOUNDED && pm && pm->pwhat >= 0 ? RC_WHO_PEOPLE
                                                                            : prev->c->who;
            c->counted = prev->c->counted;
            inherited = 1;
            f->follows = prev->c->modality;
            cl_explain(f, "ellipsis", NULL, 0);
        }
    }
    int copula = 0;
    if (r == 0 && !inherited && after == f->nt1 && after + 1 < s1 && cl_word_at(d, after) &&
        (cl_word_at(d, after)->wflags & CL_W_AUX) && (cl_word_at(d, after)->wflags & CL_W_LINK) &&
        cl_counted_after(d, after + 1, s1, &ct, &cnt, &ce) >= 1 && ce->cwhat < 0 && !ce->share) {
        /* Plus de la moitié sont des enfants: the noun after the copula is what is counted */
        r = 1, copula = 1;
        cl_explain_toks(f, doc, "counted-copula", ct, cnt);
    }
    /* Ils étaient 120 à bord, les habitants sont des milliers à avoir fui: a figure after a
     * form of être, before à, counts the subject (the noun right before the verb, or the one
     * the sentence before counted); what follows à, or else being there, says what */
    int subj_copula = 0;
    size_t sb = f->nt0; /* the form of être, past one adverb (sont désormais des milliers) */
    if (sb >= s0 + 3 && cl_word_at(d, sb - 1) && (cl_word_at(d, sb - 1)->wflags & CL_W_ADV))
        sb--;
    const cl_entry *sbe = sb >= s0 + 2 ? cl_word_at(d, sb - 1) : NULL;
    const cl_entry *sae = after == f->nt1 && after + 1 < s1 ? cl_word_at(d, after) : NULL;
    if (r == 0 && !inherited && !among && sbe && (sbe->wflags2 & CL_W2_BE) && sae &&
        (sae->wflags & CL_W_LINK) && (sae->wflags & CL_W_PREP)) {
        const cl_entry *se = cl_word_at(d, sb - 2);
        subj_copula = 1;
        if (se && se->who >= 0 && !se->share && se->who != RC_WHO_AREAS &&
            se->who != RC_WHO_OTHER) {
            c->who = (uint8_t)se->who;
            c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[sb - 2].start,
                                          tk[sb - 2].end - tk[sb - 2].start);
            if (!c->counted)
                return -1;
        } else if (prev->c && prev->sent + 1 >= f->sent && cl_counts_people(prev->c)) {
            c->who = prev->c->who;
            c->counted = prev->c->counted;
        } else {
            c->who = RC_WHO_PEOPLE;
        }
        inherited = 1;
        cl_explain(f, "subject-copula", NULL, 0);
    }
    int bare = 0, pron = 0;
    for (size_t back = 2; back <= 3 && r == 0 && !inherited && back <= f->nt0 - s0; back++) {
        /* en accueille plus de 200 000, en a tué 40: the pronoun before the verb stands for
         * the noun counted */
        const cl_entry *pe = cl_word_at(d, f->nt0 - back);
        const cl_entry *ve = cl_word_at(d, f->nt0 - back + 1);
        rc_morph m;
        if (!pe || !(pe->wflags & CL_W_PRON) || !cl_is_word(doc, f->nt0 - 1) ||
            !cl_is_word(doc, f->nt0 - back + 1))
            continue;
        pron = (ve && (ve->wflags & CL_W_AUX)) ||
               (rc_fr_morph_tok(doc, f->nt0 - back + 1, &m) && (m.flags & RC_M_VERB) &&
                !(m.flags & RC_M_NOUN));
    }
    size_t av = after; /* 170 seulement ont été relâchés: an adverb before the auxiliary */
    if (av + 2 < s1 && cl_word_at(d, av) && (cl_word_at(d, av)->wflags & CL_W_DE) &&
        cl_word_at(d, av + 1) && cl_word_at(d, av + 1)->who == CL_WHO_SKIP)
        av += 2; /* des dizaines d'autres ont été découverts: the noun is left out */
    if (av + 1 < s1 && cl_word_at(d, av) && (cl_word_at(d, av)->wflags & CL_W_ADV) &&
        !(cl_word_at(d, av)->wflags & CL_W_AUX))
        av++;
    const cl_entry *ave = av < s1 ? cl_word_at(d, av) : NULL;
    const cl_entry *bfe = f->nt0 > s0 ? cl_word_at(d, f->nt0 - 1) : NULL;
    /* 17 autres se trouvent: a pronominal verb too, but not for a part after dont */
    bool bare_verb = ave && ((ave->wflags & CL_W_AUX) ||
                             ((ave->wflags2 & CL_W2_REFL) && !(bfe && (bfe->wflags & CL_W_PARTS))));
    if (r == 0 && !inherited && (pron || among || bare_verb)) {
        /* Parmi les 82 passagers, 12 ont été blessés: a bare figure as the subject counts the
         * noun before it, or people; it needs a verb of its own */
        bare = 1;
        size_t cl0 = f->nt0; /* the pronoun's clause: its subject is not what it stands for */
        while (pron && cl0 > s0 && doc->toks[cl0 - 1].kind != RC_TOK_PUNCT)
            cl0--;
        for (size_t b = cl0; pron && b > s0 && b + 15 > cl0; b--) {
            const cl_entry *e = cl_word_at(d, b - 1);
            if (e && e->who >= 0 && !e->share) {
                c->who = (uint8_t)e->who; /* Les habitants sont partis ; les soldats en ... */
                c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[b - 1].start,
                                              tk[b - 1].end - tk[b - 1].start);
                if (!c->counted)
                    return -1;
                break;
            }
        }
        /* 600 blessés ... 40 d'entre eux: the claim before when it counts people; else the
         * nearest noun of people or vehicles (une centaine d'attaques contre des navires,
         * coulant deux d'entre eux) */
        if (among && prev->c && prev->sent + 1 >= f->sent && cl_counts_people(prev->c)) {
            c->who = prev->c->who;
            c->counted = prev->c->counted;
        }
        size_t from = 0, from_end;
        if (f->sent)
            cl_sent_toks(d, f->sent - 1, &from, &from_end);
        for (size_t b = f->nt0; among && !c->counted && b > from && b + 30 > f->nt0; b--) {
            const cl_entry *e = cl_word_at(d, b - 1);
            if (e && e->who >= 0 && e->who != RC_WHO_OTHER && e->who != RC_WHO_AREAS &&
                !e->share && e->cwhat < 0 && cl_num_tok(d, b - 1) < 0) {
                c->who = (uint8_t)e->who;
                c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[b - 1].start,
                                              tk[b - 1].end - tk[b - 1].start);
                if (!c->counted)
                    return -1;
            }
        }

        if (among)
            cl_explain(f, "among", NULL, 0);
        if (pron && !c->counted && prev->c && prev->sent + 1 >= f->sent && prev->c->counted) {
            /* Des milliers de civils ont fui. Les milices en ont tué 40: the noun before */
            c->who = prev->c->who;
            c->counted = prev->c->counted;
        }
        for (size_t b = f->nt0; !pron && !among && b > s0 && b + 15 > f->nt0; b--) {
            const cl_entry *e = cl_word_at(d, b - 1);
            const cl_entry *e2 = b >= s0 + 2 ? cl_word_at(d, b - 2) : NULL;
            if (e && (e->who == RC_WHO_AREAS || e->who == RC_WHO_OTHER) && e2 &&
                (e2->wflags & CL_W_DET) &&
                ((e2->wflags & CL_W_DE) || (b >= s0 + 3 && cl_word_at(d, b - 3) &&
                                            (cl_word_at(d, b - 3)->wflags & CL_W_PREP))))
                continue; /* vivent dans les zones touchées et 200 000 ont besoin; tuées lors
                           * des explosions tandis que 140: a complement */
            if (e && b - 1 > s0 && (tk[b - 1].flags & RC_TF_UPPER))
                continue; /* les droits de l'Homme: a word of a name counts nobody */
            if (e && e->who >= 0 && !e->share && e->cwhat < 0) { /* not sont morts et une ... */
                c->who = (uint8_t)e->who;
                c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[b - 1].start,
                                              tk[b - 1].end - tk[b - 1].start);
                if (!c->counted)
                    return -1;
                break;
            }
        }
        if (!c->counted && !pron && !among && f->nt0 == s0 && prev->c &&
            prev->sent + 1 == f->sent && prev->c->unit == c->unit && cl_counts_people(prev->c)) {
            /* 276 lycéennes avaient été enlevées. 21 autres ont été libérées: the sentence
             * opens on a figure whose noun is the one the sentence before counted */
            c->who = prev->c->who;
            c->counted = prev->c->counted;
        }
        if (!c->counted)
            c->who = RC_WHO_PEOPLE;
        cl_explain(f, pron ? "pronoun" : "bare-subject", NULL, 0);
    }
    if (r == 0 && !inherited && !bare)
        return 0;
    if (r == 1 && ce && ce->cwhat < 0 && ct == f->nt1 && cnt == 1 && ct + cnt + 3 < s1) {
        /* 13 femmes parmi les 22 victimes: a part of the toll that follows, read with it */
        const cl_entry *pa = cl_word_at(d, ct + cnt), *pd = cl_word_at(d, ct + cnt + 1);
        long m = cl_num_tok(d, ct + cnt + 2);
        size_t t1 = m >= 0 ? cl_num_t1(d, (size_t)m) : s1;
        const cl_entry *we = t1 < s1 ? cl_word_at(d, t1) : NULL;
        if (pa && (pa->wflags & CL_W_WHOLE) && (pa->wflags & CL_W_PREP) && pd &&
            (pd->wflags & CL_W_DET) && we && we->cwhat >= 0)
            return 0;
    }
    if (r) {
        if (ce) {
            c->who = (uint8_t)(ce->who >= 0 ? ce->who : RC_WHO_PEOPLE);
            if (cwhat < 0)
                cwhat = ce->cwhat;
        } else {
            c->who = armed ? RC_WHO_FIGHTERS : demonym ? RC_WHO_PEOPLE : RC_WHO_AREAS;
        }
        if (r == 1 && ce && ce->cwhat >= 0 && ce->who == RC_WHO_PEOPLE && ct + cnt < s1 &&
            cl_word_at(d, ct + cnt) && cl_word_at(d, ct + cnt)->who >= 0 &&
            cl_word_at(d, ct + cnt)->cwhat < 0 && !cl_word_at(d, ct + cnt)->share) {
            /* 40 victimes civiles: the adjective says who the victims are */
            c->who = (uint8_t)cl_word_at(d, ct + cnt)->who;
            cl_explain_toks(f, doc, "who-adjective", ct + cnt, 1);
        }
        if (r == 1 && ce && ce->cwhat < 0 && c->who <= RC_WHO_PEOPLE) {
            size_t mx = cl_who_mixed(d, ct + cnt, s1, c->who);
            if (mx) {
                c->who = RC_WHO_PEOPLE; /* des dizaines de femmes, d'enfants, d'hommes */
                cl_explain_toks(f, doc, "who-mixed", mx, 1);
            }
        }
        rc_morph wm;
        const cl_entry *pce = prev->c && prev->ct != SIZE_MAX ? cl_word_at(d, prev->ct) : NULL;
        if (r == 1 && ce && ce->who == RC_WHO_WOUNDED && cnt == 1 && prev->c &&
            prev->sent == f->sent && prev->c->who <= RC_WHO_PEOPLE && prev->c->counted &&
            !(pce && pce->cwhat >= 0) && rc_fr_morph_tok(doc, ct, &wm) &&
            (wm.flags & RC_M_FEMININE)) {
            /* 99 personnes sont tuées, 135 blessées: a feminine participle left without its
             * noun counts the noun of the figure before, not "the wounded"; after a toll noun
             * (60 morts et 90 blessées) it is a toll noun too */
            c->who = prev->c->who;
            cl_explain(f, "who-ellipsis", NULL, 0);
        }
        if (r == 1 && ce && ce->cwhat >= 0 &&
            (ce->who == RC_WHO_PEOPLE || ce->who == RC_WHO_WOUNDED)) {
            cl_who_among(d, f, ct + cnt, s1); /* 248 décès parmi les civils */
            size_t q = ct + cnt;
            const cl_entry *qe = q + 2 < s1 ? cl_word_at(d, q) : NULL;
            long m = qe && (qe->wflags & CL_W_AND) ? cl_num_tok(d, q + 1) : -1;
            size_t t1 = m >= 0 ? cl_num_t1(d, (size_t)m) : s1;
            const cl_entry *ne = t1 + 1 < s1 ? cl_word_at(d, t1) : NULL;
            if (ne && (ne->wflags & CL_W_DE) && t1 + 2 < s1)
                ne = cl_word_at(d, ++t1); /* et une quarantaine de blessés parmi les civils */
            if (ne && ne->cwhat >= 0 && (ne->who == RC_WHO_PEOPLE || ne->who == RC_WHO_WOUNDED))
                cl_who_among(d, f, t1 + 1, s1); /* 12 morts et 15 blessés parmi les soldats */
        }
        if (r == 1 && ce && ce->of && ct + cnt + 1 < s1 && cl_word_at(d, ct + cnt) &&
            (cl_word_at(d, ct + cnt)->wflags & CL_W_DE)) {
            /* Treize membres de notre personnel: the complement says who the members are */
            size_t q = ct + cnt + 1;
            for (int x = 0; x < 2 && q + 1 < s1 && cl_word_at(d, q) &&
                            (cl_word_at(d, q)->wflags & CL_W_DET) && cl_word_at(d, q)->who < 0;
                 x++)
                q++;
            const cl_entry *qe = q < s1 ? cl_word_at(d, q) : NULL;
            if (qe && qe->who >= 0 && !qe->share) {
                c->who = (uint8_t)qe->who;
                cl_explain_toks(f, doc, "who-complement", q, 1);
            }
        }
        if (skipped && ce && ce->cwhat >= 0 && prev->c && prev->sent == f->sent) {
            /* 37 insurgés capturés et 5 autres tués: the others are of the same kind */
            c->who = prev->c->who;
            cl_explain(f, "others", NULL, 0);
        }
        if (ce && ce->share && c->unit == RC_UNIT_COUNT)
            return 0; /* plus de 40 pays: countries are counted in shares only */
        if (c->unit != RC_UNIT_COUNT && c->who != RC_WHO_AREAS && !ce)
            return 0;
        c->counted = rc_arena_strndup(&doc->arena, doc->text + tk[ct].start,
                                      tk[ct + cnt - 1].end - tk[ct].start);
        if (!c->counted)
            return -1;
        if (r == 1)
            c->end = tk[ct + cnt - 1].end;
        else
            c->start = tk[ct].start;
    }
    cl_who_among(d, f, f->nt1, s1); /* ... et 16 parmi les forces de sécurité */
    f->ct = r ? ct : SIZE_MAX;
    f->endt = r == 1 ? ct + cnt : f->nt1;
    if (!r && among)
        f->endt = after; /* past d'entre eux: the verb follows */
    f->cend = f->endt;
    size_t pend = cl_parts(d, f, f->endt, s0, s1);
    if (pend > f->endt) {
        f->endt = pend;
        c->end = tk[pend - 1].end;
        *skip_to = c->end;
    }

    if (isnan(c->low) && !isnan(c->value) && f->cend < s1) {
        size_t fn; /* 300 disparus au moins, 6.000 blessés ou plus: a floor after the noun */
        const cl_entry *fe = cl_match(d, f->cend, s1, &fn);
        const cl_entry *fa = f->cend + fn < s1 ? cl_word_at(d, f->cend + fn) : NULL;
        if (fe && (fe->wflags2 & CL_W2_FLOOR) && fn > 1 && !(fa && (fa->wflags & CL_W_DE)))
            c->low = c->value; /* not: 20 blessés ou plus de 30 morts */
    }
    int what = cl_predicate(d, f, s0, s1, k);
    const cl_entry *cne = f->ct != SIZE_MAX ? cl_word_at(d, f->ct) : NULL;
    if (!f->nparts && ((what >= 0 && f->pred != SIZE_MAX && !f->pred_before) ||
                       (what < 0 && f->pred == SIZE_MAX && cne && cne->cwhat >= 0))) {
        /* 312 civils ont été tués depuis le début du siège, dont 58 enfants; 200 blessés ont
         * été admis à l'hôpital de X, dont 80: the parts after the predicate (or the counted
         * noun that says what) and its complements */
        size_t pend2 = cl_parts_late(d, f, s1);
        if (pend2 > f->endt) {
            c->end = tk[pend2 - 1].end;
            *skip_to = c->end;
        }
    }
    bool comma_between = false; /* 1223 personnes ont été tuées, 222 blessées */
    /* une voiture piégée a fait cinq morts: the participle is the subject's, the verb after it
     * governs the figure */
    bool aux_between = false;
    for (size_t q = f->pred_before ? f->pred + 1 : f->nt0; q < f->nt0 && !comma_between; q++) {
        comma_between = cl_punct(doc, q, ',');
        const cl_entry *qe = cl_word_at(d, q);
        aux_between = aux_between || (qe && (qe->wflags & CL_W_AUX));
    }
    if (what >= 0 && cwhat >= 0 && !f->pred_noun &&
        ((f->pred_before && (f->pred + 3 < f->nt0 || comma_between || aux_between)) ||
         (!f->pred_before && f->pred > f->endt + 5))) {
        what = cwhat; /* 33 morts: the noun is the event, a verb further away is not */
        cl_explain(f, "event-noun", NULL, 0);
    }
    if (what == RC_WHAT_PRESENT && cwhat >= 0)
        what = cwhat; /* le nombre de déplacés est estimé à: the noun says more */
    if (what >= 0 && cwhat >= 0 && what != cwhat && !f->pred_before && f->nt0 >= s0 + 2 &&
        cl_word_at(d, f->nt0 - 1) && (cl_word_at(d, f->nt0 - 1)->wflags & CL_W_DET) &&
        cl_word_at(d, f->nt0 - 2) && (cl_word_at(d, f->nt0 - 2)->wflags & CL_W_WHOLE)) {
        /* Deux autres parmi les plus de 60 blessés sont morts: the verb after is the part's,
         * the whole is what its noun says */
        what = cwhat;
        cl_explain(f, "event-noun-whole", NULL, 0);
    }
    if (what < 0 && f->nt0 >= s0 + 2 &&
        (cl_dash_punct(doc, f->nt0 - 1) || cl_punct(doc, f->nt0 - 1, '('))) {
        /* l'essentiel des interpellations – 410 personnes – a eu lieu à Kazan: a figure set
         * apart right after an event noun says how many that event counts */
        const cl_entry *ee = cl_is_word(doc, f->nt0 - 2) ? cl_word_at(d, f->nt0 - 2) : NULL;
        if (ee && ee->cwhat >= 0 && ee->who >= 0 && !ee->share) {
            what = ee->cwhat;
            cl_explain_toks(f, doc, "event-aside", f->nt0 - 2, 1);
        }
    }
    if (what < 0 && cwhat >= 0 && !inherited) {
        what = cwhat;
        cl_explain(f, "event-noun", NULL, 0);
    }
    if (what < 0 && prev->c && prev->sent + 1 == f->sent && f->nt0 > s0 + 2 && cl_word_at(d, s0) &&
        (cl_word_at(d, s0)->wflags & CL_W_WHOLE) && cl_word_at(d, s0 + 1) &&
        (cl_word_at(d, s0 + 1)->wflags & CL_W_AMONG)) {
        /* 19 villageois ont été tués. Parmi eux, trois femmes: the people of the toll before */
        what = prev->c->what;
        cl_explain(f, "among-lead", NULL, 0);
    }
    if (what < 0 && prev->c && prev->sent == f->sent) {
        size_t j = f->nt0;
        int preps = 0; /* et à six civils: one preposition repeated after et */
        while (j > s0) {
            const cl_entry *e = cl_word_at(d, j - 1);
            if (e && (e->wflags & CL_W_DE))
                j--;
            else if (e && (e->wflags & CL_W_PREP) && !preps++)
                j--;
            else
                break;
        }
        size_t nt;
        const cl_entry *e = NULL;
        for (size_t back = 1; back <= 2 && back <= j - s0 && !e; back++) {
            e = cl_match(d, j - back, j, &nt);
            if (e && !(nt == back && (e->wflags & CL_W_AND)))
                e = NULL;
        }
        if (e || inherited || (j > s0 && cl_punct(doc, j - 1, ','))) {
            /* ... et de 7 796 civils: the noun that governed the previous figure */
            what = prev->gov_what >= 0 ? prev->gov_what : prev->c->what;
            f->gov_what = prev->gov_what;
            f->follows = prev->c->modality;
            cl_explain(f, "coordination", NULL, 0);
        }
    }
    if (f->follows < 0 && prev->c && prev->sent == f->sent && prev->endt <= f->nt0 &&
        f->nt0 <= prev->endt + 3 && (f->pred == SIZE_MAX || f->pred_before) &&
        (prev->c->modality == RC_MOD_CONDITIONAL || prev->c->modality == RC_MOD_HEDGED ||
         prev->c->modality == RC_MOD_EXPECTED)) {
        /* aurait fait 12 morts et 32 blessés: a figure joined to the one before, with no verb
         * of its own after it, is as sure as that one */
        bool joined = false, other = false;
        for (size_t q = prev->endt; q < f->nt0; q++) {
            const cl_entry *e = cl_word_at(d, q);
            if (e && (e->wflags & CL_W_AND))
                joined = true;
            else if (!cl_punct(doc, q, ',') && !(e && (e->wflags & (CL_W_DE | CL_W_PREP))))
                other = true;
        }
        if (joined && !other)
            f->follows = prev->c->modality;
    }
    if (what < 0 && copula && prev->c && prev->sent + 1 >= f->sent &&
        cl_pred_fits(prev->c->what, c->who)) {
        what = prev->c->what; /* 1,04 million de déplacés. Plus de la moitié sont des enfants. */
        if (prev->sent == f->sent)
            f->follows = prev->c->modality; /* a new sentence without a cue is the text's own */
        cl_explain(f, "copula-follows", NULL, 0);
    }
    if (what < 0 && subj_copula)
        what = RC_WHAT_PRESENT; /* ils étaient 120 à bord */
    if (what < 0 && f->negated >= 0) {
        /* n'ont pas tué 40 civils: the text denies the figure */
        what = f->negated;
        f->denied = 1;
        cl_explain(f, "negated", NULL, 0);
    }
    if (what < 0 && cwhat >= 0) {
        what = cwhat;
        cl_explain(f, "event-noun", NULL, 0);
    }
    /* de 44 civils tués; not the weak toujours présents (le témoignage de deux habitants
     * toujours présents) */
    bool verb_after = f->pred != SIZE_MAX && !f->pred_before && !f->pred_noun &&
                      f->pred <= f->cend + 1 && what >= 0 && what != RC_WHAT_PRESENT;
    if (f->nt0 > s0 + 1 && r == 1 && !f->pred_noun && cwhat < 0 && f->gov_what < 0 &&
        !verb_after) {
        /* le témoignage de deux habitants: a figure in the complement of a noun that is no
         * predicate, toll or cue is no claim; a verb right after its noun says what happened
         * (un communiqué de 44 civils tués) */
        const cl_entry *de = cl_word_at(d, f->nt0 - 1);
        if (de && (de->wflags & CL_W_DE) && !(de->wflags & CL_W_DET)) {
            if (cl_is_word(doc, f->nt0 - 2) && !cl_before_de(d, f->nt0 - 1, s0))
                return 0;
        }
    }
    if (bare && (what < 0 || (!pron && !among && (f->pred_before || f->pred_noun))))
        return 0;
    if (corrected) {
        f->denied = 1; /* 52 morts et non 45: the figure the text puts right */
        cl_explain(f, "corrected", NULL, 0);
    }
    if (demonym && what < 0)
        return 0; /* a people named after its place is counted only when something happens */
    if (what < 0 && f->agentive)
        return 0; /* deux kamikazes ont tué douze personnes: who did it, not a toll */
    if (what < 0 && f->ct != SIZE_MAX && cl_speaks(d, f->ct + 1, s1))
        return 0; /* deux médecins de la ville ont déclaré: who speaks, not a toll */
    if (what < 0 && (c->who == RC_WHO_OTHER || c->who == RC_WHO_AREAS) && f->nt0 > s0 &&
        cl_definite(d, f->nt0 - 1))
        return 0; /* les deux attaques ont fait 15 morts: things named again, not counted */
    const cl_entry *lk = f->nt0 > s0 + 1 ? cl_before_de(d, f->nt0, s0) : NULL;
    bool by = f->nt0 > s0 && cl_word_at(d, f->nt0 - 1) &&
              (cl_word_at(d, f->nt0 - 1)->wflags & CL_W_AGENT) && c->unit == RC_UNIT_COUNT &&
              !(lk && (lk->wflags & CL_W_LINK)) &&            /* not se comptent par centaines, */
              !(isnan(c->value) && !(cl_word_at(d, f->nt0) && /* nor arrêtés par */
                                     (cl_word_at(d, f->nt0)->wflags & CL_W_DET))); /* centaines */
    if (by && (f->pred_before || what < 0) && !f->pred_noun) {
        /* attaqué par plusieurs centaines d'hommes armés, bloquée par 3 000 manifestants: the
         * agent is counted as there; transporté par deux soldats, blessé par un policier: who
         * did it, a few people named by their role, no count */
        bool crowd = isnan(c->value) || c->value >= 10 || c->who == RC_WHO_FIGHTERS;
        if (c->who <= RC_WHO_PEOPLE && c->who != RC_WHO_CHILDREN && c->who != RC_WHO_WOMEN &&
            crowd) {
            what = RC_WHAT_PRESENT;
            cl_explain(f, "agent-present", NULL, 0);
        } else if (f->pred_before || c->who <= RC_WHO_PEOPLE) {
            return 0;
        } /* soutenus par 32 véhicules blindés: things are counted as they are */
    }
    if (what >= 0 && c->who == RC_WHO_VEHICLES && what != RC_WHAT_EVACUATED)
        what = RC_WHAT_OTHER; /* vehicles are destroyed or taken, never killed or wounded:
                               * deux véhicules piégés, 14 blindés (after tués ou blessés) */
    if (c->who == RC_WHO_BODIES &&
        (what == RC_WHAT_EVACUATED || what == RC_WHAT_MISSING || what == RC_WHAT_PRESENT))
        what = RC_WHAT_KILLED; /* 21 corps ont été repêchés: bodies found count the dead */
    if (what < 0 || !cl_pred_fits(what, c->who)) {
        /* dans quatre quartiers, de deux habitants: a figure in a complement, not a claim */
        if (f->nt0 > s0 && c->who != RC_WHO_OTHER && c->who != RC_WHO_VEHICLES) {
            /* ... and les deux villes: a definite figure names, it does not count; weapons,
             * strikes and targets count wherever they stand (sur deux cibles militaires) */
            const cl_entry *e = cl_word_at(d, f->nt0 - 1);
            const cl_entry *h = e && (e->wflags & CL_W_DE) && f->nt0 > s0 + 1
                                    ? cl_before_de(d, f->nt0 - 1, s0)
                                    : NULL;
            if (e && (e->wflags & (CL_W_PREP | CL_W_DE | CL_W_DET)) &&
                !(h && (h->wflags & CL_W_LINK) && !(h->wflags & CL_W_PREP)))
                return 0; /* but il s'agissait de 20 femmes names who they were */
        }
        /* des dizaines d'assaillants, trois hommes armés sont venus: armed men counted with
         * nothing done to them are there, as troops deployed are */
        what = what < 0 && c->who == RC_WHO_FIGHTERS ? RC_WHAT_PRESENT : RC_WHAT_OTHER;
    }
    if (what == RC_WHAT_INJURED && c->who == RC_WHO_WOUNDED && prev->c && prev->sent == f->sent &&
        prev->ct != SIZE_MAX && f->nt0 > s0 && prev->endt + 12 >= f->nt0 && cl_word_at(d, f->nt0 - 1) &&
        (cl_word_at(d, f->nt0 - 1)->wflags & CL_W_AND) && cl_word_at(d, prev->ct) &&
        cl_word_at(d, prev->ct)->cwhat < 0 && prev->c->who != RC_WHO_OTHER &&
        prev->c->who != RC_WHO_AREAS && prev->c->who != RC_WHO_VEHICLES) {
        /* 15 policiers tués et 22 blessés: the wounded are of the kind counted before; after
         * an event noun (63 morts et 120 blessés) the wounded are what is counted */
        c->who = prev->c->who;
        cl_explain(f, "wounded-of", NULL, 0);
    }
    c->what = (uint8_t)what;
    return 1;
}

/* The claims stage: one claim per figure (and per article counting one), in text order, in
 * doc->claims; RC_OK or RC_ENOMEM. */
int rc_stage_claims(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->claims = NULL;
    doc->nclaims = 0;
    if (!doc->ntoks)
        return RC_OK; /* a text without figures may still count one: Un civil a été tué. */
    cl_doc d;
    memset(&d, 0, sizeof d);
    d.doc = doc;
    d.t = cl_table_get(doc->ctx);
    /* the records of the tokens are cleared by blocks when first read (cl_w) */
    d.words = d.t ? rc_arena_alloc(&doc->arena, doc->ntoks * sizeof *d.words) : NULL;
    d.cleared = rc_arena_calloc(&doc->arena, (doc->ntoks >> CL_BLOCK_SHIFT) + 1, 1);
    d.sents = rc_arena_calloc(&doc->arena, doc->nsents ? doc->nsents : 1, sizeof *d.sents);
    d.scans = rc_arena_alloc(&doc->arena, (doc->nsents ? doc->nsents : 1) * sizeof *d.scans);
    d.numt = rc_arena_calloc(&doc->arena, 2 * doc->nnums + 1, sizeof *d.numt);
    if (!d.t || !d.words || !d.cleared || !d.sents || !d.scans || !d.numt)
        return RC_ENOMEM;
    /* a memo only: without it the attributions' cues are looked up for every figure */
    d.attr_deny = doc->nattrs ? rc_arena_calloc(&doc->arena, doc->nattrs, 1) : NULL;
    cl_numgap gap = {0, 0, 0}; /* none kept yet */
    d.gap = &gap;
    d.nums_ordered = true;
    for (size_t k = 1; k < doc->nnums && d.nums_ordered; k++)
        d.nums_ordered = doc->nums[k].end >= doc->nums[k - 1].end;
    d.sents_ordered = true;
    for (size_t k = 1; k < doc->nsents && d.sents_ordered; k++)
        d.sents_ordered = doc->sents[k].end >= doc->sents[k - 1].end;
    size_t cap = 0;
    uint32_t skip_to = 0;
    cl_prev prev = {NULL, 0, 0, SIZE_MAX, -1};
    cl_fig f;
    size_t onei = 0; /* where to look for the next article counting one */
    rc_number one;
    int have_one = cl_next_one(&d, &onei, &one);
    for (size_t k = 0; k < doc->nnums || have_one;) {
        const rc_number *n;
        long self;
        if (have_one && (k >= doc->nnums || one.start < doc->nums[k].start)) {
            n = &one, self = -1;
        } else {
            n = &doc->nums[k], self = (long)k;
            k++;
        }
        if (n->start < skip_to) {
            if (self < 0)
                have_one = cl_next_one(&d, &onei, &one);
            continue;
        }
        int r = cl_figure(&d, n, self, &prev, &f, &skip_to);
        if (self < 0)
            have_one = cl_next_one(&d, &onei, &one);
        if (r < 0)
            return RC_ENOMEM;
        if (n->kind == RC_NUM_RANGE && n->end > skip_to)
            skip_to = n->end; /* entre 30 et 40: its bounds are not figures of their own */
        if (r == 0)
            continue;
        int status = cl_context(&d, &f);
        if (status)
            return status;
        if (!f.elen)
            cl_explain(&f, "figure", NULL, 0);
        f.c.explain = rc_arena_strndup(&doc->arena, f.explain, f.elen);
        if (f.nparts) {
            rc_claim_part *parts = rc_arena_alloc(&doc->arena, f.nparts * sizeof *parts);
            if (!parts)
                return RC_ENOMEM;
            memcpy(parts, f.parts, f.nparts * sizeof *parts);
            f.c.parts = parts;
            f.c.nparts = f.nparts;
        }
        if (!f.c.explain || rc_arena_grow(&doc->arena, (void **)&doc->claims, &cap,
                                          doc->nclaims + 1, sizeof *doc->claims))
            return RC_ENOMEM;
        doc->claims[doc->nclaims] = f.c;
        prev.c = &doc->claims[doc->nclaims++];
        prev.sent = f.sent;
        prev.endt = f.endt;
        prev.ct = f.ct;
        prev.gov_what = f.gov_what;
    }
    return RC_OK;
}
