/* Which triples of an article graph go to the merged graph (see layout.h). */
#include "csto/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int starts_with(const char *s, const char *prefix, size_t n) {
  return strncmp(s, prefix, n) == 0;
}

/* subject == base + kind + local name, followed by tail (tail "" means exactly that). */
static int minted_as(const char *subject, const char *base, size_t base_len, const char *kind,
                     const char *name, const char *tail) {
  size_t kind_len = strlen(kind), name_len = strlen(name);
  if (!starts_with(subject, base, base_len))
    return 0;
  subject += base_len;
  if (!starts_with(subject, kind, kind_len) || !starts_with(subject + kind_len, name, name_len))
    return 0;
  subject += kind_len + name_len;
  return *tail ? starts_with(subject, tail, strlen(tail)) : *subject == '\0';
}

/* Whether byte c may be in an article's local name (csto_article_iri makes no other). */
static int local_name_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c >= 0x80 || (c && strchr("-.~%", c));
}

/* The last place kind ("article_") is in iri: the base itself may contain the word. */
static const char *last_kind(const char *iri, const char *kind) {
  const char *at = strstr(iri, kind);
  for (const char *later; at && (later = strstr(at + 1, kind));)
    at = later;
  return at;
}

/* The local name of an article IRI (after its last "article_", to the end), or NULL. */
static const char *article_name(const char *graph) {
  const char *article = last_kind(graph, CSTO_IRI_ARTICLE);
  if (!article)
    return NULL;
  const char *name = article + strlen(CSTO_IRI_ARTICLE);
  const char *end = name;
  while (local_name_byte((unsigned char)*end))
    end++;
  return end > name && *end == '\0' ? name : NULL;
}

int csto_layout_merges(const char *graph, const char *subject) {
  const char *name = graph ? article_name(graph) : NULL;
  if (!name)
    return 0;
  if (!subject)
    return 1;
  size_t base_len = (size_t)(name - graph) - strlen(CSTO_IRI_ARTICLE);
  return !(minted_as(subject, graph, base_len, CSTO_IRI_ARTICLE, name, "") ||
           minted_as(subject, graph, base_len, CSTO_IRI_ARTICLE, name, "_") ||
           minted_as(subject, graph, base_len, CSTO_IRI_STATEMENT, name, "_") ||
           minted_as(subject, graph, base_len, CSTO_IRI_EXTRACTION, name, ""));
}

char *csto_layout_event_article(const char *event) {
  const char *at = last_kind(event, CSTO_IRI_EVENT);
  if (!at)
    return NULL;
  const char *name = at + strlen(CSTO_IRI_EVENT), *end = name;
  while (local_name_byte((unsigned char)*end))
    end++;
  if (end == name || *end != '_' || !end[1])
    return NULL;
  for (const char *n = end + 1; *n; n++)
    if (*n < '0' || *n > '9')
      return NULL;
  int base = (int)(at - event), k = (int)(end - name);
  char *article = malloc((size_t)base + strlen(CSTO_IRI_ARTICLE) + (size_t)k + 1);
  if (article)
    sprintf(article, "%.*s%s%.*s", base, event, CSTO_IRI_ARTICLE, k, name);
  return article;
}
