/*
 * attrib.c - who vouches for what. Sentences are read in order; in each, every cue phrase and
 * reporting verb outside quotation marks (and every verb of an incise inside them: « …, a
 * déclaré X, … ») makes an attribution: its chain of sources (the original speaker first, then
 * each relay: citant X, cité par Y, à l'AFP) and its scope (the quote it introduces or follows,
 * the clause after "que", the sentence before an inverted verb, the sentence a "selon" opens).
 * Quotations left without a speaker then take the subject of the clause that introduces them,
 * or the source of the attribution that covers them; scare quotes of one or two words take a
 * speaker only from a verb right beside them.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "extract/attrib_int.h"
#include "core/words.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* Whether the first word of s is the word tok spells, case and accents aside, and a plural -s
 * or -x aside (la chaîne / la chaîne américaine ABC, les médecins / un médecin). */
static bool attrib_same_head(const char *text, const rc_token *tok, const char *s)
{
    char a[64], b[64];
    size_t la = rc_fold(text + tok->start, tok->end - tok->start, a, sizeof a);
    size_t n = 0;
    while (s[n] && s[n] != ' ' && s[n] != '\'')
        n++;
    size_t lb = rc_fold(s, n, b, sizeof b);
    if (la >= sizeof a || lb >= sizeof b || !la || !lb)
        return false;
    if (la > 1 && (a[la - 1] == 's' || a[la - 1] == 'x'))
        la--;
    if (lb > 1 && (b[lb - 1] == 's' || b[lb - 1] == 'x'))
        lb--;
    return la == lb && memcmp(a, b, la) == 0;
}

/* The attribution a "toujours selon X" refers back to, among those before offset at, and in
 * *from the first source of its chain that X stands for: when X is a description (la chaîne
 * américaine), the latest source described or named by the same noun, even if others came in
 * between (its relays come with it); otherwise, or when none was, the latest whole chain. */
static const rc_attribution *attrib_previous(const rc_doc *doc, uint32_t at, const rc_token *head,
                                             size_t *from /* OUT */)
{
    const rc_attribution *latest = NULL;
    *from = 0;
    for (size_t n = doc->nattrs; n-- > 0;) {
        const rc_attribution *p = &doc->attrs[n];
        if (p->start >= at)
            continue;
        if (!latest)
            latest = p;
        if (!head)
            break;
        for (size_t k = 0; k < p->nchain; k++) {
            const rc_speaker *sp = &p->chain[k];
            if ((sp->role && attrib_same_head(doc->text, head, sp->role)) ||
                attrib_same_head(doc->text, head, sp->name)) {
                *from = k;
                return p;
            }
        }
    }
    return latest;
}

/* Sets the speaker of quote q when it has none. */
void attrib_give_quote(pass *ps, size_t q, const rc_speaker *sp, const char *verb)
{
    rc_quote *qu = &ps->st->doc->quotes[q];
    if (qu->has_speaker)
        return;
    qu->has_speaker = 1;
    ps->last = *sp;
    ps->last_sent = ps->sent;
    ps->has_last = true;
    qu->speaker = *sp;
    qu->verb = verb;
}

/* Whether quote q names a term rather than reports speech: one or two words right after "de"
 * (parlent de « terroristes », font état de « frappes chirurgicales »). */
bool attrib_quote_is_term(const pass *ps, size_t q)
{
    const quote_tok *qt = &ps->qt[q];
    return qt->words <= 2 && qt->oa > 0 && (ps->st->ti[qt->oa - 1].bits & SL_PREP) &&
           !(ps->st->ti[qt->oa - 1].bits & TB_NAME);
}

/* Adds an attribution over bytes; the chain is copied into the arena. */
int attrib_add_attr(pass *ps, uint32_t ta, uint32_t tb, uint32_t sa, uint32_t sb,
                    const char *cue, const chain *c, int32_t quote, bool denied)
{
    rc_doc *doc = ps->st->doc;
    if (!c->n)
        return RC_OK;
    if (rc_arena_grow(&doc->arena, (void **)&doc->attrs, &ps->attrcap, doc->nattrs + 1,
                      sizeof *doc->attrs))
        return RC_ENOMEM;
    rc_speaker *links = rc_arena_alloc(&doc->arena, c->n * sizeof *links);
    if (!links)
        return RC_ENOMEM;
    memcpy(links, c->link, c->n * sizeof *links);
    rc_attribution *at = &doc->attrs[doc->nattrs++];
    const rc_token *t = doc->toks;
    at->start = t[ta].start;
    at->end = t[tb - 1].end;
    at->scope_start = t[sa].start;
    at->scope_end = sb > sa ? t[sb - 1].end : t[sa].start;
    at->cue = cue;
    at->chain = links;
    at->nchain = c->n;
    at->quote = quote;
    at->denied = denied;
    at->joint = c->joint;
    return RC_OK;
}

