/*
 * speaker_int.h - what the modules of the sources stage's speaker reading share: small token
 * helpers asked of many tokens (kept inline for speed) and the few readers one module lends
 * another (speaker_tok.c classifies the tokens; speaker_np.c reads a source's phrase and the
 * subject of a reporting verb; speaker.c makes the speaker and keeps the memory of speakers).
 */
#ifndef RC_SPEAKER_INT_H
#define RC_SPEAKER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/speaker.h"

/* The text of token i and its length in bytes. */
static inline const char *speaker_tok_text(const src_state *st, uint32_t i, size_t *len)
{
    const rc_token *t = &st->doc->toks[i];
    *len = t->end - t->start;
    return st->doc->text + t->start;
}

/* Whether the word is an acronym: two or more letters, all capitals (AFP, CICR, ONU). */
static inline bool speaker_is_acronym(const char *s, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            caps++;
        else if (s[i] != '-' && s[i] != '.')
            return false;
    }
    return caps >= 2;
}

/* Whether a role phrase has a complement (le porte-parole du régime): then it is a description
 * of its own, not a person met before. */
bool speaker_role_has_complement(const src_state *st, const src_np *np);

#endif
