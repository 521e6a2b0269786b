/*
 * lang.c - loading a language folder. Files are read in name order so that loading is
 * reproducible; a missing folder is an error, a missing optional lexicon is not.
 */
#include "core/lang.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recoupe.h"

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a file name is a lexicon: visible, ending in .txt or .tsv. */
static int is_lexicon(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 &&
           (strcmp(name + n - 4, ".txt") == 0 || strcmp(name + n - 4, ".tsv") == 0);
}

int rc_lang_load(rc_arena *a, const char *dir, const char *code, char *errbuf, size_t errlen,
                 rc_lang *lang)
{
    return rc_lang_load_opts(a, dir, code, 0, errbuf, errlen, lang);
}

int rc_lang_load_opts(rc_arena *a, const char *dir, const char *code, unsigned flags,
                      char *errbuf, size_t errlen, rc_lang *lang)
{
    memset(lang, 0, sizeof *lang);
    snprintf(lang->code, sizeof lang->code, "%s", code);
    DIR *d = opendir(dir);
    if (!d) {
        if (errbuf)
            snprintf(errbuf, errlen, "%s: %s", dir, strerror(errno));
        return RC_EDATA;
    }
    char *names[RC_LANG_MAXLEX];
    size_t n = 0;
    struct dirent *e;
    int status = RC_OK;
    while ((e = readdir(d))) {
        if (!is_lexicon(e->d_name))
            continue;
        if (n == RC_LANG_MAXLEX) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s: more than %d lexicon files", dir, RC_LANG_MAXLEX);
            status = RC_EDATA;
            break;
        }
        names[n] = rc_arena_strdup(a, e->d_name);
        if (!names[n++]) {
            status = RC_ENOMEM;
            break;
        }
    }
    closedir(d);
    if (status)
        return status;
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if ((status = rc_lex_load_opts(a, path, flags, errbuf, errlen, &lang->lex[lang->nlex])))
            return status;
        lang->name[lang->nlex] = rc_lex_name(lang->lex[lang->nlex]);
        lang->nlex++;
    }
    return RC_OK;
}

int rc_lang_extend(rc_arena *a, rc_lang *lang, const rc_lang *user, char *errbuf, size_t errlen)
{
    rc_lexicon *lex[RC_LANG_MAXLEX];
    size_t n = lang->nlex;
    memcpy(lex, lang->lex, n * sizeof *lex);
    for (size_t i = 0; i < user->nlex; i++) {
        const char *name = rc_lex_name(user->lex[i]);
        size_t k = 0;
        while (k < n && strcmp(rc_lex_name(lex[k]), name) != 0)
            k++;
        if (k < n) {
            int status = rc_lex_merge(a, lex[k], user->lex[i], &lex[k]);
            if (status)
                return status;
        } else if (n == RC_LANG_MAXLEX) {
            if (errbuf)
                snprintf(errbuf, errlen, "%s: more than %d lexicons", lang->code, RC_LANG_MAXLEX);
            return RC_EDATA;
        } else {
            lex[n++] = user->lex[i];
        }
    }
    memcpy(lang->lex, lex, n * sizeof *lex);
    for (size_t i = 0; i < n; i++)
        lang->name[i] = rc_lex_name(lex[i]);
    lang->nlex = n;
    return RC_OK;
}

const rc_lexicon *rc_lang_lex(const rc_lang *lang, const char *name)
{
    /* the stages ask for their lists by name for every text: the first byte rules most out */
    for (size_t i = 0; lang && i < lang->nlex; i++)
        if (lang->name[i][0] == name[0] && strcmp(lang->name[i], name) == 0)
            return lang->lex[i];
    return NULL;
}
