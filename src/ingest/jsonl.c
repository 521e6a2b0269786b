/*
 * jsonl.c - JSON Lines exports: one article per line.
 */
#include "ingest/container.h"

int rc_jsonl_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                  rc_error_fn onerr, void *ud)
{
    (void)bytes, (void)len, (void)fn;
    if (onerr)
        onerr(ud, path, RC_EFORMAT, "JSON Lines input is not supported yet");
    return 0;
}
