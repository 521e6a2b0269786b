/*
 * attrib_chain.c - building the chain of sources of an attribution: the source a cue or verb
 * names (with the author a statement noun points back to), sources joined to it (selon X et
 * Y), the relays after it (X, cité par Y; citant X) and the outlet a verb was told to (a
 * indiqué à l'AFP).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "extract/attrib_int.h"
#include "extract/speaker_int.h"
#include "core/words.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* Appends a link to a chain (kept at MAXCHAIN). */
void attrib_chain_add(chain *c, const rc_speaker *sp, bool joint)
{
    if (c->n < MAXCHAIN) {
        c->link[c->n] = *sp;
        if (joint && c->n)
            c->joint |= 1u << c->n;
        c->n++;
    }
}

/* Appends the links of attribution a's chain from link `from` on, each beside the one before it
 * as it stood there (kept at MAXCHAIN). */
void attrib_chain_append(chain *c, const rc_attribution *a, size_t from)
{
    for (size_t n = from; n < a->nchain; n++)
        attrib_chain_add(c, &a->chain[n], n > from && ((a->joint >> n) & 1u));
}

/* The author of a statement noun that names nobody but points back (Le communiqué affirme,
 * after a sentence citing the ministry): the first source of the last attribution, when it was
 * made in this sentence or one of the two before. Only a definite or demonstrative noun (le
 * communiqué, ce document) marked "ana" in
 * source_nouns.tsv points back: "un communiqué" does not, nor "le dernier bilan", a count that
 * anyone may give. False when there is none. */
bool attrib_via_antecedent(const pass *ps, const src_np *np, rc_speaker *sp)
{
    const src_state *st = ps->st;
    const rc_doc *doc = st->doc;
    if (np->head != SL_VIA || np->na != np->nb || np->pron ||
        (!(st->ti[np->a].bits & SL_DEF) && !speaker_grammar_class(st, np->a, "dem")) ||
        !doc->nattrs)
        return false;
    uint32_t k = np->a + 1;
    while (k < np->b && !(st->ti[k].bits & SL_VIA))
        k++;
    if (k >= np->b || !speaker_anaphor(st, k))
        return false;
    /* sent_attr[s]: the attributions made before sentence s */
    bool near = doc->nattrs > ps->sent_attr[ps->sent >= 2 ? ps->sent - 2 : 0];
    const rc_attribution *at = &doc->attrs[doc->nattrs - 1];
    if (!near || !at->nchain)
        return false;
    *sp = at->chain[0];
    return true;
}

/* Reads a source at token j for a cue: a phrase with its apposition, the complement of "le
 * témoignage de", and a pronoun resolved; false when nothing there names a source. */
int attrib_read_source(pass *ps, uint32_t j, uint32_t lim, bool loose, src_np *np,
                       rc_speaker *sp)
{
    src_state *st = ps->st;
    if (!speaker_np_appos(st, j, lim, np) && !(loose && speaker_np_loose(st, j, lim, np)))
        return 1;
    if (np->na == np->nb && np->ra < np->rb && speaker_grammar_class(st, np->ra, "thing"))
        return 1;                     /* selon l'accord, selon la règle: how, not who */
    if (!speaker_np_via(st, lim, np)) /* le témoignage de deux habitants */
        return attrib_via_antecedent(ps, np, sp) ? 0 : 1; /* selon ce communiqué */
    return speaker_make(st, np, sp);
}

/* Whether token k's word is in the language's word list of that name (source_own.txt:
 * possessives by which the outlet names itself; source_objects.txt: object pronouns). */
bool attrib_tok_listed(const src_state *st, uint32_t k, enum srclex_lexicon list)
{
    const rc_token *t = &st->doc->toks[k];
    return rc_lex_get(srclex_lex(st->sl, list), st->doc->text + t->start,
                      t->end - t->start) != NULL;
}

/* Whether token k is a possessive by which the outlet names itself (notre antenne, nos
 * journalistes): what it opens is no relay. */
bool attrib_own_outlet(const src_state *st, uint32_t k)
{
    return attrib_tok_listed(st, k, SLX_OWN);
}

