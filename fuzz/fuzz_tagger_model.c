/*
 * fuzz_tagger_model.c - libFuzzer target for the entity tagger's model reader
 * (ent_tagger_parse): any input is read or refused with a message naming the file and line, and
 * a model read is then used on a short document, whose entities must stay in text order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "extract/ent_tagger.h"
#include "recoupe.h"

static rc_ctx *ctx;
static rc_doc *doc;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char err[512];
    const char *data = getenv("RECOUPE_DATA") ? getenv("RECOUPE_DATA") : RC_DATADIR_FUZZ;
    if (rc_ctx_new(data, err, sizeof err, &ctx)) {
        fprintf(stderr, "fuzz_tagger_model: %s\n", err);
        abort();
    }
    static const char text[] = "Selon Hrebenko, les tirs ont repris à Tell Haddad. Internet "
                               "est coupé, a dit Mme Okafor de l'ONU.\n";
    rc_source src = {.path = "fuzz", .data = text, .len = sizeof text - 1,
                     .format = RC_FORMAT_TEXT};
    if (rc_doc_parse(ctx, &src, NULL, &doc))
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    ent_tagger *m = NULL;
    int st = ent_tagger_parse("fuzz.model", (const char *)data, size, err, sizeof err, &m);
    if (st == RC_EDATA && strncmp(err, "fuzz.model:", 11) != 0)
        abort(); /* a data error names FILE:LINE */
    if (st != RC_OK) {
        if (m)
            abort();
        return 0;
    }
    ent_tag_doc td;
    if (ent_tagger_signals(doc, &td) == RC_OK) {
        uint8_t tags[256];
        float margin[256];
        if (doc->ntoks <= 256) {
            ent_tagger_tag(m, &td, 0, tags, margin);
            for (size_t i = 0; i < doc->ntoks; i++)
                if (tags[i] >= ENT_TAG_NLAB)
                    abort();
        }
    }
    ent_tagger_free(m);
    return 0;
}
