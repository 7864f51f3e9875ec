#include "csto/resolver.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "clause.h"
#include "strmap.h"
#include "csto/normalize.h"

/* ---- entities -------------------------------------------------------------------------- */

/* A title a named person holds in the article (role and completed scope), for finding
 * whom a title alone means. */
typedef struct {
  csto_role role;
  const csto_kb_entity *scope;
  size_t mention;
} held_title;

/* An event as last described: its index, and its last_mention then. */
typedef struct {
  int event;
  size_t mention;
} touch;

typedef struct {
  touch *at;
  size_t n, cap;
} touch_stack;

/* A body's session, the latest by index, for "a session of the Council" named again. */
typedef struct {
  const csto_kb_entity *body;
  int event;
} body_event;

/* What latest() looks for: an event class (GENERIC: any but side talks), or a body's event. */
enum { RECENT_BODY = CSTO_EVENT_CLASS_COUNT, RECENT_KEYS };

/* The stage reads the document's earlier layers and builds its own. */
typedef struct {
  const csto_doc *doc;
  csto_resolution *r;
  held_title *titles; /* by role, scope and mention, once named persons are resolved */
  size_t n_titles;
  touch_stack recent[RECENT_KEYS][2]; /* by key and `next`, see remember() */
  body_event *bodies;
  size_t n_bodies, cap_bodies;
  int *group_at; /* by mention: the group whose list starts there, -1; while groups() works */
} resolver;

/* An allocation failed: the stage reports it once it is done. */
static int out_of_memory(csto_resolution *r) {
  r->out_of_memory = 1;
  return -1;
}

/* Entities by what the resolver looks them up by, so that an article naming thousands of
 * people resolves in linear time: KB entity, type and normalized name of a new entity,
 * and a person's normalized last and first words. */
struct csto_name_index {
  csto_strmap *by_kb, *by_name, *by_last_word, *by_first_word;
};

static int index_open(csto_resolution *r) {
  struct csto_name_index *x = r->names = calloc(1, sizeof *x);
  return x && (x->by_kb = csto_strmap_new()) && (x->by_name = csto_strmap_new()) &&
                 (x->by_last_word = csto_strmap_new()) && (x->by_first_word = csto_strmap_new())
             ? 0
             : -1;
}

static void index_close(csto_resolution *r) {
  if (!r->names)
    return;
  csto_strmap_free(r->names->by_kb);
  csto_strmap_free(r->names->by_name);
  csto_strmap_free(r->names->by_last_word);
  csto_strmap_free(r->names->by_first_word);
  free(r->names);
  r->names = NULL;
}

/* The entity's address in hex, written by hand: snprintf costs more than the lookup. */
static void kb_key(const csto_kb_entity *kb, char key[32]) {
  uintptr_t a = (uintptr_t)kb;
  size_t n = 0;
  do {
    key[n++] = "0123456789abcdef"[a & 15];
    a >>= 4;
  } while (a);
  key[n] = '\0';
}

/* "TYPE|normalized name", or NULL when out of memory. */
static char *name_key(csto_entity_type type, const char *name) {
  char *norm = csto_normalize(name, strlen(name));
  char *key = norm ? malloc(strlen(norm) + 8) : NULL;
  if (key)
    sprintf(key, "%d|%s", (int)type, norm);
  free(norm);
  return key;
}

/* The latest entity under key in map, or -1. */
static int latest_under(const csto_strmap *map, const char *key) {
  const int *values;
  size_t n = key ? csto_strmap_get(map, key, &values) : 0;
  int best = -1;
  for (size_t i = 0; i < n; i++)
    best = values[i] > best ? values[i] : best;
  return best;
}

static void index_words(csto_resolution *r, int e) {
  const char *label = r->entities[e].label, *space = strchr(label, ' ');
  if (r->entities[e].type != CSTO_ENTITY_PERSON || !space)
    return;
  char *last = csto_normalize(strrchr(label, ' ') + 1, strlen(strrchr(label, ' ') + 1));
  char *first = csto_normalize(label, (size_t)(space - label));
  if (!last || !first || csto_strmap_add(r->names->by_last_word, last, e) != 0 ||
      csto_strmap_add(r->names->by_first_word, first, e) != 0)
    out_of_memory(r);
  free(last);
  free(first);
}

/* A new entity goes into the index under everything it may be looked up by. */
static int indexed(csto_resolution *r, int e) {
  if (e < 0)
    return e;
  const csto_doc_entity *ent = &r->entities[e];
  char kb[32], *key = ent->kb ? NULL : name_key(ent->type, ent->label);
  if (ent->kb)
    kb_key(ent->kb, kb);
  if (ent->kb ? csto_strmap_add(r->names->by_kb, kb, e) != 0
              : !key || csto_strmap_add(r->names->by_name, key, e) != 0)
    out_of_memory(r);
  free(key);
  index_words(r, e);
  return e;
}

static int add_entity(csto_resolution *r, const csto_kb_entity *kb, csto_entity_type type,
                      const char *label) {
  if (csto_array_reserve((void **)&r->entities, &r->cap_entities, r->n_entities,
                         sizeof *r->entities) != 0)
    return out_of_memory(r);
  csto_doc_entity *e = &r->entities[r->n_entities];
  memset(e, 0, sizeof *e);
  e->kb = kb;
  e->type = type;
  e->label = strdup(label);
  e->local = kb ? strdup(kb->local) : csto_slug(label, strlen(label));
  e->gender = kb ? kb->gender : CSTO_GENDER_UNKNOWN;
  if (!e->label || !e->local) {
    free(e->label);
    free(e->local);
    return out_of_memory(r);
  }
  return (int)r->n_entities++;
}

static int entity_for_kb(csto_resolution *r, const csto_kb_entity *kb) {
  char key[32];
  kb_key(kb, key);
  int e = latest_under(r->names->by_kb, key);
  return e >= 0 ? e : indexed(r, add_entity(r, kb, kb->type, kb->label));
}

static int same_name(const char *a, const char *b) {
  char *na = csto_normalize(a, strlen(a)), *nb = csto_normalize(b, strlen(b));
  int same = na && nb && strcmp(na, nb) == 0;
  free(na);
  free(nb);
  return same;
}

static int entity_for_name(csto_resolution *r, const char *name, csto_entity_type type) {
  char *key = name_key(type, name);
  int e = key ? latest_under(r->names->by_name, key) : out_of_memory(r);
  free(key);
  return e >= 0 || !key ? e : indexed(r, add_entity(r, NULL, type, name));
}