/* Sources joined to the one just read (selon X et Y), then relays (X, cité par Y). Returns the
 * token after the last source read. */
/* Whether token k, right after "et", is an adjective that qualifies the description before it
 * (des sources sécuritaires et locales) rather than a second source: a lower-case adjective of
 * the dictionary that no list knows as a source, ending the phrase. */
static bool joint_adjective(src_state *st, uint32_t k, uint32_t lim)
{
    const rc_token *t = st->doc->toks;
    uint32_t b = st->ti[k].bits;
    /* a source noun may be an adjective too (sources militaires et humanitaires) */
    if (t[k].kind != RC_TOK_WORD || (b & (TB_NAME | SL_DET | SL_ROLE | SL_ORG | SL_VIA |
                                          SL_PRON | SL_VERB | SL_AUX | SL_STOP | SL_QTY)))
        return false;
    rc_morph m;
    if (!rc_fr_morph_tok(st->doc, k, &m) || !(m.flags & RC_M_ADJ))
        return false;
    if (k + 1 >= lim || t[k + 1].kind != RC_TOK_WORD)
        return true;
    if (st->ti[k + 1].bits & (SL_VERB | SL_AUX | SL_STOP | SL_LOC | SL_QUE | SL_REL))
        return true;
    uint32_t e; /* des sources sécuritaires et locales consultées par X */
    const srclex_cue *cue = attrib_cue_at(st, k + 1, lim, &e);
    return cue && cue->cls == SC_RELAY;
}

/* The description sp extended by "et" and the adjective at token k, in the arena. */
static int joint_extend(src_state *st, rc_speaker *sp, uint32_t k)
{
    size_t alen;
    const char *adj = speaker_tok_text(st, k, &alen);
    size_t nl = strlen(sp->name), len = nl + 4 + alen;
    char *name = rc_arena_alloc(&st->doc->arena, len + 1), *key = NULL;
    if (name) {
        memcpy(name, sp->name, nl);
        memcpy(name + nl, " et ", 4);
        memcpy(name + nl + 4, adj, alen);
        name[len] = '\0';
        key = rc_arena_alloc(&st->doc->arena, len * 2 + 1);
    }
    if (!key)
        return RC_ENOMEM;
    size_t kn = rc_fold(name, len, key, len * 2);
    if (kn > len * 2)
        kn = 0;
    key[kn] = '\0';
    sp->name = name;
    sp->key = key;
    sp->end = st->doc->toks[k].end;
    return RC_OK;
}

/* Whether a figure without a source noun starts at token k (selon le gouvernement et douze
 * selon X): the next toll, not a second source; "et deux ONG" still is one. */
static bool bare_figure(const src_state *st, uint32_t k, uint32_t lim)
{
    return speaker_starts_figure(st, k) &&
           !(k + 1 < lim && (st->ti[k + 1].bits & (SL_SRC | SL_ORG | SL_ROLE)));
}

/* Whether a speaker is a description in lower case (médias locaux), not a name: the token it
 * starts on has no capital, as the tokenizer saw it. */
static bool lower_description(const rc_doc *doc, const rc_speaker *sp)
{
    size_t k = RC_FIRST_STARTING(rc_token, doc->toks, doc->ntoks, sp->start);
    return k < doc->ntoks && doc->toks[k].start == sp->start && !(doc->toks[k].flags & RC_TF_UPPER);
}

