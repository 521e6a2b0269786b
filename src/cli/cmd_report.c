/*
 * cmd_report.c - placeholder until `recoupe report` is written.
 */
#include "cli/cli.h"

static int run(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "recoupe report: not built yet\n");
    return RC_EXIT_USAGE;
}

const rc_cmd rc_cmd_report = {"report", "(not built yet)", run, "usage: recoupe report\n"};
