/*
 * store.c - placeholder until the SQLite store is written.
 */
#include <stdio.h>

#include "recoupe.h"

int rc_store_open(const char *path, unsigned flags, char *errbuf, size_t errlen, rc_store **out)
{
    (void)flags;
    *out = NULL;
    if (errbuf && errlen)
        snprintf(errbuf, errlen, "%s: the store is not built yet", path);
    return RC_EINVAL;
}
void rc_store_close(rc_store *st) { (void)st; }
int rc_store_begin(rc_store *st) { (void)st; return RC_EINVAL; }
int rc_store_add(rc_store *st, const rc_doc *doc, int *added) { (void)st; (void)doc; (void)added; return RC_EINVAL; }
int rc_store_commit(rc_store *st) { (void)st; return RC_EINVAL; }
int rc_store_save_facts(rc_store *st, const rc_check *chk) { (void)st; (void)chk; return RC_EINVAL; }
int rc_store_each(rc_store *st, const rc_ctx *ctx, rc_doc_fn fn, void *ud) { (void)st; (void)ctx; (void)fn; (void)ud; return RC_EINVAL; }
const char *rc_store_error(const rc_store *st) { (void)st; return "the store is not built yet"; }
