/*
 * perthread.c - the list of the threads' states of one context (see perthread.h).
 */
#include "core/perthread.h"

#include <stddef.h>

/* pthread key destructor: the thread exits, its state goes with it. */
static void perthread_exit(void *p)
{
    rc_pt_link *l = p;
    rc_perthread *pt = l->owner;
    pthread_mutex_lock(&pt->lock);
    if (l->prev)
        l->prev->next = l->next;
    else
        pt->threads = l->next;
    if (l->next)
        l->next->prev = l->prev;
    pthread_mutex_unlock(&pt->lock);
    pt->destroy(l);
}

int rc_perthread_init(rc_perthread *pt, void (*destroy)(rc_pt_link *state))
{
    pt->threads = NULL;
    pt->destroy = NULL;
    if (pthread_key_create(&pt->key, perthread_exit))
        return -1;
    pthread_mutex_init(&pt->lock, NULL);
    pt->destroy = destroy;
    return 0;
}

void rc_perthread_fini(rc_perthread *pt)
{
    if (!pt->destroy)
        return; /* never initialised */
    pthread_key_delete(pt->key); /* no destructor runs for this key any more */
    pthread_mutex_lock(&pt->lock);
    for (rc_pt_link *l = pt->threads, *next; l; l = next) {
        next = l->next;
        pt->destroy(l);
    }
    pt->threads = NULL;
    pthread_mutex_unlock(&pt->lock);
    pthread_mutex_destroy(&pt->lock);
}

int rc_perthread_add(rc_perthread *pt, rc_pt_link *state)
{
    state->owner = pt;
    state->prev = NULL;
    if (pthread_setspecific(pt->key, state))
        return -1;
    pthread_mutex_lock(&pt->lock);
    state->next = pt->threads;
    if (state->next)
        state->next->prev = state;
    pt->threads = state;
    pthread_mutex_unlock(&pt->lock);
    return 0;
}
