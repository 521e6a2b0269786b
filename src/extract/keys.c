/*
 * keys.c - placeholder until entity keys are written: the key is the name lower-cased byte-wise.
 */
#include <string.h>

#include "core/doc.h"

size_t rc_entity_key(const rc_ctx *ctx, const char *name, size_t len, char *out, size_t outlen)
{
    (void)ctx;
    size_t n = 0;
    for (; n < len && n + 1 < outlen; n++)
        out[n] = (char)(name[n] >= 'A' && name[n] <= 'Z' ? name[n] + 32 : name[n]);
    if (outlen)
        out[n] = '\0';
    return n;
}
