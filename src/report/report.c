/*
 * report.c - placeholder until the dossier is written.
 */
#include "recoupe.h"

int rc_report_new(const rc_ctx *ctx, rc_report **out) { (void)ctx; *out = NULL; return RC_EINVAL; }
void rc_report_free(rc_report *rep) { (void)rep; }
int rc_report_add(rc_report *rep, const rc_doc *doc) { (void)rep; (void)doc; return RC_EINVAL; }
int rc_report_write(const rc_report *rep, const rc_check *chk, rc_write_fn fn, void *ud) { (void)rep; (void)chk; (void)fn; (void)ud; return RC_EINVAL; }
