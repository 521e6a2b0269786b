/*
 * entities.c - the entity stage: finds the names of a document (runs of capitalised words, names
 * with Arabic particles, acronyms, organisation names headed by Comité, Front, Observatoire ...),
 * types them PER, ORG, LOC or MISC from the gazetteers and from the words around them (titles
 * before persons, place triggers before places), keys them (keys.c) and links the spellings of
 * one entity (entlink.c). The language knowledge is in data/fr/ent_*.tsv|txt, place_names.tsv and
 * places.tsv; see docs/entities.md. When the context asks for it (rc_ctx_set_tagger), the
 * statistical tagger (ent_tagger.c) then adds the names the rules left out.
 *
 * The module is cut in three (ent_int.h): this file takes, types and adds the runs, resolves the
 * lone names and drives the stage; ent_words.c answers what one word is; ent_context.c reads the
 * words around a name.
 *
 * Cost: tokens are classed from their flags; lexicons are asked only about capitalised words and
 * the few words before a name, so a document costs a few look-ups per name, not per word.
 */
#include "extract/entities.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "core/lang.h"
#include "core/lexicon.h"
#include "core/words.h"
#include "extract/ent_int.h"
#include "extract/ent_tagger.h"
#include "extract/entkey.h"
#include "extract/entlink.h"
#include "extract/gazetteer.h"
#include "lang/fr/morph.h"
#include "util/fold.h"

/* Whether token i is a word of a number (Trente civils, Deux mille): a figure, not a name.
 * Asked in text order, like ent_in_time. */
static inline bool ent_in_number(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    while (r->num_i < d->nnums && d->nums[r->num_i].end <= d->toks[i].start)
        r->num_i++;
    return r->num_i < d->nnums && d->nums[r->num_i].start <= d->toks[i].start;
}

/* Whether token i lies inside a time expression (Noël, Décembre in a heading). The times are
 * in text order and tokens are asked about in text order, so one cursor suffices. */
static inline bool ent_in_time(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    while (r->time_i < d->ntimes && d->times[r->time_i].end <= d->toks[i].start)
        r->time_i++;
    return r->time_i < d->ntimes && d->times[r->time_i].start <= d->toks[i].start;
}

/* Whether a word is a plural article (les, des, aux, ces), before which a group may be named in
 * lower case. */
static inline bool ent_plural_article(const char *s, size_t n)
{
    return n == 3 && (memcmp(s, "les", 3) == 0 || memcmp(s, "des", 3) == 0 ||
                      memcmp(s, "aux", 3) == 0 || memcmp(s, "ces", 3) == 0);
}

/* Three bytes as the low bytes of a little-endian word (ent_skip). */
#define ENT_LE3(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)

/* A word read from memory as little-endian, whatever the machine's order. */
static inline uint32_t ent_le32(uint32_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap32(w);
#else
    return w;
#endif
}

/* A run longer than this is a heading or a list in title case, not one name. */
#define ENT_MAXWORDS 8

/* The hash of a span's bytes (the lexicons' hash, eight bytes at a time) and its type. */
static uint32_t ent_span_hash(const char *s, size_t n, int type)
{
    return rc_lex_hash(s, n) ^ ((uint32_t)type * 0x9e3779b9u);
}

/* rc_entkey_of the span [start, end) with a type into k (RC_ENTKEY_MAX bytes); the key of a name
 * depends on the name and its type only: kept across documents in the thread's string memo. */
static size_t ent_key_of(const rc_doc *d, uint32_t start, uint32_t end, int type, char *k)
{
    uint32_t tag = ((uint32_t)RC_WS_ENTKEY << 8) | (uint8_t)type;
    long got = rc_words_str_get(d, tag, d->text + start, end - start, k, RC_ENTKEY_MAX);
    if (got >= 0)
        return (size_t)got;
    size_t kn = rc_entkey_of(d->ctx, d->text + start, end - start, type, k, RC_ENTKEY_MAX);
    rc_words_str_set(d, tag, d->text + start, end - start, k, kn);
    return kn;
}

/* Appends an entity for the span [start, end) of the text. A name already met with the same
 * type shares the key, canon and coordinates of its first mention (names repeat; keys cost). */
static int ent_add(ent_run *r, uint32_t start, uint32_t end, int type, const rc_gaz_place *pl)
{
    rc_doc *d = r->doc;
    if (d->nents == r->cap &&
        rc_arena_grow(&d->arena, (void **)&d->ents, &r->cap, d->nents + 1, sizeof *d->ents))
        return RC_ENOMEM;
    size_t slot = 0;
    if (r->memo) {
        slot = ent_span_hash(d->text + start, end - start, type) & r->memo_mask;
        for (size_t probes = 0; r->memo[slot] && probes <= r->memo_mask; probes++) {
            const rc_entity *o = &d->ents[r->memo[slot] - 1];
            if (o->type == type && o->end - o->start == end - start &&
                memcmp(d->text + o->start, d->text + start, end - start) == 0) {
                rc_entity *e = &d->ents[d->nents++];
                *e = *o;
                e->start = start;
                e->end = end;
                return RC_OK;
            }
            slot = (slot + 1) & r->memo_mask;
        }
        if (r->memo[slot] == 0 && d->nents < r->memo_mask / 2)
            r->memo[slot] = (int32_t)d->nents + 1;
    }
    char k[RC_ENTKEY_MAX];
    size_t kn = ent_key_of(d, start, end, type, k);
    if (type == RC_ENT_PER && r->given) { /* Tamar Weiss: Tamar alone is her too */
        const char *sp = memchr(d->text + start, ' ', end - start);
        if (sp) {
            uint32_t h = ent_span_hash(d->text + start, (size_t)(sp - d->text) - start, 0) | 1u;
            size_t x = h & r->memo_mask, probes = 0;
            while (r->given[x] && r->given[x] != h && probes++ < r->memo_mask / 2)
                x = (x + 1) & r->memo_mask;
            if (!r->given[x] && probes < r->memo_mask / 2)
                r->given[x] = h;
        }
    }
    rc_entity *e = &d->ents[d->nents];
    e->start = start;
    e->end = end;
    e->type = (uint8_t)type;
    /* the key and the canon in one block of the arena */
    char *kc = rc_arena_alloc(&d->arena, kn + 1 + (end - start) + 1);
    if (!kc)
        return RC_ENOMEM;
    memcpy(kc, k, kn);
    kc[kn] = '\0';
    memcpy(kc + kn + 1, d->text + start, end - start);
    kc[kn + 1 + (end - start)] = '\0';
    e->key = kc;
    e->canon = kc + kn + 1;
    e->lat = pl ? pl->lat : NAN;
    e->lon = pl ? pl->lon : NAN;
    d->nents++;
    return RC_OK;
}

/* rc_gaz_place_find of the name s[0..n), kept in the thread's string memo across documents:
 * the same places come back in every text, and a look-up reads the record's figures. */
static bool ent_place_find(const ent_run *r, const char *s, size_t n, rc_gaz_place *out /* OUT */)
{
    const uint32_t tag = (uint32_t)RC_WS_PLACE << 8;
    char v[sizeof *out + 2]; /* the record's bytes, or one byte for none */
    long got = rc_words_str_get(r->doc, tag, s, n, v, sizeof v);
    if (got == 1)
        return false;
    if (got == (long)sizeof *out) {
        memcpy(out, v, sizeof *out);
        return true;
    }
    rc_gaz_place pl;
    memset(&pl, 0, sizeof pl); /* no undefined padding in the kept bytes */
    bool found = rc_gaz_place_find(r->doc->ctx, s, n, &pl);
    if (found) {
        *out = pl;
        memcpy(v, &pl, sizeof pl);
    } else {
        v[0] = 0;
    }
    rc_words_str_set(r->doc, tag, s, n, v, found ? sizeof pl : 1);
    return found;
}

