/*
 * speaker.c - making the speaker a source's phrase names (speaker_np.c reads the phrase): its
 * name, role and type as strings, with pronouns, surnames, roles alone and organisation nouns
 * (le groupe, l'ONG) resolved against the memory of recent speakers and the entities of the
 * document; and that memory, fed by the sources named and by the names that look like the
 * subject of a clause.
 */
#include <assert.h>
#include <string.h>

#include "extract/speaker_int.h"
#include "util/fold.h"

/* Copies tokens [a, b) of the text into the arena. */
static char *span_dup(src_state *st, uint32_t a, uint32_t b)
{
    assert(a < b && b <= st->doc->ntoks);
    const rc_token *t = st->doc->toks;
    return rc_arena_strndup(&st->doc->arena, st->doc->text + t[a].start, t[b - 1].end - t[a].start);
}

/* The last word of a name, for matching a surname against a full name. */
static const char *last_word(const char *s)
{
    const char *w = strrchr(s, ' ');
    return w ? w + 1 : s;
}

/* Folded comparison of two short strings. */
static bool folded_eq(const char *a, size_t an, const char *b, size_t bn)
{
    char fa[128], fb[128];
    size_t la = rc_fold(a, an, fa, sizeof fa), lb = rc_fold(b, bn, fb, sizeof fb);
    return la <= sizeof fa && la == lb && memcmp(fa, fb, la) == 0;
}

/* A name that starts with the kind of its organisation ("ONG Amnesty International", kept so
 * by the entities stage) is named without it, as "l'agence Reuters" is "Reuters": the part
 * after the kind noun (lower case or an acronym), or name itself. */
static const char *drop_org_kind(const src_state *st, const char *name)
{
    const char *sp = strchr(name, ' ');
    if (!sp || !sp[1] || !(sp[1] >= 'A' && sp[1] <= 'Z'))
        return name;
    size_t n = (size_t)(sp - name);
    if (name[0] >= 'A' && name[0] <= 'Z' && !speaker_is_acronym(name, n))
        return name; /* Radio Okapi, Agence France-Presse: the kind is part of the name */
    srclex_info w = srclex_word(st->sl, name, n);
    return (w.bits & SL_ORG) && !(w.bits & (SL_ROLE | SL_SRC)) ? sp + 1 : name;
}

/* The classes of ent_orgs.tsv an organisation must have for the org noun at token k to stand
 * for it (le groupe: armed; l'ONG: ngo): the words after "grp" in the noun's source_nouns.tsv
 * entry, or NULL when the noun names no group. */
static const char *group_classes(const src_state *st, uint32_t k)
{
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_NOUNS);
    size_t len;
    const char *w = speaker_tok_text(st, k, &len);
    const char *v = lex ? rc_lex_get(lex, w, len) : NULL;
    const char *g = v ? strstr(v, "grp") : NULL;
    return g ? g + 3 : NULL;
}

/* Whether the class word at v (a class of ent_orgs.tsv, up to a space or a tab) is cls. */
static bool class_is(const char *v, const char *cls)
{
    size_t n = strlen(cls);
    return v && !strncmp(v, cls, n) && (!v[n] || v[n] == ' ' || v[n] == '\t');
}

/* The ent_orgs.tsv class of the organisation called name[0..n), or NULL when the list does not
 * know it. */
static const char *org_class(const src_state *st, const char *name, size_t n)
{
    const rc_lexicon *orgs = srclex_lex(st->sl, SLX_ORGS);
    return orgs ? rc_lex_get(orgs, name, n) : NULL;
}

/* The class of ent_orgs.tsv that the source_nouns.tsv entry of word w[0..n) gives after "is"
 * (comité: ngo; chaîne: media), or NULL. */
static const char *noun_is_class(const src_state *st, const char *w, size_t n)
{
    const rc_lexicon *nouns = srclex_lex(st->sl, SLX_NOUNS);
    const char *v = nouns ? rc_lex_get(nouns, w, n) : NULL;
    const char *is = v ? strstr(v, " is ") : NULL;
    return is ? is + 4 : NULL;
}

