/*
 * fold.h - folding for matching. Texts keep their typography (offsets point into them); lookups
 * compare folded forms: lower case, one apostrophe ('), one double quote ("), one space, one
 * hyphen (-), and "..." for the ellipsis character. Accents are kept: "élevé" and "eleve" differ.
 */
#ifndef RC_FOLD_H
#define RC_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Folds s[0..len) into out (capacity cap); returns the folded length, or cap + 1 when out is too
 * small (nothing useful is in out then). Invalid UTF-8 bytes are copied unchanged. */
size_t rc_fold(const char *s, size_t len, char *out, size_t cap);

/* Decodes one UTF-8 sequence at s (len > 0 bytes left) into *cp; returns its length in bytes,
 * or 0 for an invalid or truncated sequence. */
size_t rc_utf8_decode(const unsigned char *s, size_t len, int32_t *cp /* OUT */);

/* The number of code points of the UTF-8 text s[0..len): the bytes that do not continue a
 * sequence (a stray continuation byte of invalid text is not counted). Eight bytes at a time, as
 * the JSON of every document and every stored row counts its whole text. */
size_t rc_utf8_count(const char *s, size_t len);

/* Encodes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t rc_utf8_encode(int32_t cp, char *out);

/* The typographic fold of one code point: the ASCII stand-in, or 0 when cp folds to itself. */
int32_t rc_fold_typo(int32_t cp);

#endif
