/*
 * report_view.h - what the dossier's page writer reads: plain arrays of documents and facts.
 *
 * rc_report_write fills a view from the report's copies of the documents and from the check's
 * accessors, then hands it to rp_write_page; tests fill a view by hand. Every section of the page
 * is a function of the view alone, so none of them depends on how the view was made.
 */
#ifndef RP_VIEW_H
#define RP_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "recoupe.h"
#include "report/report_html.h"

/* One document as the dossier shows it. Every pointer is borrowed from the view's owner. */
typedef struct rp_doc {
    rc_doc_meta meta;
    const char *text;
    size_t len;
    const rc_mark *marks;
    size_t nmarks;
    const rc_entity *ents;
    size_t nents;
    const rc_quote *quotes;
    size_t nquotes;
    const rc_attribution *attrs;
    size_t nattrs;
    const rc_claim *claims;
    size_t nclaims;
    const rc_frame *frames;
    size_t nframes;
    int32_t relay_of; /* index of the document this one repeats, or -1 */
    double relay_similarity;
} rp_doc;

/* How much of a large corpus the page shows in full; the rest is counted in a note. */
typedef struct rp_limits {
    size_t docs_text;   /* documents whose highlighted text is included */
    size_t facts_shown; /* facts with their own chart and chips */
    size_t claims_fact; /* chips and chart rows per fact */
    size_t origins_fact; /* origins named in a fact's line of origins */
    size_t lanes;       /* outlets in the timeline */
    size_t places;      /* places on the map */
    size_t speakers;    /* speakers listed */
    size_t quotes_speaker; /* quotes per speaker */
    size_t outlets;     /* outlets side by side in the framing table */
} rp_limits;

/* The defaults: what a browser opens in a few seconds with 2,000 articles. */
extern const rp_limits rp_default_limits;

typedef struct rp_view {
    const rp_doc *docs;
    size_t ndocs;
    const rc_fact *facts; /* claims index docs[] and docs[].claims */
    size_t nfacts;
    bool checked; /* a cross-check ran (facts may still be none) */
    rp_limits lim;
} rp_view;

/* What the sections share, made once per page from the view: for each document its outlet name,
 * and for each claim the fact it belongs to. Owned by the page writer. */
typedef struct rp_page {
    const rp_view *v;
    const char **outlet;     /* per document: site, else the file name */
    uint32_t *outlet_id;     /* per document: index in outlets */
    const char **outlets;    /* the distinct outlets, in order of first document */
    size_t noutlets;
    uint32_t *claim_base;    /* per document: index of its first claim in claim_fact */
    int32_t *claim_fact;     /* per claim of every document: fact index, or -1 */
    size_t nclaims;
} rp_page;

/* Writes the whole dossier for v. Returns RC_OK, RC_ENOMEM, or the first failure of the stream. */
int rp_write_page(const rp_view *v, rp_out *o);

/* The sections, in page order (report.c, report_facts.c, report_svg.c, report_docs.c). */
void rp_section_sources(const rp_page *pg, rp_out *o);
void rp_section_facts(const rp_page *pg, rp_out *o);
void rp_section_timeline(const rp_page *pg, rp_out *o);
void rp_section_map(const rp_page *pg, rp_out *o);
void rp_section_framing(const rp_page *pg, rp_out *o);
void rp_section_speakers(const rp_page *pg, rp_out *o);
void rp_section_documents(const rp_page *pg, rp_out *o);

/* The SVG chart of one fact: its claims on a log scale, the low-high band, relays hollow. */
void rp_fact_chart(const rp_page *pg, const rc_fact *f, rp_out *o);

/* Whether the claim k of fact f repeats an origin an earlier claim of f already gave (a relay),
 * or comes from a document that repeats another. */
bool rp_claim_is_relay(const rp_page *pg, const rc_fact *f, size_t k);

/* The claim a fact claim points at, or NULL when the view does not hold it. */
const rc_claim *rp_fact_claim(const rp_page *pg, const rc_fact_claim *fc);

/* The outlet of document d, never NULL. */
const char *rp_outlet(const rp_page *pg, size_t d);

/* A short label of a fact: "killed · civilians". */
void rp_fact_label(const rc_fact *f, rp_out *o);

/* A claim's figure with its bounds as read: "≥ 82", "≈ 12 000", "3 000–5 000", "21". */
void rp_claim_value(const rc_claim *c, rp_out *o);

/* How an origin is named on the page: an outlet known only by its file is named by the file's
 * name without its folders. NULL stays NULL. */
const char *rp_origin_label(const char *name);

/* A colour for the i-th origin of a fact (a fixed palette, cycled), as "#rrggbb". */
const char *rp_palette(size_t i);

/* The status of a fact as a badge: colour, symbol and word. */
void rp_status_badge(int status, rp_out *o);

#endif
