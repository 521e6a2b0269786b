/*
 * full_doc.h - a document's JSON with a value in every field of every stage, as the tests of the
 * JSON reader and of the store read it.
 */
#ifndef RC_FULL_DOC_H
#define RC_FULL_DOC_H

/* An object in the shape every stage writes, with values in each field. */
static const char full[] =
    "{\"doc\":{\"id\":\"00112233aabbccdd\",\"path\":\"a.txt\",\"title\":\"T\",\"site\":null,"
    "\"url\":null,\"author\":\"A\",\"lang\":\"fr\",\"date\":\"2016-12-13\",\"date_source\":\"given\","
    "\"chars\":62,\"sentences\":1,\"tokens\":11,"
    "\"text\":\"Selon Paul Roux, 82 civils, dont 11 femmes, sont morts à Alep.\","
    "\"sentence_spans\":[[0,63]],\"noise\":[{\"reason\":\"digits\",\"text\":\"12 34\"}]},"
    "\"numbers\":[{\"text\":\"82\",\"start\":17,\"end\":19,\"value\":82,\"low\":null,\"high\":null,"
    "\"approx\":false,\"kind\":\"number\"}],"
    "\"times\":null,"
    "\"entities\":[{\"text\":\"Paul Roux\",\"start\":6,\"end\":15,\"type\":\"PER\",\"key\":\"paul roux\"},"
    "{\"text\":\"Alep\",\"start\":58,\"end\":62,\"type\":\"LOC\",\"key\":\"alep\",\"canon\":\"Alep\","
    "\"lat\":36.2,\"lon\":37.15}],"
    "\"quotes\":[],"
    "\"attributions\":[{\"text\":\"Selon Paul Roux\",\"start\":0,\"end\":15,\"cue\":\"selon\","
    "\"scope_start\":0,\"scope_end\":63,\"chain\":[{\"name\":\"Paul Roux\",\"role\":null,\"key\":\"paul roux\","
    "\"type\":\"PER\",\"start\":6,\"end\":15}],\"quote\":null}],"
    "\"claims\":[{\"id\":\"c1\",\"text\":\"82 civils\",\"start\":17,\"end\":26,\"sentence\":\"Selon Paul Roux, 82 civils, dont 11 femmes, sont morts à Alep.\","
    "\"value\":82,\"low\":82,\"high\":null,\"approx\":false,\"unit\":\"count\",\"what\":\"killed\","
    "\"who\":\"civilians\",\"counted\":\"civils\",\"parts\":[{\"value\":11,\"who\":\"women\","
    "\"counted\":\"femmes\"}],\"places\":[\"Alep\"],\"time\":{\"text\":null,\"from\":\"2016-12-12\","
    "\"to\":\"2016-12-12\"},\"agent\":null,\"sources\":[{\"name\":\"Paul Roux\",\"role\":\"maire\"}],"
    "\"modality\":\"reported\"}],"
    "\"framing\":[{\"concept\":\"opposition fighters\",\"term\":\"rebelles\",\"count\":2}]}";

#endif