/* Whether the word s[0..n) starts the full name of a person of the document (Tamar for Tamar
 * Weiss). */
static bool ent_given_seen(const ent_run *r, const char *s, size_t n)
{
    if (!r->given)
        return false;
    uint32_t h = ent_span_hash(s, n, 0) | 1u;
    for (size_t x = h & r->memo_mask, probes = 0; r->given[x] && probes <= r->memo_mask;
         x = (x + 1) & r->memo_mask, probes++)
        if (r->given[x] == h)
            return true;
    return false;
}

/* Whether the text s[0..n) was already found with that type in the document, through the
 * table of ent_add (a constant cost per name). */
static bool ent_seen_as(const ent_run *r, const char *s, size_t n, int type)
{
    const rc_doc *d = r->doc;
    if (!r->memo)
        return false;
    size_t slot = ent_span_hash(s, n, type) & r->memo_mask;
    for (size_t probes = 0; r->memo[slot] && probes <= r->memo_mask; probes++) {
        const rc_entity *o = &d->ents[r->memo[slot] - 1];
        if (o->type == type && o->end - o->start == n && memcmp(d->text + o->start, s, n) == 0)
            return true;
        slot = (slot + 1) & r->memo_mask;
    }
    return false;
}

/* Where a person's initials before the name at token a start (J. Smith, J.K. Rao): abbreviations
 * of capitals and full stops only, not M. (monsieur); a when there are none. The tokenizer reads
 * a lone capital and its full stop as one token only before a capitalised word. */
static size_t ent_initials_before(const ent_run *r, size_t a, size_t sent_start)
{
    const rc_doc *d = r->doc;
    size_t p = a;
    while (p > sent_start && d->toks[p - 1].kind == RC_TOK_ABBREV && a - p < 3) {
        const char *s = tok_s(d, p - 1);
        size_t n = tok_n(d, p - 1), k = 0;
        while (k + 1 < n && (unsigned)(s[k] - 'A') < 26u && s[k + 1] == '.')
            k += 2 + (k + 2 < n && s[k + 2] == '-');
        if (k != n || n > 5 || (n == 2 && s[0] == 'M'))
            break; /* not O.N.U., an acronym */
        p--;
    }
    return p;
}

