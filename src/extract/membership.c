/* Which states are members of which organization: "the CSTO comprises A, B and C",
 * "has six members - A, B", "the eight member states - A, B", "the founding members of
 * the CSTO are A, B", "admitting A as a full member of the organization", "A, a member of
 * the CSTO". Observers, partners and associate members are not. */
#include <stdlib.h>

#include "clause.h"
#include "csto/extract.h"

static int org_type(const csto_kb_entity *e) {
  return e && (e->type == CSTO_ENTITY_ORGANIZATION || e->type == CSTO_ENTITY_BODY);
}

/* The organization a mention names: "the CSTO", "the CSTO summit", "Foreign ministers
 * of the CSTO" (a title's organization). */
static int org_entity(const csto_doc *doc, size_t k) {
  const csto_mention *m = &doc->mentions[k];
  const csto_kb_entity *e = NULL;
  if (m->kind == CSTO_MENTION_ENTITY && !m->demonym && org_type(m->kb))
    e = m->kb;
  else if (m->kind == CSTO_MENTION_EVENT)
    for (int i = 0; i < m->n_orgs && !e; i++)
      e = m->orgs[i];
  else if (m->kind == CSTO_MENTION_PERSON && m->n_titles && org_type(doc->links[k].title_scope[0]))
    e = doc->links[k].title_scope[0];
  return e ? csto_doc_entity_of(doc, e->part_of ? e->part_of : e) : -1;
}

/* Where organizations are named, found once per article so that no cue scans the
 * mentions: for each mention i, the latest mention before i that names an organization
 * (or -1), the first from i on that does (or the number of mentions), and the latest
 * before i that is an event or an organization's name (or -1); and whether an event
 * names an organization, and the entity of the first such event's, so that no cue scans
 * the events. */
typedef struct {
  int *last_org, *next_org, *last_stop;
  int event_names_org, event_org;
} org_marks;

static int org_marks_make(const csto_doc *doc, org_marks *marks) {
  size_t n = doc->n_mentions;
  marks->last_org = malloc((n + 1) * sizeof(int));
  marks->next_org = malloc((n + 1) * sizeof(int));
  marks->last_stop = malloc((n + 1) * sizeof(int));
  if (!marks->last_org || !marks->next_org || !marks->last_stop)
    return -1;
  int org = -1, stop = -1;
  for (size_t i = 0; i <= n; i++) {
    marks->last_org[i] = org;
    marks->last_stop[i] = stop;
    if (i == n)
      break;
    int names = org_entity(doc, i) >= 0;
    if (names)
      org = (int)i;
    if (doc->mentions[i].kind == CSTO_MENTION_EVENT ||
        (doc->mentions[i].kind == CSTO_MENTION_ENTITY && names))
      stop = (int)i;
  }
  int next = (int)n;
  for (size_t i = n + 1; i-- > 0;) {
    if (i < n && marks->last_org[i + 1] == (int)i) /* mention i names an organization */
      next = (int)i;
    marks->next_org[i] = next;
  }
  marks->event_names_org = 0;
  marks->event_org = -1;
  for (size_t e = 0; e < doc->n_events && !marks->event_names_org; e++)
    if ((marks->event_names_org = doc->events[e].n_orgs > 0)) {
      const csto_kb_entity *o = doc->events[e].orgs[0];
      marks->event_org = csto_doc_entity_of(doc, o->part_of ? o->part_of : o);
    }
  return 0;
}

static void org_marks_free(org_marks *marks) {
  free(marks->last_org);
  free(marks->next_org);
  free(marks->last_stop);
}

/* The organization meant: named in the clause before the cue; else the one the
 * article is about (that of its first event), which "the organization" means; else the
 * latest named. */
static int organization(const csto_doc *doc, const org_marks *marks, size_t lo, size_t k) {
  int named = marks->last_org[k];
  if (named >= (int)lo)
    return org_entity(doc, (size_t)named);
  if (marks->event_names_org)
    return marks->event_org;
  named = marks->last_org[lo];
  return named >= 0 ? org_entity(doc, (size_t)named) : -1;
}

/* The country a list item names: "Russia", or "the leaders of Turkmenistan". */
static int country_item(const csto_doc *doc, size_t k) {
  const csto_mention *m = &doc->mentions[k];
  if (m->kind == CSTO_MENTION_ENTITY && m->type == CSTO_ENTITY_COUNTRY && !m->demonym)
    return doc->links[k].entity;
  const csto_kb_entity *scope =
      m->kind == CSTO_MENTION_PERSON && m->n_titles ? doc->links[k].title_scope[0] : NULL;
  if (m->name_first == m->name_end && scope && scope->type == CSTO_ENTITY_COUNTRY)
    return csto_doc_entity_of(doc, scope);
  return -1;
}

