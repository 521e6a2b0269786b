/*
 * fuzz_lexicon.c - libFuzzer target for the lexicon file reader as a user's file meets it
 * (rc_lex_load_opts with RC_LEX_STRICT on a .tsv) and for merging it into a built-in lexicon:
 * every entry read must be found again, and the merged lexicon must answer the user's value.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lexicon.h"
#include "recoupe.h"

static char path[64];
static rc_arena base_arena;
static rc_lexicon *base;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* rc_lex_each: the entry must be found under its own (folded) key. */
static int found(void *ud, const char *key, const char *value)
{
    const rc_lexicon *lex = ud;
    (void)value;
    if (!rc_lex_get_folded(lex, key, strlen(key)))
        abort();
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(path, sizeof path, "/tmp/fuzz_lexicon_%ld.tsv", (long)getpid());
    char err[512], bpath[4096];
    const char *data = getenv("RECOUPE_DATA") ? getenv("RECOUPE_DATA") : RC_DATADIR_FUZZ;
    snprintf(bpath, sizeof bpath, "%s/fr/framing.tsv", data);
    rc_arena_init(&base_arena);
    if (rc_lex_load(&base_arena, bpath, err, sizeof err, &base)) {
        fprintf(stderr, "fuzz_lexicon: %s\n", err);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    rc_arena a;
    rc_arena_init(&a);
    char err[512];
    rc_lexicon *lex, *merged;
    int status = rc_lex_load_opts(&a, path, RC_LEX_STRICT, err, sizeof err, &lex);
    if (status == RC_EDATA && !strstr(err, ".tsv:"))
        abort(); /* a data error names FILE:LINE */
    if (status == RC_OK) {
        rc_lex_each(lex, found, lex);
        if (rc_lex_merge(&a, base, lex, &merged) == RC_OK) {
            rc_lex_each(merged, found, merged);
            if (rc_lex_count(merged) > rc_lex_count(base) + rc_lex_count(lex) ||
                rc_lex_serial(merged) == rc_lex_serial(base))
                abort();
        }
    }
    rc_arena_free(&a);
    return 0;
}