/* Types the run of tokens [a, b) and adds it when it is a name. */
static int ent_take(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    rc_doc *d = r->doc;
    /* leading words that are not names: Le, Selon, a title written with a capital */
    int known = ent_type_known(r, a, b);
    while (a < b && known == -1 && !(a + 1 < b && ent_inner_apostrophe(d, a + 1))) {
        if (b >= a + 2 && ent_title_article(r, a, b, sent_start) &&
            ent_type_known(r, a + 1, b) == -1) {
            rc_gaz_place pl;
            const char *s = tok_s(d, a);
            size_t n = d->toks[b - 1].end - d->toks[a].start;
            if (ent_place_find(r, s, n, &pl)) /* La Haye, Le Caire */
                return ent_add(r, d->toks[a].start, d->toks[b - 1].end, RC_ENT_LOC, &pl);
            return ent_add(r, d->toks[a].start, d->toks[b - 1].end, RC_ENT_ORG, NULL);
        }
        enum ent_cue k = ent_tcue(r, a);
        bool opener = (d->toks[a].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)) || a == sent_start ||
                      (a > 0 && d->toks[a - 1].kind == RC_TOK_QUOTE_OPEN);
        if (k == CUE_PARTICLE && a + 1 < b)
            break; /* « El Chapo », Al Jazeera: the particle starts the name */
        if (opener && a > 0 && d->toks[a - 1].kind == RC_TOK_QUOTE_OPEN &&
            ent_baptised(r, a, sent_start))
            break; /* baptisée « Bouclier du Nord »: common words make the name */
        if (k == CUE_COMPASS && a + 1 == b && !opener && ent_region_before(r, a, sent_start))
            return ent_add(r, d->toks[a].start, d->toks[a].end, RC_ENT_LOC, NULL);
        if (k == CUE_STOP || k == CUE_COMPASS || k == CUE_TITLE || k == CUE_LOCTITLE ||
            k == CUE_HONOR ||
            k == CUE_LOCPREP || k == CUE_LOCNOUN || ent_tfunc(r, a) ||
            (opener && ent_common_opener(r, a)) || (opener && ent_known_rest(r, a, b))) {
            a++;
            if (a < b)
                known = ent_type_known(r, a, b);
        } else {
            break;
        }
    }
    if (a >= b)
        return RC_OK;
    /* a trailing particle or link is not part of the name */
    while (b > a && !ent_namelike(r, b - 1) && d->toks[b - 1].kind != RC_TOK_WORD &&
           d->toks[b - 1].kind != RC_TOK_NUMBER)
        b--;
    while (b > a + 1 && (ent_org_link(tok_s(d, b - 1), tok_n(d, b - 1)) ||
                         ent_tcue(r, b - 1) == CUE_PARTICLE))
        b--;
    uint32_t start = d->toks[a].start, end = d->toks[b - 1].end;
    const char *s = d->text + start;
    size_t n = end - start, words = b - a;
    const char *first = tok_s(d, a);
    size_t firstn = tok_n(d, a);
    rc_gaz_place pl;
    /* the place gazetteer is asked about one word only when the word is in it */
    bool may_place = words > 1 || (ent_tword(r, a) & W_PLACE);

    if (known == -1)
        known = ent_type_known(r, a, b);
    if (known == ENT_NONE)
        return RC_OK;
    size_t ia = words <= 2 && (known == -1 || known == RC_ENT_PER)
                    ? ent_initials_before(r, a, sent_start)
                    : a;
    if (ia < a) /* J.K. Rao: initials make a person */
        return ent_add(r, d->toks[ia].start, end, RC_ENT_PER, NULL);
    if (known >= 0)
        return ent_add(r, start, end, known, NULL);
    /* the words before only for a name the lists do not type (the rest asks only caches) */
    ent_ctx_cue c = ent_context(r, a, sent_start);
    /* a one-letter outlet (X) only where an outlet is named: sur X, via X, le réseau X */
    if (n == 1 && (c.locprep || c.orgnoun) && rc_lex_get(r->lx.orgs, s, n))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    /* the cues of these few shapes are tested first here, without a call: most names have
     * none of them */
    if (words <= 4 && a >= 2 && tok_n(d, a - 1) == 1 && ent_dateline_outlet(r, a, b))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if (words <= 4 && ent_baptised(r, a, sent_start))
        return ent_add(r, start, end, RC_ENT_MISC, NULL);
    if (words <= 3 && ent_nickname(r, a, sent_start))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (words <= 3 && (a == 0 || (d->toks[a].flags & RC_TF_NEWLINE)) && ent_dateline(r, a, b))
        return ent_add(r, start, end, RC_ENT_LOC,
                       ent_place_find(r, s, n, &pl) ? &pl : NULL);
    if (words <= 3 && b + 3 < d->ntoks && tok_n(d, b) == 1 && ent_age_after(r, b))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    enum ent_cue head = ent_head_of(r, a);
    enum ent_cue tail = ent_tcue(r, b - 1);
    if (c.misc && ent_noun_before(r, a, sent_start) == 2)
        return ent_add(r, start, end, RC_ENT_MISC, NULL); /* un drone américain MQ-9 Reaper */
    /* an organisation's noun ends the name, or starts an English one (Times of Israel) */
    if ((head == CUE_ORGHEAD || tail == CUE_ORGTAIL || ent_acronym(first, firstn) ||
         (ent_tcue(r, a) == CUE_ORGTAIL && ent_tcue(r, a + 1) == CUE_PARTICLE)) &&
        words >= 2)
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if (c.misc || head == CUE_MISCHEAD)
        return ent_add(r, start, end, RC_ENT_MISC, NULL);
    if (c.orgnoun && (c.outlet || !(ent_tword(r, a) & (W_FIRST | W_PLACE | W_COUNTRY))))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if (c.honor || (c.title_near && !c.locnoun && !c.title_de))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (c.locnoun)
        return ent_add(r, start, end, RC_ENT_LOC,
                       ent_place_find(r, s, n, &pl) ? &pl : NULL);
    if (head == CUE_LOCHEAD && words >= 2)
        return ent_add(r, start, end, RC_ENT_LOC,
                       ent_place_find(r, s, n, &pl) ? &pl : NULL);
    if (c.title_de && words == 1 && !(ent_tword(r, a) & (W_PLACE | W_COUNTRY | W_ORG))) {
        rc_morph m; /* le ministre de la Défense, de l'Intérieur: a portfolio, not a name */
        if (rc_fr_morph_tok(d, a, &m) && (m.flags & RC_M_NOUN) && !(m.flags & RC_M_PROPER))
            return RC_OK;
    }
    if (c.title_de && !(ent_tword(r, a) & W_FIRST) && !ent_seen_as(r, s, n, RC_ENT_PER)) {
        /* the title's place (le gouverneur de Jénine); a longer name only when it is a known
         * place, since a title's complement may be a person too (le porte-parole de Ban Ki-moon) */
        bool place = ent_place_find(r, s, n, &pl);
        if ((words == 1 && c.loctitle_de) || place)
            return ent_add(r, start, end, RC_ENT_LOC, place ? &pl : NULL);
    }
    if (words >= 2 && ((ent_tword(r, a) & W_FIRST) || (c.title && !c.locnoun_far)))
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (c.list >= 0 && c.list_comma && b + 1 < d->ntoks) {
        /* Alep, Homs et Hama; not a person in apposition: un habitant de Makeen, Gul Khan, joint */
        const char *x = tok_s(d, b);
        size_t xn = tok_n(d, b);
        bool goes_on = (xn == 2 && memcmp(x, "et", 2) == 0) ||
                       (xn == 1 && x[0] == ',' && ent_namelike(r, b + 1));
        if (!goes_on)
            c.list = -1;
    }
    if (c.list >= 0 || (c.locnoun_far && words >= 2)) {
        int ty = c.list >= 0 ? c.list : RC_ENT_LOC;
        return ent_add(r, start, end, ty,
                       ty == RC_ENT_LOC && ent_place_find(r, s, n, &pl) ? &pl : NULL);
    }
    if ((words > 1 || head == CUE_NONE) && may_place && ent_place_find(r, s, n, &pl)) {
        if (c.title && !c.title_de && words == 1 && !c.locprep)
            return ent_add(r, start, end, RC_ENT_PER, NULL);
        return ent_add(r, start, end, RC_ENT_LOC, &pl);
    }
    /* a word in capitals after a place preposition in capitals is a headline's place, not an
     * acronym (BOKO HARAM FRAPPE À MOZOGO) */
    bool caps_place = c.locprep && a > sent_start && ent_acronym(s, n) &&
                      ent_acronym(tok_s(d, a - 1), tok_n(d, a - 1));
    if (words == 1 && ent_model(s, n))
        return ent_add(r, start, end, RC_ENT_MISC, NULL); /* F-16, Su-25, MQ-9 */
    if (words == 1 && !caps_place && (ent_acronym(s, n) ||
                       (n >= 3 && n <= 6 && (unsigned)(s[0] - 'A') < 26u &&
                        (unsigned)(s[1] - 'A') < 26u && (unsigned)(s[n - 1] - 'a') < 26u)))
        return ent_add(r, start, end, RC_ENT_ORG, NULL); /* MSF; FAMa, FARDc: an acronym too */
    /* the weakest clues give way to an organisation named so before (à Fasonews after the
     * dateline's (Fasonews) -) */
    if ((c.locprep || c.de || words >= 2) && ent_seen_as(r, s, n, RC_ENT_ORG))
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    if ((c.locprep || c.de) && words == 1 && ent_given_seen(r, s, n))
        return ent_add(r, start, end, RC_ENT_PER, NULL); /* le père de Tamar */
    if (c.locprep || (c.de && words == 1))
        return ent_add(r, start, end, RC_ENT_LOC, NULL);
    if (c.title)
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    if (words >= 2 && ent_slogan(r, a, b, sent_start))
        return RC_OK;
    if (words >= 2) {
        /* no person's name has a figure (Caterpillar D9, Mirage 2000): a thing */
        for (size_t k = a; k < b; k++)
            for (size_t x = d->toks[k].start; x < d->toks[k].end; x++)
                if (d->text[x] >= '0' && d->text[x] <= '9')
                    return ent_add(r, start, end, RC_ENT_MISC, NULL);
        return ent_add(r, start, end, RC_ENT_PER, NULL);
    }
    /* an organisation's short name in brackets after it: le Conseil national de secours
     * (Conasur) */
    if (a >= 2 && b < d->ntoks && tok_n(d, a - 1) == 1 && tok_s(d, a - 1)[0] == '(' &&
        tok_n(d, b) == 1 && tok_s(d, b)[0] == ')' && d->nents &&
        d->ents[d->nents - 1].end == d->toks[a - 2].end &&
        d->ents[d->nents - 1].type == RC_ENT_ORG)
        return ent_add(r, start, end, RC_ENT_ORG, NULL);
    /* a lone unknown name: typed at the end like another mention of it (a surname, a place
     * named with its trigger elsewhere), or dropped when nothing vouches for it */
    if (r->npending == r->cappending &&
        rc_arena_grow(&d->arena, (void **)&r->pending, &r->cappending, r->npending + 1,
                      sizeof *r->pending))
        return RC_ENOMEM;
    r->pending[r->npending++] = (rc_span){start, end};
    return RC_OK;
}

/* Whether a lone name ending at byte end is an item of a list whose next item is a place (les
 * frappes sur Nabatiyé et Tyr; Kaya, Djibo et Dori): only "et" or a comma between. The first
 * known entities are in text order; the last one added may be the next item, a lone name of the
 * same list. */
static bool ent_list_before_place(const rc_doc *d, size_t known, uint32_t end)
{
    const char *t = d->text;
    size_t len = d->len;
    uint32_t q = end;
    if (q < len && t[q] == ',')
        q++;
    else if (q + 4 <= len && memcmp(t + q, " et ", 4) == 0)
        q += 3;
    else
        return false;
    while (q < len && t[q] == ' ')
        q++;
    size_t lo = RC_FIRST_STARTING(rc_entity, d->ents, known, q);
    if (lo < known && d->ents[lo].start == q && d->ents[lo].type == RC_ENT_LOC)
        return true;
    /* or the item after it, a lone name made a place just before (the list read backwards) */
    return d->nents > known && d->ents[d->nents - 1].start == q &&
           d->ents[d->nents - 1].type == RC_ENT_LOC;
}

/* The hash of a key for the table of ent_resolve (the lexicons' hash), never 0. */
static uint32_t ent_hash(const char *s, size_t n)
{
    uint32_t h = rc_lex_hash(s, n);
    return h ? h : 1;
}

static int ent_merge(ent_run *r, size_t known);

/* Types the lone names left pending like another mention of the same name in the document (the
 * last word of a person's full name counts as a mention of a person), adds those that find one
 * and puts the entities back in text order. */
