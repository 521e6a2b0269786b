/*
 * speaker_np.c - reading who a phrase names as a source. Without a parser, a source's name is
 * read from the classes of its words (srclex.h): an optional article, then proper-name runs,
 * source, role and organisation nouns, lower-case adjectives and "de" complements, up to a
 * word that ends a name (a verb, "que", a preposition of place, punctuation). Which run is the
 * person and which is the complement follows from the prepositions: in "le porte-parole du
 * Kremlin Dmitri Peskov" the run after "du" is the Kremlin's, the rest the person's. Also the
 * apposition after a phrase and the subject of a reporting verb on either side of it.
 */
#include <assert.h>
#include <string.h>

#include "extract/speaker_int.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

#define NP_MAXTOK 24   /* longest phrase read as a name */
#define LOOKBACK 20    /* tokens looked back for a subject */
#define HEAD_NAME 0x80 /* src_np.head: the phrase starts with a proper name */

/* Whether the word ends with suffix (imperfect verbs end a name: pourraient, assurait); k is
 * strlen(suffix). */
static inline bool ends_with(const src_state *st, uint32_t i, const char *suffix, size_t k)
{
    size_t n;
    const char *s = speaker_tok_text(st, i, &n);
    return n > k + 1 && memcmp(s + n - k, suffix, k) == 0;
}

/* A run of proper-name words inside a phrase, with what the words before it say of it. */
typedef struct run {
    uint32_t a, b;
    bool after_prep; /* part of a complement: du Kremlin, de la télévision al-Mayadeen */
    bool of_noun;    /* names the noun just before it: agence de presse Irna */
    bool quoted;     /* le « centre de réconciliation » */
    int32_t ent;
} run;

/* Whether token k is "par": after a participle it brings the agent (joint par, établi par). */
static bool is_par(const src_state *st, uint32_t k)
{
    const rc_token *t = &st->doc->toks[k];
    return t->end - t->start == 3 && memcmp(st->doc->text + t->start, "par", 3) == 0;
}

/* Whether token k is an honorific written without its dot (Dr, Mgr): "hon" in its
 * source_grammar.tsv entry. Only short capitalised words are looked up. */
static bool honorific(const src_state *st, uint32_t k)
{
    const rc_token *t = &st->doc->toks[k];
    return t->end - t->start <= 4 && (t->flags & RC_TF_UPPER) &&
           speaker_grammar_class(st, k, "hon");
}

/* Whether the "et" at token j joins two complements inside a name (d'otages et de disparus,
 * d'urgence et de réhabilitation; de la Sécurité et de l'Intérieur): "de" or "d'" then a
 * lower-case word that is no article, or "de" and an article before a word that names no entity.
 * Returns how many tokens the "et" and what follows it up to that word take, or 0. */
static uint32_t et_de(const src_state *st, uint32_t j, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    const uint32_t gram = SL_DET | SL_PREP | SL_LOC | SL_STOP | SL_VERB | SL_AUX | SL_PRON |
                          SL_QUE | SL_REL | SL_CUE | SL_ADV;
    if (j + 2 >= lim || !(ti[j + 1].bits & SL_PREP) ||
        (ti[j + 1].bits & (SL_DET | SL_LOC | TB_NAME)))
        return 0;
    const rc_token *t = st->doc->toks;
    if (t[j + 2].kind == RC_TOK_WORD && !(ti[j + 2].bits & (TB_NAME | gram)) &&
        !(t[j + 2].flags & RC_TF_UPPER))
        return 2;
    uint32_t k = j + 3; /* et de la Défense, et de l'Intérieur */
    if (k < lim && (ti[j + 2].bits & SL_DET) && !(ti[j + 2].bits & (TB_NAME | SL_PREP)) &&
        t[k].kind == RC_TOK_WORD && !(ti[k].bits & gram) &&
        (!(ti[k].bits & TB_NAME) || !st->ent_of || st->ent_of[k] < 0 ||
         (st->doc->ents[st->ent_of[k]].type != RC_ENT_PER &&
          st->doc->ents[st->ent_of[k]].type != RC_ENT_LOC)))
        return 3;
    return 0;
}

