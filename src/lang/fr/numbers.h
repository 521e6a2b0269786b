/*
 * numbers.h - the French number recognizer: digits, number words, ordinals, percentages,
 * fractions, and the bounds that vague wording implies (au moins 82, près de 15.000,
 * des dizaines de milliers). Results are the NUMBER objects of the interface contract.
 * What is recognised, and the data files that drive it, are described in docs/numbers.md.
 */
#ifndef RC_FR_NUMBERS_H
#define RC_FR_NUMBERS_H

#include <stddef.h>

#include "core/doc.h"

/* Options of rc_fr_numbers_ex. The default (0) is what extract uses. */
#define RC_FRNUM_ARTICLES 0x1 /* read every "un"/"une" as the number 1, articles included, as
                                 Recognizers-Text does; by default only "un" in a number is */
#define RC_FRNUM_RELATIVE 0x2 /* also report relative ordinals (dernier, prochain), from
                                 data/fr/number_relative.tsv */

/* Finds every quantity in text[0..len) (UTF-8, NFC). The array is allocated in a and owned by
 * it; *n may be 0. fr gives the lexicons (data/fr/number_*.tsv). text[len] is read: when it is
 * not NUL, the text is copied first. Returns 0 or RC_ENOMEM. */
int rc_fr_numbers(const rc_lang *fr, const char *text, size_t len, rc_arena *a,
                  rc_number **out /* OUT */, size_t *n /* OUT */);

/* Like rc_fr_numbers, with RC_FRNUM_* options. */
int rc_fr_numbers_ex(const rc_lang *fr, const char *text, size_t len, unsigned flags, rc_arena *a,
                     rc_number **out /* OUT */, size_t *n /* OUT */);

/* rc_fr_numbers over the text of doc (what the numbers stage runs): while the stages run, the
 * scan passes over the words through the document's tokens and the answers kept in their word
 * records (core/words.h), with the same results. */
int rc_fr_numbers_doc(const rc_doc *doc, rc_arena *a, rc_number **out /* OUT */,
                      size_t *n /* OUT */);

/* Reads French number words at the start of s ("vingt-quatre", "mille cent", "trois cent mille");
 * returns the bytes consumed (0 when s does not start with one) and the value. Used by the time
 * recognizer for "vingt-quatre heures". */
size_t rc_fr_numwords(const char *s, size_t len, double *value /* OUT */);

#endif
