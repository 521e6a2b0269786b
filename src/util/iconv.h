/*
 * iconv.h - conversion of a declared or guessed encoding to UTF-8 with iconv, going on past bytes
 * that do not decode (each becomes U+FFFD), for the text decoder and the page reader alike.
 */
#ifndef RC_ICONV_H
#define RC_ICONV_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

/* Converts bytes[0..len) from encoding `from` (an iconv name) to UTF-8. A byte that does not
 * decode (two for UTF-16) becomes U+FFFD; a sequence cut off at the end becomes U+FFFD when
 * keep_truncated is set and is dropped otherwise. The result is in arena a, or malloc'ed when a is
 * NULL (the caller frees it); it is not NUL-terminated. *replaced counts the U+FFFD written (may be
 * NULL). Returns 0, RC_EINVAL when iconv does not know the encoding, or RC_ENOMEM. */
int rc_iconv_utf8(const char *from, const char *bytes, size_t len, bool keep_truncated,
                  rc_arena *a, char **out /* OUT */, size_t *outlen /* OUT */,
                  size_t *replaced /* OUT, may be NULL */);

#endif
