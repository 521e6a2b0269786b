/*
 * speaker.c - reading who a phrase names as a source. Without a parser, a source's name is
 * read from the classes of its words (srclex.h): an optional article, then proper-name runs,
 * source, role and organisation nouns, lower-case adjectives and "de" complements, up to a
 * word that ends a name (a verb, "que", a preposition of place, punctuation). Which run is the
 * person and which is the complement follows from the prepositions: in "le porte-parole du
 * Kremlin Dmitri Peskov" the run after "du" is the Kremlin's, the rest the person's.
 */
#include <assert.h>
#include <string.h>

#include "extract/speaker.h"
#include "lang/fr/morph.h"
#include "core/words.h"
#include "util/fold.h"

#define NP_MAXTOK 24   /* longest phrase read as a name */
#define LOOKBACK 20    /* tokens looked back for a subject */
#define HEAD_NAME 0x80 /* src_np.head: the phrase starts with a proper name */

static const char *tok_text(const src_state *st, uint32_t i, size_t *len)
{
    const rc_token *t = &st->doc->toks[i];
    *len = t->end - t->start;
    return st->doc->text + t->start;
}


/* Whether the word is an acronym: two or more letters, all capitals (AFP, CICR, ONU). */
static bool is_acronym(const char *s, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            caps++;
        else if (s[i] != '-' && s[i] != '.')
            return false;
    }
    return caps >= 2;
}

/* Whether a lower-case word is an Arabic article glued to a name: al-Mayadeen, el-Assad. */
static bool is_article_name(const char *s, size_t n)
{
    if (n < 4 || s[2] != '-' || !((s[0] == 'a' && s[1] == 'l') || (s[0] == 'e' && s[1] == 'l')))
        return false;
    unsigned char c = (unsigned char)s[3];
    return (c >= 'A' && c <= 'Z') || c == 0xc3; /* À-Ý start with 0xc3 */
}

/* Bits of a memo answer that are no srclex bits but facts of the word's bytes, kept with it so
 * that they are worked out once per distinct word: WB_ACRO is_acronym, WB_ARTNAME
 * is_article_name. They reuse the TB_ bits that srclex_word never sets. */
#define WB_ACRO TB_ACRO
#define WB_ARTNAME TB_NAME

/* What the word of token i is (srclex_word, plus TB_WORD and the WB_ bits), worked out from
 * its bytes. */
static srclex_info speaker_word_fresh(const rc_doc *doc, const srclex *sl, size_t i)
{
    const rc_token *t = &doc->toks[i];
    const char *w = doc->text + t->start;
    size_t len = t->end - t->start;
    srclex_info info = srclex_word(sl, w, len);
    info.bits |= TB_WORD; /* only word tokens are asked about */
    if (is_acronym(w, len))
        info.bits |= WB_ACRO;
    if (is_article_name(w, len))
        info.bits |= WB_ARTNAME;
    return info;
}

/* A word's answer packed in its 64-bit memo slot: bits, then verb and cue as 16-bit fields. */
static inline uint64_t memo_pack(srclex_info info)
{
    return (uint64_t)info.bits | (uint64_t)(uint16_t)info.verb << 32 |
           (uint64_t)(uint16_t)info.cue << 48;
}

/* speaker_word_fresh of token i, packed (memo_pack), kept in the thread's word table
 * (core/words.h) across documents when the token has a record there (the table's own read is
 * inlined in speaker_classify, which asks this only for words it has no answer for yet). */
__attribute__((noinline)) static uint64_t speaker_word(const rc_doc *doc, const srclex *sl,
                                                     size_t i)
{
    uint64_t v = memo_pack(speaker_word_fresh(doc, sl, i));
    rc_word *rw = rc_word_at(doc, i);
    if (rw) {
        rw->memo[RC_WM_SRCLEX] = v;
        rw->have |= 1u << RC_WM_SRCLEX;
    }
    return v;
}

/* The first token from i on that starts at or after byte off (n when none): a galloping
 * search, since entities are far apart in tokens and a walk would read every token between. */
