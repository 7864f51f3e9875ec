#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"

/* A key and its values, in the order keys came. */
typedef struct {
  const char *key; /* in the map's key blocks */
  uint32_t hash;   /* of key, for growing the index */
  unsigned count : 31;
  unsigned marked : 1;
  union {
    int one;   /* count 1 */
    int *many; /* count 2 or more: room for count rounded up to a power of two */
  } values;
} entry;

/* The keys' text, in blocks freed together: a map of many keys (the gazetteer) would
 * otherwise cost an allocation per key to make and another to free. */
typedef struct block {
  struct block *next;
  size_t used, cap;
  char text[];
} block;

/* An index slot: 1 + an entry's position (0: empty), and the entry's hash, so that a probe
 * reads the entry only when the hash matches: most lookups (of the gazetteer, for every
 * n-gram of an article) find no key, and keys that share a long prefix (IRIs in one
 * namespace) are told apart without comparing them. */
typedef struct {
  uint32_t at, hash;
} slot;

/* Open addressing over a small index, so that the table kept half empty for short probes
 * costs 8 bytes a slot, and growing it moves no entries. */
struct csto_strmap {
  slot *index;
  size_t cap; /* a power of two, at least twice the entries */
  entry *entries;
  size_t used, cap_entries;
  block *keys; /* the newest block first */
};

enum { FIRST_BLOCK = 1024, LAST_BLOCK = 1 << 16 }; /* bytes: small maps stay small */

/* Eight bytes a step, then mixed (MurmurHash3's finalizer) so that the low bits, which pick
 * the slot, depend on every byte: a byte at a time cost most of a gazetteer's making. */
static inline uint32_t hash(const char *s, size_t len) {
  const uint64_t k = 0xff51afd7ed558ccdULL;
  uint64_t h = len * 0x9e3779b97f4a7c15ULL, w;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    memcpy(&w, s + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 32;
  }
  w = 0;
  for (size_t j = len; j > i; j--) /* the last bytes: fewer than eight */
    w = w << 8 | (unsigned char)s[j - 1];
  h = (h ^ w) * k;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return (uint32_t)(h ^ (h >> 33));
}

csto_strmap *csto_strmap_new(void) {
  csto_strmap *m = calloc(1, sizeof *m);
  if (!m)
    return NULL;
  m->cap = 16; /* grows by doubling: a map per article must cost little when it stays small */
  m->index = calloc(m->cap, sizeof *m->index);
  if (!m->index) {
    free(m);
    return NULL;
  }
  return m;
}

void csto_strmap_free(csto_strmap *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->used; i++)
    if (m->entries[i].count > 1)
      free(m->entries[i].values.many);
  for (block *b = m->keys, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(m->entries);
  free(m->index);
  free(m);
}

/* A copy of key's len bytes, NUL-terminated, in the map's blocks; NULL when out of memory. */
static const char *keep_key(csto_strmap *m, const char *key, size_t len) {
  block *b = m->keys;
  if (!b || b->cap - b->used < len + 1) {
    size_t cap = b ? (b->cap < LAST_BLOCK ? b->cap * 2 : b->cap) : FIRST_BLOCK;
    if (cap < len + 1)
      cap = len + 1;
    if (!(b = malloc(sizeof *b + cap)))
      return NULL;
    *b = (block){m->keys, 0, cap};
    m->keys = b;
  }
  char *copy = b->text + b->used;
  memcpy(copy, key, len);
  copy[len] = '\0';
  b->used += len + 1;
  return copy;
}

/* The index slot of key (len bytes, hashed to h): its entry's, or the empty one where it
 * would go. */
static inline slot *find(const csto_strmap *m, const char *key, size_t len, uint32_t h) {
  for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    const slot *s = &m->index[i];
    if (!s->at)
      return &m->index[i];
    const entry *e = &m->entries[s->at - 1];
    if (s->hash == h && memcmp(e->key, key, len) == 0 && e->key[len] == '\0')
      return &m->index[i];
  }
}

/* The index remade with cap slots. */
static int rehash(csto_strmap *m, size_t cap) {
  slot *index = calloc(cap, sizeof *index);
  if (!index)
    return -1;
  for (size_t k = 0; k < m->used; k++) {
    size_t i = m->entries[k].hash & (cap - 1);
    while (index[i].at)
      i = (i + 1) & (cap - 1);
    index[i] = (slot){(uint32_t)(k + 1), m->entries[k].hash};
  }
  free(m->index);
  m->index = index;
  m->cap = cap;
  return 0;
}

/* A new entry for key (len bytes, hashed to h) without values: 1 + its position, or 0 when
 * out of memory. */
static uint32_t new_entry(csto_strmap *m, const char *key, size_t len, uint32_t h) {
  const char *copy = NULL;
  if (m->used < UINT32_MAX - 1 &&
      csto_array_reserve((void **)&m->entries, &m->cap_entries, m->used, sizeof *m->entries) == 0)
    copy = keep_key(m, key, len);
  if (!copy)
    return 0;
  m->entries[m->used] = (entry){.key = copy, .hash = h};
  return (uint32_t)++m->used;
}

/* Value added to e's (it has none equal). */
static int push_value(entry *e, int value) {
  if (e->count == 0) {
    e->values.one = value;
  } else if (e->count == 1) {
    int *many = malloc(2 * sizeof *many);
    if (!many)
      return -1;
    many[0] = e->values.one;
    e->values.many = many;
  } else if ((e->count & (e->count - 1)) == 0) { /* full: a power of two */
    int *many = realloc(e->values.many, 2 * e->count * sizeof *many);
    if (!many)
      return -1;
    e->values.many = many;
  }
  if (e->count)
    e->values.many[e->count] = value;
  e->count++;
  return 0;
}

static const int *values_of(const entry *e) {
  return e->count > 1 ? e->values.many : &e->values.one;
}

/* The entry of key (len bytes), made without values if new; NULL when out of memory. */
static entry *entry_of(csto_strmap *m, const char *key, size_t len) {
  if ((m->used + 1) * 2 > m->cap && rehash(m, m->cap * 2) != 0)
    return NULL;
  uint32_t h = hash(key, len);
  slot *s = find(m, key, len, h);
  if (!s->at && !(*s = (slot){new_entry(m, key, len, h), h}).at)
    return NULL;
  return &m->entries[s->at - 1];
}

int csto_strmap_add(csto_strmap *m, const char *key, int value) {
  entry *e = entry_of(m, key, strlen(key));
  if (!e)
    return -1;
  const int *v = values_of(e);
  for (unsigned i = 0; i < e->count; i++)
    if (v[i] == value)
      return 0;
  return push_value(e, value);
}

int csto_strmap_mark_n(csto_strmap *m, const char *key, size_t len) {
  entry *e = entry_of(m, key, len);
  if (!e)
    return -1;
  e->marked = 1;
  return 0;
}

size_t csto_strmap_get(const csto_strmap *m, const char *key, const int **values) {
  return csto_strmap_get_n(m, key, strlen(key), values, NULL);
}

size_t csto_strmap_get_n(const csto_strmap *m, const char *key, size_t len, const int **values,
                         int *marked) {
  static const int none = 0;
  uint32_t at = find(m, key, len, hash(key, len))->at;
  const entry *e = at ? &m->entries[at - 1] : NULL;
  *values = e ? values_of(e) : &none;
  if (marked)
    *marked = e && e->marked;
  return e ? e->count : 0;
}
