/*
 * test_util.c - the small pieces every stage leans on: calendar arithmetic, the JSON writer,
 * the arena, folding and UTF-8 counting, and lexicon files (format and error messages).
 */
#include "rc_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lexicon.h"
#include "util/fold.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/fmt.h"
#include "util/json.h"

static void test_dates(void **state)
{
    (void)state;
    rc_date d;
    assert_int_equal(rc_date_parse("2016-12-15", &d), RC_OK);
    assert_int_equal(d.y, 2016);
    assert_int_equal(d.m, 12);
    assert_int_equal(d.d, 15);
    assert_false(d.has_time);
    assert_int_equal(rc_date_parse("2016-12-15T09:30:00Z", &d), RC_OK);
    assert_true(d.has_time);
    assert_int_equal(d.hh, 9);
    assert_int_equal(rc_date_parse("2016-02-30", &d), RC_EDATE);
    assert_int_equal(rc_date_parse("2016-12-15x", &d), RC_EDATE);
    assert_int_equal(rc_date_parse("15/12/2016", &d), RC_EDATE);
    assert_int_equal(rc_date_parse(NULL, &d), RC_EDATE);
    assert_int_equal(rc_date_parse("2016-02-29", &d), RC_OK); /* leap year */
    assert_int_equal(rc_date_parse("2100-02-29", &d), RC_EDATE);
    /* an offset is +HH, +HHMM or +HH:MM, nothing else */
    assert_int_equal(rc_date_parse("2016-12-15T10:00+01:00", &d), RC_OK);
    assert_int_equal(rc_date_parse("2016-12-15T10:00-0530", &d), RC_OK);
    assert_int_equal(rc_date_parse("2016-12-15T10:00+garbage", &d), RC_EDATE);
    assert_int_equal(rc_date_parse("2016-12-15T10:00+01:", &d), RC_EDATE);
    assert_int_equal(rc_date_parse("2016-12-15T10:00+01:00x", &d), RC_EDATE);
    /* 15 December 2016 was a Thursday; day counts round-trip */
    assert_int_equal(rc_date_weekday(2016, 12, 15), 4);
    assert_int_equal(rc_date_days(1970, 1, 1), 0);
    int y, m, dd;
    rc_date_from_days(rc_date_days(2016, 12, 15) - 30, &y, &m, &dd);
    assert_int_equal(y * 10000 + m * 100 + dd, 20161115);
    char buf[20];
    rc_date_parse("2016-12-15T20:05:09", &d);
    rc_date_format(&d, buf);
    assert_string_equal(buf, "2016-12-15T20:05:09");
}

static void test_json(void **state)
{
    (void)state;
    rc_buf b = RC_BUF_INIT;
    rc_json j;
    rc_json_init(&j, &b);
    rc_json_obj(&j);
    rc_json_key(&j, "s");
    rc_json_strz(&j, "«\"a\\b\"»\n\t\x01");
    rc_json_key(&j, "n");
    rc_json_num(&j, 7796);
    rc_json_key(&j, "f");
    rc_json_num(&j, 0.5);
    rc_json_key(&j, "neg");
    rc_json_int(&j, -42);
    rc_json_key(&j, "nan");
    rc_json_num(&j, NAN);
    rc_json_key(&j, "null");
    rc_json_strz(&j, NULL);
    rc_json_key(&j, "a");
    rc_json_arr(&j);
    rc_json_bool(&j, true);
    rc_json_arr(&j);
    rc_json_arr_end(&j);
    rc_json_null(&j);
    rc_json_arr_end(&j);
    rc_json_obj_end(&j);
    assert_int_equal(b.err, 0);
    assert_string_equal(b.data, "{\"s\":\"«\\\"a\\\\b\\\"»\\n\\t\\u0001\",\"n\":7796,\"f\":0.5,"
                                "\"neg\":-42,\"nan\":null,\"null\":null,\"a\":[true,[],null]}");
    rc_buf_free(&b);
    rc_buf_free(NULL);
}

