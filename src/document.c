#include "csto/document.h"

#include "array.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

csto_doc *csto_doc_new(const csto_article *article, const csto_kb *kb) {
  csto_doc *doc = calloc(1, sizeof *doc);
  if (doc) {
    doc->article = article;
    doc->kb = kb;
  }
  return doc;
}

static void free_entities(csto_doc_entity *entities, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(entities[i].label);
    free(entities[i].local);
    for (size_t k = 0; k < entities[i].n_aliases; k++)
      free(entities[i].aliases[k]);
    free(entities[i].aliases);
  }
  free(entities);
}

void csto_recognition_free(csto_recognition *rec) {
  free(rec->mentions);
  free(rec->clause_from);
  free(rec->clause_to);
  free(rec->negations_before);
  free(rec->sentence_first);
  memset(rec, 0, sizeof *rec);
}

void csto_resolution_free(csto_resolution *res) {
  free_entities(res->entities, res->n_entities);
  free(res->events);
  free(res->groups);
  free(res->links);
  free(res->title_scopes);
  free(res->by_kb);
  memset(res, 0, sizeof *res);
}

/* The document owns its layers; they are const only to the stages that read them. */
void csto_doc_free(csto_doc *doc) {
  if (!doc)
    return;
  csto_tokens_free(doc->tokens, doc->n_tokens);
  free(doc->sentences);
  free((void *)doc->mentions);
  free((void *)doc->clause_from);
  free((void *)doc->clause_to);
  free((void *)doc->negations_before);
  free((void *)doc->sentence_first);
  free_entities((csto_doc_entity *)doc->entities, doc->n_entities);
  free((void *)doc->events);
  free((void *)doc->groups);
  free((void *)doc->links);
  free((void *)doc->title_scopes);
  free((void *)doc->by_kb);
  free((void *)doc->candidates);
  free((void *)doc->facts);
  free(doc);
}

csto_mention *csto_recognition_add(csto_recognition *rec, csto_mention_kind kind, size_t sentence,
                                   size_t first, size_t end) {
  if (rec->n_mentions >= INT_MAX ||
      csto_array_reserve((void **)&rec->mentions, &rec->cap_mentions, rec->n_mentions,
                         sizeof(csto_mention))) {
    rec->out_of_memory = 1;
    return NULL;
  }
  csto_mention *m = &rec->mentions[rec->n_mentions++];
  memset(m, 0, sizeof *m);
  m->kind = kind;
  m->sentence = sentence;
  m->first = first;
  m->end = end;
  m->name_first = m->name_end = end;
  return m;
}

void csto_doc_attach_recognition(csto_doc *doc, csto_recognition *rec) {
  doc->mentions = rec->mentions;
  doc->n_mentions = rec->n_mentions;
  doc->dateline_city = rec->dateline_city;
  doc->clause_from = rec->clause_from;
  doc->clause_to = rec->clause_to;
  doc->negations_before = rec->negations_before;
  doc->sentence_first = rec->sentence_first;
  doc->n_sentence_first = rec->n_sentence_first;
  memset(rec, 0, sizeof *rec);
}

void csto_doc_attach_resolution(csto_doc *doc, csto_resolution *res) {
  doc->entities = res->entities;
  doc->n_entities = res->n_entities;
  doc->events = res->events;
  doc->n_events = res->n_events;
  doc->groups = res->groups;
  doc->n_groups = res->n_groups;
  doc->links = res->links;
  doc->title_scopes = res->title_scopes;
  doc->by_kb = res->by_kb;
  doc->n_by_kb = res->n_by_kb;
  memset(res, 0, sizeof *res);
}

void csto_doc_attach_candidates(csto_doc *doc, csto_candidate *candidates, size_t n) {
  doc->candidates = candidates;
  doc->n_candidates = n;
}

void csto_doc_attach_facts(csto_doc *doc, csto_fact *facts, size_t n) {
  doc->facts = facts;
  doc->n_facts = n;
}

/* A binary search of by_kb, which the resolver sorted by the KB entity's address. */
int csto_doc_entity_of(const csto_doc *doc, const csto_kb_entity *kb) {
  size_t lo = 0, hi = doc->n_by_kb;
  while (kb && lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uintptr_t at = (uintptr_t)doc->entities[doc->by_kb[mid]].kb;
    if (at == (uintptr_t)kb)
      return doc->by_kb[mid];
    if (at < (uintptr_t)kb)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

char *csto_doc_text(const csto_doc *doc, size_t first, size_t end) {
  if (first >= end)
    return strdup("");
  size_t b = doc->tokens[first].begin, e = doc->tokens[end - 1].end;
  char *s = malloc(e - b + 1);
  if (s) {
    memcpy(s, doc->article->body + b, e - b);
    s[e - b] = '\0';
  }
  return s;
}
