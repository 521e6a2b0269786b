/*
 * bench_ingest.c - documents per second into the SQLite store: the documents of a corpus
 * folder are parsed first (not timed), then each round writes them into a new store file in
 * batches of 500 per transaction, as `recoupe ingest` does (JSON, rows, commit). One line per
 * run, as the other programs: the CPU time of the best round, and the wall time beside it since
 * a store also waits for the disk. A second line gives the speed of reading them back, rebuilt
 * from their JSON (rc_store_each), as `check --db` does. A third line adds the time of parsing the
 * documents (measured once, single-threaded) to that of storing them: what `recoupe ingest`
 * costs per document on one thread, before the cross-check of the whole store.
 * Usage: bench_ingest CORPUS_DIR [REPO_DIR]; at most BENCH_INGEST_DOCS documents are used.
 */
#include "bench_util.h"

#include <unistd.h>

#define BENCH_INGEST_DOCS 2000
#define BENCH_INGEST_ROUNDS 5
#define BATCH 500

/* Seconds of wall-clock time. */
static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Writes n documents into a new store at path; returns 0 or prints what failed. */
static int store_all(const char *path, rc_doc *const *docs, size_t n)
{
    char err[1024];
    rc_store *st;
    if (rc_store_open(path, 0, err, sizeof err, &st)) {
        fprintf(stderr, "bench_ingest: %s\n", err);
        return -1;
    }
    int status = RC_OK;
    for (size_t i = 0; !status && i < n; i += BATCH) {
        status = rc_store_begin(st);
        for (size_t k = i; !status && k < n && k < i + BATCH; k++)
            status = rc_store_add(st, docs[k], NULL);
        int cstatus = status ? RC_OK : rc_store_commit(st);
        status = status ? status : cstatus;
    }
    if (status)
        fprintf(stderr, "bench_ingest: %s\n", rc_store_error(st));
    rc_store_close(st);
    return status ? -1 : 0;
}

/* Counts the documents rc_store_each hands back. */
static int count_doc(void *ud, const char *path, int status, const rc_doc *doc)
{
    (void)path;
    *(size_t *)ud += status == RC_OK && doc;
    return 0;
}

/* Reads every document of the store at path back (rc_store_each); returns how many. */
static size_t read_all(const char *path, const rc_ctx *ctx)
{
    char err[1024];
    rc_store *st;
    size_t n = 0;
    if (rc_store_open(path, RC_STORE_READONLY, err, sizeof err, &st)) {
        fprintf(stderr, "bench_ingest: %s\n", err);
        return 0;
    }
    if (rc_store_each(st, ctx, count_doc, &n))
        fprintf(stderr, "bench_ingest: %s\n", rc_store_error(st));
    rc_store_close(st);
    return n;
}

/* Removes a store file and the files SQLite keeps beside it. */
static void remove_store(const char *path)
{
    char p[4200];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_ingest CORPUS_DIR [REPO_DIR]\n");
        return 2;
    }
    bench_corpus c;
    rc_ctx *ctx;
    if (bench_load(argv[1], &c) || !(ctx = bench_ctx(argc, argv, "bench_ingest")))
        return 1;
    size_t n = c.n < BENCH_INGEST_DOCS ? c.n : BENCH_INGEST_DOCS, bytes = 0, nd = 0;
    rc_doc **docs = calloc(n, sizeof *docs);
    double parse_t0 = bench_now();
    for (size_t i = 0; docs && i < n; i++) {
        rc_source src = {.path = "bench", .data = c.docs[i].data, .len = c.docs[i].len};
        if (rc_doc_parse(ctx, &src, NULL, &docs[nd]) == RC_OK)
            bytes += c.docs[i].len, nd++;
    }
    double parse_time = bench_now() - parse_t0;
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/bench_ingest_%ld.db", tmp && *tmp ? tmp : "/tmp",
             (long)getpid());
    double best = 1e30, best_wall = 1e30;
    int failed = 0;
    for (int round = 0; !failed && round < BENCH_INGEST_ROUNDS; round++) {
        remove_store(path);
        double t0 = bench_now(), w0 = wall_now();
        failed = store_all(path, docs, nd);
        double t = bench_now() - t0, w = wall_now() - w0;
        best = t < best ? t : best;
        best_wall = w < best_wall ? w : best_wall;
    }
    double read_best = 1e30;
    size_t nread = 0;
    for (int round = 0; !failed && round < BENCH_INGEST_ROUNDS; round++) {
        double t0 = bench_now();
        nread = read_all(path, ctx);
        double t = bench_now() - t0;
        read_best = t < read_best ? t : read_best;
    }
    FILE *f = fopen(path, "rb");
    long size = 0;
    if (f && fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (f)
        fclose(f);
    remove_store(path);
    if (!failed) {
        char extra[128];
        snprintf(extra, sizeof extra, "wall %.0f docs/s, store %.1f MB", (double)nd / best_wall,
                 (double)size / 1e6);
        bench_report("ingest into SQLite (pre-parsed)", nd, bytes, best, extra);
        bench_report("documents back from SQLite (rc_store_each)", nread, bytes, read_best,
                     NULL);
        snprintf(extra, sizeof extra, "parse %.2f s once + store %.2f s", parse_time, best);
        bench_report("ingest end to end (parse + store)", nd, bytes, parse_time + best, extra);
    }
    for (size_t i = 0; i < nd; i++)
        rc_doc_free(docs[i]);
    free(docs);
    rc_ctx_free(ctx);
    bench_free(&c);
    return failed ? 1 : 0;
}
