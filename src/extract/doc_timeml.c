/*
 * doc_timeml.c - a document as an ISO-TimeML file: the creation time in DCT, then the cleaned
 * text with each TIMEX3 of the TimeML cut (lang/fr/timeml.h) tagged in place, which is what
 * HeidelTime writes, so that recoupe can stand in for it in pipelines that read TimeML.
 */
#include <string.h>

#include "core/doc.h"
#include "lang/fr/timeml.h"
#include "util/buf.h"
#include "util/date.h"

/* Appends s[0..n) with the XML special characters escaped. */
static void timeml_xml(rc_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                        : s[i] == '"' ? "&quot;" : NULL;
        if (!esc)
            continue;
        rc_buf_append(b, s + run, i - run);
        rc_buf_puts(b, esc);
        run = i + 1;
    }
    rc_buf_append(b, s + run, n - run);
}

/* Appends one TIMEX3 start tag. */
static void timeml_tag(rc_buf *b, unsigned tid, const rc_timex *x)
{
    rc_buf_printf(b, "<TIMEX3 tid=\"t%u\" type=\"%s\" value=\"", tid, rc_timex_type_name(x->ttype));
    if (x->value)
        timeml_xml(b, x->value, strlen(x->value));
    rc_buf_puts(b, "\"");
    if (x->mod)
        rc_buf_printf(b, " mod=\"%s\"", x->mod);
    rc_buf_puts(b, ">");
}

int rc_doc_write_timeml(const rc_doc *doc, rc_write_fn fn, void *ud)
{
    rc_date ref;
    bool dated = doc->date && rc_date_parse(doc->date, &ref) == RC_OK;
    rc_timex *x = NULL;
    size_t nx = 0;
    rc_arena a;
    rc_arena_init(&a);
    int status = RC_OK;
    if (rc_doc_stage_ran(doc, "times"))
        status = rc_fr_timeml(doc->ctx->fr, doc->text, doc->len, doc->times, doc->ntimes,
                              dated ? &ref : NULL, &a, &x, &nx);
    rc_buf b = RC_BUF_INIT;
    rc_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>");
    rc_buf_puts(&b, doc->id);
    rc_buf_puts(&b, "</DOCID>\n");
    if (dated) {
        char day[11];
        memcpy(day, doc->date, 10);
        day[10] = '\0';
        rc_buf_printf(&b, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" "
                          "functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n", day, day);
    }
    rc_buf_puts(&b, "<TEXT>");
    uint32_t at = 0;
    unsigned tid = 1;
    for (size_t i = 0; i < nx; i++) {
        if (x[i].start < at || x[i].end > doc->len || x[i].start >= x[i].end)
            continue; /* TIMEX3s do not nest or overlap */
        timeml_xml(&b, doc->text + at, x[i].start - at);
        timeml_tag(&b, tid++, &x[i]);
        timeml_xml(&b, doc->text + x[i].start, x[i].end - x[i].start);
        rc_buf_puts(&b, "</TIMEX3>");
        at = x[i].end;
    }
    timeml_xml(&b, doc->text + at, doc->len - at);
    rc_buf_puts(&b, "</TEXT>\n</TimeML>\n");
    if (!status)
        status = b.err ? b.err : fn(ud, b.data, b.len);
    rc_buf_free(&b);
    rc_arena_free(&a);
    return status;
}
