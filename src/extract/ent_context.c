/*
 * ent_context.c - what the words around a candidate name say of it: a title or an honorific
 * before a person, a place noun or a preposition before a place, an outlet's or a thing's noun,
 * a list of places, a dateline (KHARTOUM, 14 avril (AFP) -) and its outlet, an age after a
 * person, a nickname, the name given to an operation, a region after a region's noun, a unit's
 * number, a title opened by a capitalised article; and whether a run is a slogan in a foreign
 * language. ent_take (entities.c) weighs these cues to type the run.
 */
#include <string.h>

#include "extract/ent_int.h"
#include "lang/fr/morph.h"

/* How far back a title may stand from the name it introduces (le ministre turc des affaires
 * étrangères Mevlüt Cavusoglu). */
#define ENT_TITLE_BACK 10

/* What names the thing right before token a, across one or two adjectives in lower case: an
 * outlet's or a group's noun (la radio militaire X, le site local X, le quotidien X: 1) or a
 * thing's noun (des bombes planantes X, trois chars X: 2); 0 for neither. */
int ent_noun_before(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    if (a <= sent_start)
        return 0;
    size_t q = a - 1, adjs = 0;
    while (q > sent_start && adjs < 2 && d->toks[q].kind == RC_TOK_WORD &&
           !(d->toks[q].flags & RC_TF_UPPER) && ent_tcue(r, q) == CUE_NONE &&
           !ent_tfunc(r, q) && ent_org_adjective(r, q))
        q--, adjs++;
    if (d->toks[q].kind != RC_TOK_WORD || (d->toks[q].flags & RC_TF_UPPER))
        return 0;
    if (q > sent_start) { /* notre chaîne X: the outlet speaking, then a person (leur radio X
                           * is another's outlet) */
        if (ent_tcue(r, q - 1) == CUE_OWN)
            return 0;
    }
    enum ent_cue k = ent_tcue(r, q);
    /* an outlet's or a group's noun; an organisation's tail noun in lower case (le groupe X, le
     * journal X) unless an adjective (internationale) */
    rc_morph m;
    if ((k == CUE_ORGHEAD && (r->tcache[q] & TC_OUTLET)) || (k == CUE_LOCDE && adjs > 0) ||
        (k == CUE_ORGTAIL && !(rc_fr_morph_tok(d, q, &m) && (m.flags & RC_M_ADJ))))
        return 1;
    return k == CUE_MISCNOUN ? 2 : 0;
}

/* Whether token i's word stops the look-back for a title (ent_context), as an ent_shape
 * question: a word the dictionary knows only as a verb (another clause), or one of the usual
 * auxiliaries and conjunctions (for the words it does not know). */
static bool ent_backstop_q(ent_run *r, size_t i)
{
    rc_morph m;
    if (rc_fr_morph_tok(r->doc, i, &m) && (m.flags & RC_M_VERB) &&
        !(m.flags & (RC_M_NOUN | RC_M_ADJ)))
        return true;
    static const char *const aux[] = {"a", "ont", "est", "sont", "avait", "était", "que",
                                      "qui", "et", "ou", "mais", "avec"};
    const char *qs = tok_s(r->doc, i);
    size_t qn = tok_n(r->doc, i);
    for (size_t x = 0; x < sizeof aux / sizeof aux[0]; x++)
        if (qn && aux[x][0] == qs[0] && strlen(aux[x]) == qn && memcmp(aux[x], qs, qn) == 0)
            return true;
    return false;
}

