/* Internal: csto-kg stage 7b, triples -> serialized RDF.
 *
 * Turtle, TriG, N-Triples and N-Quads go through serd's streaming writer: the triples, grouped
 * by subject and predicate, are written as they come, nothing is built in between.
 * JSON-LD goes through jsonld.c, which builds it with jansson. Either way the writer escapes
 * every IRI and literal; csto-kg never pastes RDF syntax itself. (RDF/XML, RDF/JSON and dot
 * are raptor's, in libcsto-store: graph_rdf.c.) */
#ifndef CSTO_WRITER_H
#define CSTO_WRITER_H

#include <stdio.h>

#include "csto/error.h"
#include "triples.h"

/* Whether format is one the writer knows. Documents written one after another in any of
 * them make one document (see csto_graph_format_streams). */
int csto_writer_format_known(const char *format);
const char *csto_writer_format_names(void); /* every name, for messages */

/* Write t in format to out, one document, with the project's prefixes (and "base" for a
 * base other than the res: namespace). */
csto_status csto_writer_write(const csto_triples *t, const char *format, const char *base,
                              FILE *out, csto_error *err);

/* Formats whose articles stream into one document that the end of the run closes
 * (JSON-LD): csto_writer_write_into writes t into it, *doc saying where it stands (0 before
 * it, as a run starts; the writer keeps it), and csto_writer_end closes it, begun or not.
 * For any other format they are csto_writer_write and nothing. */
csto_status csto_writer_write_into(const csto_triples *t, const char *format, const char *base,
                                   int *doc, FILE *out, csto_error *err);
csto_status csto_writer_end(const char *format, const char *base, int doc, FILE *out,
                            csto_error *err);

#endif