static int ent_resolve(ent_run *r)
{
    rc_doc *d = r->doc;
    if (!r->npending)
        return RC_OK;
    size_t cap = 16;
    while (cap < d->nents * 4 + 4)
        cap *= 2;
    uint32_t *hs = rc_arena_calloc(&d->arena, cap, sizeof *hs);
    uint8_t *ty = rc_arena_alloc(&d->arena, cap);
    if (!hs || !ty)
        return RC_ENOMEM;
    size_t known = d->nents;
    for (size_t i = 0; i < known; i++) {
        const rc_entity *e = &d->ents[i];
        const char *k = e->key;
        /* the whole key, and a person's last word */
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                const char *sp = e->type == RC_ENT_PER ? strrchr(e->key, ' ') : NULL;
                if (!sp)
                    break;
                k = sp + 1;
            }
            uint32_t h = ent_hash(k, strlen(k));
            size_t x = h & (cap - 1);
            while (hs[x] && hs[x] != h)
                x = (x + 1) & (cap - 1);
            if (!hs[x]) {
                hs[x] = h;
                ty[x] = e->type;
            }
        }
    }
    for (size_t p = r->npending; p-- > 0;) { /* from the end: Kutum, Kebkabiya et Tawila */
        char k[RC_ENTKEY_MAX];
        size_t kn = rc_entlink_fold(d, d->text + r->pending[p].start,
                                    r->pending[p].end - r->pending[p].start, k, sizeof k);
        uint32_t h = ent_hash(k, kn);
        size_t x = h & (cap - 1);
        while (hs[x] && hs[x] != h)
            x = (x + 1) & (cap - 1);
        if (!hs[x]) { /* a place's key may be the gazetteer's near match: ask as a place */
            char k2[RC_ENTKEY_MAX];
            size_t k2n = ent_key_of(d, r->pending[p].start, r->pending[p].end, RC_ENT_LOC, k2);
            if (k2n != kn || memcmp(k, k2, kn) != 0) {
                h = ent_hash(k2, k2n);
                x = h & (cap - 1);
                while (hs[x] && hs[x] != h)
                    x = (x + 1) & (cap - 1);
            }
        }
        if (!hs[x]) {
            if (ent_list_before_place(d, known, r->pending[p].end) &&
                ent_add(r, r->pending[p].start, r->pending[p].end, RC_ENT_LOC, NULL))
                return RC_ENOMEM;
            continue;
        }
        rc_gaz_place pl;
        const char *s = d->text + r->pending[p].start;
        size_t n = r->pending[p].end - r->pending[p].start;
        bool place = ty[x] == RC_ENT_LOC && ent_place_find(r, s, n, &pl);
        if (ent_add(r, r->pending[p].start, r->pending[p].end, ty[x], place ? &pl : NULL))
            return RC_ENOMEM;
    }
    for (size_t i = known, j = d->nents; i + 1 < j; i++, j--) { /* added backwards: text order */
        rc_entity tmp = d->ents[i];
        d->ents[i] = d->ents[j - 1];
        d->ents[j - 1] = tmp;
    }
    return ent_merge(r, known);
}

/* Puts the entities back in text order after some were appended: merges the two sorted parts
 * [0, known) and [known, nents). */
static int ent_merge(ent_run *r, size_t known)
{
    rc_doc *d = r->doc;
    size_t n = d->nents;
    if (n == known)
        return RC_OK;
    rc_entity *m = rc_arena_alloc(&d->arena, n * sizeof *m);
    if (!m)
        return RC_ENOMEM;
    size_t i = 0, j = known, o = 0;
    while (i < known || j < n)
        m[o++] = (j >= n || (i < known && d->ents[i].start <= d->ents[j].start)) ? d->ents[i++]
                                                                                : d->ents[j++];
    d->ents = m;
    r->cap = n;
    return RC_OK;
}

/* Adds the names the tagger finds where the rules found none (ent_tagger_spans says which). */
static int ent_tagged(ent_run *r)
{
    rc_doc *d = r->doc;
    const ent_tagger *m = ent_tagger_get(d->ctx);
    if (!m || !d->ntoks)
        return RC_OK;
    ent_tag_doc td;
    int st = ent_tagger_signals(d, &td);
    if (st)
        return st;
    uint8_t *tags = rc_arena_alloc(&d->arena, d->ntoks);
    float *margin = rc_arena_alloc(&d->arena, d->ntoks * sizeof *margin);
    if (!tags || !margin)
        return RC_ENOMEM;
    ent_tagger_tag(m, &td, 0, tags, margin);
    ent_tag_span *sp = rc_arena_alloc(&d->arena, d->ntoks * sizeof *sp);
    if (!sp)
        return RC_ENOMEM;
    long n = ent_tagger_spans(m, &td, tags, margin, sp);
    if (n < 0)
        return RC_ENOMEM;
    size_t known = d->nents;
    for (long k = 0; k < n; k++) {
        int type = sp[k].label == ENT_TAG_PER ? RC_ENT_PER
                   : sp[k].label == ENT_TAG_LOC ? RC_ENT_LOC
                                                : RC_ENT_ORG;
        uint32_t s = d->toks[sp[k].a].start, e = d->toks[sp[k].b - 1].end;
        rc_gaz_place pl;
        bool place = type == RC_ENT_LOC && ent_place_find(r, d->text + s, e - s, &pl);
        if ((st = ent_add(r, s, e, type, place ? &pl : NULL)))
            return st;
    }
    return ent_merge(r, known);
}

/* Extends an organisation's name headed at token a (capitalised, an orghead) over its lower-case
 * complements: adjectives and groups opened by de/des/aux (Observatoire syrien des droits de
 * l'homme). Returns the end token (exclusive). */
static size_t ent_org_extend(ent_run *r, size_t a, size_t end, size_t limit)
{
    const rc_doc *d = r->doc;
    size_t last = end; /* the end of the name so far */
    size_t i = end;
    bool after_name = true; /* a capitalised word may follow a name, not a lower-case word */
    while (i < limit && i - a < 12) {
        const rc_token *t = &d->toks[i];
        if (t->flags & RC_TF_SENTSTART)
            break;
        const char *s = tok_s(d, i);
        size_t n = tok_n(d, i);
        if (t->kind == RC_TOK_WORD && ent_namelike(r, i)) {
            if (!after_name)
                break; /* Haut Comité de l'opposition syrienne Riyad Hijab: a new name */
            i++;
            last = i;
            continue;
        }
        /* et before a link coordinates two complements: Office de secours et de travaux */
        bool et = n == 2 && memcmp(s, "et", 2) == 0 && i + 1 < limit &&
                  ent_org_link(tok_s(d, i + 1), tok_n(d, i + 1));
        /* à before an article opens a complement: Groupe de soutien à l'islam */
        bool a_art = n == 2 && memcmp(s, "\xc3\xa0", 2) == 0 &&
                     i + 1 < limit && ent_org_link(tok_s(d, i + 1), tok_n(d, i + 1));
        /* an article right after the name opens no complement: Amnesty International les
         * émeutes (the next clause's subject) */
        bool article = (n == 2 && ((s[0] == 'l' && (s[1] == 'a' || s[1] == '\'')))) ||
                       (n == 3 && memcmp(s, "les", 3) == 0) ||
                       (n == 4 && memcmp(s, "l\xe2\x80\x99", 4) == 0);
        if (article)
            break;
        if ((t->kind == RC_TOK_WORD || t->kind == RC_TOK_ELISION) &&
            (ent_org_link(s, n) || et || a_art)) {
            /* a link must lead to a noun: skip links and articles, then take one word */
            size_t j = i + 1;
            while (j < limit && j - i < 3 &&
                   (d->toks[j].kind == RC_TOK_WORD || d->toks[j].kind == RC_TOK_ELISION) &&
                   ent_org_link(tok_s(d, j), tok_n(d, j)))
                j++;
            bool pour =
                (n == 4 && memcmp(s, "pour", 4) == 0) || (n == 6 && memcmp(s, "contre", 6) == 0);
            if (pour && j == i + 1)
                break; /* pour évoquer, contre eux */
            if (et && j > i + 1 && j < limit && ent_tcue(r, j) == CUE_ORGHEAD && ent_namelike(r, j))
                break; /* Human Rights Watch et la Ligue des droits de l'homme: two names */
            if (j + 1 < limit && d->toks[j].kind == RC_TOK_NUMBER && !et && !a_art &&
                ent_namelike(r, j + 1) && !(d->toks[j + 1].flags & RC_TF_SENTSTART)) {
                i = j + 2; /* a date in the name: Mouvement du 12 Mai */
                last = i;
                after_name = true;
                continue;
            }
            if (j >= limit || d->toks[j].kind != RC_TOK_WORD ||
                (d->toks[j].flags & RC_TF_SENTSTART) ||
                ent_tfunc(r, j))
                break;
            after_name = ent_namelike(r, j);
            i = j + 1;
            last = i;
            continue;
        }
        if (t->kind == RC_TOK_WORD && ent_org_adjective(r, i)) {
            after_name = false;
            i++;
            last = i;
            continue;
        }
        break;
    }
    return last;
}