/* Another spelling of the entity's name, unless it has it already. */
static void keep_alias(csto_resolution *r, int entity, const char *text) {
  csto_doc_entity *e = &r->entities[entity];
  for (size_t i = 0; i < e->n_aliases; i++)
    if (strcmp(e->aliases[i], text) == 0)
      return;
  char **p = realloc(e->aliases, (e->n_aliases + 1) * sizeof *p);
  if (!p) {
    out_of_memory(r);
    return;
  }
  e->aliases = p;
  if ((p[e->n_aliases] = strdup(text)))
    e->n_aliases++;
  else
    out_of_memory(r);
}

static void add_alias(csto_resolution *r, int entity, const char *text) {
  if (!same_name(r->entities[entity].label, text))
    keep_alias(r, entity, text);
}

/* ---- persons ----------------------------------------------------------------------------- */

static const char *last_word(const char *name) {
  const char *space = strrchr(name, ' ');
  return space ? space + 1 : name;
}

/* An earlier person of the article whose surname is this one-word name: the last word
 * of the name, or the first, as Chinese and Korean names put it ("Hu" of "Hu Jintao"). */
static int person_by_surname(const csto_resolution *r, const char *word) {
  char *norm = csto_normalize(word, strlen(word));
  int e = norm ? latest_under(r->names->by_last_word, norm) : -1;
  if (norm && e < 0)
    e = latest_under(r->names->by_first_word, norm);
  free(norm);
  return e;
}

static int title_order(const held_title *a, const held_title *b) {
  if (a->role != b->role)
    return a->role < b->role ? -1 : 1;
  if (a->scope != b->scope)
    return (uintptr_t)a->scope < (uintptr_t)b->scope ? -1 : 1;
  return (a->mention > b->mention) - (a->mention < b->mention);
}

static int by_title(const void *a, const void *b) { return title_order(a, b); }

/* Whether mention i is a named person (not a former holder) its titles may be looked up by. */
static int named_titled(const resolver *rs, size_t i) {
  const csto_mention *p = &rs->doc->mentions[i];
  return p->kind == CSTO_MENTION_PERSON && !p->former && p->name_first < p->name_end &&
         rs->r->links[i].entity >= 0;
}

/* Index the titles of named persons, sorted, so that each title alone finds its holder in
 * log time however many people the article names. */
static void index_titles(resolver *rs) {
  const csto_doc *doc = rs->doc;
  rs->titles = malloc((doc->n_mentions * CSTO_MAX_TITLES + 1) * sizeof *rs->titles);
  if (!rs->titles) {
    out_of_memory(rs->r);
    return;
  }
  for (size_t i = 0; i < doc->n_mentions; i++)
    for (int j = 0; named_titled(rs, i) && j < doc->mentions[i].n_titles; j++)
      rs->titles[rs->n_titles++] =
          (held_title){doc->mentions[i].titles[j].role, rs->r->links[i].title_scope[j], i};
  qsort(rs->titles, rs->n_titles, sizeof *rs->titles, by_title);
}

/* A person the article names with this title (not a former holder's): the nearest before
 * mention k, else the first after it; -1 when none. Named persons are resolved first. */
static int named_holder(const resolver *rs, size_t k, const csto_title *t) {
  held_title key = {t->role, t->scope, k};
  size_t lo = 0, hi = rs->n_titles;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (title_order(&rs->titles[mid], &key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  const held_title *near = lo > 0 ? &rs->titles[lo - 1] : NULL;
  if (!near || near->role != t->role || near->scope != t->scope)
    near = lo < rs->n_titles ? &rs->titles[lo] : NULL;
  if (!near || near->role != t->role || near->scope != t->scope)
    return -1;
  return rs->r->links[near->mention].entity;
}

/* "nominated X for another term as the chairman of Y": after "as", a title alone is the
 * post of the person named last before it in the sentence, or of no one when the knowledge
 * base gives the post to someone else then ("the nomination of X as Board Chairman": a post
 * to come). Returns 0 when no "as" follows a named person, else 1 and *e (-1: no one). */
static int in_capacity(const resolver *rs, size_t k, const csto_title *t, int *e) {
  const csto_mention *m = rs->doc->mentions;
  if (k == 0 || m[k - 1].kind != CSTO_MENTION_CUE || m[k - 1].cue != CSTO_CUE_IN_CAPACITY)
    return 0;
  size_t i = k - 1;
  while (i-- > 0 && m[i].sentence == m[k].sentence)
    if (m[i].kind == CSTO_MENTION_PERSON && m[i].name_first < m[i].name_end)
      break;
  if (i >= k - 1 || m[i].sentence != m[k].sentence)
    return 0;
  *e = rs->r->links[i].entity;
  const csto_kb_holding *h = csto_kb_holder(rs->doc->kb, t->role, t->scope, rs->doc->article->date);
  if (*e >= 0 && h && h->holder != rs->r->entities[*e].kb)
    *e = -1;
  return 1;
}

/* "the Russian leader": who the article gives that title, else who held the post then
 * (the article knows a change the knowledge base may lack). A deputy's or a former
 * holder's title ("deputy foreign ministers of A and B") is not the holder's. */
static int title_holder(resolver *rs, size_t k) {
  const csto_doc *doc = rs->doc;
  const csto_title *t = &doc->mentions[k].titles[0];
  if (t->plural || !t->scope || doc->mentions[k].former)
    return -1;
  /* "the leader of Armenia" after 2018: its prime minister leads, its president is head
   * of state; the title is unclear, and an unclear post is not resolved */
  if (t->vague && csto_kb_led_by_government(t->scope, doc->article->date))
    return -1;
  int named;
  if (in_capacity(rs, k, t, &named))
    return named;
  named = named_holder(rs, k, t);
  if (named >= 0)
    return named;
  const csto_kb_holding *h = csto_kb_holder(doc->kb, t->role, t->scope, doc->article->date);
  return h ? entity_for_kb(rs->r, h->holder) : -1;
}

/* Edit distance of two short strings (bytes), capped at cap + 1. */
static size_t distance(const char *a, const char *b, size_t cap) {
  size_t la = strlen(a), lb = strlen(b), row[64];
  if (la >= 63 || lb >= 63 || (la > lb ? la - lb : lb - la) > cap)
    return cap + 1;
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      diag = up;
      row[j] = best;
    }
  }
  return row[lb];
}

/* "Kazakh President Qasym-Zhomart Toqaev": a spelling the knowledge base lacks of the
 * person who held that very post on the article's date. */
