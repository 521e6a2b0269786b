/*
 * srclex.h - the words the sources stage reads, as one table made once per context from the
 * lexicons reporting_verbs.tsv, attribution_cues.tsv, source_nouns.tsv and source_grammar.tsv
 * (docs/lexicons.md): every inflected form of a reporting verb, the first word of every cue
 * phrase, source and role nouns with their gender, and the grammar words that bound a name.
 * One folded look-up per word gives everything the stage needs to know about it.
 */
#ifndef RC_SRCLEX_H
#define RC_SRCLEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"

/* What a word can be (bits of srclex_info.bits). */
#define SL_VERB 0x1      /* a form of a reporting verb: verb is its index */
#define SL_SRC 0x2       /* a source noun: source, témoin, habitant */
#define SL_ROLE 0x4      /* a role noun: porte-parole, ministre, ambassadeur */
#define SL_ORG 0x8       /* an organisation noun: agence, ministère, armée */
#define SL_VIA 0x10      /* a noun that passes to its complement: le témoignage de X */
#define SL_CUE 0x20      /* first word of a cue phrase: cue is the first phrase's index */
#define SL_DET 0x40      /* le, la, un, des, deux, plusieurs */
#define SL_PREP 0x80     /* de, du, des, d', aux: joins a complement inside a name */
#define SL_LOC 0x100     /* à, en, sur, dans, par: ends a name, not a clause */
#define SL_STOP 0x200    /* que, qui, et, est: ends a name and a clause */
#define SL_AUX 0x400     /* a, ont, avait, est: before a participle */
#define SL_REFL 0x800    /* s', se */
#define SL_ADV 0x1000    /* aussi, également, ne, mardi: skipped inside a verb group */
#define SL_PRON 0x2000   /* il, elle, on, ils, elles */
#define SL_CONJ 0x4000   /* et, ainsi que: joins two sources */
#define SL_REL 0x8000    /* qui */
#define SL_QUE 0x10000   /* que, qu' */
#define SL_PART 0x20000  /* the verb form is a present participle (citant, affirmant) */
#define SL_FEM 0x40000   /* feminine noun or pronoun */
#define SL_MASC 0x80000  /* masculine noun or pronoun */
#define SL_PLUR 0x100000 /* plural pronoun */
#define SL_PARTICLE 0x200000 /* al, ben, von: inside a personal name */
#define SL_PP 0x400000   /* the verb form is a regular past participle (déclaré) */
#define SL_DEF 0x800000  /* a definite article: le, la, l', les */
#define SL_BE 0x10000000u  /* a form of être */
#define SL_NEG 0x20000000u /* ne, n' */
#define SL_INF 0x40000000u /* the verb form is an infinitive */
#define SL_QTY 0x80000000u /* deux, plusieurs: kept in a description */

/* Verb classes (reporting_verbs.tsv). */
enum srclex_vclass {
    SV_SAY, SV_ASSERT, SV_ANNOUNCE, SV_REPORT, SV_CONFIRM, SV_ADD, SV_EXPLAIN, SV_ESTIMATE,
    SV_ACCUSE, SV_DENY, SV_ADMIT, SV_WARN, SV_WRITE, SV_REACT, SV_ASK, SV_EXPRESS, SV_LEARN,
    SV_CITE, SV_N
};

/* Cue classes (attribution_cues.tsv). */
enum srclex_cclass {
    SC_ACCORDING, /* selon X */
    SC_FOR,       /* pour X, at a clause start; "told" right after a verb */
    SC_CONTINUE,  /* toujours selon X: X is the previous source when it is generic */
    SC_SAME,      /* selon la même source: the previous source */
    SC_SOURCE_OF, /* de source militaire */
    SC_RELAY,     /* cité par X */
    SC_CITING,    /* citant X */
    SC_TOLD,      /* à X, auprès de X, after a reporting verb */
    SC_VERB,      /* a verb phrase: fait état de, rend compte de */
    SC_NONE,      /* looks like a cue and names no source: (vérifié) de source indépendante */
    SC_N
};

typedef struct srclex_verb {
    const char *lemma; /* UTF-8, owned by the table */
    uint8_t cls;       /* srclex_vclass */
    uint8_t strength;  /* 1 weak (estimer) .. 3 strong (affirmer) */
    uint8_t after_quote; /* reports only right after a quotation or with -t-il (« … », lance-t-il);
                          * elsewhere it is an action (a lancé des drones) */
    uint8_t clause;      /* reports what follows unless a noun object that names no source
                          * follows it (assurait la liaison, assure la sécurité) */
} srclex_verb;

