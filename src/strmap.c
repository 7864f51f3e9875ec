#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *key;
  uint64_t hash; /* of key: most probes end on it, without comparing keys that share a long
                  * prefix (IRIs in one namespace) */
  int *values;
  size_t count, cap;
} slot;

struct csto_strmap {
  slot *slots;
  size_t cap, used;
};

static uint64_t hash(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return h;
}

csto_strmap *csto_strmap_new(void) {
  csto_strmap *m = calloc(1, sizeof *m);
  if (!m)
    return NULL;
  m->cap = 16; /* grows by doubling: a map per article must cost little when it stays small */
  m->slots = calloc(m->cap, sizeof *m->slots);
  if (!m->slots) {
    free(m);
    return NULL;
  }
  return m;
}

void csto_strmap_free(csto_strmap *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->cap; i++) {
    free(m->slots[i].key);
    free(m->slots[i].values);
  }
  free(m->slots);
  free(m);
}

static int same_key(const slot *s, const char *key, size_t len) {
  return memcmp(s->key, key, len) == 0 && s->key[len] == '\0';
}

/* The slot of key (len bytes, hashed to h), or the empty one where it would go. */
static slot *find_hashed(const csto_strmap *m, const char *key, size_t len, uint64_t h) {
  size_t i = (size_t)(h & (m->cap - 1));
  while (m->slots[i].key && (m->slots[i].hash != h || !same_key(&m->slots[i], key, len)))
    i = (i + 1) & (m->cap - 1);
  return &m->slots[i];
}

static int grow(csto_strmap *m) {
  csto_strmap bigger = {calloc(m->cap * 2, sizeof(slot)), m->cap * 2, m->used};
  if (!bigger.slots)
    return -1;
  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].key)
      *find_hashed(&bigger, m->slots[i].key, strlen(m->slots[i].key), m->slots[i].hash) =
          m->slots[i];
  free(m->slots);
  *m = bigger;
  return 0;
}

int csto_strmap_add(csto_strmap *m, const char *key, int value) {
  return csto_strmap_add_n(m, key, strlen(key), value);
}

int csto_strmap_add_n(csto_strmap *m, const char *key, size_t len, int value) {
  if ((m->used + 1) * 2 > m->cap && grow(m) != 0)
    return -1;
  uint64_t h = hash(key, len);
  slot *s = find_hashed(m, key, len, h);
  if (!s->key) {
    if (!(s->key = malloc(len + 1)))
      return -1;
    memcpy(s->key, key, len);
    s->key[len] = '\0';
    s->hash = h;
    m->used++;
  }
  for (size_t i = 0; i < s->count; i++)
    if (s->values[i] == value)
      return 0;
  if (s->count == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 2;
    int *v = realloc(s->values, cap * sizeof *v);
    if (!v)
      return -1;
    s->values = v;
    s->cap = cap;
  }
  s->values[s->count++] = value;
  return 0;
}

size_t csto_strmap_get(const csto_strmap *m, const char *key, const int **values) {
  size_t len = strlen(key);
  const slot *s = find_hashed(m, key, len, hash(key, len));
  *values = s->values;
  return s->key ? s->count : 0;
}
