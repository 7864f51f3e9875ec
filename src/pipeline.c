#include "csto/pipeline.h"

#include "csto/consolidate.h"
#include "csto/extract.h"
#include "csto/recognizer.h"
#include "csto/resolver.h"

/* Each stage reads the layers before it and makes its own, which the document then owns. */
static csto_status recognize(csto_doc *doc, csto_error *err) {
  csto_recognition rec;
  csto_status st = csto_recognize(doc, &rec, err);
  if (st == CSTO_OK)
    csto_doc_attach_recognition(doc, &rec);
  else
    csto_recognition_free(&rec);
  return st;
}

static csto_status resolve(csto_doc *doc, csto_error *err) {
  csto_resolution res;
  csto_status st = csto_resolve(doc, &res, err);
  if (st == CSTO_OK)
    csto_doc_attach_resolution(doc, &res);
  else
    csto_resolution_free(&res);
  return st;
}

static csto_status extract(csto_doc *doc, csto_error *err) {
  csto_candidate *candidates = NULL;
  size_t n = 0;
  csto_status st = csto_extract(doc, &candidates, &n, err);
  if (st == CSTO_OK)
    csto_doc_attach_candidates(doc, candidates, n);
  return st;
}

static csto_status consolidate(csto_doc *doc, csto_error *err) {
  csto_fact *facts = NULL;
  size_t n = 0;
  csto_status st = csto_consolidate(doc, &facts, &n, err);
  if (st == CSTO_OK)
    csto_doc_attach_facts(doc, facts, n);
  return st;
}

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
    st = recognize(doc, err);
  if (st == CSTO_OK)
    st = resolve(doc, err);
  if (st == CSTO_OK)
    st = extract(doc, err);
  if (st == CSTO_OK)
    st = consolidate(doc, err);
  if (st != CSTO_OK) {
    csto_doc_free(doc);
    return st;
  }
  *out = doc;
  return CSTO_OK;
}
