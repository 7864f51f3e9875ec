/* Internal: the one way the library grows an array. */
#ifndef CSTO_ARRAY_H
#define CSTO_ARRAY_H

#include <stddef.h>

/* Grow *items (count used of *cap, each size bytes) to hold more items, doubling the
 * capacity until they fit. 0 on success; -1 when out of memory (the array is unchanged). */
int csto_array_grow(void **items, size_t *cap, size_t count, size_t more, size_t size);

/* Make room in *items for more items: growing it only when they do not fit, which the
 * callers (a token, a term, a triple at a time) seldom need, so the test is inlined. */
static inline int csto_array_reserve_n(void **items, size_t *cap, size_t count, size_t more,
                                       size_t size) {
  return more <= *cap - count ? 0 : csto_array_grow(items, cap, count, more, size);
}

/* The same for one more item. */
static inline int csto_array_reserve(void **items, size_t *cap, size_t count, size_t size) {
  return csto_array_reserve_n(items, cap, count, 1, size);
}

#endif
