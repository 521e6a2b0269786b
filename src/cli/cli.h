/*
 * cli.h - the recoupe program's commands. main.c dispatches on the first argument; each command
 * parses its own options with the helpers below and returns the process exit status:
 * 0 success, 1 some input could not be read (the rest was processed), 2 usage error.
 */
#ifndef RC_CLI_H
#define RC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "recoupe.h"
#include "util/buf.h"
#include "util/json.h"

#define RC_EXIT_OK 0
#define RC_EXIT_INPUT 1
#define RC_EXIT_USAGE 2

typedef struct rc_cmd {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *usage;                 /* the --help text */
} rc_cmd;

/* Options shared by the commands that read documents. */
typedef struct rc_cli_opts {
    const char *date;    /* --date */
    const char *datadir; /* --data */
    bool text;           /* --text */
    int jobs;            /* --jobs */
    const char *db;      /* --db FILE */
    const char *output;  /* -o FILE */
    const char *format;  /* --format NAME */
    bool explain;        /* --explain */
    char **lexicons;     /* --lexicon DIR, each time it is given */
    int nlexicons;
    int tagger;          /* --tagger 1, --no-tagger 0, neither -1 (the library's default) */
    unsigned flags;      /* bit i: the command's extra flag i was given (rc_cli_parse) */
    char **paths;        /* the remaining arguments */
    int npaths;
} rc_cli_opts;

/* Flags a command accepts, for rc_cli_parse. */
#define RC_OPT_DATE 0x1
#define RC_OPT_TEXT 0x2
#define RC_OPT_JOBS 0x4
#define RC_OPT_REF 0x8 /* --ref D, stored in date */
#define RC_OPT_DB 0x10
#define RC_OPT_OUT 0x20
#define RC_OPT_FORMAT 0x40
#define RC_OPT_EXPLAIN 0x80

/* Parses argv[1..] into o; --date and --ref values are checked to be dates. extra, when not
 * NULL, is a NULL-terminated list of the command's own flags ("--relative"): the i-th sets bit i
 * of o->flags. Returns -1 to go on, or an exit status (0 after --help, 2 after a usage error,
 * with the message already printed). o->paths is freed by rc_cli_done. */
int rc_cli_parse(const rc_cmd *cmd, int argc, char **argv, unsigned accepted,
                 const char *const *extra, rc_cli_opts *o);

/* Frees what rc_cli_parse allocated. */
void rc_cli_done(rc_cli_opts *o);

/* Loads the language data and makes standard output fully buffered, as every command that
 * writes JSON lines does first; NULL (with the message printed) when the data cannot be read. */
rc_ctx *rc_cli_start(const char *datadir);

/* rc_cli_start with the options: --data, then every --lexicon folder added to the built-in data. */
rc_ctx *rc_cli_start_opts(const rc_cli_opts *o);

/* Hands every document of the command's input to fn in input order: the paths parsed with the
 * options (as rc_parse_paths), or, with --db, the documents of that store. Errors are named on
 * standard error; returns RC_OK or the first failure. */
int rc_cli_docs(const rc_cli_opts *o, const rc_ctx *ctx, rc_doc_fn fn, void *ud);

/* What a command that reads cases from standard input does with one line: writes its JSON
 * object (rc_cli_case_begin/end, with out as the buffer) and returns a status. */
typedef int (*rc_cli_line_fn)(void *ud, const rc_ctx *ctx, rc_buf *out, const char *line,
                              size_t len);

/* The body of the commands that take text directly (numbers, times): refuses paths, loads the
 * language data, then reads standard input one case per line, the line end stripped and bytes that
 * are not UTF-8 (or NUL) made U+FFFD, so that the echoed input, the offsets and the JSON agree; fn
 * gets each line NUL-terminated. A stop is reported on standard error. Returns the exit code. */
int rc_cli_lines(const char *cmd, const rc_cli_opts *o, rc_cli_line_fn fn, void *ud);

/* The output of a command that reads cases from standard input, one object per line:
 * rc_cli_case_begin resets out and writes {"input": LINE, "KEY": ; the caller appends the value
 * (rc_cli_buf_append is an rc_write_fn that appends to the rc_buf given as ud); rc_cli_case_end
 * closes the object, ends the line and writes it to standard output. */
void rc_cli_case_begin(rc_buf *out, const char *line, size_t len, const char *key);
int rc_cli_buf_append(void *ud, const char *bytes, size_t len);
int rc_cli_case_end(rc_buf *out);

/* Prints "recoupe CMD: message" and the pointer to --help; returns RC_EXIT_USAGE. */
int rc_cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Whether a command that reads documents from paths or from a store was given exactly one of
 * them; else reports the usage error. */
bool rc_cli_paths_or_db(const char *cmd, const rc_cli_opts *o);


/* Writes bytes to stdout; for rc_doc_write_json. */
int rc_cli_stdout(void *ud, const char *bytes, size_t len);

/* The error callback of rc_walk: names the input on stderr and remembers the failure. */
void rc_cli_input_error(void *ud, const char *where, int status, const char *detail);

extern const rc_cmd rc_cmd_extract;
extern const rc_cmd rc_cmd_numbers;
extern const rc_cmd rc_cmd_times;
extern const rc_cmd rc_cmd_page;
extern const rc_cmd rc_cmd_check;
extern const rc_cmd rc_cmd_ingest;
extern const rc_cmd rc_cmd_report;

#endif