/* Whether the organisation called name is an outlet (ent_orgs.tsv class agency or media, or a
 * news agency of dateline_agencies.txt), which relays and is no group. */
static bool org_outlet(const src_state *st, const char *name)
{
    size_t n = strlen(name);
    const char *v = org_class(st, name, n);
    if (class_is(v, "agency") || class_is(v, "media"))
        return true;
    return st->agencies && rc_lex_get(st->agencies, name, n);
}

/* See speaker.h. */
bool speaker_np_social(const src_state *st, const char *name)
{
    return name && class_is(org_class(st, name, strlen(name)), "social");
}

/* See speaker.h. */
bool speaker_np_outlet(const src_state *st, const src_np *np, const char *name)
{
    if (name && speaker_np_social(st, name))
        return false; /* sur une chaîne Telegram: a channel anyone may open */
    if (name && org_outlet(st, name))
        return true;
    if (np->ra == np->rb || np->na == np->nb)
        return false; /* sur la radio nationale: no outlet named */
    size_t len;
    const char *w = speaker_tok_text(st, np->ra, &len);
    return class_is(noun_is_class(st, w, len), "media");
}

/* Whether organisation en may be what a group noun stands for: ent_orgs.tsv gives it one of the
 * noun's classes (Hezbollah is armed: le mouvement chiite; MSF is ngo: l'ONG). An organisation
 * the list does not know takes the class that its first word's source_nouns.tsv entry gives
 * after "is" (le Comité de défense des droits ...: ngo), or none: the nearest one of any kind is
 * too often another. */
static bool group_antecedent(const src_state *st, const rc_entity *en, const char *classes)
{
    const char *v = org_class(st, en->canon, strlen(en->canon));
    if (!v)
        v = noun_is_class(st, en->canon, strcspn(en->canon, " '"));
    if (!v)
        return false;
    size_t n = strcspn(v, " \t");
    for (const char *c = classes; *c;) {
        while (*c == ' ')
            c++;
        size_t m = strcspn(c, " ");
        if (m && m == n && !strncmp(c, v, n))
            return true;
        c += m;
    }
    return false;
}

/* Whether the word right before byte off is a preposition of source_grammar.tsv (prep or loc:
 * de, du, à, au), so that what starts at off is a complement. */
static bool after_preposition(const src_state *st, uint32_t off)
{
    const char *tx = st->doc->text;
    uint32_t b = off, a;
    if (b >= 2 && tx[b - 1] == '\'')
        a = b - 1; /* d' */
    else if (b >= 2 && tx[b - 1] == ' ')
        a = --b;
    else
        return false;
    while (a > 0 && tx[a - 1] != ' ' && tx[a - 1] != '\n')
        a--;
    srclex_info w = srclex_word(st->sl, tx + a, b - a);
    return (w.bits & (SL_PREP | SL_LOC)) != 0;
}

/* The nearest organisation among the entities before index lo that start at or after byte near:
 * of one of the group classes, or with classes NULL any that is no outlet. One named as a
 * complement (lié à Al-Qaïda, les tirs du Hezbollah) is taken only when no other fits. -1:
 * none. */
static int32_t nearest_org(const src_state *st, size_t lo, uint32_t near, const char *classes)
{
    const rc_doc *d = st->doc;
    int32_t comp = -1;
    for (size_t e = lo; e-- > 0;) {
        const rc_entity *en = &d->ents[e];
        if (en->start < near)
            break;
        if (en->type != RC_ENT_ORG ||
            (classes ? !group_antecedent(st, en, classes) : org_outlet(st, en->canon)))
            continue;
        if (!after_preposition(st, en->start))
            return (int32_t)e;
        if (comp < 0)
            comp = (int32_t)e;
    }
    return comp;
}

/* The organisation that "l'agence" or "le ministère" at token k stands for: the nearest entity
 * of the back sentences before (three; twelve after "même") that starts with the same noun (le ministère -> ministère de la
 * Santé) or follows it (l'agence Tass). The nearest organisation of any kind is too often
 * another one, but a group noun (le mouvement chiite, l'ONG basée à Londres) stands for the
 * nearest organisation of the two sentences before that may be a group (group_antecedent).
 * -1: none. */