/* Reads the words before token a, back to the sentence start or at most ENT_TITLE_BACK tokens. */
ent_ctx_cue ent_context(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    ent_ctx_cue c = {0};
    c.list = -1;
    if (a == sent_start)
        return c;
    /* a list of places: Alep, Homs et Hama; les quartiers de X et de Y */
    if (a >= 2 && d->nents) {
        const rc_entity *prev = &d->ents[d->nents - 1];
        size_t q = a - 1;
        if (q > 2 && d->toks[q].kind == RC_TOK_ELISION && tok_n(d, q - 1) == 2 &&
            memcmp(tok_s(d, q - 1), "de", 2) == 0)
            q--; /* du Nord et de l'Est */
        if (q > 1 && tok_n(d, q) == 2 && memcmp(tok_s(d, q), "de", 2) == 0)
            q--;
        const char *ps = tok_s(d, q);
        size_t pn = tok_n(d, q);
        if (q >= 1 && ((pn == 1 && ps[0] == ',') || (pn == 2 && memcmp(ps, "et", 2) == 0)) &&
            prev->end == d->toks[q - 1].end && prev->type == RC_ENT_LOC) {
            c.list = prev->type;
            c.list_comma = pn == 1;
        }
    }
    size_t p = a - 1;
    const char *s = tok_s(d, p);
    size_t n = tok_n(d, p);
    enum ent_cue k = ent_tcue(r, p);
    if (k == CUE_HONOR || (d->toks[p].kind == RC_TOK_ABBREV && k == CUE_HONOR))
        c.honor = true;
    if (k == CUE_LOCPREP || (p == sent_start && n == 1 && s[0] == 'A'))
        c.locprep = true; /* A Kaldoria: the capital À written without its accent */
    if (k == CUE_LOCNOUN)
        c.locnoun = true; /* l'hôpital al-Chifa, le camp Yarmouk */
    if ((k == CUE_ORGHEAD || k == CUE_LOCDE) && d->toks[p].kind == RC_TOK_WORD &&
        !(d->toks[p].flags & RC_TF_UPPER) && !(r->tcache[p] & TC_OUTLET) &&
        !ent_org_adjective(r, p))
        c.orgnoun = true; /* la coalition Viv Ansanm, le parti Renaissance, le site ActuNiger;
                           * not le haut X */
    int nb = ent_noun_before(r, a, sent_start);
    if (nb == 1)
        c.orgnoun = c.outlet = true;
    else if (nb == 2)
        c.misc = true;
    /* de la, de l': step over the article */
    if (p > sent_start && ((n == 2 && (memcmp(s, "la", 2) == 0 || memcmp(s, "le", 2) == 0)) ||
                           (d->toks[p].kind == RC_TOK_ELISION && (s[0] == 'l' || s[0] == 'L')))) {
        const char *s2 = tok_s(d, p - 1);
        if (tok_n(d, p - 1) == 2 && memcmp(s2, "de", 2) == 0) {
            p--;
            s = s2;
            n = 2;
        }
    }
    bool de = (n == 2 && memcmp(s, "de", 2) == 0) || (n == 2 && memcmp(s, "du", 2) == 0) ||
              (d->toks[p].kind == RC_TOK_ELISION && (s[0] == 'd' || s[0] == 'D'));
    if (de) {
        c.de = true;
        if (p > sent_start) {
            enum ent_cue k2 = ent_tcue(r, p - 1);
            /* a place noun, or a place head in lower case: le camp d'Abou Shouk, le port de X */
            if (k2 == CUE_LOCNOUN || k2 == CUE_LOCDE ||
                (k2 == CUE_LOCHEAD && !(d->toks[p - 1].flags & RC_TF_UPPER)))
                c.locnoun = true;
            if (k2 == CUE_LOCPREP) /* près de */
                c.locprep = true;
        }
    }
    /* a title further back, across its complements: lower-case words, names, de/du, a comma
     * right before the name */
    size_t steps = 0;
    for (size_t q = a; q > sent_start && steps < ENT_TITLE_BACK; steps++) {
        q--;
        const rc_token *t = &d->toks[q];
        if (t->kind == RC_TOK_PUNCT) {
            if (q + 1 == a && (d->text[t->start] == ',' || d->text[t->start] == ':' ||
                               (unsigned char)d->text[t->start] == 0xe2 /* dashes */))
                continue;
            break;
        }
        if (t->kind != RC_TOK_WORD && t->kind != RC_TOK_ELISION)
            break;
        enum ent_cue kq = ent_tcue(r, q);
        if (kq == CUE_TITLE || kq == CUE_LOCTITLE) {
            c.title = true;
            c.title_near = steps <= 1 && !c.locprep;
            if (steps == 2 && (c.locnoun || c.orgnoun) && tok_n(d, q + 1) == 2 &&
                memcmp(tok_s(d, q + 1), "de", 2) == 0) {
                /* le chef de quartier X, le général de brigade X: a title of its own, no
                 * article */
                c.title_near = true;
                c.locnoun = c.locnoun_far = c.orgnoun = c.outlet = false;
                break;
            }
            c.title_de = c.de;
            c.loctitle_de = c.de && kq == CUE_LOCTITLE;
            c.locnoun_far = false; /* the place noun was the title's complement */
            break;
        }
        if (kq == CUE_MISCNOUN && steps == 0) {
            c.misc = true;
            break;
        }
        if ((kq == CUE_LOCNOUN || kq == CUE_LOCDE) && !c.locnoun_far) {
            c.locnoun_far = true; /* look further: le gouverneur de la région, X */
            continue;
        }
        /* a verb between would make it another clause; the dictionary tells verbs when it is
         * there, and the usual auxiliaries stop it when it is not */
        if (ent_shape(r, q, SH_BACKSTOP, ent_backstop_q))
            break;
    }
    return c;
}

