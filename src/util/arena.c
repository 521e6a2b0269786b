/*
 * arena.c - region allocator. Blocks are chained newest first; a request larger than the default
 * block gets a block of its own so that big texts do not waste a half-empty block.
 */
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "recoupe.h"

#define RC_ARENA_BLOCK (64u * 1024u)
#define RC_ARENA_ALIGN 16u

struct rc_arena_block {
    rc_arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char mem[];
};

void rc_arena_init(rc_arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void rc_arena_free(rc_arena *a)
{
    if (!a)
        return;
    rc_arena_block *b = a->head;
    while (b) {
        rc_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *rc_arena_alloc(rc_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    n = (n + RC_ARENA_ALIGN - 1) & ~(size_t)(RC_ARENA_ALIGN - 1);
    rc_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > RC_ARENA_BLOCK / 4 ? n : RC_ARENA_BLOCK;
        rc_arena_block *nb = malloc(sizeof *nb + size);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->size = size;
        a->total += sizeof *nb + size;
        if (b && size == n) {
            /* a dedicated block goes behind the current one, which keeps its free room */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->mem + b->used;
    b->used += n;
    return p;
}

void *rc_arena_calloc(rc_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = rc_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *rc_arena_strndup(rc_arena *a, const char *s, size_t len)
{
    char *p = rc_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *rc_arena_strdup(rc_arena *a, const char *s)
{
    return s ? rc_arena_strndup(a, s, strlen(s)) : NULL;
}

int rc_arena_grow(rc_arena *a, void **arr, size_t *cap, size_t need, size_t esz)
{
    if (need <= *cap)
        return RC_OK;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / esz)
            return RC_ENOMEM;
        ncap *= 2;
    }
    void *p = rc_arena_alloc(a, ncap * esz);
    if (!p)
        return RC_ENOMEM;
    if (*arr && *cap)
        memcpy(p, *arr, *cap * esz);
    *arr = p;
    *cap = ncap;
    return RC_OK;
}