/* Reads the phrase at i (see the file header); false when it names no source. */
static bool np_read(const src_state *st, uint32_t i, uint32_t lim, src_np *np)
{
    memset(np, 0, sizeof *np);
    np->a = np->b = i;
    np->ent = -1;
    np->type = RC_ENT_MISC;
    if (i >= lim)
        return false;
    const rc_token *t = st->doc->toks;
    const srclex_info *ti = st->ti;
    uint32_t j = i, b0 = ti[i].bits;
    if ((b0 & SL_PRON) && !(b0 & TB_NAME)) {
        np->b = i + 1;
        np->pron = 1;
        np->bits = b0 & (SL_FEM | SL_MASC | SL_PLUR);
        return true;
    }
    if ((b0 & SL_DET) && !(b0 & TB_NAME)) {
        np->bits |= b0 & (SL_FEM | SL_MASC | SL_PLUR);
        np->def = (b0 & SL_DEF) != 0;
        j++;
        if (j < lim && (ti[j].bits & SL_DET) && !(ti[j].bits & (TB_NAME | SL_PREP)))
            j++; /* les deux */
    } else if ((b0 & SL_PREP) && i + 2 < lim && speaker_grammar_class(st, i + 1, "others")) {
        np->bits |= SL_PLUR; /* d'autres témoins: the preposition and autres make an article */
        j += 2;
    }
    if (j + 1 < lim && (ti[j + 1].bits & TB_NAME) &&
        ((t[j].kind == RC_TOK_ABBREV && !(ti[j].bits & TB_NAME)) || honorific(st, j)))
        j++; /* M. Verdier, Dr Haddad: the honorific is no part of the name */
    uint32_t content = j, last = j, headtok = UINT32_MAX;
    uint32_t desc = (j > i && (ti[j - 1].bits & SL_QTY)) ? j - 1 : j; /* deux habitants */
    run runs[4];
    int nruns = 0;
    bool after_prep = false, org_noun = false; /* org_noun: a run next names that noun */
    int nlower = 0;
    while (j < lim && j - i < NP_MAXTOK) {
        uint32_t b = ti[j].bits;
        if (t[j].kind == RC_TOK_QUOTE_OPEN && j == content && np->def) { /* le « centre de réconciliation » */
            uint32_t k = j + 1;
            while (k < lim && k - j < 8 && t[k].kind != RC_TOK_QUOTE_CLOSE)
                k++;
            if (k >= lim || t[k].kind != RC_TOK_QUOTE_CLOSE || k == j + 1)
                break;
            if (nruns < 4)
                runs[nruns++] = (run){j + 1, k, false, false, true, -1};
            np->head = HEAD_NAME;
            j = last = k + 1;
            continue;
        }
        if (b & TB_NAME) { /* an entity's first token has TB_NAME */
            int32_t ent = st->ent_of ? st->ent_of[j] : -1;
            if (ent < 0 && j == content && !(b & TB_ACRO) && j + 1 < lim &&
                (ti[j + 1].bits & SL_ROLE) && !(ti[j + 1].bits & TB_NAME)) {
                j++; /* le Premier ministre: a capital before a role noun is part of the role */
                continue;
            }
            uint32_t r0 = j;
            /* l'AFP Karim Haddad: two names side by side are two sources; but a person right
             * after a role's complement is the role's holder (le porte-parole du ministère de
             * l'Intérieur Oleg Marchenko) */
            bool holder = nruns && runs[nruns - 1].after_prep && np->head == SL_ROLE && ent >= 0 &&
                          st->doc->ents[ent].type == RC_ENT_PER;
            if (nruns && runs[nruns - 1].b == j && runs[nruns - 1].a != headtok && !holder)
                break;
            if (ent >= 0)
                j = st->ent_end[ent];
            else {
                j++;
                while (j < lim && j - r0 < 8) {
                    if ((ti[j].bits & TB_NAME) && !(st->ent_of && st->ent_of[j] >= 0) &&
                        !((ti[j].bits ^ ti[j - 1].bits) & TB_ACRO))
                        j++; /* AFP Karim Haddad: an acronym is a name of its own */
                    else if ((ti[j].bits & SL_PARTICLE) && j + 1 < lim &&
                             (ti[j + 1].bits & TB_NAME))
                        j += 2;
                    else
                        break;
                }
            }
            if (j > lim)
                j = lim;
            if (!np->head && (b & SL_ORG) && !after_prep) { /* le Comité international */
                np->head = SL_ORG;
                headtok = r0;
            }
            /* le porte-parole de la police Jean Dupont: a person right after the role's
             * complement holds the role; the complement's noun does not name it */
            if (org_noun && !after_prep && np->head == SL_ROLE && ent >= 0 &&
                st->doc->ents[ent].type == RC_ENT_PER)
                org_noun = false;
            if (nruns < 4)
                runs[nruns++] = (run){r0, j, after_prep || org_noun, org_noun && !after_prep, false,
                                      ent};
            if (!np->head)
                np->head = HEAD_NAME;
            after_prep = org_noun = false;
            nlower = 0;
            last = j;
            continue;
        }
        if (!(b & TB_WORD))
            break;
        if ((b & (SL_ROLE | SL_SRC | SL_ORG | SL_VIA)) && !(b & (SL_STOP | SL_LOC | SL_DET))) {
            if (!np->head) {
                np->head = (b & SL_ROLE)  ? SL_ROLE
                           : (b & SL_SRC) ? SL_SRC
                           : (b & SL_VIA) ? SL_VIA
                                          : SL_ORG;
                headtok = j;
                if (!(np->bits & (SL_FEM | SL_MASC)))
                    np->bits |= b & (SL_FEM | SL_MASC);
            } else if (b & SL_ORG)
                org_noun = true; /* de la télévision panarabe al-Mayadeen */
            j++;
            after_prep = false;
            nlower = 0;
            last = j;
            continue;
        }
        if ((b & SL_PREP) && !(j == content && (b & SL_DET))) {
            if (j + 1 >= lim || (!np->head && !nruns))
                break;
            uint32_t nb = ti[j + 1].bits;
            if (!(nb & TB_WORD) && t[j + 1].kind != RC_TOK_QUOTE_OPEN)
                break;
            if ((nb & (SL_STOP | SL_LOC | SL_VERB | SL_PRON | SL_AUX | SL_ADV | SL_QUE)) &&
                !(nb & (SL_DET | SL_PREP | TB_NAME)))
                break;
            j++;
            if ((ti[j].bits & SL_DET) && !(ti[j].bits & TB_NAME) && j + 1 < lim)
                j++; /* de la, de l' */
            after_prep = true;
            continue;
        }
        uint32_t etd;
        if ((b & SL_CONJ) && (np->head || nruns) && (etd = et_de(st, j, lim)) > 0) {
            j += etd; /* le Forum des familles d'otages et de disparus */
            after_prep = true;
            continue;
        }
        if ((b & SL_LOC) && np->head == SL_ROLE && headtok + 1 == j && j + 1 < lim &&
            (ti[j + 1].bits & TB_WORD) && speaker_grammar_class(st, j, "to") &&
            speaker_noun_class(st, headtok, "to")) {
            j++; /* l'adjoint au maire, le délégué aux droits de l'homme */
            if ((ti[j].bits & SL_DET) && !(ti[j].bits & TB_NAME) && j + 1 < lim)
                j++;
            after_prep = true;
            continue;
        }
        if (b & (SL_STOP | SL_LOC | SL_VERB | SL_AUX | SL_PRON | SL_QUE | SL_REL | SL_CUE | SL_ADV |
                 SL_DET | SL_REFL | SL_PREP))
            break;
        if (t[j].kind != RC_TOK_WORD || ends_with(st, j, "ait", 3) || ends_with(st, j, "aient", 5))
            break;
        if (nlower >= 3 || (!np->head && !nruns && nlower >= 2))
            break;
        if (j + 1 < lim && is_par(st, j + 1))
            break; /* un habitant joint par téléphone: a participle, not an adjective */
        if (after_prep && j + 1 < lim && (ti[j + 1].bits & TB_NAME) &&
            !(j + 2 < lim && (ti[j + 2].bits & TB_NAME)))
            org_noun = true; /* de l'hôpital Nasser: the name is the hospital's */
        nlower++;
        j++;
        if (np->head || nruns)
            last = j;
        after_prep = false;
    }
    if (!np->head || last <= content)
        return false;
    np->b = last;
    /* which run is the name */
    int pick = -1;
    if (np->head == SL_ROLE || np->head == SL_SRC || np->head == SL_ORG) {
        for (int r = 0; r < nruns; r++)
            if (!runs[r].after_prep && runs[r].a > headtok && runs[r].b <= last)
                pick = r;
        if (np->head == SL_ORG) { /* l'agence Reuters: the first free run */
            for (int r = 0; r < nruns; r++)
                if ((!runs[r].after_prep || runs[r].of_noun) && runs[r].a > headtok &&
                    runs[r].b <= last) {
                    pick = r;
                    break;
                }
        }
        if (pick < 0 && np->head == SL_ROLE && nruns && runs[nruns - 1].b == last &&
            runs[nruns - 1].ent < 0 && runs[nruns - 1].b - runs[nruns - 1].a >= 3) {
            /* le porte-parole du Kremlin Dmitri Peskov: the last two words are the person */
            runs[nruns - 1].a = runs[nruns - 1].b - 2;
            pick = nruns - 1;
        }
    } else if (nruns && (runs[0].a == content || runs[0].quoted)) {
        pick = 0;
    }
    if (pick >= 0) {
        np->na = runs[pick].a;
        np->nb = runs[pick].b;
        np->ent = runs[pick].ent;
        if (np->head == SL_ORG && np->nb < last && !runs[pick].quoted && np->ent < 0 &&
            (ti[np->nb].bits & SL_PREP))
            np->nb = last; /* l'ONG Médecins du monde, la radio Voix d'Oran */
        if (np->head == HEAD_NAME) {
            np->ra = np->rb = 0;
            if (runs[pick].quoted || np->nb >= last)
                ;
            else if (content > i || nruns > pick + 1 ||
                     ((ti[np->nb].bits & SL_PREP) && !(ti[np->nb].bits & SL_DET)))
                np->nb = last; /* la Défense civile, Times of Israel, Media de guerre */
            else
                np->b = last = np->nb; /* Amina Saleh dirige: the name ends with its run */
        } else {
            np->ra = content;
            np->rb = np->na;
            while (np->rb > np->ra && (ti[np->rb - 1].bits & (SL_PREP | SL_DET)))
                np->rb--;
            if (np->rb <= np->ra && np->nb < last) { /* the name first, then its role */
                np->ra = np->nb;
                np->rb = last;
            }
        }
    } else { /* a description: une source militaire russe */
        np->ra = desc;
        np->rb = last;
    }
    /* the type */
    if (np->ent >= 0)
        np->type = st->doc->ents[np->ent].type;
    else if (np->head == SL_ORG)
        np->type = RC_ENT_ORG;
    else if (np->na < np->nb && (np->head == SL_ROLE || np->head == SL_SRC))
        np->type = RC_ENT_PER;
    else if (np->head == HEAD_NAME) {
        size_t len;
        const char *w = speaker_tok_text(st, np->na, &len);
        if (content > i || (ti[np->na].bits & (TB_ACRO | SL_ORG)) ||
            (st->agencies && rc_lex_get(st->agencies, w, len)))
            np->type = RC_ENT_ORG; /* a person takes no article: l'Unicef, la Russie */
        else if (runs[0].b - runs[0].a >= 2 && np->nb == runs[0].b)
            np->type = RC_ENT_PER;
        else
            np->type = RC_ENT_MISC;
    }
    return true;
}

