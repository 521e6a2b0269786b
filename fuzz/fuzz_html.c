/*
 * fuzz_html.c - libFuzzer target for the HTML reader: any bytes, with and without a container
 * charset, through rc_html_page_ctx (charset, light pass, gumbo, scoring, metadata).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ingest/html.h"
#include "recoupe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rc_ctx *ctx;

/* Loads the language data once, so that the class/id hints are exercised. */
static void fuzz_init(void)
{
    if (!ctx && rc_ctx_new(RC_DATADIR_FUZZ, NULL, 0, &ctx) != RC_OK)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init();
    rc_arena a;
    rc_arena_init(&a);
    rc_page p;
    const char *charset = size && (data[0] & 1) ? "iso-8859-1" : NULL;
    rc_html_page_ctx(ctx, (const char *)data, size, charset, &a, &p);
    rc_arena_free(&a);
    rc_html_sniff((const char *)data, size);
    return 0;
}
