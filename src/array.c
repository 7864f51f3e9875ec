#include "array.h"

#include <stdlib.h>

int csto_array_reserve(void **items, size_t *cap, size_t count, size_t size) {
  if (count < *cap)
    return 0;
  size_t n = *cap ? *cap * 2 : 16;
  void *p = realloc(*items, n * size);
  if (!p)
    return -1;
  *items = p;
  *cap = n;
  return 0;
}
