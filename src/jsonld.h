/* Internal: csto-kg stage 7b for JSON-LD: triples -> one compact JSON-LD document.
 *
 * The document carries its context inline (the object ontology/context.jsonld publishes)
 * and writes each named graph as a node whose "@id" is the graph's name and whose "@graph"
 * holds that graph's nodes, so that a JSON-LD processor's toRDF gives back the quads the
 * N-Quads writer writes. A run's articles stream into the one document, each written as
 * it is done (so each article's graph holds all its triples, as in N-Quads, and memory
 * stays bounded). jansson builds the JSON and escapes every string. */
#ifndef CSTO_JSONLD_H
#define CSTO_JSONLD_H

#include <stdio.h>

#include "csto/error.h"
#include "triples.h"

/* Write t into the document on out: its graphs, their subjects in the order of
 * csto_triples_order, each subject's properties in the order of their first triple.
 * *doc says where the document stands (0: not begun, as a run starts; the writer keeps
 * it); csto_jsonld_end ends it, begun or not. */
csto_status csto_jsonld_write(const csto_triples *t, const char *base_ns, int *doc, FILE *out,
                              csto_error *err);
csto_status csto_jsonld_end(const char *base_ns, int doc, FILE *out, csto_error *err);

#endif
