/*
 * fuzz_morph.c - libFuzzer target for the French morphology: arbitrary bytes as a word form
 * (rc_fr_morph validates them before hunspell sees them, and caches every answer).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "fuzz_ctx.h"
#include "lang/fr/morph.h"

static rc_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ctx = fuzz_ctx("fuzz_morph");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rc_morph m, again;
    int known = rc_fr_morph(ctx, (const char *)data, size, &m);
    if (known != (m.flags != 0) || (known && !(m.flags & RC_M_KNOWN)))
        abort();
    if (rc_fr_morph(ctx, (const char *)data, size, &again) != known || again.flags != m.flags ||
        again.lemma != m.lemma) /* the cached answer is the same */
        abort();
    if (m.lemma && strlen(m.lemma) == 0)
        abort();
    return 0;
}
