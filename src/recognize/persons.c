/* Persons and their titles.
 *
 * A title is [modifiers, demonyms, scopes 's] ROLE [of [the] SCOPE]: "Armenian Foreign
 * Minister", "Kazakhstan's former defence minister", "Chairman of the Board of the
 * Eurasian Economic Commission". A person mention is a title with the name after it
 * ("Armenian Foreign Minister Ararat Mirzoyan"), a name with titles after it ("Edward
 * Nalbandian, Foreign Minister of Armenia"), a title alone ("the Russian leader"), or
 * a plural title spread over a list of countries ("the leaders of Belarus, Kazakhstan
 * and Tajikistan": one person per country). */
#include "recognize/recognize.h"

enum {
  /* How far after the role an "of" may still begin: far enough for two of-phrases ("of
   * the Board of the Eurasian Economic Commission"), not for a run-on list of names. */
  TITLE_OF_REACH = 8,
  /* Capitalized title words that may stand between a title and a known person
   * ("Chairman of the Commission Board Mikhail Myasnikovich": one, "Board"). */
  MAX_TITLE_WORDS_BEFORE_NAME = 2,
};

/* Entities a title's post may belong to. */
#define SCOPES (T(COUNTRY) | T(ORGANIZATION) | T(BODY) | T(GOVBODY))

typedef struct {
  csto_title title;
  int former, female, found;
  size_t end; /* atom after the title */
} title_parse;

/* Where a title's post belongs: national roles to the country behind a ministry or
 * council, the others to the most specific body named. */
static const csto_kb_entity *post_scope(csto_role role, const csto_kb_entity *prefix,
                                        const csto_kb_entity *of) {
  const csto_kb_entity *s = of ? of : prefix;
  if (s && csto_role_is_national(role) && s->type == CSTO_ENTITY_GOVBODY && s->country)
    return s->country;
  return s;
}

/* The words before the role: "the former Armenian", "Kazakhstan's". Returns the role's
 * atom, or a sentence end (then t says nothing) when a word cannot stand in a title. */
static size_t title_prefix(const ctx *c, size_t ai, title_parse *t, const csto_kb_entity **prefix) {
  size_t i = ai;
  for (; !sentence_end_atom(c, i); i++) {
    const atom *a = &c->atoms[i];
    const csto_lex_entry *d = meaning(a, CSTO_LEX_DEMONYM);
    const csto_kb_entity *e = entity_of(a, SCOPES);
    if (meaning(a, CSTO_LEX_ROLE))
      return i;
    if (e || d) {
      *prefix = e ? e : d->entity;
      if (!sentence_end_atom(c, i + 1) && is_cue(&c->atoms[i + 1], CSTO_CUE_POSSESSIVE))
        i++;
    } else if (is_cue(a, CSTO_CUE_FORMER)) {
      t->former = 1;
    } else if (!(is_cue(a, CSTO_CUE_TITLE_MODIFIER) ||
                 (i == ai && is_cue(a, CSTO_CUE_DEFINITE) && !is_cue(a, CSTO_CUE_CLAUSE_BREAK)))) {
      return c->n_atoms;
    }
  }
  return i;
}

/* "of Armenia", "of the CIS Executive Committee", "of the Board of the Eurasian
 * Economic Commission" after the role (i is the atom after it): the first organization
 * or country named, and *end moves past it. */
static const csto_kb_entity *title_of(const ctx *c, size_t i, size_t *end) {
  for (size_t j = i; !sentence_end_atom(c, j) && j < i + TITLE_OF_REACH &&
                     is_cue(&c->atoms[j], CSTO_CUE_OF);) {
    j++;
    while (!sentence_end_atom(c, j) &&
           (is_cue(&c->atoms[j], CSTO_CUE_DEFINITE) || csto_name_word(c, &c->atoms[j])))
      j++;
    const csto_kb_entity *of;
    if (!sentence_end_atom(c, j) && (of = entity_of(&c->atoms[j], SCOPES))) {
      *end = j + 1;
      return of;
    }
  }
  return NULL;
}

static title_parse parse_title(const ctx *c, size_t ai) {
  title_parse t = {0};
  const csto_kb_entity *prefix = NULL;
  size_t i = title_prefix(c, ai, &t, &prefix);
  if (sentence_end_atom(c, i))
    return (title_parse){0};
  const atom *r = &c->atoms[i];
  t.title.role = (csto_role)meaning(r, CSTO_LEX_ROLE)->value;
  t.title.plural = csto_atom_plural_role(c, r);
  t.female = is_cue(r, CSTO_CUE_FEMALE_TITLE);
  t.end = i + 1;
  const csto_kb_entity *of = title_of(c, t.end, &t.end);
  t.title.scope = post_scope(t.title.role, prefix, of);
  t.found = 1;
  return t;
}

/* The name after a title: [","] [honorific] (KB person | new name). Returns the atom
 * after it, or 0 when there is no name. */
static size_t parse_name(const ctx *c, size_t ai, size_t *name_at, const csto_kb_entity **kb) {
  size_t i = ai;
  if (!sentence_end_atom(c, i) && is_punct(c, &c->atoms[i], ","))
    i++;
  while (!sentence_end_atom(c, i) && is_cue(&c->atoms[i], CSTO_CUE_HONORIFIC))
    i++;
  if (sentence_end_atom(c, i))
    return 0;
  /* "Chairman of the Commission Board Mikhail Myasnikovich": a capitalized word of the
   * title before a known person is not part of the name */
  for (size_t j = i + 1; j <= i + MAX_TITLE_WORDS_BEFORE_NAME && !sentence_end_atom(c, j) &&
                         csto_name_word(c, &c->atoms[j - 1]);
       j++)
    if (entity_of(&c->atoms[j], T(PERSON))) {
      i = j;
      break;
    }
  *name_at = i;
  if ((*kb = entity_of(&c->atoms[i], T(PERSON))))
    return i + 1;
  int has_of;
  size_t e = csto_name_end(c, i, &has_of);
  return e > i && !has_of ? e : 0;
}

