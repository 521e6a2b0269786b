/*
 * test_container.c - JSON Lines and WARC readers: what each document carries, how bad lines and
 * damaged records are named, and that reading goes on after them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/container.h"

typedef struct seen {
    int docs, errors;
    char paths[8][64], data[8][128], urls[8][64], charsets[8][32], errs[8][64];
    int formats[8];
} seen;

/* Records one source. */
static int on_doc(void *ud, const rc_source *src)
{
    seen *s = ud;
    if (s->docs < 8) {
        snprintf(s->paths[s->docs], 64, "%s", src->path);
        snprintf(s->data[s->docs], 128, "%.*s", (int)src->len, (const char *)src->data);
        snprintf(s->urls[s->docs], 64, "%s", src->url ? src->url : "");
        snprintf(s->charsets[s->docs], 32, "%s", src->charset ? src->charset : "");
        s->formats[s->docs] = src->format;
    }
    s->docs++;
    return 0;
}

/* Records one error. */
static void on_err(void *ud, const char *where, int status, const char *detail)
{
    seen *s = ud;
    (void)detail;
    assert_int_equal(status, RC_EFORMAT);
    if (s->errors < 8)
        snprintf(s->errs[s->errors], 64, "%s", where);
    s->errors++;
}

static void test_jsonl(void **state)
{
    (void)state;
    const char *in = "\xef\xbb\xbf{\"text\": \"Un\", \"url\": \"http://a\"}\r\n"
                     "\n"
                     "{\"html\": \"<p>Deux</p>\", \"id\": 7}\n"
                     "[1]\n"
                     "{\"text\": 3}\n"
                     "{oops\n"
                     "{\"text\": \"Trois\"}";
    seen s = {0};
    assert_int_equal(rc_jsonl_each("e.jsonl", in, strlen(in), on_doc, on_err, &s), RC_OK);
    assert_int_equal(s.docs, 3);
    assert_string_equal(s.paths[0], "e.jsonl:1");
    assert_string_equal(s.urls[0], "http://a");
    assert_int_equal(s.formats[0], RC_FORMAT_TEXT);
    assert_string_equal(s.paths[1], "e.jsonl:3");
    assert_string_equal(s.data[1], "<p>Deux</p>");
    assert_int_equal(s.formats[1], RC_FORMAT_HTML);
    assert_string_equal(s.paths[2], "e.jsonl:7");
    assert_int_equal(s.errors, 3);
    assert_string_equal(s.errs[0], "e.jsonl:4");
    assert_string_equal(s.errs[1], "e.jsonl:5");
    assert_string_equal(s.errs[2], "e.jsonl:6");
}

/* Appends one WARC record to buf. */
static size_t warc_rec(char *buf, size_t at, const char *type, const char *uri, const char *block,
                       size_t declared)
{
    size_t n = strlen(block);
    at += (size_t)sprintf(buf + at, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
                                    "Content-Length: %zu\r\n\r\n",
                          type, uri, declared ? declared : n);
    memcpy(buf + at, block, n);
    at += n;
    at += (size_t)sprintf(buf + at, "\r\n\r\n");
    return at;
}

static void test_warc(void **state)
{
    (void)state;
    char buf[4096];
    size_t n = 0;
    n = warc_rec(buf, n, "warcinfo", "", "format: test\r\n", 0);
    n = warc_rec(buf, n, "response", "http://a/1",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>Un</p>", 0);
    n = warc_rec(buf, n, "response", "http://a/2",
                 "HTTP/1.1 200 OK\nContent-Type: text/plain\nTransfer-Encoding: chunked\n\n"
                 "4\r\nDeux\r\n6\r\n trois\r\n0\r\n\r\n", 0);
    n = warc_rec(buf, n, "response", "http://a/3", "HTTP/1.1 301 Moved\r\n\r\n", 0);
    memcpy(buf + n, "garbage line\r\n", 14); /* not a record: named, then the next is found */
    n += 14;
    n = warc_rec(buf, n, "response", "<http://a/4>",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Quatre et la suite</p>", 500);
    seen s = {0};
    assert_int_equal(rc_warc_each("c.warc", buf, n, on_doc, on_err, &s), RC_OK);
    assert_int_equal(s.docs, 3);
    assert_string_equal(s.paths[0], "c.warc#2");
    assert_string_equal(s.data[0], "<p>Un</p>");
    assert_string_equal(s.charsets[0], "ISO-8859-1");
    assert_string_equal(s.urls[0], "http://a/1");
    assert_int_equal(s.formats[0], RC_FORMAT_HTML);
    assert_string_equal(s.data[1], "Deux trois");
    assert_int_equal(s.formats[1], RC_FORMAT_TEXT);
    assert_string_equal(s.paths[2], "c.warc#6");
    assert_string_equal(s.urls[2], "http://a/4");
    assert_non_null(strstr(s.data[2], "Quatre et la suite"));
    assert_int_equal(s.errors, 2);
    assert_string_equal(s.errs[0], "c.warc#5");
    assert_string_equal(s.errs[1], "c.warc#6");
    /* headers cut off */
    seen t = {0};
    const char *cut = "WARC/1.0\r\nWARC-Type: response\r\nContent-Len";
    assert_int_equal(rc_warc_each("d.warc", cut, strlen(cut), on_doc, on_err, &t), RC_OK);
    assert_int_equal(t.docs, 0);
    assert_int_equal(t.errors, 1);
    /* a few bytes that are not a record at the end of the input */
    seen u = {0};
    assert_int_equal(rc_warc_each("e.warc", "\r\nWA", 4, on_doc, on_err, &u), RC_OK);
    assert_int_equal(u.docs, 0);
    assert_int_equal(u.errors, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_warc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
