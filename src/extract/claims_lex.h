/*
 * claims_lex.h - the words the claims stage reads, merged from three lexicons into one table
 * made once per context: counted nouns (data/fr/counted.tsv), predicates (predicates.tsv) and
 * modality cues (modality.tsv). Keys are folded phrases of one to a few words; every proper
 * prefix of a longer key is kept too, so that a phrase is matched word by word and abandoned
 * as soon as no key starts that way.
 */
#ifndef RC_CLAIMS_LEX_H
#define RC_CLAIMS_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"

/* What a counted noun is: who it counts, and for event nouns (morts, blessés) what happened. */
#define CL_WHO_NONE (-1)  /* not a counted noun */
#define CL_WHO_BLOCK (-2) /* a unit that is never counted (ans, km, dollars): no claim */
#define CL_WHO_SKIP (-3)  /* a word that may stand between a figure and its noun (autres) */
#define CL_WHO_SUM (-4)   /* a toll noun (bilan) that stands for the victims before a figure */

/* Predicate flags. */
#define CL_P_NOUN 0x1 /* a noun (évacuation de ...): governs the figure that follows it */

/* Modality cue classes, in increasing strength (the strongest found wins). */
enum cl_mod {
    CL_M_NONE = 0,
    CL_M_NOTCOND,  /* a word that looks conditional and is not (retrait, portrait) */
    CL_M_NEG,      /* negation (pas, jamais, aucun) */
    CL_M_REPORT,   /* attribution cue (selon, a déclaré), for when no attribution was found */
    CL_M_COND,     /* conditional */
    CL_M_HEDGE,    /* doubt voiced by the source or the outlet */
    CL_M_EXPECT,   /* future or planned */
    CL_M_DISPUTE,  /* the text casts doubt on the figure */
    CL_M_DENY      /* the figure is denied */
};

/* Modality flags. */
#define CL_MF_NEAR 0x1   /* also applies from the neighbouring sentences */
#define CL_MF_AFTER 0x2  /* a report cue whose source follows it (selon X) */
#define CL_MF_OWN 0x4    /* the outlet itself named as a source (nos informations) */
#define CL_MF_FIGURE 0x8 /* applies only beside the figure (les présumés 300 morts), not to the
                            sentence (des jihadistes présumés) */
/* a denial that counts only where it opens a sentence before a mark (Faux, assure X): it
 * answers the sentence before */
#define CL_MF_LEAD 0x10

/* Grammar word classes (claim_words.tsv). */
#define CL_W_PREP 0x1   /* a preposition that opens a place or a time (dans, à, en) */
#define CL_W_DET 0x2    /* a determiner, stripped from agents and sources */
#define CL_W_AUX 0x4    /* an auxiliary (ont, a, avaient, été) */
#define CL_W_AND 0x8    /* a coordinator between figures (et, ainsi que) */
#define CL_W_PARTS 0x10 /* opens the parts of a figure (dont, parmi lesquels) */
#define CL_W_AGENT 0x20 /* introduces the agent (par) */
#define CL_W_LINK 0x40  /* links a figure to a noun before it (est de, s'élève à) */
#define CL_W_YEARP 0x80 /* before a year (en, depuis) */
#define CL_W_DE 0x100   /* between a figure and its noun (de, d') */
#define CL_W_STOP 0x200 /* ends a name or an agent (que, qui) */
#define CL_W_ADV 0x400  /* an adverb between a subject and its verb (également) */
#define CL_W_BACK 0x800 /* refers back to the sentence before (ces chiffres, ce bilan) */
#define CL_W_GROUP 0x1000 /* a group whose complement is the figure (un convoi de 40 camions) */
#define CL_W_ONLY 0x2000 /* makes ne ... restrictive (ne restait plus que 15 habitants) */
#define CL_W_ONE 0x4000  /* an article that counts one before a toll noun (un mort) */
#define CL_W_NOT 0x8000  /* right before a figure: the text corrects it (12 morts et non 10) */
#define CL_W_THAN 0x10000 /* right before a bare figure: compares it (7 000 civils, contre 60 000) */
#define CL_W_PRON 0x20000 /* stands for the counted noun before a verb (en accueille 200 000) */
#define CL_W_CAP 0x40000  /* a figure right after it is a capacity (prévu pour 70 000 personnes) */
#define CL_W_SINCE 0x80000 /* counts from a past time to now (depuis le début de la guerre) */
#define CL_W_NEG 0x100000  /* the negative particle before a verb (ne, n') */
#define CL_W_WHOLE 0x200000 /* before a figure, makes it the whole of the parts after it (parmi) */
#define CL_W_AMONG 0x400000 /* after a figure, a pronoun for a noun counted before (d'entre eux) */
#define CL_W_KIN 0x800000  /* a relative whose "de" figure is a family, no count (mère de 5 enfants) */
#define CL_W_IMP 0x1000000 /* an impersonal subject that names nobody (on recense 12 morts) */
#define CL_W_FLOOR 0x2000000 /* before un/une, makes it a count (au moins une personne) */
#define CL_W_LABEL 0x4000000 /* a figure right after it is a label (route nationale 4) */
#define CL_W_TOWARD 0x8000000 /* a place right after it is where one goes, not where it happened */
#define CL_W_AGE 0x10000000 /* after a figure and de before it: an age (un homme de 37 ans) */
#define CL_W_IF 0x20000000 /* before un/une, makes the toll a supposition (si un soldat est tué) */
#define CL_W_AGED 0x40000000 /* opens an aside of ages (cinq civils, âgés de 20 à 30 ans,) */
#define CL_W_MORE 0x80000000u /* adds to what the sentence before reported (Il y a également) */

