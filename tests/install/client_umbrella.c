/* A program that includes csto/csto.h alone (no raptor, librdf or other header of a
 * dependency) and prints an article's facts with the rules that read them. The install
 * test builds it with pkg-config and, as tests/install/cmake does, with find_package. */
#include <stdio.h>
#include <stdlib.h>

#include <csto/csto.h>

int main(int argc, char **argv) {
  csto_error err = {0};
  csto_kb *kb = NULL;
  csto_article *article = NULL;
  csto_doc *doc = NULL;
  csto_status st = argc == 2 ? csto_kb_load(csto_kb_default_dir(), &kb, &err) : CSTO_ERR_USAGE;
  if (st == CSTO_OK)
    st = csto_article_read_file(argv[1], NULL, &article, &err);
  if (st == CSTO_OK)
    st = csto_pipeline_run(kb, article, &doc, &err);
  char *facts = st == CSTO_OK ? csto_explain_facts(doc) : NULL;
  if (st == CSTO_OK && !facts)
    st = csto_error_set(&err, CSTO_ERR_NOMEM, "out of memory");
  if (st == CSTO_OK)
    fputs(facts, stdout);
  else
    fprintf(stderr, "client: %s\n", argc == 2 ? err.message : "usage: client ARTICLE");
  free(facts);
  csto_doc_free(doc);
  csto_article_free(article);
  csto_kb_free(kb);
  return st == CSTO_OK ? 0 : 1;
}
