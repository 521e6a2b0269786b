/*
 * iconv.c - one conversion loop around iconv(3): iconv stops at the first byte it cannot decode,
 * and news pages in a declared Windows-1252 or a broken UTF-16 still deserve to be read.
 */
#include "util/iconv.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "recoupe.h"

int rc_iconv_utf8(const char *from, const char *bytes, size_t len, bool keep_truncated,
                  rc_arena *a, char **out, size_t *outlen, size_t *replaced)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return RC_EINVAL;
    /* every input byte gives at most 3 output bytes (a U+FFFD for one byte), and a UTF-16 pair
     * 4 bytes for 4 */
    size_t cap = len * 3 + 4;
    char *buf = a ? rc_arena_alloc(a, cap) : malloc(cap);
    if (!buf) {
        iconv_close(cd);
        return RC_ENOMEM;
    }
    char *in = (char *)bytes, *o = buf;
    size_t inleft = len, outleft = cap, nrep = 0;
    size_t unit = strncmp(from, "UTF-16", 6) == 0 ? 2 : 1;
    while (inleft) {
        if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1)
            break;
        if ((errno != EILSEQ && errno != EINVAL) || (errno == EINVAL && !keep_truncated) ||
            outleft < 3)
            break;
        size_t skip = unit < inleft ? unit : inleft;
        in += skip, inleft -= skip;
        memcpy(o, "\xef\xbf\xbd", 3);
        o += 3, outleft -= 3;
        nrep++;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    *out = buf;
    *outlen = (size_t)(o - buf);
    if (replaced)
        *replaced += nrep;
    return RC_OK;
}