static void add_title(csto_mention *m, const title_parse *t) {
  if (m->n_titles < CSTO_MAX_TITLES)
    m->titles[m->n_titles++] = t->title;
  m->former |= t->former;
  if (t->female)
    m->gender = CSTO_GENDER_FEMALE;
}

void csto_person_set_name(ctx *c, csto_mention *m, size_t name_at, size_t name_stop,
                          const csto_kb_entity *kb) {
  m->kb = kb;
  m->type = CSTO_ENTITY_PERSON;
  m->name_first = c->atoms[name_at].first;
  m->name_end = c->atoms[name_stop - 1].end;
  if (kb && kb->gender)
    m->gender = kb->gender;
}

/* ", [the] TITLE" after a name, unless that title introduces the next person. */
size_t csto_person_appositive_titles(ctx *c, csto_mention *m, size_t i) {
  while (!sentence_end_atom(c, i + 1) && is_punct(c, &c->atoms[i], ",")) {
    title_parse t = parse_title(c, i + 1);
    size_t name_at;
    const csto_kb_entity *kb;
    if (!t.found || t.title.plural || parse_name(c, t.end, &name_at, &kb) != 0)
      break;
    add_title(m, &t);
    i = t.end;
    m->end = c->atoms[i - 1].end;
  }
  return i;
}

/* "the leaders of Belarus, Kazakhstan and Tajikistan": one title-only person per country. */
static size_t each_country_title(ctx *c, size_t ai, title_parse *t) {
  size_t i = t->end, stop = t->end;
  t->title.plural = 0;
  csto_mention *m = emit(c, CSTO_MENTION_PERSON, ai, t->end);
  if (m)
    add_title(m, t);
  while (!sentence_end_atom(c, i) && is_cue(&c->atoms[i], CSTO_CUE_LIST_SEPARATOR)) {
    const csto_kb_entity *country = NULL;
    for (i++; !sentence_end_atom(c, i) && is_cue(&c->atoms[i], CSTO_CUE_LIST_SEPARATOR); i++)
      ;
    if (sentence_end_atom(c, i) || !(country = entity_of(&c->atoms[i], T(COUNTRY))))
      break;
    t->title.scope = country;
    if ((m = emit(c, CSTO_MENTION_PERSON, i, i + 1)))
      add_title(m, t);
    stop = ++i;
  }
  return stop;
}

/* "Chairman of the CIS Council of Foreign Ministers, Minister of Foreign Affairs of
 * Tajikistan X": a second title between the first and the name, when one person may
 * hold both. Returns the atom after the name, or 0 when the title after the comma has
 * none. */
static size_t second_title(const ctx *c, const title_parse *t, title_parse *next,
                           size_t *name_at, const csto_kb_entity **kb) {
  if (t->title.plural || sentence_end_atom(c, t->end + 1) || !is_punct(c, &c->atoms[t->end], ","))
    return 0;
  *next = parse_title(c, t->end + 1);
  if (!next->found || next->title.plural ||
      (csto_role_is_national(t->title.role) && csto_role_is_national(next->title.role)))
    return 0;
  size_t stop = parse_name(c, next->end, name_at, kb);
  /* "the President of Russia, Prime Minister of Armenia X" lists two people */
  const csto_kb_holding *h =
      t->title.scope ? csto_kb_holder(c->doc->kb, t->title.role, t->title.scope, c->doc->article->date)
                     : NULL;
  return h && h->holder != *kb ? 0 : stop;
}

/* A title, with the name after it if there is one. */
static size_t titled_person(ctx *c, size_t ai, title_parse *t) {
  size_t name_at = 0;
  const csto_kb_entity *kb = NULL;
  title_parse next = {0};
  size_t stop = t->title.plural ? 0 : parse_name(c, t->end, &name_at, &kb);
  if (!stop)
    stop = second_title(c, t, &next, &name_at, &kb);
  if (!stop && !t->title.scope && !t->title.plural)
    return ai; /* a bare "president" or "chair" names no one */
  csto_mention *m = emit(c, CSTO_MENTION_PERSON, ai, stop ? stop : t->end);
  if (!m)
    return ai;
  add_title(m, t);
  if (stop && next.found)
    add_title(m, &next);
  if (!stop)
    return t->end;
  csto_person_set_name(c, m, name_at, stop, kb);
  return csto_person_appositive_titles(c, m, stop);
}

size_t csto_recognize_person(ctx *c, size_t ai) {
  title_parse t = parse_title(c, ai);
  if (t.found && t.title.plural && t.title.scope && t.title.scope->type == CSTO_ENTITY_COUNTRY)
    return each_country_title(c, ai, &t);
  if (t.found)
    return titled_person(c, ai, &t);
  const csto_kb_entity *kb = entity_of(&c->atoms[ai], T(PERSON));
  if (!kb)
    return ai;
  csto_mention *m = emit(c, CSTO_MENTION_PERSON, ai, ai + 1);
  if (!m)
    return ai;
  csto_person_set_name(c, m, ai, ai + 1, kb);
  return csto_person_appositive_titles(c, m, ai + 1);
}
