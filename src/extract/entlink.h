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

#endif
