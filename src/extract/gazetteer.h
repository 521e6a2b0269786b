/*
 * gazetteer.h - what the entity stage knows by name: places (place_names.tsv + places.tsv, from
 * GeoNames), countries and regions (ent_countries.tsv), organisations (ent_orgs.tsv). Exact
 * look-ups of a name as written go through the lexicons; the table made here, once per context,
 * maps the folded form (rc_entkey_fold) of the names of organisations, countries and places of
 * 100,000 inhabitants or more to the key of their canonical name.
 */
#ifndef RC_GAZETTEER_H
#define RC_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"
#include "core/lexicon.h"

typedef struct rc_gaz rc_gaz;

/* The context's table, made on first use (rc_ctx_derived); NULL when memory ran out. Owned by
 * the context. */
const rc_gaz *rc_gaz_get(const rc_ctx *ctx);

/* The lexicons the entity stage reads on every document, found once per context with the
 * table (a look-up by name each costs a scan of the language's list). NULL for a list the
 * language lacks. */
typedef struct rc_gaz_lexicons {
    const rc_lexicon *cues, *orgs, *countries, *demonyms, *first, *func, *places;
    const rc_lexicon *grammar; /* source_grammar: its definite articles open titles */
} rc_gaz_lexicons;

/* The lexicons of g; valid as long as g. */
const rc_gaz_lexicons *rc_gaz_lexicons_of(const rc_gaz *g);

/* Whether ent_orgs.tsv gives the organisation called name[0..len) (as written, or canon when not
 * NULL) the class cls, the first word of its entry (armed, media, ngo ...). */
bool rc_gaz_org_is(const rc_gaz *g, const char *name, size_t len, const char *canon,
                   const char *cls);

/* Bits of rc_gaz_word: the name lists that hold a word as one whole entry. */
#define RC_GAZ_FIRST 0x01u   /* ent_firstnames */
#define RC_GAZ_PLACE 0x02u   /* place_names */
#define RC_GAZ_COUNTRY 0x04u /* ent_countries */
#define RC_GAZ_ORG 0x08u     /* ent_orgs */

/* Which of the four name lists hold the word k (made by rc_lex_key_make), as RC_GAZ_* bits: the
 * same answers as four rc_lex_get_key, for one probe of one table. */
unsigned rc_gaz_word(const rc_gaz *g, const rc_lex_key *k);

/* The key of the canonical name for a folded name (rc_entkey_fold), or NULL when no gazetteer
 * has it. The string is owned by the table. */
const char *rc_gaz_key(const rc_gaz *g, const char *key, size_t len);

/* The key of a place of 100,000 inhabitants or more whose folded name is one edit away from a
 * one-word folded name of four letters or more, and whose name with vowels (mid, from
 * rc_entkey_fold_mid, five letters or more) is one edit away too; the most populous wins. NULL when none. */
const char *rc_gaz_near(const rc_gaz *g, const char *key, size_t len, const char *mid,
                        size_t midlen);

/* The key of a name a gazetteer has as written (case and typography ignored): the folded
 * canonical name of the organisation, country or place (the most populous of that name), written
 * into out (capacity cap). Returns out, or NULL when no gazetteer has the name. */
const char *rc_gaz_written_key(const rc_ctx *ctx, const char *name, size_t len, char *out,
                               size_t cap);

/* Whether a word (as written) starts a name of several words of the organisation or country
 * lists (Nations unies, Médecins sans frontières): only then is a name tried with the words
 * after it. */
bool rc_gaz_starts_name(const rc_gaz *g, const char *word, size_t len);

/* The hash of the empty folded prefix, and the hash of a folded prefix extended by s[0..n): with
 * rc_gaz_is_prefix, the longer readings of a name are tried only while some name of the
 * organisation or country lists starts with the folded text read so far. */
#define RC_GAZ_PREFIX_SEED 2166136261u
uint32_t rc_gaz_prefix_hash(uint32_t h, const char *s, size_t n);

/* Whether some key of the organisation or country lists (folded, as rc_lex_each gives them)
 * starts with the folded text of hash h (rc_gaz_prefix_hash from RC_GAZ_PREFIX_SEED). Never false
 * for a real prefix; rarely true for another (hashes may collide). */
bool rc_gaz_is_prefix(const rc_gaz *g, uint32_t h);

/* A place of the GeoNames gazetteer. */
typedef struct rc_gaz_place {
    double lat, lon;
    uint32_t pop;
    char cc[3];
} rc_gaz_place;

/* Looks up a name as written (case and typography ignored, accents kept) among the place names;
 * fills *out and returns true when found. */
bool rc_gaz_place_find(const rc_ctx *ctx, const char *name, size_t len, rc_gaz_place *out /* OUT */);

#endif
