/*
 * decode.h - from raw bytes to clean UTF-8: BOM stripped, encoding decided, line ends unified,
 * invisible format characters removed, NFC. Binary input is refused.
 */
#ifndef RC_DECODE_H
#define RC_DECODE_H

#include <stddef.h>

#include "util/arena.h"

typedef struct rc_decode_info {
    const char *encoding; /* "utf-8", "windows-1252", "utf-16le", "utf-16be" (static) */
    size_t replaced;      /* invalid sequences replaced by U+FFFD */
    int normalized;       /* NFC changed something */
} rc_decode_info;

/* Decodes len raw bytes. Invalid UTF-8 is read as Windows-1252 when the bytes look like a
 * single-byte encoding, and replaced by U+FFFD when they look like damaged UTF-8. CR LF and CR
 * become LF. Returns RC_EBINARY for NUL bytes (outside UTF-16) or a high share of control bytes.
 * *out is NUL-terminated and allocated in a. */
int rc_decode(const char *bytes, size_t len, rc_arena *a, char **out /* OUT */,
              size_t *outlen /* OUT */, rc_decode_info *info /* OUT, may be NULL */);

/* NFC of valid UTF-8 s[0..len), in place when nothing changes (the common case, found by a
 * quick check), else into a new arena string. */
int rc_nfc(const char *s, size_t len, rc_arena *a, char **out /* OUT */, size_t *outlen /* OUT */);

#endif