/* Grammar words of claim_words.tsv, continued (cl_entry.wflags2). */
#define CL_W2_BE 0x1  /* a form of être, the auxiliary of a passive (a été tué, sont morts) */
#define CL_W2_OR 0x2  /* ou: joins two predicates of a toll of several kinds */
#define CL_W2_BUT 0x4 /* mais: after a comma, opens a new clause */
#define CL_W2_DEF 0x8 /* les, ces: a figure after it names things already known */
#define CL_W2_NOUN 0x10   /* son, cette: the word after it is a noun (son annonce), never a verb */
#define CL_W2_THING 0x20  /* accord, règle: a text or a rule, never who speaks after selon */
#define CL_W2_CHANGE 0x40 /* passé, grimpé: de X à Y after it is a change, the toll is Y */
#define CL_W2_FLOOR 0x80  /* au moins after a figure and its noun: the figure is a floor */
#define CL_W2_REFL 0x100  /* se, s': the word after it (or after its auxiliary) is a verb */
#define CL_W2_MINE 0x200  /* nos, notre: the speaker's own, no source of its own */
#define CL_W2_SUBJ 0x400  /* il, elle: a subject pronoun, which names no source by itself */
#define CL_W2_REL 0x800   /* qui: opens a relative clause on the noun before it */
#define CL_W2_MEMORY 0x1000 /* mémoire, hommage: the dead it honours died before, never planned */
#define CL_W2_ASK 0x2000    /* demander, réclamer (an infinitive): a release asked for, not done */
#define CL_W2_IMPERS 0x4000 /* sembler, paraître (an infinitive): -t-il after it names nobody */
#define CL_W2_QUE 0x8000    /* que, qu': a verb right after it has its subject after it */

typedef struct cl_entry {
    const char *key; /* folded, NUL-terminated; owned by the table */
    uint32_t klen, hash;
    uint8_t prefix;  /* 1: only a prefix of longer keys */
    int8_t who;      /* rc_who, or CL_WHO_* */
    int8_t cwhat;    /* what a counted event noun says happened, or -1 */
    uint8_t share;   /* counted only as a share (80 % du pays), never as a count */
    int8_t pwhat;    /* predicate: rc_what, or -1 */
    int8_t pwhat2;   /* what it says of people when pwhat is said of areas (perdu), or -1 */
    uint8_t pflags;  /* CL_P_* */
    int8_t mod;      /* enum cl_mod */
    uint8_t mflags;  /* CL_MF_* */
    uint32_t wflags; /* CL_W_*: grammar words of claim_words.tsv */
    uint16_t wflags2; /* CL_W2_*: more classes of claim_words.tsv */
    uint8_t one;     /* a toll noun an article counts as one (un mort, une victime) */
    uint8_t of;      /* its complement after de says who is counted (membres de notre personnel) */
    uint8_t mixed;   /* a toll noun that may hold the dead and the wounded alike (victimes):
                      * parts of other events may break it down */
    uint8_t adj;     /* counted, unless a counted noun follows it that it qualifies (50 jeunes;
                      * 50 jeunes soldats) */
    uint16_t tails;  /* bit 1 << mod of every full key that ends with this key as its last word
                      * (after a space or an apostrophe), itself too */
    uint8_t cont;    /* some longer key (or prefix of one) begins with this key: a phrase may
                      * start with it; without, matching need not look at the next word */
} cl_entry;

