/* Persons and their titles.
 *
 * A title is [modifiers, demonyms, scopes 's] ROLE [of [the] SCOPE]: "Armenian Foreign
 * Minister", "Kazakhstan's former defence minister", "Chairman of the Board of the
 * Eurasian Economic Commission". A person mention is a title with the name after it
 * ("Armenian Foreign Minister Ararat Mirzoyan"), a name with titles after it ("Edward
 * Nalbandian, Foreign Minister of Armenia"), a title alone ("the Russian leader"), or
 * a plural title spread over a list: of countries ("the leaders of Belarus, Kazakhstan
 * and Tajikistan", "ministers from the member states - A, B and C": one title-only
 * person per country), of names ("Presidents Putin and Tokayev", "Presidents Voronin of
 * Moldova and Kuchma of Ukraine"), or of both ("ministers of China - Wang Yi, India -
 * S. Jaishankar", "the leaders of A and B, X and Y"); a counterpart ("his Russian
 * counterpart, Sergey Lavrov") holds the post of the person spoken of last. A title that
 * owns something ("the Tajik President's Executive Office") names no one taking part. */
#include "recognize/recognize.h"

#include <stdlib.h>

#include "csto/normalize.h"

enum {
  /* How far after the role an "of" may still begin: far enough for two of-phrases ("of
   * the Board of the Eurasian Economic Commission"), not for a run-on list of names. */
  TITLE_OF_REACH = 8,
  /* Capitalized title words that may stand between a title and a known person
   * ("Chairman of the Commission Board Mikhail Myasnikovich": one, "Board"). */
  MAX_TITLE_WORDS_BEFORE_NAME = 2,
  /* Words between a plural title and the list it spreads over: "from the other five
   * SCO member countries:" is seven. */
  MAX_LIST_LEAD_IN = 8,
  /* Items of one list: every member state of the largest organization, and more. */
  MAX_LIST_ITEMS = 32,
};

static size_t own_country(const ctx *c, size_t i, const csto_kb_entity **country);

/* Entities a title's post may belong to. */
#define SCOPES (T(COUNTRY) | T(ORGANIZATION) | T(BODY) | T(GOVBODY))