static const csto_kb_entity *titled_variant(const csto_doc *doc, const csto_mention *m,
                                            const char *name) {
  for (int i = 0; i < m->n_titles; i++) {
    if (!m->titles[i].scope)
      continue;
    const csto_kb_holding *h = csto_kb_holder(doc->kb, m->titles[i].role, m->titles[i].scope,
                                              doc->article->date);
    if (!h)
      continue;
    char *a = csto_normalize(last_word(name), strlen(last_word(name)));
    char *b = csto_normalize(last_word(h->holder->label), strlen(last_word(h->holder->label)));
    size_t cap = a && strlen(a) >= 5 ? 2 : 1;
    int close = a && b && a[0] == b[0] ? 0 : 1; /* transliterations keep the first letter */
    close = !close && distance(a, b, cap) <= cap;
    free(a);
    free(b);
    if (close)
      return h->holder;
  }
  return NULL;
}

static int named_person(resolver *rs, const csto_mention *m) {
  const csto_doc *doc = rs->doc;
  csto_resolution *r = rs->r;
  if (m->kb)
    return entity_for_kb(r, m->kb);
  char *name = csto_doc_text(doc, m->name_first, m->name_end);
  if (!name)
    return out_of_memory(r);
  int e = -1;
  if (!strchr(name, ' ')) {
    char *norm = csto_normalize(name, strlen(name));
    const csto_kb_entity *kb = norm ? csto_kb_person_by_surname(doc->kb, norm, doc->article->date) : NULL;
    free(norm);
    if ((e = person_by_surname(r, name)) < 0 && kb)
      e = entity_for_kb(r, kb);
    if (e < 0 && m->n_titles)
      e = entity_for_name(r, name, CSTO_ENTITY_PERSON);
  } else {
    const csto_kb_entity *variant = titled_variant(doc, m, name);
    e = variant ? entity_for_kb(r, variant) : entity_for_name(r, name, CSTO_ENTITY_PERSON);
  }
  if (e >= 0)
    add_alias(r, e, name);
  free(name);
  return e;
}

/* "Shoigu's press secretary": the office of the post the person named right before mention
 * k held on the date. */
static const csto_kb_entity *owner_office(const resolver *rs, size_t k, const csto_title *t) {
  const csto_mention *m = rs->doc->mentions;
  int e = -1;
  for (size_t i = k; t->owned && i-- > 0 && m[i].sentence == m[k].sentence;)
    if (m[i].kind == CSTO_MENTION_PERSON) {
      e = rs->r->links[i].entity;
      break;
    }
  const csto_kb_entity *owner = e >= 0 ? rs->r->entities[e].kb : NULL;
  const csto_kb_holding *h = owner ? csto_kb_post_of(rs->doc->kb, owner, CSTO_ROLE_NONE,
                                                     rs->doc->article->date)
                                   : NULL;
  return h ? csto_kb_office_of(rs->doc->kb, h->post_in, h->role) : NULL;
}

/* Titles without a scope ("President Tokayev") take the post the KB knows on the date,
 * else the office of the person whose title it is ("Shoigu's press secretary"). */
static void complete_titles(resolver *rs, size_t k) {
  const csto_mention *m = &rs->doc->mentions[k];
  csto_link *link = &rs->r->links[k];
  const csto_doc_entity *e = &rs->r->entities[link->entity];
  for (int i = 0; i < m->n_titles; i++) {
    if (link->title_scope[i])
      continue;
    const csto_kb_holding *h = e->kb ? csto_kb_post_of(rs->doc->kb, e->kb, m->titles[i].role,
                                                       rs->doc->article->date)
                                     : NULL;
    link->title_scope[i] = h ? h->post_in : owner_office(rs, k, &m->titles[i]);
  }
}

/* Named persons first (named_only), then titles alone, which may take a name's holder. */
static void resolve_person(resolver *rs, size_t k, int named_only) {
  const csto_mention *m = &rs->doc->mentions[k];
  csto_link *link = &rs->r->links[k];
  int named = m->name_first < m->name_end;
  if (named != named_only)
    return;
  for (int i = 0; i < m->n_titles; i++)
    link->title_scope[i] = m->titles[i].scope;
  if (named)
    link->entity = named_person(rs, m);
  else if (m->n_titles)
    link->entity = title_holder(rs, k);
  if (link->entity < 0)
    return;
  if (m->gender && !rs->r->entities[link->entity].gender)
    rs->r->entities[link->entity].gender = m->gender;
  complete_titles(rs, k);
}

enum { PRONOUN_REACH = 2 /* sentences back a pronoun looks for its person */ };

static int refers_to_person(const csto_mention *p) {
  return p->kind == CSTO_MENTION_PERSON || p->kind == CSTO_MENTION_PRONOUN;
}

/* "X said he will meet Y. Then, he will meet Z": a pronoun that opens its sentence's
 * people is the subject, and refers to the subject of the sentence before (the first
 * person it names, of the pronoun's gender); -1 when that does not apply. */
static int subject_antecedent(const resolver *rs, size_t k) {
  const csto_mention *ms = rs->doc->mentions, *m = &ms[k];
  size_t i = k;
  while (i-- > 0 && ms[i].sentence == m->sentence)
    if (refers_to_person(&ms[i]))
      return -1;
  if (i >= k || ms[i].sentence + 1 != m->sentence)
    return -1;
  size_t first = i + 1;
  while (first > 0 && ms[first - 1].sentence == ms[i].sentence)
    first--;
  for (size_t j = first; j <= i; j++)
    if (refers_to_person(&ms[j])) {
      int e = rs->r->links[j].entity;
      return e >= 0 && rs->r->entities[e].gender == m->gender ? e : -1;
    }
  return -1;
}

static void resolve_pronoun(resolver *rs, size_t k) {
  const csto_mention *mentions = rs->doc->mentions, *m = &mentions[k];
  int fallback = -1;
  if (m->cue == CSTO_CUE_PRONOUN_PLURAL)
    return; /* "they" means a group (groups, below) */
  if ((rs->r->links[k].entity = subject_antecedent(rs, k)) >= 0)
    return;
  for (size_t i = k; i-- > 0;) {
    const csto_mention *p = &mentions[i];
    int e = rs->r->links[i].entity;
    if (p->sentence + PRONOUN_REACH < m->sentence)
      break;
    if (p->kind != CSTO_MENTION_PERSON || e < 0)
      continue;
    csto_gender g = rs->r->entities[e].gender;
    if (g == m->gender) {
      rs->r->links[k].entity = e;
      return;
    }
    if (g == CSTO_GENDER_UNKNOWN && fallback < 0)
      fallback = e;
  }
  /* "he" for a person the KB gives no gender tells it, for the pronouns after it */
  if ((rs->r->links[k].entity = fallback) >= 0)
    rs->r->entities[fallback].gender = m->gender;
}

