#include "csto/recognizer.h"

#include <stdlib.h>
#include <string.h>

/* ---- atoms: the longest lexicon match at each position ----------------------------------- */

typedef struct {
  size_t first, end; /* tokens */
  const csto_lex_entry *meanings[CSTO_KB_MAX_MEANINGS];
  size_t n;
} atom;

typedef struct {
  csto_doc *doc;
  atom *atoms;
  size_t n_atoms;
  size_t sentence;
} ctx;

static size_t match_at(const csto_doc *doc, size_t i, size_t limit, atom *out, int roles_only) {
  size_t best = 0, max = csto_kb_max_phrase_tokens(doc->kb);
  for (size_t k = 1; k <= max && i + k <= limit; k++) {
    char *phrase = csto_tokens_phrase(doc->tokens, i, i + k);
    if (!phrase)
      break;
    const csto_lex_entry *m[CSTO_KB_MAX_MEANINGS];
    size_t n = csto_kb_lookup(doc->kb, phrase, m, CSTO_KB_MAX_MEANINGS);
    int longer = csto_kb_has_longer(doc->kb, phrase);
    free(phrase);
    int role = 0;
    for (size_t j = 0; j < n; j++)
      role |= m[j]->kind == CSTO_LEX_ROLE;
    if (n && (!roles_only || role)) {
      best = k;
      out->first = i;
      out->end = i + k;
      out->n = n;
      memcpy(out->meanings, m, n * sizeof m[0]);
    }
    if (!longer)
      break;
  }
  return best;
}

/* Longest match at i; but where a role title starts inside it and runs past its end
 * ("Russian Security Council | Secretary"), stop before the title. */
static void atom_at(const csto_doc *doc, size_t i, size_t limit, atom *a) {
  a->first = i;
  a->end = i + 1;
  a->n = 0;
  size_t len = match_at(doc, i, limit, a, 0);
  for (size_t j = i + 1; len > 1 && j < i + len; j++) {
    atom role;
    size_t rl = match_at(doc, j, limit, &role, 1);
    if (rl && j + rl > i + len) {
      a->n = 0;
      a->end = i + 1;
      if (match_at(doc, i, j, a, 0) == 0) {
        a->end = i + 1;
        a->n = 0;
      }
      return;
    }
  }
}

static csto_status build_atoms(ctx *c, csto_error *err) {
  csto_doc *doc = c->doc;
  c->atoms = malloc((doc->n_tokens + 1) * sizeof *c->atoms);
  if (!c->atoms)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  for (size_t s = 0; s < doc->n_sentences; s++)
    for (size_t i = doc->sentences[s].first_token; i < doc->sentences[s].end_token;) {
      atom *a = &c->atoms[c->n_atoms++];
      atom_at(doc, i, doc->sentences[s].end_token, a);
      i = a->end;
    }
  return CSTO_OK;
}

/* ---- looking at atoms ------------------------------------------------------------------- */

static const csto_lex_entry *meaning(const atom *a, csto_lex_kind kind) {
  for (size_t i = 0; i < a->n; i++)
    if (a->meanings[i]->kind == kind)
      return a->meanings[i];
  return NULL;
}

static int is_cue(const atom *a, csto_cue cue) {
  for (size_t i = 0; i < a->n; i++)
    if (a->meanings[i]->kind == CSTO_LEX_CUE && a->meanings[i]->value == (int)cue)
      return 1;
  return 0;
}

static const csto_kb_entity *entity_of(const atom *a, unsigned type_mask) {
  for (size_t i = 0; i < a->n; i++)
    if (a->meanings[i]->kind == CSTO_LEX_ENTITY && (type_mask & (1u << a->meanings[i]->entity->type)))
      return a->meanings[i]->entity;
  return NULL;
}

#define T(x) (1u << CSTO_ENTITY_##x)
#define SCOPES (T(COUNTRY) | T(ORGANIZATION) | T(BODY) | T(GOVBODY))
#define PLACES (T(COUNTRY) | T(CITY) | T(VENUE))

static const csto_token *tok(const ctx *c, const atom *a) { return &c->doc->tokens[a->first]; }

static int is_punct(const ctx *c, const atom *a, const char *p) {
  return a->end == a->first + 1 && strcmp(tok(c, a)->norm, p) == 0;
}

static int sentence_end_atom(const ctx *c, size_t ai) {
  return ai >= c->n_atoms || c->atoms[ai].first >= c->doc->sentences[c->sentence].end_token;
}

static csto_mention *emit(ctx *c, csto_mention_kind kind, size_t a0, size_t a1) {
  return csto_doc_add_mention(c->doc, kind, c->sentence, c->atoms[a0].first,
                              c->atoms[a1 - 1].end);
}

/* ---- proper names not in the knowledge base -------------------------------------------- */