static int32_t org_antecedent(const src_state *st, uint32_t k, uint32_t sent, uint32_t back)
{
    const rc_doc *d = st->doc;
    uint32_t at = d->toks[k].start;
    uint32_t from = d->sents[sent >= back ? sent - back : 0].start;
    size_t nlen;
    const char *noun = speaker_tok_text(st, k, &nlen);
    size_t lo = RC_FIRST_STARTING(rc_entity, d->ents, d->nents, at); /* the first at or after k */
    for (size_t e = lo; e-- > 0;) {
        const rc_entity *en = &d->ents[e];
        if (en->start < from)
            break;
        if (en->type != RC_ENT_ORG)
            continue;
        const char *sp = strchr(en->canon, ' ');
        size_t fl = sp ? (size_t)(sp - en->canon) : strlen(en->canon);
        const char *tx = d->text;
        size_t wl = strcspn(tx + en->start, " '");
        if (folded_eq(en->canon, fl, noun, nlen) ||
            (wl < en->end - en->start && folded_eq(tx + en->start, wl, noun, nlen)))
            return (int32_t)e; /* le Groupe de soutien à l'islam (JNIM) ... le groupe */
        if (en->start > nlen && tx[en->start - 1] == ' ' &&
            folded_eq(tx + en->start - 1 - nlen, nlen, noun, nlen))
            return (int32_t)e; /* l'agence Tass ... l'agence */
    }
    const char *classes = group_classes(st, k);
    if (!classes)
        return -1;
    return nearest_org(st, lo, d->sents[sent >= 1 ? sent - 1 : 0].start, classes);
}

/* The organisation a demonstrative description at token k stands for (cette organisation, cet
 * organisme) when org_antecedent finds none of its kind: the nearest organisation of the
 * sentence or the one before that is no outlet, one named as a complement only when no other
 * is. The demonstrative points back; the bare "l'organisation" does not, and stays as it is.
 * -1: none. */
static int32_t dem_antecedent(const src_state *st, uint32_t k, uint32_t sent)
{
    const rc_doc *d = st->doc;
    size_t lo = RC_FIRST_STARTING(rc_entity, d->ents, d->nents, d->toks[k].start);
    return nearest_org(st, lo, d->sents[sent >= 1 ? sent - 1 : 0].start, NULL);
}

/* Whether token k is a demonstrative (ce, cet, cette): "dem" in its source_grammar.tsv entry. */
static bool is_demonstrative(const src_state *st, uint32_t k)
{
    return speaker_grammar_class(st, k, "dem");
}

/* The sentence of phrase np, kept in *sent (UINT32_MAX: not asked yet). */
static inline uint32_t np_sent(const src_state *st, const src_np *np, uint32_t *sent)
{
    if (*sent == UINT32_MAX)
        *sent = speaker_sent_of(st, np->a);
    return *sent;
}

/* The group a plural pronoun with no speaker before it stands for: the name that opens the
 * sentence before after a plural definite article, or as its noun's complement (Les Houthis
 * ont revendiqué ...; Les rebelles du M23 ont pris ...), an organisation or a name of no known
 * type, never a place or a person. A group written in lower case (les shebab) is no entity and
 * is not found. -1: none. */
static int32_t plural_subject(const src_state *st, uint32_t sent)
{
    const rc_doc *d = st->doc;
    if (sent == 0 || sent >= d->nsents)
        return -1;
    uint32_t a = st->sent_tok[sent - 1];
    if (a + 1 >= d->ntoks || !(st->ti[a].bits & SL_DEF) || !(st->ti[a].bits & SL_PLUR))
        return -1;
    /* the name right after the article, or as the complement of its noun (Les rebelles du M23) */
    for (uint32_t k = a + 1; k < d->ntoks && k < a + 5; k++) {
        if (d->toks[k].kind != RC_TOK_WORD && d->toks[k].kind != RC_TOK_ELISION)
            return -1;
        if (st->ti[k].bits & (SL_AUX | SL_VERB | SL_STOP))
            return -1;
        size_t e = RC_FIRST_STARTING(rc_entity, d->ents, d->nents, d->toks[k].start);
        if (e < d->nents && d->ents[e].start == d->toks[k].start)
            return d->ents[e].type == RC_ENT_ORG || d->ents[e].type == RC_ENT_MISC ? (int32_t)e
                                                                                   : -1;
    }
    return -1;
}