/* Under omit_null, a null after a key inside an object three deep goes with its key and its
 * comma; elsewhere (shallower objects, array elements) null is written. */
static void test_json_omit_null(void **state)
{
    (void)state;
    rc_buf b = RC_BUF_INIT;
    rc_json j;
    rc_json_init(&j, &b);
    j.omit_null = true;
    rc_json_obj(&j);
    rc_json_key(&j, "top");
    rc_json_null(&j);
    rc_json_key(&j, "a");
    rc_json_arr(&j);
    rc_json_obj(&j);
    rc_json_key(&j, "x");
    rc_json_strz(&j, NULL);
    rc_json_key(&j, "y");
    rc_json_int(&j, 1);
    rc_json_key(&j, "z");
    rc_json_num(&j, NAN);
    rc_json_obj_end(&j);
    rc_json_obj(&j);
    rc_json_key(&j, "x");
    rc_json_null(&j);
    rc_json_obj_end(&j);
    rc_json_null(&j);
    rc_json_arr_end(&j);
    rc_json_obj_end(&j);
    assert_int_equal(b.err, 0);
    assert_string_equal(b.data, "{\"top\":null,\"a\":[{\"y\":1},{},null]}");
    rc_buf_free(&b);
}

/* A value written raw takes its comma like any other, after a key and inside an array. */
static void test_json_raw(void **state)
{
    (void)state;
    rc_buf b = RC_BUF_INIT;
    rc_json j;
    rc_json_init(&j, &b);
    rc_json_obj(&j);
    rc_json_key(&j, "lat");
    rc_json_raw(&j, "36.2012", 7);
    rc_json_key(&j, "xs");
    rc_json_arr(&j);
    rc_json_raw(&j, "1.5", 3);
    rc_json_raw(&j, "\"b\"", 3);
    rc_json_int(&j, 2);
    rc_json_arr_end(&j);
    rc_json_obj_end(&j);
    assert_int_equal(b.err, 0);
    assert_string_equal(b.data, "{\"lat\":36.2012,\"xs\":[1.5,\"b\",2]}");
    rc_buf_free(&b);
}

/* rc_fmt_int agrees with printf at every digit count and at the ends of int64_t, and a buffer
 * too small gets the empty string. */
static void test_fmt_int(void **state)
{
    (void)state;
    char got[24], want[32];
    int64_t vals[] = {0, INT64_MAX, INT64_MIN, INT64_MIN + 1, 5000000000000000000};
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
        snprintf(want, sizeof want, "%lld", (long long)vals[i]);
        assert_int_equal(rc_fmt_int(got, sizeof got, vals[i]), strlen(want));
        assert_string_equal(got, want);
    }
    for (int64_t p = 1; p <= INT64_MAX / 10; p *= 10) {
        int64_t around[] = {p - 1, p, p + 1, -p, -(p - 1), 7 * p + 3};
        for (size_t i = 0; i < 6; i++) {
            snprintf(want, sizeof want, "%lld", (long long)around[i]);
            assert_int_equal(rc_fmt_int(got, sizeof got, around[i]), strlen(want));
            assert_string_equal(got, want);
        }
    }
    assert_int_equal(rc_fmt_int(got, 5, 12345), 0);
    assert_string_equal(got, "");
    assert_int_equal(rc_fmt_int(got, 6, -1234), 5);
    assert_string_equal(got, "-1234");
}

/* Doubles are written so that they read back as the same double, whatever the locale. */
static void test_json_doubles(void **state)
{
    (void)state;
    static const double values[] = {0.1, 1.0 / 3, 2.5e-7, 123456.789, -0.30000000000000004,
                                    1e300, 5e-324};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        rc_buf b = RC_BUF_INIT;
        rc_json j;
        rc_json_init(&j, &b);
        rc_json_num(&j, values[i]);
        assert_int_equal(b.err, 0);
        assert_null(strchr(b.data, ','));
        assert_true(strtod(b.data, NULL) == values[i]);
        rc_buf_free(&b);
    }
}