/* See speaker.h: an article, then up to four words that are no verb, pronoun or clause word. */
bool speaker_np_loose(const src_state *st, uint32_t i, uint32_t lim, src_np *np)
{
    memset(np, 0, sizeof *np);
    np->ent = -1;
    np->type = RC_ENT_MISC;
    uint32_t j = i;
    if (j < lim && (st->ti[j].bits & SL_DET) && !(st->ti[j].bits & (SL_QTY | TB_NAME)))
        j++;
    uint32_t d = j;
    while (j < lim && j - d < 4 && st->doc->toks[j].kind == RC_TOK_WORD &&
           !(st->ti[j].bits & (SL_STOP | SL_LOC | SL_VERB | SL_AUX | SL_PRON)) &&
           !((st->ti[j].bits & SL_CUE) && !(st->ti[j].bits & SL_PREP)))
        j++;
    while (j > d + 1 && (st->ti[j - 1].bits & (SL_PREP | SL_DET))) /* not ending on "de la" */
        j--;
    if (j == d)
        return false;
    np->a = i;
    np->b = np->rb = j;
    np->ra = d;
    np->head = SL_SRC;
    return true;
}

/* See speaker.h: np_read, lent to the other modules. */
bool speaker_np(const src_state *st, uint32_t i, uint32_t lim, src_np *np)
{
    return np_read(st, i, lim, np);
}

/* See speaker.h: SL_VIA nouns hand over to their "de" complement. */
bool speaker_np_via(const src_state *st, uint32_t lim, src_np *np)
{
    if (np->head != SL_VIA || np->na != np->nb || np->pron)
        return true;
    uint32_t k = np->a; /* de, or par after a participle: un décompte établi par le réseau */
    while (k < np->b && !(st->ti[k].bits & SL_PREP) && !(k > np->a + 1 && is_par(st, k)))
        k++;
    uint32_t p = k;
    /* the phrase stopped before the participle, or before adjectives, an adverb and a time
     * (un bilan officiel encore provisoire donné samedi par le ministre) */
    while (k == np->b && p < lim && p < k + 8) {
        uint32_t te = speaker_time_skip(st, p, lim); /* dressé le 12 mars par */
        if (te > p) {
            p = te;
            continue;
        }
        uint32_t q = p; /* établi jusqu'à 4h00 dimanche par: a preposition before the time */
        while (q < p + 2 && q < lim &&
               ((st->ti[q].bits & (SL_PREP | SL_LOC)) || st->doc->toks[q].kind == RC_TOK_ELISION))
            q++;
        if (q > p && (te = speaker_time_skip(st, q, lim)) > q) {
            p = te;
            continue;
        }
        if (st->doc->toks[p].kind != RC_TOK_WORD || (st->ti[p].bits & (SL_STOP | SL_AUX)) ||
            is_par(st, p))
            break;
        p++;
    }
    if (k == np->b && k + 2 < lim && (st->ti[k].bits & SL_LOC) &&
        speaker_grammar_class(st, k + 1, "hold") && (st->ti[k + 2].bits & SL_PREP))
        k += 2; /* les chiffres en possession du HCR */
    else if (k == np->b && k + 3 < lim && (st->ti[k].bits & SL_PREP) &&
             (st->ti[k + 1].bits & SL_DEF) && (st->ti[k + 2].bits & SL_ADV))
        ; /* the phrase stopped before its complement: un rapport de la même source */
    else if (k == np->b && p > k && p + 1 < lim && is_par(st, p))
        k = p;
    else if (k == np->b && k + 1 < lim && k > np->a + 1 && is_par(st, k))
        ; /* the phrase took the participle */
    else if (k >= np->b || k + 1 >= lim)
        return false;
    if ((st->ti[k + 1].bits & SL_ADV) && !(st->ti[k + 1].bits & (TB_NAME | SL_DET)))
        return false; /* le rapport indique par ailleurs: an adverb, nobody */
    src_np c;
    if (!speaker_np_appos(st, k + 1, lim, &c) && !speaker_np_loose(st, k + 1, lim, &c))
        return false;
    if (c.pron)
        return false;
    uint32_t head = c.ra;
    while (head < c.rb && (st->ti[head].bits & SL_DET))
        head++;
    if (c.na == c.nb && head < c.rb && speaker_grammar_class(st, head, "event"))
        return false; /* le bilan de l'attentat: what is counted, not who counts */
    *np = c;
    return true;
}

