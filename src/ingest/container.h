/*
 * container.h - inputs that hold several documents or compressed ones: JSON Lines exports, WARC
 * crawls, gzip. Each expands into rc_source records handed to a callback, as rc_walk does.
 */
#ifndef RC_CONTAINER_H
#define RC_CONTAINER_H

#include <stddef.h>

#include "recoupe.h"

/* Largest decompressed size accepted from one gzip file. */
#define RC_GZ_LIMIT ((size_t)1 << 31)

/* Inflates a gzip (several members allowed) or zlib stream into a malloc'd buffer the caller
 * frees. Returns 0, RC_ENOMEM, RC_ETOOBIG past limit, or RC_EFORMAT for a corrupt stream
 * (a truncated last member keeps what was inflated and returns RC_OK with *truncated set). */
int rc_gunzip(const void *bytes, size_t len, size_t limit, char **out /* OUT */,
              size_t *outlen /* OUT */, int *truncated /* OUT, may be NULL */);

/* One document per line: {"text": ...} or {"html": ...} with optional url, title, site, date,
 * author, id. A bad line is reported to onerr as "path:LINE" and skipped. */
int rc_jsonl_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                  rc_error_fn onerr, void *ud);

/* One document per WARC response record, HTTP headers parsed (charset, content type). A record
 * whose declared length runs past the end of the file keeps what is there. */
int rc_warc_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                 rc_error_fn onerr, void *ud);

/* Like rc_warc_each for a gzipped crawl (.warc.gz, one gzip member per record or one for the
 * whole file): inflated as it is read, so that only the records being read are in memory. A
 * stream cut short or corrupt keeps the records before the damage and is reported. */
int rc_warcgz_each(const char *path, const char *bytes, size_t len, rc_source_fn fn,
                   rc_error_fn onerr, void *ud);

#endif