/* Scope bytes of quote q when it is what an attribution covers. */
void attrib_quote_scope(const pass *ps, size_t q, uint32_t *sa, uint32_t *sb)
{
    const quote_tok *qt = &ps->qt[q];
    *sa = qt->oa + 1;
    *sb = qt->closed ? qt->ob : qt->ob;
}

/* The token after the end of the sentence's text, leaving out its final punctuation. */
uint32_t attrib_sent_end_trim(const pass *ps)
{
    uint32_t e = ps->b;
    while (e > ps->a + 1 && ps->st->doc->toks[e - 1].kind == RC_TOK_PUNCT)
        e--;
    return e;
}

/* Whether tokens [a, b) hold a cue that reports for itself: a verb phrase cue (fait état de) or
 * a reporting verb other than one of feeling (déplorer, regretter), which names the toll's
 * side rather than who counts. */
static bool attrib_reports_in(const pass *ps, uint32_t a, uint32_t b)
{
    const src_state *st = ps->st;
    size_t nv;
    const srclex_verb *verbs = srclex_verbs(st->sl, &nv);
    for (uint32_t k = a; k < b; k++) {
        uint32_t e;
        const srclex_cue *c = attrib_cue_at(st, k, b, &e);
        if (c && (c->cls == SC_VERB || c->cls == SC_ACCORDING))
            return true;
        if ((st->ti[k].bits & SL_VERB) && st->ti[k].verb >= 0 && (size_t)st->ti[k].verb < nv &&
            verbs[st->ti[k].verb].cls != SV_EXPRESS)
            return true;
    }
    return false;
}

/* Whether the source phrase that ends at token e runs, within a few words with no verb, to a
 * comma and a coordination (, selon la délégation de la ville, et ...): a new clause. */
static bool attrib_coord_after(const pass *ps, uint32_t e)
{
    const src_state *st = ps->st;
    for (uint32_t k = e; k + 1 < ps->b && k < e + 5; k++) {
        if (speaker_punct(st, k, ','))
            return speaker_grammar_class(st, k + 1, "coord");
        if (st->doc->toks[k].kind != RC_TOK_WORD || (st->ti[k].bits & (SL_VERB | SL_AUX)))
            return false;
    }
    return false;
}

/* selon X, d'après X, pour X, de source X, toujours selon X: an attribution over the clause or
 * sentence. */
