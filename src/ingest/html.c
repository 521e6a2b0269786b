/*
 * html.c - the article inside a web page.
 */
#include "ingest/html.h"

#include <string.h>

#include "recoupe.h"

int rc_html_page(const char *bytes, size_t len, const char *charset, rc_arena *a, rc_page *out)
{
    (void)bytes, (void)len, (void)charset, (void)a;
    memset(out, 0, sizeof *out);
    return RC_EFORMAT;
}

int rc_html_sniff(const char *bytes, size_t len)
{
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= n; i++)
        if (bytes[i] == '<' && (strncasecmp(bytes + i, "<html", 5) == 0 ||
                                strncasecmp(bytes + i, "<!doc", 5) == 0))
            return 1;
    return 0;
}
