/*
 * bench_util.h - what the benchmark programs share: loading a corpus folder into memory (not
 * timed), a monotonic clock, peak RSS, and the one-line report format
 *   NAME: X MB/s, Y docs/s, peak RSS Z MiB (N docs, B bytes, T s)
 */
#ifndef RC_BENCH_UTIL_H
#define RC_BENCH_UTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct bench_doc {
    char *data;
    size_t len;
} bench_doc;

typedef struct bench_corpus {
    bench_doc *docs;
    size_t n;
    size_t bytes;
} bench_corpus;

/* Reads every regular file of dir (not recursive) into memory. */
static inline int bench_load(const char *dir, bench_corpus *c)
{
    memset(c, 0, sizeof *c);
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (len < 0) {
            fclose(f);
            continue;
        }
        if (c->n == cap) {
            cap = cap ? cap * 2 : 1024;
            c->docs = realloc(c->docs, cap * sizeof *c->docs);
            if (!c->docs) {
                fclose(f);
                closedir(d);
                return -1;
            }
        }
        bench_doc *doc = &c->docs[c->n];
        doc->data = malloc((size_t)len + 1);
        doc->len = doc->data ? fread(doc->data, 1, (size_t)len, f) : 0;
        fclose(f);
        if (!doc->data)
            continue;
        doc->data[doc->len] = '\0';
        c->bytes += doc->len;
        c->n++;
    }
    closedir(d);
    return 0;
}

static inline void bench_free(bench_corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->docs[i].data);
    free(c->docs);
}

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline double bench_peak_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

static inline void bench_report(const char *name, size_t docs, size_t bytes, double secs)
{
    printf("%s: %.1f MB/s, %.0f docs/s, peak RSS %.1f MiB (%zu docs, %zu bytes, %.2f s)\n", name,
           (double)bytes / 1e6 / secs, (double)docs / secs, bench_peak_mib(), docs, bytes, secs);
}

#endif