static size_t tok_at_or_after(const rc_token *toks, size_t n, size_t i, uint32_t off)
{
    size_t step = 1, lo = i, hi = i;
    while (hi < n && toks[hi].start < off) { /* toks[lo..hi) start before off */
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    if (hi > n)
        hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (toks[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* What each token of doc is (ti[0..ntoks)): the word's classes from the thread's memo, with
 * TB_WORD, and TB_NAME for a capitalised word that no class keeps from being a name; acts
 * (room for ntoks + 1) receives the tokens with SL_CUE or SL_VERB, and their number is
 * returned. This runs on every token, so it is its own small function with the rare look-up
 * kept out of line. */
static size_t speaker_classify(const rc_doc *doc, const srclex *sl, srclex_info *ti,
                                uint32_t *acts)
{
    size_t nacts = 0;
    const uint32_t gram = SL_DET | SL_PREP | SL_LOC | SL_STOP | SL_AUX | SL_ADV | SL_PRON |
                          SL_CUE | SL_VERB | SL_REFL | SL_CONJ | SL_QUE | SL_REL;
    const rc_token *toks = doc->toks;
    const uint32_t *wids = doc->wids;
    const rc_word *words = doc->words;
    size_t n = doc->ntoks;
    for (size_t i = 0; i < n; i++) {
        const rc_token *t = &toks[i];
        unsigned kind = t->kind;
        if (kind < RC_TOK_WORD || kind > RC_TOK_ABBREV) {
            ti[i] = (srclex_info){kind == RC_TOK_NUMBER ? SL_DET : 0, -1, -1}; /* "12 habitants" */
            continue;
        }
        uint64_t v;
        uint32_t id = wids ? wids[i] : UINT32_MAX;
        if (id != UINT32_MAX && (words[id].have >> RC_WM_SRCLEX & 1u))
            v = words[id].memo[RC_WM_SRCLEX];
        else
            v = speaker_word(doc, sl, i);
        uint32_t bits = (uint32_t)v;
        uint32_t wb = bits & (WB_ACRO | WB_ARTNAME);
        bits ^= wb;
        if (kind == RC_TOK_WORD && (wb || (t->flags & RC_TF_UPPER))) {
            if (t->flags & RC_TF_UPPER) {
                if (wb & WB_ACRO)
                    bits |= TB_NAME | TB_ACRO;
                else if (!((t->flags & RC_TF_SENTSTART) &&
                           (bits & (gram | SL_SRC | SL_ROLE | SL_ORG | SL_VIA))) &&
                         !(bits & (SL_DET | SL_PREP | SL_PRON | SL_STOP | SL_CUE | SL_ROLE)))
                    bits |= TB_NAME;
            } else if (wb & WB_ARTNAME)
                bits |= TB_NAME;
        }
        ti[i].bits = bits;
        ti[i].verb = (int16_t)(uint16_t)(v >> 32);
        ti[i].cue = (int16_t)(uint16_t)(v >> 48);
        acts[nacts] = (uint32_t)i; /* kept only when it acts */
        nacts += (bits & (SL_CUE | SL_VERB)) != 0;
    }
    return nacts;
}

uint32_t speaker_sent_of(const src_state *st, uint32_t i)
{
    size_t lo = 0, hi = st->doc->nsents; /* the last sentence whose first token is <= i */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->sent_tok[mid] <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? (uint32_t)(lo - 1) : 0;
}

int speaker_init(src_state *st, rc_doc *doc, const srclex *sl)
{
    memset(st, 0, sizeof *st);
    st->doc = doc;
    st->sl = sl;
    st->agencies = srclex_lex(sl, SLX_AGENCIES);
    size_t n = doc->ntoks;
    st->ti = rc_arena_alloc(&doc->arena, (n + 1) * sizeof *st->ti);
    st->sent_tok = rc_arena_alloc(&doc->arena, (doc->nsents + 2) * sizeof *st->sent_tok);
    if (!st->ti || !st->sent_tok)
        return RC_ENOMEM;
    for (size_t i = 0; i <= doc->nsents; i++)
        st->sent_tok[i] = (uint32_t)n;
    if (doc->nsents)
        st->sent_tok[0] = 0;
    /* each sentence's first token: the first that starts at or after the sentence (a sentence
     * with no token of its own shares the next one's; past the last token, n) */
    const rc_token *toks = doc->toks;
    for (size_t i = 0, k = 1; k < doc->nsents; k++) {
        i = tok_at_or_after(toks, n, i, doc->sents[k].start);
        if (i >= n)
            break;
        st->sent_tok[k] = (uint32_t)i;
    }
    st->acts = rc_arena_alloc(&doc->arena, (n + 1) * sizeof *st->acts);
    if (!st->acts)
        return RC_ENOMEM;
    st->nacts = speaker_classify(doc, sl, st->ti, st->acts);
    st->ti[n] = (srclex_info){0, -1, -1};
    if (doc->nents) { /* the entities stage's names, when it ran */
        st->ent_of = rc_arena_alloc(&doc->arena, (n + 1) * sizeof *st->ent_of);
        st->ent_end = rc_arena_alloc(&doc->arena, doc->nents * sizeof *st->ent_end);
        if (!st->ent_of || !st->ent_end)
            return RC_ENOMEM;
        for (size_t i = 0; i <= n; i++)
            st->ent_of[i] = -1;
        size_t i = 0;
        for (size_t e = 0; e < doc->nents; e++) {
            const rc_entity *en = &doc->ents[e];
            i = tok_at_or_after(doc->toks, n, i, en->start);
            st->ent_end[e] = (uint32_t)i;
            if (i < n && doc->toks[i].start == en->start &&
                (doc->toks[i].flags & RC_TF_UPPER || (st->ti[i].bits & TB_NAME))) {
                /* an entity that starts with a common noun (ministère de ...) is read here */
                size_t j = i;
                while (j < n && doc->toks[j].end <= en->end)
                    j++;
                if (j > i) {
                    st->ent_of[i] = (int32_t)e;
                    st->ent_end[e] = (uint32_t)j;
                    for (size_t k = i; k < j; k++)
                        st->ti[k].bits |= TB_NAME;
                }
            }
        }
        /* a one-word place or body glued to a person with no preposition before it is that
         * person's given name (Salem + Ben Ghazi): both are read as one run of names */
        for (size_t e = 0; e + 1 < doc->nents; e++) {
            const rc_entity *en = &doc->ents[e], *nx = &doc->ents[e + 1];
            if (en->type == RC_ENT_PER || nx->type != RC_ENT_PER)
                continue;
            uint32_t ea = st->ent_end[e]; /* token after e when mapped */
            if (ea == 0 || ea >= n || st->ent_of[ea] != (int32_t)(e + 1) ||
                st->ent_of[ea - 1] != (int32_t)e)
                continue;
            uint32_t k = ea - 1;
            if (k > 0 && !(doc->toks[k].flags & RC_TF_SENTSTART) &&
                (st->ti[k - 1].bits & (SL_LOC | SL_PREP | SL_DET | TB_NAME)))
                continue;
            st->ent_of[k] = st->ent_of[ea] = -1;
        }
    }
    return RC_OK;
}

/* Whether the word ends with suffix (imperfect verbs end a name: pourraient, assurait); k is
 * strlen(suffix). */
static inline bool ends_with(const src_state *st, uint32_t i, const char *suffix, size_t k)
{
    size_t n;
    const char *s = tok_text(st, i, &n);
    return n > k + 1 && memcmp(s + n - k, suffix, k) == 0;
}

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
    size_t len;
    const char *w = tok_text(st, k, &len);
    if (len > 4 || !(st->doc->toks[k].flags & RC_TF_UPPER))
        return false;
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_GRAMMAR);
    const char *v = lex ? rc_lex_get(lex, w, len) : NULL;
    return v && strstr(v, "hon") != NULL;
}

/* Whether the "et" at token j joins two complements inside a name (d'otages et de disparus,
 * d'urgence et de réhabilitation): "de" or "d'" then a lower-case word that is no article. */
static bool et_de(const src_state *st, uint32_t j, uint32_t lim)
{
    const srclex_info *ti = st->ti;
    return j + 2 < lim && (ti[j + 1].bits & SL_PREP) &&
           !(ti[j + 1].bits & (SL_DET | SL_LOC | TB_NAME)) &&
           st->doc->toks[j + 2].kind == RC_TOK_WORD &&
           !(ti[j + 2].bits & (TB_NAME | SL_DET | SL_PREP | SL_LOC | SL_STOP | SL_VERB | SL_AUX |
                               SL_PRON | SL_QUE | SL_REL | SL_CUE | SL_ADV)) &&
           !(st->doc->toks[j + 2].flags & RC_TF_UPPER);
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
        int32_t ent = st->ent_of ? st->ent_of[j] : -1;
        if ((b & TB_NAME) || ent >= 0) {
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
        if ((b & SL_CONJ) && (np->head || nruns) && et_de(st, j, lim)) {
            j += 2; /* le Forum des familles d'otages et de disparus */
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
        const char *w = tok_text(st, np->na, &len);
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
    while (j > d + 1 && (st->ti[j - 1].bits & SL_PREP)) /* not ending on "de" */
        j--;
    if (j == d)
        return false;
    np->a = i;
    np->b = np->rb = j;
    np->ra = d;
    np->head = SL_SRC;
    return true;
}

bool speaker_np(const src_state *st, uint32_t i, uint32_t lim, src_np *np)
{
    return np_read(st, i, lim, np);
}

bool speaker_np_via(const src_state *st, uint32_t lim, src_np *np)
{
    if (np->head != SL_VIA || np->na != np->nb || np->pron)
        return true;
    uint32_t k = np->a; /* de, or par after a participle: un décompte établi par le réseau */
    while (k < np->b && !(st->ti[k].bits & SL_PREP) && !(k > np->a + 1 && is_par(st, k)))
        k++;
    if (k == np->b && k + 2 < lim && is_par(st, k + 1) && st->doc->toks[k].kind == RC_TOK_WORD)
        k++; /* the phrase stopped before the participle */
    else if (k == np->b && k + 1 < lim && k > np->a + 1 && is_par(st, k))
        ; /* the phrase took the participle */
    else if (k >= np->b || k + 1 >= lim)
        return false;
    src_np c;
    if (!speaker_np_appos(st, k + 1, lim, &c) && !speaker_np_loose(st, k + 1, lim, &c))
        return false;
    if (c.pron)
        return false;
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

static bool first_name(const src_state *st, uint32_t k);
static bool role_has_complement(const src_state *st, const src_np *np);

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
        (r.b >= lim || st->doc->toks[r.b].kind == RC_TOK_PUNCT)) {
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
        if (np_read(st, j + 1, lim, &r) && !r.pron && r.na == r.nb &&
            (r.head == SL_ROLE || r.head == SL_SRC)) {
            np->ra = r.ra;
            uint32_t k = role_cut(st, r.ra, appos_end(st, r.b, lim)); /* le chef ... en Syrie */
            np->rb = np->b = k;
            if (np->type == RC_ENT_MISC)
                np->type = RC_ENT_PER;
        }
    } else if (!named && (np->head == SL_ROLE || np->head == SL_SRC)) {
        appos_name(st, j, lim, true, np); /* le ministre turc, Mevlüt Çavuşoğlu, */
    } else if (!named && np->head == SL_ORG && role_has_complement(st, np)) {
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
 * figure and a year unit of the time vocabulary) or a clause opened by a past participle (arrivé
 * au Bangladesh sur un bateau de pêche). */
static bool speaker_aside(const src_state *st, uint32_t a, uint32_t b)
{
    const rc_token *t = st->doc->toks;
    if (a >= b)
        return false;
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
    if ((ti[k].bits & SL_PRON) && !(ti[k].bits & TB_NAME))
        return np_read(st, k, k + 1, np);
    if (ti[k].bits & SL_REL) { /* X, qui a fait état */
        if (k == s0)
            return false;
        k--;
        if (speaker_punct(st, k, ',') && k > s0)
            k--;
        if (!np_ending_at(st, k, s0, np))
            return false;
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
            if (np_ending_at(st, p - 1, s0, &before)) {
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
                }
                *np = before;
                return true;
            }
        }
        return np_ending_at(st, k - 1, s0, np);
    }
    return np_ending_at(st, k, s0, np);
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
    return j > k && j < lim && (ti[j].bits & TB_NAME) && !(ti[j].bits & TB_ACRO) ? j : k;
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

/* Whether a role phrase has a complement (le porte-parole du régime): then it is a description
 * of its own, not a person met before. */
static bool role_has_complement(const src_state *st, const src_np *np)
{
    for (uint32_t k = np->ra; k < np->rb; k++)
        if (st->ti[k].bits & SL_PREP)
            return true;
    return false;
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
    if (name[0] >= 'A' && name[0] <= 'Z' && !is_acronym(name, n))
        return name; /* Radio Okapi, Agence France-Presse: the kind is part of the name */
    srclex_info w = srclex_word(st->sl, name, n);
    return (w.bits & SL_ORG) && !(w.bits & (SL_ROLE | SL_SRC)) ? sp + 1 : name;
}

/* Whether token k is a given name of ent_firstnames.txt. */
static bool first_name(const src_state *st, uint32_t k)
{
    size_t len;
    const char *w = tok_text(st, k, &len);
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_FIRSTNAMES);
    return lex && rc_lex_get(lex, w, len) != NULL;
}

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

bool speaker_anaphor(const src_state *st, uint32_t k)
{
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_NOUNS);
    size_t len;
    const char *w = tok_text(st, k, &len);
    const char *v = lex ? rc_lex_get(lex, w, len) : NULL;
    return v && strstr(v, "ana") != NULL;
}

/* The classes of ent_orgs.tsv an organisation must have for the org noun at token k to stand
 * for it (le groupe: armed; l'ONG: ngo): the words after "grp" in the noun's source_nouns.tsv
 * entry, or NULL when the noun names no group. */
static const char *group_classes(const src_state *st, uint32_t k)
{
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_NOUNS);
    size_t len;
    const char *w = tok_text(st, k, &len);
    const char *v = lex ? rc_lex_get(lex, w, len) : NULL;
    const char *g = v ? strstr(v, "grp") : NULL;
    return g ? g + 3 : NULL;
}