/* Whether the run [a, b) in capitals opens a line as a dateline: KHARTOUM, 14 avril (AFP) -;
 * NYALA (Soudan) -; EL-FACHER - . A place, however much it looks like an acronym. */
bool ent_dateline(const ent_run *r, size_t a, size_t b)
{
    const rc_doc *d = r->doc;
    if (b >= d->ntoks || (a > 0 && !(d->toks[a].flags & RC_TF_NEWLINE)))
        return false;
    size_t letters = 0;
    for (size_t i = a; i < b; i++) {
        if (!ent_acronym(tok_s(d, i), tok_n(d, i)))
            return false;
        letters += tok_n(d, i);
    }
    if (letters < 4)
        return false; /* ONU, MSF: an acronym */
    const char *p = tok_s(d, b);
    size_t pn = tok_n(d, b);
    if ((pn == 1 && (p[0] == '(' || p[0] == '-')) ||
        (pn == 3 && (unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
         ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94)))
        return true; /* NYALA (Soudan), EL-FACHER - , with an en or em dash too */
    if (pn == 1 && p[0] == ':')
        return true; /* KIDAL : a headline's place, before the words in capitals */
    if (!(pn == 1 && p[0] == ',') || b + 1 >= d->ntoks)
        return false;
    if (d->toks[b + 1].kind == RC_TOK_NUMBER || d->toks[b + 1].kind == RC_TOK_DATE)
        return true;
    for (size_t t = r->time_i; t < d->ntimes && d->times[t].start <= d->toks[b + 1].start; t++)
        if (d->times[t].start == d->toks[b + 1].start)
            return true; /* KHARTOUM, mardi */
    return false;
}

/* Whether the run [a, b) is the outlet of a dateline, in brackets after the date and before a
 * dash: Butembo, 10 juin 2024 (Kivu Matin) - ... (like the agencies' (AFP) -). */
bool ent_dateline_outlet(const ent_run *r, size_t a, size_t b)
{
    const rc_doc *d = r->doc;
    if (a < 2 || b + 1 >= d->ntoks || tok_n(d, a - 1) != 1 || tok_s(d, a - 1)[0] != '(' ||
        tok_n(d, b) != 1 || tok_s(d, b)[0] != ')')
        return false;
    const char *p = tok_s(d, b + 1);
    size_t pn = tok_n(d, b + 1);
    bool dash = (pn == 1 && p[0] == '-') ||
                (pn == 3 && (unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
                 ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94));
    const rc_token *t = &d->toks[a - 2];
    return dash && (t->kind == RC_TOK_NUMBER || t->kind == RC_TOK_DATE);
}

