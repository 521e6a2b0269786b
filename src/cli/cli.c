/*
 * cli.c - option parsing and reporting shared by the commands.
 */
#include "cli/cli.h"
#include "util/fold.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/json.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int rc_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "recoupe %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "; see 'recoupe %s --help'\n", cmd);
    return RC_EXIT_USAGE;
}

bool rc_cli_paths_or_db(const char *cmd, const rc_cli_opts *o)
{
    if (o->npaths == 0 && !o->db)
        rc_cli_usage_error(cmd, "no input: give files or folders, or --db FILE");
    else if (o->npaths > 0 && o->db)
        rc_cli_usage_error(cmd, "give either paths or --db FILE, not both");
    else
        return true;
    return false;
}

/* Reads the value of an option given as "--name V" or "--name=V". */
static const char *opt_value(const char *name, int argc, char **argv, int *i)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc)
        return "";
    return argv[++*i];
}

int rc_cli_parse(const rc_cmd *cmd, int argc, char **argv, unsigned accepted,
                 const char *const *extra, rc_cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->tagger = -1;
    o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
    o->lexicons = calloc((size_t)argc + 1, sizeof *o->lexicons);
    if (!o->paths || !o->lexicons) {
        fprintf(stderr, "recoupe %s: out of memory\n", cmd->name);
        return RC_EXIT_INPUT;
    }
    bool only_paths = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            o->paths[o->npaths++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_paths = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(cmd->usage, stdout);
            return RC_EXIT_OK;
        } else if (((accepted & RC_OPT_DATE) && (v = opt_value("--date", argc, argv, &i))) ||
                   ((accepted & RC_OPT_REF) && (v = opt_value("--ref", argc, argv, &i)))) {
            rc_date check;
            if (!*v)
                return rc_cli_usage_error(cmd->name, "%s needs a value", a);
            if (rc_date_parse(v, &check) != RC_OK)
                return rc_cli_usage_error(cmd->name, "'%s' is not a date (want YYYY-MM-DD or "
                                                     "YYYY-MM-DDTHH:MM:SS)", v);
            o->date = v;
        } else if ((accepted & RC_OPT_TEXT) && strcmp(a, "--text") == 0) {
            o->text = true;
        } else if ((accepted & RC_OPT_JOBS) && (v = opt_value("--jobs", argc, argv, &i))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (!*v || *end || n < 1 || n > 1024)
                return rc_cli_usage_error(cmd->name, "--jobs wants a number from 1 to 1024, not '%s'", v);
            o->jobs = (int)n;
        } else if ((accepted & RC_OPT_DB) && (v = opt_value("--db", argc, argv, &i))) {
            if (!*v)
                return rc_cli_usage_error(cmd->name, "--db needs a file");
            o->db = v;
        } else if ((accepted & RC_OPT_OUT) && ((v = opt_value("-o", argc, argv, &i)) ||
                                               (v = opt_value("--output", argc, argv, &i)))) {
            if (!*v)
                return rc_cli_usage_error(cmd->name, "%s needs a file", a);
            o->output = v;
        } else if ((accepted & RC_OPT_FORMAT) && (v = opt_value("--format", argc, argv, &i))) {
            if (!*v)
                return rc_cli_usage_error(cmd->name, "--format needs a name");
            o->format = v;
        } else if ((accepted & RC_OPT_EXPLAIN) && strcmp(a, "--explain") == 0) {
            o->explain = true;
        } else if ((v = opt_value("--lexicon", argc, argv, &i))) {
            if (!*v)
                return rc_cli_usage_error(cmd->name, "--lexicon needs a folder");
            o->lexicons[o->nlexicons++] = (char *)v;
        } else if (strcmp(a, "--tagger") == 0 || strcmp(a, "--no-tagger") == 0) {
            o->tagger = a[2] == 't' ? 1 : 0;
        } else if ((v = opt_value("--data", argc, argv, &i))) {
            if (!*v)
                return rc_cli_usage_error(cmd->name, "--data needs a folder");
            o->datadir = v;
        } else {
            size_t k = 0;
            while (extra && extra[k] && strcmp(a, extra[k]) != 0)
                k++;
            if (!extra || !extra[k])
                return rc_cli_usage_error(cmd->name, "unknown option '%s'", a);
            o->flags |= 1u << k;
        }
    }
    return -1;
}

void rc_cli_done(rc_cli_opts *o)
{
    free(o->paths);
    free(o->lexicons);
    o->paths = NULL;
    o->lexicons = NULL;
}

rc_ctx *rc_cli_start(const char *datadir)
{
    static char outbuf[1 << 16];
    char err[512];
    rc_ctx *ctx;
    int status = rc_ctx_new(datadir, err, sizeof err, &ctx);
    if (status) {
        fprintf(stderr, "recoupe: cannot load language data: %s (%s)\n", err, rc_strerror(status));
        return NULL;
    }
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    return ctx;
}