/* Whole numbers are written as printf writes them, around the digit counts the writer treats
 * apart (below 10,000 two digits at a time) and beyond. */
static void test_json_ints(void **state)
{
    (void)state;
    rc_buf b = RC_BUF_INIT;
    char want[32];
    for (int64_t v = -120; v <= 120000; v += v < 12000 ? 1 : 997) {
        rc_buf_reset(&b);
        rc_json j;
        rc_json_init(&j, &b);
        rc_json_int(&j, v);
        snprintf(want, sizeof want, "%lld", (long long)v);
        assert_string_equal(b.data, want);
    }
    rc_buf_free(&b);
}

/* Every byte value at every position of strings long and short escapes as the byte-by-byte
 * rule says (the writer tests sixteen or eight bytes at once, C strings sixteen aligned bytes at
 * a time), and the code points of a text are counted alike sixteen and eight bytes at a time. */
static void test_json_escape_bytes(void **state)
{
    (void)state;
    char s[40], want[300];
    _Alignas(16) char z[64];
    for (int c = 1; c < 256; c++) {
        for (size_t len = 1; len <= sizeof s; len++) {
            for (size_t at = 0; at < len; at++) {
                memset(s, 'a', sizeof s);
                s[at] = (char)c;
                size_t w = 0;
                want[w++] = '"';
                for (size_t i = 0; i < len; i++) {
                    unsigned char u = (unsigned char)s[i];
                    if (u == '"' || u == '\\')
                        w += (size_t)snprintf(want + w, sizeof want - w, "\\%c", u);
                    else if (u == '\n')
                        w += (size_t)snprintf(want + w, sizeof want - w, "\\n");
                    else if (u == '\t')
                        w += (size_t)snprintf(want + w, sizeof want - w, "\\t");
                    else if (u == '\r')
                        w += (size_t)snprintf(want + w, sizeof want - w, "\\r");
                    else if (u < 0x20 || u == 0x7f)
                        w += (size_t)snprintf(want + w, sizeof want - w, "\\u%04x", u);
                    else
                        want[w++] = (char)u;
                }
                want[w++] = '"';
                want[w] = '\0';
                rc_buf b = RC_BUF_INIT;
                rc_json_escape(&b, s, len);
                assert_int_equal(b.err, 0);
                assert_string_equal(b.data, want);
                rc_buf_reset(&b);
                /* the same as a C string, which is scanned sixteen aligned bytes at a time:
                 * at several distances from a sixteen-byte boundary */
                static const size_t offs[] = {0, 1, 7, 8, 15};
                for (size_t k = 0; k < sizeof offs / sizeof offs[0]; k++) {
                    memset(z, 'x', sizeof z);
                    memcpy(z + offs[k], s, len);
                    z[offs[k] + len] = '\0';
                    rc_buf_reset(&b);
                    rc_json j;
                    rc_json_init(&j, &b);
                    rc_json_strz(&j, z + offs[k]);
                    assert_string_equal(b.data, want);
                }
                rc_buf_free(&b);
            }
        }
    }
    static const char text[] = "«Alep-Est», 12 000 évacués ; 東 🙂 a" "\x80" "b";
    for (size_t len = 0; len < sizeof text; len++) {
        size_t m = 0;
        for (size_t i = 0; i < len; i++)
            m += ((unsigned char)text[i] & 0xc0) != 0x80;
        assert_int_equal(rc_utf8_count(text, len), m);
    }
    /* a text longer than the 255 rounds of sixteen bytes a count goes before adding up */
    static char big[9000];
    size_t m = 0;
    for (size_t i = 0; i < sizeof big; i++) {
        big[i] = text[i % (sizeof text - 1)];
        m += ((unsigned char)big[i] & 0xc0) != 0x80;
    }
    assert_int_equal(rc_utf8_count(big, sizeof big), m);
}