/* Whether the knowledge base lists the text's spelling for the entity ("Chisinau" for
 * "Chișinău"): then the graph gives it as a label too, and a reader finds the entity by
 * the name the article uses, diacritics and all. A phrase that refers ("the Moldovan
 * capital") is no name; the capitals of a dateline ("MINSK") are no other spelling. */
static int spelled_as(const csto_doc *doc, const csto_mention *m) {
  size_t len = 0;
  for (size_t t = m->first; t < m->end; t++)
    len += strlen(doc->tokens[t].norm) + 1;
  char *phrase = malloc(len + 1), *at = phrase;
  if (!phrase)
    return 0;
  for (size_t t = m->first; t < m->end; t++) /* the gazetteer's key: tokens, one space apart */
    at += sprintf(at, "%s%s", t > m->first ? " " : "", doc->tokens[t].norm);
  const csto_lex_entry *meanings[CSTO_KB_MAX_MEANINGS];
  size_t n = csto_kb_lookup(doc->kb, phrase, meanings, CSTO_KB_MAX_MEANINGS);
  free(phrase);
  const csto_kb_entity *e = m->kb;
  for (size_t i = 0; i < n; i++)
    if (meanings[i]->kind == CSTO_LEX_ENTITY && meanings[i]->entity == e)
      return 1;
  return 0;
}

static void resolve_entity(resolver *rs, size_t k) {
  const csto_mention *m = &rs->doc->mentions[k];
  if (m->kb) {
    int e = rs->r->links[k].entity = entity_for_kb(rs->r, m->kb);
    char *text = m->demonym || e < 0 ? NULL : csto_doc_text(rs->doc, m->first, m->end);
    if (text && strcasecmp(text, rs->r->entities[e].label) != 0 && spelled_as(rs->doc, m))
      keep_alias(rs->r, e, text);
    free(text);
    return;
  }
  char *name = csto_doc_text(rs->doc, m->name_first, m->name_end);
  if (name && *name)
    rs->r->links[k].entity = entity_for_name(rs->r, name, m->type);
  free(name);
}

/* ---- groups: people listed in one place, referred to as a whole in another ---------------- */

enum {
  /* Sentences back a plural reference looks for its list: the one before ("The Presidents
   * of A, X, and B, Y, will not attend E1, but they will take part in E2"). */
  GROUP_REACH = 1,
};

/* A plural phrase that names people without listing them: "the heads of state", "the
 * heads of the CIS states", "they"; not "the leaders of A and B" (a list itself). */
static int plural_reference(const csto_mention *m) {
  if (m->kind == CSTO_MENTION_PRONOUN)
    return m->cue == CSTO_CUE_PRONOUN_PLURAL;
  return m->kind == CSTO_MENTION_PERSON && m->n_titles && m->titles[0].plural &&
         m->name_first == m->name_end &&
         !(m->titles[0].scope && m->titles[0].scope->type == CSTO_ENTITY_COUNTRY);
}

static int list_part(const csto_mention *m) {
  return (m->kind == CSTO_MENTION_PERSON && !plural_reference(m)) ||
         csto_is_cue(m, CSTO_CUE_LIST_SEPARATOR);
}

/* Whether person mention k fits a reference with this title (NULL: a pronoun, anyone). */
static int fits(const resolver *rs, size_t k, const csto_title *t) {
  const csto_mention *m = &rs->doc->mentions[k];
  if (!t)
    return 1;
  for (int i = 0; i < m->n_titles; i++)
    if (m->titles[i].role == t->role && !m->titles[i].plural)
      return 1;
  return 0;
}

/* The list that starts at mention k: persons with only list separators between them, two
 * at least, each fitting the title. Returns the mention after it, or k when none starts. */
static size_t list_at(const resolver *rs, size_t k, const csto_title *t) {
  const csto_mention *ms = rs->doc->mentions;
  if (ms[k].kind != CSTO_MENTION_PERSON || !list_part(&ms[k]))
    return k;
  size_t end = k, persons = 0;
  for (size_t i = k; i < rs->doc->n_mentions && ms[i].sentence == ms[k].sentence && list_part(&ms[i]); i++) {
    if (ms[i].kind != CSTO_MENTION_PERSON)
      continue;
    if (!fits(rs, i, t))
      return k;
    persons += rs->r->links[i].entity >= 0;
    end = i + 1;
  }
  return persons >= 2 ? end : k;
}

/* The group of the list [first, end), made once. Where a list starts tells the group: its
 * end does not depend on the title (list_at), and the people in it are resolved already. */
static int add_group(resolver *rs, size_t first, size_t end) {
  csto_resolution *r = rs->r;
  if (rs->group_at[first] >= 0)
    return rs->group_at[first];
  if (csto_array_reserve((void **)&r->groups, &r->cap_groups, r->n_groups, sizeof *r->groups))
    return out_of_memory(r);
  r->groups[r->n_groups] = (csto_doc_group){first, end};
  return rs->group_at[first] = (int)r->n_groups++;
}

/* The list a plural reference k means: the nearest before it (its own sentence or the one
 * before), else, for a title, one in the next sentence ("The heads of the CIS states
 * arrived. The council includes the leaders of A, B and C"). */
static int group_of(resolver *rs, size_t k) {
  const csto_mention *ms = rs->doc->mentions, *m = &ms[k];
  const csto_title *t = m->kind == CSTO_MENTION_PERSON ? &m->titles[0] : NULL;
  size_t best = k, best_end = k, from, to;
  /* Lists start no earlier than GROUP_REACH sentences back: a long article stays linear. */
  csto_sentence_mentions(rs->doc, m->sentence > GROUP_REACH ? m->sentence - GROUP_REACH : 0,
                         &from, &to);
  for (size_t i = from; i < k; i++) {
    size_t end;
    if ((end = list_at(rs, i, t)) == i)
      continue;
    best = i;
    best_end = end;
    i = end - 1;
  }
  for (size_t i = k + 1; best == k && t && i < rs->doc->n_mentions && ms[i].sentence <= m->sentence + 1; i++)
    if ((best_end = list_at(rs, i, t)) > i)
      best = i;
  return best == k ? -1 : add_group(rs, best, best_end);
}

static void groups(resolver *rs) {
  if (!(rs->group_at = malloc((rs->doc->n_mentions + 1) * sizeof *rs->group_at))) {
    out_of_memory(rs->r);
    return;
  }
  for (size_t k = 0; k < rs->doc->n_mentions; k++)
    rs->group_at[k] = -1;
  for (size_t k = 0; k < rs->doc->n_mentions; k++)
    if (plural_reference(&rs->doc->mentions[k]) && rs->r->links[k].entity < 0)
      rs->r->links[k].group = group_of(rs, k);
  free(rs->group_at);
}

