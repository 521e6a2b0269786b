/*
 * entkey.h - the spelling-blind form of a name that entity keys are made of: case, accents,
 * hyphens and the Arabic article dropped, the letters of French, English and German
 * transliterations of Arabic and Slavic names made one (ou/u/o, ch/sh, dj/j, kh/k, q/k, y/i,
 * doubled letters, final -eh/-a/-e), and, in words of three consonants or more, only the first
 * letter and the consonants kept. See docs/entities.md for the rules and their limits.
 */
#ifndef RC_ENTKEY_H
#define RC_ENTKEY_H

#include <stdbool.h>
#include <stddef.h>

/* Room enough for the folded form of any name the recognizer keeps. */
#define RC_ENTKEY_MAX 192

/* Folds name[0..len) (UTF-8) into out (capacity cap, NUL-terminated, truncated at a word
 * boundary when too long). Words are separated by one space. Returns the folded length. */
size_t rc_entkey_fold(const char *name, size_t len, char *out, size_t cap);

/* Like rc_entkey_fold, but long words keep their (normalised) vowels: the form on which a near
 * match with the gazetteer is confirmed, so that Valbrune is not taken for Villeurbanne. */
size_t rc_entkey_fold_mid(const char *name, size_t len, char *out, size_t cap);

/* Whether two words are at most one edit apart (substitution, insertion, deletion, or the swap
 * of two neighbours). Linear in the words' length. */
bool rc_entkey_one_edit(const char *a, size_t an, const char *b, size_t bn);

/* Whether two folded names are spellings of one name: the same number of words, the same first
 * letter, every word equal but at most one, which differs by one edit (substitution, insertion,
 * deletion or swap of two neighbours) and is four letters long or more in both. Short words must
 * match exactly, so that Hama and Homs stay apart. */
bool rc_entkey_near(const char *a, size_t alen, const char *b, size_t blen);

/* Whether two names as written are spellings of one name: equal folded forms, or folded forms
 * near by rc_entkey_near both without and with their vowels (Jabla / Djableh, Ildeb /
 * Idleb; not Valbrune / Villeurbanne). */
bool rc_entkey_spellings(const char *a, size_t an, const char *b, size_t bn);

struct rc_ctx;

/* The key of a name of type type (rc_ent_type, or -1 when unknown): its folded form, replaced by
 * the canonical name's when a gazetteer knows it (exactly; places also one edit away). A person's
 * name is never looked up. Written into out (NUL-terminated, truncated to outlen); returns its
 * length. rc_entity_key is this with type -1. */
size_t rc_entkey_of(const struct rc_ctx *ctx, const char *name, size_t len, int type, char *out,
                    size_t outlen);

#endif