/* Whether token i may continue a run: a name, a particle (al, ben, ibn) or an organisation's or
 * place's link (de, du, la) followed by a name, the latter only in a run headed by an orghead or
 * lochead. */
static bool ent_continues(ent_run *r, size_t i, size_t lim, bool headed)
{
    const rc_doc *d = r->doc;
    if (d->toks[i].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE))
        return false;
    if (ent_namelike(r, i))
        return true;
    if (ent_inner_apostrophe(d, i) && i + 1 < lim)
        return true; /* Qal'at Nur, Ma'arrat: the apostrophe inside a transliterated name */
    if (i > 0 && ent_inner_apostrophe(d, i - 1) && d->toks[i].kind == RC_TOK_WORD)
        return true; /* and the letters after it */
    if (i + 1 >= lim || !ent_namelike(r, i + 1))
        return false;
    const char *s = tok_s(d, i);
    size_t n = tok_n(d, i);
    if (d->toks[i].kind == RC_TOK_WORD && ent_tcue(r, i) == CUE_PARTICLE)
        return true;
    return headed && (d->toks[i].kind == RC_TOK_WORD || d->toks[i].kind == RC_TOK_ELISION) &&
           ent_org_link(s, n);
}

/* Room for the folds of ent_fold_spans: twice the longest key, so that a fold that does not fit
 * is longer than any key (rc_fold may refuse a character a few bytes before its cap). */
#define ENT_FOLDCAP (2 * RC_LEX_MAXKEY + 8)
/* The most spans ent_fold_spans folds: a run and the words a known name may add to it. */
#define ENT_FOLDSPANS (ENT_MAXWORDS + 16)

/* Folds the text of tokens [a, b) once, token by token, into buf, and gives in off[e - a - 1]
 * the length of the fold of the text of tokens [a, e], the key rc_lex_get would look up for it
 * (folding goes character by character, so the fold of a shorter span is a prefix of the
 * longer one's); 0 when no organisation or country can be that text, because it does not fit
 * (it is longer than any key) or because no key of those lists starts with it (then no longer
 * span is one either, and the folding stops). The lookups of a name and of its longer readings
 * then fold the text once, not once per reading, and only as far as a known name may go. */
static void ent_fold_spans(const ent_run *r, size_t a, size_t b, char *buf /* OUT */,
                           size_t *off /* OUT */)
{
    const rc_doc *d = r->doc;
    assert(b > a && b - a <= ENT_FOLDSPANS);
    size_t o = 0;
    bool may = true;
    uint32_t h = RC_GAZ_PREFIX_SEED;
    for (size_t e = a; e < b; e++) {
        uint32_t from = e == a ? d->toks[a].start : d->toks[e - 1].end;
        size_t room = ENT_FOLDCAP - o, n = 0;
        if (may) {
            /* the word's fold is in the word table; folding goes character by character, so a
             * space then the word folds to a space then that fold. rc_fold only where the gap
             * is another, or the room might run short (it may refuse a character early). */
            size_t gap = d->toks[e].start - from, wn = 0;
            const char *wf = gap <= 1 ? rc_word_folded(d, e, &wn) : NULL;
            if (wf && (gap == 0 ? e == a : d->text[from] == ' ') && gap + wn + 4 <= room) {
                buf[o] = ' ';
                memcpy(buf + o + gap, wf, wn);
                n = gap + wn;
            } else {
                n = rc_fold(d->text + from, d->toks[e].end - from, buf + o, room);
            }
        }
        may = may && n <= room;
        if (may) {
            h = rc_gaz_prefix_hash(h, buf + o, n);
            may = rc_gaz_is_prefix(r->gaz, h);
        }
        o += may ? n : 0;
        off[e - a] = may && o ? o : 0;
    }
}

/* The greatest e of (lo, hi] such that the text of tokens [a, e) is an organisation (or a
 * country, with countries), or 0. */
static size_t ent_longest_known(ent_run *r, size_t a, size_t lo, size_t hi, bool countries)
{
    const rc_doc *d = r->doc;
    if (hi <= lo)
        return 0;
    if (hi - a > ENT_FOLDSPANS) { /* too long a run for the table: one fold per reading */
        for (size_t e = hi; e > lo; e--) {
            const char *ks = d->text + d->toks[a].start;
            size_t kn = d->toks[e - 1].end - d->toks[a].start;
            if (rc_lex_get(r->lx.orgs, ks, kn) ||
                (countries && rc_lex_get(r->lx.countries, ks, kn)))
                return e;
        }
        return 0;
    }
    char fk[ENT_FOLDCAP];
    size_t fo[ENT_FOLDSPANS];
    ent_fold_spans(r, a, hi, fk, fo);
    for (size_t e = hi; e > lo; e--) {
        size_t kn = fo[e - 1 - a];
        if (kn && (rc_lex_get_folded(r->lx.orgs, fk, kn) ||
                   (countries && rc_lex_get_folded(r->lx.countries, fk, kn))))
            return e;
    }
    return 0;
}

/* rc_gaz_starts_name of token i, as an ent_shape question. */
static bool ent_starts_name_q(ent_run *r, size_t i)
{
    return rc_gaz_starts_name(r->gaz, tok_s(r->doc, i), tok_n(r->doc, i));
}

/* Whether token i's word starts a known name of several words, once per word. */
static bool ent_starts_name(ent_run *r, size_t i)
{
    return ent_shape(r, i, SH_STARTS_NAME, ent_starts_name_q);
}

/* Splits a run at a known organisation or place followed by a person's given name (le
 * porte-parole du Kremlin Dmitri Peskov): returns the token where the second name starts, or b. */