static int on_according(pass *ps, uint32_t i, uint32_t e, const srclex_cue *cue, uint32_t *next)
{
    src_state *st = ps->st;
    rc_doc *doc = st->doc;
    uint32_t a = ps->a, b = ps->b;
    *next = e;
    chain c; /* only the first c.n links are ever read: the rest is left as it is */
    c.n = 0;
    c.joint = 0;
    src_np np;
    rc_speaker sp;
    uint32_t end = e;
    bool previous = cue->cls == SC_SAME;
    const rc_token *head = NULL; /* toujours selon la chaîne: the noun the source is sought by */
    if (cue->cls == SC_FOR && i != a)
        return RC_OK; /* pour X, at the start of a sentence only (told before reading X) */
    rc_morph pm;
    if (e > i + 1 && rc_fr_morph_tok(st->doc, i, &pm) && (pm.flags & RC_M_PPAS)) {
        /* a cue that opens on a participle (confirmé par), negated: ce chiffre n'a pas été
         * confirmé par les autorités, who did not vouch for it */
        for (uint32_t k = i; k > a && i - k < 5 && (st->ti[k - 1].bits & TB_WORD); k--)
            if (st->ti[k - 1].bits & SL_NEG)
                return RC_OK;
        if (i == a)
            return RC_OK; /* Publié par X, le 14 mai: a byline, not a source */
        if ((st->ti[i - 1].bits & (SL_AUX | SL_BE)) == SL_AUX)
            return RC_OK; /* le groupe a diffusé par son organe: the active voice, no source */
    }
    if (!previous) {
        uint32_t from = cue->cls == SC_SOURCE_OF ? e - 1 : e;
        int status = attrib_read_source(ps, from, b, cue->cls == SC_ACCORDING, &np, &sp);
        if (status < 0)
            return status;
        if (status && cue->cls != SC_CONTINUE)
            return RC_OK;
        if (cue->cls == SC_CONTINUE && (status || np.na == np.nb || np.pron)) {
            previous = true; /* toujours selon l'agence */
            if (!status && np.ra < np.rb)
                head = &doc->toks[np.ra];
        }
        else if (!status) {
            if (cue->cls == SC_FOR && (i != a || np.b >= b || !speaker_punct(st, np.b, ',') ||
                                       (np.type == RC_ENT_MISC && np.na == np.nb)))
                return RC_OK; /* pour X, at the start of a sentence only */
            attrib_chain_add(&c, &sp, false);
            if ((status = attrib_read_joint_relays(ps, np.b, b, &c, &end)))
                return status;
        }
    }
    if (previous) {
        size_t from;
        const rc_attribution *prev = attrib_previous(doc, doc->toks[i].start, head, &from);
        if (!prev)
            return RC_OK;
        attrib_chain_append(&c, prev, from);
        if (end < e)
            end = e;
        if (cue->cls == SC_CONTINUE && end == e) {
            src_np skip;
            if (speaker_np(st, e, b, &skip))
                end = skip.b;
        }
    }
    *next = end;
    /* scope: after it when it opens the sentence, before it when it closes it, else all */
    uint32_t sa = a, sb = attrib_sent_end_trim(ps);
    uint32_t lead = a;
    while (lead < i && (st->ti[lead].bits & SL_ADV)) /* Toujours selon */
        lead++;
    /* ..., mais selon X, les victimes se comptent par centaines: a new clause opens on it */
    bool opens =
        (i > a + 1 && speaker_grammar_class(st, i - 1, "coord") && speaker_punct(st, i - 2, ',')) ||
        (i > a + 2 && (st->ti[i - 1].bits & SL_QUE) && speaker_grammar_class(st, i - 2, "while")) ||
        /* a indiqué que, selon la police, 12 civils: the reported clause opens on it */
        (i > a + 1 && (st->ti[i - 1].bits & SL_QUE)) ||
        (i > a + 2 && speaker_punct(st, i - 1, ',') && (st->ti[i - 2].bits & SL_QUE));
    /* ..., tandis que d'après X, leur nombre serait de 280: so does a clause of contrast */
    if (i == lead || (i > a && speaker_punct(st, i - 1, ',') && i == a + 1) || opens) {
        sa = end;
        if (sa < b && (st->ti[sa].bits & SL_PREP)) {
            /* Selon des déclarations de certaines des 30 personnes arrêtées, les otages: the
             * source's complement, cut at its figure, runs to the comma with no verb */
            uint32_t k = sa;
            while (k < b && k < sa + 10 && !speaker_punct(st, k, ',') && !rc_tok_dash(st->doc, k) &&
                   !(st->ti[k].bits & (SL_AUX | SL_VERB | SL_QUE | SL_REL)) &&
                   st->doc->toks[k].kind != RC_TOK_QUOTE_OPEN)
                k++;
            if (k < b && k < sa + 10 && speaker_punct(st, k, ','))
                sa = k;
            else if (k < b && k < sa + 10 && rc_tok_dash(st->doc, k)) {
                /* ... des 56 personnes arrêtées – policiers, fonctionnaires – les disparus: an
                 * aside between dashes ends it */
                uint32_t m = k + 1;
                while (m < b && m < k + 16 && !rc_tok_dash(st->doc, m))
                    m++;
                sa = m < b && m < k + 16 ? m : k;
            }
        }
        if (sa < b && speaker_punct(st, sa, ','))
            sa++;
        /* Selon X, 50 morts ont été recensés, tandis qu'un rapport fait état de 70 décès: a
         * clause of contrast that reports for itself is another's (not tandis que nos forces
         * déplorent 19 martyrs, still X's count) */
        for (uint32_t k = sa; k + 1 < sb; k++) {
            if (speaker_punct(st, k, ';') && attrib_reports_in(ps, k + 1, sb)) {
                sb = k; /* ... ; le syndicat avance 20 morts: so does a semicolon's */
                break;
            }
            if (speaker_punct(st, k, ',') && speaker_grammar_class(st, k + 1, "while")) {
                if (attrib_reports_in(ps, k + 2, sb))
                    sb = k;
                break;
            }
        }
    } else if (i > a && speaker_punct(st, i - 1, ',') &&
               (end >= attrib_sent_end_trim(ps) || attrib_coord_after(ps, end))) {
        sb = i - 1; /* ..., selon X.; ..., selon X, et près de la moitié ...: the clause before */
        /* X a annoncé 30 morts dans le camp, où deux otages ont été libérés, selon Y: after a
         * main clause that reports for itself, a relative clause between commas is Y's */
        for (uint32_t k = sb; k-- > a + 1;) {
            if (!speaker_punct(st, k, ',') || k + 1 >= sb)
                continue;
            if ((st->ti[k + 1].bits & SL_REL) || speaker_grammar_class(st, k + 1, "where")) {
                if (attrib_reports_in(ps, a, k))
                    sa = k + 1;
                break;
            }
        }
    }
    if (cue->cls == SC_ACCORDING && i > a) {
        /* 40 morts, selon le bilan officiel, 90 d'après l'association; 14 morts, selon un bilan
         * officiel, et 40 morts, selon X.: a selon before it, and the comma that ends its
         * clause, bound the figures this one vouches for */
        for (uint32_t k = i; k-- > a;) {
            uint32_t ke;
            const srclex_cue *kc = attrib_cue_at(st, k, i, &ke);
            if (!kc || kc->cls != SC_ACCORDING)
                continue;
            uint32_t m = ke;
            while (m < i && !speaker_punct(st, m, ','))
                m++;
            if (m + 1 < i && m + 1 > sa)
                sa = m + 1;
            break;
        }
    }
    if (sb <= sa) {
        sa = a;
        sb = attrib_sent_end_trim(ps);
    }
    int32_t quote = -1;
    for (size_t q = ps->qnext; q < doc->nquotes; q++) { /* quotes it covers */
        if (ps->qt[q].oa >= sb)
            break;
        if (ps->qt[q].oa >= sa && !doc->quotes[q].has_speaker && ps->qt[q].words > 2) {
            attrib_give_quote(ps, q, &c.link[0], NULL);
            if (quote < 0)
                quote = (int32_t)q;
        }
    }
    const char *name = cue->cls == SC_SOURCE_OF ? "de source" : cue->phrase;
    if (strstr(name, " -")) { /* the key "lit -on dans" names the cue "lit-on dans" */
        char *shown = rc_arena_strndup(&doc->arena, name, strlen(name));
        if (!shown)
            return RC_ENOMEM;
        char *w = shown;
        for (const char *r = name; *r; r++)
            if (!(r[0] == ' ' && r[1] == '-'))
                *w++ = *r;
        *w = '\0';
        name = shown;
    }
    int status = attrib_add_attr(ps, i, end, sa, sb, name, &c, quote, false);
    if (status)
        return status;
    if (cue->cls == SC_ACCORDING && i == lead && sa > a) { /* Selon l'AFP, X a annoncé que */
        ps->lead = doc->nattrs;
        ps->lead_end = sa;
    }
    if (!previous)
        speaker_remember(st, &c.link[0], ps->sent, np.bits);
    return RC_OK;
}

