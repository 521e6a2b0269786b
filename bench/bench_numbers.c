/*
 * bench_numbers.c - throughput of the French number recognizer alone, single thread, over every
 * .txt file of CORPUS_DIR held in memory, timed in thread CPU time. Prints one line: MB/s,
 * docs/s, peak RSS.
 * usage: bench_numbers CORPUS_DIR [REPO_DIR]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "extract/doc_int.h"
#include "lang/fr/numbers.h"

typedef struct doc {
    char *text;
    size_t len;
} doc;

/* Reads a whole file, NUL-terminated; NULL when it cannot. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 65536 + 1 > cap) {
            cap = (n + 65536 + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, 65536, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Seconds of CPU time of this thread, so that other work on the machine does not count. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_numbers CORPUS_DIR [REPO_DIR]\n");
        return 2;
    }
    char datadir[4096] = "";
    if (!getenv("RECOUPE_DATA") && argc > 2)
        snprintf(datadir, sizeof datadir, "%s/data", argv[2]);
    char err[512];
    rc_ctx *ctx;
    if (rc_ctx_new(datadir[0] ? datadir : NULL, err, sizeof err, &ctx)) {
        fprintf(stderr, "bench_numbers: %s\n", err);
        return 1;
    }
    DIR *d = opendir(argv[1]);
    if (!d) {
        fprintf(stderr, "bench_numbers: cannot open %s\n", argv[1]);
        return 1;
    }
    doc *docs = NULL;
    size_t ndocs = 0, cap = 0, bytes = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        size_t len;
        char *text = slurp(path, &len);
        if (!text)
            continue;
        if (ndocs == cap) {
            cap = cap ? cap * 2 : 256;
            doc *nd = realloc(docs, cap * sizeof *docs);
            if (!nd)
                return 1;
            docs = nd;
        }
        docs[ndocs++] = (doc){text, len};
        bytes += len;
    }
    closedir(d);
    if (!ndocs) {
        fprintf(stderr, "bench_numbers: no .txt file in %s\n", argv[1]);
        return 1;
    }
    rc_arena a;
    rc_arena_init(&a);
    size_t found = 0, rounds = 0;
    double t0 = now(), t;
    do {
        for (size_t i = 0; i < ndocs; i++) {
            rc_number *nums;
            size_t n;
            if (rc_fr_numbers(ctx->fr, docs[i].text, docs[i].len, &a, &nums, &n))
                return 1;
            found += n;
            rc_arena_free(&a);
        }
        rounds++;
        t = now() - t0;
    } while (t < 1.0);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("numbers: %.1f MB/s, %.0f docs/s, peak RSS %.1f MiB (%zu figures per pass)\n",
           (double)bytes * (double)rounds / t / 1e6, (double)ndocs * (double)rounds / t,
           (double)ru.ru_maxrss / 1024.0, found / rounds);
    for (size_t i = 0; i < ndocs; i++)
        free(docs[i].text);
    free(docs);
    rc_ctx_free(ctx);
    return 0;
}