/* ---- events ------------------------------------------------------------------------------- */

static const csto_kb_entity *root(const csto_kb_entity *e) { return e->part_of ? e->part_of : e; }

static int same_orgs(const csto_kb_entity *const *a, int na, const csto_kb_entity *const *b, int nb) {
  for (int i = 0; i < na; i++) {
    int found = 0;
    for (int j = 0; j < nb; j++)
      found |= root(a[i]) == root(b[j]);
    if (!found)
      return 0;
  }
  return 1;
}

static const csto_kb_entity *body_of(const csto_kb_entity *const *orgs, int n) {
  for (int i = 0; i < n; i++)
    if (orgs[i]->type == CSTO_ENTITY_BODY)
      return orgs[i];
  return NULL;
}

static int specific(csto_event_class c) {
  return c == CSTO_EVENT_MEETING || c == CSTO_EVENT_SUMMIT || c == CSTO_EVENT_TALKS ||
         c == CSTO_EVENT_CONFERENCE;
}

static int compatible(const csto_resolution *r, const csto_doc_event *e, const csto_mention *m) {
  const csto_kb_entity *mb = body_of(m->orgs, m->n_orgs), *eb = body_of(e->orgs, e->n_orgs);
  if (e->next)
    return 0;
  if (mb && eb && mb != eb)
    return 0;
  if (m->n_orgs && e->n_orgs &&
      !(same_orgs(m->orgs, m->n_orgs, e->orgs, e->n_orgs) && same_orgs(e->orgs, e->n_orgs, m->orgs, m->n_orgs)))
    return 0;
  /* The noun "meeting" alone also names a summit; a class a body or the participants
   * give does not change. */
  int m_specific = specific(m->event_class) &&
                   !(m->event_class == CSTO_EVENT_MEETING && !mb && !m->participants);
  /* "meetings of the CSTO and the CIS" ... "the CIS summit": one organization's meeting */
  int e_specific = specific(e->event_class) &&
                   !(e->event_class == CSTO_EVENT_MEETING && !eb && !e->participants &&
                     e->n_orgs && m->n_orgs);
  if (m_specific && e_specific && m->event_class != e->event_class)
    return 0;
  if (m->participants && e->participants && !(m->participants & e->participants))
    return 0;
  if (m->place && e->place >= 0 && r->entities[e->place].kb != m->place)
    return 0;
  return 1;
}

static int add_event(csto_resolution *r, csto_event_class cls, size_t last_mention) {
  if (csto_array_reserve((void **)&r->events, &r->cap_events, r->n_events, sizeof *r->events))
    return out_of_memory(r);
  csto_doc_event *e = &r->events[r->n_events];
  memset(e, 0, sizeof *e);
  e->event_class = cls;
  e->place = e->place_mention = e->mode_mention = e->series = -1;
  e->last_mention = last_mention;
  return (int)r->n_events++;
}

/* What a description tells of its event: organizers, participants, place, mode. */
static void describe(csto_resolution *r, csto_doc_event *e, const csto_mention *m, size_t k) {
  for (int i = 0; i < m->n_orgs; i++) {
    int have = 0;
    for (int j = 0; j < e->n_orgs; j++)
      have |= e->orgs[j] == m->orgs[i];
    if (!have && e->n_orgs < CSTO_MAX_EVENT_ORGS)
      e->orgs[e->n_orgs++] = m->orgs[i];
  }
  e->participants |= m->participants;
  if (m->mode) {
    e->mode = m->mode; /* "the online session" */
    e->mode_mention = (int)k;
  }
  if (m->place && e->place < 0) {
    e->place = entity_for_kb(r, m->place);
    e->place_mention = (int)k;
  }
  e->last_mention = k;
}

static int new_event(csto_resolution *r, const csto_mention *m, size_t k) {
  int i = add_event(r, m->event_class == CSTO_EVENT_GENERIC ? CSTO_EVENT_MEETING : m->event_class, k);
  if (i >= 0) {
    r->events[i].next = m->next;
    describe(r, &r->events[i], m, k);
  }
  return i;
}

/* Fold a further description into the event it refers to. */
static void merge(csto_resolution *r, csto_doc_event *e, const csto_mention *m, size_t k) {
  /* "the summit" may name a meeting of leaders; a body's own class stays. */
  if (m->event_class == CSTO_EVENT_SUMMIT && !body_of(e->orgs, e->n_orgs) &&
      !body_of(m->orgs, m->n_orgs))
    e->event_class = CSTO_EVENT_SUMMIT;
  describe(r, e, m, k);
}

/* Whether event e is one recent(key, next) looks for. */
static int keyed(const csto_doc_event *e, int key, int next) {
  if (e->next != next)
    return 0;
  if (key == RECENT_BODY)
    return body_of(e->orgs, e->n_orgs) != NULL;
  return key == CSTO_EVENT_GENERIC ? e->event_class != CSTO_EVENT_TALKS
                                   : e->event_class == (csto_event_class)key;
}

/* The event of the key with the greatest last_mention, the lowest index among equals; -1.
 * Exact, in amortized constant time: events change (class, orgs, next, last_mention) only
 * in the resolve_event call of a mention k, which sets their last_mention to k, the
 * greatest yet, and then pushes them (remember), lowest index last. So each stack holds,
 * from its top, its events by last_mention descending, then index ascending; an entry
 * whose event was described again since, or no longer has the key, is stale for good. */
static int recent(resolver *rs, int key, int next) {
  touch_stack *s = &rs->recent[key][next];
  for (; s->n > 0; s->n--) {
    touch t = s->at[s->n - 1];
    const csto_doc_event *e = &rs->r->events[t.event];
    if (e->last_mention == t.mention && keyed(e, key, next))
      return t.event;
  }
  return -1;
}

/* The latest event of a class; for any class, not side talks: "the event", "the
 * ceremony" after "X held talks with Y" still mean the summit. A "next" meeting is
 * meant only when the article has spoken of no other ("X will take part in the next
 * meeting of the Council. The event will be chaired by Y"). */
static int latest(resolver *rs, csto_event_class cls) {
  int e = recent(rs, cls, 0);
  return e >= 0 ? e : recent(rs, cls, 1);
}

static int latest_of_body(resolver *rs) { return recent(rs, RECENT_BODY, 0); }

/* The body's entry, or NULL. The bodies an article names are few (the knowledge
 * base's), so a list does. */
static body_event *body_found(const resolver *rs, const csto_kb_entity *body) {
  for (size_t i = 0; i < rs->n_bodies; i++)
    if (rs->bodies[i].body == body)
      return &rs->bodies[i];
  return NULL;
}

