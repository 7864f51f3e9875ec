/* Rows of triple pattern lookups and the answers kept for a query (see store_rows.h). */
#include "store_rows.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"

/* What the cache may hold for one query, so that memory stays bounded whatever the
 * store's size: lookups past it are answered by sqlite each time. */
enum { CACHE_MAX_BYTES = 64 * 1024 * 1024, CACHE_MIN_SLOTS = 64 };

csto_row *csto_row_read(sqlite3_stmt *q) {
  size_t bytes = sizeof(csto_row);
  for (int i = 0; i < CSTO_ROW_TEXTS; i++)
    bytes += (size_t)sqlite3_column_bytes(q, CSTO_ROW_IDS + i) + 1;
  csto_row *row = malloc(bytes);
  if (!row)
    return NULL;
  unsigned char *at = (unsigned char *)(row + 1);
  for (int i = 0; i < CSTO_ROW_IDS; i++)
    row->id[i] = sqlite3_column_type(q, i) == SQLITE_NULL ? 0 : sqlite3_column_int64(q, i);
  for (int i = 0; i < CSTO_ROW_TEXTS; i++) {
    const unsigned char *text = sqlite3_column_text(q, CSTO_ROW_IDS + i);
    row->len[i] = sqlite3_column_bytes(q, CSTO_ROW_IDS + i);
    row->text[i] = text ? at : NULL;
    if (text) {
      memcpy(at, text, (size_t)row->len[i] + 1);
      at += row->len[i] + 1;
    }
  }
  return row;
}

int csto_rows_add(csto_rows *rows, csto_row *row) {
  if (csto_array_reserve((void **)&rows->rows, &rows->cap, rows->n, sizeof *rows->rows)) {
    free(row);
    return -1;
  }
  rows->rows[rows->n++] = row;
  return 0;
}

void csto_rows_clear(csto_rows *rows) {
  for (size_t i = 0; i < rows->n; i++)
    free(rows->rows[i]);
  free(rows->rows);
  memset(rows, 0, sizeof *rows);
}

/* ---- the cache: open addressing on the key ----------------------------------------- */

/* A kept answer lives apart from the slots, which move when the table grows, so that a
 * lookup reading it keeps a valid pointer. */
typedef struct {
  int used;
  csto_row_key key;
  csto_rows *rows;
} slot;

struct csto_row_cache {
  slot *slots;
  size_t n_slots, used;
  size_t bytes;
};

static size_t key_hash(const csto_row_key *k) {
  unsigned long long h = 1469598103934665603ULL;
  for (int i = 0; i < 4; i++) {
    h = (h ^ (unsigned long long)k->kinds[i]) * 1099511628211ULL;
    h = (h ^ (unsigned long long)k->ids[i]) * 1099511628211ULL;
  }
  return (size_t)h;
}

static int key_equal(const csto_row_key *a, const csto_row_key *b) {
  return memcmp(a->kinds, b->kinds, sizeof a->kinds) == 0 &&
         memcmp(a->ids, b->ids, sizeof a->ids) == 0;
}

csto_row_cache *csto_row_cache_new(void) { return calloc(1, sizeof(csto_row_cache)); }

void csto_row_cache_clear(csto_row_cache *cache) {
  for (size_t i = 0; i < cache->n_slots; i++)
    if (cache->slots[i].used) {
      csto_rows_clear(cache->slots[i].rows);
      free(cache->slots[i].rows);
    }
  free(cache->slots);
  cache->slots = NULL;
  cache->n_slots = cache->used = cache->bytes = 0;
}

void csto_row_cache_free(csto_row_cache *cache) {
  if (!cache)
    return;
  csto_row_cache_clear(cache);
  free(cache);
}

static slot *find_slot(const csto_row_cache *cache, const csto_row_key *key) {
  size_t mask = cache->n_slots - 1;
  for (size_t i = key_hash(key) & mask;; i = (i + 1) & mask)
    if (!cache->slots[i].used || key_equal(&cache->slots[i].key, key))
      return &cache->slots[i];
}

const csto_rows *csto_row_cache_get(const csto_row_cache *cache, const csto_row_key *key) {
  if (!cache->n_slots)
    return NULL;
  const slot *s = find_slot(cache, key);
  return s->used ? s->rows : NULL;
}

/* Twice the slots, keys moved over; -1 when out of memory. */
static int grow(csto_row_cache *cache) {
  size_t n = cache->n_slots ? cache->n_slots * 2 : CACHE_MIN_SLOTS;
  slot *old = cache->slots;
  size_t old_n = cache->n_slots;
  if (!(cache->slots = calloc(n, sizeof *cache->slots))) {
    cache->slots = old;
    return -1;
  }
  cache->n_slots = n;
  for (size_t i = 0; i < old_n; i++)
    if (old[i].used)
      *find_slot(cache, &old[i].key) = old[i];
  free(old);
  return 0;
}

static size_t rows_bytes(const csto_rows *rows) {
  size_t bytes = rows->cap * sizeof *rows->rows;
  for (size_t i = 0; i < rows->n; i++) {
    bytes += sizeof(csto_row);
    for (int t = 0; t < CSTO_ROW_TEXTS; t++)
      bytes += (size_t)rows->rows[i]->len[t] + 1;
  }
  return bytes;
}

const csto_rows *csto_row_cache_put(csto_row_cache *cache, const csto_row_key *key,
                                    csto_rows *rows) {
  size_t bytes = rows_bytes(rows);
  if (cache->bytes + bytes > CACHE_MAX_BYTES ||
      ((cache->used + 1) * 2 > cache->n_slots && grow(cache)))
    return NULL;
  slot *s = find_slot(cache, key);
  csto_rows *kept = s->used ? NULL : malloc(sizeof *kept);
  if (!kept)
    return NULL; /* kept already (by a lookup that finished first), or out of memory */
  *kept = *rows;
  *s = (slot){1, *key, kept};
  memset(rows, 0, sizeof *rows);
  cache->used++;
  cache->bytes += bytes;
  return kept;
}
