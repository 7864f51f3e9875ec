/* csto-kg stages 6 and 7: facts -> triples (graph.c, triples.c) -> serialized RDF
 * (writer.c: serd for Turtle, TriG, N-Triples and N-Quads; jansson for JSON-LD). RDF/XML,
 * RDF/JSON and dot are raptor2's, written by libcsto-store (csto/graph_rdf.h) from the
 * triples csto_graph_each_triple hands out.
 *
 * The graph holds the article (NIF context, PROV-O activity), the entities and events its
 * facts name (types, one English label, aliases, owl:sameAs to Wikidata), the facts as
 * direct triples of the output contract, and one rdf:Statement node per fact pointing to
 * the sentence (NIF offsets in code points) that states it. Every triple is in the named
 * graph of its article, which N-Quads and TriG show. The graph holds the articles added
 * since its last write, each term once and each triple once; the writers escape every
 * IRI and literal as each format requires. */
#ifndef CSTO_GRAPH_H
#define CSTO_GRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csto/api.h"
#include "csto/pipeline.h"

typedef struct csto_graph csto_graph;

/* An empty graph; base is the namespace for minted IRIs (NULL: the res: namespace). */
CSTO_API csto_status csto_graph_new(const char *base, csto_graph **out, csto_error *err);
CSTO_API void csto_graph_free(csto_graph *graph);

/* How much provenance the graph holds beside the facts and the entities' descriptions.
 * FULL, the default: the article; its text (a nif:Context); the extraction (a PROV-O
 * activity); one rdf:Statement node per fact (rdf:subject, rdf:predicate, rdf:object,
 * csto:evidence its sentence, csto:extractionRule, prov:wasDerivedFrom the article,
 * prov:wasGeneratedBy the extraction); each cited sentence (nif:Sentence with its offsets
 * and nif:anchorOf text).
 * COMPACT: the same less what other triples already say: a statement's rdf:type (implied
 * by rdf:subject), its article and extraction (its sentence's context is derived from the
 * article, which names the graph), and the sentences' text (the context's text at their
 * offsets). Nothing is lost; a third fewer triples.
 * NONE: the article alone, no text, statements or sentences (a picture of the facts). */
typedef enum { CSTO_PROVENANCE_FULL, CSTO_PROVENANCE_COMPACT, CSTO_PROVENANCE_NONE } csto_provenance;
CSTO_API void csto_graph_set_provenance(csto_graph *graph, csto_provenance provenance);

/* The provenance named name ("full", "compact", "none"); -1 for any other name. */
CSTO_API int csto_provenance_from_name(const char *name);

/* Add an article's facts and provenance. */
CSTO_API csto_status csto_graph_add_doc(csto_graph *graph, const csto_doc *doc, csto_error *err);

/* Forget what was added since the last write (after a failed article, so that the next
 * does not inherit its triples). */
CSTO_API void csto_graph_clear(csto_graph *graph);

/* The formats libcsto writes: turtle (ttl), ntriples (nt), nquads (nq), trig, jsonld
 * (json-ld). */
CSTO_API int csto_graph_format_known(const char *format);

/* Those names, as one string for messages (static). */
CSTO_API const char *csto_graph_format_names(void);

/* Whether articles written one after another in format make one valid document, so a run
 * can write each article as it is done: true of every format libcsto writes (JSON-LD's
 * once csto_graph_finish closes it). RDF/XML, RDF/JSON and dot (csto/graph_rdf.h) hold one
 * document: add every article, then write once (memory then grows with the run). */
CSTO_API int csto_graph_format_streams(const char *format);

/* Write the graph to out in one of libcsto's formats, then empty it (so articles stream
 * one by one). */
CSTO_API csto_status csto_graph_write(csto_graph *graph, const char *format, FILE *out,
                                      csto_error *err);

/* End the run's output in format: close its document (JSON-LD's; the others need
 * nothing). */
CSTO_API csto_status csto_graph_finish(csto_graph *graph, const char *format, FILE *out,
                                       csto_error *err);

/* The graph's triples, for a writer outside libcsto (libcsto-store's raptor formats and
 * stores). A term is borrowed for the callback; the same term has the same id, from 1 to
 * csto_graph_term_count, until the graph is emptied. */
typedef struct {
  uint32_t id;
  int literal;          /* else an IRI */
  const char *text;     /* len bytes, NUL-terminated */
  size_t len;
  const char *datatype; /* a literal's datatype IRI, or NULL */
  const char *lang;     /* a literal's language tag, or NULL */
} csto_graph_term;
typedef csto_status (*csto_graph_triple_fn)(void *user, const csto_graph_term *s,
                                            const csto_graph_term *p, const csto_graph_term *o,
                                            const csto_graph_term *graph, csto_error *err);

/* Hand each triple, in the order the writers write them, to fn (graph: the named graph
 * it is in, NULL for none); the first error fn returns stops it. The graph is left as it
 * is: csto_graph_clear empties it. */
CSTO_API csto_status csto_graph_each_triple(const csto_graph *graph, csto_graph_triple_fn fn,
                                            void *user, csto_error *err);
CSTO_API size_t csto_graph_term_count(const csto_graph *graph);

/* The namespace of the graph's minted IRIs (csto_graph_new's base). */
CSTO_API const char *csto_graph_base(const csto_graph *graph);

/* The IRI of an article (owned by caller): base + "article_" + a local name, which is
 *   - the article's id (JSON Lines "id") when it has one: letters, digits, "-", "." and
 *     "~" and the non-ASCII characters an IRI allows as they are, every other byte
 *     percent-encoded (%HH, upper case): id "TASS 12#3" gives article_TASS%2012%233;
 *   - else 32 lowercase hex digits, the FNV-1a 128-bit hash of its URL, or of its body
 *     when it has no URL.
 * The names derived from it (text, sentences, statements, extraction; see layout.h)
 * follow. NULL when out of memory. */
CSTO_API char *csto_article_iri(const char *base, const csto_article *article);

#endif