/* See speaker.h: a pronoun, surname, role alone or organisation noun is resolved against the
 * memory and the document's entities. */
int speaker_make(src_state *st, const src_np *np, rc_speaker *out)
{
    /* a phrase that was read: a pronoun, a name or a description, never an empty span */
    assert(np->a < np->b && (np->pron || np->na < np->nb || np->ra < np->rb));
    memset(out, 0, sizeof *out);
    const rc_token *t = st->doc->toks;
    uint32_t sent = UINT32_MAX; /* the phrase's sentence, asked only by the branches that read
                                 * the memory (np_sent) */
    out->start = t[np->a].start;
    out->end = t[np->b - 1].end;
    if (np->pron) { /* the nearest earlier speaker that fits */
        int32_t g = (np->bits & SL_PLUR) ? plural_subject(st, np_sent(st, np, &sent)) : -1;
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) {
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 4 < np_sent(st, np, &sent) || (g >= 0 && m->sent + 1 < sent))
                break; /* a group that opens the sentence before is nearer (Les rebelles du
                        * M23 ont pris la ville. Ils affirment) */
            bool plural = (np->bits & SL_PLUR) != 0;
            if (plural != ((m->bits & SL_PLUR) != 0))
                continue;
            /* elle: a feminine, or a person or an organisation of unknown gender (l'OIM) */
            if ((np->bits & SL_FEM) && !(m->bits & SL_FEM) &&
                !((m->sp.type == RC_ENT_PER || m->sp.type == RC_ENT_ORG) &&
                  !(m->bits & SL_MASC)))
                continue;
            if ((np->bits & SL_MASC) && !plural && (m->bits & SL_FEM))
                continue;
            /* il: a person, or an organisation named by a masculine noun (le ministère) in this
             * sentence or the one before */
            if ((np->bits & SL_MASC) && !plural && m->sp.type == RC_ENT_ORG &&
                (!(m->bits & SL_MASC) || m->sent + 1 < np_sent(st, np, &sent)))
                continue;
            if (!(np->bits & (SL_FEM | SL_MASC))) /* on */
                continue;
            uint32_t s = out->start, e = out->end;
            *out = m->sp;
            out->start = s;
            out->end = e;
            return RC_OK;
        }
        if (g >= 0) { /* Les Houthis ont pris la ville. Ils évoquent 10 morts. */
            const rc_entity *en = &st->doc->ents[g];
            out->name = en->canon;
            out->key = en->key;
            out->type = en->type;
            return RC_OK;
        }
        return 1;
    }
    bool named = np->na < np->nb;
    if (named) {
        if (np->ent >= 0) {
            const rc_entity *en = &st->doc->ents[np->ent];
            out->name = drop_org_kind(st, en->canon);
            out->key = out->name == en->canon ? en->key : NULL;
        } else if ((out->name = span_dup(st, np->na, np->nb)) != NULL)
            out->name = drop_org_kind(st, out->name);
        if (np->ra < np->rb)
            out->role = span_dup(st, np->ra, np->rb);
    } else if ((out->name = span_dup(st, np->ra, np->rb)) != NULL) {
        out->name = drop_org_kind(st, out->name); /* l'ONG Amnesty International */
    }
    if (!out->name || (np->ra < np->rb && named && !out->role))
        return RC_ENOMEM;
    out->type = np->type;
    if (named && !out->role && np->ent < 0 && np->nb - np->na == 1 && np->a == np->na &&
        np->type != RC_ENT_ORG) { /* a surname alone: Mercier */
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) {
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            const char *lw = last_word(m->sp.name);
            if (m->sp.type == RC_ENT_PER && lw != m->sp.name &&
                folded_eq(lw, strlen(lw), out->name, strlen(out->name))) {
                out->name = m->sp.name;
                out->key = m->sp.key;
                out->role = m->sp.role;
                out->type = RC_ENT_PER;
                return RC_OK;
            }
        }
    }
    uint32_t kind = np->ra; /* la même association: the kind noun after même */
    bool same = false;
    if (!named && np->ra + 2 == np->rb && (st->ti[np->ra].bits & SL_ADV)) {
        size_t ml;
        const char *mw = speaker_tok_text(st, np->ra, &ml);
        same = folded_eq(mw, ml, "même", strlen("même"));
        kind += same;
    }
    size_t ml0 = 0;
    const char *mw0 = !named && np->a >= 2 && np->ra == np->a && np->rb == np->a + 1
                          ? speaker_tok_text(st, np->a - 1, &ml0)
                          : NULL;
    bool same_source = mw0 && folded_eq(mw0, ml0, "même", strlen("même")) &&
                       (st->ti[np->a - 2].bits & SL_DEF) && (st->ti[np->a].bits & SL_SRC) &&
                       !(st->ti[np->a].bits & SL_ORG);
    /* un précédent rapport de la même source (the phrase read from la on) */
    same_source = same_source || (same && (st->ti[kind].bits & SL_SRC) &&
                                  !(st->ti[kind].bits & SL_ORG) && (st->ti[np->a].bits & SL_DEF));
    if (same_source && st->nmem) {
        /* La même source a ajouté (the phrase read from "source" on): the source that spoke
         * last, a few sentences back at most */
        const src_mem *m = &st->mem[(st->nmem - 1) % SRC_MEM];
        if (m->sent + 3 >= np_sent(st, np, &sent)) {
            uint32_t s0 = out->start, e0 = out->end;
            *out = m->sp;
            out->start = s0;
            out->end = e0;
            return RC_OK;
        }
    }
    if (same && !(st->ti[kind].bits & SL_ORG))
        same = false;
    /* l'Organisation internationale pour les migrations: a capital noun with words after it
     * names a body, it does not stand for one named before */
    bool titled = (st->ti[kind].bits & (TB_NAME | TB_ACRO)) == TB_NAME && np->rb > kind + 1;
    if (!named && (np->head == SL_ORG || same) &&
        (np->def || (st->ti[np->a].bits & SL_DEF) || is_demonstrative(st, np->a)) &&
        !(np->bits & SL_PLUR) && st->doc->sents && !speaker_role_has_complement(st, np) &&
        !titled && (same || speaker_anaphor(st, kind))) {
        /* l'ONG, le ministère, la même association */
        /* même: any named before */
        int32_t e = org_antecedent(st, kind, np_sent(st, np, &sent), same ? 12 : 3);
        if (e < 0 && !same && is_demonstrative(st, np->a))
            e = dem_antecedent(st, kind, np_sent(st, np, &sent));
        if (e >= 0) {
            const rc_entity *en = &st->doc->ents[e];
            out->name = drop_org_kind(st, en->canon);
            out->key = out->name == en->canon ? en->key : NULL;
            out->type = RC_ENT_ORG;
        } else if (st->nmem) { /* MSF a dénoncé ... L'ONG affirme: the organisation that spoke */
            const src_mem *m = &st->mem[(st->nmem - 1) % SRC_MEM];
            const char *n = m->sp.name, *sp = strchr(n, ' ');
            srclex_info w = srclex_word(st->sl, n, sp ? (size_t)(sp - n) : strlen(n));
            if (m->sent + 1 >= np_sent(st, np, &sent) && m->sp.type == RC_ENT_ORG &&
                !(w.bits & SL_ORG) &&
                !org_outlet(st, m->sp.name)) {
                uint32_t s0 = out->start, e0 = out->end;
                *out = m->sp;
                out->start = s0;
                out->end = e0;
                return RC_OK;
            }
        }
    }
    if (!named && (np->head == SL_ROLE || np->head == SL_SRC) && !(np->bits & SL_PLUR) &&
        np->ra > np->a && !speaker_role_has_complement(st, np) && is_demonstrative(st, np->a)) {
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) { /* cet officier: the last person */
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 2 < np_sent(st, np, &sent))
                break;
            /* ce responsable, after "un responsable des comités locaux": that description */
            size_t hn = strlen(out->name);
            if (m->sp.type != RC_ENT_PER && !(m->bits & SL_PLUR) && !m->sp.role &&
                strlen(m->sp.name) > hn && m->sp.name[hn] == ' ' &&
                folded_eq(m->sp.name, hn, out->name, hn)) {
                uint32_t s0 = t[np->a].start, e0 = t[np->b - 1].end;
                *out = m->sp;
                out->start = s0;
                out->end = e0;
                return RC_OK;
            }
            if (m->sp.type != RC_ENT_PER || (m->bits & SL_PLUR) ||
                ((np->bits & SL_FEM) && (m->bits & SL_MASC)) ||
                ((np->bits & SL_MASC) && (m->bits & SL_FEM)))
                continue;
            const char *role = out->name;
            *out = m->sp;
            if (!out->role)
                out->role = role;
            out->start = t[np->a].start;
            out->end = t[np->b - 1].end;
            return RC_OK;
        }
    }
    if (!named && (np->head == SL_ROLE || np->head == SL_SRC) && (np->bits & SL_PLUR) &&
        np->rb == np->ra + 1 && np->ra > np->a && is_demonstrative(st, np->a)) {
        /* selon ces sources, after "selon des sources militaires": the plural description of
         * that noun, a few sentences back at most */
        size_t hn = strlen(out->name);
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) {
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 3 < np_sent(st, np, &sent))
                break;
            if (m->sp.type != RC_ENT_PER && (m->bits & SL_PLUR) && strlen(m->sp.name) > hn &&
                m->sp.name[hn] == ' ' && folded_eq(m->sp.name, hn, out->name, hn)) {
                uint32_t s0 = out->start, e0 = out->end;
                *out = m->sp;
                out->start = s0;
                out->end = e0;
                return RC_OK;
            }
        }
    }
    if (!named && (np->head == SL_ROLE || np->head == SL_SRC) && np->def &&
        !(np->bits & SL_PLUR) &&
        !speaker_role_has_complement(st, np)) { /* a role alone: le ministre, le secouriste */
        const src_mem *best = NULL;
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) {
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 6 < np_sent(st, np, &sent))
                break;
            if (m->sp.type == RC_ENT_PER && m->sp.role &&
                folded_eq(m->sp.role, strlen(m->sp.role) < strlen(out->name) ? 0 : strlen(out->name),
                          out->name, strlen(out->name))) {
                best = m;
                break;
            }
        }
        bool matched = best != NULL;
        for (size_t k = 0; !matched && k < SRC_MEM && k < st->nmem; k++) {
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 1 < np_sent(st, np, &sent))
                break;
            if (m->sp.type == RC_ENT_PER && !m->sp.role && (!best || m->sp.start < best->sp.start))
                best = m; /* the first person of the sentence before */
        }
        if (best) {
            const char *role = out->name;
            *out = best->sp;
            out->role = role;
            out->start = t[np->a].start;
            out->end = t[np->b - 1].end;
            return RC_OK;
        }
    }
    if (!out->key) {
        char key[256];
        size_t kn;
        if (named && out->type != RC_ENT_MISC)
            kn = rc_entity_key(st->doc->ctx, out->name, strlen(out->name), key, sizeof key);
        else {
            kn = rc_fold(out->name, strlen(out->name), key, sizeof key - 1);
            if (kn >= sizeof key)
                kn = 0;
            key[kn] = '\0';
        }
        out->key = rc_arena_strndup(&st->doc->arena, key, kn);
        if (!out->key)
            return RC_ENOMEM;
    }
    return RC_OK;
}

