/* Internal: the triples of the articles being written, held compactly until the writer
 * takes them.
 *
 * Every distinct term (an IRI, or a literal with its datatype or language) is interned
 * once and named by a dense id, so a triple is four integers and keeping each triple once
 * is a hash of integers, whatever the length of its literals. Ids are given in order of
 * first use, which is the order the writer groups subjects in. */
#ifndef CSTO_TRIPLES_H
#define CSTO_TRIPLES_H

#include <stddef.h>
#include <stdint.h>

typedef enum { CSTO_TERM_IRI, CSTO_TERM_LITERAL } csto_term_kind;

/* A term as the writer sees it. text is borrowed from the table: valid until the next
 * term is interned or the table is cleared. datatype and lang are the strings the term
 * was made with (the caller keeps them alive: the builder uses constants). */
typedef struct {
  csto_term_kind kind;
  const char *text;
  size_t len;
  const char *datatype; /* literal: datatype IRI, or NULL */
  const char *lang;     /* literal: language tag, or NULL */
} csto_term;

/* Term ids start at 1; 0 means "no term" (out of memory, or no graph). */
typedef struct {
  uint32_t s, p, o, g;
} csto_triple;

typedef struct csto_triples csto_triples;

csto_triples *csto_triples_new(void);
void csto_triples_free(csto_triples *t);

/* Forget every term and triple; the memory is kept for the next article. */
void csto_triples_clear(csto_triples *t);

/* The id of a term, interned on first use; 0 when out of memory. */
uint32_t csto_triples_iri(csto_triples *t, const char *iri, size_t len);
uint32_t csto_triples_literal(csto_triples *t, const char *text, size_t len,
                              const char *datatype, const char *lang);

/* Add (s, p, o) in graph g unless it is already there (in any graph); a 0 id adds
 * nothing. 0 on success, -1 when out of memory. */
int csto_triples_add(csto_triples *t, uint32_t s, uint32_t p, uint32_t o, uint32_t g);

size_t csto_triples_count(const csto_triples *t);
size_t csto_triples_terms(const csto_triples *t);
const csto_triple *csto_triples_at(const csto_triples *t, size_t i);
csto_term csto_triples_term(const csto_triples *t, uint32_t id);

/* The triples' indexes grouped by subject (in order of the subjects' ids), then by
 * predicate, keeping the order they were added in otherwise: the order every format
 * writes, so that Turtle can abbreviate. Owned by the caller; NULL when out of memory. */
size_t *csto_triples_order(const csto_triples *t);

#endif