/* The entry of the body, added if new; NULL when out of memory. */
static body_event *body_entry(resolver *rs, const csto_kb_entity *body) {
  body_event *b = body_found(rs, body);
  if (b)
    return b;
  if (csto_array_reserve((void **)&rs->bodies, &rs->cap_bodies, rs->n_bodies, sizeof *rs->bodies))
    return NULL;
  rs->bodies[rs->n_bodies] = (body_event){body, -1};
  return &rs->bodies[rs->n_bodies++];
}

/* The body's event with the greatest index, or -1. An event's body, once it has one
 * after its resolve_event call, stays: descriptions only add organizations after the
 * first, and a series' parts lose theirs only in the call that makes them. */
static int latest_by_index(const resolver *rs, const csto_kb_entity *body) {
  const body_event *b = body_found(rs, body);
  return b ? b->event : -1;
}

/* Events [from, to), just described at one mention, for recent() and latest_by_index(). */
static void remember(resolver *rs, size_t from, size_t to) {
  for (size_t i = to; i-- > from;) {
    const csto_doc_event *e = &rs->r->events[i];
    for (int key = 0; key < RECENT_KEYS; key++)
      for (int next = 0; next < 2; next++) {
        touch_stack *s = &rs->recent[key][next];
        if (!keyed(e, key, next))
          continue;
        if (csto_array_reserve((void **)&s->at, &s->cap, s->n, sizeof *s->at)) {
          out_of_memory(rs->r);
          return;
        }
        s->at[s->n++] = (touch){(int)i, e->last_mention};
      }
    const csto_kb_entity *body = body_of(e->orgs, e->n_orgs);
    body_event *b = body ? body_entry(rs, body) : NULL;
    if (body && !b)
      out_of_memory(rs->r);
    else if (b && b->event < (int)i)
      b->event = (int)i;
  }
}

/* Only resolve_event asks: the events the verbs make later need none of this. */
static void forget(resolver *rs) {
  for (int key = 0; key < RECENT_KEYS; key++)
    for (int next = 0; next < 2; next++)
      free(rs->recent[key][next].at);
  free(rs->bodies);
}

/* The event a description refers back to, or -1 for a new one. A body's session named
 * again with "a" is the one spoken of, unless its clause speaks of the past ("a session
 * of the Council was held in Minsk last year"): rejoin says it does not. */
static int referent(resolver *rs, const csto_mention *m, int rejoin) {
  const csto_resolution *r = rs->r;
  int described = m->n_orgs || m->place || m->participants;
  /* A bare "bilateral talks" (no article, nothing to identify it) is a new event; "a
   * narrow-format meeting" is a session of the event spoken of, and "a meeting resolution"
   * (the article is the resolution's) names it. */
  int known = m->format || m->modifier;
  /* "a session of the Council of CIS Defense Ministers" after "the session of the
   * Council of CIS Defense Ministers": a body's session named again */
  int same_body = rejoin && m->indefinite && body_of(m->orgs, m->n_orgs);
  if (m->next || (m->indefinite && !known && !same_body) || (!m->definite && !known && !described))
    return -1;
  if (same_body) {
    int i = latest_by_index(rs, body_of(m->orgs, m->n_orgs));
    return i >= 0 && compatible(r, &r->events[i], m) ? i : -1;
  }
  if (described) {
    for (size_t i = r->n_events; i-- > 0;)
      if (compatible(r, &r->events[i], m))
        return (int)i;
    return -1;
  }
  int e;
  if (m->event_class == CSTO_EVENT_SESSION && (e = latest_of_body(rs)) >= 0)
    return e; /* "today's session": a council's session, if one was spoken of */
  csto_event_class cls = specific(m->event_class) && !m->format ? m->event_class : CSTO_EVENT_GENERIC;
  return (e = latest(rs, cls)) >= 0 ? e : latest(rs, CSTO_EVENT_GENERIC);
}

/* Whether mention i is a city right after "in": one place of a list ("in Moscow in
 * October, as well as in Kazan"); a country after its city ("in Goa, India") is not. */
static int listed_city(const csto_resolution *r, const csto_doc *doc, size_t i) {
  const csto_mention *m = &doc->mentions[i];
  return m->kind == CSTO_MENTION_ENTITY && m->type == CSTO_ENTITY_CITY && !m->demonym &&
         r->links[i].entity >= 0 && i > 0 && csto_is_cue(&doc->mentions[i - 1], CSTO_CUE_PLACE_PREP);
}

/* Part n of the events that the plural description of event e stands for: e itself, then a
 * copy of it; -1 when out of memory. e is the latest event, so its parts follow it. */
static int series_part(csto_resolution *r, int e, int n) {
  int part = e;
  if (n > 0) {
    csto_doc_event whole = r->events[e];
    if ((part = add_event(r, whole.event_class, whole.last_mention)) < 0)
      return -1;
    r->events[part] = whole;
  }
  r->events[part].series = e;
  return part;
}

/* "the next meetings will be held in Moscow, in Kazan and in Ashgabat": a plural meeting
 * held in several cities is one event in each; the new event k named gets the first city,
 * each further one an event of its own. Talks are plural as a word only. */
static void split_by_cities(resolver *rs, size_t k, size_t hi) {
  const csto_mention *m = &rs->doc->mentions[k];
  csto_resolution *r = rs->r;
  int e = r->links[k].event;
  if (!m->plural || m->event_class == CSTO_EVENT_TALKS || m->place || r->events[e].place >= 0 ||
      r->events[e].series >= 0)
    return;
  int cities = 0;
  for (size_t i = k + 1; i < hi; i++)
    cities += listed_city(r, rs->doc, i);
  if (cities < 2)
    return;
  int n = 0;
  for (size_t i = k + 1; i < hi; i++) {
    if (!listed_city(r, rs->doc, i))
      continue;
    int part = series_part(r, e, n++);
    if (part < 0)
      return;
    r->events[part].place = r->links[i].entity;
    r->events[part].place_mention = (int)i;
  }
}

static int distinct_organizations(const csto_mention *m) {
  for (int i = 0; i < m->n_orgs; i++)
    for (int j = 0; j < i; j++)
      if (root(m->orgs[i]) == root(m->orgs[j]))
        return 0;
  return m->n_orgs >= 2;
}

/* "informal meetings of the heads of the CSTO and the CIS": a plural meeting of several
 * organizations, not a joint one, is a meeting of each. */
