/*
 * cmd_page.c - `recoupe page PATH`: the article in a web page, with its metadata, as one JSON
 * object {"title","author","date","site","lang","url","text"}. The text is the cleaned text that
 * `extract` offsets refer to; lang is the decided language (the text's, else the page's).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/buf.h"
#include "util/json.h"

typedef struct page_run {
    int failed; /* first member: rc_cli_input_error writes it */
    rc_ctx *ctx;
} page_run;

/* Writes one page's object; sources that are not HTML by name are read as HTML anyway, since
 * the command is about web pages. */
static int page_one(void *ud, const rc_source *src)
{
    page_run *r = ud;
    rc_source s = *src;
    if (s.format == RC_FORMAT_AUTO)
        s.format = RC_FORMAT_HTML;
    rc_doc *doc;
    int status = rc_doc_parse(r->ctx, &s, NULL, &doc);
    if (status) {
        rc_cli_input_error(&r->failed, src->path, status, NULL);
        return status == RC_ENOMEM ? status : 0;
    }
    rc_doc_meta m;
    rc_doc_get_meta(doc, &m);
    size_t len;
    const char *text = rc_doc_text(doc, &len);
    rc_buf b = RC_BUF_INIT;
    rc_json j;
    rc_json_init(&j, &b);
    rc_json_obj(&j);
    rc_json_key(&j, "title");
    rc_json_strz(&j, m.title);
    rc_json_key(&j, "author");
    rc_json_strz(&j, m.author);
    rc_json_key(&j, "date");
    /* only a date the page states: one guessed from the text is not the page's */
    rc_json_strz(&j, m.date_source && strcmp(m.date_source, "metadata") == 0 ? m.date : NULL);
    rc_json_key(&j, "site");
    rc_json_strz(&j, m.site);
    rc_json_key(&j, "lang");
    rc_json_strz(&j, m.lang);
    rc_json_key(&j, "url");
    rc_json_strz(&j, m.url);
    rc_json_key(&j, "path");
    rc_json_strz(&j, m.path);
    rc_json_key(&j, "text");
    rc_json_str(&j, text, len);
    rc_json_obj_end(&j);
    rc_buf_putc(&b, '\n');
    status = b.err ? b.err : rc_cli_stdout(NULL, b.data, b.len);
    rc_buf_free(&b);
    rc_doc_free(doc);
    return status;
}

static int run(int argc, char **argv)
{
    rc_cli_opts o;
    int code = rc_cli_parse(&rc_cmd_page, argc, argv, 0, NULL, &o);
    if (code >= 0)
        goto out;
    code = RC_EXIT_USAGE;
    if (o.npaths == 0) {
        rc_cli_usage_error("page", "no input: give an HTML file");
        goto out;
    }
    page_run r = {0, NULL};
    if (!(r.ctx = rc_cli_start(o.datadir))) {
        code = RC_EXIT_INPUT;
        goto out;
    }
    int status = 0;
    for (int i = 0; i < o.npaths && !status; i++)
        status = rc_walk(o.paths[i], page_one, rc_cli_input_error, &r);
    if (fflush(stdout) != 0 && !status)
        status = RC_EIO;
    if (status) {
        fprintf(stderr, "recoupe page: stopped: %s\n", rc_strerror(status));
        r.failed = 1;
    }
    rc_ctx_free(r.ctx);
    code = r.failed ? RC_EXIT_INPUT : RC_EXIT_OK;
out:
    rc_cli_done(&o);
    return code;
}

const rc_cmd rc_cmd_page = {
    "page",
    "the article in a web page: title, author, date, site, language and text",
    run,
    "usage: recoupe page [--data DIR] PATH...\n"
    "\n"
    "Reads an HTML page (or every page under a folder, or in a WARC or JSON Lines file) and\n"
    "writes one JSON object per page, one per line:\n"
    "  {\"title\", \"author\", \"date\", \"site\", \"lang\", \"url\", \"path\", \"text\"}\n"
    "where text is the article without menus, related links, comments or banners, one\n"
    "paragraph per line, after the same cleaning as `extract` (its offsets refer to it), date\n"
    "is the publication date the page states (null otherwise) and lang the language of the\n"
    "text (the page's declared language when the text is too short to tell).\n"
    "\n"
    "  --data DIR  language data folder (default: $RECOUPE_DATA, else the build's data/)\n"
    "\n"
    "Exit status: 0 success, 1 some input could not be read, 2 usage error.\n",
};
