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

/* A word's answer kept in its 64-bit memo slot: the bytes of its srclex_info, so that reading
 * it back is one 8-byte copy. */
static inline uint64_t memo_pack(srclex_info info)
{
    uint64_t v;
    _Static_assert(sizeof info == sizeof v, "srclex_info fills one memo slot");
    memcpy(&v, &info, sizeof v);
    return v;
}

/* The srclex_info of a memo slot (memo_pack undone). */
static inline srclex_info memo_unpack(uint64_t v)
{
    srclex_info info;
    memcpy(&info, &v, sizeof info);
    return info;
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

/* The lists speaker_classify gathers in its pass over the tokens, so that the later passes of
 * the stage read only the tokens that matter to them (each list in text order, room for ntoks
 * entries). */
typedef struct tok_lists {
    uint32_t *acts;   /* tokens with SL_CUE or SL_VERB (st->acts), and places held for the
                       * tokens read carefully (speaker_acts_settle drops those that do not act) */
    size_t nacts;
    uint32_t *marks;  /* quotation marks and tokens after a line break (st->marks) */
    size_t nmarks;
    uint32_t *starts; /* tokens flagged RC_TF_SENTSTART: where sentences likely begin */
    size_t nstarts;
    uint32_t *cands;  /* tokens with a capital or TB_NAME: where an entity may be read */
    size_t ncands;
} tok_lists;

/* Token flags that send a word to speaker_classify_one rather than the quick path: a capital
 * may make a name, and sentence starts and line breaks go into the lists. */
#define SLOW_FLAGS (RC_TF_UPPER | RC_TF_SENTSTART | RC_TF_NEWLINE | RC_TF_PARAGRAPH)

/* Marks token i in the bitmap of names outside quotations (st->names). */
static inline void names_set(uint64_t *names, size_t i)
{
    names[i >> 6] |= 1ull << (i & 63);
}

/* What token i is, the careful way (every token that the quick path of speaker_classify does
 * not settle): the word's classes from the thread's memo with TB_WORD, TB_NAME for a
 * capitalised word that no class keeps from being a name; the token goes into the lists it
 * belongs to (but acts, which speaker_classify keeps). */
static inline void speaker_classify_one(const rc_doc *doc, const srclex *sl, size_t i,
                                        src_state *st, tok_lists *L)
{
    const uint32_t gram = SL_DET | SL_PREP | SL_LOC | SL_STOP | SL_AUX | SL_ADV | SL_PRON |
                          SL_CUE | SL_VERB | SL_REFL | SL_CONJ | SL_QUE | SL_REL;
    const rc_token *t = &doc->toks[i];
    unsigned kind = t->kind;
    srclex_info *ti = st->ti;
    uint32_t bits;
    if (kind < RC_TOK_WORD || kind > RC_TOK_ABBREV) {
        bits = kind == RC_TOK_NUMBER ? SL_DET : 0; /* "12 habitants" */
        ti[i] = (srclex_info){bits, -1, -1};
    } else {
        uint32_t id = doc->wids ? doc->wids[i] : UINT32_MAX;
        srclex_info info = memo_unpack(id != UINT32_MAX &&
                                               (doc->words[id].have >> RC_WM_SRCLEX & 1u)
                                           ? doc->words[id].memo[RC_WM_SRCLEX]
                                           : speaker_word(doc, sl, i));
        bits = info.bits;
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
        ti[i] = (srclex_info){bits, info.verb, info.cue};
    }
    if (kind == RC_TOK_QUOTE_OPEN || kind == RC_TOK_QUOTE_CLOSE ||
        (t->flags & (RC_TF_NEWLINE | RC_TF_PARAGRAPH)))
        L->marks[L->nmarks++] = (uint32_t)i;
    if (t->flags & RC_TF_SENTSTART)
        L->starts[L->nstarts++] = (uint32_t)i;
    if ((t->flags & RC_TF_UPPER) || (bits & TB_NAME))
        L->cands[L->ncands++] = (uint32_t)i;
    if (bits & TB_NAME) {
        names_set(st->names, i);
        if (st->ent_of)
            st->ent_of[i] = -1; /* ent_of is kept for the tokens with TB_NAME only */
    }
}

/* speaker_classify_one of the tokens slow[0..nslow), in a loop of its own. */
__attribute__((noinline)) static void speaker_classify_slow(const rc_doc *doc, const srclex *sl,
                                                           src_state *st, tok_lists *L,
                                                           const uint32_t *slow, size_t nslow)
{
    for (size_t k = 0; k < nslow; k++)
        speaker_classify_one(doc, sl, slow[k], st, L);
}

/* What each token of doc is (st->ti[0..ntoks)), and the lists of L. This runs on every token,
 * so the common token (a lower-case word whose answer the thread's memo has, with no flag,
 * or a punctuation mark) takes a short path: its memo answer is its classes as they are. The
 * other tokens are only listed in the first loop, which keeps it free of calls, and settled in
 * a second one (speaker_classify_one); they hold a place in acts until then. */
__attribute__((noinline)) static void speaker_classify(const rc_doc *doc, const srclex *sl,
                                                      src_state *st, tok_lists *L,
                                                      uint32_t *slow)
{
    const rc_token *toks = doc->toks;
    const uint32_t *wids = doc->wids;
    const rc_word *words = doc->words;
    srclex_info *ti = st->ti;
    uint32_t *acts = L->acts;
    size_t n = doc->ntoks, nacts = 0, nslow = 0;
    if (!wids) { /* no word table: every token the careful way */
        for (size_t i = 0; i < n; i++) {
            acts[i] = slow[i] = (uint32_t)i;
            nacts++;
        }
        speaker_classify_slow(doc, sl, st, L, slow, n);
        L->nacts = nacts;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const rc_token *t = &toks[i];
        uint32_t id = wids[i];
        if (!(t->flags & SLOW_FLAGS)) {
            if (id != UINT32_MAX) { /* a word: no acronym, no al-X, no capital */
                const rc_word *w = &words[id];
                if (w->have >> RC_WM_SRCLEX & 1u) {
                    /* the slot holds the bytes of a srclex_info (memo_pack): copied whole */
                    memcpy(&ti[i], &w->memo[RC_WM_SRCLEX], sizeof ti[i]);
                    uint32_t bits = ti[i].bits;
                    if (!(bits & (WB_ACRO | WB_ARTNAME))) {
                        acts[nacts] = (uint32_t)i; /* kept only when it acts */
                        nacts += (bits & (SL_CUE | SL_VERB)) != 0;
                        continue;
                    }
                }
            } else if (t->kind > RC_TOK_ABBREV && t->kind != RC_TOK_QUOTE_OPEN &&
                       t->kind != RC_TOK_QUOTE_CLOSE) { /* no word, no mark: "12 habitants" */
                ti[i] = (srclex_info){t->kind == RC_TOK_NUMBER ? SL_DET : 0, -1, -1};
                continue;
            }
        }
        slow[nslow++] = (uint32_t)i;
        acts[nacts++] = (uint32_t)i; /* a place, given up below when it does not act */
    }
    speaker_classify_slow(doc, sl, st, L, slow, nslow);
    L->nacts = nacts; /* with the places: speaker_acts_settle drops them */
}

/* See speaker.h: one pass over acts once the quotations are marked. */
void speaker_acts_settle(src_state *st)
{
    const srclex_info *ti = st->ti;
    size_t w = 0;
    for (size_t k = 0; k < st->nacts; k++) {
        const srclex_info *x = &ti[st->acts[k]];
        if ((x->bits & (SL_CUE | SL_VERB)) &&
            (!(x->bits & TB_INQ) || ((x->bits & SL_VERB) && x->verb >= 0)))
            st->acts[w++] = st->acts[k];
    }
    st->nacts = w;
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

/* See speaker.h: the times are in text order, one binary search finds the one that ends after
 * the token's start. */
uint32_t speaker_time_skip(const src_state *st, uint32_t j, uint32_t lim)
{
    const rc_doc *d = st->doc;
    size_t k = RC_FIRST_ENDING_AFTER(rc_time, d->times, d->ntimes, d->toks[j].start);
    if (k >= d->ntimes || d->times[k].start > d->toks[j].start)
        return j;
    uint32_t e = j;
    while (e < lim && d->toks[e].start < d->times[k].end)
        e++;
    return e < lim ? e : j;
}

/* Whether value v of a lexicon entry holds the word cls as one of its fields. */
static bool speaker_has_field(const char *v, const char *cls)
{
    size_t n = strlen(cls);
    for (const char *p = v; p && (p = strstr(p, cls)) != NULL; p += n)
        if ((p == v || p[-1] == ' ' || p[-1] == '\t') && (!p[n] || p[n] == ' ' || p[n] == '\t'))
            return true;
    return false;
}

/* Whether token k's entry, as written, in lexicon which holds the class cls as a field. */
static bool speaker_lex_field(const src_state *st, uint32_t k, int which, const char *cls)
{
    const rc_token *t = &st->doc->toks[k];
    if (t->kind != RC_TOK_WORD)
        return false;
    const rc_lexicon *lex = srclex_lex(st->sl, which);
    const char *v = lex ? rc_lex_get(lex, st->doc->text + t->start, t->end - t->start) : NULL;
    return v && speaker_has_field(v, cls);
}

/* See speaker.h. */
bool speaker_noun_class(const src_state *st, uint32_t k, const char *cls)
{
    return speaker_lex_field(st, k, SLX_NOUNS, cls);
}

/* See speaker.h: one lookup of the word as written. */
bool speaker_grammar_class(const src_state *st, uint32_t k, const char *cls)
{
    return speaker_lex_field(st, k, SLX_GRAMMAR, cls);
}

/* The first token of sentence k (whose text starts at byte off), from token i on: the
 * sentence-start token the tokenizer flagged next, when it is that token (it starts at or after
 * off and the token before it does not), else a galloping search. *c walks L->starts. */
static size_t sent_first_tok(const rc_doc *doc, const tok_lists *L, size_t *c, size_t i,
                             uint32_t off)
{
    const rc_token *toks = doc->toks;
    while (*c < L->nstarts && (L->starts[*c] < i || toks[L->starts[*c]].start < off))
        (*c)++;
    if (*c < L->nstarts) {
        size_t j = L->starts[*c];
        if (j == i || toks[j - 1].start < off)
            return j;
    }
    return tok_at_or_after(toks, doc->ntoks, i, off);
}

/* Maps the entities to the tokens that start them (st->ent_of, st->ent_end) and marks their
 * tokens TB_NAME: an entity is read as a name when a token with a capital or TB_NAME starts
 * exactly where it starts. Entities are in text order, so one cursor over L->cands (the only
 * tokens that may start one) finds them; a token made TB_NAME by an earlier entity (when
 * entities overlap) is found by a search. */
static void speaker_map_entities(src_state *st, const tok_lists *L)
{
    const rc_doc *doc = st->doc;
    const rc_token *toks = doc->toks;
    size_t n = doc->ntoks, c = 0, maxj = 0, gi = 0;
    bool sorted = true;
    for (size_t e = 1; e < doc->nents && sorted; e++)
        sorted = doc->ents[e - 1].start <= doc->ents[e].start;
    for (size_t e = 0; e < doc->nents; e++) {
        const rc_entity *en = &doc->ents[e];
        size_t i = n;
        if (!sorted) { /* entities read from elsewhere: a search from the last one's token */
            gi = tok_at_or_after(toks, n, gi, en->start);
            if (gi < n && toks[gi].start == en->start &&
                ((toks[gi].flags & RC_TF_UPPER) || (st->ti[gi].bits & TB_NAME)))
                i = gi;
        } else {
            while (c < L->ncands && toks[L->cands[c]].start < en->start)
                c++;
            if (c < L->ncands && toks[L->cands[c]].start == en->start)
                i = L->cands[c];
            else if (maxj && toks[maxj - 1].start >= en->start) {
                size_t g = rc_toks_from(toks, n, en->start);
                if (g < n && toks[g].start == en->start && (st->ti[g].bits & TB_NAME))
                    i = g;
            }
        }
        st->ent_end[e] = 0; /* read only for the entities mapped */
        if (i >= n)
            continue;
        /* an entity that starts with a common noun (ministère de ...) is read here */
        size_t j = i;
        while (j < n && toks[j].end <= en->end)
            j++;
        if (j > i) {
            for (size_t k = i; k < j; k++)
                if (!(st->ti[k].bits & TB_NAME)) {
                    st->ti[k].bits |= TB_NAME;
                    st->ent_of[k] = -1;
                    names_set(st->names, k);
                }
            st->ent_of[i] = (int32_t)e;
            st->ent_end[e] = (uint32_t)j;
            if (j > maxj)
                maxj = j;
        }
    }
    /* a one-word place or body glued to a person with no preposition before it is that
     * person's given name (Salem + Ben Ghazi): both are read as one run of names */
    for (size_t e = 0; e + 1 < doc->nents; e++) {
        const rc_entity *en = &doc->ents[e], *nx = &doc->ents[e + 1];
        if (en->type == RC_ENT_PER || nx->type != RC_ENT_PER)
            continue;
        uint32_t ea = st->ent_end[e]; /* token after e when mapped, else 0 */
        if (ea == 0 || ea >= n || !(st->ti[ea].bits & TB_NAME) ||
            st->ent_of[ea] != (int32_t)(e + 1) || st->ent_of[ea - 1] != (int32_t)e)
            continue;
        uint32_t k = ea - 1;
        if (k > 0 && !(toks[k].flags & RC_TF_SENTSTART) &&
            (st->ti[k - 1].bits & (SL_LOC | SL_PREP | SL_DET | TB_NAME)))
            continue;
        st->ent_of[k] = st->ent_of[ea] = -1;
    }
}

/* See speaker.h: classifies every token, then finds the sentences' first tokens and maps the
 * entities. */
int speaker_init(src_state *st, rc_doc *doc, const srclex *sl)
{
    memset(st, 0, sizeof *st);
    st->doc = doc;
    st->sl = sl;
    st->agencies = srclex_lex(sl, SLX_AGENCIES);
    st->cues = srclex_cues(sl, &st->ncues);
    size_t n = doc->ntoks, nw = n / 64 + 1;
    rc_arena *ar = &doc->arena;
    tok_lists L = {0};
    st->ti = rc_arena_alloc(ar, (n + 1) * sizeof *st->ti);
    st->sent_tok = rc_arena_alloc(ar, (doc->nsents + 2) * sizeof *st->sent_tok);
    st->names = rc_arena_alloc(ar, nw * sizeof *st->names);
    L.acts = rc_arena_alloc(ar, (n + 1) * sizeof *L.acts);
    L.marks = rc_arena_alloc(ar, (n + 1) * sizeof *L.marks);
    L.starts = rc_arena_alloc(ar, (n + 1) * sizeof *L.starts);
    L.cands = rc_arena_alloc(ar, (n + 1) * sizeof *L.cands);
    uint32_t *slow = rc_arena_alloc(ar, (n + 1) * sizeof *slow);
    if (!st->ti || !st->sent_tok || !st->names || !L.acts || !L.marks || !L.starts || !L.cands ||
        !slow)
        return RC_ENOMEM;
    memset(st->names, 0, nw * sizeof *st->names);
    if (doc->nents) { /* the entities stage's names, when it ran */
        st->ent_of = rc_arena_alloc(ar, (n + 1) * sizeof *st->ent_of);
        st->ent_end = rc_arena_alloc(ar, doc->nents * sizeof *st->ent_end);
        if (!st->ent_of || !st->ent_end)
            return RC_ENOMEM;
    }
    speaker_classify(doc, sl, st, &L, slow);
    st->ti[n] = (srclex_info){0, -1, -1};
    st->acts = L.acts;
    st->nacts = L.nacts;
    st->marks = L.marks;
    st->nmarks = L.nmarks;
    for (size_t i = 0; i <= doc->nsents; i++)
        st->sent_tok[i] = (uint32_t)n;
    if (doc->nsents)
        st->sent_tok[0] = 0;
    /* each sentence's first token: the first that starts at or after the sentence (a sentence
     * with no token of its own shares the next one's; past the last token, n) */
    for (size_t i = 0, k = 1, c = 0; k < doc->nsents; k++) {
        i = sent_first_tok(doc, &L, &c, i, doc->sents[k].start);
        if (i >= n)
            break;
        st->sent_tok[k] = (uint32_t)i;
    }
    if (doc->nents)
        speaker_map_entities(st, &L);
    return RC_OK;
}