static void split_by_organizations(csto_resolution *r, const csto_mention *m, int e) {
  if (!m->plural || m->event_class == CSTO_EVENT_TALKS || m->joint || !distinct_organizations(m))
    return;
  for (int i = 0; i < m->n_orgs; i++) {
    int part = series_part(r, e, i);
    if (part < 0)
      return;
    r->events[part].orgs[0] = m->orgs[i];
    r->events[part].n_orgs = 1;
  }
}

/* "an expert meeting on preparations for the Meeting of ...": the event prepared for is
 * not the one named before it in the clause, but a later one, like "the next meeting". */
static int prepared_for(const resolver *rs, size_t k, size_t lo, int e) {
  if (k == 0 || !csto_is_cue(&rs->doc->mentions[k - 1], CSTO_CUE_PREPARATION))
    return 0;
  for (size_t i = lo; i < k; i++)
    if (rs->doc->mentions[i].kind == CSTO_MENTION_EVENT && rs->r->links[i].event == e)
      return 1;
  return 0;
}

static void resolve_event(resolver *rs, size_t k) {
  const csto_mention *m = &rs->doc->mentions[k];
  if (m->event_class == CSTO_EVENT_PLURAL)
    return;
  size_t from, to, lo, hi;
  csto_sentence_mentions(rs->doc, m->sentence, &from, &to);
  csto_clause(rs->doc, k, from, to, &lo, &hi);
  /* "had never hosted a CIS summit": no summit in particular */
  if (m->indefinite && !m->format && !m->modifier && csto_negated(rs->doc, lo, k))
    return;
  int rejoin = 1;
  for (size_t i = lo; i < hi; i++)
    rejoin &= !csto_is_cue(&rs->doc->mentions[i], CSTO_CUE_PREVIOUS);
  int e = referent(rs, m, rejoin), later = e >= 0 && prepared_for(rs, k, lo, e);
  size_t first_new = rs->r->n_events;
  if (e >= 0 && !later) {
    merge(rs->r, &rs->r->events[e], m, k);
    rs->r->links[k].event = e;
    remember(rs, (size_t)e, (size_t)e + 1);
  } else if ((rs->r->links[k].event = new_event(rs->r, m, k)) >= 0) {
    rs->r->events[rs->r->links[k].event].next |= later; /* "the meeting" after it is not it */
    split_by_organizations(rs->r, m, rs->r->links[k].event);
    split_by_cities(rs, k, hi);
    remember(rs, first_new, rs->r->n_events);
  }
}

/* ---- events the verbs make, and what a sentence says of a whole event --------------------- */

/* The document as resolved so far, for the clause helpers the extractors share. */
static csto_doc view_of(const resolver *rs) {
  csto_doc view = *rs->doc;
  view.entities = rs->r->entities;
  view.n_entities = rs->r->n_entities;
  view.events = rs->r->events;
  view.n_events = rs->r->n_events;
  view.links = rs->r->links;
  return view;
}

static int person_in(const csto_doc *view, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i++)
    if (csto_person_of(view, i) >= 0)
      return 1;
  return 0;
}

/* People named only by an office they share ("Secretaries of the Security Councils")
 * resolve to no one, yet they are people. */
static int people_in(const csto_doc *view, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i++)
    if (view->mentions[i].kind == CSTO_MENTION_PERSON || csto_person_of(view, i) >= 0)
      return 1;
  return 0;
}

/* The event the same word already names ("ministers of the CSTO met": the body's meeting). */
static int same_word_event(const csto_doc *view, size_t k, size_t from, size_t to) {
  for (size_t i = from; i < to; i++) {
    const csto_mention *m = &view->mentions[i];
    if (m->kind == CSTO_MENTION_EVENT && m->first == view->mentions[k].first &&
        m->end == view->mentions[k].end && view->links[i].event >= 0)
      return view->links[i].event;
  }
  return -1;
}

/* "X met with Y": the verb names new talks when people stand on both sides of it; Y
 * must be someone the article identifies. */
static void meeting_verbs(resolver *rs) {
  for (size_t s = 0; s < rs->doc->n_sentences; s++) {
    csto_doc view = view_of(rs);
    size_t from, to, lo, hi;
    csto_sentence_mentions(&view, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      if (!csto_is_cue(&view.mentions[k], CSTO_CUE_MEET))
        continue;
      csto_clause(&view, k, from, to, &lo, &hi);
      if (csto_negated(&view, lo, k + 1) || !people_in(&view, lo, k) || !person_in(&view, k + 1, hi))
        continue;
      int same = same_word_event(&view, k, from, to);
      rs->r->links[k].event = same >= 0 ? same : add_event(rs->r, CSTO_EVENT_TALKS, k);
      view = view_of(rs);
    }
  }
}

static int has_attendance_cue(const csto_doc *doc, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i++) {
    const csto_mention *m = &doc->mentions[i];
    if (m->kind == CSTO_MENTION_CUE &&
        (m->cue == CSTO_CUE_ATTEND_ACTIVE || m->cue == CSTO_CUE_ATTEND_PASSIVE ||
         m->cue == CSTO_CUE_SPEAK || m->cue == CSTO_CUE_ARRIVE || m->cue == CSTO_CUE_REPRESENT))
      return 1;
  }
  return 0;
}

static void set_mode(resolver *rs, const csto_doc *view, int ev, csto_mode mode, size_t k) {
  if (ev < 0)
    return;
  csto_doc_event *e = &rs->r->events[view->links[ev].event];
  e->mode = mode;
  e->mode_mention = (int)k;
}

/* Event-wide modes: people "gathered in" a place meet in person; a mode said of the
 * event itself ("will take place on November 10 as a video conference") holds for all. */
static void event_modes(resolver *rs) {
  csto_doc view = view_of(rs);
  for (size_t s = 0; s < view.n_sentences; s++) {
    size_t from, to, lo, hi;
    csto_sentence_mentions(&view, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      const csto_mention *m = &view.mentions[k];
      csto_clause(&view, k, from, to, &lo, &hi);
      if (m->cue == CSTO_CUE_GATHER && k + 1 < hi &&
          csto_is_cue(&view.mentions[k + 1], CSTO_CUE_PLACE_PREP))
        set_mode(rs, &view, m->kind == CSTO_MENTION_EVENT ? (int)k : csto_event_after(&view, k, hi),
                 CSTO_MODE_IN_PERSON, k);
      else if (m->kind == CSTO_MENTION_MODE && !has_attendance_cue(&view, lo, hi))
        set_mode(rs, &view, csto_clause_event_before(&view, from, lo, k), m->mode, k);
    }
  }
}

/* ---- the knowledge-base entities facts may name ----------------------------------------- */

/* The extractors read the resolved document and add nothing to it, so every KB entity a
 * fact may name gets its document entity here: titles' scopes, organizations' bodies. */
