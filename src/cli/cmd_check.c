/*
 * cmd_check.c - placeholder until `recoupe check` is written.
 */
#include "cli/cli.h"

static int run(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "recoupe check: not built yet\n");
    return RC_EXIT_USAGE;
}

const rc_cmd rc_cmd_check = {"check", "(not built yet)", run, "usage: recoupe check\n"};