/* A source in brackets that closes a sentence without an attribution, as headlines give it
 * (Vingt morts dans l'attaque d'un marché (sources locales); ... (AFP)): it vouches for what
 * comes before it. */
static int bracket_source(pass *ps)
{
    src_state *st = ps->st;
    uint32_t a = ps->a, b = ps->b;
    while (b > a && st->doc->toks[b - 1].kind == RC_TOK_PUNCT && !speaker_punct(st, b - 1, ')'))
        b--; /* a final stop */
    if (b < a + 4 || !speaker_punct(st, b - 1, ')'))
        return RC_OK;
    uint32_t close = b - 1, p = close;
    while (p > a && close - p < 6 && !speaker_punct(st, p - 1, '('))
        p--;
    if (p <= a + 1 || !speaker_punct(st, p - 1, '('))
        return RC_OK;
    src_np np;
    if (!speaker_np(st, p, close, &np) || np.pron || np.b != close || np.type == RC_ENT_LOC ||
        np.type == RC_ENT_PER || (np.head != SL_SRC && np.head != SL_ORG && np.type != RC_ENT_ORG))
        return RC_OK; /* (Mali), (photo), (vidéo): no source */
    rc_speaker sp;
    int status = speaker_make(st, &np, &sp);
    if (status)
        return status < 0 ? status : RC_OK;
    if ((st->ti[p - 2].bits & TB_NAME) && np.na < np.nb && !speaker_np_outlet(st, &np, sp.name))
        return RC_OK; /* le Front populaire de libération du Tigré (TPLF): an acronym; not a
                       * description (attaque à Kaya (sources sécuritaires)) nor an outlet */
    if (np.na < np.nb && !speaker_np_outlet(st, &np, sp.name))
        return RC_OK; /* l'armée malienne (FAMa): a name in brackets is an acronym, unless of
                         an outlet (AFP) */
    chain c;
    c.n = 0;
    c.joint = 0;
    attrib_chain_add(&c, &sp, false);
    return attrib_add_attr(ps, p - 1, close + 1, a, p - 1, "()", &c, -1, false);
}

