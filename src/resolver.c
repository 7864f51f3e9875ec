#include "csto/resolver.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "csto/normalize.h"

/* ---- entities -------------------------------------------------------------------------- */

static int add_entity(csto_doc *doc, const csto_kb_entity *kb, csto_entity_type type,
                      const char *label) {
  if (csto_array_reserve((void **)&doc->entities, &doc->cap_entities, doc->n_entities,
                         sizeof *doc->entities) != 0)
    return -1;
  csto_doc_entity *e = &doc->entities[doc->n_entities];
  memset(e, 0, sizeof *e);
  e->kb = kb;
  e->type = type;
  e->label = strdup(label);
  e->local = kb ? strdup(kb->local) : csto_slug(label, strlen(label));
  e->gender = kb ? kb->gender : CSTO_GENDER_UNKNOWN;
  if (!e->label || !e->local) {
    free(e->label);
    free(e->local);
    return -1;
  }
  return (int)doc->n_entities++;
}

int csto_doc_entity_for_kb(csto_doc *doc, const csto_kb_entity *kb) {
  for (size_t i = 0; i < doc->n_entities; i++)
    if (doc->entities[i].kb == kb)
      return (int)i;
  return add_entity(doc, kb, kb->type, kb->label);
}

static int same_name(const char *a, const char *b) {
  char *na = csto_normalize(a, strlen(a)), *nb = csto_normalize(b, strlen(b));
  int same = na && nb && strcmp(na, nb) == 0;
  free(na);
  free(nb);
  return same;
}

int csto_doc_entity_for_name(csto_doc *doc, const char *name, csto_entity_type type) {
  for (size_t i = 0; i < doc->n_entities; i++)
    if (!doc->entities[i].kb && doc->entities[i].type == type && same_name(doc->entities[i].label, name))
      return (int)i;
  return add_entity(doc, NULL, type, name);
}

static void add_alias(csto_doc_entity *e, const char *text) {
  if (same_name(e->label, text))
    return;
  for (size_t i = 0; i < e->n_aliases; i++)
    if (strcmp(e->aliases[i], text) == 0)
      return;
  char **p = realloc(e->aliases, (e->n_aliases + 1) * sizeof *p);
  if (!p)
    return;
  e->aliases = p;
  if ((p[e->n_aliases] = strdup(text)))
    e->n_aliases++;
}

/* ---- persons ----------------------------------------------------------------------------- */

static const char *last_word(const char *name) {
  const char *space = strrchr(name, ' ');
  return space ? space + 1 : name;
}

static char *first_word(const char *name) {
  const char *space = strchr(name, ' ');
  return space ? strndup(name, (size_t)(space - name)) : NULL;
}

/* An earlier person of the article whose surname is this one-word name: the last word
 * of the name, or the first, as Chinese and Korean names put it ("Hu" of "Hu Jintao"). */
static int person_by_surname(const csto_doc *doc, const char *word) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = doc->n_entities; i-- > 0;) {
      const csto_doc_entity *e = &doc->entities[i];
      if (e->type != CSTO_ENTITY_PERSON || !strchr(e->label, ' '))
        continue;
      char *first = pass ? first_word(e->label) : NULL;
      int hit = same_name(pass ? first : last_word(e->label), word);
      free(first);
      if (hit)
        return (int)i;
    }
  return -1;
}

static int has_title(const csto_mention *m, csto_role role, const csto_kb_entity *scope) {
  for (int i = 0; i < m->n_titles; i++)
    if (m->titles[i].role == role && m->titles[i].scope == scope)
      return 1;
  return 0;
}

