/*
 * fuzz_numbers.c - libFuzzer target for the French number recognizer: any bytes, with or without
 * a NUL after them, every option; results must stay inside the text and be well ordered.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "lang/fr/numbers.h"

#ifndef RC_DATADIR_FUZZ
#define RC_DATADIR_FUZZ "data"
#endif

static rc_ctx *ctx;

/* Loads the language data once for the whole run. */
static const rc_lang *fuzz_lang(void)
{
    if (!ctx) {
        char err[512];
        if (rc_ctx_new(RC_DATADIR_FUZZ, err, sizeof err, &ctx) != RC_OK)
            abort();
    }
    return ctx->fr;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rc_lang *fr = fuzz_lang();
    unsigned flags = size ? data[0] & 3 : 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    rc_arena a;
    rc_arena_init(&a);
    rc_number *nums;
    size_t n;
    if (rc_fr_numbers_ex(fr, text, size, flags, &a, &nums, &n) == RC_OK)
        for (size_t i = 0; i < n; i++)
            if (nums[i].start > nums[i].end || nums[i].end > size)
                abort();
    /* the same bytes without a NUL after them: the recognizer must copy them */
    char *raw = malloc(size ? size : 1);
    if (raw) {
        memcpy(raw, data, size);
        if (size && rc_fr_numbers_ex(fr, raw, size - 1, flags, &a, &nums, &n) == RC_OK)
            for (size_t i = 0; i < n; i++)
                if (nums[i].end > size - 1)
                    abort();
        double v;
        if (rc_fr_numwords(raw, size, &v) > size)
            abort();
        free(raw);
    }
    rc_arena_free(&a);
    free(text);
    return 0;
}