/* The subject of the clause a quotation sits in, for quotes no verb or cue claimed: the
 * attribution made just before it in its sentence, else the sentence's first source phrase. */
static int quote_fallback(pass *ps, size_t q)
{
    src_state *st = ps->st;
    rc_doc *doc = st->doc;
    const quote_tok *qt = &ps->qt[q];
    if (doc->quotes[q].has_speaker || qt->words <= 2)
        return RC_OK;
    uint32_t s = speaker_sent_of(st, qt->oa), a = speaker_sent_a(st, s);
    if (qt->oa == a) { /* a quotation standing alone goes on with the speaker just quoted */
        if (s > 0 && ps->sent_attr[s] > ps->sent_attr[s - 1]) /* X décrit la scène. « … » */
            attrib_give_quote(ps, q, &doc->attrs[ps->sent_attr[s] - 1].chain[0], NULL);
        else if (ps->has_last && ps->last_sent + 1 >= s && ps->last_sent < s)
            attrib_give_quote(ps, q, &ps->last, NULL);
        return RC_OK;
    }
    uint32_t qstart = doc->toks[qt->oa].start;
    for (size_t n = doc->nattrs; n-- > ps->sent_first;) {
        const rc_attribution *at = &doc->attrs[n];
        if (at->end <= qstart && at->start >= doc->toks[a].start) {
            attrib_give_quote(ps, q, &at->chain[0], at->cue);
            return RC_OK;
        }
    }
    uint32_t j = a;
    if (st->ti[j].bits & SL_LOC) { /* Dans la journée, le Centre … */
        while (j < qt->oa && !speaker_punct(st, j, ','))
            j++;
        j++;
    }
    src_np np;
    if (j >= qt->oa || !speaker_np_appos(st, j, qt->oa, &np) || np.pron ||
        (np.na == np.nb && np.head != SL_ROLE && np.head != SL_SRC && np.head != SL_ORG))
        return RC_OK;
    if ((np.b + 1 < qt->oa && speaker_punct(st, np.b, ':')) || np.type == RC_ENT_LOC)
        return RC_OK; /* Sahel : l'offensive est « une question de jours »; Bria : « … »: a topic,
                       * a place, not a speaker */
    rc_speaker sp;
    int status = speaker_make(st, &np, &sp);
    if (status)
        return status < 0 ? status : RC_OK;
    chain c; /* only the first c.n links are ever read */
    c.n = 0;
    c.joint = 0;
    attrib_chain_add(&c, &sp, false);
    uint32_t sa, sb;
    attrib_quote_scope(ps, q, &sa, &sb);
    if ((status = attrib_add_attr(ps, np.a, np.b, sa, sb, "«»", &c, (int32_t)q, false)))
        return status;
    attrib_give_quote(ps, q, &sp, NULL);
    speaker_remember(st, &sp, s, np.bits);
    return RC_OK;
}