/* The end of a parenthetical role after a comma: the next comma, full stop or clause word. */
static uint32_t appos_end(const src_state *st, uint32_t j, uint32_t lim)
{
    uint32_t k = j;
    while (k < lim && k - j < 14 && st->doc->toks[k].kind != RC_TOK_PUNCT &&
           st->doc->toks[k].kind != RC_TOK_QUOTE_OPEN &&
           st->doc->toks[k].kind != RC_TOK_QUOTE_CLOSE &&
           !(st->ti[k].bits & (SL_STOP | SL_VERB | SL_AUX)))
        k++;
    return k;
}

/* The end of a role [a, b) cut before a cue word inside it (une infirmière jointe par l'AFP:
 * the relay is no part of the role, it is read after it). */
static uint32_t role_cut(const src_state *st, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k < b; k++)
        if ((st->ti[k].bits & SL_CUE) && !(st->ti[k].bits & (SL_LOC | SL_PREP | SL_DET)))
            return k;
    return b;
}

/* Whether a role phrase has a complement (le porte-parole du régime): then it is a description
 * of its own, not a person met before. */
bool speaker_role_has_complement(const src_state *st, const src_np *np)
{
    for (uint32_t k = np->ra; k < np->rb; k++)
        if (st->ti[k].bits & SL_PREP)
            return true;
    return false;
}

/* Whether token k is a given name of ent_firstnames.txt. */
static bool first_name(const src_state *st, uint32_t k)
{
    size_t len;
    const char *w = speaker_tok_text(st, k, &len);
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_FIRSTNAMES);
    return lex && rc_lex_get(lex, w, len) != NULL;
}

/* The name in apposition after the comma at token j of a description np (le ministre turc,
 * Mevlüt Çavuşoğlu,): a name that is neither a place nor a body and ends at a mark, or with
 * role_ok a role holding a name (le porte-parole ..., le colonel X,). It becomes np's name, the
 * description its role; np is left as it was when there is none. */
static void appos_name(const src_state *st, uint32_t j, uint32_t lim, bool role_ok, src_np *np)
{
    src_np r;
    if (!np_read(st, j + 1, lim, &r) || r.na >= r.nb || r.type == RC_ENT_ORG)
        return;
    /* a place of the tagger may be a person's name of several words after a person's
     * description (un habitant de Makeen, Gul Khan Mehsud,) */
    bool loc = r.type == RC_ENT_LOC;
    if (loc && !(r.nb - r.na >= 3 || (r.nb - r.na == 2 && first_name(st, r.na))))
        return;
    if ((r.head == HEAD_NAME || (role_ok && r.head == SL_ROLE)) &&
        (r.b >= lim || st->doc->toks[r.b].kind == RC_TOK_PUNCT ||
         ((st->ti[r.b].bits & SL_LOC) && !(st->ti[r.b].bits & SL_DET) && r.na < r.nb &&
          r.nb == r.b && r.type == RC_ENT_PER))) { /* le ministre, Samuel Bello sur Rfi */
        np->na = r.na;
        np->nb = r.nb;
        np->ent = loc ? -1 : r.ent;
        np->b = r.b;
        np->type = r.ent >= 0 && !loc ? r.type : RC_ENT_PER;
    }
}

/* The name in apposition after the comma at token j of an organisation's description with a
 * complement (le service de communication de l'armée, l'Inter-Services Public Relations (ISPR),;
 * un institut de recherche d'Islamabad, le PICSS): a name that ends at a mark, an acronym in
 * brackets allowed after it. It becomes np's name. */
static void appos_org(const src_state *st, uint32_t j, uint32_t lim, src_np *np)
{
    src_np r;
    const rc_token *t = st->doc->toks;
    if (!np_read(st, j + 1, lim, &r) || r.pron || r.type == RC_ENT_LOC)
        return;
    if (r.na >= r.nb && r.head == SL_ORG && r.ra < r.rb && (st->ti[r.ra].bits & TB_NAME)) {
        r.na = r.ra; /* l'Office central de coordination: a name that starts with its kind */
        r.nb = r.rb;
    }
    if (r.na >= r.nb || (r.head != HEAD_NAME && r.head != SL_ORG) ||
        r.na != r.a + (r.a < r.na))
        return;
    uint32_t e = r.b;
    if (e + 2 < lim && speaker_punct(st, e, '(') && speaker_punct(st, e + 2, ')'))
        e += 3; /* (ISPR) */
    if (e < lim && t[e].kind != RC_TOK_PUNCT)
        return;
    np->na = r.na;
    np->nb = r.nb;
    np->ent = r.ent >= 0 && st->doc->ents[r.ent].type == RC_ENT_ORG ? r.ent : -1;
    np->b = e;
    np->type = RC_ENT_ORG;
}

/* See speaker.h: a name or an organisation in apposition, between commas. */
/* See speaker.h: after the comma that follows a name, a figure opens the clause the name vouches
 * for, no role of the name. */
bool speaker_starts_figure(const src_state *st, uint32_t k)
{
    const rc_doc *d = st->doc;
    if (d->toks[k].kind == RC_TOK_NUMBER || (st->ti[k].bits & SL_QTY))
        return true;
    size_t n = RC_FIRST_STARTING(rc_number, d->nums, d->nnums, d->toks[k].start);
    return n < d->nnums && d->nums[n].start == d->toks[k].start;
}

