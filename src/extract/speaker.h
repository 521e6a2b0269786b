/*
 * speaker.h - who a stretch of text names as a source: the shared reading state of the sources
 * stage (what each token is, which sentence it is in), the reading of a source's name with its
 * role ("le porte-parole du Kremlin Dmitri Peskov", "une source militaire russe", "l'Unicef"),
 * the subject of a reporting verb on either side of it, and the memory of recent speakers that
 * resolves pronouns (a-t-il ajouté), surnames (Mercier) and roles alone (le ministre).
 *
 * Every look-around is bounded in tokens, so reading a document stays linear in its length.
 * speaker_tok.c classifies the tokens, speaker_np.c reads phrases and subjects, speaker.c makes
 * the speakers and keeps the memory (speaker_int.h: what they share).
 */
#ifndef RC_SPEAKER_H
#define RC_SPEAKER_H

#include <stdbool.h>
#include <stdint.h>

#include "extract/srclex.h"

/* Bits the stage adds to srclex_info.bits for a token of the document. */
#define TB_NAME 0x1000000u /* a word of a proper name: capitalised, al-X, an acronym */
#define TB_INQ 0x2000000u  /* inside a quotation */
#define TB_ACRO 0x4000000u /* an acronym: AFP, CICR */
#define TB_WORD 0x8000000u /* a word (WORD, ELISION, CLITIC, ABBREV) */

/* A phrase that names a source, in tokens [a, b). */
typedef struct src_np {
    uint32_t a, b;
    uint32_t na, nb; /* the name inside it (a person or an organisation); na == nb: none */
    uint32_t ra, rb; /* the role or description, without its article; ra == rb: none */
    uint32_t bits;   /* SL_FEM, SL_MASC, SL_PLUR from the article, noun or pronoun */
    int32_t ent;     /* the entity the name is, or -1 */
    uint8_t head;    /* SL_ROLE, SL_SRC, SL_ORG, TB_NAME >> 24, or 0 for no head */
    uint8_t pron;    /* a subject pronoun (il, -t-elle) */
    uint8_t type;    /* rc_ent_type guessed for the source */
    uint8_t def;     /* starts with a definite article */
    uint8_t guessed; /* a description no list knows, taken only for its place (speaker_np.c) */
} src_np;

#define SRC_MEM 32 /* recent speakers kept for pronouns, surnames and roles */

typedef struct src_mem {
    rc_speaker sp;
    uint32_t sent; /* sentence where it was named */
    uint32_t bits; /* gender and number */
} src_mem;

typedef struct src_state {
    rc_doc *doc;
    const srclex *sl;
    const rc_lexicon *agencies; /* news agencies (dateline_agencies.txt), which relay */
    const srclex_cue *cues;     /* srclex_cues of sl, kept at hand for the cue matcher */
    size_t ncues;
    srclex_info *ti;            /* one per token */
    uint32_t *sent_tok;         /* first token of each sentence; [nsents] = ntoks */
    uint32_t *acts;             /* the tokens that start a cue or are a reporting verb (SL_CUE,
                                 * SL_VERB), in order: the only ones attributions start at
                                 * (more until speaker_acts_settle) */
    size_t nacts;
    uint32_t *marks;            /* the quotation marks and the tokens after a line break, in
                                 * order: the only ones the pairing of marks reads */
    size_t nmarks;
    uint64_t *names;            /* bit i: token i has TB_NAME and no TB_INQ */
    int32_t *ent_of;            /* for a token with TB_NAME: the entity it starts, or -1 (NULL
                                 * without entities; other tokens' entries are not set) */
    uint32_t *ent_end;          /* token end of each entity */
    src_mem mem[SRC_MEM];
    size_t nmem; /* speakers ever remembered; the ring holds the last SRC_MEM */
    uint32_t roled; /* bit k: mem[k] has a role and a key (what speaker_remember looks for) */
} src_state;

/* Fills the per-token tables of st for doc; memory from doc->arena. RC_OK or RC_ENOMEM. */
int speaker_init(src_state *st, rc_doc *doc, const srclex *sl);

/* Settles st->acts once the quotations are marked (TB_INQ): keeps the tokens that start a cue
 * outside quotation marks or are a reporting verb, the only ones the attribution pass acts on
 * (inside quotation marks, only a verb of an incise makes anything). */
void speaker_acts_settle(src_state *st);

/* The sentence of token i (i < ntoks): a binary search of the sentences' first tokens, since
 * only a few readers ask it. */
uint32_t speaker_sent_of(const src_state *st, uint32_t i);

/* The token after the time expression that holds token j (ce mardi, lundi 1er juillet, dans la
 * nuit de samedi), or j when none holds it or the expression runs to lim: the times stage has
 * read it, and a subject put after its verb may stand behind one (ont indiqué ce mardi à l'AFP
 * des sources sécuritaires; a annoncé lundi 1er juillet la commission). */
uint32_t speaker_time_skip(const src_state *st, uint32_t j, uint32_t lim);

/* Whether token k's entry, as written, in source_grammar.tsv (speaker_grammar_class: coord, dem,
 * hon, event ...) or in source_nouns.tsv (speaker_noun_class) holds the class cls as a field. */
bool speaker_grammar_class(const src_state *st, uint32_t k, const char *cls);
bool speaker_noun_class(const src_state *st, uint32_t k, const char *cls);

/* The first and end tokens of sentence s. */
static inline uint32_t speaker_sent_a(const src_state *st, uint32_t s) { return st->sent_tok[s]; }
static inline uint32_t speaker_sent_b(const src_state *st, uint32_t s) { return st->sent_tok[s + 1]; }

