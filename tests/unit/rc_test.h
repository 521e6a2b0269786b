/*
 * rc_test.h - what the unit tests share: cmocka, the context over data/ (RECOUPE_DATA), and a
 * document built from a string.
 */
#ifndef RC_TEST_H
#define RC_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/doc.h"
#include "recoupe.h"

/* cmocka group setup: loads the language data into *state. */
static inline int rc_test_ctx_setup(void **state)
{
    char err[512];
    rc_ctx *ctx;
    int status = rc_ctx_new(NULL, err, sizeof err, &ctx);
    if (status) {
        fprintf(stderr, "cannot load data: %s\n", err);
        return -1;
    }
    *state = ctx;
    return 0;
}

static inline int rc_test_ctx_teardown(void **state)
{
    rc_ctx_free(*state);
    return 0;
}

/* A document from len bytes of s, as a plain-text file would give. */
static inline rc_doc *rc_test_doc(const rc_ctx *ctx, const char *s, size_t len, const char *date)
{
    rc_source src;
    memset(&src, 0, sizeof src);
    src.path = "test";
    src.data = s;
    src.len = len;
    src.format = RC_FORMAT_TEXT;
    rc_doc_opts opts = {date};
    rc_doc *doc = NULL;
    assert_int_equal(rc_doc_parse(ctx, &src, &opts, &doc), RC_OK);
    return doc;
}

#endif
