/*
 * numbers.c - placeholder until the French number recognizer lands: reports "not available" so
 * that extract writes null for numbers.
 */
#include "lang/fr/numbers.h"

int rc_fr_numbers(const rc_lang *fr, const char *text, size_t len, rc_arena *a, rc_number **out,
                  size_t *n)
{
    (void)fr, (void)text, (void)len, (void)a;
    *out = NULL;
    *n = 0;
    return RC_EINVAL;
}

size_t rc_fr_numwords(const char *s, size_t len, double *value)
{
    (void)s, (void)len;
    *value = 0;
    return 0;
}