/* See speaker.h: the memory is a ring of the last SRC_MEM speakers. */
void speaker_remember(src_state *st, const rc_speaker *sp, uint32_t sent, uint32_t bits)
{
    _Static_assert(SRC_MEM == 32, "st->roled has one bit per slot of the ring");
    rc_speaker copy = *sp;
    if (!copy.role && copy.key && st->roled) {
        /* the slots with a role and a key, newest first: the ring is rotated so that the
         * newest slot is bit 31, the one before it bit 30, and so on */
        unsigned s0 = (unsigned)((st->nmem - 1) % SRC_MEM);
        uint32_t r = st->roled << (31 - s0) | (s0 == 31 ? 0 : st->roled >> (s0 + 1));
        while (r) {
            unsigned k = (unsigned)__builtin_clz(r);
            const src_mem *o = &st->mem[(s0 - k) % SRC_MEM];
            if (o->sp.key == copy.key || /* the first bytes tell most keys apart */
                (o->sp.key[0] == copy.key[0] && strcmp(o->sp.key, copy.key) == 0)) {
                copy.role = o->sp.role; /* Mercier named again keeps his role */
                break;
            }
            r &= ~(0x80000000u >> k);
        }
    }
    size_t slot = st->nmem % SRC_MEM;
    src_mem *m = &st->mem[slot];
    m->sp = copy;
    m->sent = sent;
    m->bits = bits;
    if (copy.role && copy.key)
        st->roled |= 1u << slot;
    else
        st->roled &= ~(1u << slot);
    st->nmem++;
}

