/* csto-kg: where each triple of an article lives in a store.
 *
 * Queries see one knowledge graph: a store (and a query over graph files) keeps
 *   - the merged graph, CSTO_GRAPH_MERGED: every fact and every description of an entity,
 *     event or post, each triple once, whatever number of articles state it; a triple
 *     stays while some article still states it;
 *   - one named graph per article, named by its article IRI, holding its provenance only:
 *     the article node, its text and sentences (IRIs that extend the article's), its
 *     statement nodes and its extraction activity. These are unique to the article by
 *     construction, so no triple is in two graphs and the default graph (the union of
 *     all graphs) holds each triple once.
 * A graph that is not an article's (a file without one article, a quad's own graph) is
 * kept as it is, in its own graph. */
#ifndef CSTO_LAYOUT_H
#define CSTO_LAYOUT_H

#include "csto/api.h"

#define CSTO_GRAPH_MERGED "https://w3id.org/csto-kg/graph/merged"

/* Not a graph: the name a store counts as the support of the owl:sameAs links it derives
 * between one meeting's nodes (store.h). Nothing can be loaded under it. */
#define CSTO_GRAPH_LINKS "https://w3id.org/csto-kg/graph/links"

/* The names graph.c mints under its base IRI for an article with local name K (its id,
 * percent-encoded, or its hash; see csto_article_iri): article_K, article_K_char_B_E
 * (text and sentences), statement_K_N, extraction_K. K never holds "_" or "/". */
#define CSTO_IRI_ARTICLE "article_"
#define CSTO_IRI_STATEMENT "statement_"
#define CSTO_IRI_EXTRACTION "extraction_"
/* An event the article does not date (or whose organizers the knowledge base does not
 * know) is the article's own: event_K_N, N its number in the article (graph.c). */
#define CSTO_IRI_EVENT "event_"

/* 1 when a triple of graph (an IRI) with this subject (an IRI, or NULL for a blank node)
 * goes to the merged graph: graph is an article IRI (base + "article_" + K, K of letters,
 * digits, "-", ".", "~", "%" and non-ASCII bytes) and
 * subject is not that article, a node of its text, one of its statements or its
 * extraction. 0: it stays in graph. */
CSTO_API int csto_layout_merges(const char *graph, const char *subject);

/* The article IRI (base + "article_" + K) of an article-local event (base + "event_" + K +
 * "_" + N, N digits), malloc'd; NULL when event is not one (a meeting's shared node,
 * event_<who>_<YYYY-MM-DD>, never is) or out of memory. */
CSTO_API char *csto_layout_event_article(const char *event);

#endif