/* A quotation with no speaker that a later one repeats inside its own words (a headline
 * « on ne compte plus les familles » and, below, « … On ne compte plus les familles qui
 * arrivent », raconte X) takes that quotation's speaker. Each is compared with the next eight
 * quotations that have a speaker; long texts are not compared. */
static void quote_echo(pass *ps)
{
    rc_doc *doc = ps->st->doc;
    char fa[256], fb[1024];
    /* each later quotation is folded once however many earlier ones are compared with it:
     * folded[r] (in the arena) with its length, or NULL when not yet folded */
    char **folded = NULL;
    size_t *flen = NULL;
    /* the last quotation with a speaker: none after it is compared with anything (a speaker
     * given here goes to the quotation being read, never to a later one) */
    size_t last = doc->nquotes;
    while (last > 0 && !doc->quotes[last - 1].has_speaker)
        last--;
    for (size_t q = 0; q + 1 < last; q++) {
        rc_quote *qu = &doc->quotes[q];
        if (qu->has_speaker || ps->qt[q].words < 3)
            continue;
        size_t la = rc_fold(doc->text + qu->start, qu->end - qu->start, fa, sizeof fa - 1);
        if (la >= sizeof fa - 1)
            continue;
        fa[la] = '\0';
        const char *pa = fa; /* the spaces inside the marks are no part of the words */
        while (*pa == ' ')
            pa++;
        while (la > (size_t)(pa - fa) && fa[la - 1] == ' ')
            fa[--la] = '\0';
        if (la <= (size_t)(pa - fa) + 8)
            continue;
        int tried = 0;
        for (size_t r = q + 1; r < doc->nquotes && tried < 8; r++) {
            const rc_quote *o = &doc->quotes[r];
            if (!o->has_speaker)
                continue;
            tried++;
            if (!folded) {
                folded = rc_arena_alloc(&doc->arena, doc->nquotes * sizeof *folded);
                flen = rc_arena_alloc(&doc->arena, doc->nquotes * sizeof *flen);
                if (folded && flen)
                    memset(folded, 0, doc->nquotes * sizeof *folded);
                else
                    folded = NULL;
            }
            const char *pb = fb;
            size_t lb;
            if (folded && folded[r]) {
                pb = folded[r];
                lb = flen[r];
            } else {
                lb = rc_fold(doc->text + o->start, o->end - o->start, fb, sizeof fb - 1);
                if (lb < sizeof fb - 1)
                    fb[lb] = '\0';
                size_t keep = lb < sizeof fb - 1 ? lb + 1 : 0; /* too long: only its length */
                if (folded && (folded[r] = rc_arena_alloc(&doc->arena, keep ? keep : 1)) != NULL) {
                    memcpy(folded[r], keep ? fb : "", keep ? keep : 1);
                    flen[r] = lb;
                }
            }
            if (lb >= sizeof fb - 1 || lb <= la)
                continue;
            if (strstr(pb, pa)) {
                qu->has_speaker = 1;
                qu->speaker = o->speaker; /* named where the repeated quotation's is */
                break;
            }
        }
    }
}

/* Orders attributions by start (stable for equal starts, by the order they were made). */
static int cmp_attr(const void *x, const void *y)
{
    const rc_attribution *p = x, *q = y;
    if (p->start != q->start)
        return p->start < q->start ? -1 : 1;
    return p->scope_start < q->scope_start ? -1 : p->scope_start > q->scope_start;
}

/* See attrib.h: the sentences in order, each token that acts (a cue or a verb) read once;
 * then the quotes left without a speaker, then the attributions put in text order. */
