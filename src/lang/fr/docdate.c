/*
 * docdate.c - the creation date of a document found in its own text, for pages whose metadata
 * gives none. Placeholder until the inference lands.
 */
#include "lang/fr/times.h"

int rc_fr_docdate(const rc_lang *fr, const rc_doc *doc, char *date_out)
{
    (void)fr, (void)doc;
    date_out[0] = '\0';
    return 0;
}