/* Whether token i is a punctuation token whose text is c (one byte). Inline: the readers of
 * the stage ask it of many tokens. */
static inline bool speaker_punct(const src_state *st, uint32_t i, char c)
{
    const rc_token *t = &st->doc->toks[i];
    return t->kind == RC_TOK_PUNCT && t->end - t->start == 1 && st->doc->text[t->start] == c;
}

/* Reads a source's name starting at token i, not past lim. Returns false when the tokens there
 * do not name a source (no name, no source, role or organisation noun, no pronoun). */
bool speaker_np(const src_state *st, uint32_t i, uint32_t lim, src_np *np /* OUT */);

/* A description read loosely where a cue promises a source (selon assafir, le témoignage de
 * trois éleveurs): an optional article and up to four plain words. */
bool speaker_np_loose(const src_state *st, uint32_t i, uint32_t lim, src_np *np /* OUT */);

/* Like speaker_np, then takes an apposition after it: "Paul Mercier, le porte-parole du HCR",
 * "le ministre turc, Mevlüt Çavuşoğlu,", "Marta Ilves, du CICR,". */
bool speaker_np_appos(const src_state *st, uint32_t i, uint32_t lim, src_np *np /* OUT */);

/* Whether the phrase np, whose source name is name (or NULL), is a news outlet: an organisation
 * of class agency or media (ent_orgs.tsv) or a news agency, or a phrase headed by a noun whose
 * source_nouns.tsv entry says "is media" (la chaîne Al-Masirah). A social network is none. */
bool speaker_np_outlet(const src_state *st, const src_np *np, const char *name);

/* Whether the organisation called name is a social network or a messaging app (ent_orgs.tsv
 * class social): sur Telegram, where anyone posts. */
bool speaker_np_social(const src_state *st, const char *name);

/* Whether a figure starts at token k (12 soldats, douze soldats): no source nor role starts
 * there (Selon l'OSDH, 12 soldats ont été tués; selon le gouvernement et douze selon X). */
bool speaker_starts_figure(const src_state *st, uint32_t k);

/* Where a run of names [na, nb) that a told outlet and its inverted subject make together
 * splits (à l'AFP Bukar Kolo; au micro de Radio Ndeke Luka Clarisse Yakité; au média Suspilne
 * Iryna Tkachenko): after an acronym, before a given name, else before the last two words when
 * kind (a kind noun such as média heads the outlet) or the run starts with one. 0: no split. */
uint32_t speaker_name_split(const src_state *st, uint32_t na, uint32_t nb, bool kind);

/* Whether the noun at token k, alone after "le", stands for the source named before it: an
 * organisation (l'ONG, le ministère) or a statement (le communiqué): "ana" in its
 * source_nouns.tsv entry. */
bool speaker_anaphor(const src_state *st, uint32_t k);

/* A phrase headed by a noun that hands over to its complement (le témoignage de deux habitants,
 * le bilan de l'OMS, un rapport d'Amnesty International) is replaced by the complement, read
 * up to lim. Returns false when the noun has no complement that names a source: the phrase
 * then names nobody (selon un dernier bilan). Other phrases are left as they are. */
bool speaker_np_via(const src_state *st, uint32_t lim, src_np *np /* IN, OUT */);

/* The subject of a verb group starting at token g, read leftwards within the sentence (from
 * token s0): a pronoun, a name before an apposition, the noun before "qui". */
bool speaker_subject_left(const src_state *st, uint32_t g, uint32_t s0, src_np *np /* OUT */);

/* The subject after an inverted verb group ending at token j ("a déclaré mardi à Genève X").
 * loose: the verb follows a quotation, so a plain description after it is its speaker too
 * ("raconte cette mère de famille"). */
bool speaker_subject_right(const src_state *st, uint32_t j, uint32_t lim, bool loose,
                           src_np *np /* OUT */);

/* Makes the speaker a phrase names, resolving pronouns, surnames and roles alone against the
 * memory. Strings in doc->arena. Returns RC_OK, RC_ENOMEM, or 1 when a pronoun could not be
 * resolved (nothing is written then). */
int speaker_make(src_state *st, const src_np *np, rc_speaker *out /* OUT */);

/* Remembers a speaker named in sentence sent, for later pronouns. */
void speaker_remember(src_state *st, const rc_speaker *sp, uint32_t sent, uint32_t bits);

/* The first token from i on (before b) that is a name outside quotation marks, or b: the bitmap
 * st->names read a word of 64 tokens at a time. */
static inline uint32_t speaker_next_name(const uint64_t *names, uint32_t i, uint32_t b)
{
    while (i < b) {
        uint64_t w = names[i >> 6] >> (i & 63);
        if (w) {
            i += (uint32_t)__builtin_ctzll(w);
            return i < b ? i : b;
        }
        i = (i | 63u) + 1;
    }
    return b;
}

/* Whether tokens [a, b) hold a name outside quotation marks: speaker_scan_names has nothing to
 * read in the others, told here without a call. */
static inline bool speaker_has_name(const src_state *st, uint32_t a, uint32_t b)
{
    return speaker_next_name(st->names, a, b) < b;
}

/* Remembers the persons named in tokens [a, b) of sentence sent that look like the subject of
 * a clause (a name followed by a comma, "qui" or a verb), so that a later pronoun finds them. */
void speaker_scan_names(src_state *st, uint32_t a, uint32_t b, uint32_t sent);

/* Remembers the description that opens sentence [a, b) as its subject, when the sentence made
 * no attribution (Un villageois a parlé à l'AFP. Il a déclaré que ...): the pronoun of a later
 * sentence may stand for it. */
void speaker_scan_subject(src_state *st, uint32_t a, uint32_t b, uint32_t sent);

#endif
