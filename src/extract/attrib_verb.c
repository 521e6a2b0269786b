/*
 * attrib_verb.c - a reporting verb and what it makes: its verb group (auxiliary, negation,
 * inversion: a-t-il ajouté), its subject on the left or, inverted, on the right (« ... », a
 * déclaré X), its relays, its scope (the quote it introduces or follows, the clause after
 * "que", the sentence before an inverted verb) and the attribution.
 */
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract/attrib_int.h"
#include "core/words.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* The quote whose marks enclose token i, or -1 (a binary search: quotes are in order). */
static int32_t quote_around(const pass *ps, uint32_t i)
{
    size_t lo = 0, hi = ps->st->doc->nquotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ps->qt[mid].oa > i)
            hi = mid;
        else if (attrib_quote_last(&ps->qt[mid]) < i)
            lo = mid + 1;
        else
            return (int32_t)mid;
    }
    return -1;
}

/* The number of quotes that open before token i (a binary search), where a backward walk over
 * the quotes before a token starts. */
static size_t quotes_before(const pass *ps, uint32_t i)
{
    return rc_first_from(ps->qt, ps->st->doc->nquotes, sizeof *ps->qt, offsetof(quote_tok, oa),
                         i);
}

/* The subject that opens a sentence at token a, before a verb group of its own and before the
 * coordinator at token k: a verb joined by et, mais or puis with no subject shares it. */
static bool opening_subject(const src_state *st, uint32_t a, uint32_t k, src_np *np)
{
    if (!speaker_np(st, a, k, np) || np->b >= k)
        return false;
    uint32_t bits = st->ti[np->b].bits;
    if (bits & (SL_AUX | SL_NEG))
        return true;
    rc_morph m;
    return st->doc->toks[np->b].kind == RC_TOK_WORD && rc_fr_morph_tok(st->doc, np->b, &m) &&
           (m.flags & RC_M_VERB) && !(m.flags & RC_M_NOUN);
}

/* The token after an aside of anonymity that starts at token j (sous couvert d'anonymat, sous le
 * couvert de l'anonymat), or j: a subject put after its verb may stand behind one (a affirmé à
 * l'AFP sous couvert d'anonymat une source sécuritaire). */
static uint32_t anon_skip(const src_state *st, uint32_t j, uint32_t b)
{
    if (j >= b || !speaker_grammar_class(st, j, "under"))
        return j;
    for (uint32_t k = j + 1; k < b && k < j + 6; k++)
        if (speaker_grammar_class(st, k, "anon"))
            return k + 1;
    return j;
}

/* Les rebelles et les jihadistes ont affirmé; l'armée et la police ont annoncé; les rebelles
 * ainsi que des sources locales affirment: a subject read leftwards that a determiner opens,
 * right after et (or ainsi que) and another subject, speaks jointly with it; so does a second
 * subject that opens on a name (Amnesty International et Human Rights Watch). That first subject
 * is put in the chain c (empty so far). Not le ministre de la Défense et porte-parole du
 * gouvernement, one person's two roles: the second has no determiner and no name. Returns 0 or a
 * negative status. */
static int coordinated_subject(pass *ps, const src_np *second, uint32_t s0, chain *c)
{
    src_state *st = ps->st;
    uint32_t na = second->a;
    bool named = second->na == na && na < second->nb; /* Amnesty et Human Rights Watch */
    if (c->n || na < s0 + 2 || !((st->ti[na].bits & SL_DET) || named))
        return 0;
    uint32_t conj = na - 1; /* the first token of the conjunction */
    if (!(st->ti[conj].bits & SL_CONJ)) {
        if (conj < s0 + 2 || !(st->ti[conj].bits & SL_QUE) ||
            !speaker_grammar_class(st, conj - 1, "conjque"))
            return 0;
        conj--;
    }
    src_np first;
    if (!speaker_subject_left(st, conj, s0, &first) || first.pron || first.b != conj ||
        first.a > conj ||
        !((st->ti[first.a].bits & SL_DET) || (first.na == first.a && first.na < first.nb)))
        return 0; /* Oxfam et le Centre ... affirment: a name needs no determiner */
    rc_speaker fsp;
    int made = speaker_make(st, &first, &fsp);
    if (made)
        return made < 0 ? made : 0;
    attrib_chain_add(c, &fsp, false);
    return 0;
}

/* The source a verb of learning names after it (l'AFP a appris de sources sécuritaires, a
 * appris Reuters auprès d'un responsable local): de source(s) X or auprès de X within the next
 * few words of the clause, the subject's name read before it or not. It goes first in chain c,
 * the subject relays it; *next moves past it. */
