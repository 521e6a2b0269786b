/*
 * bench_times.c - throughput of the French temporal recognizer alone: every file of CORPUS_DIR
 * read into memory first, then recognised on one thread against a fixed reference date. Prints
 * one line: MB/s, documents per second, peak RSS.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "extract/doc_int.h"
#include "lang/fr/times.h"

typedef struct bt_doc {
    char *text;
    size_t len;
} bt_doc;

/* Seconds on the monotonic clock, to time the recognition alone. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads a whole file, NUL-terminated; NULL when it cannot. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf) {
        *len = fread(buf, 1, (size_t)n, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_times CORPUS_DIR [REPO_DIR]\n");
        return 2;
    }
    char data[4096];
    const char *datadir = NULL;
    if (argc > 2 && !getenv("RECOUPE_DATA")) {
        snprintf(data, sizeof data, "%s/data", argv[2]);
        datadir = data;
    }
    char err[256];
    rc_ctx *ctx;
    if (rc_ctx_new(datadir, err, sizeof err, &ctx)) {
        fprintf(stderr, "bench_times: %s\n", err);
        return 1;
    }
    DIR *dir = opendir(argv[1]);
    if (!dir) {
        fprintf(stderr, "bench_times: cannot open %s\n", argv[1]);
        return 1;
    }
    bt_doc *docs = NULL;
    size_t ndocs = 0, cap = 0, bytes = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], de->d_name);
        size_t len;
        char *text = slurp(path, &len);
        if (!text)
            continue;
        if (ndocs == cap) {
            cap = cap ? cap * 2 : 1024;
            docs = realloc(docs, cap * sizeof *docs);
            if (!docs)
                return 1;
        }
        docs[ndocs].text = text;
        docs[ndocs].len = len;
        ndocs++;
        bytes += len;
    }
    closedir(dir);
    rc_date ref = {2016, 12, 13, 0, 0, 0, false};
    size_t found = 0;
    double t0 = now();
    for (size_t i = 0; i < ndocs; i++) {
        rc_arena a;
        rc_arena_init(&a);
        rc_time *t;
        size_t n;
        if (rc_fr_times(ctx->fr, docs[i].text, docs[i].len, &ref, &a, &t, &n) == RC_OK)
            found += n;
        rc_arena_free(&a);
    }
    double dt = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("times: %.1f MB/s, %.0f docs/s, peak RSS %ld MiB (%zu documents, %zu expressions)\n",
           dt > 0 ? (double)bytes / 1e6 / dt : 0.0, dt > 0 ? (double)ndocs / dt : 0.0,
           ru.ru_maxrss / 1024, ndocs, found);
    for (size_t i = 0; i < ndocs; i++)
        free(docs[i].text);
    free(docs);
    rc_ctx_free(ctx);
    return 0;
}
