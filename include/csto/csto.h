/* csto-kg, libcsto: news articles about Eurasian security organizations -> facts -> an RDF
 * knowledge graph. The one header a program that extracts needs:
 *
 *   csto_kb_load             the knowledge base and lexicon (pipeline.h)
 *   csto_article_read_file   an article in: bytes, front matter, JSON Lines (reader.h)
 *   csto_pipeline_run        its facts, in an opaque csto_doc (pipeline.h)
 *   csto_explain_facts       the facts and the rules that read them, as text (explain.h)
 *   csto_graph_add_doc,      the graph: Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON,
 *   csto_graph_write         dot (graph.h)
 *   csto_output_open         all-or-nothing output files (output.h)
 *   csto_eval_score          a graph scored against gold facts (eval.h)
 *   csto_kbfile_*            knowledge-base files: stats, Wikidata import (kbfile.h)
 *   CSTO_GRAPH_MERGED        where a store keeps what (layout.h)
 *
 * Every function returns a csto_status and fills a csto_error (error.h); the library never
 * prints. Link with `pkg-config --cflags --libs csto` or CMake's find_package(csto) and
 * csto::csto. The store, SPARQL queries and pushes to a triplestore are libcsto-store
 * (csto/store.h). */
#ifndef CSTO_CSTO_H
#define CSTO_CSTO_H

#include "csto/error.h"
#include "csto/eval.h"
#include "csto/explain.h"
#include "csto/graph.h"
#include "csto/kbfile.h"
#include "csto/layout.h"
#include "csto/output.h"
#include "csto/parallel.h"
#include "csto/pipeline.h"
#include "csto/reader.h"

#endif
