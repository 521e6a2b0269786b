/*
 * test_decode.c - the decoder: BOM, encodings, line ends, binary refusal, NFC.
 */
#include "rc_test.h"

#include "ingest/decode.h"

/* Decodes s and checks the result and the encoding decided. */
static void expect_decode(const char *in, size_t len, const char *want, const char *encoding)
{
    rc_arena a;
    rc_arena_init(&a);
    char *out;
    size_t n;
    rc_decode_info info;
    assert_int_equal(rc_decode(in, len, &a, &out, &n, &info), RC_OK);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    assert_int_equal(out[n], '\0');
    if (encoding)
        assert_string_equal(info.encoding, encoding);
    rc_arena_free(&a);
}

static void test_utf8_plain(void **state)
{
    (void)state;
    expect_decode("Alep-Est", strlen("Alep-Est"), "Alep-Est", "utf-8");
    expect_decode("\xc3\xa9vacu\xc3\xa9", 8, "\xc3\xa9vacu\xc3\xa9", "utf-8");
    expect_decode("", 0, "", "utf-8");
}

/* Accents and line feeds are copied sixteen bytes at a time with the rest: wherever a block
 * boundary falls among them, an accent stays whole and a CRLF gives one line feed. */
static void test_block_edges(void **state)
{
    (void)state;
    static const char tail[] = "\xc3\xa9t\xc3\xa9\r\nl\xc3\xa0\n\r\n\r\n\xc3\x89t\xc3\xa9 \xc3\x97\n\n"
                               "tr\xc3\xa8s\rloin\r\n\xc3\xa0 la ligne\n\xc3\xbf";
    static const char want[] = "\xc3\xa9t\xc3\xa9\nl\xc3\xa0\n\n\n\xc3\x89t\xc3\xa9 \xc3\x97\n\n"
                               "tr\xc3\xa8s\nloin\n\xc3\xa0 la ligne\n\xc3\xbf";
    for (size_t k = 0; k < 32; k++) {
        char in[128], out[128];
        memset(in, 'a', k);
        memcpy(in + k, tail, sizeof tail);
        memset(out, 'a', k);
        memcpy(out + k, want, sizeof want);
        expect_decode(in, k + sizeof tail - 1, out, "utf-8");
    }
}

static void test_bom_stripped(void **state)
{
    (void)state;
    expect_decode("\xef\xbb\xbf" "Alep", 7, "Alep", "utf-8");
}

static void test_line_ends(void **state)
{
    (void)state;
    expect_decode("a\r\nb\rc\nd", 8, "a\nb\nc\nd", NULL);
    expect_decode("a\r\n\r\nb", 6, "a\n\nb", NULL);
}

static void test_latin1(void **state)
{
    (void)state;
    /* "évacuées à Alep" in Latin-1 */
    const char in[] = "\xe9vacu\xe9" "es \xe0 Alep";
    expect_decode(in, sizeof in - 1, "\xc3\xa9vacu\xc3\xa9" "es \xc3\xa0 Alep", "windows-1252");
}

static void test_cp1252_quotes(void **state)
{
    (void)state;
    /* Windows-1252 curly apostrophe 0x92 and euro sign 0x80 */
    const char in[] = "l\x92" "arm\xe9" "e, 5 \x80";
    expect_decode(in, sizeof in - 1, "l\xe2\x80\x99" "arm\xc3\xa9" "e, 5 \xe2\x82\xac", "windows-1252");
}

static void test_damaged_utf8(void **state)
{
    (void)state;
    /* mostly UTF-8 with one stray byte: replaced, not reinterpreted */
    const char in[] = "\xc3\xa9t\xc3\xa9 \xc3\xa0 l\xc3\xa0 \xff fin";
    expect_decode(in, sizeof in - 1, "\xc3\xa9t\xc3\xa9 \xc3\xa0 l\xc3\xa0 \xef\xbf\xbd fin", "utf-8");
}

/* Damaged UTF-8 long enough for the sixteen-byte copy: each stray byte is replaced and counted,
 * and line ends, invisible characters and NFC are handled as in valid text, before and after it. */
static void test_damaged_utf8_long(void **state)
{
    (void)state;
    static const char in[] = "La colonne\r\nest entre\xcc\x81" "e a\xc2\xadpre\xcc\x80s minuit \xff"
                             " puis repartie vers le col\r\xfe le lendemain.";
    static const char want[] = "La colonne\nest entr\xc3\xa9" "e apr\xc3\xa8s minuit \xef\xbf\xbd"
                               " puis repartie vers le col\n\xef\xbf\xbd le lendemain.";
    expect_decode(in, sizeof in - 1, want, "utf-8");
    rc_arena a;
    rc_arena_init(&a);
    char *out;
    size_t n;
    rc_decode_info info;
    assert_int_equal(rc_decode(in, sizeof in - 1, &a, &out, &n, &info), RC_OK);
    assert_int_equal(info.replaced, 2);
    assert_true(info.normalized);
    rc_arena_free(&a);
}

static void test_binary_refused(void **state)
{
    (void)state;
    rc_arena a;
    rc_arena_init(&a);
    char *out;
    size_t n;
    const char nul[] = "PK\x03\x04\x00\x00text";
    assert_int_equal(rc_decode(nul, sizeof nul - 1, &a, &out, &n, NULL), RC_EBINARY);
    char ctl[100];
    for (int i = 0; i < 100; i++)
        ctl[i] = (char)(i % 3 ? 'a' : 0x01);
    assert_int_equal(rc_decode(ctl, sizeof ctl, &a, &out, &n, NULL), RC_EBINARY);
    rc_arena_free(&a);
}

static void test_utf16(void **state)
{
    (void)state;
    const char in[] = "\xff\xfe" "A\0l\0\xe9\0p\0";
    expect_decode(in, sizeof in - 1, "Al\xc3\xa9p", "utf-16le");
}

static void test_nfc(void **state)
{
    (void)state;
    /* e + combining acute becomes é; the en quad U+2000 becomes the en space U+2002 */
    expect_decode("e\xcc\x81t\xc3\xa9", 6, "\xc3\xa9t\xc3\xa9", NULL);
    expect_decode("a\xe2\x80\x80" "b", 5, "a\xe2\x80\x82" "b", NULL);
}

static void test_invisible_removed(void **state)
{
    (void)state;
    /* soft hyphen and zero-width space vanish; tabs and no-break spaces stay */
    const char in[] = "Alep\xc2\xad-Est\xe2\x80\x8b !\t\xc2\xa0x";
    expect_decode(in, sizeof in - 1, "Alep-Est !\t\xc2\xa0x", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_plain),    cmocka_unit_test(test_block_edges),
        cmocka_unit_test(test_bom_stripped),
        cmocka_unit_test(test_line_ends),     cmocka_unit_test(test_latin1),
        cmocka_unit_test(test_cp1252_quotes), cmocka_unit_test(test_damaged_utf8),
        cmocka_unit_test(test_damaged_utf8_long),
        cmocka_unit_test(test_binary_refused), cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_nfc),           cmocka_unit_test(test_invisible_removed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
