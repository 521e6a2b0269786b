/*
 * warc.c - WARC crawls: one document per response record.
 */
#include "ingest/container.h"

int rc_warc_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                 rc_error_fn onerr, void *ud)
{
    (void)bytes, (void)len, (void)fn;
    if (onerr)
        onerr(ud, path, RC_EFORMAT, "WARC input is not supported yet");
    return 0;
}
