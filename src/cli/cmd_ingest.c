/*
 * cmd_ingest.c - placeholder until `recoupe ingest` is written.
 */
#include "cli/cli.h"

static int run(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "recoupe ingest: not built yet\n");
    return RC_EXIT_USAGE;
}

const rc_cmd rc_cmd_ingest = {"ingest", "(not built yet)", run, "usage: recoupe ingest\n"};
