/* csto-kg, libcsto: news articles about Eurasian security organizations -> facts -> an RDF
 * knowledge graph. The one header a program that extracts needs:
 *
 *   csto_kb_load             the knowledge base and lexicon (pipeline.h)
 *   csto_article_read_file   an article in: bytes, front matter, JSON Lines (reader.h)
 *   csto_pipeline_run        its facts, in an opaque csto_doc (pipeline.h)
 *   csto_explain_facts       the facts and the rules that read them, as text (explain.h)
 *   csto_graph_add_doc,      the graph: Turtle, TriG, N-Triples, N-Quads, JSON-LD (graph.h)
 *   csto_graph_write
 *   csto_output_open         all-or-nothing output files (output.h)
 *   csto_ordered_new         an ordered work queue for extracting on threads (parallel.h)
 *   CSTO_GRAPH_MERGED        where a store keeps what (layout.h)
 *
 * Every function returns a csto_status and fills a csto_error (error.h); the library never
 * prints. Link with `pkg-config --cflags --libs csto` or CMake's find_package(csto) and
 * csto::csto: libcsto links serd, utf8proc, jansson and zlib only. Everything that needs
 * raptor2 or librdf is libcsto-store (csto::csto-store, pkg-config csto-store): the store,
 * SPARQL queries and pushes to a triplestore (csto/store.h, query.h, push.h, ...), a graph
 * in RDF/XML, RDF/JSON or dot (csto/graph_rdf.h), scoring a graph against gold facts
 * (csto/eval.h) and knowledge-base files (csto/kbfile.h). */
#ifndef CSTO_CSTO_H
#define CSTO_CSTO_H

#include "csto/error.h"
#include "csto/explain.h"
#include "csto/graph.h"
#include "csto/layout.h"
#include "csto/output.h"
#include "csto/parallel.h"
#include "csto/pipeline.h"
#include "csto/reader.h"

#endif
