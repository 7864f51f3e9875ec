/* Internal: csto-kg stage 7b, triples -> serialized RDF.
 *
 * Turtle, TriG, N-Triples and N-Quads go through serd's streaming writer: the triples, grouped
 * by subject and predicate, are written as they come, nothing is built in between.
 * RDF/XML, RDF/JSON and dot go through raptor's serializers, which build their document
 * in memory; JSON-LD goes through jsonld.c, which builds it with jansson. Either way the
 * writer escapes every IRI and literal; csto-kg never pastes RDF syntax itself. */
#ifndef CSTO_WRITER_H
#define CSTO_WRITER_H

#include <stdio.h>

#include <raptor2.h>

#include "csto/graph_rdf.h"
#include "triples.h"

/* Whether format is one the writer knows; whether its documents concatenate into one
 * (see csto_graph_format_streams). */
int csto_writer_format_known(const char *format);
const char *csto_writer_format_names(void); /* every name, for messages */
int csto_writer_format_streams(const char *format);

/* Whether raptor writes format (then csto_writer_write needs a raptor world). */
int csto_writer_needs_raptor(const char *format);

/* Write t in format to out, one document, with the project's prefixes (and "base" for a
 * base other than the res: namespace). raptor: the world raptor's formats are written in
 * (borrowed; NULL for serd's formats). */
csto_status csto_writer_write(const csto_triples *t, const char *format, const char *base,
                              raptor_world *raptor, FILE *out, csto_error *err);

/* Formats whose articles stream into one document that the end of the run closes
 * (JSON-LD): csto_writer_write_into writes t into it, *doc saying where it stands (0 before
 * it, as a run starts; the writer keeps it), and csto_writer_end closes it, begun or not.
 * For any other format they are csto_writer_write and nothing. */
csto_status csto_writer_write_into(const csto_triples *t, const char *format, const char *base,
                                   raptor_world *raptor, int *doc, FILE *out, csto_error *err);
csto_status csto_writer_end(const char *format, const char *base, int doc, FILE *out,
                            csto_error *err);

/* Hand each triple of t, in the writing order, to fn as a raptor statement made in world
 * (borrowed for the call); the first error fn returns stops it. */
csto_status csto_writer_each_statement(const csto_triples *t, raptor_world *world,
                                       csto_statement_fn fn, void *user, csto_error *err);

#endif
