#include "array.h"

#include <stdint.h>
#include <stdlib.h>

int csto_array_grow(void **items, size_t *cap, size_t count, size_t more, size_t size) {
  size_t n = *cap ? *cap : 16;
  while (n - count < more) {
    if (n > SIZE_MAX / 2 / size)
      return -1;
    n *= 2;
  }
  void *p = realloc(*items, n * size);
  if (!p)
    return -1;
  *items = p;
  *cap = n;
  return 0;
}
