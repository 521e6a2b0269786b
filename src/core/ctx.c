/*
 * ctx.c - the context: language data loaded once and shared read-only, plus the status-code
 * messages and the version.
 */
#include <assert.h>
#include <dirent.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/doc.h"

#ifndef RC_DATADIR
#define RC_DATADIR "data"
#endif
#ifndef RC_VERSION
#define RC_VERSION "0.0.0"
#endif

const char *rc_strerror(int status)
{
    switch (status) {
#define RC_MSG_(name, code, msg) \
    case code:                   \
        return msg;
        RC_ERRORS(RC_MSG_)
#undef RC_MSG_
    default:
        return "unknown error";
    }
}

const char *rc_version(void)
{
    return RC_VERSION;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int rc_ctx_new(const char *datadir, char *errbuf, size_t errlen, rc_ctx **out)
{
    *out = NULL;
    if (errbuf && errlen)
        errbuf[0] = '\0';
    if (!datadir)
        datadir = getenv("RECOUPE_DATA");
    if (!datadir || !*datadir)
        datadir = RC_DATADIR;
    rc_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return RC_ENOMEM;
    rc_arena_init(&ctx->arena);
    pthread_mutex_init(&ctx->lazy_lock, NULL);
    DIR *d = opendir(datadir);
    if (!d) {
        if (errbuf)
            snprintf(errbuf, errlen, "%s: cannot open the data folder (set RECOUPE_DATA or --data)",
                     datadir);
        pthread_mutex_destroy(&ctx->lazy_lock);
        free(ctx);
        return RC_EDATA;
    }
    char *codes[RC_MAXLANG];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < RC_MAXLANG) {
        size_t len = strlen(e->d_name);
        if (len < 2 || len > 7 || e->d_name[0] == '.')
            continue;
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", datadir, e->d_name);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            codes[n++] = rc_arena_strdup(&ctx->arena, e->d_name);
    }
    closedir(d);
    qsort(codes, n, sizeof *codes, cmp_names);
    int status = RC_OK;
    for (size_t i = 0; i < n && !status; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", datadir, codes[i]);
        status = rc_lang_load(&ctx->arena, path, codes[i], errbuf, errlen, &ctx->langs[i]);
        ctx->nlangs = i + 1;
    }
    if (!status)
        status = rc_wordclass_build(&ctx->arena, ctx->langs, ctx->nlangs, &ctx->wc);
    if (!status && !(ctx->fr = rc_ctx_lang(ctx, "fr"))) {
        if (errbuf)
            snprintf(errbuf, errlen, "%s: no fr/ folder of French lexicons", datadir);
        status = RC_EDATA;
    }
    if (status) {
        rc_ctx_free(ctx);
        return status;
    }
    *out = ctx;
    return RC_OK;
}

void rc_ctx_free(rc_ctx *ctx)
{
    if (!ctx)
        return;
    for (int i = 0; i < RC_NSLOTS; i++)
        if (ctx->derived[i] && ctx->derived_free[i])
            ctx->derived_free[i](ctx->derived[i]);
    pthread_mutex_destroy(&ctx->lazy_lock);
    rc_arena_free(&ctx->arena);
    free(ctx);
}

const rc_lang *rc_ctx_lang(const rc_ctx *ctx, const char *code)
{
    for (size_t i = 0; code && i < ctx->nlangs; i++)
        if (strcmp(ctx->langs[i].code, code) == 0)
            return &ctx->langs[i];
    return NULL;
}

int rc_ctx_add_lexicons(rc_ctx *ctx, const char *dir, char *errbuf, size_t errlen)
{
    (void)ctx;
    if (errbuf && errlen)
        snprintf(errbuf, errlen, "%s: user lexicons are not supported yet", dir);
    return RC_EINVAL;
}

void *rc_ctx_derived(const rc_ctx *cctx, enum rc_ctx_slot slot, void *(*make)(const rc_ctx *ctx),
                     void (*destroy)(void *table))
{
    assert(slot < RC_NSLOTS);
    rc_ctx *ctx = (rc_ctx *)cctx; /* the derived tables are a cache: logically const */
    void *t = atomic_load_explicit(&ctx->derived[slot], memory_order_acquire);
    if (t)
        return t;
    pthread_mutex_lock(&ctx->lazy_lock);
    t = atomic_load_explicit(&ctx->derived[slot], memory_order_relaxed);
    if (!t && (t = make(cctx))) {
        ctx->derived_free[slot] = destroy;
        atomic_store_explicit(&ctx->derived[slot], t, memory_order_release);
    }
    pthread_mutex_unlock(&ctx->lazy_lock);
    return t;
}