bool speaker_np_appos(const src_state *st, uint32_t i, uint32_t lim, src_np *np)
{
    if (!np_read(st, i, lim, np))
        return false;
    uint32_t j = np->b;
    const srclex_info *ti = st->ti;
    bool named = np->na < np->nb;
    if (!named && !np->pron && (np->head == SL_ROLE || np->head == SL_SRC) && j + 1 < lim &&
        (ti[j].bits & SL_LOC) && !(ti[j].bits & SL_DET) && (ti[j + 1].bits & TB_NAME)) {
        uint32_t k = appos_end(st, j + 1, lim); /* la représentante de l'ONU en Haïti, X */
        if (k + 1 < lim && k - j <= 4 && speaker_punct(st, k, ',')) {
            src_np r;
            if (np_read(st, k + 1, lim, &r) && r.na < r.nb && r.type != RC_ENT_ORG &&
                (r.head == HEAD_NAME || r.head == SL_ROLE) &&
                (r.b >= lim || st->doc->toks[r.b].kind == RC_TOK_PUNCT)) {
                np->rb = k;
                j = k;
            }
        }
    }
    if (np->pron || j + 1 >= lim || !speaker_punct(st, j, ','))
        return true;
    if (named && np->ra == np->rb) {
        if ((ti[j + 1].bits & SL_PREP) && !(ti[j + 1].bits & SL_DET)) {
            uint32_t k = appos_end(st, j + 1, lim); /* Marta Ilves, du CICR, */
            if (k > j + 2) {
                np->ra = j + 1;
                np->rb = k;
                np->b = k;
                if (np->type == RC_ENT_MISC)
                    np->type = RC_ENT_PER;
            }
            return true;
        }
        src_np r;
        if (!speaker_starts_figure(st, j + 1) && np_read(st, j + 1, lim, &r) && !r.pron &&
            r.na == r.nb && (r.head == SL_ROLE || r.head == SL_SRC)) {
            np->ra = r.ra;
            if (!(np->bits & (SL_FEM | SL_MASC))) /* X, un responsable: il, not elle */
                np->bits |= r.bits & (SL_FEM | SL_MASC);
            uint32_t k = role_cut(st, r.ra, appos_end(st, r.b, lim)); /* le chef ... en Syrie */
            np->rb = np->b = k;
            if (np->type == RC_ENT_MISC)
                np->type = RC_ENT_PER;
        }
    } else if (!named && (np->head == SL_ROLE || np->head == SL_SRC)) {
        appos_name(st, j, lim, true, np); /* le ministre turc, Mevlüt Çavuşoğlu, */
    } else if (!named && np->head == SL_ORG && speaker_role_has_complement(st, np)) {
        appos_org(st, j, lim, np); /* un institut de recherche d'Islamabad, le PICSS */
    }
    return true;
}

/* Whether token k ends a name read leftwards: punctuation, quotes, clause words, verbs. */
static bool left_boundary(const src_state *st, uint32_t k)
{
    const rc_token *t = &st->doc->toks[k];
    uint32_t b = st->ti[k].bits;
    if (t->kind == RC_TOK_PUNCT || t->kind == RC_TOK_QUOTE_OPEN || t->kind == RC_TOK_QUOTE_CLOSE ||
        t->kind == RC_TOK_ELLIPSIS)
        return true;
    if (b & TB_NAME)
        return false;
    if ((b & SL_CUE) && !(b & (SL_LOC | SL_PREP)))
        return true;
    if ((b & SL_CONJ) && et_de(st, k, st->doc->ntoks))
        return false; /* d'otages et de disparus */
    return (b & (SL_STOP | SL_VERB | SL_AUX | SL_QUE | SL_REL | SL_PRON)) != 0;
}

/* The source phrase that ends at token e (inclusive), read from the clause boundary before it. */
static bool np_ending_at(const src_state *st, uint32_t e, uint32_t s0, src_np *np)
{
    if (e < s0 || e == UINT32_MAX)
        return false;
    uint32_t lo = e >= s0 + LOOKBACK ? e - LOOKBACK : s0, k = e;
    while (k > lo && !left_boundary(st, k - 1))
        k--;
    if (left_boundary(st, k) && k < e)
        k++;
    for (uint32_t s = k; s <= e; s++)
        if (np_read(st, s, e + 1, np))
            return true;
    return false;
}

/* A role in the stretch before a comma at token c: "le chef du groupe de travail, X". */
static bool role_before(const src_state *st, uint32_t c, uint32_t s0, uint32_t *ra, uint32_t *rb)
{
    uint32_t lo = c >= s0 + LOOKBACK ? c - LOOKBACK : s0, k = c;
    while (k > lo && !left_boundary(st, k - 1))
        k--;
    for (uint32_t s = k; s < c; s++)
        if (st->ti[s].bits & SL_ROLE) {
            *ra = s;
            *rb = c;
            return true;
        }
    return false;
}

/* Whether tokens [a, b), between commas, are an aside that names nobody: an age (34 ans: a
 * figure and a year unit of the time vocabulary), a clause opened by a past participle (arrivé
 * au Bangladesh sur un bateau de pêche) or a relative clause (qui ont porté secours au navire). */
static bool speaker_aside(const src_state *st, uint32_t a, uint32_t b)
{
    const rc_token *t = st->doc->toks;
    if (a >= b)
        return false;
    if ((st->ti[a].bits & SL_REL) && !(st->ti[a].bits & TB_NAME) && b - a > 2)
        return true;
    if (t[a].kind == RC_TOK_NUMBER && b - a == 2 && t[a + 1].kind == RC_TOK_WORD) {
        const char *u = rc_lex_get(srclex_lex(st->sl, SLX_TIMES),
                                   st->doc->text + t[a + 1].start, t[a + 1].end - t[a + 1].start);
        return u && strcmp(u, "unit Y") == 0;
    }
    rc_morph m;
    return t[a].kind == RC_TOK_WORD && !(st->ti[a].bits & (TB_NAME | SL_ROLE | SL_SRC | SL_ORG)) &&
           rc_fr_morph_tok(st->doc, a, &m) && (m.flags & RC_M_PPAS) &&
           !(m.flags & (RC_M_NOUN | RC_M_IND | RC_M_IMPF | RC_M_PSIM | RC_M_FUT | RC_M_COND));
}

/* The first token of a participle's clause of a few words, without a name, that ends at token
 * k just before a verb and follows its subject (Le communiqué diffusé lundi soir affirme; un
 * responsable joint par téléphone assure): the subject ends before it. UINT32_MAX: none. */
static uint32_t participle_clause(const src_state *st, uint32_t k, uint32_t s0)
{
    const rc_token *t = st->doc->toks;
    const srclex_info *ti = st->ti;
    for (uint32_t p = k + 1; p > s0 + 1 && k + 1 - p < 5;) {
        p--;
        uint32_t b = ti[p].bits;
        if (t[p].kind != RC_TOK_WORD && t[p].kind != RC_TOK_ELISION)
            return UINT32_MAX;
        if (b & (TB_NAME | SL_VERB | SL_AUX | SL_STOP | SL_QUE | SL_REL | SL_PRON))
            return UINT32_MAX;
        rc_morph m;
        /* a noun that is a participle too, right after the subject's noun (des enquêteurs
         * envoyés par le parquet): the participle */
        uint32_t noun = b & (SL_ROLE | SL_SRC | SL_ORG | SL_VIA);
        if (noun && (ti[p - 1].bits & (SL_ROLE | SL_SRC | SL_ORG)) && !(b & (SL_DET | SL_PREP)))
            noun = 0;
        if (p < k && !noun && !(b & (SL_DET | SL_PREP | SL_LOC)) &&
            rc_fr_morph_tok(st->doc, p, &m) && (m.flags & RC_M_PPAS) &&
            (t[p - 1].kind == RC_TOK_WORD))
            return p;
    }
    return UINT32_MAX;
}