int attrib_read_joint_relays(pass *ps, uint32_t j, uint32_t lim, chain *c, uint32_t *end)
{
    src_state *st = ps->st;
    if (c->n && j + 1 < lim && (st->ti[j].bits & SL_CONJ) && !c->link[c->n - 1].role &&
        (c->link[c->n - 1].type == RC_ENT_MISC ||
         (c->link[c->n - 1].type == RC_ENT_ORG &&
          lower_description(st->doc, &c->link[c->n - 1]))) &&
        joint_adjective(st, j + 1, lim)) {
        int status = joint_extend(st, &c->link[c->n - 1], j + 1);
        if (status)
            return status;
        j += 2;
    }
    for (int n = 0;
         n < 3 && j + 1 < lim && (st->ti[j].bits & SL_CONJ) && !bare_figure(st, j + 1, lim); n++) {
        src_np np;
        rc_speaker sp;
        int status = attrib_read_source(ps, j + 1, lim, true, &np, &sp);
        if (status < 0)
            return status;
        if (status)
            break;
        attrib_chain_add(c, &sp, true);
        j = np.b;
    }
    for (int n = 0; n < 3 && j < lim; n++) {
        uint32_t k = j, e;
        if (speaker_punct(st, k, ',') && k + 1 < lim)
            k++;
        if (k + 3 < lim && (st->ti[k].bits & SL_LOC) && (st->ti[k + 1].bits & SL_DET) &&
            (st->ti[k + 2].bits & SL_VIA) && !(st->ti[k + 2].bits & TB_NAME))
            k += 3; /* le procureur dans un communiqué relayé par la télévision d'État */
        if (k + 2 < lim && (st->ti[k].bits & SL_LOC) && !(st->ti[k].bits & SL_DET) &&
            (st->ti[k + 1].bits & TB_NAME)) {
            uint32_t r = k + 1; /* des sources de la délégation à Ceuta citées par: the place */
            while (r < lim && r - k < 5 && (st->ti[r].bits & TB_NAME))
                r++;
            const srclex_cue *rc = attrib_cue_at(st, r, lim, &e);
            if (rc && rc->cls == SC_RELAY)
                k = r;
        }
        const srclex_cue *cue = attrib_cue_at(st, k, lim, &e);
        if (!cue || cue->cls != SC_RELAY)
            break;
        src_np np;
        rc_speaker sp;
        int status = attrib_read_source(ps, e, lim, false, &np, &sp);
        if (status < 0)
            return status;
        if (status)
            break;
        if (!(e < lim && attrib_own_outlet(st, e))) /* joint par notre correspondante: no relay */
            attrib_chain_add(c, &sp, false);
        j = np.b;
    }
    bool comma = j + 2 < lim && speaker_punct(st, j, ',');
    if (j + 1 < lim && c->n && c->n < MAXCHAIN) {
        /* selon le journal X, qui cite Y / citant Y; un décompte de X établi à partir des
         * bilans des hôpitaux (a citing cue right after the source): Y first */
        uint32_t k = comma ? j + 1 : j, e = 0;
        size_t nv;
        const srclex_verb *verbs = srclex_verbs(st->sl, &nv);
        const srclex_cue *cue = attrib_cue_at(st, k, lim, &e);
        if (cue && cue->cls == SC_CITING)
            k = e;
        else if (comma && (st->ti[k].bits & SL_REL) && (st->ti[k + 1].bits & SL_VERB) &&
                 st->ti[k + 1].verb >= 0 && verbs[st->ti[k + 1].verb].cls == SV_CITE)
            k += 2;
        else
            k = 0;
        src_np np;
        rc_speaker sp;
        int status = k ? attrib_read_source(ps, k, lim, false, &np, &sp) : 1;
        if (status < 0)
            return status;
        if (status == 0) {
            for (size_t n = c->n; n > 0; n--)
                c->link[n] = c->link[n - 1];
            c->link[0] = sp;
            c->joint <<= 1;
            c->n++;
            j = np.b;
        }
    }
    *end = j;
    return RC_OK;
}

/* Whether the verb group at g follows an aside between commas that a relay cue opens (des
 * habitants, joints par téléphone, ont dénoncé): its comma is no mark of an inverted subject. */
bool attrib_relay_aside_before(const src_state *st, uint32_t g, uint32_t a)
{
    if (g < a + 3 || !speaker_punct(st, g - 1, ','))
        return false;
    uint32_t p = g - 2;
    while (p > a && g - p < 12 && !speaker_punct(st, p, ','))
        p--;
    uint32_t e;
    if (speaker_punct(st, p, ',') && p + 1 < g - 1 && (st->ti[p + 1].bits & SL_REL))
        return true; /* une mère, qui aurait perdu trois enfants, a accusé les miliciens */
    const srclex_cue *cue = speaker_punct(st, p, ',') ? attrib_cue_at(st, p + 1, g - 1, &e) : NULL;
    return cue && cue->cls == SC_RELAY;
}

