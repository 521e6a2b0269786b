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
    char **paths;        /* the remaining arguments */
    int npaths;
} rc_cli_opts;

/* Flags a command accepts, for rc_cli_parse. */
#define RC_OPT_DATE 0x1
#define RC_OPT_TEXT 0x2
#define RC_OPT_JOBS 0x4
#define RC_OPT_REF 0x8 /* --ref D, stored in date */

/* Parses argv[1..] into o; --date and --ref values are checked to be dates. Returns -1 to go on, or an exit status (0 after --help, 2 after a
 * usage error, with the message already printed). */
int rc_cli_parse(const rc_cmd *cmd, int argc, char **argv, unsigned accepted, rc_cli_opts *o);

/* Prints "recoupe CMD: message" and the pointer to --help; returns RC_EXIT_USAGE. */
int rc_cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Loads the language data, printing what is wrong on failure. */
rc_ctx *rc_cli_ctx(const char *datadir);

/* Writes bytes to stdout; for rc_doc_write_json. */
int rc_cli_stdout(void *ud, const char *bytes, size_t len);

/* The error callback of rc_walk: names the input on stderr and remembers the failure. */
void rc_cli_input_error(void *ud, const char *where, int status, const char *detail);

extern const rc_cmd rc_cmd_extract;
extern const rc_cmd rc_cmd_numbers;
extern const rc_cmd rc_cmd_times;
extern const rc_cmd rc_cmd_page;

#endif
