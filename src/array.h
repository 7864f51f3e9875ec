/* Internal: the one way the library grows an array. */
#ifndef CSTO_ARRAY_H
#define CSTO_ARRAY_H

#include <stddef.h>

/* Make room in *items (count used of *cap, each size bytes) for more items, doubling the
 * capacity until they fit. 0 on success; -1 when out of memory (the array is unchanged). */
int csto_array_reserve_n(void **items, size_t *cap, size_t count, size_t more, size_t size);

/* The same for one more item. */
int csto_array_reserve(void **items, size_t *cap, size_t count, size_t size);

#endif