/* An outlet told after a verb (a indiqué à l'AFP, assurait pour l'agence Sputnik): an
 * organisation or a known agency. Returns the token after it, or j when there is none. */
int attrib_read_told(pass *ps, uint32_t j, uint32_t lim, bool subj, chain *c, uint32_t *end)
{
    src_state *st = ps->st;
    *end = j;
    uint32_t e;
    const srclex_cue *cue = j < lim ? attrib_cue_at(st, j, lim, &e) : NULL;
    if (!cue || (cue->cls != SC_TOLD && cue->cls != SC_FOR))
        return RC_OK;
    src_np np;
    size_t pl = strlen(cue->phrase);
    bool article = pl >= 2 && (strcmp(cue->phrase + pl - 2, "au") == 0 ||
                               strcmp(cue->phrase + pl - 2, "ux") == 0 ||
                               strcmp(cue->phrase + pl - 2, "du") == 0);
    if (!speaker_np(st, e, lim, &np) || np.pron)
        return RC_OK;
    if (attrib_own_outlet(st, e)) {
        /* à notre antenne, auprès de notre chaîne X: the outlet itself, no relay; a name in it
         * is the subject that follows */
        *end = np.na < np.nb ? np.na : np.b;
        return RC_OK;
    }
    uint32_t na = np.na, nb = np.nb;
    if (na == nb && np.ra < np.rb) { /* à Radio Ndeke Luka X: a name that starts with its kind */
        na = np.ra;
        nb = np.rb;
        for (uint32_t k = na; k < nb; k++)
            if (!(st->ti[k].bits & TB_NAME))
                na = nb;
    }
    if (subj && na < nb && np.b == nb &&
        (np.b >= lim || st->doc->toks[np.b].kind == RC_TOK_PUNCT ||
         (st->ti[np.b].bits & SL_CONJ))) {
        /* the clause ends on the outlet (or on a first subject that another joins: à l'AFP des
         * sources sécuritaires et un élu local): the inverted subject is the end of its names */
        uint32_t k = speaker_name_split(st, na, nb, np.head == SL_ORG && np.ra < na);
        if (k) {
            np.na = na;
            np.nb = np.b = k;
            if (np.ra >= na)
                np.ra = np.rb = 0;
            np.ent = -1;
            np.type = RC_ENT_ORG;
        }
    }
    if ((np.type != RC_ENT_ORG && !(article && np.na < np.nb)) || np.type == RC_ENT_LOC ||
        np.type == RC_ENT_PER)
        return RC_OK; /* à l'AFP, au Monde; not à Genève, au Royaume-Uni, nor a person
                       * (l'opposition au président X, a dit au ministre X) */
    if (np.na == np.nb && np.rb - np.ra <= 1)
        return RC_OK; /* à la presse, à la télévision: no outlet named */
    if (np.type == RC_ENT_MISC)
        np.type = RC_ENT_ORG;
    rc_speaker sp;
    int status = speaker_make(st, &np, &sp);
    if (status)
        return status < 0 ? status : RC_OK;
    if (cue->outlet && !speaker_np_outlet(st, &np, sp.name)) {
        /* sur Facebook, sur le site du ministère: no outlet relays; a subject put after a
         * network's name (sur la messagerie Telegram Ivan Petrenko) starts past it */
        if (subj && np.type == RC_ENT_ORG && np.b < np.a + 6 && speaker_np_social(st, sp.name))
            *end = np.b;
        return RC_OK;
    }
    for (size_t n = 0; n < c->n; n++)
        if (c->link[n].start == sp.start) { /* a-t-on appris auprès de X: X, read already */
            *end = np.b;
            return RC_OK;
        }
    attrib_chain_add(c, &sp, false);
    *end = np.b;
    return RC_OK;
}
