/*
 * vocab.c - the closed vocabularies of the interface contract (what, who, modality, unit, fact
 * status) and their JSON spellings, in one place so that writers and readers cannot disagree.
 */
#include <string.h>

#include "recoupe.h"

static const char *const what_names[RC_WHAT_N] = {
    "killed",    "injured",  "missing", "detained", "surrendered", "evacuated",
    "fled",      "trapped",  "present", "controlled", "other"};
static const char *const who_names[RC_WHO_N] = {
    "civilians", "children", "women",  "men",    "fighters", "soldiers", "people",
    "wounded",   "bodies",   "families", "vehicles", "areas", "other"};
static const char *const modality_names[RC_MOD_N] = {
    "asserted", "reported", "conditional", "hedged", "expected", "disputed", "denied"};
static const char *const unit_names[RC_UNIT_N] = {"count", "percent", "fraction"};
static const char *const status_names[] = {"single", "agree", "close", "conflict"};

/* The name at index i of a table of n, or NULL out of range. */
static const char *name_at(const char *const *names, int n, int i)
{
    return i >= 0 && i < n ? names[i] : NULL;
}

/* The index of s in a table of n, or -1. */
static int index_of(const char *const *names, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

const char *rc_what_name(int what) { return name_at(what_names, RC_WHAT_N, what); }
const char *rc_who_name(int who) { return name_at(who_names, RC_WHO_N, who); }
const char *rc_modality_name(int m) { return name_at(modality_names, RC_MOD_N, m); }
const char *rc_unit_name(int unit) { return name_at(unit_names, RC_UNIT_N, unit); }
const char *rc_fact_status_name(int status) { return name_at(status_names, 4, status); }
int rc_what_parse(const char *s) { return index_of(what_names, RC_WHAT_N, s); }
int rc_who_parse(const char *s) { return index_of(who_names, RC_WHO_N, s); }
int rc_modality_parse(const char *s) { return index_of(modality_names, RC_MOD_N, s); }
int rc_unit_parse(const char *s) { return index_of(unit_names, RC_UNIT_N, s); }
