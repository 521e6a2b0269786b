/*
 * fuzz_ctx.h - the language data every fuzz target loads once, before the first input: from
 * $RECOUPE_DATA, else the source tree's data/ folder. A target that cannot load it stops at once,
 * naming itself, rather than fuzz nothing.
 */
#ifndef RC_FUZZ_CTX_H
#define RC_FUZZ_CTX_H

#include <stdio.h>
#include <stdlib.h>

#include "recoupe.h"

/* The context for the target named name; never NULL (aborts when the data cannot be read). */
static inline rc_ctx *fuzz_ctx(const char *name)
{
    char err[512];
    rc_ctx *ctx;
    if (rc_ctx_new(getenv("RECOUPE_DATA") ? NULL : RC_DATADIR_FUZZ, err, sizeof err, &ctx)) {
        fprintf(stderr, "%s: %s\n", name, err);
        abort();
    }
    return ctx;
}

#endif