/* Whether the phrase speaker_np reads at name token i (before b) can be a person named from i
 * on, told without reading it: the entity that starts there is a person, or, with none, the
 * word is no acronym or organisation and a name word or a particle (al, ben) follows it, since
 * a person with no entity is a run of two name words at least (speaker_np.c). Places, bodies
 * and single capitalised words, most of the names of a text, fail here at once. */
static inline bool may_start_person(const src_state *st, uint32_t i, uint32_t b)
{
    int32_t ent = st->ent_of ? st->ent_of[i] : -1;
    if (ent >= 0)
        return st->doc->ents[ent].type == RC_ENT_PER;
    return !(st->ti[i].bits & (TB_ACRO | SL_ORG)) && i + 1 < b &&
           (st->ti[i + 1].bits & (TB_NAME | SL_PARTICLE));
}

/* See speaker.h: names outside quotations that start a source phrase of a person. */
void speaker_scan_names(src_state *st, uint32_t a, uint32_t b, uint32_t sent)
{
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    for (uint32_t i = a; i < b; i++) {
        i = speaker_next_name(st->names, i, b); /* a name outside quotation marks */
        if (i >= b)
            break;
        if (i > a && (ti[i - 1].bits & (TB_NAME | SL_PREP | SL_DET | SL_LOC | SL_PARTICLE)))
            continue;
        src_np np;
        if (!may_start_person(st, i, b) || !speaker_np(st, i, b, &np) ||
            np.type != RC_ENT_PER || np.na != i) {
            while (i + 1 < b && (ti[i + 1].bits & TB_NAME))
                i++;
            continue;
        }
        uint32_t e = np.nb;
        if ((np.nb - np.na >= 2 || np.ent >= 0) && !(e < b && t[e].kind == RC_TOK_QUOTE_CLOSE)) {
            np.ra = np.rb = 0;
            np.b = np.nb;
            rc_speaker sp;
            if (speaker_make(st, &np, &sp) == RC_OK)
                speaker_remember(st, &sp, sent, SL_MASC * 0);
        }
        i = np.nb - 1;
    }
}

/* See speaker.h: only a singular description with no name, right before its verb group. */
void speaker_scan_subject(src_state *st, uint32_t a, uint32_t b, uint32_t sent)
{
    const srclex_info *ti = st->ti;
    src_np np;
    if (a + 2 >= b || !(ti[a].bits & SL_DET) || (ti[a].bits & (SL_PREP | TB_NAME)) ||
        !speaker_np(st, a, b, &np) || np.pron || np.na < np.nb || np.ra >= np.rb ||
        (np.bits & SL_PLUR) || (np.head != SL_SRC && np.head != SL_ROLE) || np.b >= b ||
        !(ti[np.b].bits & (SL_AUX | SL_VERB)))
        return;
    rc_speaker sp;
    if (speaker_make(st, &np, &sp) == RC_OK)
        speaker_remember(st, &sp, sent, np.bits & (SL_FEM | SL_MASC));
}
