/* csto-kg: interned terms and triples kept once; see triples.h. */
#include "triples.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"

typedef struct {
  size_t offset, len; /* the text, in the table's characters */
  const char *datatype, *lang;
  uint64_t hash;
  csto_term_kind kind;
} term_entry;

/* An open-addressing set of ids (index + 1; 0 marks an empty slot), kept at most half
 * full. The set does not know what its ids stand for: the caller gives hashes and says
 * which id equals what it looks for. */
typedef struct {
  uint32_t *slots;
  size_t mask; /* capacity - 1; capacity is a power of two */
  size_t used;
} id_set;

struct csto_triples {
  char *chars; /* every term's text, NUL-terminated one after another */
  size_t n_chars, cap_chars;
  term_entry *terms;
  size_t n_terms, cap_terms;
  id_set term_set;
  csto_triple *triples;
  size_t n_triples, cap_triples;
  id_set triple_set;
};

/* ---- hashing ------------------------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

/* Eight bytes at a time, each word mixed by a multiply and a shift; the tail as FNV-1a. */
static uint64_t hash_bytes(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ULL ^ len;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  for (; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return h ^ (h >> 32);
}

static uint64_t hash_tag(const char *tag) { return tag ? hash_bytes(tag, strlen(tag)) : 0; }

/* splitmix64's finalizer: every bit of the ids reaches the low bits the set indexes by. */
static uint64_t hash_triple(uint32_t s, uint32_t p, uint32_t o) {
  uint64_t x = ((uint64_t)s << 32 | p) ^ ((uint64_t)o * 0x9e3779b97f4a7c15ULL);
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/* ---- the id set ---------------------------------------------------------------------- */

typedef int (*id_equals)(const csto_triples *t, uint32_t id, const void *key);

/* The slot holding an id equal to key, or the empty slot where it would go. */
static uint32_t *id_set_find(const csto_triples *t, const id_set *set, uint64_t hash,
                             id_equals equals, const void *key) {
  for (size_t i = hash & set->mask;; i = (i + 1) & set->mask)
    if (!set->slots[i] || equals(t, set->slots[i], key))
      return &set->slots[i];
}

/* Make room for one more id; hash_of gives the hash of an id already in the set. */
static int id_set_reserve(const csto_triples *t, id_set *set,
                          uint64_t (*hash_of)(const csto_triples *, uint32_t)) {
  if (set->slots && (set->used + 1) * 2 <= set->mask + 1)
    return 0;
  size_t cap = set->slots ? (set->mask + 1) * 2 : 64;
  uint32_t *slots = calloc(cap, sizeof *slots);
  if (!slots)
    return -1;
  for (size_t i = 0; set->slots && i <= set->mask; i++) {
    uint32_t id = set->slots[i];
    if (!id)
      continue;
    size_t j = hash_of(t, id) & (cap - 1);
    while (slots[j])
      j = (j + 1) & (cap - 1);
    slots[j] = id;
  }
  free(set->slots);
  set->slots = slots;
  set->mask = cap - 1;
  return 0;
}

static void id_set_clear(id_set *set) {
  if (set->slots)
    memset(set->slots, 0, (set->mask + 1) * sizeof *set->slots);
  set->used = 0;
}

/* ---- the table ----------------------------------------------------------------------- */

csto_triples *csto_triples_new(void) { return calloc(1, sizeof(csto_triples)); }

void csto_triples_free(csto_triples *t) {
  if (!t)
    return;
  free(t->chars);
  free(t->terms);
  free(t->term_set.slots);
  free(t->triples);
  free(t->triple_set.slots);
  free(t);
}

void csto_triples_clear(csto_triples *t) {
  t->n_chars = t->n_terms = t->n_triples = 0;
  id_set_clear(&t->term_set);
  id_set_clear(&t->triple_set);
}

/* ---- terms ----------------------------------------------------------------------------- */

typedef struct {
  csto_term_kind kind;
  const char *text;
  size_t len;
  const char *datatype, *lang;
} term_key;

static int same_tag(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

static int term_equals(const csto_triples *t, uint32_t id, const void *key) {
  const term_entry *e = &t->terms[id - 1];
  const term_key *k = key;
  return e->kind == k->kind && e->len == k->len && same_tag(e->datatype, k->datatype) &&
         same_tag(e->lang, k->lang) && memcmp(t->chars + e->offset, k->text, k->len) == 0;
}

static uint64_t term_hash(const csto_triples *t, uint32_t id) { return t->terms[id - 1].hash; }

static uint32_t intern(csto_triples *t, const term_key *k) {
  uint64_t hash = mix(mix(mix(hash_bytes(k->text, k->len), k->kind), hash_tag(k->datatype)),
                      hash_tag(k->lang));
  if (id_set_reserve(t, &t->term_set, term_hash) != 0)
    return 0;
  uint32_t *slot = id_set_find(t, &t->term_set, hash, term_equals, k);
  if (*slot)
    return *slot;
  if (csto_array_reserve_n((void **)&t->chars, &t->cap_chars, t->n_chars, k->len + 1, 1) != 0)
    return 0;
  if (t->n_terms >= UINT32_MAX - 1 ||
      csto_array_reserve((void **)&t->terms, &t->cap_terms, t->n_terms, sizeof *t->terms) != 0)
    return 0;
  memcpy(t->chars + t->n_chars, k->text, k->len);
  t->chars[t->n_chars + k->len] = '\0';
  t->terms[t->n_terms] = (term_entry){t->n_chars, k->len, k->datatype, k->lang, hash, k->kind};
  t->n_chars += k->len + 1;
  t->term_set.used++;
  return *slot = (uint32_t)++t->n_terms;
}

uint32_t csto_triples_iri(csto_triples *t, const char *iri, size_t len) {
  term_key k = {CSTO_TERM_IRI, iri, len, NULL, NULL};
  return intern(t, &k);
}

uint32_t csto_triples_literal(csto_triples *t, const char *text, size_t len,
                              const char *datatype, const char *lang) {
  term_key k = {CSTO_TERM_LITERAL, text, len, datatype, lang};
  return intern(t, &k);
}

csto_term csto_triples_term(const csto_triples *t, uint32_t id) {
  const term_entry *e = &t->terms[id - 1];
  return (csto_term){e->kind, t->chars + e->offset, e->len, e->datatype, e->lang};
}

size_t csto_triples_terms(const csto_triples *t) { return t->n_terms; }

/* ---- triples ----------------------------------------------------------------------------- */

static int triple_equals(const csto_triples *t, uint32_t id, const void *key) {
  const csto_triple *a = &t->triples[id - 1], *b = key;
  return a->s == b->s && a->p == b->p && a->o == b->o;
}

static uint64_t triple_hash(const csto_triples *t, uint32_t id) {
  const csto_triple *x = &t->triples[id - 1];
  return hash_triple(x->s, x->p, x->o);
}

int csto_triples_add(csto_triples *t, uint32_t s, uint32_t p, uint32_t o, uint32_t g) {
  if (!s || !p || !o)
    return 0;
  csto_triple x = {s, p, o, g};
  if (id_set_reserve(t, &t->triple_set, triple_hash) != 0)
    return -1;
  uint32_t *slot = id_set_find(t, &t->triple_set, hash_triple(s, p, o), triple_equals, &x);
  if (*slot)
    return 0;
  if (t->n_triples >= UINT32_MAX - 1 ||
      csto_array_reserve((void **)&t->triples, &t->cap_triples, t->n_triples, sizeof x) != 0)
    return -1;
  t->triples[t->n_triples] = x;
  t->triple_set.used++;
  *slot = (uint32_t)++t->n_triples;
  return 0;
}

size_t csto_triples_count(const csto_triples *t) { return t->n_triples; }

const csto_triple *csto_triples_at(const csto_triples *t, size_t i) { return &t->triples[i]; }

/* ---- the writing order ------------------------------------------------------------------ */

/* Stable counting sort of the indices in from (n of them) by key (a term id, at most
 * n_terms) into to; count has n_terms + 2 slots. Linear in triples and terms. */
static void sort_by_term(const csto_triples *t, const size_t *from, size_t *to, size_t *count,
                         int by_subject) {
  size_t n = t->n_triples;
  memset(count, 0, (t->n_terms + 2) * sizeof *count);
  for (size_t i = 0; i < n; i++) {
    const csto_triple *x = &t->triples[from[i]];
    count[(by_subject ? x->s : x->p) + 1]++;
  }
  for (size_t k = 1; k < t->n_terms + 2; k++)
    count[k] += count[k - 1];
  for (size_t i = 0; i < n; i++) {
    const csto_triple *x = &t->triples[from[i]];
    to[count[by_subject ? x->s : x->p]++] = from[i];
  }
}

/* By subject, then predicate, then the order of addition: by predicate first, then
 * (stably) by subject. */
size_t *csto_triples_order(const csto_triples *t) {
  size_t *order = malloc((t->n_triples + 1) * sizeof *order);
  size_t *by_predicate = malloc((t->n_triples + 1) * sizeof *by_predicate);
  size_t *count = malloc((t->n_terms + 2) * sizeof *count);
  if (order && by_predicate && count) {
    for (size_t i = 0; i < t->n_triples; i++)
      order[i] = i;
    sort_by_term(t, order, by_predicate, count, 0);
    sort_by_term(t, by_predicate, order, count, 1);
  } else {
    free(order);
    order = NULL;
  }
  free(by_predicate);
  free(count);
  return order;
}
