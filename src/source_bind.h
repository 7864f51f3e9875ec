/* Internal: the binding rule both of csto-kg's rasqal triples sources follow (the store's,
 * store_source.c, and the one over any librdf model, model_source.c), so that a query
 * answers the same on either. */
#ifndef CSTO_SOURCE_BIND_H
#define CSTO_SOURCE_BIND_H

#include <rasqal.h>

/* How to read the match at hand: whether two of its parts (0 subject, 1 predicate,
 * 2 object, 3 graph) hold the same term, and a new literal of one part (NULL for none). */
typedef struct {
  int (*same)(void *match, int a, int b);
  rasqal_literal *(*value)(void *match, int part);
} csto_source_parts;

/* Bind the variables of the parts asked for; a variable that stands in two parts binds
 * once, and only when both parts hold the same term (0 when they do not). Returns the
 * parts bound. */
rasqal_triple_parts csto_source_bind(rasqal_variable *bindings[4], rasqal_triple_parts parts,
                                     const csto_source_parts *read, void *match);

#endif
