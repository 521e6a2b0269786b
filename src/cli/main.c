/*
 * main.c - entry point of the recoupe program: finds the command and hands over to it.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const rc_cmd *const commands[] = {
    &rc_cmd_extract,
    &rc_cmd_check,
    &rc_cmd_report,
    &rc_cmd_ingest,
    &rc_cmd_numbers,
    &rc_cmd_times,
    &rc_cmd_page,
};

static void usage(FILE *f)
{
    fprintf(f, "usage: recoupe <command> [options] PATH...\n\n"
               "Cross-checks news reports about armed conflicts: figures, dates, sources.\n\n"
               "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-9s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(f, "\n'recoupe <command> --help' describes a command; 'recoupe --version' prints the "
               "version.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return RC_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return RC_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("recoupe %s\n", rc_version());
        return RC_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i]->name) == 0)
            return commands[i]->run(argc - 1, argv + 1);
    fprintf(stderr, "recoupe: unknown command '%s'; see 'recoupe --help'\n", argv[1]);
    return RC_EXIT_USAGE;
}