typedef struct {
  csto_title title;
  int former, female, found;
  size_t role_at; /* the role's atom */
  size_t end;     /* atom after the title */
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

/* "at 9 pm": a role word that tells a time after a number. */
static int time_of_day(const ctx *c, size_t i) {
  return i > 0 && is_cue(&c->atoms[i], CSTO_CUE_TIME_OF_DAY) &&
         (c->doc->tokens[c->atoms[i - 1].end - 1].flags & CSTO_TOKEN_DIGITS);
}

/* "heads of [the] [CIS] states" at atom i: heads of state, and the atom after the phrase
 * (0 when i starts none); *org is the organization named. "Heads of delegations" is no
 * title. */
static size_t heads_of_states(const ctx *c, size_t i, const csto_kb_entity **org) {
  if (!is_cue(&c->atoms[i], CSTO_CUE_STATE_HEADS) || sentence_end_atom(c, i + 1) ||
      !is_cue(&c->atoms[++i], CSTO_CUE_OF))
    return 0;
  if (!sentence_end_atom(c, ++i) && is_cue(&c->atoms[i], CSTO_CUE_DEFINITE))
    i++;
  *org = sentence_end_atom(c, i) ? NULL : entity_of(&c->atoms[i], T(ORGANIZATION));
  if (*org)
    i++;
  return !sentence_end_atom(c, i) && is_cue(&c->atoms[i], CSTO_CUE_STATES) ? i + 1 : 0;
}

/* The words before the role: "the former Armenian", "Kazakhstan's". Returns the role's
 * atom, or a sentence end (then t says nothing) when a word cannot stand in a title. */
static size_t title_prefix(const ctx *c, size_t ai, title_parse *t, const csto_kb_entity **prefix) {
  size_t i = ai;
  for (; !sentence_end_atom(c, i); i++) {
    const atom *a = &c->atoms[i];
    const csto_lex_entry *d = meaning(a, CSTO_LEX_DEMONYM);
    const csto_kb_entity *e = entity_of(a, SCOPES);
    const csto_kb_entity *org;
    if (meaning(a, CSTO_LEX_ROLE))
      return time_of_day(c, i) ? c->n_atoms : i;
    if (heads_of_states(c, i, &org))
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
static int of_or_from(const atom *a) {
  return is_cue(a, CSTO_CUE_OF) || is_cue(a, CSTO_CUE_FROM);
}

static const csto_kb_entity *title_of(const ctx *c, size_t i, size_t *end) {
  for (size_t j = i; !sentence_end_atom(c, j) && j < i + TITLE_OF_REACH &&
                     of_or_from(&c->atoms[j]);) {
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
  const csto_kb_entity *org = NULL;
  size_t heads_end = meaning(r, CSTO_LEX_ROLE) ? 0 : heads_of_states(c, i, &org);
  t.role_at = i;
  t.found = 1;
  if (heads_end) {
    t.title = (csto_title){.role = CSTO_ROLE_HEAD_OF_STATE, .scope = org, .plural = 1};
    t.end = heads_end;
    return t;
  }
  t.title.role = (csto_role)meaning(r, CSTO_LEX_ROLE)->value;
  t.title.plural = csto_atom_plural_role(c, r);
  t.female = is_cue(r, CSTO_CUE_FEMALE_TITLE);
  t.title.vague = is_cue(r, CSTO_CUE_VAGUE_TITLE);
  t.end = i + 1;
  const csto_kb_entity *of = title_of(c, t.end, &t.end);
  /* "President of the National Assembly": the president of a body chairs it */
  if (t.title.role == CSTO_ROLE_HEAD_OF_STATE && of &&
      (of->type == CSTO_ENTITY_BODY || of->type == CSTO_ENTITY_GOVBODY))
    t.title.role = CSTO_ROLE_CHAIR;
  t.title.scope = post_scope(t.title.role, prefix, of);
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

/* "the Tajik President's Executive Office", "the Kazakh President's spokesman": the title
 * names an owner, no one who acts in the sentence. */
static int owns(const ctx *c, const title_parse *t) {
  return !sentence_end_atom(c, t->end) && is_cue(&c->atoms[t->end], CSTO_CUE_POSSESSIVE);
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

/* "Abdulla Aripov (Uzbekistan)" in the sentence of "seven prime ministers" or the one
 * after: a name without a title, with a state in brackets, is one of those counted. */
static void counted_holder(const ctx *c, csto_mention *m, size_t i) {
  const csto_kb_entity *country = NULL;
  if (m->n_titles || !c->counted.role || c->sentence > c->counted_sentence + 1 ||
      sentence_end_atom(c, i) || !is_punct(c, &c->atoms[i], "(") ||
      own_country(c, i, &country) == i)
    return;
  m->titles[m->n_titles++] = (csto_title){.role = c->counted.role, .scope = country};
}

/* ", [the] TITLE" after a name, unless that title introduces the next person. */
size_t csto_person_appositive_titles(ctx *c, csto_mention *m, size_t i) {
  counted_holder(c, m, i);
  while (!sentence_end_atom(c, i + 1) && is_punct(c, &c->atoms[i], ",")) {
    title_parse t = parse_title(c, i + 1);
    size_t name_at;
    const csto_kb_entity *kb;
    if (!t.found || t.title.plural || owns(c, &t) || parse_name(c, t.end, &name_at, &kb) != 0)
      break;
    add_title(m, &t);
    i = t.end;
    m->end = c->atoms[i - 1].end;
  }
  return i;
}

/* ---- a plural title spread over a list ---------------------------------------------- */

/* One item of the list: a country, a name, or a name with its country ("Putin
 * (Russia)", "Voronin of Moldova"). */
typedef struct {
  size_t at, stop; /* its atoms */
  const csto_kb_entity *country;
  size_t name_at, name_stop; /* name_stop 0: no name */
  const csto_kb_entity *kb;
} list_item;

typedef struct {
  list_item items[MAX_LIST_ITEMS];
  int n;
} title_list;

static size_t after_separators(const ctx *c, size_t i) {
  while (!sentence_end_atom(c, i) && is_cue(&c->atoms[i], CSTO_CUE_LIST_SEPARATOR))
    i++;
  return i;
}

/* "(Russia)" or "of Russia" after a name: the state of the person's post. */
static size_t own_country(const ctx *c, size_t i, const csto_kb_entity **country) {
  const csto_kb_entity *e;
  if (!sentence_end_atom(c, i + 2) && is_punct(c, &c->atoms[i], "(") &&
      (e = entity_of(&c->atoms[i + 1], T(COUNTRY))) && is_punct(c, &c->atoms[i + 2], ")")) {
    *country = e;
    return i + 3;
  }
  size_t j = i;
  if (sentence_end_atom(c, j) || !is_cue(&c->atoms[j], CSTO_CUE_OF))
    return i;
  if (!sentence_end_atom(c, ++j) && is_cue(&c->atoms[j], CSTO_CUE_DEFINITE))
    j++;
  if (sentence_end_atom(c, j) || !(e = entity_of(&c->atoms[j], T(COUNTRY))))
    return i;
  *country = e;
  return j + 1;
}

/* The item at atom i; returns the atom after it, 0 when none starts there. */
static size_t list_item_at(const ctx *c, size_t i, list_item *it) {
  *it = (list_item){.at = i};
  if ((it->country = entity_of(&c->atoms[i], T(COUNTRY))))
    return it->stop = i + 1;
  if (!(it->name_stop = parse_name(c, i, &it->name_at, &it->kb)))
    return 0;
  return it->stop = own_country(c, it->name_stop, &it->country);
}

/* Items from atom i on, one list separator run between two. */
static void parse_list(const ctx *c, size_t i, title_list *l) {
  while (l->n < MAX_LIST_ITEMS && !sentence_end_atom(c, i)) {
    size_t e = list_item_at(c, i, &l->items[l->n]);
    if (!e)
      return;
    l->n++;
    if ((i = after_separators(c, e)) == e)
      return;
  }
}

/* "of the eight SCO member states -", "from the member countries:": the words between a
 * plural title and its list, ending in a separator or a member-states phrase; returns
 * the atom after them, 0 when atom i starts none. */
static size_t list_lead_in(const ctx *c, size_t i) {
  if (sentence_end_atom(c, i) || !of_or_from(&c->atoms[i]))
    return 0;
  for (size_t j = i + 1; !sentence_end_atom(c, j) && j < i + MAX_LIST_LEAD_IN; j++) {
    const atom *a = &c->atoms[j];
    if (is_cue(a, CSTO_CUE_LIST_SEPARATOR) || is_cue(a, CSTO_CUE_MEMBER_LIST))
      return j + 1;
    int filler = is_cue(a, CSTO_CUE_DEFINITE) || entity_of(a, T(ORGANIZATION) | T(BODY)) ||
                 (csto_atom_plain(a) && !csto_name_word(c, a));
    if (!filler)
      return 0;
  }
  return 0;
}

static int plain_country(const list_item *it) { return it->country && !it->name_stop; }
static int plain_name(const list_item *it) { return it->name_stop && !it->country; }

typedef enum { COUNTRIES, NAMES, PAIRS, RESPECTIVELY } list_reading;

static int comma_between(const ctx *c, const list_item *a, const list_item *b) {
  for (size_t i = a->stop; i < b->at; i++)
    if (is_punct(c, &c->atoms[i], ","))
      return 1;
  return 0;
}

/* How the items go together: countries alone, names alone, "country - name" pairs, or
 * countries then as many names ("of A and B, X and Y"); l->n drops to the items the
 * reading takes (the rest is read on its own). One pair needs a dash or a colon: in
 * "the defence ministers of Russia, Ivan Petrov said," the name is the speaker's. */
static list_reading read_list(const ctx *c, title_list *l) {
  const list_item *it = l->items;
  int run = 0;
  if (!plain_country(&it[0])) {
    while (run < l->n && it[run].name_stop)
      run++;
    l->n = run;
    return NAMES;
  }
  while (run < l->n && plain_country(&it[run]))
    run++;
  if (run == 1 && l->n >= 2 && plain_name(&it[1])) {
    int pairs = 1;
    while (2 * pairs + 1 < l->n && plain_country(&it[2 * pairs]) && plain_name(&it[2 * pairs + 1]))
      pairs++;
    l->n = pairs == 1 && comma_between(c, &it[0], &it[1]) ? 1 : 2 * pairs;
    return l->n > 1 ? PAIRS : COUNTRIES;
  }
  int names = 0;
  while (run + names < l->n && names < run && plain_name(&it[run + names]))
    names++;
  l->n = names == run ? 2 * run : run;
  return names == run ? RESPECTIVELY : COUNTRIES;
}

/* The meanings of atoms [from, to) but the role's: separators, "the SCO member states". */
static void emit_between(ctx *c, size_t from, size_t to, size_t role_at) {
  for (size_t i = from; i < to; i++)
    if (i != role_at)
      csto_recognize_meanings(c, i);
}

/* A person of atoms [a0, a1) with the title; country NULL leaves a national post's
 * country to the knowledge base ("Presidents Putin and Tokayev"); the name if named. */
static void list_person(ctx *c, size_t a0, size_t a1, const title_parse *t,
                        const csto_kb_entity *country, const list_item *named) {
  title_parse one = *t;
  one.title.plural = 0;
  if (country || csto_role_is_national(t->title.role))
    one.title.scope = country;
  csto_mention *m = emit(c, CSTO_MENTION_PERSON, a0, a1);
  if (!m)
    return;
  add_title(m, &one);
  if (named)
    csto_person_set_name(c, m, named->name_at, named->name_stop, named->kb);
}

/* The mentions of the list in text order; the first item's mention starts at first (the
 * title, when the list begins right at it). */
static void emit_list(ctx *c, const title_list *l, list_reading how, const title_parse *t,
                      size_t first) {
  const list_item *it = l->items;
  int half = l->n / 2;
  for (int i = 0; i < l->n; i++) {
    size_t at = i ? it[i].at : first;
    if (how == PAIRS && i % 2) {
      list_person(c, i > 1 ? it[i - 1].at : first, it[i].stop, t, it[i - 1].country, &it[i]);
      continue;
    }
    if (i)
      emit_between(c, it[i - 1].stop, it[i].at, t->role_at);
    if (how == COUNTRIES || how == NAMES)
      list_person(c, at, it[i].stop, t, it[i].country, how == NAMES ? &it[i] : NULL);
    else if (how == RESPECTIVELY && i >= half)
      list_person(c, at, it[i].stop, t, it[i - half].country, &it[i]);
    else if (how == RESPECTIVELY)
      emit_between(c, at, it[i].stop, t->role_at);
  }
}

/* A plural title and the list after it: "the leaders of A, B and C" (the title's own
 * country first), "ministers from the member states - A, B", "Presidents X and Y".
 * Returns the atom after the list, or ai when no list follows. */
static size_t spread_title(ctx *c, size_t ai, const title_parse *t) {
  title_list l = {.n = 0};
  size_t first = ai, lead;
  if (t->title.scope && t->title.scope->type == CSTO_ENTITY_COUNTRY) {
    l.items[l.n++] = (list_item){.at = ai, .stop = t->end, .country = t->title.scope};
    size_t next = after_separators(c, t->end);
    if (next > t->end)
      parse_list(c, next, &l);
  } else if ((lead = list_lead_in(c, t->role_at + 1))) {
    parse_list(c, after_separators(c, lead), &l);
    if (l.n < 2)
      return ai;
    emit_between(c, ai, l.items[0].at, t->role_at);
    first = l.items[0].at;
  } else {
    parse_list(c, t->end, &l);
    /* "the ministers of foreign affairs, X, spokesman for ...": one name after a comma
     * is someone else's */
    if (!l.n || !l.items[0].name_stop || (l.n == 1 && is_punct(c, &c->atoms[t->end], ",")))
      return ai;
  }
  list_reading how = read_list(c, &l);
  emit_list(c, &l, how, t, first);
  return l.items[l.n - 1].stop;
}

/* The states named last before atom ai in its sentence: the run of them joined by list
 * separators (only the nearest one when one is wanted). Returns how many it put in out. */
static int countries_before(const ctx *c, size_t ai, int several, const csto_kb_entity **out) {
  size_t first = ai;
  while (first > 0 && !sentence_end_atom(c, first - 1) &&
         c->atoms[first - 1].first >= c->doc->sentences[c->sentence].first_token)
    first--;
  size_t i = ai;
  while (i > first && !entity_of(&c->atoms[i - 1], T(COUNTRY)))
    i--;
  int n = 0;
  while (i > first && n < MAX_LIST_ITEMS && (out[n] = entity_of(&c->atoms[i - 1], T(COUNTRY)))) {
    n++;
    size_t before = i - 1;
    while (before > first && is_cue(&c->atoms[before - 1], CSTO_CUE_LIST_SEPARATOR))
      before--;
    if (!several || before == i - 1)
      break;
    i = before;
  }
  return n;
}

/* "Kazakhstan and Tajikistan will be represented by their prime ministers": a national
 * title after "their" or "its" belongs to the states named last before it (to the
 * nearest one, for a singular title). Returns how many it put in out. */
static int owner_countries(const ctx *c, size_t ai, const title_parse *t,
                           const csto_kb_entity **out) {
  if (t->title.scope || !csto_role_is_national(t->title.role) ||
      !is_cue(&c->atoms[ai], CSTO_CUE_OWNER))
    return 0;
  return countries_before(c, ai, t->title.plural, out);
}

/* One title-only person per owner state, in the text's order. */
static size_t owned_title(ctx *c, size_t ai, const title_parse *t,
                          const csto_kb_entity *const *owners, int n) {
  for (int i = n; i-- > 0;)
    list_person(c, ai, t->end, t, owners[i], NULL);
  return t->end;
}

static int minister_role(csto_role role) {
  return role == CSTO_ROLE_FOREIGN_MINISTER || role == CSTO_ROLE_DEFENCE_MINISTER;
}

/* The kind of minister the article spoke of last, before the current mention: "the
 * ministers of foreign affairs", "a meeting of defence ministers"; CSTO_ROLE_NONE when
 * none was, or the last was of no minister's kind. */
static csto_role ministers_spoken_of(const ctx *c) {
  for (size_t k = c->out->n_mentions; k-- > 0;) {
    const csto_mention *m = &c->out->mentions[k];
    if (m->kind == CSTO_MENTION_PERSON && m->n_titles == 1 && m->titles[0].plural)
      return minister_role(m->titles[0].role) ? m->titles[0].role : CSTO_ROLE_NONE;
    for (csto_role r = CSTO_ROLE_NONE + 1; m->kind == CSTO_MENTION_EVENT && r < CSTO_ROLE_COUNT; r++)
      if (m->participants == 1u << r)
        return minister_role(r) ? r : CSTO_ROLE_NONE;
  }
  return CSTO_ROLE_NONE;
}

/* "Seven countries - A, B and C - will be represented by [their] ministers": a bare
 * "ministers" right after a passive attendance cue is a title of the kind spoken of
 * before, held in each state named last before it; "deputy ministers" or ministers of no
 * kind the article named are no one. Returns the atom after it, or ai. */
static size_t ministers_of_context(ctx *c, size_t ai) {
  size_t by = ai;
  if (ai > 0 && is_cue(&c->atoms[ai - 1], CSTO_CUE_OWNER))
    by--;
  if (!is_cue(&c->atoms[ai], CSTO_CUE_MINISTERS) || meaning(&c->atoms[ai], CSTO_LEX_ROLE) ||
      by == 0 || c->atoms[by - 1].first < c->doc->sentences[c->sentence].first_token ||
      !is_cue(&c->atoms[by - 1], CSTO_CUE_ATTEND_PASSIVE))
    return ai;
  title_parse t = {.title = {.role = ministers_spoken_of(c), .plural = 1},
                   .found = 1,
                   .role_at = ai,
                   .end = ai + 1};
  const csto_kb_entity *owners[MAX_LIST_ITEMS];
  int n = t.title.role ? countries_before(c, by - 1, 1, owners) : 0;
  return n ? owned_title(c, ai, &t, owners, n) : ai;
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

/* "chairman Vyacheslav Volodin of the Russian State Duma": the scope a title without one
 * takes from an "of" right after the name. Returns the atom after what it took. */
static size_t scope_after_name(const ctx *c, csto_mention *m, size_t stop) {
  size_t end = stop;
  const csto_kb_entity *of;
  if (m->n_titles != 1 || m->titles[0].scope || sentence_end_atom(c, stop) ||
      !is_cue(&c->atoms[stop], CSTO_CUE_OF) || !(of = title_of(c, stop, &end)) || end > stop + 3)
    return stop;
  m->titles[0].scope = post_scope(m->titles[0].role, NULL, of);
  m->end = c->atoms[end - 1].end;
  return end;
}

/* "the press service of the president": the title names an office. */
static int office_before(const ctx *c, size_t ai) {
  return ai > 0 && c->atoms[ai - 1].first >= c->doc->sentences[c->sentence].first_token &&
         is_cue(&c->atoms[ai - 1], CSTO_CUE_OFFICE);
}

/* "Shoigu's Press Secretary X": a name and a possessive right before a title without a
 * scope; the post serves that person's office. */
static int owned_by_name(const ctx *c, size_t ai) {
  size_t first = c->doc->sentences[c->sentence].first_token;
  return ai >= 2 && c->atoms[ai - 2].first >= first &&
         is_cue(&c->atoms[ai - 1], CSTO_CUE_POSSESSIVE) &&
         (entity_of(&c->atoms[ai - 2], T(PERSON)) || csto_name_word(c, &c->atoms[ai - 2]));
}

/* A capitalized word with no meaning of its own: "Executive", "Committee". */
static int capitalized_plain(const ctx *c, size_t i) {
  const atom *a = &c->atoms[i];
  return csto_atom_plain(a) && (c->doc->tokens[a->first].flags & CSTO_TOKEN_CAPITALIZED);
}

/* "Chairman of the Executive Committee, Executive Secretary of the CIS X": a title whose
 * "of the <name words>" names no known body takes the body so named of the organization
 * the second title gives. Returns the atom after the name, 0 when that does not fit. */
static size_t body_of_second_title(const ctx *c, title_parse *t, title_parse *next,
                                   size_t *name_at, const csto_kb_entity **kb) {
  size_t i = t->end;
  if (t->title.scope || sentence_end_atom(c, i) || !is_cue(&c->atoms[i], CSTO_CUE_OF))
    return 0;
  if (!sentence_end_atom(c, ++i) && is_cue(&c->atoms[i], CSTO_CUE_DEFINITE))
    i++;
  size_t words = i;
  while (!sentence_end_atom(c, i) && i < words + TITLE_OF_REACH && capitalized_plain(c, i))
    i++;
  title_parse wide = *t;
  wide.end = i;
  size_t stop = i > words ? second_title(c, &wide, next, name_at, kb) : 0;
  const csto_kb_entity *org = next->title.scope;
  if (!stop || !org || org->type != CSTO_ENTITY_ORGANIZATION)
    return 0;
  char *text = csto_doc_text(c->doc, c->atoms[words].first, c->atoms[i - 1].end);
  char *norm = text ? csto_normalize(text, strlen(text)) : NULL;
  const csto_kb_entity *body = norm ? csto_kb_body_named(c->doc->kb, org, norm) : NULL;
  free(text);
  free(norm);
  if (!body)
    return 0;
  *t = wide;
  t->title.scope = body;
  return stop;
}

/* A title, with the name after it if there is one. */
static size_t titled_person(ctx *c, size_t ai, title_parse *t) {
  size_t name_at = 0;
  const csto_kb_entity *kb = NULL;
  title_parse next = {0};
  size_t stop = t->title.plural ? 0 : parse_name(c, t->end, &name_at, &kb);
  if (!stop)
    stop = second_title(c, t, &next, &name_at, &kb);
  if (!stop && !t->title.plural)
    stop = body_of_second_title(c, t, &next, &name_at, &kb);
  /* a bare "president" or "chair" names no one; after "the current" it is still a title,
   * not the verb "chair" */
  if (!stop && !t->title.scope && !t->title.plural)
    return t->role_at > ai ? t->end : ai;
  if (!t->title.scope && !csto_role_is_national(t->title.role))
    t->title.owned = owned_by_name(c, ai);
  if (!stop && (owns(c, t) || office_before(c, ai)))
    return t->end;
  if (!stop && t->title.plural && !t->title.scope && csto_role_is_national(t->title.role) &&
      ai > 0 && is_cue(&c->atoms[ai - 1], CSTO_CUE_HOW_MANY)) {
    c->counted = t->title;
    c->counted_sentence = c->sentence;
  }
  csto_mention *m = emit(c, CSTO_MENTION_PERSON, ai, stop ? stop : t->end);
  if (!m)
    return ai;
  add_title(m, t);
  if (stop && next.found)
    add_title(m, &next);
  if (!stop)
    return t->end;
  csto_person_set_name(c, m, name_at, stop, kb);
  return csto_person_appositive_titles(c, m, scope_after_name(c, m, stop));
}

/* The role of the person spoken of last: the title the article gave, else
 * the post the KB knows on the date; CSTO_ROLE_NONE when there is none. */
static csto_role last_person_role(const ctx *c) {
  for (size_t k = c->out->n_mentions; k-- > 0;) {
    const csto_mention *m = &c->out->mentions[k];
    if (m->kind != CSTO_MENTION_PERSON || (!m->n_titles && !m->kb))
      continue; /* a name alone may be no one's */
    if (m->n_titles)
      return m->titles[0].plural ? CSTO_ROLE_NONE : m->titles[0].role;
    const csto_kb_holding *h =
        csto_kb_post_of(c->doc->kb, m->kb, CSTO_ROLE_NONE, c->doc->article->date);
    return h ? h->role : CSTO_ROLE_NONE;
  }
  return CSTO_ROLE_NONE;
}

/* "his Russian counterpart[,] Sergey Lavrov" at the demonym: the name holds the post of
 * the man or woman spoken of last, in the state the demonym names. Returns the atom after
 * the name, or ai. */
static size_t counterpart(ctx *c, size_t ai) {
  const csto_lex_entry *d = meaning(&c->atoms[ai], CSTO_LEX_DEMONYM);
  const csto_kb_entity *state = d ? d->entity : entity_of(&c->atoms[ai], T(COUNTRY));
  if (ai == 0 || !state || state->type != CSTO_ENTITY_COUNTRY ||
      !(is_cue(&c->atoms[ai - 1], CSTO_CUE_PRONOUN_MALE) ||
        is_cue(&c->atoms[ai - 1], CSTO_CUE_PRONOUN_FEMALE)) ||
      sentence_end_atom(c, ai + 1) || !is_cue(&c->atoms[ai + 1], CSTO_CUE_COUNTERPART))
    return ai;
  size_t name_at;
  const csto_kb_entity *kb;
  csto_role role = last_person_role(c);
  size_t stop = role ? parse_name(c, ai + 2, &name_at, &kb) : 0;
  csto_mention *m = stop ? emit(c, CSTO_MENTION_PERSON, ai, stop) : NULL;
  if (!m)
    return ai;
  m->titles[m->n_titles++] = (csto_title){.role = role, .scope = state};
  csto_person_set_name(c, m, name_at, stop, kb);
  return stop;
}

size_t csto_recognize_person(ctx *c, size_t ai) {
  title_parse t = parse_title(c, ai);
  size_t stop;
  if ((stop = counterpart(c, ai)) > ai)
    return stop;
  if (t.found && t.title.plural && (stop = spread_title(c, ai, &t)) > ai)
    return stop;
  const csto_kb_entity *owners[MAX_LIST_ITEMS];
  int n_owners = t.found ? owner_countries(c, ai, &t, owners) : 0;
  if (n_owners)
    return owned_title(c, ai, &t, owners, n_owners);
  if (t.found)
    return titled_person(c, ai, &t);
  if ((stop = ministers_of_context(c, ai)) > ai)
    return stop;
  const csto_kb_entity *kb = entity_of(&c->atoms[ai], T(PERSON));
  if (!kb)
    return ai;
  csto_mention *m = emit(c, CSTO_MENTION_PERSON, ai, ai + 1);
  if (!m)
    return ai;
  csto_person_set_name(c, m, ai, ai + 1, kb);
  return csto_person_appositive_titles(c, m, ai + 1);
}
