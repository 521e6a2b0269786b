/*
 * perthread.h - state that each thread keeps for one context: a cache, a table, a handle that
 * must not be shared. The context's derived table holds an rc_perthread; each thread's state
 * starts with an rc_pt_link, is found again through a pthread key, and is freed when the thread
 * exits or, for the threads still alive, when the context is freed. The word table and the
 * morphology cache are built on it.
 */
#ifndef RC_CORE_PERTHREAD_H
#define RC_CORE_PERTHREAD_H

#include <pthread.h>

struct rc_perthread;

/* The first member of a thread's state: its place in its context's list. */
typedef struct rc_pt_link {
    struct rc_pt_link *prev, *next;
    struct rc_perthread *owner;
} rc_pt_link;

typedef struct rc_perthread {
    pthread_key_t key;
    pthread_mutex_t lock; /* guards threads; an owner may guard its own shared state with it */
    rc_pt_link *threads;
    void (*destroy)(rc_pt_link *state); /* frees one thread's state (already unlinked) */
} rc_perthread;

/* Makes the key and the lock; destroy frees a thread's state. 0, or -1 when the system has no
 * key left. */
int rc_perthread_init(rc_perthread *pt, void (*destroy)(rc_pt_link *state));

/* Frees the state of every thread still alive, then the key and the lock. Accepts a pt whose
 * init failed only if it was zeroed before. */
void rc_perthread_fini(rc_perthread *pt);

/* The calling thread's state, or NULL before rc_perthread_add. */
static inline void *rc_perthread_get(rc_perthread *pt) { return pthread_getspecific(pt->key); }

/* Makes state (allocated by the caller, rc_pt_link first) the calling thread's. 0, or -1 when
 * it could not be registered: the caller still owns state then. */
int rc_perthread_add(rc_perthread *pt, rc_pt_link *state);

#endif