static int learned_from(pass *ps, uint32_t j, uint32_t b, chain *c, uint32_t *next)
{
    src_state *st = ps->st;
    const rc_token *t = st->doc->toks;
    for (uint32_t k = j; k < b && k < j + 8; k++) {
        if (t[k].kind == RC_TOK_PUNCT || t[k].kind == RC_TOK_QUOTE_OPEN || (st->ti[k].bits & SL_QUE))
            return RC_OK;
        uint32_t e;
        const srclex_cue *cue = attrib_cue_at(st, k, b, &e);
        if (!cue || e >= b)
            continue;
        src_np np;
        if (cue->cls == SC_SOURCE_OF) { /* de source(s) X: the description starts at source */
            if (!speaker_np(st, e - 1, b, &np))
                return RC_OK;
        } else if (cue->cls == SC_TOLD && cue->from) { /* auprès de X */
            if (!speaker_np(st, e, b, &np))
                return RC_OK;
        } else {
            continue;
        }
        rc_speaker sp;
        if (np.pron || attrib_own_outlet(st, e))
            return RC_OK;
        int status = speaker_make(st, &np, &sp);
        if (status)
            return status < 0 ? status : RC_OK;
        for (size_t n = 0; n < c->n; n++)
            if (c->link[n].start == sp.start)
                return RC_OK; /* a-t-on appris de source militaire: read as the subject already */
        rc_speaker *subj = c->n ? &c->link[c->n - 1] : NULL;
        if (subj && subj->start < t[k].start && subj->end > t[k].start) {
            /* a appris Radio Varenko de sources hospitalières: the subject's name was read on
             * over the cue; it is read again up to it */
            uint32_t s0 = k;
            while (s0 > j && t[s0 - 1].start >= subj->start)
                s0--;
            src_np sn;
            rc_speaker ss;
            if (t[s0].start != subj->start || !speaker_np(st, s0, k, &sn) || sn.pron)
                return RC_OK;
            if ((status = speaker_make(st, &sn, &ss)))
                return status < 0 ? status : RC_OK;
            *subj = ss;
        }
        chain full = {.n = 0, .joint = 0};
        attrib_chain_add(&full, &sp, false);
        for (size_t n = 0; n < c->n; n++)
            attrib_chain_add(&full, &c->link[n], (c->joint >> n) & 1u);
        *c = full;
        if (np.b > *next)
            *next = np.b;
        return RC_OK;
    }
    return RC_OK;
}

/* A reporting verb at token i (ending at vend) with verb entry v: finds its group, subject,
 * relays and scope, and the quote it introduces or follows. *next receives where to go on. */
/* A verb of accusing in the passive with its agent (l'armée est accusée par des rescapés
 * d'avoir tué des dizaines de civils): the agent accuses, and what follows is what it says.
 * Other passives report nothing (Alep est considérée comme). g is the group's first token. */
static int passive_accuse(pass *ps, const srclex_verb *verb, uint32_t g, uint32_t vend,
                          uint32_t *next)
{
    src_state *st = ps->st;
    uint32_t b = ps->b;
    if (verb->cls != SV_ACCUSE || vend + 1 >= b || (st->ti[vend].bits & TB_INQ) ||
        !speaker_grammar_class(st, vend, "agent"))
        return RC_OK;
    src_np np;
    rc_speaker sp;
    int status = attrib_read_source(ps, vend + 1, b, false, &np, &sp);
    if (status)
        return status < 0 ? status : RC_OK;
    chain c;
    c.n = 0;
    c.joint = 0;
    attrib_chain_add(&c, &sp, false);
    *next = np.b;
    uint32_t sb = attrib_sent_end_trim(ps);
    if (np.b >= sb)
        return RC_OK;
    return attrib_add_attr(ps, g, np.b, np.b, sb, verb->lemma, &c, -1, false);
}

