/*
 * walk.c - from command-line paths to documents. Folders are walked depth first with entries in
 * byte order of their names, so that output order never depends on the file system. Hidden
 * entries are skipped, and so are files whose extension says they are not articles (.md, .json,
 * .pdf ...) unless named on the command line. A symbolic link that leads back into a folder being
 * walked is reported as a loop instead of followed. A path of "-" is standard input, read as one
 * document. Files are dispatched on their name: .warc.gz is read as it is inflated; other .gz
 * files are inflated first, then .jsonl/.ndjson and .warc expand into their documents; anything
 * else is one document.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/container.h"
#include "recoupe.h"

/* Largest input file read into memory. */
#define RC_FILE_LIMIT ((size_t)1 << 31)
#define RC_WALK_MAXDEPTH 256

typedef struct walk_ctx {
    rc_source_fn fn;
    rc_error_fn onerr;
    void *ud;
    dev_t dev[RC_WALK_MAXDEPTH]; /* the folders being walked, outermost first */
    ino_t ino[RC_WALK_MAXDEPTH];
    int depth;
} walk_ctx;

static void walk_error(walk_ctx *w, const char *where, int status, const char *detail)
{
    if (w->onerr)
        w->onerr(w->ud, where, status, detail);
}

/* Whether name ends with suffix, ignoring ASCII case. */
static bool ends_with(const char *name, size_t n, const char *suffix)
{
    size_t s = strlen(suffix);
    return n >= s && strncasecmp(name + n - s, suffix, s) == 0;
}

/* Reads a whole file into a malloc'd buffer (NUL-terminated for convenience). */
static int read_file(const char *path, char **out, size_t *len)
{
    bool in = strcmp(path, "-") == 0; /* standard input */
    int fd = in ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return RC_EIO;
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size > RC_FILE_LIMIT) {
        int status = errno == 0 || (size_t)st.st_size > RC_FILE_LIMIT ? RC_ETOOBIG : RC_EIO;
        if (!in)
            close(fd);
        return status;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        close(fd);
        return RC_ENOMEM;
    }
    for (;;) {
        if (n + 1 >= cap) { /* the file grew, or is a pipe */
            if (cap >= RC_FILE_LIMIT) {
                free(buf);
                if (!in)
                    close(fd);
                return RC_ETOOBIG;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                if (!in)
                    close(fd);
                return RC_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            free(buf);
            if (!in)
                close(fd);
            return RC_EIO;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (!in)
        close(fd);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return RC_OK;
}

/* Hands the bytes of one file to the reader its name calls for; name may have lost a .gz. */
static int dispatch(walk_ctx *w, const char *path, const char *name, size_t nlen, const char *bytes,
                    size_t len)
{
    if (ends_with(name, nlen, ".warc.gz")) /* inflated record by record */
        return rc_warcgz_each(path, bytes, len, w->fn, w->onerr, w->ud);
    if (ends_with(name, nlen, ".gz")) {
        char *plain;
        size_t plen;
        int truncated;
        int status = rc_gunzip(bytes, len, RC_GZ_LIMIT, &plain, &plen, &truncated);
        if (status) {
            walk_error(w, path, status, "cannot inflate gzip data");
            return 0;
        }
        if (truncated)
            walk_error(w, path, RC_EFORMAT, "gzip data ends early; kept what was there");
        int r = dispatch(w, path, name, nlen - 3, plain, plen);
        free(plain);
        return r;
    }
    if (ends_with(name, nlen, ".jsonl") || ends_with(name, nlen, ".ndjson"))
        return rc_jsonl_each(path, bytes, len, w->fn, w->onerr, w->ud);
    if (ends_with(name, nlen, ".warc"))
        return rc_warc_each(path, bytes, len, w->fn, w->onerr, w->ud);
    rc_source src;
    memset(&src, 0, sizeof src);
    src.path = path;
    src.data = bytes;
    src.len = len;
    src.format = ends_with(name, nlen, ".html") || ends_with(name, nlen, ".htm") ||
                         ends_with(name, nlen, ".xhtml")
                     ? RC_FORMAT_HTML
                     : RC_FORMAT_AUTO;
    return w->fn(w->ud, &src);
}

static int walk_file(walk_ctx *w, const char *path)
{
    char *bytes;
    size_t len;
    int status = read_file(path, &bytes, &len);
    if (status) {
        walk_error(w, path, status, status == RC_EIO ? strerror(errno) : NULL);
        return 0;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    int r = dispatch(w, path, base, strlen(base), bytes, len);
    free(bytes);
    return r;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_path(walk_ctx *w, const char *path, bool explicit);

/* Whether a file met inside a folder is one recoupe reads: a known document or container
 * extension, or none at all. Files named on the command line are always read. */
static bool wanted_in_folder(const char *name)
{
    static const char *const exts[] = {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl",
                                       ".ndjson", ".warc"};
    size_t n = strlen(name);
    if (ends_with(name, n, ".gz"))
        n -= 3;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (name[i] == '.')
            dot = name + i;
    if (!dot)
        return true;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (ends_with(name, n, exts[i]))
            return true;
    return false;
}

static int walk_dir(walk_ctx *w, const char *path, const struct stat *st)
{
    for (int i = 0; i < w->depth; i++) {
        if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino) {
            walk_error(w, path, RC_ELOOP, "leads back to a folder being read; not followed");
            return 0;
        }
    }
    if (w->depth == RC_WALK_MAXDEPTH) {
        walk_error(w, path, RC_ETOOBIG, "folders nested too deeply");
        return 0;
    }
    DIR *d = opendir(path);
    if (!d) {
        walk_error(w, path, RC_EIO, strerror(errno));
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int r = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* hidden, and . and .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *names);
            if (!nn) {
                r = RC_ENOMEM;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) {
            r = RC_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (!r) {
        qsort(names, n, sizeof *names, cmp_names);
        w->dev[w->depth] = st->st_dev;
        w->ino[w->depth] = st->st_ino;
        w->depth++;
        size_t plen = strlen(path);
        while (plen > 1 && path[plen - 1] == '/')
            plen--;
        for (size_t i = 0; i < n && !r; i++) {
            size_t len = plen + 1 + strlen(names[i]) + 1;
            char *child = malloc(len);
            if (!child) {
                r = RC_ENOMEM;
                break;
            }
            snprintf(child, len, "%.*s/%s", (int)plen, path, names[i]);
            r = walk_path(w, child, false);
            free(child);
        }
        w->depth--;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return r;
}

static int walk_path(walk_ctx *w, const char *path, bool explicit)
{
    if (strcmp(path, "-") == 0)
        return walk_file(w, path);
    struct stat st;
    if (stat(path, &st) != 0) {
        walk_error(w, path, errno == ELOOP ? RC_ELOOP : RC_EIO, strerror(errno));
        return 0;
    }
    if (S_ISDIR(st.st_mode))
        return walk_dir(w, path, &st);
    if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
        const char *base = strrchr(path, '/');
        if (!explicit && !wanted_in_folder(base ? base + 1 : path))
            return 0;
        return walk_file(w, path);
    }
    walk_error(w, path, RC_EIO, "not a file or folder");
    return 0;
}

int rc_walk(const char *path, rc_source_fn fn, rc_error_fn onerr, void *ud)
{
    if (!path || !fn)
        return RC_EINVAL;
    walk_ctx w;
    memset(&w, 0, sizeof w);
    w.fn = fn;
    w.onerr = onerr;
    w.ud = ud;
    return walk_path(&w, path, true);
}