static void kb_entities(resolver *rs) {
  const csto_doc *doc = rs->doc;
  for (size_t k = 0; k < doc->n_mentions; k++) {
    const csto_mention *m = &doc->mentions[k];
    for (int i = 0; m->kind == CSTO_MENTION_PERSON && i < m->n_titles; i++)
      if (rs->r->links[k].title_scope[i])
        entity_for_kb(rs->r, rs->r->links[k].title_scope[i]);
    if (m->kind == CSTO_MENTION_ENTITY && m->kb)
      entity_for_kb(rs->r, root(m->kb));
    for (int i = 0; m->kind == CSTO_MENTION_EVENT && i < m->n_orgs; i++)
      entity_for_kb(rs->r, root(m->orgs[i]));
  }
  for (size_t e = 0; e < rs->r->n_events; e++)
    for (int i = 0; i < rs->r->events[e].n_orgs; i++)
      entity_for_kb(rs->r, root(rs->r->events[e].orgs[i]));
}

/* The KB entities in order of address, so that extractors find one in log time. */
typedef struct {
  uintptr_t kb;
  int entity;
} kb_place;

static int by_address(const void *a, const void *b) {
  const kb_place *x = a, *y = b;
  return (x->kb > y->kb) - (x->kb < y->kb);
}

static void sort_by_kb(csto_resolution *r) {
  kb_place *places = malloc((r->n_entities + 1) * sizeof *places);
  r->by_kb = malloc((r->n_entities + 1) * sizeof *r->by_kb);
  if (!places || !r->by_kb) {
    free(places);
    out_of_memory(r);
    return;
  }
  for (size_t i = 0; i < r->n_entities; i++)
    if (r->entities[i].kb)
      places[r->n_by_kb++] = (kb_place){(uintptr_t)r->entities[i].kb, (int)i};
  qsort(places, r->n_by_kb, sizeof *places, by_address);
  for (size_t i = 0; i < r->n_by_kb; i++)
    r->by_kb[i] = places[i].entity;
  free(places);
}

/* ---- who meets: what makes two articles' meetings one ----------------------------------- */

/* Whether the event names a body of organization org ("the CSTO summit" and "the
 * Collective Security Council" in one article: the council meets). */
static int body_named(const csto_doc_event *e, const csto_kb_entity *org) {
  for (int i = 0; i < e->n_orgs; i++)
    if (e->orgs[i]->part_of == org)
      return 1;
  return 0;
}

static void add_meeting_party(csto_doc_event *e, const csto_kb_entity *x) {
  for (int i = 0; i < e->n_meets; i++)
    if (e->meets[i] == x)
      return;
  int at = e->n_meets++;
  for (; at > 0 && strcmp(e->meets[at - 1]->iri, x->iri) > 0; at--)
    e->meets[at] = e->meets[at - 1];
  e->meets[at] = x;
}

/* The participants no body named has as members. */
static unsigned unseated(const csto_doc_event *e) {
  unsigned seated = 0;
  for (int i = 0; i < e->n_orgs; i++)
    if (e->orgs[i]->member_role)
      seated |= 1u << e->orgs[i]->member_role;
  return e->participants & ~seated;
}

static void who_meets(const csto_kb *kb, csto_doc_event *e) {
  unsigned others = unseated(e);
  for (int i = 0; i < e->n_orgs; i++) {
    const csto_kb_entity *o = e->orgs[i], *body;
    if (o->type == CSTO_ENTITY_BODY) {
      add_meeting_party(e, o);
      /* "the joint session of the Council of Defence Ministers and the Council of Foreign
       * Ministers of the CSTO": the defence ministers are the CSTO's council too */
      if (others && o->part_of &&
          (body = csto_kb_meeting_body(kb, o->part_of, e->event_class, others)))
        add_meeting_party(e, body);
    } else if (!body_named(e, o))
      add_meeting_party(
          e, (body = csto_kb_meeting_body(kb, o, e->event_class, e->participants)) ? body : o);
  }
}

/* ---- the stage ------------------------------------------------------------------------------ */

/* A link per mention, nothing resolved yet; a person's points to its share of title_scopes. */
static int open_links(const csto_doc *doc, csto_resolution *r) {
  size_t persons = 0;
  for (size_t k = 0; k < doc->n_mentions; k++)
    persons += doc->mentions[k].kind == CSTO_MENTION_PERSON;
  r->links = malloc((doc->n_mentions + 1) * sizeof *r->links);
  r->title_scopes = calloc(persons * CSTO_MAX_TITLES + 1, sizeof *r->title_scopes);
  if (!r->links || !r->title_scopes)
    return -1;
  const csto_kb_entity **scopes = r->title_scopes;
  for (size_t k = 0; k < doc->n_mentions; k++) {
    int person = doc->mentions[k].kind == CSTO_MENTION_PERSON;
    r->links[k] = (csto_link){.entity = -1, .event = -1, .group = -1,
                              .title_scope = person ? scopes : NULL};
    scopes += person ? CSTO_MAX_TITLES : 0;
  }
  return 0;
}

csto_status csto_resolve(const csto_doc *doc, csto_resolution *out, csto_error *err) {
  memset(out, 0, sizeof *out);
  if (open_links(doc, out) != 0 || index_open(out) != 0) {
    index_close(out);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  resolver rs = {.doc = doc, .r = out};
  for (size_t k = 0; k < doc->n_mentions; k++) {
    switch (doc->mentions[k].kind) {
    case CSTO_MENTION_PERSON: resolve_person(&rs, k, 1); break;
    case CSTO_MENTION_ENTITY: resolve_entity(&rs, k); break;
    default: break;
    }
  }
  index_titles(&rs);
  for (size_t k = 0; k < doc->n_mentions; k++) {
    switch (doc->mentions[k].kind) {
    case CSTO_MENTION_PERSON: resolve_person(&rs, k, 0); break;
    case CSTO_MENTION_PRONOUN: resolve_pronoun(&rs, k); break;
    default: break;
    }
  }
  free(rs.titles);
  groups(&rs);
  for (size_t k = 0; k < doc->n_mentions; k++)
    if (doc->mentions[k].kind == CSTO_MENTION_EVENT)
      resolve_event(&rs, k);
  forget(&rs);
  meeting_verbs(&rs);
  event_modes(&rs);
  for (size_t e = 0; e < out->n_events; e++)
    who_meets(doc->kb, &out->events[e]);
  kb_entities(&rs);
  sort_by_kb(out);
  index_close(out);
  return out->out_of_memory ? csto_error_set(err, CSTO_ERR_NOMEM, "out of memory") : CSTO_OK;
}