static size_t ent_split(ent_run *r, size_t a, size_t b, size_t sent_start)
{
    const rc_doc *d = r->doc;
    bool outlet = ent_noun_before(r, a, sent_start) == 1; /* au média Suspilne Iryna X */
    /* a known acronym then a name: a déclaré à l'AFP Bukar Kolo */
    if (ent_acronym(tok_s(d, a), tok_n(d, a)) && (ent_tword(r, a) & W_ORG) &&
        ent_tcue(r, a + 1) == CUE_NONE && ent_type_known(r, a, b) == -1)
        return a + 1;
    /* le ministre de la Santé Firass Abiad: a common noun capitalised as the complement of a
     * title, then a name of two words or more (not le Front Carlos Patiño, a group named after
     * a man: front is no title) */
    rc_morph m, m1;
    if (b >= a + 3 && ent_context(r, a, sent_start).title_de && rc_fr_morph_tok(d, a, &m) &&
        (m.flags & RC_M_NOUN) && !(m.flags & RC_M_PROPER) &&
        (d->toks[a + 1].flags & RC_TF_UPPER) &&
        ((ent_tword(r, a + 1) & W_FIRST) || !rc_fr_morph_tok(d, a + 1, &m1) ||
         (m1.flags & RC_M_PROPER)))
        return a + 1; /* the name: a given name, a proper noun, or a word no dictionary knows */
    for (size_t k = a + 1; k + 1 <= b - 1 && k - a <= 3; k++) {
        /* not after a lone given name that is also a place's (Kamal Abou Hassan) */
        if (!(ent_tword(r, k) & W_FIRST) || (k == a + 1 && (ent_tword(r, a) & W_FIRST)))
            continue;
        if (outlet)
            return k;
        const char *s = d->text + d->toks[a].start;
        size_t n = d->toks[k - 1].end - d->toks[a].start;
        rc_lex_key key; /* folded once for the four lists */
        rc_lex_key_make(s, n, &key);
        if (rc_lex_get_key(r->lx.orgs, &key) || rc_lex_get_key(r->lx.countries, &key) ||
            rc_lex_get_key(r->lx.places, &key) || rc_lex_get_key(r->lx.demonyms, &key))
            return k;
    }
    return b;
}

/* Whether the lower-case word of token i is an organisation's name (les talibans), as an
 * ent_shape question: the cheap prefix test, then the list. */
static bool ent_lower_org_q(ent_run *r, size_t i)
{
    return ent_may_be_known(r, i) && rc_lex_get(r->lx.orgs, tok_s(r->doc, i), tok_n(r->doc, i));
}

/* ent_lower_org_q of token i, once per word. */
static bool ent_lower_org(ent_run *r, size_t i)
{
    return ent_shape(r, i, SH_LOWER_ORG, ent_lower_org_q);
}

/* Whether a token whose first four bytes are w (little end first) stops ent_skip: a
 * capitalised word (upper), any word after a plural article (after_plural), or a word that may
 * be an article name (ent_article_name: a first a, e or u, its hyphen at byte 2 or 3; a shorter
 * word passing this test stops the scan for nothing, which changes nothing). Computed without a
 * branch: which tokens stop is not predictable. */
static inline unsigned ent_skip_stop(uint32_t w, unsigned word, unsigned upper,
                                     unsigned after_plural)
{
    /* 1 for the first bytes a, e and u (ent_article_start): one load, where the arithmetic of a
     * bit set took half a dozen instructions on every token */
    static const uint8_t aeu_of[256] = {['a'] = 1, ['e'] = 1, ['u'] = 1};
    unsigned aeu = aeu_of[w & 0xffu];
    uint32_t x = w ^ 0x2d2d0000u; /* bytes 2 and 3 become 0 where they are a hyphen */
    unsigned hyphen = ((x & 0x00ff0000u) == 0) | (x < 0x01000000u);
    return word & (upper | (aeu & hyphen) | after_plural);
}

/* Whether a token of length len, whose first three bytes are the low bytes of w, is a plural
 * article (ent_plural_article), without a branch: the four articles have four slots of a table
 * of eight under a multiplicative hash (the other slots hold a value no three bytes make). */
static inline unsigned ent_skip_plural(uint32_t w, uint32_t len)
{
    static const uint32_t slots[8] = {
        UINT32_MAX, ENT_LE3('a', 'u', 'x'), ENT_LE3('d', 'e', 's'), UINT32_MAX,
        ENT_LE3('l', 'e', 's'), UINT32_MAX, ENT_LE3('c', 'e', 's'), UINT32_MAX};
    uint32_t w3 = w & 0xffffffu;
    return (len == 3) & (slots[(uint32_t)(w3 * 0x6a99b44cu) >> 29] == w3);
}

/* The first token from i on that the main loop must look at: a word that may start a name (a
 * capital, or a lower-case word shaped like an article name) or one right after a plural
 * article (before which a group is named in lower case). The tokens passed over change nothing
 * but the sentence start, kept in *sent_start. Every token of the document passes here, most of
 * them to be skipped: the tests read the token and the first four bytes of its text at once
 * (ent_skip_stop); the tokens that start within four bytes of the text's end, from nfast on,
 * have theirs read byte by byte. */
static size_t ent_skip(const rc_doc *doc, size_t i, size_t nfast, size_t *sent_start)
{
    const rc_token *toks = doc->toks;
    const unsigned char *text = (const unsigned char *)doc->text;
    size_t n = doc->ntoks, ss = *sent_start;
    unsigned after_plural = i > 0 && toks[i - 1].end - toks[i - 1].start == 3 &&
                            ent_plural_article(doc->text + toks[i - 1].start, 3);
    for (; i < nfast; i++) {
        const rc_token *t = &toks[i];
        unsigned f = t->flags;
        uint32_t len = t->end - t->start, w;
        memcpy(&w, text + t->start, 4);
        w = ent_le32(w);
        ss = f & RC_TF_SENTSTART ? i : ss;
        unsigned stop = ent_skip_stop(w, t->kind == RC_TOK_WORD, f & RC_TF_UPPER, after_plural);
        after_plural = ent_skip_plural(w, len);
        if (stop)
            break;
    }
    for (; i >= nfast && i < n; i++) { /* the loop above ran out, or did not start */
        const rc_token *t = &toks[i];
        unsigned f = t->flags;
        uint32_t len = t->end - t->start, w = 0;
        for (uint32_t k = 0; k < 4 && t->start + k < doc->len; k++)
            w |= (uint32_t)text[t->start + k] << (8 * k);
        ss = f & RC_TF_SENTSTART ? i : ss;
        unsigned stop = ent_skip_stop(w, t->kind == RC_TOK_WORD, f & RC_TF_UPPER, after_plural);
        after_plural = ent_skip_plural(w, len);
        if (stop)
            break;
    }
    *sent_start = ss;
    return i;
}

/* The bits of ent_word_bits for a token without a record (a word too long for the table): set,
 * and the word may be an article name, so that such a word always stops ent_skip_words. */
#define ENT_WB_NONE (RC_WB_ENT_SEEN | RC_WB_ENT_ART)

/* Sets and returns the quick bits of token i's word (ent_word_bits), the first time the word
 * is met. */
static unsigned ent_word_bits_fill(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    const char *s = tok_s(d, i);
    size_t n = tok_n(d, i);
    unsigned b = RC_WB_ENT_SEEN;
    if (ent_plural_article(s, n))
        b |= RC_WB_ENT_PLURAL;
    if (ent_article_name(s, n))
        b |= RC_WB_ENT_ART;
    if (ent_lower_org(r, i))
        b |= RC_WB_ENT_LOWORG;
    rc_word_bit_set(d, i, (enum rc_word_bit)b);
    return b;
}

/* The quick bits of token i's word that ent_skip_words reads (RC_WB_ENT_*): one byte of the
 * word table's dense array, set the first time the word is met; ENT_WB_NONE for a token
 * without a record. Needs doc->wids. */
static inline unsigned ent_word_bits(ent_run *r, size_t i)
{
    const rc_doc *d = r->doc;
    static const uint8_t none = ENT_WB_NONE;
    uint32_t id = d->wids[i];
    unsigned b = *(id != UINT32_MAX ? &d->wbits[id] : &none); /* no branch: either is common */
    return b & RC_WB_ENT_SEEN ? b : ent_word_bits_fill(r, i);
}