/* See speaker.h: each look back is bounded (LOOKBACK tokens). */
/* Des sources militaires et humanitaires ont fait état: the leftward reading stops at the last
 * word, an adjective (that may be a noun too) joined by et to a description before it; the
 * description takes it. */
static void joint_adjective_left(const src_state *st, uint32_t s0, src_np *np)
{
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    uint32_t k = np->a;
    rc_morph m;
    if (np->b != k + 1 || np->na < np->nb || k < s0 + 3 || !(ti[k - 1].bits & SL_CONJ) ||
        t[k - 2].kind != RC_TOK_WORD || (ti[k - 2].bits & (TB_NAME | SL_ROLE)) ||
        !rc_fr_morph_tok(st->doc, k, &m) || !(m.flags & RC_M_ADJ) ||
        !rc_fr_morph_tok(st->doc, k - 2, &m) || !(m.flags & RC_M_ADJ))
        return;
    src_np before;
    if (!np_ending_at(st, k - 2, s0, &before) || before.na < before.nb || before.pron ||
        (before.head != SL_SRC && before.head != SL_ROLE) || before.b != k - 1)
        return;
    uint32_t b = np->b;
    *np = before;
    np->b = b;
    np->rb = b;
    np->bits |= SL_PLUR & ti[b - 1].bits;
}

bool speaker_subject_left(const src_state *st, uint32_t g, uint32_t s0, src_np *np)
{
    const srclex_info *ti = st->ti;
    uint32_t j = g;
    for (int n = 0; j > s0 && n < 6; n++) {
        if ((ti[j - 1].bits & (SL_ADV | SL_REFL)) && !(ti[j - 1].bits & TB_NAME))
            j--;
        else if (st->doc->toks[j - 1].kind == RC_TOK_ELISION && (ti[j - 1].bits & SL_PREP) &&
                 (ti[j].bits & SL_ADV))
            j--; /* d'ailleurs */
        else
            break;
    }
    if (j <= s0)
        return false;
    uint32_t k = j - 1;
    if (speaker_punct(st, k, ')')) { /* Le Front (ex-Front al-Nosra) demande */
        uint32_t p = k;
        while (p > s0 && k - p < LOOKBACK && !speaker_punct(st, p, '('))
            p--;
        if (p > s0 && speaker_punct(st, p, '(')) {
            /* L'Office de secours ... (UNRWA) estime: the acronym names it whole, where the long
             * name read leftwards may stop at a word of its own (et, pour) */
            if (k == p + 2 && (ti[p + 1].bits & TB_NAME) && np_read(st, p + 1, k, np) &&
                np->na < np->nb && np->type != RC_ENT_LOC && np->type != RC_ENT_PER) {
                np->type = RC_ENT_ORG; /* (UNRWA), (Manul) */
                return true;
            }
            k = p - 1;
        }
    }
    if ((ti[k].bits & SL_PRON) && !(ti[k].bits & TB_NAME)) {
        /* les syndicats, eux, annonçaient: the stressed pronoun repeats the noun before it */
        if (k > s0 + 1 && speaker_punct(st, k - 1, ',') &&
            speaker_grammar_class(st, k, "stressed") && np_ending_at(st, k - 2, s0, np) &&
            !np->pron)
            return true;
        return np_read(st, k, k + 1, np);
    }
    if (ti[k].bits & SL_REL) { /* X, qui a fait état */
        if (k == s0)
            return false;
        k--;
        if (speaker_punct(st, k, ',') && k > s0)
            k--;
        if (!np_ending_at(st, k, s0, np) || np->b + 3 < k + 1)
            return false; /* the antecedent ends within three tokens of qui, not a phrase that
                           * stopped short earlier (employé des canons à eau … de jeunes qui
                           * demandaient) */
        if (np->na < np->nb && np->ra == np->rb && np->a > s0 + 1 &&
            speaker_punct(st, np->a - 1, ','))
            role_before(st, np->a - 1, s0, &np->ra, &np->rb);
        return true;
    }
    /* asides between commas that name nobody: an age (34 ans), a participle's clause (arrivé au
     * Bangladesh sur un bateau); the subject is before them */
    for (int n = 0; n < 3 && speaker_punct(st, k, ',') && k > s0; n++) {
        uint32_t lo = k >= s0 + LOOKBACK ? k - LOOKBACK : s0, p = k - 1;
        while (p > lo && !speaker_punct(st, p, ',') && st->doc->toks[p].kind != RC_TOK_QUOTE_CLOSE)
            p--;
        if (p <= s0 || !speaker_punct(st, p, ',') || !speaker_aside(st, p + 1, k))
            break;
        k = p;
    }
    if (speaker_punct(st, k, ',') && k > s0) { /* an apposition between commas */
        uint32_t lo = k >= s0 + LOOKBACK ? k - LOOKBACK : s0, p = k - 1;
        while (p > lo && !speaker_punct(st, p, ',') && st->doc->toks[p].kind != RC_TOK_QUOTE_CLOSE)
            p--;
        if (p > s0 && speaker_punct(st, p, ',')) {
            src_np before, seg;
            bool found_before = np_ending_at(st, p - 1, s0, &before);
            if (found_before && before.a > s0 + 1 &&
                speaker_grammar_class(st, before.a - 1, "agent")) {
                /* L'ODL, basé à Paris et dirigé par X, membre de ..., a déclaré: X is the
                 * participle's agent; the subject stands before the participle's comma */
                uint32_t q = before.a - 1;
                while (q > s0 && !speaker_punct(st, q, ','))
                    q--;
                src_np first;
                if (q > s0 && speaker_punct(st, q, ',') && np_ending_at(st, q - 1, s0, &first) &&
                    !first.pron) {
                    *np = first;
                    return true;
                }
            }
            if (found_before) {
                bool segok = np_read(st, p + 1, k, &seg) && !seg.pron;
                if (segok && before.na < before.nb && before.ra == before.rb && seg.na == seg.nb &&
                    (seg.head == SL_ROLE || seg.head == SL_SRC)) {
                    before.ra = seg.ra; /* Sergueï Lavrov, ministre russe ..., a souligné */
                    before.rb = k;
                    if (before.type == RC_ENT_MISC)
                        before.type = RC_ENT_PER;
                } else if (segok && before.na == before.nb &&
                           (before.head == SL_ROLE || before.head == SL_SRC) &&
                           seg.na < seg.nb && seg.type != RC_ENT_ORG &&
                           (seg.head == HEAD_NAME || seg.head == SL_ROLE)) {
                    before.na = seg.na; /* le ministre turc ..., Mevlüt Çavuşoğlu, s'est dit;
                                           le porte-parole ..., le colonel X, a déclaré */
                    before.nb = seg.nb;
                    before.ent = seg.ent;
                    before.type = seg.ent >= 0 ? seg.type : RC_ENT_PER;
                } else if (segok && before.head == SL_ORG && seg.head == HEAD_NAME &&
                           seg.na < seg.nb && seg.type != RC_ENT_PER && seg.type != RC_ENT_LOC) {
                    /* Le parti d'Ousmane Sonko, Pastef, a fait état: the organisation's name */
                    before.na = seg.na;
                    before.nb = seg.nb;
                    before.ent = seg.ent;
                    before.type = RC_ENT_ORG;
                    before.ra = before.rb = 0;
                }
                *np = before;
                return true;
            }
        }
        return np_ending_at(st, k - 1, s0, np);
    }
    uint32_t p = participle_clause(st, k, s0);
    if (p != UINT32_MAX && np_ending_at(st, p - 1, s0, np) && np->b == p && !np->pron) {
        joint_adjective_left(st, s0, np);
        return true;
    }
    if (!np_ending_at(st, k, s0, np))
        return false;
    bool place = np->type == RC_ENT_LOC;
    for (uint32_t q = np->a; q < np->b && !place && st->ent_of && np->head != SL_ROLE &&
                             np->head != SL_SRC && np->head != SL_ORG;
         q++)
        place = (ti[q].bits & TB_NAME) && st->ent_of[q] >= 0 && /* kept for names only */
                st->doc->ents[st->ent_of[q]].type == RC_ENT_LOC;
    if (place && np->a > s0 && (ti[np->a - 1].bits & (SL_PREP | SL_LOC)) &&
        !speaker_grammar_class(st, np->a - 1, "agent"))
        return false; /* le bilan de l'attaque de Djibo, dans la province du Soum faisait état:
                       * a place after a preposition is a complement, the subject stands before */
    if (np->a > s0 + 1 && (ti[np->a - 1].bits & SL_LOC) &&
        !(ti[np->a - 1].bits & (SL_DET | SL_PREP | TB_NAME)) &&
        !speaker_grammar_class(st, np->a - 1, "agent")) {
        /* le bilan de l'attentat survenu à Bagdad fait état; des responsables à Kankara ont
         * dit: the name after à is a place's complement; the subject stands before it, and
         * before a participle that takes the place (after par, the agent may speak: le bilan
         * officiel donné par le ministère fait état) */
        uint32_t q = np->a - 1;
        rc_morph m;
        if (q > s0 + 1 && st->doc->toks[q - 1].kind == RC_TOK_WORD &&
            !(ti[q - 1].bits & (TB_NAME | SL_ROLE | SL_SRC | SL_ORG)) &&
            rc_fr_morph_tok(st->doc, q - 1, &m) && (m.flags & RC_M_PPAS))
            q--;
        if (!np_ending_at(st, q - 1, s0, np) || np->b != q)
            return false;
    }
    joint_adjective_left(st, s0, np);
    return true;
}

