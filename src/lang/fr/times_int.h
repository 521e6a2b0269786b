/*
 * times_int.h - what the French time lexer (times_lex.re) hands to the parser (times.c): a flat
 * array of atoms, one per digit run, punctuation mark, grammar word or vocabulary word that can
 * take part in a time expression. Other words leave no atom; they only mark the gap.
 */
#ifndef RC_FR_TIMES_INT_H
#define RC_FR_TIMES_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"
#include "core/lang.h"
#include "util/arena.h"

/* Atom kinds. Vocabulary kinds come from data/fr/times.tsv; grammar kinds from the lexer. */
enum tx_kind {
    TA_NUM = 1, /* digits: v = value (capped), nd = digit count */
    TA_BIGNUM,  /* digits in groups (7 796): never a date part */
    TA_ORD,     /* 1er: v = 1 */
    TA_MONTH, TA_WDAY, TA_UNIT, TA_DAY, TA_RDAY, TA_PART, TA_CLOCK, TA_MOD, TA_CUE, TA_NUMW,
    TA_SEASON, TA_HOLIDAY, TA_SET, TA_REF, TA_AMPM,
    TA_SAME,    /* même, of "le même jour": not content on its own */
    TA_ROMAN,   /* a Roman ordinal (XXe, XIXe): v = its value, for centuries */
    TA_NTH,     /* an ordinal word (deuxième, second): v = its value, for quarters and halves */
    TA_PERIOD,  /* a part of a year named by a noun (trimestre, semestre): v = its months */
    TA_FEAST,   /* a holiday that moves: v = TX_FEAST_* * 100000 + its argument */
    TA_DUR,     /* a noun that is a fixed duration (demi-siècle): v = count * 16 + tx_unit */
    /* grammar words */
    TA_LE,      /* le la les l' */
    TA_DE,      /* de d' */
    TA_DU,      /* du des */
    TA_AU,      /* au aux */
    TA_A,       /* à, a (also the auxiliary: see TF_AUX) */
    TA_EN, TA_ET, TA_ENTRE, TA_DEPUIS, TA_DES, TA_JUSQU, TA_DANS, TA_IL, TA_Y, TA_YA,
    TA_PENDANT, TA_POUR, TA_CHAQUE, TA_TOUS, TA_TOUT, TA_CE, TA_CES, TA_VERS, TA_AVANT,
    TA_APRES, TA_COURS, TA_MOINS, TA_QUELQUES, TA_PLUSIEURS, TA_PAR, TA_DEMI, TA_QUART,
    TA_PLUS, TA_TOT, TA_POSSIBLE, TA_EST, TA_PEU, TA_PRES, TA_ENVIRON, TA_PARTIR, TA_ICI,
    TA_LA_BAS, /* unused placeholder kept for numbering stability */
    TA_PAST,    /* a word that marks a past tense: ont, avait, -aient ...; v: enum tx_aux */
    TA_FUT,     /* a word that marks a future: sera, vont, devrait ...; v: TX_EXPECTED or 0 */
    TA_PUNCT    /* v = the character: / . - : , ( ) ! ? and '\n' */
};

/* Values of TA_PAST: which auxiliary it is, for the participles of expectation (TX_EXPECTED). */
enum tx_aux { TX_AUX_NONE = 0, TX_AUX_AVOIR, TX_AUX_ETRE_PAST, TX_AUX_ETRE_PRESENT };

/* Value of TA_FUT for a participle of expectation (prévu, attendu): the event lies ahead unless an
 * auxiliary before it says the expecting or planning is over (était attendu, a attendu). */
#define TX_EXPECTED 1

/* Kinds of TA_FEAST (v / 100000); the argument is v % 100000. */
enum tx_feast {
    TX_FEAST_EASTER = 1, /* days after Easter Sunday (Pâques 0, Ascension 39, Pentecôte 49) */
    TX_FEAST_HIJRI,      /* a day of the Islamic year, MM * 100 + DD (Aïd el-Fitr 10-01) */
    TX_FEAST_HMONTH,     /* a month of the Islamic year, as a whole (ramadan 9) */
    TX_FEAST_AID,        /* Aïd alone: el-Fitr or el-Kebir, whichever the tense points to */
    TX_FEAST_NEWYEAR     /* nouvel, of "Nouvel An" */
};

/* Unit codes of TA_UNIT. */
enum tx_unit { TU_Y = 1, TU_M, TU_W, TU_D, TU_H, TU_MIN, TU_S, TU_CE, TU_DE };

/* Part-of-day codes of TA_PART. */
enum tx_part { TP_MO = 1, TP_AF, TP_EV, TP_NI, TP_DT };

/* Atom flags. */
#define TF_WORD_AFTER 0x01 /* an unknown word follows, after spaces only */
#define TF_WORD_BEFORE 0x02 /* an unknown word precedes, after spaces only */
#define TF_ABBR 0x04       /* vocabulary entry found with its final dot (mer., sept.) */
#define TF_UPPER 0x08      /* starts with a capital */

typedef struct tx_atom {
    uint32_t s, e; /* bytes of the text */
    int32_t v;
    uint8_t k;   /* tx_kind */
    uint8_t gap; /* before it: 0 nothing, 1 spaces only, 2 anything else (word, mark, line) */
    uint8_t nd;  /* TA_NUM: number of digits */
    uint8_t fl;  /* TF_* */
} tx_atom;

/* Lexes text[0..len) (text[len] == NUL) into atoms allocated in a. Returns 0 or RC_ENOMEM. */
int rc_fr_times_lex(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
                    tx_atom **out /* OUT */, size_t *n /* OUT */);

/* rc_fr_times_lex of doc->text (text == doc->text) while doc's stages run: the same atoms, the
 * words that are whole tokens settled through the word memo (core/words.h). doc may be NULL or
 * outside its stages: then as rc_fr_times_lex. */
int rc_fr_times_lex_doc(const rc_lang *fr, const rc_doc *doc, const char *text, size_t len,
                        rc_arena *a, tx_atom **out /* OUT */, size_t *n /* OUT */);

#endif
