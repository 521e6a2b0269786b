/*
 * times.c - placeholder until the French temporal recognizer lands: reports "not available" so
 * that extract writes null for times, and infers no document date.
 */
#include "lang/fr/times.h"

int rc_fr_times(const rc_lang *fr, const char *text, size_t len, const rc_date *ref, rc_arena *a,
                rc_time **out, size_t *n)
{
    (void)fr, (void)text, (void)len, (void)ref, (void)a;
    *out = NULL;
    *n = 0;
    return RC_EINVAL;
}

int rc_fr_docdate(const rc_lang *fr, const rc_doc *doc, char *date_out)
{
    (void)fr, (void)doc;
    date_out[0] = '\0';
    return 0;
}