static void test_arena(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    char *big = rc_arena_alloc(&a, 1 << 20); /* a block of its own */
    char *small = rc_arena_alloc(&a, 10);
    assert_non_null(big);
    assert_non_null(small);
    assert_int_equal((uintptr_t)small % 16, 0);
    memset(big, 1, 1 << 20);
    int *arr = NULL;
    size_t cap = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(rc_arena_grow(&a, (void **)&arr, &cap, (size_t)i + 1, sizeof *arr), RC_OK);
        arr[i] = i;
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(arr[i], i);
    assert_string_equal(rc_arena_strndup(&a, "Alep-Est", 4), "Alep");
    assert_null(rc_arena_strdup(&a, NULL));
    rc_arena_free(&a);
    rc_arena_free(&a); /* twice is fine: the arena is empty */
    rc_arena_free(NULL);
}

static void test_fold(void **state)
{
    (void)state;
    char out[64];
    size_t n = rc_fold("L’ÉTÉ « Alep »\xc2\xa0—…", strlen("L’ÉTÉ « Alep »\xc2\xa0—…"), out, sizeof out);
    assert_int_equal(n, strlen("l'été \" alep \" -..."));
    assert_memory_equal(out, "l'été \" alep \" -...", n);
    assert_true(rc_fold("abcdef", 6, out, 3) > 3); /* too small: reported, not overrun */
}

/* Writes text to a temporary lexicon file and returns its path (static buffer). */
static const char *lexicon_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_lexicon(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    rc_lexicon *lex;
    char err[256];
    const char *path = lexicon_file("rc_test_abbrev.txt",
                                    "\xef\xbb\xbf# a comment\n\nM.\netc.\tfinal\n  Mme  \nM.\tsecond\n");
    assert_int_equal(rc_lex_load(&a, path, err, sizeof err, &lex), RC_OK);
    assert_int_equal(rc_lex_count(lex), 4);
    assert_string_equal(rc_lex_name(lex), "rc_test_abbrev");
    assert_string_equal(rc_lex_get(lex, "m.", 2), ""); /* folded, first value kept */
    assert_string_equal(rc_lex_get(lex, "ETC.", 4), "final");
    assert_non_null(rc_lex_get(lex, "mme", 3));
    assert_null(rc_lex_get(lex, "Mlle", 4));
    unlink(path);
    char longline[400];
    memset(longline, 'x', sizeof longline - 2);
    longline[sizeof longline - 2] = '\n';
    longline[sizeof longline - 1] = '\0';
    path = lexicon_file("rc_test_bad.txt", longline);
    assert_int_equal(rc_lex_load(&a, path, err, sizeof err, &lex), RC_EDATA);
    assert_non_null(strstr(err, "rc_test_bad.txt:1:"));
    unlink(path);
    assert_int_equal(rc_lex_load(&a, "/nonexistent/x.txt", err, sizeof err, &lex), RC_EIO);
    assert_non_null(strstr(err, "/nonexistent/x.txt"));
    rc_arena_free(&a);
}

static void test_strerror(void **state)
{
    (void)state;
    assert_string_equal(rc_strerror(RC_OK), "success");
    assert_string_equal(rc_strerror(RC_EBINARY), "input is binary data, not text");
    assert_string_equal(rc_strerror(-999), "unknown error");
    assert_non_null(rc_version());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates), cmocka_unit_test(test_json), cmocka_unit_test(test_json_doubles),
        cmocka_unit_test(test_json_raw), cmocka_unit_test(test_json_omit_null),
        cmocka_unit_test(test_fmt_int),
        cmocka_unit_test(test_json_ints), cmocka_unit_test(test_json_escape_bytes), cmocka_unit_test(test_arena),
        cmocka_unit_test(test_fold),  cmocka_unit_test(test_lexicon), cmocka_unit_test(test_strerror),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
