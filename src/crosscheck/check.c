/*
 * check.c - placeholder until the cross-check is written.
 */
#include <stdlib.h>

#include "recoupe.h"

int rc_check_new(const rc_ctx *ctx, rc_check **out) { (void)ctx; *out = NULL; return RC_EINVAL; }
void rc_check_free(rc_check *chk) { (void)chk; }
int rc_check_add(rc_check *chk, const rc_doc *doc) { (void)chk; (void)doc; return RC_EINVAL; }
int rc_check_run(rc_check *chk) { (void)chk; return RC_EINVAL; }
int rc_check_write(const rc_check *chk, rc_check_format format, unsigned flags, rc_write_fn fn,
                   void *ud) { (void)chk; (void)format; (void)flags; (void)fn; (void)ud; return RC_EINVAL; }
const rc_check_doc *rc_check_docs(const rc_check *chk, size_t *n) { (void)chk; *n = 0; return NULL; }
const rc_fact *rc_check_facts(const rc_check *chk, size_t *n) { (void)chk; *n = 0; return NULL; }
const rc_claim *rc_check_doc_claims(const rc_check *chk, size_t doc, size_t *n) { (void)chk; (void)doc; *n = 0; return NULL; }
const rc_frame *rc_check_doc_framing(const rc_check *chk, size_t doc, size_t *n) { (void)chk; (void)doc; *n = 0; return NULL; }