static int capitalized(const ctx *c, const atom *a) {
  return (tok(c, a)->flags & CSTO_TOKEN_CAPITALIZED) && !(tok(c, a)->flags & CSTO_TOKEN_DIGITS);
}

/* A word that may be part of a name: capitalized, with no meaning beyond name parts. */
static int name_word(const ctx *c, const atom *a) {
  if (!capitalized(c, a) || is_cue(a, CSTO_CUE_NOT_A_NAME))
    return 0;
  for (size_t i = 0; i < a->n; i++)
    if (a->meanings[i]->kind != CSTO_LEX_CUE ||
        (a->meanings[i]->value != CSTO_CUE_NAME_PARTICLE &&
         a->meanings[i]->value != CSTO_CUE_ABBREVIATION))
      return 0;
  return 1;
}

static int adjacent(const ctx *c, size_t ai, size_t bi) {
  return c->doc->tokens[c->atoms[ai].end - 1].end == c->doc->tokens[c->atoms[bi].first].begin;
}

/* End (atom index) of a name starting at ai, or ai when there is none. Names hold
 * capitalized words, particles ("bin"), hyphens and initials inside. */
static size_t name_end(const ctx *c, size_t ai, int *has_of) {
  size_t e = ai;
  *has_of = 0;
  if (sentence_end_atom(c, ai) || !name_word(c, &c->atoms[ai]))
    return ai;
  e = ai + 1;
  while (!sentence_end_atom(c, e)) {
    const atom *a = &c->atoms[e];
    if (name_word(c, a) || (capitalized(c, a) && is_cue(a, CSTO_CUE_NAME_PARTICLE))) {
      e++;
    } else if ((is_punct(c, a, "-") || is_punct(c, a, ".")) && adjacent(c, e - 1, e) &&
               !sentence_end_atom(c, e + 1) && name_word(c, &c->atoms[e + 1]) &&
               (is_punct(c, a, "-") ? adjacent(c, e, e + 1) : 1)) {
      e += 2;
    } else if ((is_cue(a, CSTO_CUE_NAME_PARTICLE) || is_cue(a, CSTO_CUE_OF)) &&
               !sentence_end_atom(c, e + 1) && name_word(c, &c->atoms[e + 1])) {
      *has_of |= is_cue(a, CSTO_CUE_OF);
      e += 2;
    } else {
      break;
    }
  }
  return e;
}

/* ---- persons and titles ------------------------------------------------------------------ */

typedef struct {
  csto_title title;
  int former, female, found;
  size_t end; /* atom after the title */
} title_parse;

static int plural_role(const ctx *c, const atom *a) {
  const char *first = tok(c, a)->norm, *last = c->doc->tokens[a->end - 1].norm;
  size_t fl = strlen(first), ll = strlen(last);
  return (fl > 2 && first[fl - 1] == 's' && first[fl - 2] != 's') ||
         (ll > 2 && last[ll - 1] == 's' && last[ll - 2] != 's');
}

/* Where a title's post belongs: national roles to the country behind a ministry or
 * council, the others to the most specific body named. */
static const csto_kb_entity *post_scope(csto_role role, const csto_kb_entity *prefix,
                                        const csto_kb_entity *of) {
  const csto_kb_entity *s = of ? of : prefix;
  if (s && csto_role_is_national(role) && s->type == CSTO_ENTITY_GOVBODY && s->country)
    return s->country;
  return s;
}

/* [modifiers, demonyms, scopes 's] ROLE [of [the] SCOPE] */
static title_parse parse_title(const ctx *c, size_t ai) {
  title_parse t = {0};
  const csto_kb_entity *prefix = NULL, *of = NULL;
  size_t i = ai;
  for (; !sentence_end_atom(c, i); i++) {
    const atom *a = &c->atoms[i];
    const csto_lex_entry *d = meaning(a, CSTO_LEX_DEMONYM);
    const csto_kb_entity *e = entity_of(a, SCOPES);
    if (meaning(a, CSTO_LEX_ROLE))
      break;
    if (e || d) {
      prefix = e ? e : d->entity;
      if (!sentence_end_atom(c, i + 1) && is_cue(&c->atoms[i + 1], CSTO_CUE_POSSESSIVE))
        i++;
    } else if (is_cue(a, CSTO_CUE_FORMER)) {
      t.former = 1;
    } else if (!(is_cue(a, CSTO_CUE_TITLE_MODIFIER) ||
                 (i == ai && is_cue(a, CSTO_CUE_DEFINITE) && !is_cue(a, CSTO_CUE_CLAUSE_BREAK)))) {
      return t;
    }
  }
  if (sentence_end_atom(c, i))
    return t;
  const atom *r = &c->atoms[i];
  t.title.role = (csto_role)meaning(r, CSTO_LEX_ROLE)->value;
  t.title.plural = plural_role(c, r);
  t.female = is_cue(r, CSTO_CUE_FEMALE_TITLE);
  i++;
  /* "of Armenia", "of the CIS Executive Committee", "of the Board of the Eurasian
   * Economic Commission": the first organization or country named. */
  for (size_t j = i; !sentence_end_atom(c, j) && j < i + 8 && is_cue(&c->atoms[j], CSTO_CUE_OF);) {
    j++;
    while (!sentence_end_atom(c, j) && (is_cue(&c->atoms[j], CSTO_CUE_DEFINITE) ||
                                        name_word(c, &c->atoms[j])))
      j++;
    if (!sentence_end_atom(c, j) && (of = entity_of(&c->atoms[j], SCOPES))) {
      i = j + 1;
      break;
    }
  }
  t.title.scope = post_scope(t.title.role, prefix, of);
  t.found = 1;
  t.end = i;
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
  for (size_t j = i + 1; j < i + 3 && !sentence_end_atom(c, j) && name_word(c, &c->atoms[j - 1]); j++)
    if (entity_of(&c->atoms[j], T(PERSON))) {
      i = j;
      break;
    }
  *name_at = i;
  if ((*kb = entity_of(&c->atoms[i], T(PERSON))))
    return i + 1;
  int has_of;
  size_t e = name_end(c, i, &has_of);
  return e > i && !has_of ? e : 0;
}

