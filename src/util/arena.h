/*
 * arena.h - region allocator: one arena per document, freed in one call.
 *
 * Stages allocate everything a document needs (text, tokens, results) from its arena, so no
 * stage frees anything by itself and no allocation is made per token on the hot path: arrays grow
 * by doubling through rc_arena_grow.
 */
#ifndef RC_ARENA_H
#define RC_ARENA_H

#include <stddef.h>

typedef struct rc_arena_block rc_arena_block;

typedef struct rc_arena {
    rc_arena_block *head; /* newest block first */
    size_t total;         /* bytes obtained from malloc, for peak-memory reports */
} rc_arena;

/* Starts an empty arena; nothing is allocated until the first request. */
void rc_arena_init(rc_arena *a);

/* Frees every block; the arena is empty and reusable afterwards. Accepts NULL. */
void rc_arena_free(rc_arena *a);

/* Returns n bytes aligned for any type, or NULL when memory runs out. Owned by the arena. */
void *rc_arena_alloc(rc_arena *a, size_t n);

/* Like rc_arena_alloc, zero-filled. */
void *rc_arena_calloc(rc_arena *a, size_t count, size_t size);

/* Copies len bytes and adds a NUL; NULL only when memory runs out. Owned by the arena. */
char *rc_arena_strndup(rc_arena *a, const char *s, size_t len);

/* Copies a NUL-terminated string; returns NULL for NULL. Owned by the arena. */
char *rc_arena_strdup(rc_arena *a, const char *s);

/* Grows an array held in the arena to hold at least need elements of size esz, doubling the
 * capacity; the old storage is abandoned to the arena. Returns 0, or RC_ENOMEM. */
int rc_arena_grow(rc_arena *a, void **arr, size_t *cap, size_t need, size_t esz);

#endif
