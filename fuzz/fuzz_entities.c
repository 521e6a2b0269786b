/*
 * fuzz_entities.c - libFuzzer target for the entity stage and the entity keys: arbitrary bytes
 * as a document (whose entities must lie inside the text, in order, without overlap, each with
 * a key and a canon), and as a name given to rc_entity_key and the folding and near-match rules.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "extract/entkey.h"

static rc_ctx *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx) {
        char err[256];
        if (rc_ctx_new(RC_DATADIR_FUZZ, err, sizeof err, &ctx))
            abort();
    }
    /* the bytes as a name */
    char key[RC_ENTKEY_MAX], mid[RC_ENTKEY_MAX];
    size_t kn = rc_entity_key(ctx, (const char *)data, size, key, sizeof key);
    if (kn >= sizeof key || strlen(key) != kn)
        abort();
    size_t ln = rc_entkey_of(ctx, (const char *)data, size, RC_ENT_LOC, key, sizeof key);
    size_t mn = rc_entkey_fold_mid((const char *)data, size, mid, sizeof mid);
    if (ln >= sizeof key || mn >= sizeof mid)
        abort();
    (void)rc_entkey_near(key, ln, mid, mn);
    if (!rc_entkey_spellings((const char *)data, size, (const char *)data, size))
        abort(); /* a name is a spelling of itself */

    /* the bytes as a document */
    rc_source src;
    memset(&src, 0, sizeof src);
    src.data = data;
    src.len = size;
    src.format = RC_FORMAT_TEXT;
    src.path = "fuzz";
    rc_doc_opts opts = {"2016-12-15"};
    rc_doc *doc;
    if (rc_doc_parse(ctx, &src, &opts, &doc) != RC_OK)
        return 0;
    size_t n, len;
    const rc_entity *e = rc_doc_entities(doc, &n);
    rc_doc_text(doc, &len);
    for (size_t i = 0; i < n; i++) {
        if (e[i].start >= e[i].end || e[i].end > len || !e[i].key || !e[i].canon ||
            e[i].type > RC_ENT_MISC || (i && e[i - 1].end > e[i].start))
            abort();
    }
    rc_doc_free(doc);
    return 0;
}
