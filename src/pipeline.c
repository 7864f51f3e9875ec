#include "csto/pipeline.h"

#include "csto/extract.h"
#include "csto/recognizer.h"
#include "csto/resolver.h"

csto_status csto_pipeline_run(const csto_kb *kb, const csto_article *article, csto_doc **out,
                              csto_error *err) {
  csto_doc *doc = csto_doc_new(article, kb);
  if (!doc)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  csto_status st = csto_tokenize(article->body, article->body_len, &doc->tokens, &doc->n_tokens, err);
  if (st == CSTO_OK)
    st = csto_segment(kb, article->body, doc->tokens, doc->n_tokens, &doc->sentences,
                      &doc->n_sentences, err);
  if (st == CSTO_OK)
    st = csto_recognize(doc, err);
  if (st == CSTO_OK)
    st = csto_resolve(doc, err);
  if (st == CSTO_OK)
    st = csto_extract(doc, err);
  if (st != CSTO_OK) {
    csto_doc_free(doc);
    return st;
  }
  *out = doc;
  return CSTO_OK;
}