int attrib_on_verb(pass *ps, uint32_t i, uint32_t vend, int v, uint32_t *next)
{
    src_state *st = ps->st;
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    size_t nverbs;
    const srclex_verb *verbs = srclex_verbs(st->sl, &nverbs);
    const srclex_verb *verb = &verbs[v];
    uint32_t a = ps->a, b = ps->b;
    *next = vend;
    bool inq = (ti[i].bits & TB_INQ) != 0;
    /* the verb group: [s'] aux [-t-il] [adverbs] participle, or verb [-t-il] */
    uint32_t k = i, g = i;
    int clitic = -1;
    bool aux = false;
    bool negated = false;
    bool infin = false; /* et d'ajouter, avant de préciser: the speaker met just before */
    if (ti[i].bits & SL_INF) {
        /* the infinitive of a verb before it, over à or de: a tenu à préciser, a osé affirmer;
         * the group is that verb's */
        uint32_t m = i;
        if (m > a + 1 && t[m - 1].kind == RC_TOK_WORD && (ti[m - 1].bits & (SL_LOC | SL_PREP)) &&
            !(ti[m - 1].bits & SL_DET))
            m--;
        rc_morph mm;
        if (m > a && t[m - 1].kind == RC_TOK_WORD && !(ti[m - 1].bits & (SL_VERB | TB_NAME)) &&
            rc_fr_morph_tok(st->doc, m - 1, &mm) && (mm.flags & RC_M_VERB) &&
            !(mm.flags & (RC_M_FUNC | RC_M_INF)) &&
            (mm.flags & RC_M_PPAS) && m - 1 > a && (ti[m - 2].bits & (SL_AUX | SL_ADV))) {
            /* a participle only: doit annoncer, va présenter tell what is to come */
            if (mm.lemma &&
                rc_lex_get(srclex_lex(st->sl, SLX_REFUSAL), mm.lemma,
                           strlen(mm.lemma)))
                return RC_OK; /* a refusé de commenter: nothing reported */
            k = g = m - 1;
        } else {
            if (i < a + 2 || !(ti[i - 1].bits & SL_PREP) ||
                !(ti[i - 2].bits & (SL_CONJ | SL_LOC)) || st->nmem == 0)
                return RC_OK; /* an infinitive reports nothing by itself */
            infin = true;
        }
    }
    for (int n = 0; k > a && n < 5; n++) {
        uint32_t pb = ti[k - 1].bits;
        rc_morph am;
        if ((pb & SL_ADV) && !(pb & TB_NAME)) {
            negated |= (pb & SL_NEG) != 0;
            k--;
        } else if (k >= a + 2 && (ti[k - 2].bits & SL_AUX) && t[k - 1].kind == RC_TOK_WORD &&
                   !(pb & (TB_NAME | SL_DET | SL_PREP | SL_PRON | SL_LOC)) &&
                   rc_fr_morph_tok(st->doc, k - 1, &am) && (am.flags & RC_M_ADV) &&
                   !(am.flags & (RC_M_NOUN | RC_M_ADJ | RC_M_VERB))) {
            k--; /* a rapidement tweeté: an adverb the grammar list lacks, after the auxiliary */
        } else if (t[k - 1].kind == RC_TOK_ELISION && (pb & SL_PREP) && (ti[k].bits & SL_ADV))
            k--; /* a d'ailleurs souligné */
        else if ((pb & SL_PRON) && !(pb & TB_NAME) && k >= a + 3 && (ti[k - 2].bits & SL_AUX) &&
                 t[k - 1].kind == RC_TOK_WORD && !(ti[k - 3].bits & (SL_QUE | SL_STOP)))
            k--; /* des sources ont elles parlé de: the subject stands before, stressed */
        else if ((pb & SL_DET) && k >= a + 2 && (ti[k].bits & SL_ADV) && (ti[k - 2].bits & SL_AUX))
            k--; /* a une nouvelle fois condamné */
        else if ((pb & SL_LOC) && !(pb & SL_DET) && k >= a + 2 && (ti[k].bits & SL_ADV) &&
                 (ti[k - 2].bits & SL_AUX))
            k--; /* ont par ailleurs raconté */
        else if (k >= a + 4 && attrib_phrase_aside(st, k - 3, k) == 3 && (ti[k - 4].bits & SL_AUX))
            k -= 3; /* a de son côté affirmé */
        else if (k >= a + 5 && attrib_phrase_aside(st, k - 4, k) == 3 &&
                 t[k - 1].kind == RC_TOK_WORD &&
                 !(ti[k - 1].bits & (TB_NAME | SL_CUE | SL_VERB | SL_STOP)) &&
                 (ti[k - 5].bits & SL_AUX))
            k -= 4; /* avait dans un premier temps évoqué */
        else
            break;
    }
    if (k > a && t[k - 1].kind == RC_TOK_CLITIC) {
        clitic = (int)(k - 1);
        k--;
    }
    if (k > a && (ti[k - 1].bits & SL_AUX)) {
        aux = true;
        k--;
        bool refl = k > a && (ti[k - 1].bits & SL_REFL);
        if (refl)
            k--;
        if ((ti[k].bits & SL_BE) && !refl)
            return passive_accuse(ps, verb, k, vend, next); /* a passive: Alep est considérée
                                                               comme; X est accusé par Y */
        g = k;
        if (k > a && (ti[k - 1].bits & SL_NEG))
            negated = true;
    } else {
        clitic = -1;
        if (i > a && (ti[i - 1].bits & SL_REFL))
            g = i - 1;
    }
    if (vend < b && t[vend].kind == RC_TOK_CLITIC && clitic < 0) {
        clitic = (int)vend; /* dit-il, précise-t-elle */
        vend++;
    }
    *next = vend;
    if (negated)
        return RC_OK; /* Mercier ne précise pas */
    if (!aux && g == i && i > a && (ti[i - 1].bits & SL_DET) &&
        !(ti[i - 1].bits & (SL_DEF | SL_PREP | SL_PRON | TB_NAME)) &&
        !attrib_tok_listed(st, i - 1, SLX_OBJECTS))
        return RC_OK; /* après son annonce: a noun, not the verb (leur annonce may be both) */
    /* an object pronoun between a quote or a comma and the group (« … », nous écrit X; « … »,
     * lui a répondu X): the subject follows the verb */
    if (g > a + 1 && t[g - 1].kind == RC_TOK_WORD &&
        (speaker_punct(st, g - 2, ',') || t[g - 2].kind == RC_TOK_QUOTE_CLOSE) &&
        attrib_tok_listed(st, g - 1, SLX_OBJECTS))
        g--;
    uint32_t bits = ti[i].bits;
    /* X a démenti ce bilan et affirmé ...; X confirme mais déplore: a verb joined to the clause
     * before shares its subject, the source of the sentence's last attribution */
    bool coord_any = clitic < 0 && !inq && g > a && speaker_grammar_class(st, g - 1, "coord");
    bool coord = coord_any && st->doc->nattrs > ps->sent_first;
    if (vend > i + 1) { /* a many-word verb: faisant état de */
        rc_morph m;
        if (rc_fr_morph_tok(st->doc, i, &m) && (m.flags & RC_M_PPRE))
            bits |= SL_PART;
    }
    if (!aux && clitic < 0 && (bits & SL_PP) && !coord &&
        !(g > a && speaker_punct(st, g - 1, ',')))
        return RC_OK; /* a participle alone: "les informations rapportées" */
    bool inverted = clitic >= 0 ||
                    (g > a && (speaker_punct(st, g - 1, ',') || (ti[g - 1].bits & SL_QUE) ||
                               t[g - 1].kind == RC_TOK_QUOTE_CLOSE));
    /* comme l'a déclaré X, ...; ainsi que l'a indiqué X; comme l'affirmait X: the subject
     * follows, and so does what is reported; not comme l'appellent les habitants, a name */
    bool ahead = false;
    if (!inverted && (aux || verb->cls != SV_ASK) && g >= a + 2 &&
        t[g - 1].kind == RC_TOK_ELISION && (ti[g - 1].bits & SL_DET)) {
        size_t cl;
        const char *cw = st->doc->text + t[g - 2].start;
        cl = t[g - 2].end - t[g - 2].start;
        if ((ti[g - 2].bits & SL_QUE) || (cl == 5 && (memcmp(cw, "comme", 5) == 0 ||
                                                      memcmp(cw, "Comme", 5) == 0)))
            inverted = ahead = true;
    }
    if (inq && !inverted)
        return RC_OK;
    if (verb->after_quote && clitic < 0 &&
        !(g > a && t[g - 1].kind == RC_TOK_QUOTE_CLOSE) &&
        !(g > a + 1 && speaker_punct(st, g - 1, ',') && t[g - 2].kind == RC_TOK_QUOTE_CLOSE))
        return RC_OK; /* L'Iran a lancé une centaine de drones: an action, not words */
    if (verb->clause && clitic < 0 && vend + 1 < b && (ti[vend].bits & SL_DET) &&
        !(ti[vend].bits & (SL_QUE | SL_PREP | TB_NAME))) {
        src_np obj;
        if (!speaker_np(st, vend, b, &obj) || obj.pron)
            return RC_OK; /* le bateau assurait la liaison: an action; not « … », assure le
                             maire */
    }
    src_np np;
    memset(&np, 0, sizeof np);
    rc_speaker sp;
    bool found = false;
    chain c; /* only the first c.n links are ever read: the rest stays as it is */
    c.n = 0;
    c.joint = 0;
    if (coord) {
        const rc_attribution *prev = &st->doc->attrs[st->doc->nattrs - 1];
        attrib_chain_append(&c, prev, 0);
        inverted = ahead = false;
    } else if (coord_any && aux && opening_subject(st, a, g - 1, &np)) {
        found = true; /* Les autorités n'ont donné aucun détail, mais ont précisé que */
        inverted = ahead = false;
    } else if (infin) {
        const src_mem *m = &st->mem[(st->nmem - 1) % SRC_MEM];
        if (m->sent + 1 < ps->sent)
            return RC_OK;
        attrib_chain_add(&c, &m->sp, false);
    } else if ((bits & SL_PART) && !aux && clitic < 0) {
        /* citant X is a cue; ajoutant que: the speaker of the clause before; Assurant que ...,
         * elle a indiqué: the subject after the participle's clause */
        if (g > a && !speaker_punct(st, g - 1, ',') && t[g - 1].kind != RC_TOK_QUOTE_CLOSE &&
            speaker_subject_left(st, g, a, &np)) {
            found = true;
        } else if (st->doc->nattrs > ps->sent_first) {
            const rc_attribution *prev = &st->doc->attrs[st->doc->nattrs - 1];
            attrib_chain_append(&c, prev, 0);
        } else if (g <= a + 2) {
            uint32_t j = vend;
            while (j < b && !speaker_punct(st, j, ','))
                j++;
            if (j + 1 < b && speaker_np_appos(st, j + 1, b, &np))
                found = true;
        }
    } else if (clitic >= 0) {
        if (!speaker_np(st, (uint32_t)clitic, (uint32_t)clitic + 1, &np))
            return RC_OK;
        found = true;
        if (!(np.bits & (SL_FEM | SL_MASC))) { /* -t-on: a-t-on appris de source militaire */
            for (uint32_t j = vend; j < b && j < vend + CUE_WINDOW; j++) {
                uint32_t e;
                src_np src; /* read aside: a failed read must not clobber the clitic */
                const srclex_cue *cue = attrib_cue_at(st, j, b, &e);
                if (cue && cue->cls == SC_SOURCE_OF && speaker_np(st, e - 1, b, &src)) {
                    np = src;
                    *next = np.b;
                    break;
                }
                if (cue && cue->cls == SC_TOLD && j + 1 < b && speaker_np(st, e, b, &src) &&
                    !src.pron && src.type != RC_ENT_LOC) { /* not a-t-on appris à Niamey */
                    np = src; /* a-t-on appris auprès de l'armée */
                    break;
                }
            }
        }
    } else if (inverted) {
        uint32_t j = vend;
        /* timed: the last words skipped were a time */
        bool timed = false;
        for (int n = 0; j < b && n < 4; n++) { /* a estimé jeudi auprès de l'AFP un diplomate */
            uint32_t aside;
            uint32_t te;
            bool was_timed = timed;
            timed = false;
            if (((ti[j].bits & SL_ADV) && !(ti[j].bits & TB_NAME)) || t[j].kind == RC_TOK_DATE ||
                t[j].kind == RC_TOK_TIME)
                j++;
            else if ((te = speaker_time_skip(st, j, b)) > j)
                j = te, timed = true;
            else if ((te = anon_skip(st, j, b)) > j)
                j = te;
            else if (speaker_punct(st, j, ',') && j + 1 < b &&
                     (te = speaker_time_skip(st, j + 1, b)) > j + 1 && te + 1 < b &&
                     speaker_punct(st, te, ','))
                j = te + 1; /* indiquait, hier midi, X: a time between commas */
            else if (was_timed && j + 1 < b && speaker_punct(st, j, ',') &&
                     (ti[j + 1].bits & SL_LOC) && !(ti[j + 1].bits & SL_DET))
                j++; /* a déclaré mardi 3 juin, à l'AFP le porte-parole: a comma after the date */
            else if ((aside = attrib_phrase_aside(st, j, b)) > 1) /* assure pour sa part le commandant */
                j += aside;
            else
                break;
        }
        chain told;
        told.n = 0;
        told.joint = 0;
        uint32_t e;
        int status = attrib_read_told(ps, j, b, true, &told, &e);
        if (status)
            return status;
        e = anon_skip(st, e, b);
        uint32_t p = g > a && speaker_punct(st, g - 1, ',') ? g - 1 : g;
        bool after_quote = inq || (p > a && t[p - 1].kind == RC_TOK_QUOTE_CLOSE);
        found = speaker_subject_right(st, e, b, after_quote, &np);
        src_np left;
        if (found && !inq && !after_quote && g > a && speaker_punct(st, g - 1, ',') &&
            speaker_subject_left(st, g, a, &left) && !left.pron && left.a == a &&
            left.na < left.nb && (left.type == RC_ENT_PER || left.ra < left.rb)) {
            np = left; /* Son porte-parole, Avichay Adraee, a appelé sur X les habitants: the
                        * sentence opens on a named subject and its apposition */
            inverted = false;
        } else if (found && (np.guessed || verb->cls == SV_ACCUSE) && !inq && !after_quote &&
                   attrib_relay_aside_before(st, g, a) && speaker_subject_left(st, g, a, &left)) {
            np = left; /* des habitants, joints par X, ont dénoncé les tirs (ont accusé des
                        * miliciens): the comma was an aside's, and the guess (or whom the verb
                        * accuses) after the verb its object */
            inverted = false;
        } else if (!found && !inq && !after_quote) {
            found = speaker_subject_left(st, g, a, &np);
            inverted = false; /* Ivan Petrov, a confirmé: the comma was the name's */
        }
        bool via_ana = false; /* , indique ce document: whose statement it is */
        if (found && np.a >= vend && !speaker_np_via(st, b, &np)) {
            if (!attrib_via_antecedent(ps, &np, &sp))
                return RC_OK;
            via_ana = true;
        }
        if (found && np.a >= vend) {
            int s2 = via_ana ? 0 : speaker_make(st, &np, &sp);
            if (s2 < 0)
                return s2;
            if (s2)
                return RC_OK;
            attrib_chain_add(&c, &sp, false);
            uint32_t after;
            if ((status = attrib_read_joint_relays(ps, np.b, b, &c, &after)))
                return status;
            for (size_t n = 0; n < told.n; n++)
                attrib_chain_add(&c, &told.link[n], false);
            if ((status = attrib_read_told(ps, after, b, false, &c, &after)))
                return status;
            *next = after > vend ? after : vend;
            found = false; /* made */
            np.b = after;
        }
    } else {
        found = speaker_subject_left(st, g, a, &np);
        src_np citer;
        if (found && ps->citing.n && ps->citing_tok > a && ps->citing_tok < np.a &&
            ps->citing.link[0].start == t[np.a].start &&
            speaker_subject_left(st, ps->citing_tok, a, &citer) && !citer.pron)
            np = citer; /* la radio d'État citant le ministère a fait état: the subject stands
                         * before citant; what it cites comes first in the chain */
        if (!found && ps->ppre > ps->sent_first && !inq) {
            /* un élu s'exprimant sous couvert de l'anonymat a indiqué à l'AFP: the subject of the
             * participle is the verb's */
            const rc_attribution *pa = &st->doc->attrs[ps->ppre - 1];
            attrib_chain_append(&c, pa, 0);
            uint32_t e;
            int status = attrib_read_told(ps, vend, b, false, &c, &e);
            if (status)
                return status;
            if (e > *next)
                *next = e;
        }
        for (uint32_t j = np.a >= a + 3 ? np.a - 3 : a; found && !np.pron && j + 1 < np.a; j++) {
            uint32_t e;
            const srclex_cue *cue = attrib_cue_at(st, j, np.a, &e);
            src_np orig; /* des sources citées par l'agence Reuters évoquent: two links */
            if (cue && cue->cls == SC_RELAY && e == np.a && j > a &&
                speaker_subject_left(st, j, a, &orig) && !orig.pron && orig.b == j) {
                if (attrib_own_outlet(st, np.a)) {
                    np = orig; /* un habitant joint par notre rédaction affirme: no relay */
                    break;
                }
                int s2 = speaker_make(st, &orig, &sp);
                if (s2 < 0)
                    return s2;
                if (s2 == 0)
                    attrib_chain_add(&c, &sp, false);
                break;
            }
        }
    }
    if (found && !np.pron && !inq && np.b <= g && g > a && speaker_punct(st, g - 1, ',') &&
        c.n == 0 && st->doc->nattrs > ps->sent_first) {
        /* X confirme la mort de 95 personnes dans l'attaque d'un village, fait état de 19
         * disparus: what the left reading found lies in the scope of the verb before, whose
         * subject this verb shares */
        const rc_attribution *pa = &st->doc->attrs[st->doc->nattrs - 1];
        const rc_token *tk = st->doc->toks;
        if (pa->quote < 0 && tk[np.a].start >= pa->end && tk[np.a].start >= pa->scope_start &&
            tk[np.b - 1].end <= pa->scope_end) {
            attrib_chain_append(&c, pa, 0);
            found = false;
            inverted = false;
        }
    }
    bool named = !found || speaker_np_via(st, b, &np);
    if (!named && !attrib_via_antecedent(ps, &np, &sp))
        return RC_OK; /* le dernier bilan fait état de: nobody named */
    int made = found && named ? speaker_make(st, &np, &sp) : 0;
    if (made < 0)
        return made;
    if (made && verb->cls == SV_LEARN && np.pron && !inq) {
        /* Nous avons appris auprès du maire, on apprend de source militaire: the outlet or
         * nobody learned it; the source is whom it was learned from */
        int status = learned_from(ps, vend, b, &c, next);
        if (status)
            return status;
        if (!c.n)
            return RC_OK;
        found = false;
    } else if (made)
        return RC_OK;
    if (found) {
        int status;
        size_t before = c.n;
        if (np.b <= g && !np.pron && (status = coordinated_subject(ps, &np, a, &c)) < 0)
            return status;
        attrib_chain_add(&c, &sp, c.n > before);
        if (np.b <= g || np.a >= vend) { /* X, cité par Y, a déclaré; then à l'AFP after the
                                          * verb; a-t-on appris auprès de X cités par Y */
            uint32_t after;
            if ((status = attrib_read_joint_relays(ps, np.b, np.b <= g ? g : b, &c, &after)))
                return status;
        }
        uint32_t ce;
        const srclex_cue *front = np.a > a + 2 && speaker_punct(st, np.a - 1, ',') && !np.pron
                                      ? attrib_cue_at(st, a, np.a, &ce)
                                      : NULL;
        src_np out; /* Interrogée par France 24, X a estimé; Au micro de RFI, X a dit */
        if (front && (front->cls == SC_RELAY || (front->cls == SC_TOLD && ce > a + 1)) &&
            speaker_np(st, ce, np.a - 1, &out) && !out.pron && out.b == np.a - 1 &&
            (out.na < out.nb || out.type == RC_ENT_ORG)) {
            rc_speaker osp;
            if ((status = speaker_make(st, &out, &osp)) < 0)
                return status;
            if (status == 0)
                attrib_chain_add(&c, &osp, false);
        }
        uint32_t e;
        if ((status = attrib_read_told(ps, vend, b, false, &c, &e)))
            return status;
        if (e > *next)
            *next = e;
    }
    if (!c.n && !found && verb->cls == SV_LEARN && !inq) {
        /* Nous avons appris auprès du maire: nous is read as no subject */
        int status = learned_from(ps, vend, b, &c, next);
        if (status)
            return status;
    }
    if (!c.n)
        return RC_OK;
    if (verb->cls == SV_LEARN && !inq && c.n < MAXCHAIN) {
        int status = learned_from(ps, vend, b, &c, next);
        if (status)
            return status;
    }
    if (ps->citing.n && ps->citing_tok < i) { /* Citant X, Y a rapporté: X first */
        chain full = ps->citing;
        for (size_t n = 0; n < c.n; n++) {
            bool twice = false; /* Y, citant X, a rapporté: X was read after Y too */
            for (size_t m = 0; m < full.n && !twice; m++)
                twice = full.link[m].start == c.link[n].start;
            if (!twice)
                attrib_chain_add(&full, &c.link[n], (c.joint >> n) & 1u);
        }
        c = full;
        ps->citing.n = 0;
    }
    if (ahead)
        inverted = false;
    /* ..., ajoutant que 8 714 personnes avaient été blessées: a present participle after a comma
     * reports what its que-clause says, not what came before it */
    if (inverted && !inq && clitic < 0 && !aux && vend < b &&
        ((ti[vend].bits & (SL_QUE | SL_PREP)) || (vend > i + 1 && (ti[vend - 1].bits & SL_PREP)))) {
        /* ..., faisant également état de 20 blessés: so does a verb phrase ending on de */
        rc_morph pm;
        if (rc_fr_morph_tok(st->doc, i, &pm) && (pm.flags & RC_M_PPRE))
            inverted = false;
    }
    /* the quote it belongs to, and the scope */
    int32_t quote = -1;
    uint32_t sa, sb;
    if (inq) {
        quote = quote_around(ps, i);
    } else if (inverted) {
        uint32_t p = g;
        if (p > a && speaker_punct(st, p - 1, ','))
            p--;
        if (p > 0 && t[p - 1].kind == RC_TOK_QUOTE_CLOSE)
            quote = quote_around(ps, p - 1);
        for (int32_t q = (int32_t)quotes_before(ps, g) - 1; quote < 0 && q >= 0; q--) {
            if (ps->qt[q].oa < a && attrib_quote_last(&ps->qt[q]) < a)
                break;
            if (attrib_quote_last(&ps->qt[q]) < g && !st->doc->quotes[q].has_speaker &&
                ps->qt[q].words > 2)
                quote = q; /* « … », où …, ont déclaré X */
        }
    } else {
        uint32_t j = ahead ? *next : vend;
        for (uint32_t n = 0; j < b && n < 5; n++, j++) {
            if (t[j].kind == RC_TOK_QUOTE_OPEN) {
                quote = quote_around(ps, j);
                if (quote >= 0 && attrib_quote_is_term(ps, (size_t)quote))
                    quote = -1;
                break;
            }
            if (!(speaker_punct(st, j, ':') || (ahead && speaker_punct(st, j, ',')) ||
                  (ti[j].bits & (SL_QUE | SL_DET | SL_PREP | SL_ADV))))
                break;
        }
    }
    if (quote >= 0) {
        attrib_quote_scope(ps, (size_t)quote, &sa, &sb);
        if (inverted && !inq && ps->qt[quote].oa + 1 > a) { /* the whole sentence before */
            sa = a;
            sb = g;
            if (sb > a && speaker_punct(st, sb - 1, ','))
                sb--;
        }
    } else if (inverted) {
        sa = a;
        sb = g;
        if (sb > a && speaker_punct(st, sb - 1, ','))
            sb--;
        for (int32_t q = (int32_t)quotes_before(ps, a) - 1; q >= 0; q--) /* across sentences */
            if (ps->qt[q].oa < a && attrib_quote_last(&ps->qt[q]) >= a) {
                sa = ps->qt[q].oa + 1;
                break;
            } else if (attrib_quote_last(&ps->qt[q]) < a)
                break;
    } else {
        sa = *next;
        while (sa < b && (speaker_punct(st, sa, ':') || (ahead && speaker_punct(st, sa, ',')) ||
                          (ti[sa].bits & SL_QUE)))
            sa++;
        sb = attrib_sent_end_trim(ps);
        /* nient viser des civils, il précise que …: a denial ends where another subject
         * pronoun opens the next clause */
        for (uint32_t p = sa; verb->cls == SV_DENY && p + 1 < sb; p++)
            if (speaker_punct(st, p, ',') && (ti[p + 1].bits & SL_PRON) &&
                !(ti[p + 1].bits & TB_NAME)) {
                sb = p;
                break;
            }
    }
    if (sb <= sa) {
        sa = a;
        sb = attrib_sent_end_trim(ps);
    }
    /* Selon l'AFP, le ministère a annoncé que …: the source that opens the sentence relays
     * the subject's words */
    if (ps->lead && ps->lead > ps->sent_first && !inq && !inverted && found && !np.pron &&
        np.a >= ps->lead_end && np.a <= ps->lead_end + 1) {
        const rc_attribution *la = &st->doc->attrs[ps->lead - 1];
        attrib_chain_append(&c, la, 0);
    }
    /* the attribution's span: from the verb group or the subject to the end of what was read */
    uint32_t span_a = g, span_b = *next;
    if (found && np.a < span_a)
        span_a = np.a;
    if (found && np.b > span_b)
        span_b = np.b;
    int status = attrib_add_attr(ps, span_a, span_b, sa, sb, verb->lemma, &c, quote,
                          verb->cls == SV_DENY);
    if (status)
        return status;
    if (quote >= 0)
        attrib_give_quote(ps, (size_t)quote, &c.link[0], verb->lemma);
    rc_morph ppm;
    if (found && !inq && !inverted && clitic < 0 && !aux && np.b == g &&
        rc_fr_morph_tok(st->doc, i, &ppm) && (ppm.flags & RC_M_PPRE))
        ps->ppre = st->doc->nattrs;
    if (!inq && !inverted) { /* partial quotes further in the clause: X a dit que « … » */
        for (size_t q = quote >= 0 ? (size_t)quote + 1 : ps->qnext; q < st->doc->nquotes; q++) {
            if (ps->qt[q].oa >= b)
                break;
            if (ps->qt[q].oa > i && !attrib_quote_is_term(ps, q))
                attrib_give_quote(ps, q, &c.link[0], verb->lemma);
        }
    }
    speaker_remember(st, &c.link[0], ps->sent, np.bits);
    return RC_OK;
}
