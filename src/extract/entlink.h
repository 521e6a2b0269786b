/*
 * entlink.h - the second half of the entity stage: once the recognizer has typed the names of a
 * document, the spellings and short forms of one entity are linked (a surname alone to the full
 * name, Jabla to Jableh, a typo to the right spelling) and every member of a group gets the
 * group's key and canonical name. See docs/entities.md.
 */
#ifndef RC_ENTLINK_H
#define RC_ENTLINK_H

#include "core/doc.h"

/* Links the entities of doc->ents (in text order, key and canon already set to the span's own)
 * and rewrites key, canon and, for a surname or an untyped short form, type. Memory from
 * doc->arena. Near-linear: each name is compared with a bounded number of earlier groups.
 * Returns RC_OK or RC_ENOMEM. */
int rc_entlink(rc_doc *doc);

/* rc_entkey_fold of s[0..n) into out (capacity cap, at least RC_ENTKEY_MAX), through the
 * thread's string memo of doc's run: names repeat across documents. Returns the key's length. */
size_t rc_entlink_fold(const rc_doc *doc, const char *s, size_t n, char *out /* OUT */, size_t cap);

#endif