static void add_title(csto_mention *m, const title_parse *t) {
  if (m->n_titles < CSTO_MAX_TITLES)
    m->titles[m->n_titles++] = t->title;
  m->former |= t->former;
  if (t->female)
    m->gender = CSTO_GENDER_FEMALE;
}

static void set_name(ctx *c, csto_mention *m, size_t name_at, size_t name_stop,
                     const csto_kb_entity *kb) {
  m->kb = kb;
  m->type = CSTO_ENTITY_PERSON;
  m->name_first = c->atoms[name_at].first;
  m->name_end = c->atoms[name_stop - 1].end;
  if (kb && kb->gender)
    m->gender = kb->gender;
}

/* ", [the] TITLE" after a name, unless that title introduces the next person. */
static size_t appositive_titles(ctx *c, csto_mention *m, size_t i) {
  while (!sentence_end_atom(c, i + 1) && is_punct(c, &c->atoms[i], ",")) {
    title_parse t = parse_title(c, i + 1);
    size_t name_at, stop;
    const csto_kb_entity *kb;
    if (!t.found || t.title.plural || (stop = parse_name(c, t.end, &name_at, &kb)) != 0)
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

static size_t try_person(ctx *c, size_t ai) {
  title_parse t = parse_title(c, ai);
  size_t name_at = 0, stop = 0;
  const csto_kb_entity *kb = NULL;
  if (t.found && t.title.plural && t.title.scope && t.title.scope->type == CSTO_ENTITY_COUNTRY)
    return each_country_title(c, ai, &t);
  if (t.found) {
    stop = t.title.plural ? 0 : parse_name(c, t.end, &name_at, &kb);
    if (!stop && !t.title.scope && !t.title.plural)
      return ai; /* a bare "president" or "chair" names no one */
    csto_mention *m = emit(c, CSTO_MENTION_PERSON, ai, stop ? stop : t.end);
    if (!m)
      return ai;
    add_title(m, &t);
    if (stop)
      set_name(c, m, name_at, stop, kb);
    return stop ? appositive_titles(c, m, stop) : t.end;
  }
  if ((kb = entity_of(&c->atoms[ai], T(PERSON)))) {
    csto_mention *m = emit(c, CSTO_MENTION_PERSON, ai, ai + 1);
    if (!m)
      return ai;
    set_name(c, m, ai, ai + 1, kb);
    return appositive_titles(c, m, ai + 1);
  }
  return ai;
}

/* ---- dates -------------------------------------------------------------------------------- */

static int number_token(const ctx *c, size_t ai, int lo, int hi) {
  if (sentence_end_atom(c, ai))
    return 0;
  const csto_token *t = tok(c, &c->atoms[ai]);
  if (!(t->flags & CSTO_TOKEN_DIGITS))
    return 0;
  char *end;
  long v = strtol(t->norm, &end, 10);
  if (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") && strcmp(end, "th"))
    return 0;
  return v >= lo && v <= hi ? (int)v : 0;
}

static size_t skip_punct(const ctx *c, size_t ai, const char *p) {
  return !sentence_end_atom(c, ai) && is_punct(c, &c->atoms[ai], p) ? ai + 1 : ai;
}

/* Whether the verb nearest before a date, in its clause, speaks of the future ("will be
 * held on Wednesday", "will have a meeting with him on Friday") or not ("said last week
 * that he would not come; the meeting held on Wednesday"). */
static int future_before(const ctx *c, size_t ai) {
  size_t first = c->doc->sentences[c->sentence].first_token;
  for (size_t i = ai; i-- > 0 && i + 20 > ai && c->atoms[i].first >= first;) {
    const atom *a = &c->atoms[i];
    if (is_cue(a, CSTO_CUE_FUTURE))
      return 1;
    if (is_cue(a, CSTO_CUE_CLAUSE_BREAK) || is_cue(a, CSTO_CUE_EVENT_PREDICATE) ||
        is_cue(a, CSTO_CUE_GATHER) || is_cue(a, CSTO_CUE_REPORTING) ||
        is_cue(a, CSTO_CUE_ATTEND_ACTIVE) || is_cue(a, CSTO_CUE_ARRIVE))
      return 0;
  }
  return 0;
}

/* "-27" or "–27" after a day: the last day of a span. Returns the atom after it. */
static size_t span_end(const ctx *c, size_t i, int *last) {
  if (!sentence_end_atom(c, i) && is_punct(c, &c->atoms[i], "-") && (*last = number_token(c, i + 1, 1, 31)))
    return i + 2;
  *last = 0;
  return i;
}

static size_t try_date(ctx *c, size_t ai) {
  const atom *a = &c->atoms[ai];
  const csto_lex_entry *e;
  int month = 0, day = 0, last = 0, year = 0, weekday = -1;
  size_t i = ai;
  csto_date pub = c->doc->article->date;
  if ((e = meaning(a, CSTO_LEX_RELATIVE_DAY)) && pub.year) {
    csto_mention *m = emit(c, CSTO_MENTION_DATE, ai, ai + 1);
    if (m)
      m->date = csto_date_add_days(pub, e->value);
    return ai + 1;
  }
  if ((e = meaning(a, CSTO_LEX_WEEKDAY))) {
    weekday = e->value;
    i = ai + 1;
  } else if ((e = meaning(a, CSTO_LEX_MONTH))) { /* "Oct. 8, 2024", "December 26-27" */
    month = e->value;
    i = skip_punct(c, ai + 1, ".");
    if ((day = number_token(c, i, 1, 31)))
      i = span_end(c, i + 1, &last);
    size_t y = skip_punct(c, i, ",");
    if ((year = number_token(c, y, 1900, 2100)))
      i = y + 1;
    if (!day && !year)
      return ai; /* "May" alone may be a verb; a bare month pins no day anyway */
  } else if ((day = number_token(c, ai, 1, 31))) { /* "3 December 2015", "15-16 September" */
    size_t m_at = span_end(c, ai + 1, &last);
    if (sentence_end_atom(c, m_at) || !(e = meaning(&c->atoms[m_at], CSTO_LEX_MONTH)))
      return ai;
    month = e->value;
    i = skip_punct(c, m_at + 1, ",");
    if ((year = number_token(c, i, 1900, 2100)))
      i++;
    else
      i = m_at + 1;
  } else {
    return ai;
  }
  csto_mention *m = emit(c, CSTO_MENTION_DATE, ai, i);
  int future = future_before(c, ai);
  if (m && (day || weekday >= 0))
    m->date = csto_resolve_date(pub, year, month, day, weekday, future);
  if (m && last > day && m->date.year)
    m->date_end = csto_resolve_date(m->date, m->date.year, month, last, -1, 0);
  if (m)
    m->year_given = year != 0;
  return i;
}

/* ---- places: "Kyrgyzstan's capital Bishkek", "the capital of Turkmenistan", "here" ----- */

static size_t emit_place(ctx *c, size_t a0, size_t a1, const csto_kb_entity *place) {
  csto_mention *m = place ? emit(c, CSTO_MENTION_ENTITY, a0, a1) : NULL;
  if (m) {
    m->kb = place;
    m->type = place->type;
  }
  return a1;
}

static size_t try_place(ctx *c, size_t ai) {
  const atom *a = &c->atoms[ai];
  const csto_kb_entity *country = entity_of(a, T(COUNTRY)), *city;
  size_t i = ai;
  if (is_cue(a, CSTO_CUE_HERE))
    return emit_place(c, ai, ai + 1, c->doc->dateline_city);
  if (country && !sentence_end_atom(c, ai + 2) && is_cue(&c->atoms[ai + 1], CSTO_CUE_POSSESSIVE) &&
      is_cue(&c->atoms[ai + 2], CSTO_CUE_CAPITAL)) {
    i = ai + 3;
    if (!sentence_end_atom(c, i) && is_cue(&c->atoms[i], CSTO_CUE_OF))
      i++;
    if (!sentence_end_atom(c, i) && (city = entity_of(&c->atoms[i], T(CITY))))
      return emit_place(c, ai, i + 1, city);
    return emit_place(c, ai, ai + 3, country->capital);
  }
  const csto_lex_entry *demonym;
  i = is_cue(a, CSTO_CUE_DEFINITE) ? ai + 1 : ai; /* "the Kazakh capital" */
  if (!sentence_end_atom(c, i + 1) && (demonym = meaning(&c->atoms[i], CSTO_LEX_DEMONYM)) &&
      is_cue(&c->atoms[i + 1], CSTO_CUE_CAPITAL))
    return emit_place(c, ai, i + 2, demonym->entity->capital);
  if (is_cue(a, CSTO_CUE_DEFINITE) && !sentence_end_atom(c, ai + 1) &&
      is_cue(&c->atoms[ai + 1], CSTO_CUE_CAPITAL)) {
    if (!sentence_end_atom(c, ai + 3) && is_cue(&c->atoms[ai + 2], CSTO_CUE_OF) &&
        (country = entity_of(&c->atoms[ai + 3], T(COUNTRY))))
      return emit_place(c, ai, ai + 4, country->capital);
    return emit_place(c, ai, ai + 2, c->doc->dateline_city);
  }
  return ai;
}

/* ---- events --------------------------------------------------------------------------------- */

/* Add an organizer; a body stands for its organization ("the Council of Heads of State
 * of the CIS" is the council's event, not also the CIS's). */
static void event_add_org(csto_mention *m, const csto_kb_entity *e) {
  for (int i = 0; i < m->n_orgs; i++) {
    if (m->orgs[i] == e || m->orgs[i]->part_of == e)
      return;
    if (e->part_of == m->orgs[i]) {
      m->orgs[i] = e;
      return;
    }
  }
  if (m->n_orgs < CSTO_MAX_EVENT_ORGS)
    m->orgs[m->n_orgs++] = e;
}

static int recognizer_only(csto_cue cue);

/* An atom that means nothing the extractors use: a plain word. */
static int plain(const atom *a) {
  for (size_t i = 0; i < a->n; i++)
    if (a->meanings[i]->kind != CSTO_LEX_CUE || !recognizer_only((csto_cue)a->meanings[i]->value))
      return 0;
  return 1;
}

/* Fold what an atom says into the event; 0 when the atom cannot stand in an event phrase. */
static int event_modifier(ctx *c, csto_mention *m, size_t ai, int left) {
  const atom *a = &c->atoms[ai];
  const csto_kb_entity *e = entity_of(a, T(ORGANIZATION) | T(BODY));
  const csto_lex_entry *role = meaning(a, CSTO_LEX_ROLE);
  if (e) {
    event_add_org(m, e);
  } else if (role && plural_role(c, a)) {
    m->participants |= 1u << role->value;
  } else if (left && (e = entity_of(a, T(CITY)))) {
    m->place = e;
  } else if (left && meaning(a, CSTO_LEX_MODE)) {
    m->mode = (csto_mode)meaning(a, CSTO_LEX_MODE)->value; /* "the online session" */
  } else if (left && is_cue(a, CSTO_CUE_JOINT)) {
    m->joint = 1;
  } else if (left && (is_cue(a, CSTO_CUE_NEXT) || is_cue(a, CSTO_CUE_PREVIOUS))) {
    m->next = 1; /* another occurrence: "the next summit", "last year's summit" */
  } else if (is_cue(a, CSTO_CUE_POSSESSIVE) || (left && is_cue(a, CSTO_CUE_FUTURE))) {
  } else if (is_punct(c, a, "(") || is_punct(c, a, ")") || is_punct(c, a, "-") ||
             is_cue(a, CSTO_CUE_DEFINITE)) {
  } else if (!left && (is_cue(a, CSTO_CUE_OF) || is_cue(a, CSTO_CUE_LIST_SEPARATOR))) {
  } else if (plain(a) && (tok(c, a)->flags & CSTO_TOKEN_WORD) &&
             !(tok(c, a)->flags & CSTO_TOKEN_CAPITALIZED)) {
    return 2; /* a plain word: an adjective or a noun of the phrase */
  } else if (a->n == 0 && (tok(c, a)->flags & CSTO_TOKEN_DIGITS) && left) {
  } else {
    return 0;
  }
  return 1;
}

static void drop_mentions_from(csto_doc *doc, size_t token) {
  while (doc->n_mentions && doc->mentions[doc->n_mentions - 1].first >= token)
    doc->n_mentions--;
}

static csto_event_class class_with_bodies(const csto_mention *m, csto_event_class cls) {
  if (cls != CSTO_EVENT_GENERIC && cls != CSTO_EVENT_MEETING && cls != CSTO_EVENT_SESSION)
    return cls;
  for (int i = 0; i < m->n_orgs; i++)
    if (m->orgs[i]->meeting_class)
      return m->orgs[i]->meeting_class;
  if (m->participants & (1u << CSTO_ROLE_HEAD_OF_STATE))
    return CSTO_EVENT_SUMMIT;
  return cls == CSTO_EVENT_GENERIC && (m->n_orgs || m->participants) ? CSTO_EVENT_MEETING : cls;
}

static size_t try_event(ctx *c, size_t ai, size_t sentence_first_atom) {
  const csto_lex_entry *noun = meaning(&c->atoms[ai], CSTO_LEX_EVENT_NOUN);
  if (!noun)
    return ai;
  csto_mention probe = {0};
  size_t left = ai, plain_words = 0;
  while (left > sentence_first_atom) {
    int k = event_modifier(c, &probe, left - 1, 1);
    if (!k || (k == 2 && ++plain_words > 2))
      break;
    left--;
    if (is_cue(&c->atoms[left], CSTO_CUE_DEFINITE) || is_cue(&c->atoms[left], CSTO_CUE_INDEFINITE))
      break;
  }
  if (left > sentence_first_atom && is_cue(&c->atoms[left - 1], CSTO_CUE_INDEFINITE))
    left--;
  for (int i = 0; i < probe.n_orgs / 2; i++) { /* gathered right to left: text order */
    const csto_kb_entity *t = probe.orgs[i];
    probe.orgs[i] = probe.orgs[probe.n_orgs - 1 - i];
    probe.orgs[probe.n_orgs - 1 - i] = t;
  }
  size_t right = ai + 1;
  plain_words = 0;
  while (!sentence_end_atom(c, right) && is_cue(&c->atoms[right], CSTO_CUE_OF)) {
    size_t r = right + 1;
    csto_mention more = probe;
    int any = 0;
    while (!sentence_end_atom(c, r)) {
      int k = event_modifier(c, &more, r, 0);
      if (!k || (k == 2 && ++plain_words > 3))
        break;
      if (is_cue(&c->atoms[r], CSTO_CUE_OF))
        plain_words = 0; /* "of national security councils of the CSTO" */
      any |= more.n_orgs != probe.n_orgs || more.participants != probe.participants;
      r++;
    }
    if (!any)
      break;
    while (r > right && (is_cue(&c->atoms[r - 1], CSTO_CUE_LIST_SEPARATOR) ||
                         is_cue(&c->atoms[r - 1], CSTO_CUE_OF) ||
                         is_cue(&c->atoms[r - 1], CSTO_CUE_DEFINITE) || plain(&c->atoms[r - 1])))
      r--;
    probe = more;
    right = r;
  }
  drop_mentions_from(c->doc, c->atoms[left].first);
  csto_mention *m = emit(c, CSTO_MENTION_EVENT, left, right);
  if (!m)
    return right;
  memcpy(m->orgs, probe.orgs, sizeof m->orgs);
  m->n_orgs = probe.n_orgs;
  m->participants = probe.participants;
  m->place = probe.place;
  m->mode = probe.mode;
  m->joint = probe.joint;
  m->next = probe.next;
  /* "the summit", "today's session": a known event */
  m->definite = is_cue(&c->atoms[left], CSTO_CUE_DEFINITE) ||
                is_cue(&c->atoms[left], CSTO_CUE_POSSESSIVE);
  m->indefinite = is_cue(&c->atoms[left], CSTO_CUE_INDEFINITE);
  m->event_class = noun->value == CSTO_EVENT_PLURAL ? CSTO_EVENT_PLURAL
                                                    : class_with_bodies(m, (csto_event_class)noun->value);
  return right;
}

/* A body followed by "will be held", "convened": the body's session is meant. */
static int body_session(const ctx *c, size_t ai) {
  if (!entity_of(&c->atoms[ai], T(BODY)))
    return 0;
  for (size_t i = ai + 1; i < ai + 6 && !sentence_end_atom(c, i); i++) {
    const atom *a = &c->atoms[i];
    if (is_cue(a, CSTO_CUE_EVENT_PREDICATE))
      return 1;
    if (!(is_punct(c, a, ",") || is_cue(a, CSTO_CUE_CLAUSE_BREAK) || is_cue(a, CSTO_CUE_FUTURE)))
      return 0;
  }
  return 0;
}

/* Whether the verb at k gathers people for an event named right after it: "gathered in
 * Astana on Tuesday for their annual summit". */
static int gathers_for_event(const csto_doc *doc, size_t k) {
  for (size_t i = k + 1; i < doc->n_mentions; i++) {
    const csto_mention *m = &doc->mentions[i];
    if (m->kind == CSTO_MENTION_EVENT)
      return 1;
    if (!(m->kind == CSTO_MENTION_DATE || m->kind == CSTO_MENTION_ENTITY ||
          (m->kind == CSTO_MENTION_CUE && (m->cue == CSTO_CUE_PLACE_PREP || m->cue == CSTO_CUE_OF))))
      return 0;
  }
  return 0;
}

/* People who "gathered" make an event when no event is named right after the verb:
 * "Foreign ministers of the SCO gathered in Beijing". */
static void implicit_event(ctx *c, size_t first, size_t k) {
  csto_doc *doc = c->doc;
  const csto_mention *subject = NULL;
  for (size_t i = k; i-- > first && !subject;) {
    const csto_mention *p = &doc->mentions[i];
    if ((p->kind == CSTO_MENTION_PERSON && p->n_titles && p->titles[0].plural) ||
        (p->kind == CSTO_MENTION_ENTITY && p->kb && p->type == CSTO_ENTITY_BODY))
      subject = p; /* "Foreign ministers of the SCO", "the Council of Foreign Ministers" */
  }
  if (!subject)
    return;
  csto_mention who = *subject;
  const csto_kb_entity *org = who.kind == CSTO_MENTION_ENTITY ? who.kb : who.titles[0].scope;
  if (gathers_for_event(doc, k)) {
    /* "Leaders of the CSTO met ... for their annual summit": the summit is the CSTO's */
    for (size_t i = k + 1; i < doc->n_mentions; i++)
      if (doc->mentions[i].kind == CSTO_MENTION_EVENT) {
        if (org && !doc->mentions[i].n_orgs && org->type != CSTO_ENTITY_COUNTRY)
          event_add_org(&doc->mentions[i], org);
        break;
      }
    return;
  }
  csto_mention *m = &doc->mentions[k]; /* the verb becomes the event (and keeps its cue) */
  m->kind = CSTO_MENTION_EVENT;
  if (who.kind == CSTO_MENTION_ENTITY) {
    event_add_org(m, who.kb);
  } else {
    if (who.titles[0].scope)
      event_add_org(m, who.titles[0].scope);
    m->participants = 1u << who.titles[0].role;
  }
  m->definite = 1; /* "the heads of state met": the summit already spoken of, if any */
  m->event_class = class_with_bodies(m, CSTO_EVENT_MEETING);
}

/* "the Collective Security Council is to hold a session": the session is the body's. */
static void holder_org(ctx *c, size_t first, size_t k) {
  csto_mention *m = &c->doc->mentions[k];
  if (m->n_orgs)
    return;
  for (size_t i = k; i-- > first;) {
    const csto_mention *p = &c->doc->mentions[i];
    if (p->kind == CSTO_MENTION_ENTITY && (p->type == CSTO_ENTITY_BODY || p->type == CSTO_ENTITY_ORGANIZATION) &&
        p->kb && i + 3 >= k) {
      event_add_org(m, p->kb);
      m->event_class = class_with_bodies(m, m->event_class);
      return;
    }
    if (p->kind != CSTO_MENTION_CUE)
      return;
  }
}

static void sentence_post_pass(ctx *c, size_t first) {
  for (size_t k = first; k < c->doc->n_mentions; k++) {
    csto_mention *m = &c->doc->mentions[k];
    if (m->kind == CSTO_MENTION_CUE && m->cue == CSTO_CUE_GATHER)
      implicit_event(c, first, k);
    else if (m->kind == CSTO_MENTION_EVENT && m->indefinite)
      holder_org(c, first, k);
  }
}

/* ---- single atoms ------------------------------------------------------------------------ */

/* Cues that only shape names and phrases here; the extractors never look for them. */
static int recognizer_only(csto_cue cue) {
  return cue == CSTO_CUE_NOT_A_NAME || cue == CSTO_CUE_NAME_PARTICLE ||
         cue == CSTO_CUE_ABBREVIATION || cue == CSTO_CUE_HONORIFIC ||
         cue == CSTO_CUE_TITLE_MODIFIER || cue == CSTO_CUE_FEMALE_TITLE;
}

static void emit_meanings(ctx *c, size_t ai) {
  const atom *a = &c->atoms[ai];
  const csto_kb_entity *e = entity_of(a, ~T(PERSON));
  const csto_lex_entry *d = meaning(a, CSTO_LEX_DEMONYM), *mode = meaning(a, CSTO_LEX_MODE);
  csto_mention *m;
  if (e || d) {
    if ((m = emit(c, CSTO_MENTION_ENTITY, ai, ai + 1))) {
      m->kb = e ? e : d->entity;
      m->type = m->kb->type;
      m->demonym = !e;
    }
    return;
  }
  if (mode && (m = emit(c, CSTO_MENTION_MODE, ai, ai + 1)))
    m->mode = (csto_mode)mode->value;
  for (size_t i = 0; i < a->n; i++) {
    if (a->meanings[i]->kind != CSTO_LEX_CUE)
      continue;
    csto_cue cue = (csto_cue)a->meanings[i]->value;
    if (recognizer_only(cue))
      continue;
    int pronoun = cue == CSTO_CUE_PRONOUN_MALE || cue == CSTO_CUE_PRONOUN_FEMALE;
    if (!(m = emit(c, pronoun ? CSTO_MENTION_PRONOUN : CSTO_MENTION_CUE, ai, ai + 1)))
      return;
    m->cue = cue;
    if (pronoun)
      m->gender = cue == CSTO_CUE_PRONOUN_MALE ? CSTO_GENDER_MALE : CSTO_GENDER_FEMALE;
  }
}

static int after_place_prep(const ctx *c, size_t ai, size_t first) {
  size_t i = ai;
  if (i > first && is_cue(&c->atoms[i - 1], CSTO_CUE_DEFINITE))
    i--;
  return i > first && is_cue(&c->atoms[i - 1], CSTO_CUE_PLACE_PREP);
}

/* A new proper name, typed by where it stands. */
static size_t try_new_name(ctx *c, size_t ai, size_t first) {
  int has_of;
  size_t e = name_end(c, ai, &has_of);
  if (e == ai)
    return ai;
  csto_mention *m;
  if (after_place_prep(c, ai, first)) {
    if ((m = emit(c, CSTO_MENTION_ENTITY, ai, e)))
      m->type = e - ai > 1 || has_of ? CSTO_ENTITY_VENUE : CSTO_ENTITY_CITY;
  } else if (!has_of && (m = emit(c, CSTO_MENTION_PERSON, ai, e))) {
    /* a name alone; the resolver keeps it only if it is one */
    set_name(c, m, ai, e, NULL);
    return appositive_titles(c, m, e);
  } else {
    return e;
  }
  if (m) {
    m->name_first = m->first;
    m->name_end = m->end;
  }
  return e;
}

/* ---- the sentence loop --------------------------------------------------------------------- */

/* The dateline: "MINSK, May 12. /TASS/.", "Baku, Sept. 17 (Trend) -",
 * "ASTANA —". Its city is what "here" and "the capital" mean; its date is the
 * report's, not an event's, so the atoms up to its dash are skipped (returned). */
static size_t find_dateline(ctx *c) {
  if (c->n_atoms == 0)
    return 0;
  const atom *a = &c->atoms[0];
  const csto_kb_entity *city = entity_of(a, T(CITY));
  if (!city)
    return 0;
  if (tok(c, a)->flags & CSTO_TOKEN_UPPER)
    c->doc->dateline_city = city;
  int paren = 0, slash = 0; /* inside "(Trend)" or "/TASS/" anything goes */
  for (size_t i = 1; i < c->n_atoms && i < 16; i++) {
    const atom *b = &c->atoms[i];
    if (is_punct(c, b, "("))
      paren++;
    else if (is_punct(c, b, ")"))
      paren -= paren > 0;
    else if (is_punct(c, b, "/"))
      slash = !slash;
    else if (paren || slash)
      continue;
    else if (is_punct(c, b, "-")) {
      c->doc->dateline_city = city;
      return i + 1;
    } else if (!(b->n || is_punct(c, b, ",") || is_punct(c, b, ".") ||
                 (tok(c, b)->flags & (CSTO_TOKEN_DIGITS | CSTO_TOKEN_UPPER))))
      return 0;
  }
  return 0;
}

static void recognize_sentence(ctx *c, size_t a0) {
  for (size_t i = a0; !sentence_end_atom(c, i);) {
    size_t next;
    if ((next = try_date(c, i)) != i || (next = try_place(c, i)) != i ||
        (next = try_person(c, i)) != i)
      ;
    else if (body_session(c, i)) {
      csto_mention *m = emit(c, CSTO_MENTION_EVENT, i, i + 1);
      if (m) {
        event_add_org(m, entity_of(&c->atoms[i], T(BODY)));
        m->definite = 1;
        m->event_class = class_with_bodies(m, CSTO_EVENT_GENERIC);
      }
      next = i + 1;
    } else if ((next = try_event(c, i, a0)) != i || (next = try_new_name(c, i, a0)) != i)
      ;
    else {
      emit_meanings(c, i);
      next = i + 1;
    }
    i = next;
  }
}

csto_status csto_recognize(csto_doc *doc, csto_error *err) {
  ctx c = {doc, NULL, 0, 0};
  csto_status st = build_atoms(&c, err);
  if (st != CSTO_OK)
    return st;
  size_t ai = find_dateline(&c);
  for (c.sentence = 0; c.sentence < doc->n_sentences; c.sentence++) {
    while (ai < c.n_atoms && c.atoms[ai].first < doc->sentences[c.sentence].first_token)
      ai++;
    size_t first = doc->n_mentions;
    recognize_sentence(&c, ai);
    sentence_post_pass(&c, first);
  }
  free(c.atoms);
  return CSTO_OK;
}
