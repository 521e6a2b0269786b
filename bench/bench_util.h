/*
 * bench_util.h - what the benchmark programs share: the language data, reading files and a
 * corpus folder into memory (not timed), a clock, peak RSS, and the one-line report format
 *   NAME: X MB/s, Y docs/s, peak RSS Z MiB (N docs, B bytes, T s)
 * Times are CPU time of the process: the programs are single-threaded, and other work on the
 * machine then counts less against them than it would in wall-clock time.
 */
#ifndef RC_BENCH_UTIL_H
#define RC_BENCH_UTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "recoupe.h"

/* Rounds of which each program reports the best: the noise of a shared machine swings a single
 * round by half, and the best round is the closest to what the code costs. */
#define BENCH_ROUNDS 10

typedef struct bench_doc {
    char *data; /* NUL-terminated */
    size_t len;
} bench_doc;

typedef struct bench_corpus {
    bench_doc *docs;
    size_t n, cap;
    size_t bytes;
} bench_corpus;

/* Loads the language data: $RECOUPE_DATA, else REPO_DIR/data when the program was given one
 * (argv[2]), else the build's default. Prints what is wrong and returns NULL on failure. */
static inline rc_ctx *bench_ctx(int argc, char **argv, const char *name)
{
    char datadir[4096] = "";
    if (!getenv("RECOUPE_DATA") && argc > 2)
        snprintf(datadir, sizeof datadir, "%s/data", argv[2]);
    char err[512];
    rc_ctx *ctx;
    if (rc_ctx_new(datadir[0] ? datadir : NULL, err, sizeof err, &ctx)) {
        fprintf(stderr, "%s: %s\n", name, err);
        return NULL;
    }
    return ctx;
}

/* Reads a whole file, NUL-terminated; NULL when it cannot. */
static inline char *bench_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (b) {
        *len = fread(b, 1, (size_t)n, f);
        b[*len] = '\0';
    }
    fclose(f);
    return b;
}

/* Appends a document (taking ownership of data) to the corpus. */
static inline void bench_add(bench_corpus *c, char *data, size_t len)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        bench_doc *nd = realloc(c->docs, cap * sizeof *nd);
        if (!nd) {
            fprintf(stderr, "bench: out of memory\n");
            exit(1);
        }
        c->docs = nd;
        c->cap = cap;
    }
    c->docs[c->n++] = (bench_doc){data, len};
    c->bytes += len;
}

/* Reads every visible file of dir (not recursive) whose name ends with suffix (NULL: any) into
 * the corpus, at most limit of them; returns how many it added. */
static inline size_t bench_load_dir(bench_corpus *c, const char *dir, const char *suffix,
                                    size_t limit)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t added = 0;
    struct dirent *e;
    while ((e = readdir(d)) && added < limit) {
        size_t n = strlen(e->d_name), k = suffix ? strlen(suffix) : 0;
        if (e->d_name[0] == '.' || n < k || (suffix && strcmp(e->d_name + n - k, suffix) != 0))
            continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        size_t len;
        char *data = bench_slurp(path, &len);
        if (data)
            bench_add(c, data, len), added++;
    }
    closedir(d);
    return added;
}

/* Reads the corpus folder: every visible file. Returns -1 with a message when it has none. */
static inline int bench_load(const char *dir, bench_corpus *c)
{
    memset(c, 0, sizeof *c);
    if (bench_load_dir(c, dir, NULL, (size_t)-1) == 0) {
        fprintf(stderr, "bench: no documents in %s\n", dir);
        return -1;
    }
    return 0;
}

static inline void bench_free(bench_corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->docs[i].data);
    free(c->docs);
    memset(c, 0, sizeof *c);
}

/* Seconds of CPU time used by the process. */
static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One document's work in a benchmark; returns what it counts (figures, tokens, bytes out). */
typedef size_t (*bench_doc_fn)(void *ud, const bench_doc *d);

/* Runs fn over every document of c, BENCH_ROUNDS times. Returns the CPU time of the fastest round
 * and sets *count to what fn counted over one round. */
static inline double bench_best(const bench_corpus *c, bench_doc_fn fn, void *ud, size_t *count)
{
    double best = 1e30;
    for (int round = 0; round < BENCH_ROUNDS; round++) {
        size_t n = 0;
        double t0 = bench_now();
        for (size_t i = 0; i < c->n; i++)
            n += fn(ud, &c->docs[i]);
        double t = bench_now() - t0;
        best = t < best ? t : best;
        *count = n;
    }
    return best;
}

static inline double bench_peak_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

/* Prints the one-line report; extra, when not NULL, is added inside the brackets. */
static inline void bench_report(const char *name, size_t docs, size_t bytes, double secs,
                                const char *extra)
{
    printf("%s: %.1f MB/s, %.0f docs/s, peak RSS %.1f MiB (%zu docs, %zu bytes, %.2f s%s%s)\n",
           name, (double)bytes / 1e6 / secs, (double)docs / secs, bench_peak_mib(), docs, bytes,
           secs, extra ? ", " : "", extra ? extra : "");
}

#endif
