/*
 * stages.c - the extraction stages of each language, in the order they run: each stage reads
 * what the earlier ones left in the document (claims read entities, quotes and attributions).
 */
#include <string.h>

#include "extract/claims.h"
#include "extract/entities.h"
#include "extract/framing.h"
#include "extract/recognizers.h"
#include "extract/sources.h"
#include "extract/stages.h"

/* Quotes and attributions are found by one stage (sources.c), since a quote's speaker and an
 * attribution's source are read by the same rules: a row with no run function is filled by the
 * row before it, and has run when that one has. */
const char *const rc_stage_names[RC_NSTAGE_NAMES] = {
    "numbers", "times", "entities", "quotes", "attributions", "claims", "framing"};

static const rc_stage fr_stages[] = {
    {"numbers", rc_stage_numbers, rc_write_numbers},
    {"times", rc_stage_times, rc_write_times},
    {"entities", rc_stage_entities, rc_write_entities},
    {"quotes", rc_stage_sources, rc_write_quotes},
    {"attributions", NULL, rc_write_attributions},
    {"claims", rc_stage_claims, rc_write_claims},
    {"framing", rc_stage_framing, rc_write_framing},
};

const rc_stage *rc_stages_for(const char *lang, size_t *n)
{
    if (lang && strcmp(lang, "fr") == 0) {
        *n = sizeof fr_stages / sizeof fr_stages[0];
        return fr_stages;
    }
    *n = 0;
    return NULL;
}

int rc_stage_index(const char *name)
{
    for (size_t i = 0; name && i < sizeof fr_stages / sizeof fr_stages[0]; i++)
        if (strcmp(fr_stages[i].name, name) == 0)
            return (int)i;
    return -1;
}
