/*
 * batch.c - many documents on several threads, results in input order.
 *
 * The calling thread walks the inputs and copies each source into a ring of in-flight jobs;
 * worker threads parse them; whichever worker completes the oldest job hands it, and every
 * completed job after it, to the output callback. The ring's size bounds memory: the walk waits
 * when it is full. With one job, everything runs on the calling thread, without copies.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recoupe.h"

/* Jobs in flight per worker thread. */
#define RC_BATCH_DEPTH 4

typedef struct batch_job {
    rc_source src; /* with owned copies of every field */
    int status;
    rc_doc *doc;
    int state; /* 0 free, 1 queued, 2 done */
} batch_job;

typedef struct batch {
    const rc_ctx *ctx;
    const rc_doc_opts *opts;
    rc_doc_fn fn;
    rc_error_fn onerr;
    void *ud;
    pthread_mutex_t mu;      /* guards everything below, and serialises fn */
    pthread_mutex_t err_mu;  /* serialises onerr */
    pthread_cond_t cv_work;  /* a job was queued, or the walk ended */
    pthread_cond_t cv_space; /* a slot was freed */
    batch_job *ring;
    size_t size;
    uint64_t queued, taken, emitted;
    bool walk_done;
    int stop; /* first non-zero return of fn */
} batch;

/* Reports an error to the caller's callback, one call at a time. */
static void batch_error(void *ud, const char *where, int status, const char *detail)
{
    batch *b = ud;
    if (!b->onerr)
        return;
    pthread_mutex_lock(&b->err_mu);
    b->onerr(b->ud, where, status, detail);
    pthread_mutex_unlock(&b->err_mu);
}

/* Parses one source and reports a failure; the document or NULL goes in *doc. */
static int batch_parse(batch *b, const rc_source *src, rc_doc **doc)
{
    int status = rc_doc_parse(b->ctx, src, b->opts, doc);
    if (status)
        batch_error(b, src->path, status, NULL);
    return status;
}

/* The single-threaded path: parse and emit from inside the walk. */
static int batch_inline(void *ud, const rc_source *src)
{
    batch *b = ud;
    rc_doc *doc = NULL;
    int status = batch_parse(b, src, &doc);
    if (status == RC_ENOMEM)
        return status;
    int r = b->fn(b->ud, src->path, status, doc);
    rc_doc_free(doc);
    return r;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void job_clear(batch_job *j)
{
    free((void *)j->src.path);
    free((void *)j->src.data);
    free((void *)j->src.charset);
    free((void *)j->src.id);
    free((void *)j->src.url);
    free((void *)j->src.title);
    free((void *)j->src.site);
    free((void *)j->src.author);
    free((void *)j->src.date);
    rc_doc_free(j->doc);
    memset(j, 0, sizeof *j);
}

/* The walk's callback on the threaded path: waits for a free slot and queues a copy. */
static int batch_enqueue(void *ud, const rc_source *src)
{
    batch *b = ud;
    batch_job j;
    memset(&j, 0, sizeof j);
    j.src = *src;
    j.src.path = dup_or_null(src->path);
    j.src.charset = dup_or_null(src->charset);
    j.src.id = dup_or_null(src->id);
    j.src.url = dup_or_null(src->url);
    j.src.title = dup_or_null(src->title);
    j.src.site = dup_or_null(src->site);
    j.src.author = dup_or_null(src->author);
    j.src.date = dup_or_null(src->date);
    void *data = malloc(src->len ? src->len : 1);
    if (data && src->len)
        memcpy(data, src->data, src->len);
    j.src.data = data;
    if (!data || (src->path && !j.src.path)) {
        job_clear(&j);
        return RC_ENOMEM;
    }
    j.state = 1;
    pthread_mutex_lock(&b->mu);
    while (b->queued - b->emitted >= b->size && !b->stop)
        pthread_cond_wait(&b->cv_space, &b->mu);
    int stop = b->stop;
    if (!stop) {
        b->ring[b->queued % b->size] = j;
        b->queued++;
        pthread_cond_signal(&b->cv_work);
    }
    pthread_mutex_unlock(&b->mu);
    if (stop)
        job_clear(&j);
    return stop;
}

/* Hands every completed job at the head of the ring to fn, in order. Called with mu held. */
static void batch_emit(batch *b)
{
    for (;;) {
        batch_job *j = &b->ring[b->emitted % b->size];
        if (b->emitted == b->queued || j->state != 2)
            break;
        if (!b->stop)
            b->stop = b->fn(b->ud, j->src.path, j->status, j->doc);
        job_clear(j);
        b->emitted++;
        pthread_cond_broadcast(&b->cv_space);
    }
}

static void *batch_worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->taken == b->queued && !b->walk_done)
            pthread_cond_wait(&b->cv_work, &b->mu);
        if (b->taken == b->queued)
            break;
        batch_job *j = &b->ring[b->taken % b->size];
        b->taken++;
        bool stopped = b->stop != 0;
        pthread_mutex_unlock(&b->mu);
        rc_doc *doc = NULL;
        int status = stopped ? RC_ESTOP : batch_parse(b, &j->src, &doc);
        pthread_mutex_lock(&b->mu);
        j->doc = doc;
        j->status = status;
        j->state = 2;
        batch_emit(b);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

int rc_parse_paths(const rc_ctx *ctx, char *const *paths, size_t npaths, const rc_doc_opts *opts,
                   int jobs, rc_doc_fn fn, rc_error_fn onerr, void *ud)
{
    if (!ctx || !fn || (npaths && !paths))
        return RC_EINVAL;
    batch b;
    memset(&b, 0, sizeof b);
    b.ctx = ctx, b.opts = opts, b.fn = fn, b.onerr = onerr, b.ud = ud;
    if (jobs <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = n > 0 ? (int)(n < 256 ? n : 256) : 1;
    }
    pthread_mutex_init(&b.err_mu, NULL);
    int r = 0;
    if (jobs == 1) {
        for (size_t i = 0; i < npaths && !r; i++)
            r = rc_walk(paths[i], batch_inline, batch_error, &b);
        pthread_mutex_destroy(&b.err_mu);
        return r;
    }
    b.size = (size_t)jobs * RC_BATCH_DEPTH;
    b.ring = calloc(b.size, sizeof *b.ring);
    pthread_t *tids = calloc((size_t)jobs, sizeof *tids);
    if (!b.ring || !tids) {
        free(b.ring);
        free(tids);
        pthread_mutex_destroy(&b.err_mu);
        return RC_ENOMEM;
    }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.cv_work, NULL);
    pthread_cond_init(&b.cv_space, NULL);
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&tids[started], NULL, batch_worker, &b) != 0)
            break;
    if (started == 0) {
        r = RC_ENOMEM;
    } else {
        for (size_t i = 0; i < npaths && !r; i++)
            r = rc_walk(paths[i], batch_enqueue, batch_error, &b);
    }
    pthread_mutex_lock(&b.mu);
    b.walk_done = true;
    pthread_cond_broadcast(&b.cv_work);
    pthread_mutex_unlock(&b.mu);
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    if (!r)
        r = b.stop;
    for (size_t i = 0; i < b.size; i++)
        if (b.ring[i].state)
            job_clear(&b.ring[i]);
    pthread_cond_destroy(&b.cv_space);
    pthread_cond_destroy(&b.cv_work);
    pthread_mutex_destroy(&b.mu);
    pthread_mutex_destroy(&b.err_mu);
    free(tids);
    free(b.ring);
    return r;
}