int attrib_run(src_state *st, const quote_tok *qt)
{
    rc_doc *doc = st->doc;
    pass ps;
    memset(&ps, 0, sizeof ps);
    ps.st = st;
    ps.qt = qt;
    doc->attrs = NULL;
    doc->nattrs = 0;
    ps.sent_attr = rc_arena_alloc(&doc->arena, (doc->nsents + 1) * sizeof *ps.sent_attr);
    if (!ps.sent_attr)
        return RC_ENOMEM;
    size_t act = 0; /* the next token of st->acts to read */
    const uint32_t *acts = st->acts; /* kept at hand: the readers called below never change it */
    const size_t nacts = st->nacts;
    for (uint32_t s = 0; s < doc->nsents; s++) {
        ps.sent_attr[s] = doc->nattrs;
        ps.sent = s;
        ps.a = speaker_sent_a(st, s);
        ps.b = speaker_sent_b(st, s);
        ps.sent_first = doc->nattrs;
        ps.lead = 0;
        ps.ppre = 0;
        ps.citing.n = 0;
        for (uint32_t i = ps.a; i < ps.b;) {
            while (act < nacts && acts[act] < i)
                act++; /* the tokens between start no cue and report nothing */
            if (act >= nacts || acts[act] >= ps.b)
                break;
            i = acts[act];
            uint32_t next = i + 1, e;
            int status = RC_OK;
            bool inq = (st->ti[i].bits & TB_INQ) != 0;
            const srclex_cue *cue = inq ? NULL : attrib_cue_at(st, i, ps.b, &e);
            if (cue) {
                switch (cue->cls) {
                case SC_ACCORDING:
                case SC_CONTINUE:
                case SC_SAME:
                case SC_SOURCE_OF:
                case SC_FOR:
                    status = on_according(&ps, i, e, cue, &next);
                    break;
                case SC_CITING: {
                    src_np np;
                    rc_speaker sp;
                    status = attrib_read_source(&ps, e, ps.b, false, &np, &sp);
                    if (status == RC_OK) {
                        attrib_chain_add(&ps.citing, &sp, false);
                        ps.citing_tok = i;
                        next = np.b;
                        status = RC_OK;
                    } else if (status > 0)
                        status = RC_OK;
                    break;
                }
                case SC_VERB:
                    status = attrib_on_verb(&ps, i, e, cue->verb, &next);
                    if (next < e)
                        next = e;
                    break;
                case SC_RELAY: /* X, cité par Y: read with X */
                case SC_NONE:  /* vérifié de source indépendante: nobody */
                    next = e;
                    break;
                default:
                    cue = NULL;
                    break;
                }
            }
            if (!cue && (st->ti[i].bits & SL_VERB) && st->ti[i].verb >= 0)
                status = attrib_on_verb(&ps, i, i + 1, st->ti[i].verb, &next);
            if (status)
                return status;
            i = next > i ? next : i + 1;
        }
        if (ps.citing.n && doc->nattrs > ps.sent_first) { /* Y a rapporté, citant X */
            rc_attribution *at = &doc->attrs[doc->nattrs - 1];
            chain full = ps.citing;
            for (size_t n = 0; n < at->nchain; n++)
                attrib_chain_add(&full, &at->chain[n], (at->joint >> n) & 1u);
            rc_speaker *links = rc_arena_alloc(&doc->arena, full.n * sizeof *links);
            if (!links)
                return RC_ENOMEM;
            memcpy(links, full.link, full.n * sizeof *links);
            at->chain = links;
            at->nchain = full.n;
            at->joint = full.joint;
        }
        if (doc->nattrs == ps.sent_first) {
            int status = bracket_source(&ps);
            if (status)
                return status;
        }
        /* quotes that end in this sentence and still have no speaker */
        while (ps.qnext < doc->nquotes && attrib_quote_last(&qt[ps.qnext]) < ps.b) {
            int status = quote_fallback(&ps, ps.qnext);
            if (status)
                return status;
            ps.qnext++;
        }
        if (speaker_has_name(st, ps.a, ps.b)) /* most sentences name nobody */
            speaker_scan_names(st, ps.a, ps.b, s);
        if (doc->nattrs == ps.sent_first)
            speaker_scan_subject(st, ps.a, ps.b, s);
    }
    quote_echo(&ps);
    /* attributions are made mostly in text order: sorted only when some are out of it (an
     * array already in order is left as a stable sort would leave it) */
    size_t k = 1;
    while (k < doc->nattrs && cmp_attr(&doc->attrs[k - 1], &doc->attrs[k]) <= 0)
        k++;
    if (k < doc->nattrs)
        qsort(doc->attrs, doc->nattrs, sizeof *doc->attrs, cmp_attr);
    return RC_OK;
}