static int list_glue(const csto_mention *m) {
  return csto_is_cue(m, CSTO_CUE_LIST_SEPARATOR) || csto_is_cue(m, CSTO_CUE_DEFINITE) ||
         csto_is_cue(m, CSTO_CUE_OF);
}

typedef struct {
  int mention, entity;
} item;

static void add_member(const csto_doc *doc, csto_sink *sink, size_t cue, item country, int org) {
  csto_rule rule = csto_is_cue(&doc->mentions[cue], CSTO_CUE_MEMBERS_OF) ? CSTO_RULE_MEMBER_OF
                                                                        : CSTO_RULE_MEMBER_LIST;
  csto_candidate c = csto_candidate_make(CSTO_FACT_MEMBER_OF, rule, doc->mentions[cue].sentence);
  c.subject = country.entity;
  c.object = org;
  c.cue = (int)cue;
  c.agent = country.mention;
  if (country.entity >= 0 && org >= 0)
    csto_sink_emit(sink, &c);
}

enum { MAX_LIST = 64 };

/* Countries listed from mention i on (in direction step), stopping at anything else. */
static int list_from(const csto_doc *doc, long i, long step, size_t lo, size_t hi, item *out) {
  int n = 0;
  for (; i >= (long)lo && i < (long)hi && n < MAX_LIST; i += step) {
    int c = country_item(doc, (size_t)i);
    if (c >= 0)
      out[n++] = (item){(int)i, c};
    else if (!list_glue(&doc->mentions[i]))
      break;
  }
  return n;
}

/* "members of the CSTO are A, B", "six countries form the CSTO: A, B": the organization
 * named between a list cue and its list. Returns the mention the list starts at. */
static size_t org_before_list(const csto_doc *doc, size_t i, size_t hi, int *org) {
  size_t j = i;
  while (j < hi && (csto_is_cue(&doc->mentions[j], CSTO_CUE_OF) ||
                    csto_is_cue(&doc->mentions[j], CSTO_CUE_DEFINITE)))
    j++;
  int o = j < hi && doc->mentions[j].kind == CSTO_MENTION_ENTITY ? org_entity(doc, j) : -1;
  if (o < 0)
    return i;
  *org = o;
  return j + 1;
}

/* A cue that also says who attends ("brings together") lists members only when an
 * organization or its body, not an event, is what brings them together. */
static int gathering_not_organization(const csto_doc *doc, const org_marks *marks, size_t lo,
                                      size_t k) {
  if (!csto_is_cue(&doc->mentions[k], CSTO_CUE_ATTEND_PASSIVE))
    return 0;
  int stop = marks->last_stop[k];
  return stop < (int)lo || doc->mentions[stop].kind == CSTO_MENTION_EVENT;
}

/* A list needs two states ("comprises A and B"); "A is a member of" needs one, before
 * the cue when none follows it ("Kyrgyzstan, a member of the CSTO"). */
static void members(const csto_doc *doc, const org_marks *marks, csto_sink *sink, size_t k,
                    size_t lo, size_t hi) {
  int explicit_member = csto_is_cue(&doc->mentions[k], CSTO_CUE_MEMBERS_OF);
  int org = -1;
  item list[MAX_LIST];
  size_t first = k + 1;
  if (explicit_member) {
    int next = marks->next_org[k + 1];
    org = next < (int)hi ? org_entity(doc, (size_t)next) : -1;
  } else if (gathering_not_organization(doc, marks, lo, k)) {
    return;
  } else {
    first = org_before_list(doc, k + 1, hi, &org);
  }
  if (org < 0)
    org = organization(doc, marks, lo, k);
  int n = list_from(doc, (long)first, 1, lo, hi, list);
  long before = (long)k - 1;
  if (before >= (long)lo && csto_is_cue(&doc->mentions[before], CSTO_CUE_INDEFINITE))
    before--;
  if (explicit_member && n == 0)
    n = list_from(doc, before, -1, lo, hi, list);
  for (int i = 0; i < n && n >= (explicit_member ? 1 : 2); i++)
    add_member(doc, sink, k, list[i], org);
}

void csto_extract_membership(const csto_doc *doc, csto_sink *sink) {
  org_marks marks;
  if (org_marks_make(doc, &marks) != 0) {
    org_marks_free(&marks);
    sink->out_of_memory = 1;
    return;
  }
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      const csto_mention *m = &doc->mentions[k];
      size_t lo, hi;
      if (!csto_is_cue(m, CSTO_CUE_MEMBER_LIST) && !csto_is_cue(m, CSTO_CUE_MEMBERS_OF))
        continue;
      csto_clause(doc, k, from, to, &lo, &hi);
      if (csto_negated(doc, lo, hi))
        continue;
      members(doc, &marks, sink, k, lo, hi);
    }
  }
  org_marks_free(&marks);
}