/* ent_skip when the stages run with the word table (doc->wids): the same tokens stop the scan,
 * but what the words are (a plural article, an article name, an organisation's name in lower
 * case) is read from the quick bits of the word table (ent_word_bits), one byte per word that
 * stays in the cache, instead of being tested on the text at every token. A word after a plural
 * article stops the scan only when it may be an organisation's name (les talibans), not at every
 * noun (les habitants). A word token without a record (too long for the table) always stops it,
 * which changes nothing but costs a look (ent_skip's note). */
static size_t ent_skip_words(ent_run *r, size_t i, size_t *sent_start)
{
    const rc_token *toks = r->doc->toks;
    size_t n = r->doc->ntoks, ss = *sent_start;
    unsigned after_plural = i > 0 && (ent_word_bits(r, i - 1) & RC_WB_ENT_PLURAL);
    for (; i < n; i++) {
        const rc_token *t = &toks[i];
        unsigned f = t->flags, b = ent_word_bits(r, i);
        ss = f & RC_TF_SENTSTART ? i : ss;
        /* a capital, an article name, or an organisation after a plural article: bit 0 */
        unsigned may = f | b >> 3 | (after_plural & b >> 4); /* RC_TF_UPPER, ART, LOWORG */
        after_plural = b >> 2 & 1; /* RC_WB_ENT_PLURAL */
        if ((t->kind == RC_TOK_WORD) & may)
            break;
    }
    *sent_start = ss;
    return i;
}

