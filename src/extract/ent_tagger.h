/*
 * ent_tagger.h - the statistical side of the entity stage: an averaged perceptron over the
 * capitalised words of a document, trained by tools/ent_tagger_train.c on an annotated corpus and
 * stored in data/fr/ent_tagger.model (format in docs/tagger.md). Its features are the word, its
 * shape and affixes, its neighbours, the previous tag, and what the rules already know: the
 * gazetteer lists holding the word, the cue class of the words before it, and the type the rule
 * stage gave the word. The entity stage calls it after the rules, for names the rules left out.
 */
#ifndef RC_ENT_TAGGER_H
#define RC_ENT_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"

/* The labels of the tagger, in the order of the weights of the model file. */
enum { ENT_TAG_O, ENT_TAG_PER, ENT_TAG_LOC, ENT_TAG_ORG, ENT_TAG_NLAB };

/* The most features one token has, and the room their text takes. */
#define ENT_TAG_MAXF 48
#define ENT_TAG_FBUF 4096

typedef struct ent_tagger ent_tagger;

/* Reads a model from text (name is used in messages). On error returns RC_EDATA (or RC_ENOMEM)
 * and writes "NAME:LINE: what" into errbuf. The caller owns *out (ent_tagger_free). */
int ent_tagger_parse(const char *name, const char *data, size_t len, char *errbuf, size_t errlen,
                     ent_tagger **out /* OUT */);

/* ent_tagger_parse on a file's contents. */
int ent_tagger_load(const char *path, char *errbuf, size_t errlen, ent_tagger **out /* OUT */);

/* Frees a model; accepts NULL. */
void ent_tagger_free(ent_tagger *m);

/* The number of features of a model, and the least margin (best score minus the second) a
 * token's label must have for the entity stage to add a name. */
size_t ent_tagger_size(const ent_tagger *m);
double ent_tagger_margin(const ent_tagger *m);

/* Whether the entity stage adds names of a label (ENT_TAG_*) the model finds: the "add" line of
 * the model file (every label when it has none). */
int ent_tagger_adds(const ent_tagger *m, int label);

/* The context's model (data/fr/ent_tagger.model), made on first use (rc_ctx_derived); NULL when
 * the file is missing or malformed. Owned by the context. */
const ent_tagger *ent_tagger_get(const rc_ctx *ctx);

/* What the tagger reads of a document besides its tokens: per token, the rule stage's type
 * (RC_ENT_* + 1, 0 none, 5 inside a time expression). Made by ent_tagger_signals. */
typedef struct ent_tag_doc {
    const rc_doc *doc;
    const uint8_t *rule;
    const rc_lexicon *cues, *demonyms; /* ent_cues, ent_demonyms */
    const struct rc_gaz *gaz;          /* the context's name tables */
    const uint64_t *mid; /* open-addressing set of the hashes of the capitalised words seen
                          * inside a sentence (0: empty) */
    size_t mid_mask;
} ent_tag_doc;

/* Fills *td for doc, whose entities are those of the rules; memory from doc->arena. */
int ent_tagger_signals(rc_doc *doc, ent_tag_doc *td /* OUT */);

/* Whether token i is one the tagger labels: a capitalised word. */
int ent_tagger_candidate(const rc_doc *doc, size_t i);

/* The features of candidate token i, previous tag aside, written as NUL-terminated strings into
 * buf (capacity ENT_TAG_FBUF) and pointed to by feats (capacity ENT_TAG_MAXF). Returns their
 * number. The trainer and the decoder both call it, so the features are the same. */
size_t ent_tagger_feats(const ent_tag_doc *td, size_t i, char *buf, const char **feats);

/* The features that depend on the previous token's label (prev, ENT_TAG_*), written like those
 * of ent_tagger_feats after the n already there; returns the new count. */
size_t ent_tagger_prev_feats(size_t n, int prev, char *buf, const char **feats);

/* A name the tagger adds: tokens [a, b) and its label (ENT_TAG_*). */
typedef struct ent_tag_span {
    uint32_t a, b;
    uint8_t label;
} ent_tag_span;

/* The names the entity stage adds from the labels of ent_tagger_tag, in text order, into out
 * (room for td->doc->ntoks): runs of neighbouring words of one label outside the rules'
 * entities (not across a sentence or line start), each word labelled with at least the model's
 * margin, and
 *  - not touching a rule's entity, nor joined to one by de, du, des, d', of (the rules drew
 *    that boundary: Times | of Israel);
 *  - not one word opening a sentence unless the document has it capitalised inside a sentence
 *    too (Internet, Covid ... opening a sentence are common words as often as names);
 *  - of one label for one text across the document: the rules' type when a rule entity has that
 *    text, else the label with the largest sum of margins over its runs;
 *  - of a label the model adds (its "add" line).
 * Returns their number; scratch memory from the document's arena (RC_ENOMEM: -1). */
long ent_tagger_spans(const ent_tagger *m, ent_tag_doc *td, const uint8_t *tags,
                      const float *margin, ent_tag_span *out /* OUT */);

/* The label the rules give token i (their MISC and time expressions count as O), or -1 when
 * no rule entity holds it. */
int ent_tagger_rule_label(const ent_tag_doc *td, size_t i);

/* Labels the candidate tokens of td greedily, left to right: tags[i] gets ENT_TAG_* (O for
 * tokens that are not candidates) and margin[i] the best score minus the second. Words inside a
 * rule entity keep the rules' label (ent_tagger_rule_label) unless all is set (to score the model
 * alone): the model is trained on the words the rules leave, with the rules' labels before them. */
void ent_tagger_tag(const ent_tagger *m, const ent_tag_doc *td, int all, uint8_t *tags /* OUT */,
                    float *margin /* OUT */);

#endif
