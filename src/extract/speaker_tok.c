/*
 * speaker_tok.c - the per-token pass of the sources stage: what each token of a document is for
 * the readers of sources (the classes of its word from srclex, read through the thread's word
 * memo, whether it may be part of a name, an acronym, inside a quotation), which tokens may
 * start an attribution, the first token of each sentence and the entity each token starts.
 */
#include <assert.h>
#include <string.h>

#include "extract/speaker_int.h"
#include "core/words.h"

/* Whether a lower-case word is an Arabic article glued to a name: al-Mayadeen, el-Assad. */
static bool is_article_name(const char *s, size_t n)
{
    if (n < 4 || s[2] != '-' || !((s[0] == 'a' && s[1] == 'l') || (s[0] == 'e' && s[1] == 'l')))
        return false;
    unsigned char c = (unsigned char)s[3];
    return (c >= 'A' && c <= 'Z') || c == 0xc3; /* À-Ý start with 0xc3 */
}

/* Bits of a memo answer that are no srclex bits but facts of the word's bytes, kept with it so
 * that they are worked out once per distinct word: WB_ACRO speaker_is_acronym, WB_ARTNAME
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
    if (speaker_is_acronym(w, len))
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
    return lo + rc_toks_from(toks + lo, hi - lo, off);
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

/* See speaker.h: a binary search of the sentences' first tokens. */
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

/* See speaker.h: classifies every token, then marks quotations, sentences and entities. */
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