/* A description read loosely, then a name in apposition that ends the clause (rétorque une
 * voisine, Svitlana Kovalenko, 63 ans): the name speaks, the description is its role. */
static void loose_appos(const src_state *st, uint32_t lim, src_np *np)
{
    if (np->b + 1 < lim && speaker_punct(st, np->b, ','))
        appos_name(st, np->b, lim, false, np);
}

/* After a preposition and its article (sur le, à la), the lower-case words of a channel or an
 * audience and then a name: returns the name's token, or k when the words do not end on a name
 * (sur le même réseau Michel Lacombe; à la presse locale Ali Hassan). */
static uint32_t skip_channel(const src_state *st, uint32_t k, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    uint32_t j = k;
    while (j < lim && j - k < 3 && st->doc->toks[j].kind == RC_TOK_WORD &&
           !(ti[j].bits & (TB_NAME | SL_STOP | SL_VERB | SL_AUX | SL_PRON | SL_DET | SL_PREP |
                           SL_LOC | SL_QUE | SL_REL)))
        j++;
    if (j == k || j >= lim || !(ti[j].bits & TB_NAME))
        return k;
    /* sur la messagerie Telegram le gouverneur X: the channel's name, then the subject */
    uint32_t r = j;
    while (r < lim && r - j < 3 && (ti[r].bits & TB_NAME))
        r++;
    if (r + 1 < lim && (ti[r].bits & SL_DET) && !(ti[r].bits & (TB_NAME | SL_PREP)) &&
        (ti[r + 1].bits & (SL_ROLE | SL_SRC | SL_ORG)))
        return r;
    return !(ti[j].bits & TB_ACRO) ? j : k;
}

/* Whether a subject may start at token k after a complement: a name that is no acronym, or an
 * article that reads a source (le commissaire, le Dr X). */
static bool subject_start(const src_state *st, uint32_t k, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    if (k >= lim)
        return false;
    if ((ti[k].bits & TB_NAME) && !(ti[k].bits & TB_ACRO))
        return true;
    src_np np;
    return (ti[k].bits & SL_DET) && !(ti[k].bits & (TB_NAME | SL_PREP)) &&
           np_read(st, k, lim, &np) && !np.pron;
}

/* At the comma at token k, an aside that a preposition opens and a comma closes (, par messages
 * WhatsApp,) before a subject: returns the subject's first token, or k. */
static uint32_t skip_aside(const src_state *st, uint32_t k, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    if (k + 2 >= lim || !speaker_punct(st, k, ',') || !(ti[k + 1].bits & SL_LOC) ||
        (ti[k + 1].bits & SL_DET))
        return k;
    uint32_t m = k + 2;
    while (m < lim && m - k < 8 && t[m].kind != RC_TOK_PUNCT &&
           !(ti[m].bits & (SL_STOP | SL_VERB)))
        m++;
    if (m + 1 >= lim || !speaker_punct(st, m, ',') || !subject_start(st, m + 1, lim))
        return k;
    return m + 1;
}

