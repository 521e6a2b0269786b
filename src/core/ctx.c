/*
 * ctx.c - the context: language data loaded once and shared read-only, plus the status-code
 * messages and the version.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
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
    ctx->datadir = rc_arena_strdup(&ctx->arena, datadir);
    int status = ctx->datadir ? RC_OK : RC_ENOMEM;
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

/* Whether a file name is a lexicon file (.txt or .tsv, visible). */
static bool ctx_is_lexicon(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 &&
           (strcmp(name + n - 4, ".txt") == 0 || strcmp(name + n - 4, ".tsv") == 0);
}

/* Reads the language folders of a user's lexicon folder into user[] (sorted by code); a lexicon
 * file outside any language folder is an error, as it would silently do nothing. */
static int ctx_read_user(rc_ctx *ctx, const char *dir, rc_lang *user, size_t *nuser,
                         char *errbuf, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (errbuf)
            snprintf(errbuf, errlen, "%s: %s", dir, strerror(errno));
        return RC_EIO;
    }
    char *codes[RC_MAXLANG];
    size_t n = 0;
    int status = RC_OK;
    struct dirent *e;
    while (!status && (e = readdir(d))) {
        char path[4096];
        struct stat st;
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        if (!S_ISDIR(st.st_mode)) {
            if (ctx_is_lexicon(e->d_name)) {
                if (errbuf)
                    snprintf(errbuf, errlen, "%s: a lexicon goes in a language folder (%s/fr/%s)",
                             path, dir, e->d_name);
                status = RC_EDATA;
            }
            continue;
        }
        if (len < 2 || len > 7)
            continue;
        if (n == RC_MAXLANG) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s: more than %d language folders", dir, RC_MAXLANG);
            status = RC_EDATA;
        } else if (!(codes[n++] = rc_arena_strdup(&ctx->arena, e->d_name))) {
            status = RC_ENOMEM;
        }
    }
    closedir(d);
    if (status)
        return status;
    qsort(codes, n, sizeof *codes, cmp_names);
    for (size_t i = 0; i < n && !status; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, codes[i]);
        status = rc_lang_load_opts(&ctx->arena, path, codes[i], RC_LEX_STRICT, errbuf, errlen,
                                   &user[i]);
    }
    *nuser = n;
    return status;
}

int rc_ctx_add_lexicons(rc_ctx *ctx, const char *dir, char *errbuf, size_t errlen)
{
    if (errbuf && errlen)
        errbuf[0] = '\0';
    if (!ctx || !dir)
        return RC_EINVAL;
    /* everything is read before the context changes, so that an error leaves it as it was (the
     * memory of what was read stays in the context's arena until rc_ctx_free) */
    rc_lang user[RC_MAXLANG];
    size_t nuser = 0;
    int status = ctx_read_user(ctx, dir, user, &nuser, errbuf, errlen);
    if (status)
        return status;
    rc_lang langs[RC_MAXLANG];
    size_t nlangs = ctx->nlangs;
    memcpy(langs, ctx->langs, sizeof langs);
    for (size_t i = 0; i < nuser && !status; i++) {
        rc_lang *l = NULL;
        for (size_t k = 0; k < nlangs && !l; k++)
            if (strcmp(langs[k].code, user[i].code) == 0)
                l = &langs[k];
        if (l) {
            status = rc_lang_extend(&ctx->arena, l, &user[i], errbuf, errlen);
        } else if (nlangs == RC_MAXLANG) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s/%s: more than %d languages", dir, user[i].code,
                         RC_MAXLANG);
            status = RC_EDATA;
        } else {
            langs[nlangs++] = user[i];
        }
    }
    rc_wordclass *wc = NULL;
    if (!status)
        status = rc_wordclass_build(&ctx->arena, langs, nlangs, &wc);
    if (status)
        return status;
    memcpy(ctx->langs, langs, sizeof langs);
    ctx->nlangs = nlangs;
    ctx->wc = wc;
    ctx->fr = rc_ctx_lang(ctx, "fr");
    assert(ctx->fr);
    /* the tables stages derived from the old lexicons are made again on their next use; the
     * morphology depends on no lexicon and keeps its per-thread caches */
    for (int i = 0; i < RC_NSLOTS; i++) {
        if (i == RC_SLOT_MORPH || !ctx->derived[i])
            continue;
        if (ctx->derived_free[i])
            ctx->derived_free[i](ctx->derived[i]);
        atomic_store(&ctx->derived[i], NULL);
    }
    return RC_OK;
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