typedef struct srclex_cue {
    const char *phrase; /* folded words, one space between (none after an elision) */
    uint8_t cls;        /* srclex_cclass */
    uint8_t from;       /* SC_TOLD marked "from": after a verb of learning, whom it was learned
                         * from (auprès de X), not whom it was told to */
    uint8_t outlet;     /* SC_TOLD marked "outlet": only a news outlet follows (sur la BBC),
                         * not a network or a place (sur Facebook, sur place) */
    int16_t verb;       /* SC_VERB: index of its verb entry, else -1 */
    int32_t next;       /* next phrase with the same first word, or -1 */
    uint32_t len;       /* strlen(phrase) */
    uint32_t keylen;    /* its first word, the key it is chained under (with an apostrophe) */
    /* of the phrases from this one to the end of its chain: the first two bytes that may
     * start what follows the first word (bit srclex_pair(b0, b1) of go_on, with b1 = 0 for a
     * one-byte word), whether a space comes first in any, and the phrase that is the first
     * word alone (-1: none) */
    uint64_t go_on[4];
    uint64_t go_on2[4]; /* the same pairs by srclex_pair2, which tells apart most pairs that
                         * share a bit of go_on */
    uint8_t spaced;
    int32_t alone;
} srclex_cue;

/* The bit of srclex_cue.go_on for a word that starts with bytes b0, b1 (b1 = 0: the word is
 * b0 alone). Pairs may share a bit: go_on tells which words cannot go on, never which can. */
static inline unsigned srclex_pair(unsigned char b0, unsigned char b1)
{
    return (b0 * 31u + b1) & 255u;
}

/* A second bit for the same pair (srclex_cue.go_on2), mixed otherwise than srclex_pair. */
static inline unsigned srclex_pair2(unsigned char b0, unsigned char b1)
{
    return (b0 * 101u + b1 * 37u + 17u) & 255u;
}

/* Whether a word that starts with bytes b0, b1 (b1 = 0: the word is b0 alone) may go on with a
 * phrase of the chain from c: its pair has its bit in go_on and in go_on2. */
static inline bool srclex_may_go_on(const srclex_cue *c, unsigned char b0, unsigned char b1)
{
    unsigned h = srclex_pair(b0, b1), h2 = srclex_pair2(b0, b1);
    return (c->go_on[h >> 6] >> (h & 63) & 1u) && (c->go_on2[h2 >> 6] >> (h2 & 63) & 1u);
}

typedef struct srclex_info {
    uint32_t bits;
    int16_t verb; /* SL_VERB: index in verbs, else -1 */
    int16_t cue;  /* SL_CUE: first phrase in cues, else -1 */
} srclex_info;

typedef struct srclex srclex;

/* The table of ctx, made on first use (rc_ctx_derived); NULL when out of memory. Owned by the
 * context. */
const srclex *srclex_get(const rc_ctx *ctx);

/* What a word is: folded look-up of s[0..len) (a plural -s/-x is tried without it for nouns).
 * Unknown words give bits 0, verb and cue -1. */
srclex_info srclex_word(const srclex *sl, const char *s, size_t len);

const srclex_verb *srclex_verbs(const srclex *sl, size_t *n /* OUT */);
const srclex_cue *srclex_cues(const srclex *sl, size_t *n /* OUT */);
/* The other lexicons the stage reads, looked up by name once per context (rc_lang_lex scans
 * the language's list of names). */
enum srclex_lexicon {
    SLX_GRAMMAR,    /* source_grammar */
    SLX_OWN,        /* source_own */
    SLX_OBJECTS,    /* source_objects */
    SLX_REFUSAL,    /* source_refusal */
    SLX_NOUNS,      /* source_nouns */
    SLX_TIMES,      /* times */
    SLX_FIRSTNAMES, /* ent_firstnames */
    SLX_ORGS,       /* ent_orgs */
    SLX_AGENCIES,   /* dateline_agencies */
    SLX_N
};

/* The lexicon which of the table's context, or NULL when the language has none by that name. */
const rc_lexicon *srclex_lex(const srclex *sl, enum srclex_lexicon which);


#endif