int rc_stage_entities(rc_doc *doc, const rc_stage_env *env)
{
    (void)env;
    doc->ents = NULL;
    doc->nents = 0;
    const rc_lang *fr = doc->ctx->fr;
    if (!fr)
        return RC_OK;
    ent_run r = {.doc = doc};
    r.tcache = rc_arena_calloc(&doc->arena, doc->ntoks + 1, sizeof *r.tcache);
    r.tword = rc_arena_calloc(&doc->arena, doc->ntoks + 1, 1);
    r.tname = rc_arena_calloc(&doc->arena, doc->ntoks + 1, 1);
    size_t mcap = 64;
    while (mcap < doc->ntoks / 4 + 16 && mcap < (1u << 20))
        mcap *= 2;
    r.memo = rc_arena_calloc(&doc->arena, mcap, sizeof *r.memo);
    r.given = rc_arena_calloc(&doc->arena, mcap, sizeof *r.given);
    r.memo_mask = mcap - 1;
    if (!r.tcache || !r.tword || !r.tname || !r.memo || !r.given)
        return RC_ENOMEM;
    const rc_gaz *gaz = rc_gaz_get(doc->ctx);
    if (!gaz)
        return RC_ENOMEM;
    r.lx = *rc_gaz_lexicons_of(gaz);
    r.gaz = gaz;

    size_t sent_start = 0;
    size_t nfast = doc->ntoks; /* the tokens whose first four bytes lie in the text */
    while (nfast > 0 && doc->toks[nfast - 1].start + 4 > doc->len)
        nfast--;
    for (size_t i = 0; i < doc->ntoks;) {
        /* most tokens start no name and follow no plural article: passed over in a loop that
         * reads only the token array */
        i = doc->wids ? ent_skip_words(&r, i, &sent_start) : ent_skip(doc, i, nfast, &sent_start);
        if (i >= doc->ntoks)
            break;
        const rc_token *t = &doc->toks[i];
        /* a lower-case word is a name only as an article name (al-Assad): most fail its first
         * test, read here without the token memo */
        bool lower_no = !(t->flags & RC_TF_UPPER) &&
                        (t->end - t->start < 4 || !ent_article_start(doc->text[t->start]));
        if (lower_no || !ent_namelike(&r, i) || ent_in_time(&r, i) || ent_in_number(&r, i)) {
            /* groups named in lower case after an article: les talibans, des shebab */
            if (t->kind == RC_TOK_WORD && i > 0 && !(t->flags & RC_TF_UPPER) &&
                ent_plural_article(tok_s(doc, i - 1), tok_n(doc, i - 1)) &&
                ent_lower_org(&r, i)) {
                int st = ent_add(&r, t->start, t->end, RC_ENT_ORG, NULL);
                if (st)
                    return st;
            }
            i++;
            continue;
        }
        /* a lower-case head before the name: le ministère de la Santé (an organisation), la mer
         * Rouge, le golfe Persique (a place) */
        enum ent_cue head = ent_head_of(&r, i);
        size_t from = i;
        bool lower_head = false;
        if (i > 0) {
            size_t p = i - 1, links = 0, adjs = 0;
            while (p > sent_start && links < 3 && ent_org_link(tok_s(doc, p), tok_n(doc, p)))
                p--, links++;
            while (links && p > sent_start && adjs < 2 && doc->toks[p].kind == RC_TOK_WORD &&
                   !(doc->toks[p].flags & RC_TF_UPPER) &&
                   ent_tcue(&r, p) == CUE_NONE &&
                   ent_org_adjective(&r, p))
                p--, adjs++; /* le ministère ukrainien de la Défense */
            if (!(doc->toks[p].flags & RC_TF_UPPER) && doc->toks[p].kind == RC_TOK_WORD &&
                (doc->nents == 0 || doc->ents[doc->nents - 1].end <= doc->toks[p].start)) {
                enum ent_cue h = ent_tcue(&r, p);
                enum ent_cue own = head;
                /* unless the name has a head of its own, followed by its complement (la mission
                 * de l'Agence internationale ...); a lone head is the complement (la Défense) */
                bool own_name = (own == CUE_ORGHEAD || own == CUE_LOCHEAD) && i + 1 < doc->ntoks &&
                                doc->toks[i + 1].kind == RC_TOK_WORD &&
                                !(doc->toks[i + 1].flags & RC_TF_SENTSTART) &&
                                (ent_namelike(&r, i + 1) ||
                                 ent_org_adjective(&r, i + 1));
                /* nor a person's or a known place's name: les forces de Bachar al-Assad */
                bool other = ent_tword(&r, i) & (W_FIRST | W_PLACE | W_COUNTRY);
                /* a street keeps the person it is named after: la rue Abou Iskandar */
                if (!own_name &&
                    ((h == CUE_ORGHEAD && links > 0 && !other && !(r.tcache[p] & TC_OUTLET)) ||
                     (h == CUE_LOCHEAD && links == 0))) {
                    from = p;
                    lower_head = true;
                }
            }
        }
        /* a title opened by a capitalised article goes on over its links too: Le Courrier du
         * Sahel */
        bool headed = head == CUE_ORGHEAD || head == CUE_LOCHEAD ||
                      (i + 1 < doc->ntoks && ent_namelike(&r, i + 1) &&
                       ent_title_article(&r, i, i + 2, sent_start));
        size_t j = i + 1;
        while (j < doc->ntoks && ent_continues(&r, j, doc->ntoks, headed))
            j++;
        /* Le Front, La Ligue: an opener then a head heads the run too */
        if (!headed && j > i + 1 && ent_tfunc(&r, i)) {
            enum ent_cue h2 = ent_tcue(&r, i + 1);
            if (h2 == CUE_ORGHEAD || h2 == CUE_LOCHEAD) {
                head = h2;
                headed = true;
                j = i + 2;
                while (j < doc->ntoks && ent_continues(&r, j, doc->ntoks, headed))
                    j++;
            }
        }
        if (head == CUE_ORGHEAD && j == i + 1 && j + 1 < doc->ntoks &&
            (doc->toks[i].flags & RC_TF_UPPER) && ent_unit_number(&r, j))
            j++; /* Brigade 444, Division 3 */
        if (head == CUE_ORGHEAD || (headed && head != CUE_LOCHEAD) ||
            (j > i + 1 && ent_tcue(&r, i + 1) == CUE_ORGHEAD &&
             ent_tfunc(&r, i)))
            j = ent_org_extend(&r, i, j, doc->ntoks);
        size_t caps = 0; /* the capitalised words: an organisation's lower-case complements
                          * do not count (Conseil national de secours d'urgence et de ...) */
        for (size_t k = i; k < j && caps <= ENT_MAXWORDS; k++)
            caps += ent_namelike(&r, k);
        if (caps > ENT_MAXWORDS) {
            i = j; /* a title-case heading or a list of names: not one entity */
            continue;
        }
        /* a known name that goes on in lower case: Nations unies, Arabie saoudite, France 24;
         * tried only after a word that starts such a name in the lists */
        size_t ext = j;
        if (ent_starts_name(&r, i))
            while (ext < doc->ntoks && ext < j + 6 && /* État islamique en Afrique de l'Ouest */
                   (doc->toks[ext].kind == RC_TOK_WORD || doc->toks[ext].kind == RC_TOK_NUMBER ||
                    doc->toks[ext].kind == RC_TOK_ELISION) &&
                   !(doc->toks[ext].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
                ext++;
        size_t known_end = ext > j ? ent_longest_known(&r, i, j, ext, true) : 0;
        if (known_end)
            j = known_end;
        if (j == i + 2 && ent_starts_name(&r, i + 1)) {
            /* l'ONG Save the Children: a word, then a known name that goes on in lower case */
            size_t e = j;
            while (e < doc->ntoks && e < j + 4 && doc->toks[e].kind == RC_TOK_WORD &&
                   !(doc->toks[e].flags & (RC_TF_SENTSTART | RC_TF_NEWLINE)))
                e++;
            size_t named_end = ent_longest_known(&r, i + 1, j, e, false);
            if (named_end)
                j = named_end;
        }
        if (lower_head) {
            /* a given name inside the run starts a person: le ministère de l'Intérieur Oleg
             * Marchenko */
            size_t person = j;
            for (size_t k = i + 1; k < j; k++) {
                rc_morph m, mk;
                if ((ent_tword(&r, k) & W_FIRST) ||
                    /* de l'Intérieur Anton Verbeke: after a capitalised common noun, two words
                     * or more of which the first is a proper noun or in no dictionary */
                    (k + 2 <= j && (doc->toks[k].flags & RC_TF_UPPER) &&
                     (doc->toks[k - 1].flags & RC_TF_UPPER) &&
                     rc_fr_morph_tok(doc, k - 1, &m) && (m.flags & RC_M_NOUN) &&
                     !(m.flags & RC_M_PROPER) &&
                     (!rc_fr_morph_tok(doc, k, &mk) || (mk.flags & RC_M_PROPER)) &&
                     ent_type_known(&r, k, j) == -1)) {
                    person = k;
                    break;
                }
            }
            size_t oend = person;
            enum ent_cue h = ent_tcue(&r, from);
            if (h == CUE_ORGHEAD && person == j)
                oend = ent_org_extend(&r, from, j, doc->ntoks);
            int st = ent_add(&r, doc->toks[from].start, doc->toks[oend - 1].end,
                             h == CUE_ORGHEAD ? RC_ENT_ORG : RC_ENT_LOC, NULL);
            if (st == RC_OK && person < j)
                st = ent_take(&r, person, j, sent_start);
            if (st)
                return st;
            i = person < j ? j : oend;
            continue;
        }
        size_t words = j - i;
        size_t k = words >= 3 ? ent_split(&r, i, j, sent_start) : j;
        int st = ent_take(&r, i, k, sent_start);
        if (st == RC_OK && k < j)
            st = ent_take(&r, k, j, sent_start);
        if (st < 0)
            return st;
        i = j;
    }
    int st = ent_resolve(&r);
    if (!st && doc->ctx->tagger)
        st = ent_tagged(&r);
    return st ? st : rc_entlink(doc);
}

/* Room of the tables of ent_json_again: values written again in one array. */
#define ENT_JREP 32
/* The longest value ent_json_again copies (longer ones are written each time). */
#define ENT_JREP_MAXN 128

/* Where the writer put a value of the array: its identity (a number's bits) and its bytes in the
 * output. */
typedef struct ent_jrep {
    uint64_t id;
    uint32_t off, n;
} ent_jrep;

/* The slot of a value's identity in a table of ENT_JREP. */
static ent_jrep *ent_jrep_slot(ent_jrep *tab, uint64_t id)
{
    return &tab[((id ^ (id >> 31)) * 0x9e3779b97f4a7c15u) >> 59];
}

/* The mentions of one place share its coordinates, which cost a shortest round-trip formatting
 * each: when the value of identity id is the last one kept in its slot, its bytes as written
 * before in this array are written again and true is returned. */
static bool ent_json_again(rc_json *j, ent_jrep *tab, uint64_t id)
{
    const ent_jrep *e = ent_jrep_slot(tab, id);
    if (e->n == 0 || e->id != id)
        return false;
    char tmp[ENT_JREP_MAXN]; /* the output may move while it grows: copy out first */
    memcpy(tmp, j->out->data + e->off, e->n);
    rc_json_raw(j, tmp, e->n);
    return true;
}

/* Keeps where the value of identity id was just written (from byte from of the output). */
static void ent_json_kept(rc_json *j, ent_jrep *tab, uint64_t id, size_t from)
{
    size_t n = j->out->len - from;
    if (j->out->err || n == 0 || n > ENT_JREP_MAXN || from > UINT32_MAX)
        return;
    *ent_jrep_slot(tab, id) = (ent_jrep){id, (uint32_t)from, (uint32_t)n};
}

/* Writes a number of the array, or its bytes again (ent_json_again). */
static void ent_json_num(rc_json *j, ent_jrep *tab, double v)
{
    uint64_t id;
    memcpy(&id, &v, sizeof id); /* the bits: -0 and 0 are written apart */
    if (ent_json_again(j, tab, id))
        return;
    size_t from = j->out->len;
    rc_json_num(j, v);
    ent_json_kept(j, tab, id, from);
}

void rc_write_entities(rc_json *j, const rc_doc *doc, unsigned flags)
{
    static const char *const types[] = {"PER", "ORG", "LOC", "MISC"};
    ent_jrep nums[ENT_JREP];
    memset(nums, 0, sizeof nums);
    rc_json_arr(j);
    for (size_t i = 0; i < doc->nents; i++) {
        const rc_entity *e = &doc->ents[i];
        rc_json_obj(j);
        if (!(flags & RC_JSON_COMPACT)) { /* compact: cut again from the text by the offsets */
            rc_json_key(j, "text");
            rc_json_str(j, doc->text + e->start, e->end - e->start);
        }
        rc_json_key(j, "start");
        rc_json_int(j, e->start);
        rc_json_key(j, "end");
        rc_json_int(j, e->end);
        rc_json_key(j, "type");
        rc_json_strz(j, e->type < 4 ? types[e->type] : "MISC");
        rc_json_key(j, "key");
        rc_json_strz(j, e->key);
        rc_json_key(j, "canon");
        rc_json_strz(j, e->canon);
        if (!isnan(e->lat)) {
            rc_json_key(j, "lat");
            ent_json_num(j, nums, e->lat);
            rc_json_key(j, "lon");
            ent_json_num(j, nums, e->lon);
        }
        rc_json_obj_end(j);
    }
    rc_json_arr_end(j);
}