rc_ctx *rc_cli_start_opts(const rc_cli_opts *o)
{
    rc_ctx *ctx = rc_cli_start(o->datadir);
    for (int i = 0; ctx && i < o->nlexicons; i++) {
        char err[512];
        int status = rc_ctx_add_lexicons(ctx, o->lexicons[i], err, sizeof err);
        if (status) {
            fprintf(stderr, "recoupe: cannot load the lexicons of %s: %s (%s)\n", o->lexicons[i],
                    err, rc_strerror(status));
            rc_ctx_free(ctx);
            ctx = NULL;
        }
    }
    if (ctx && o->tagger >= 0) {
        char err[512];
        int status = rc_ctx_set_tagger(ctx, o->tagger, err, sizeof err);
        if (status) {
            fprintf(stderr, "recoupe: cannot use the entity tagger: %s (%s)\n", err,
                    rc_strerror(status));
            rc_ctx_free(ctx);
            ctx = NULL;
        }
    }
    return ctx;
}

int rc_cli_docs(const rc_cli_opts *o, const rc_ctx *ctx, rc_doc_fn fn, void *ud)
{
    if (!o->db) {
        rc_doc_opts dopts = {o->date};
        return rc_parse_paths(ctx, o->paths, (size_t)o->npaths, &dopts, o->jobs, fn,
                              rc_cli_input_error, ud);
    }
    char err[512];
    rc_store *st;
    int status = rc_store_open(o->db, RC_STORE_READONLY, err, sizeof err, &st);
    if (status) {
        fprintf(stderr, "recoupe: %s\n", err);
        return status;
    }
    status = rc_store_each(st, ctx, fn, ud);
    if (status && status != RC_ESTOP)
        fprintf(stderr, "recoupe: %s\n", rc_store_error(st));
    rc_store_close(st);
    return status;
}

/* Calls fn for each line of standard input, as rc_cli_lines says; returns the first non-zero
 * status of fn, or RC_EIO when standard output fails. */
static int each_line(const rc_ctx *ctx, rc_buf *out, rc_cli_line_fn fn, void *ud)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    rc_buf in = RC_BUF_INIT;
    int status = RC_OK;
    while (!status && (got = getline(&line, &cap, stdin)) >= 0) {
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        rc_buf_reset(&in);
        for (size_t i = 0; i < n;) {
            int32_t cp;
            size_t k = rc_utf8_decode((const unsigned char *)line + i, n - i, &cp);
            if (k == 0 || cp == 0) {
                rc_buf_append(&in, "\xef\xbf\xbd", 3);
                i++;
            } else {
                rc_buf_append(&in, line + i, k);
                i += k;
            }
        }
        rc_buf_append(&in, "", 0); /* in.data is a NUL-terminated string, even when empty */
        status = in.err ? in.err : fn(ud, ctx, out, in.data, in.len);
    }
    free(line);
    rc_buf_free(&in);
    if (fflush(stdout) != 0 && !status)
        status = RC_EIO;
    return status;
}

int rc_cli_lines(const char *cmd, const rc_cli_opts *o, rc_cli_line_fn fn, void *ud)
{
    if (o->npaths > 0)
        return rc_cli_usage_error(cmd, "reads standard input; unexpected argument '%s'",
                                  o->paths[0]);
    rc_ctx *ctx = rc_cli_start(o->datadir);
    if (!ctx)
        return RC_EXIT_INPUT;
    rc_buf out = RC_BUF_INIT;
    int status = each_line(ctx, &out, fn, ud);
    if (status)
        fprintf(stderr, "recoupe %s: stopped: %s\n", cmd, rc_strerror(status));
    rc_buf_free(&out);
    rc_ctx_free(ctx);
    return status ? RC_EXIT_INPUT : RC_EXIT_OK;
}

int rc_cli_stdout(void *ud, const char *bytes, size_t len)
{
    (void)ud;
    return fwrite(bytes, 1, len, stdout) == len ? 0 : RC_EIO;
}

void rc_cli_input_error(void *ud, const char *where, int status, const char *detail)
{
    int *failed = ud;
    if (detail)
        fprintf(stderr, "recoupe: %s: %s (%s)\n", where, rc_strerror(status), detail);
    else
        fprintf(stderr, "recoupe: %s: %s\n", where, rc_strerror(status));
    if (failed)
        *failed = 1;
}

void rc_cli_case_begin(rc_buf *out, const char *line, size_t len, const char *key)
{
    rc_buf_reset(out);
    rc_buf_puts(out, "{\"input\":");
    rc_json_escape(out, line, len);
    rc_buf_printf(out, ",\"%s\":", key);
}

int rc_cli_buf_append(void *ud, const char *bytes, size_t len)
{
    rc_buf *out = ud;
    rc_buf_append(out, bytes, len);
    return out->err;
}

int rc_cli_case_end(rc_buf *out)
{
    rc_buf_puts(out, "}\n");
    return out->err ? out->err : rc_cli_stdout(NULL, out->data, out->len);
}