/* After a preposition at j, a complement of manner or audience that names no source (au
 * téléphone, devant la foule, à notre blog, au micro de la radio) and, after it, the subject of
 * an inverted verb: returns the subject's first token, a name or an article that reads a source
 * (a assuré au téléphone Ruslan Aliyev; a affirmé devant la foule le commissaire). An aside
 * between commas opened by a preposition may follow the complement (à notre blog, par
 * messages, le Dr X). Returns j when the words there do not end so. */
static uint32_t skip_circumstance(const src_state *st, uint32_t j, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    const uint32_t gram = TB_NAME | SL_DET | SL_PREP | SL_LOC | SL_STOP | SL_AUX | SL_PRON |
                          SL_CUE | SL_VERB | SL_QUE | SL_REL | SL_REFL;
    uint32_t k = j + 1;
    if (k < lim && (ti[k].bits & SL_DET) && !(ti[k].bits & (TB_NAME | SL_QTY | SL_PREP)))
        k++;
    uint32_t w = k;
    while (k < lim && k - w < 3 && t[k].kind == RC_TOK_WORD && !(ti[k].bits & gram))
        k++;
    if (k == w || k + 1 >= lim)
        return j;
    if (speaker_punct(st, k, ','))
        return skip_aside(st, k, lim) > k ? skip_aside(st, k, lim) : j;
    return subject_start(st, k, lim) ? k : j;
}

/* See speaker.h: the words between the verb and its subject are skipped first. */
bool speaker_subject_right(const src_state *st, uint32_t j, uint32_t lim, bool loose, src_np *np)
{
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    for (int n = 0; j < lim && n < 8; n++) {
        uint32_t b = ti[j].bits, name;
        if ((b & SL_ADV) && !(b & TB_NAME))
            j++;
        else if (t[j].kind == RC_TOK_TIME || t[j].kind == RC_TOK_DATE)
            j++;
        else if ((name = speaker_time_skip(st, j, lim)) > j)
            j = name; /* a annoncé lundi 1er juillet la commission: the date */
        else if ((b & SL_LOC) && !(b & SL_PREP) && j + 1 < lim && (ti[j + 1].bits & TB_NAME) &&
                 !(ti[j + 1].bits & TB_ACRO)) {
            uint32_t r = j + 1; /* à Genève; à Genève Paul Mercier: a place, then the name */
            while (r < lim && (ti[r].bits & TB_NAME) && r - j < 8)
                r++;
            j = r - (j + 1) >= 3 ? j + 2 : r;
        } else if ((b & SL_PREP) && t[j].kind == RC_TOK_ELISION && j + 1 < lim &&
                   (ti[j + 1].bits & SL_ADV))
            j += 2; /* d'ailleurs */
        else if ((b & SL_LOC) && !(b & SL_PREP) && j + 3 < lim && (ti[j + 1].bits & SL_DET) &&
                 !(ti[j + 1].bits & TB_NAME) && (name = skip_channel(st, j + 2, lim)) > j + 2)
            j = name; /* a écrit sur le même réseau Michel Lacombe */
        else if ((b & SL_LOC) && j + 2 < lim && is_par(st, j) &&
                 t[j + 1].kind == RC_TOK_WORD &&
                 !(ti[j + 1].bits & (TB_NAME | SL_DET | SL_PREP | SL_ROLE | SL_SRC | SL_ORG)))
            j += 2; /* témoigne par téléphone Abdou */
        else if ((b & SL_LOC) && !(b & SL_DET) && (name = skip_circumstance(st, j, lim)) > j)
            j = name; /* a assuré au téléphone X; a affirmé devant la foule le commissaire */
        else if ((name = skip_aside(st, j, lim)) > j)
            j = name; /* a confié à notre blog, par messages, le Dr X */
        else
            break;
    }
    if (j < lim && (ti[j].bits & SL_LOC) && !(ti[j].bits & SL_DET)) {
        src_np first; /* a déclaré aux journalistes le porte-parole: skip who was spoken to */
        if (np_read(st, j + 1, lim, &first) && !first.pron && first.b < lim &&
            (ti[first.b].bits & SL_DET) && speaker_np_appos(st, first.b, lim, np) && !np->pron)
            return true;
    }
    if (speaker_np_appos(st, j, lim, np) && !np->pron)
        return true;
    if (!speaker_np_loose(st, j, lim, np) || (ti[j].bits & TB_NAME) || !(ti[j].bits & SL_DET))
        return false;
    if (loose) {
        loose_appos(st, lim, np);
        return true; /* raconte cette mère de famille */
    }
    /* else a definite description that ends the clause and starts with a noun of the
     * dictionary: ont indiqué à l'AFP les garde-côtes estréviens */
    uint32_t e = np->b;
    bool ends = e >= lim || (t[e].kind == RC_TOK_PUNCT &&
                             strchr(".,;:!?", st->doc->text[t[e].start]) != NULL);
    rc_morph m;
    if (!ends || !(ti[j].bits & SL_DEF) || !rc_fr_morph_tok(st->doc, np->ra, &m) ||
        !(m.flags & RC_M_NOUN) || (m.flags & (RC_M_PROPER | RC_M_VERB)))
        return false;
    loose_appos(st, lim, np);
    np->guessed = 1;
    return true;
}

/* See speaker.h. */
uint32_t speaker_name_split(const src_state *st, uint32_t na, uint32_t nb, bool kind)
{
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    if (nb < na + 2 || nb - na > 8)
        return 0;
    const char *tx = st->doc->text;
    const rc_lexicon *orgs = srclex_lex(st->sl, SLX_ORGS);
    size_t n = t[nb - 1].end - t[na].start;
    if ((orgs && rc_lex_get(orgs, tx + t[na].start, n)) ||
        (st->agencies && rc_lex_get(st->agencies, tx + t[na].start, n)))
        return 0; /* a name the lists know whole: Agence France Presse */
    if ((ti[na].bits & TB_ACRO) && !(ti[na + 1].bits & TB_ACRO))
        return na + 1; /* l'AFP Bukar Kolo */
    if (!first_name(st, na))
        for (uint32_t p = na + 1; p + 1 < nb; p++)
            if (nb - p <= 3 && first_name(st, p))
                return p; /* Radio Ndeke Luka Clarisse Yakité */
    if ((kind || (ti[na].bits & SL_ORG)) && nb - na >= 3)
        return nb - 2; /* au média Suspilne Iryna Tkachenko: a person's two words */
    return 0;
}

/* See speaker.h: "ana" in the noun's source_nouns.tsv entry. */
bool speaker_anaphor(const src_state *st, uint32_t k)
{
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_NOUNS);
    size_t len;
    const char *w = speaker_tok_text(st, k, &len);
    const char *v = lex ? rc_lex_get(lex, w, len) : NULL;
    return v && strstr(v, "ana") != NULL;
}