/* Whether the run [a, b), that nothing types, is a whole sentence in a foreign language: a
 * slogan or a cry (Slava Ukraini !; Bring Them Home Now.; Am Israel Chai.), three words or more
 * from the sentence start (only capitalised words before a), or closed by an exclamation mark.
 * A name alone ending a sentence is not a person's then. */
bool ent_slogan(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    const rc_doc *d = r->doc;
    if (b >= d->ntoks)
        return false;
    for (size_t k = sent_start; k < a; k++)
        if (!ent_namelike(r, k) || ent_tcue(r, k) != CUE_NONE)
            return false; /* Par Jean Dupont. is a byline */
    const char *p = tok_s(d, b);
    if (tok_n(d, b) != 1 || (p[0] != '!' && p[0] != '.'))
        return false;
    if (b + 1 < d->ntoks && !(d->toks[b + 1].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
        return false;
    return p[0] == '!' || b - sent_start >= 3;
}

/* Whether a name is followed by an age in apposition (Olena, 34 ans, ...; Espérance (52 ans)):
 * only a person is given an age so, whatever else the name could be. The age must close there
 * (a comma, a bracket, a full stop), so that "Alep, cinq ans après" is no age. */
bool ent_age_after(const ent_run *r, size_t b)
{
    const rc_doc *d = r->doc;
    if (b + 3 >= d->ntoks)
        return false;
    const char *p = tok_s(d, b);
    if (tok_n(d, b) != 1 || (p[0] != ',' && p[0] != '('))
        return false;
    /* the age right after, or closing a short description: Marie, une infirmière de 23 ans, */
    for (size_t k = b + 1; k + 2 < d->ntoks && k <= b + 7; k++) {
        const rc_token *t = &d->toks[k];
        if (t->kind == RC_TOK_NUMBER) {
            const char *u = tok_s(d, k + 1), *e = tok_s(d, k + 2);
            return tok_n(d, k + 1) == 3 && memcmp(u, "ans", 3) == 0 && tok_n(d, k + 2) == 1 &&
                   (e[0] == ',' || e[0] == ')' || e[0] == '.') &&
                   (k == b + 1 || (tok_n(d, k - 1) == 2 && memcmp(tok_s(d, k - 1), "de", 2) == 0));
        }
        if (t->kind != RC_TOK_WORD && t->kind != RC_TOK_ELISION)
            return false;
    }
    return false;
}

/* Where the cue word of class cue stands right before token p, past an opening quote (dit
 * « X », baptisée X): the token after the cue, with a word before the cue in the sentence; 0
 * when no such cue stands there. */
static size_t ent_after_cue(ent_run *r, size_t p, size_t sent_start, enum ent_cue cue)
{
    if (p > sent_start && r->doc->toks[p - 1].kind == RC_TOK_QUOTE_OPEN)
        p--;
    return p >= sent_start + 2 && ent_tcue(r, p - 1) == cue ? p : 0;
}

/* Whether the name at token a is a nickname: after dit, surnommé or alias (X, dit « Y »;
 * Moussa dit Bébé), the word before being a comma or a name, so that "a dit" is not one. */
bool ent_nickname(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    size_t p = a;
    if (p > sent_start + 1 && d->toks[p - 2].kind == RC_TOK_QUOTE_OPEN &&
        (d->toks[p - 1].flags & RC_TF_UPPER) && ent_tfunc(r, p - 1))
        p--; /* dit « Le Lion »: the article stays out of the name */
    if (!(p = ent_after_cue(r, p, sent_start, CUE_NICK)))
        return false;
    const rc_token *t = &d->toks[p - 2];
    return (t->kind == RC_TOK_PUNCT && d->text[t->start] == ',') || ent_namelike(r, p - 2);
}

/* Whether the name at token a is what a named thing was called: baptisée (« X »), dénommée X,
 * with an event's or a thing's noun a few words before the participle (l'opération, baptisée
 * Sindoor; une opération baptisée « Lake Sanity 2 »). */
bool ent_baptised(ent_run *r, size_t a, size_t sent_start)
{
    size_t p = ent_after_cue(r, a, sent_start, CUE_NAMED);
    if (!p)
        return false;
    for (size_t q = p - 1; q > sent_start && q + 5 > p; q--)
        if (ent_tcue(r, q - 1) == CUE_MISCNOUN)
            return true;
    return false;
}

/* Whether a point of the compass at token a names a region: after a region's noun and de, du,
 * de l' (la région du Nord-Ouest, Région de l'Est), or as the next item of such a list (les
 * régions du Nord et de l'Est). */
bool ent_region_before(ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    size_t p = a;
    if (p > sent_start && d->toks[p - 1].kind == RC_TOK_ELISION)
        p--; /* l' */
    if (p < sent_start + 2)
        return false;
    const char *s = tok_s(d, p - 1);
    size_t n = tok_n(d, p - 1);
    if (!(n == 2 && (memcmp(s, "de", 2) == 0 || memcmp(s, "du", 2) == 0)))
        return false;
    if (ent_tcue(r, p - 2) == CUE_LOCNOUN && (r->tcache[p - 2] & TC_REGION))
        return true;
    /* the list: an earlier point of the compass made a region, then et */
    const char *e = tok_s(d, p - 2);
    return d->nents && tok_n(d, p - 2) == 2 && memcmp(e, "et", 2) == 0 && p >= sent_start + 3 &&
           d->ents[d->nents - 1].end == d->toks[p - 3].end &&
           d->ents[d->nents - 1].type == RC_ENT_LOC && ent_tcue(r, p - 3) == CUE_COMPASS;
}

/* Whether token i is the number of a unit right after its capitalised head (la Brigade 444,
 * fidèles ...): a few digits, then no noun it would count (Brigade 300 hommes). */
bool ent_unit_number(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    const rc_token *t = &d->toks[i];
    if (t->kind != RC_TOK_NUMBER || t->end - t->start > 4 || d->toks[i - 1].end + 1 != t->start)
        return false;
    for (uint32_t x = t->start; x < t->end; x++)
        if (d->text[x] < '0' || d->text[x] > '9')
            return false;
    rc_morph m;
    const rc_token *nx = &d->toks[i + 1];
    return nx->kind != RC_TOK_WORD || (nx->flags & RC_TF_UPPER) ||
           !(rc_fr_morph_tok(d, i + 1, &m) && (m.flags & RC_M_NOUN));
}

/* Whether token i's word is a definite article of source_grammar, as an ent_shape question. */
static bool ent_def_article_q(ent_run *r, size_t i)
{
    const char *v = rc_lex_get(r->lx.grammar, tok_s(r->doc, i), tok_n(r->doc, i));
    return v && strstr(v, "def");
}

/* Whether token a is a definite article written with a capital inside a sentence (cité par Le
 * Nouvelliste, le quotidien Le Potentiel): the start of a title, which keeps it. After a colon
 * or a quote a capital is the sentence's own. */
bool ent_title_article(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    const rc_doc *d = r->doc;
    if (b < a + 2 || a == sent_start || a == 0 ||
        (d->toks[a].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)) ||
        d->toks[a - 1].kind == RC_TOK_QUOTE_OPEN ||
        (d->toks[a - 1].kind == RC_TOK_PUNCT && d->text[d->toks[a - 1].start] != ','))
        return false;
    return ent_shape(r, a, SH_DEF_ARTICLE, ent_def_article_q) && !(ent_tword(r, a + 1) & W_FIRST);
}
