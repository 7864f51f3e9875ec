#include "csto/document.h"

#include "array.h"

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

void csto_doc_free(csto_doc *doc) {
  if (!doc)
    return;
  csto_tokens_free(doc->tokens, doc->n_tokens);
  free(doc->sentences);
  free(doc->mentions);
  for (size_t i = 0; i < doc->n_entities; i++) {
    free(doc->entities[i].label);
    free(doc->entities[i].local);
    for (size_t k = 0; k < doc->entities[i].n_aliases; k++)
      free(doc->entities[i].aliases[k]);
    free(doc->entities[i].aliases);
  }
  free(doc->entities);
  for (size_t i = 0; i < doc->n_events; i++)
    free(doc->events[i].local);
  free(doc->events);
  free(doc->facts);
  free(doc);
}

csto_mention *csto_doc_add_mention(csto_doc *doc, csto_mention_kind kind, size_t sentence,
                                   size_t first, size_t end) {
  if (csto_array_reserve((void **)&doc->mentions, &doc->cap_mentions, doc->n_mentions, sizeof(csto_mention)))
    return NULL;
  csto_mention *m = &doc->mentions[doc->n_mentions++];
  memset(m, 0, sizeof *m);
  m->kind = kind;
  m->sentence = sentence;
  m->first = first;
  m->end = end;
  m->name_first = m->name_end = end;
  m->entity = m->event = -1;
  return m;
}

int csto_doc_add_fact(csto_doc *doc, const csto_fact *fact) {
  for (size_t i = 0; i < doc->n_facts; i++) {
    const csto_fact *f = &doc->facts[i];
    if (f->kind == fact->kind && f->subject == fact->subject && f->object == fact->object &&
        f->role == fact->role && memcmp(&f->date, &fact->date, sizeof f->date) == 0) {
      if (f->mode == CSTO_MODE_UNSPECIFIED) /* a later sentence may say how */
        doc->facts[i].mode = fact->mode;
      return 0;
    }
  }
  if (csto_array_reserve((void **)&doc->facts, &doc->cap_facts, doc->n_facts, sizeof(csto_fact)))
    return -1;
  doc->facts[doc->n_facts++] = *fact;
  return 0;
}

int csto_doc_add_event(csto_doc *doc, csto_event_class cls, size_t last_mention) {
  if (csto_array_reserve((void **)&doc->events, &doc->cap_events, doc->n_events, sizeof(csto_doc_event)))
    return -1;
  csto_doc_event *e = &doc->events[doc->n_events];
  memset(e, 0, sizeof *e);
  e->event_class = cls;
  e->place = -1;
  e->last_mention = last_mention;
  return (int)doc->n_events++;
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