/* "the Russian leader": who held the post then, or who the article gave that title. */
static int title_holder(csto_doc *doc, const csto_mention *m, size_t upto) {
  const csto_title *t = &m->titles[0];
  if (t->plural || !t->scope)
    return -1;
  const csto_kb_holding *h = csto_kb_holder(doc->kb, t->role, t->scope, doc->article->date);
  if (h)
    return csto_doc_entity_for_kb(doc, h->holder);
  for (size_t i = upto; i-- > 0;) {
    const csto_mention *p = &doc->mentions[i];
    if (p->kind == CSTO_MENTION_PERSON && p->entity >= 0 && has_title(p, t->role, t->scope))
      return p->entity;
  }
  return -1;
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

static int named_person(csto_doc *doc, csto_mention *m) {
  if (m->kb)
    return csto_doc_entity_for_kb(doc, m->kb);
  char *name = csto_doc_text(doc, m->name_first, m->name_end);
  if (!name)
    return -1;
  int e = -1;
  if (!strchr(name, ' ')) {
    char *norm = csto_normalize(name, strlen(name));
    const csto_kb_entity *kb = norm ? csto_kb_person_by_surname(doc->kb, norm, doc->article->date) : NULL;
    free(norm);
    if ((e = person_by_surname(doc, name)) < 0 && kb)
      e = csto_doc_entity_for_kb(doc, kb);
    if (e < 0 && m->n_titles)
      e = csto_doc_entity_for_name(doc, name, CSTO_ENTITY_PERSON);
  } else {
    const csto_kb_entity *variant = titled_variant(doc, m, name);
    e = variant ? csto_doc_entity_for_kb(doc, variant)
                : csto_doc_entity_for_name(doc, name, CSTO_ENTITY_PERSON);
  }
  if (e >= 0)
    add_alias(&doc->entities[e], name);
  free(name);
  return e;
}

/* Titles without a scope ("President Tokayev") take the post the KB knows on the date. */
static void complete_titles(csto_doc *doc, csto_mention *m) {
  const csto_doc_entity *e = &doc->entities[m->entity];
  for (int i = 0; i < m->n_titles; i++) {
    if (m->titles[i].scope || !e->kb)
      continue;
    const csto_kb_holding *h = csto_kb_post_of(doc->kb, e->kb, m->titles[i].role, doc->article->date);
    if (h)
      m->titles[i].scope = h->post_in;
  }
}

static void resolve_person(csto_doc *doc, size_t k) {
  csto_mention *m = &doc->mentions[k];
  if (m->name_first < m->name_end)
    m->entity = named_person(doc, m);
  else if (m->n_titles)
    m->entity = title_holder(doc, m, k);
  if (m->entity < 0)
    return;
  if (m->gender && !doc->entities[m->entity].gender)
    doc->entities[m->entity].gender = m->gender;
  complete_titles(doc, m);
}

static void resolve_pronoun(csto_doc *doc, size_t k) {
  csto_mention *m = &doc->mentions[k];
  int fallback = -1;
  for (size_t i = k; i-- > 0;) {
    const csto_mention *p = &doc->mentions[i];
    if (p->sentence + 2 < m->sentence)
      break;
    if (p->kind != CSTO_MENTION_PERSON || p->entity < 0)
      continue;
    csto_gender g = doc->entities[p->entity].gender;
    if (g == m->gender) {
      m->entity = p->entity;
      return;
    }
    if (g == CSTO_GENDER_UNKNOWN && fallback < 0)
      fallback = p->entity;
  }
  m->entity = fallback;
}

static void resolve_entity(csto_doc *doc, csto_mention *m) {
  if (m->kb) {
    m->entity = csto_doc_entity_for_kb(doc, m->kb);
    return;
  }
  char *name = csto_doc_text(doc, m->name_first, m->name_end);
  if (name && *name)
    m->entity = csto_doc_entity_for_name(doc, name, m->type);
  free(name);
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

static int compatible(const csto_doc *doc, const csto_doc_event *e, const csto_mention *m) {
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
  if (m_specific && specific(e->event_class) && m->event_class != e->event_class)
    return 0;
  if (m->participants && e->participants && !(m->participants & e->participants))
    return 0;
  if (m->place && e->place >= 0 && doc->entities[e->place].kb != m->place)
    return 0;
  return 1;
}

static int new_event(csto_doc *doc, const csto_mention *m, size_t k) {
  int i = csto_doc_add_event(doc, m->event_class == CSTO_EVENT_GENERIC ? CSTO_EVENT_MEETING
                                                                      : m->event_class, k);
  if (i < 0)
    return -1;
  csto_doc_event *e = &doc->events[i];
  memcpy(e->orgs, m->orgs, sizeof e->orgs);
  e->n_orgs = m->n_orgs;
  e->participants = m->participants;
  e->next = m->next;
  e->mode = m->mode;
  if (m->place)
    doc->events[i].place = csto_doc_entity_for_kb(doc, m->place);
  return i;
}

/* Fold a further description into the event it refers to. */
static void merge(csto_doc *doc, csto_doc_event *e, const csto_mention *m, size_t k) {
  for (int i = 0; i < m->n_orgs; i++) {
    int have = 0;
    for (int j = 0; j < e->n_orgs; j++)
      have |= e->orgs[j] == m->orgs[i];
    if (!have && e->n_orgs < CSTO_MAX_EVENT_ORGS)
      e->orgs[e->n_orgs++] = m->orgs[i];
  }
  /* "the summit" may name a meeting of leaders; a body's own class stays. */
  if (m->event_class == CSTO_EVENT_SUMMIT && !body_of(e->orgs, e->n_orgs))
    e->event_class = CSTO_EVENT_SUMMIT;
  e->participants |= m->participants;
  if (m->mode)
    e->mode = m->mode;
  if (m->place && e->place < 0)
    e->place = csto_doc_entity_for_kb(doc, m->place);
  e->last_mention = k;
}

/* The latest event of a class; for any class, not side talks: "the event", "the
 * ceremony" after "X held talks with Y" still mean the summit. */
static int latest(const csto_doc *doc, csto_event_class cls) {
  int best = -1;
  for (size_t i = 0; i < doc->n_events; i++)
    if ((cls == CSTO_EVENT_GENERIC ? doc->events[i].event_class != CSTO_EVENT_TALKS
                                   : doc->events[i].event_class == cls) &&
        !doc->events[i].next &&
        (best < 0 || doc->events[i].last_mention > doc->events[best].last_mention))
      best = (int)i;
  return best;
}

static int latest_of_body(const csto_doc *doc) {
  int best = -1;
  for (size_t i = 0; i < doc->n_events; i++)
    if (body_of(doc->events[i].orgs, doc->events[i].n_orgs) && !doc->events[i].next &&
        (best < 0 || doc->events[i].last_mention > doc->events[best].last_mention))
      best = (int)i;
  return best;
}

static void resolve_event(csto_doc *doc, size_t k) {
  csto_mention *m = &doc->mentions[k];
  if (m->event_class == CSTO_EVENT_PLURAL)
    return;
  int described = m->n_orgs || m->place || m->participants;
  int e = -1;
  /* A bare "bilateral talks" (no article, nothing to identify it) is a new event. */
  int bare = !m->definite && !described;
  if (!m->next && !m->indefinite && !bare) {
    if (described) {
      for (size_t i = doc->n_events; i-- > 0 && e < 0;)
        if (compatible(doc, &doc->events[i], m))
          e = (int)i;
    } else if (m->event_class == CSTO_EVENT_SESSION && (e = latest_of_body(doc)) >= 0) {
      /* "today's session": a council's session, if one was spoken of */
    } else {
      csto_event_class cls = specific(m->event_class) ? m->event_class : CSTO_EVENT_GENERIC;
      if ((e = latest(doc, cls)) < 0)
        e = latest(doc, CSTO_EVENT_GENERIC);
    }
  }
  if (e >= 0)
    merge(doc, &doc->events[e], m, k);
  else
    e = new_event(doc, m, k);
  m->event = e;
}

/* ---- the pass ------------------------------------------------------------------------------ */

csto_status csto_resolve(csto_doc *doc, csto_error *err) {
  for (size_t k = 0; k < doc->n_mentions; k++) {
    switch (doc->mentions[k].kind) {
    case CSTO_MENTION_PERSON: resolve_person(doc, k); break;
    case CSTO_MENTION_PRONOUN: resolve_pronoun(doc, k); break;
    case CSTO_MENTION_ENTITY: resolve_entity(doc, &doc->mentions[k]); break;
    case CSTO_MENTION_EVENT: resolve_event(doc, k); break;
    default: break;
    }
  }
  (void)err;
  return CSTO_OK;
}
