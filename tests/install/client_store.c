/* A program that links libcsto-store (`pkg-config --cflags --libs csto-store`): in one
 * process it makes an article's graph, opens a store in a csto_world, puts the graph in
 * it and counts what the store holds with SPARQL. Usage: client_store ARTICLE STORE */
#include <stdio.h>
#include <stdlib.h>

#include <csto/csto.h>
#include <csto/store.h>

static csto_status extract(const char *path, csto_graph *graph, char **iri, csto_error *err) {
  csto_kb *kb = NULL;
  csto_article *article = NULL;
  csto_doc *doc = NULL;
  csto_status st = csto_kb_load(csto_kb_default_dir(), &kb, err);
  if (st == CSTO_OK)
    st = csto_article_read_file(path, NULL, &article, err);
  if (st == CSTO_OK)
    st = csto_pipeline_run(kb, article, &doc, err);
  if (st == CSTO_OK)
    st = csto_graph_add_doc(graph, doc, err);
  if (st == CSTO_OK && !(*iri = csto_article_iri(CSTO_RES_NS, article)))
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  csto_doc_free(doc);
  csto_article_free(article);
  csto_kb_free(kb);
  return st;
}

int main(int argc, char **argv) {
  csto_error err = {0};
  csto_world *world = NULL;
  csto_graph *graph = NULL;
  csto_store *store = NULL;
  char *iri = NULL;
  csto_store_counts counts;
  csto_status st = argc == 3 ? csto_graph_new(NULL, &graph, &err) : CSTO_ERR_USAGE;
  if (st == CSTO_OK)
    st = extract(argv[1], graph, &iri, &err);
  if (st == CSTO_OK)
    st = csto_world_new(&world, &err);
  if (st == CSTO_OK)
    st = csto_store_open(world, argv[2], CSTO_STORE_WRITE, &store, &err);
  if (st == CSTO_OK)
    st = csto_store_begin(store, &err);
  if (st == CSTO_OK)
    st = csto_store_put_graph(store, iri, graph, &counts, &err);
  if (st == CSTO_OK)
    st = csto_store_commit(store, &err);
  csto_query_options opt = {.results = "tsv"};
  if (st == CSTO_OK)
    st = csto_store_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", &opt, stdout,
                          NULL, &err);
  if (st != CSTO_OK)
    fprintf(stderr, "client_store: %s\n",
            argc == 3 ? err.message : "usage: client_store ARTICLE STORE");
  csto_store_close(store);
  csto_world_free(world);
  csto_graph_free(graph);
  free(iri);
  return st == CSTO_OK ? 0 : 1;
}