#define CL_JOINBITS 16384u

typedef struct cl_table {
    cl_entry *e;
    size_t n, cap;
    uint32_t *slots; /* index + 1; 0 empty */
    size_t mask;
    int maxwords;
    size_t one_maxlen; /* the longest word of class one (un, une), in bytes as folded */
    uint8_t one_first[256]; /* 1 for the first bytes of words of class one, either case: a
                             * byte table, as every token of a document is tested against it */
    uint64_t pairs[16]; /* bit set for the first two folded bytes of every key */
    uint64_t joins[CL_JOINBITS / 64]; /* bit set of the pairs of words that begin a key */
    /* every key of the table split in two keys of the table at a space (dropped) or after an
     * apostrophe, as matching joins words: open addressing over (first, second, space) packed
     * by cl_pair_key, the joined key's index + 1 beside it (0 marks a free slot). Matching
     * extends a phrase by the next word's entry with one probe, without folding or copying. */
    uint64_t *pkeys;
    uint32_t *pvals;
    size_t pmask;
    const rc_lexicon *demonyms; /* ent_demonyms: a nationality in lower case as a figure's noun */
} cl_table;

/* The key of the pair map for entries a and b (table indices) joined with or without a space. */
static inline uint64_t cl_pair_key(size_t a, size_t b, int space)
{
    return (uint64_t)a << 33 | (uint64_t)b << 1 | (uint64_t)(space != 0);
}

/* The slot of the pair map where the search for key k starts. */
static inline size_t cl_pair_slot(uint64_t k, size_t mask)
{
    return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}

/* The entry whose key is a's, then a space when space, then b's, when a ends with an apostrophe
 * or space is set (the splits the pair map holds); NULL when the table has none: cl_lookup of
 * the joined text, asked with the two entries. */
static inline const cl_entry *cl_joined(const cl_table *t, const cl_entry *a, const cl_entry *b,
                                        int space)
{
    uint64_t k = cl_pair_key((size_t)(a - t->e), (size_t)(b - t->e), space);
    for (size_t i = cl_pair_slot(k, t->pmask);; i = (i + 1) & t->pmask) {
        uint32_t v = t->pvals[i];
        if (!v)
            return NULL;
        if (t->pkeys[i] == k)
            return &t->e[v - 1];
    }
}

/* The bit of the joins filter for the key that joins the key of entry a, a space when space,
 * and the key of entry b (table indices). */
static inline unsigned cl_join_bit(size_t a, size_t b, int space)
{
    uint32_t h = (uint32_t)a * 0x9E3779B1u ^ (uint32_t)(b + 1) * 0x85EBCA77u ^ (uint32_t)space;
    return (h ^ (h >> 15)) & (CL_JOINBITS - 1);
}

/* Whether some key (or prefix of one) may be the key of a, then a space when space, then the
 * key of b: false when none is. */
static inline int cl_join_may(const cl_table *t, const cl_entry *a, const cl_entry *b, int space)
{
    unsigned bit = cl_join_bit((size_t)(a - t->e), (size_t)(b - t->e), space);
    return (int)(t->joins[bit >> 6] >> (bit & 63) & 1);
}

/* The bit of the pairs filter for a key starting with the folded bytes a and b. */
static inline unsigned cl_pair_bit(unsigned char a, unsigned char b)
{
    return (a * 37u + b) & 1023u;
}

/* The table of the context, made on first use (rc_ctx_derived). NULL when out of memory. */
const cl_table *cl_table_get(const rc_ctx *ctx);

/* The entry for a folded key, or NULL. */
const cl_entry *cl_lookup(const cl_table *t, const char *key, size_t len);

#endif