/* Whether the organisation called name is an outlet (ent_orgs.tsv class agency or media, or a
 * news agency of dateline_agencies.txt), which relays and is no group. */
static bool org_outlet(const src_state *st, const char *name)
{
    size_t n = strlen(name);
    const rc_lexicon *orgs = srclex_lex(st->sl, SLX_ORGS);
    const char *v = orgs ? rc_lex_get(orgs, name, n) : NULL;
    if (v && (!strncmp(v, "agency", 6) || !strncmp(v, "media", 5)))
        return true;
    return st->agencies && rc_lex_get(st->agencies, name, n);
}

/* Whether organisation en may be what a group noun stands for: ent_orgs.tsv gives it one of the
 * noun's classes (Hezbollah is armed: le mouvement chiite; MSF is ngo: l'ONG). An organisation
 * the list does not know is never taken: the nearest one of any kind is too often another. */
static bool group_antecedent(const src_state *st, const rc_entity *en, const char *classes)
{
    const rc_lexicon *orgs = srclex_lex(st->sl, SLX_ORGS);
    const char *v = orgs ? rc_lex_get(orgs, en->canon, strlen(en->canon)) : NULL;
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
    const char *noun = tok_text(st, k, &nlen);
    size_t lo = 0, hi = d->nents; /* entities are in text order: the first at or after k */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->ents[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
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
    uint32_t near = d->sents[sent >= 1 ? sent - 1 : 0].start;
    /* an organisation named as a complement (lié à Al-Qaïda, les tirs du Hezbollah) is taken
     * only when no other fits */
    int32_t comp = -1;
    for (size_t e = lo; e-- > 0;) {
        const rc_entity *en = &d->ents[e];
        if (en->start < near)
            break;
        if (en->type != RC_ENT_ORG || !group_antecedent(st, en, classes))
            continue;
        if (!after_preposition(st, en->start))
            return (int32_t)e;
        if (comp < 0)
            comp = (int32_t)e;
    }
    return comp;
}

/* Whether token k is a demonstrative (ce, cet, cette): "dem" in its source_grammar.tsv entry. */
static bool is_demonstrative(const src_state *st, uint32_t k)
{
    const rc_lexicon *lex = srclex_lex(st->sl, SLX_GRAMMAR);
    size_t len;
    const char *w = tok_text(st, k, &len);
    const char *v = lex ? rc_lex_get(lex, w, len) : NULL;
    return v && strstr(v, "dem") != NULL;
}

int speaker_make(src_state *st, const src_np *np, rc_speaker *out)
{
    /* a phrase that was read: a pronoun, a name or a description, never an empty span */
    assert(np->a < np->b && (np->pron || np->na < np->nb || np->ra < np->rb));
    memset(out, 0, sizeof *out);
    const rc_token *t = st->doc->toks;
    uint32_t sent = speaker_sent_of(st, np->a);
    out->start = t[np->a].start;
    out->end = t[np->b - 1].end;
    if (np->pron) { /* the nearest earlier speaker that fits */
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) {
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 4 < sent)
                break;
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
            if ((np->bits & SL_MASC) && !plural && m->sp.type == RC_ENT_ORG)
                continue;
            if (!(np->bits & (SL_FEM | SL_MASC))) /* on */
                continue;
            uint32_t s = out->start, e = out->end;
            *out = m->sp;
            out->start = s;
            out->end = e;
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
        const char *mw = tok_text(st, np->ra, &ml);
        same = folded_eq(mw, ml, "même", strlen("même"));
        kind += same;
    }
    if (same && !(st->ti[kind].bits & SL_ORG))
        same = false;
    if (!named && (np->head == SL_ORG || same) && (np->def || (st->ti[np->a].bits & SL_DEF)) &&
        !(np->bits & SL_PLUR) && st->doc->sents && !role_has_complement(st, np) &&
        (same || speaker_anaphor(st, kind))) {
        /* l'ONG, le ministère, la même association */
        int32_t e = org_antecedent(st, kind, sent, same ? 12 : 3); /* même: any named before */
        if (e >= 0) {
            const rc_entity *en = &st->doc->ents[e];
            out->name = drop_org_kind(st, en->canon);
            out->key = out->name == en->canon ? en->key : NULL;
            out->type = RC_ENT_ORG;
        } else if (st->nmem) { /* MSF a dénoncé ... L'ONG affirme: the organisation that spoke */
            const src_mem *m = &st->mem[(st->nmem - 1) % SRC_MEM];
            const char *n = m->sp.name, *sp = strchr(n, ' ');
            srclex_info w = srclex_word(st->sl, n, sp ? (size_t)(sp - n) : strlen(n));
            if (m->sent + 1 >= sent && m->sp.type == RC_ENT_ORG && !(w.bits & SL_ORG) &&
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
        np->ra > np->a && !role_has_complement(st, np) && is_demonstrative(st, np->a)) {
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) { /* cet officier: the last person */
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 2 < sent)
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
    if (!named && (np->head == SL_ROLE || np->head == SL_SRC) && np->def &&
        !(np->bits & SL_PLUR) &&
        !role_has_complement(st, np)) { /* a role alone: le ministre, le secouriste */
        const src_mem *best = NULL;
        for (size_t k = 0; k < SRC_MEM && k < st->nmem; k++) {
            const src_mem *m = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
            if (m->sent + 6 < sent)
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
            if (m->sent + 1 < sent)
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

void speaker_remember(src_state *st, const rc_speaker *sp, uint32_t sent, uint32_t bits)
{
    rc_speaker copy = *sp;
    for (size_t k = 0; !copy.role && copy.key && k < SRC_MEM && k < st->nmem; k++) {
        const src_mem *o = &st->mem[(st->nmem - 1 - k) % SRC_MEM];
        if (o->sp.role && o->sp.key && strcmp(o->sp.key, copy.key) == 0)
            copy.role = o->sp.role; /* Mercier named again keeps his role */
    }
    src_mem *m = &st->mem[st->nmem % SRC_MEM];
    m->sp = copy;
    m->sent = sent;
    m->bits = bits;
    st->nmem++;
}

void speaker_scan_names(src_state *st, uint32_t a, uint32_t b, uint32_t sent)
{
    const srclex_info *ti = st->ti;
    const rc_token *t = st->doc->toks;
    for (uint32_t i = a; i < b; i++) {
        while (i < b && (ti[i].bits & (TB_NAME | TB_INQ)) != TB_NAME)
            i++; /* a name outside quotation marks */
        if (i >= b)
            break;
        if (i > a && (ti[i - 1].bits & (TB_NAME | SL_PREP | SL_DET | SL_LOC | SL_PARTICLE)))
            continue;
        src_np np;
        if (!np_read(st, i, b, &np) || np.type != RC_ENT_PER || np.na != i) {
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
