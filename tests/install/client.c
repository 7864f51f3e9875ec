/* A program that uses the installed library as a user's would: built with
 * `pkg-config --cflags --libs csto` alone against the shared library, it writes an
 * article's graph as N-Triples. */
#include <stdio.h>

#include <csto/graph.h>
#include <csto/pipeline.h>
#include <csto/reader.h>

int main(int argc, char **argv) {
  csto_error err = {0};
  csto_kb *kb = NULL;
  csto_article *article = NULL;
  csto_doc *doc = NULL;
  csto_graph *graph = NULL;
  csto_status st = argc == 2 ? csto_kb_load(csto_kb_default_dir(), &kb, &err) : CSTO_ERR_USAGE;
  if (st == CSTO_OK)
    st = csto_article_read_file(argv[1], NULL, &article, &err);
  if (st == CSTO_OK)
    st = csto_pipeline_run(kb, article, &doc, &err);
  if (st == CSTO_OK)
    st = csto_graph_new(NULL, &graph, &err);
  if (st == CSTO_OK)
    st = csto_graph_add_doc(graph, doc, &err);
  if (st == CSTO_OK)
    st = csto_graph_write(graph, "ntriples", stdout, &err);
  if (st != CSTO_OK)
    fprintf(stderr, "client: %s\n", argc == 2 ? err.message : "usage: client ARTICLE");
  csto_graph_free(graph);
  csto_doc_free(doc);
  csto_article_free(article);
  csto_kb_free(kb);
  return st == CSTO_OK ? 0 : 1;
}
