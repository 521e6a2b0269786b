/*
 * fuzz_ctx.h - the language data every fuzz target loads once, before the first input: from
 * $RECOUPE_DATA, else the source tree's data/ folder. A target that cannot load it stops at once,
 * naming itself, rather than fuzz nothing.
 */
#ifndef RC_FUZZ_CTX_H
#define RC_FUZZ_CTX_H

#include <stdint.h>
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

/* Parses fuzz input as a plain-text document dated 2016-12-15, as every target of the text
 * pipeline does; returns rc_doc_parse's status. */
static inline int fuzz_parse_text(const rc_ctx *ctx, const uint8_t *data, size_t size,
                                  rc_doc **doc /* OUT */)
{
    rc_source src = {0};
    src.path = "fuzz";
    src.data = data;
    src.len = size;
    src.format = RC_FORMAT_TEXT;
    rc_doc_opts opts = {"2016-12-15"};
    return rc_doc_parse(ctx, &src, &opts, doc);
}

#endif
