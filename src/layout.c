/* Which triples of an article graph go to the merged graph (see layout.h). */
#include "csto/layout.h"

#include <string.h>

static int starts_with(const char *s, const char *prefix, size_t n) {
  return strncmp(s, prefix, n) == 0;
}

/* subject == base + kind + hash, followed by tail (tail "" means exactly that). */
static int minted_as(const char *subject, const char *base, size_t base_len, const char *kind,
                     const char *hash, const char *tail) {
  size_t kind_len = strlen(kind), hash_len = strlen(hash);
  if (!starts_with(subject, base, base_len))
    return 0;
  subject += base_len;
  if (!starts_with(subject, kind, kind_len) || !starts_with(subject + kind_len, hash, hash_len))
    return 0;
  subject += kind_len + hash_len;
  return *tail ? starts_with(subject, tail, strlen(tail)) : *subject == '\0';
}

/* The hash of an article IRI (after its last "article_": hex digits to the end), or NULL. */
static const char *article_hash(const char *graph) {
  const char *article = strstr(graph, CSTO_IRI_ARTICLE);
  for (const char *later; article && (later = strstr(article + 1, CSTO_IRI_ARTICLE));)
    article = later; /* the last one: the base itself may contain the word */
  if (!article)
    return NULL;
  const char *hash = article + strlen(CSTO_IRI_ARTICLE);
  size_t n = strspn(hash, "0123456789abcdef");
  return n > 0 && hash[n] == '\0' ? hash : NULL;
}

int csto_layout_merges(const char *graph, const char *subject) {
  const char *hash = graph ? article_hash(graph) : NULL;
  if (!hash)
    return 0;
  if (!subject)
    return 1;
  size_t base_len = (size_t)(hash - graph) - strlen(CSTO_IRI_ARTICLE);
  return !(minted_as(subject, graph, base_len, CSTO_IRI_ARTICLE, hash, "") ||
           minted_as(subject, graph, base_len, CSTO_IRI_ARTICLE, hash, "_") ||
           minted_as(subject, graph, base_len, CSTO_IRI_STATEMENT, hash, "_") ||
           minted_as(subject, graph, base_len, CSTO_IRI_EXTRACTION, hash, ""));
}
