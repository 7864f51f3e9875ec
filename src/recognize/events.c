/* Events: the phrases that name them, and the events that sentences imply.
 *
 * An event phrase grows from an event noun to the left over what describes it and to
 * the right over of-phrases that name its organizers or participants: "the CSTO
 * Collective Security Council meeting", "a joint CSTO-SCO summit", "the meeting of
 * foreign ministers of the CIS". A body followed by an event predicate is its session
 * ("the Collective Security Council convened"), people who "gathered" make an event when
 * none is named ("Foreign ministers of the SCO gathered in Beijing"), and an indefinite
 * event takes a body just before it as its holder ("the CSTO is to hold a session"). */
#include "recognize/recognize.h"

enum {
  /* Plain words an event phrase may hold before its noun: "the regular annual summit". */
  MAX_PLAIN_WORDS_BEFORE_NOUN = 2,
  /* Plain words after each "of" before the body or role it leads to: "of national
   * security councils of the CSTO". */
  MAX_PLAIN_WORDS_AFTER_OF = 3,
  /* Atoms after a body where its event predicate may still stand, past commas, clause
   * breaks and future markers: "the Council, which will convene" needs 4. */
  BODY_PREDICATE_REACH = 5,
  /* Mentions from a body back to an indefinite event it holds: "the CSTO | is to | hold
   * | a session" is 3. */
  HOLDER_REACH = 3,
};

/* What an atom contributes to an event phrase. */
typedef enum {
  NOT_IN_EVENT, /* ends the phrase */
  EVENT_PART,   /* an organizer, participants, a place, "joint", "the", ... */
  PLAIN_WORD,   /* an adjective or a noun of the phrase: "annual", "ministerial" */
} event_word;

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

/* An earlier event phrase that defined the abbreviation at atom ai in parentheses: "the
 * Council of the Heads of Government (CHG)" for "the 23rd CHG meeting"; NULL if none. */
static const csto_mention *defining_event(const ctx *c, const atom *a) {
  const csto_token *t = tok(c, a);
  if (a->n || !(t->flags & CSTO_TOKEN_UPPER))
    return NULL;
  const csto_token *tokens = c->doc->tokens;
  for (size_t k = 0; k < c->out->n_mentions; k++) {
    const csto_mention *m = &c->out->mentions[k];
    for (size_t i = m->first + 1; m->kind == CSTO_MENTION_EVENT && i + 1 < m->end; i++)
      if (strcmp(tokens[i].norm, t->norm) == 0 && strcmp(tokens[i - 1].norm, "(") == 0 &&
          strcmp(tokens[i + 1].norm, ")") == 0)
        return m;
  }
  return NULL;
}

/* Fold what atom ai says into the event m; left tells which side of the noun it is on. */
static event_word event_modifier(const ctx *c, csto_mention *m, size_t ai, int left) {
  const atom *a = &c->atoms[ai];
  const csto_kb_entity *e = entity_of(a, T(ORGANIZATION) | T(BODY));
  const csto_lex_entry *role = meaning(a, CSTO_LEX_ROLE), *noun = meaning(a, CSTO_LEX_EVENT_NOUN);
  const csto_mention *defined;
  if (e) {
    event_add_org(m, e);
  } else if (left && (defined = defining_event(c, a))) {
    for (int i = 0; i < defined->n_orgs; i++) /* "the CHG meeting" */
      event_add_org(m, defined->orgs[i]);
    m->participants |= defined->participants;
  } else if (role && csto_atom_plural_role(c, a)) {
    m->participants |= 1u << role->value;
  } else if (left && (e = entity_of(a, T(CITY)))) {
    m->place = e;
  } else if (left && meaning(a, CSTO_LEX_MODE)) {
    m->mode = (csto_mode)meaning(a, CSTO_LEX_MODE)->value; /* "the online session" */
  } else if (left && noun && noun->value != CSTO_EVENT_PLURAL) {
    m->event_class = (csto_event_class)noun->value; /* "a summit meeting" */
  } else if (left && is_cue(a, CSTO_CUE_JOINT)) {
    m->joint = 1;
  } else if (left && is_cue(a, CSTO_CUE_FORMAT)) {
    m->format = 1; /* "the narrow-format meeting" */
  } else if (left && (is_cue(a, CSTO_CUE_NEXT) || is_cue(a, CSTO_CUE_PREVIOUS))) {
    m->next = 1; /* another occurrence: "the next summit", "last year's summit" */
    m->when = is_cue(a, CSTO_CUE_PREVIOUS) ? -1 : 1;
  } else if (left && is_cue(a, CSTO_CUE_FUTURE)) {
    m->when = 1; /* "the upcoming summit" */
  } else if (is_cue(a, CSTO_CUE_POSSESSIVE)) {
  } else if (is_punct(c, a, "(") || is_punct(c, a, ")") || is_punct(c, a, "-") ||
             is_cue(a, CSTO_CUE_DEFINITE)) {
  } else if (!left && (is_cue(a, CSTO_CUE_OF) || is_cue(a, CSTO_CUE_LIST_SEPARATOR))) {
  } else if (!left && is_cue(a, CSTO_CUE_STATES)) {
    /* "of the heads of the member states of the CSTO": also a member-list cue elsewhere */
  } else if (csto_atom_plain(a) && (tok(c, a)->flags & CSTO_TOKEN_WORD) &&
             (!(tok(c, a)->flags & CSTO_TOKEN_CAPITALIZED) || is_cue(a, CSTO_CUE_NOT_A_NAME))) {
    return PLAIN_WORD; /* "annual", or "Informal" opening a sentence */
  } else if (a->n == 0 && (tok(c, a)->flags & CSTO_TOKEN_DIGITS) && left) {
  } else {
    return NOT_IN_EVENT;
  }
  return EVENT_PART;
}

/* An event phrase replaces the mentions made inside it ("CSTO" in "the CSTO summit"). */
static void drop_mentions_from(csto_recognition *rec, size_t token) {
  while (rec->n_mentions && rec->mentions[rec->n_mentions - 1].first >= token)
    rec->n_mentions--;
}

/* A generic meeting of a body is the body's kind of meeting; one of heads of state is a
 * summit. */
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

/* "(CHG)": a short name the text gives what comes before; the phrase goes on past it. */
static int abbreviation_in_parentheses(const ctx *c, size_t ai) {
  return is_punct(c, &c->atoms[ai], "(") && !sentence_end_atom(c, ai + 2) &&
         is_punct(c, &c->atoms[ai + 2], ")") &&
         (tok(c, &c->atoms[ai + 1])->flags & CSTO_TOKEN_UPPER);
}

/* The phrase's first atom, left of the noun at ai: "a joint CSTO-SCO | summit",
 * "Foreign Ministers (CFM) | summit". */
static size_t event_left(const ctx *c, size_t ai, size_t first, csto_mention *probe) {
  size_t left = ai, plain_words = 0;
  while (left > first) {
    if (left >= first + 3 && abbreviation_in_parentheses(c, left - 3)) {
      left -= 3;
      continue;
    }
    event_word k = event_modifier(c, probe, left - 1, 1);
    if (k == NOT_IN_EVENT || (k == PLAIN_WORD && ++plain_words > MAX_PLAIN_WORDS_BEFORE_NOUN))
      break;
    left--;
    if (is_cue(&c->atoms[left], CSTO_CUE_DEFINITE) || is_cue(&c->atoms[left], CSTO_CUE_INDEFINITE))
      break;
  }
  if (left > first && is_cue(&c->atoms[left - 1], CSTO_CUE_INDEFINITE))
    left--;
  for (int i = 0; i < probe->n_orgs / 2; i++) { /* gathered right to left: text order */
    const csto_kb_entity *t = probe->orgs[i];
    probe->orgs[i] = probe->orgs[probe->n_orgs - 1 - i];
    probe->orgs[probe->n_orgs - 1 - i] = t;
  }
  return left;
}

/* Whether the atom may end an of-phrase's words without ending the phrase. */
static int of_phrase_filler(const atom *a) {
  return is_cue(a, CSTO_CUE_LIST_SEPARATOR) || is_cue(a, CSTO_CUE_OF) ||
         is_cue(a, CSTO_CUE_DEFINITE) || csto_atom_plain(a);
}

/* Whether the of-phrase at atom of names an organizer the knowledge base lacks: "the
 * Ministerial Meeting | of the Non-Aligned Movement". */
static int unknown_organizer(const ctx *c, size_t of) {
  size_t i = of + 1;
  if (!sentence_end_atom(c, i) && is_cue(&c->atoms[i], CSTO_CUE_DEFINITE))
    i++;
  int has_of;
  return csto_name_end(c, i, &has_of) > i;
}

/* The atom after the phrase, right of the noun at ai: "meeting | of foreign ministers of
 * the CIS". An of-phrase belongs to the event only if it names organizers or
 * participants; the words after the last of them do not. An organizer the knowledge
 * base lacks makes the event another than the article's ("next"). */
static size_t event_right(const ctx *c, size_t ai, csto_mention *probe) {
  size_t right = ai + 1, plain_words = 0;
  if (!sentence_end_atom(c, right) && is_cue(&c->atoms[right], CSTO_CUE_OF) &&
      unknown_organizer(c, right))
    probe->next = 1;
  while (!sentence_end_atom(c, right) && is_cue(&c->atoms[right], CSTO_CUE_OF)) {
    size_t r = right + 1;
    csto_mention more = *probe;
    int any = 0;
    for (; !sentence_end_atom(c, r); r++) {
      if (abbreviation_in_parentheses(c, r)) {
        r += 2; /* "of the Council of the Heads of Government (CHG) of the SCO" */
        continue;
      }
      event_word k = event_modifier(c, &more, r, 0);
      if (k == NOT_IN_EVENT || (k == PLAIN_WORD && ++plain_words > MAX_PLAIN_WORDS_AFTER_OF))
        break;
      if (is_cue(&c->atoms[r], CSTO_CUE_OF))
        plain_words = 0; /* "of national security councils of the CSTO" */
      any |= more.n_orgs != probe->n_orgs || more.participants != probe->participants;
    }
    if (!any)
      break;
    while (r > right && of_phrase_filler(&c->atoms[r - 1]))
      r--;
    *probe = more;
    right = r;
  }
  return right;
}

/* Whether the atom is an event noun that another noun after it heads: "summit | meeting". */
static int event_noun_modifier(const ctx *c, size_t ai) {
  const csto_lex_entry *next;
  return !sentence_end_atom(c, ai + 1) &&
         (next = meaning(&c->atoms[ai + 1], CSTO_LEX_EVENT_NOUN)) &&
         next->value != CSTO_EVENT_PLURAL;
}

/* The class of the phrase: its noun's, or the event noun before a bare "meeting" ("a summit
 * meeting" is a summit). */
static csto_event_class phrase_class(const csto_lex_entry *noun, const csto_mention *probe) {
  csto_event_class cls = (csto_event_class)noun->value;
  if ((cls == CSTO_EVENT_MEETING || cls == CSTO_EVENT_GENERIC) &&
      probe->event_class != CSTO_EVENT_GENERIC)
    return probe->event_class;
  return cls;
}

size_t csto_recognize_event(ctx *c, size_t ai, size_t first) {
  const csto_lex_entry *noun = meaning(&c->atoms[ai], CSTO_LEX_EVENT_NOUN);
  if (!noun || (noun->value != CSTO_EVENT_PLURAL && event_noun_modifier(c, ai)))
    return ai;
  csto_mention probe = {0};
  size_t left = event_left(c, ai, first, &probe);
  size_t right = event_right(c, ai, &probe);
  drop_mentions_from(c->out, c->atoms[left].first);
  csto_mention *m = emit(c, CSTO_MENTION_EVENT, left, right);
  if (!m)
    return right;
  memcpy(m->orgs, probe.orgs, sizeof m->orgs);
  m->n_orgs = probe.n_orgs;
  m->participants = probe.participants;
  m->place = probe.place;
  m->mode = probe.mode;
  m->joint = probe.joint;
  m->format = probe.format;
  m->next = probe.next;
  m->when = probe.when;
  /* "the summit", "today's session": a known event */
  m->definite = is_cue(&c->atoms[left], CSTO_CUE_DEFINITE) ||
                is_cue(&c->atoms[left], CSTO_CUE_POSSESSIVE);
  m->indefinite = is_cue(&c->atoms[left], CSTO_CUE_INDEFINITE);
  m->modifier = !sentence_end_atom(c, right) && is_cue(&c->atoms[right], CSTO_CUE_EVENT_COMPOUND);
  m->plural = csto_atom_plural_role(c, &c->atoms[ai]);
  m->phrase = 1;
  csto_event_class cls = phrase_class(noun, &probe);
  m->event_class = cls == CSTO_EVENT_PLURAL ? cls : class_with_bodies(m, cls);
  /* "the Foreign Ministers (CFM) summit": ministers, not leaders, meet */
  unsigned leaders = 1u << CSTO_ROLE_HEAD_OF_STATE | 1u << CSTO_ROLE_HEAD_OF_GOVERNMENT;
  if (m->event_class == CSTO_EVENT_SUMMIT && m->participants && !(m->participants & leaders))
    m->event_class = CSTO_EVENT_MEETING;
  return right;
}

/* A body followed by "will be held", "convened", "which is due to take place": the body's
 * session is meant. One plain word (an auxiliary: "is", "has") may stand between. */
static int body_session(const ctx *c, size_t ai) {
  if (!entity_of(&c->atoms[ai], T(BODY)))
    return 0;
  int plain = 0;
  for (size_t i = ai + 1; i <= ai + BODY_PREDICATE_REACH && !sentence_end_atom(c, i); i++) {
    const atom *a = &c->atoms[i];
    if (is_cue(a, CSTO_CUE_EVENT_PREDICATE))
      return 1;
    if (csto_atom_plain(a) && !plain++)
      continue;
    if (!(is_punct(c, a, ",") || is_cue(a, CSTO_CUE_CLAUSE_BREAK) || is_cue(a, CSTO_CUE_FUTURE)))
      return 0;
  }
  return 0;
}

size_t csto_recognize_body_session(ctx *c, size_t ai) {
  if (!body_session(c, ai))
    return ai;
  csto_mention *m = emit(c, CSTO_MENTION_EVENT, ai, ai + 1);
  if (m) {
    event_add_org(m, entity_of(&c->atoms[ai], T(BODY)));
    m->definite = 1;
    m->event_class = class_with_bodies(m, CSTO_EVENT_GENERIC);
  }
  return ai + 1;
}

/* ---- after the sentence: events implied by verbs ------------------------------------------ */

/* Whether the verb at mention k gathers people for an event named right after it:
 * "gathered in Astana on Tuesday for their annual summit". */
static int gathers_for_event(const csto_recognition *rec, size_t k) {
  for (size_t i = k + 1; i < rec->n_mentions; i++) {
    const csto_mention *m = &rec->mentions[i];
    if (m->kind == CSTO_MENTION_EVENT)
      return 1;
    int place_or_of = m->cue == CSTO_CUE_PLACE_PREP || m->cue == CSTO_CUE_OF;
    if (!(m->kind == CSTO_MENTION_DATE || m->kind == CSTO_MENTION_ENTITY ||
          (m->kind == CSTO_MENTION_CUE && place_or_of)))
      return 0;
  }
  return 0;
}

/* Who gathered before the verb at mention k: plural titled persons ("Foreign ministers
 * of the SCO") or a body ("the Council of Foreign Ministers"); NULL when none. */
static const csto_mention *gathering_subject(const csto_recognition *rec, size_t first, size_t k) {
  for (size_t i = k; i-- > first;) {
    const csto_mention *p = &rec->mentions[i];
    if ((p->kind == CSTO_MENTION_PERSON && p->n_titles && p->titles[0].plural) ||
        (p->kind == CSTO_MENTION_ENTITY && p->kb && p->type == CSTO_ENTITY_BODY))
      return p;
  }
  return NULL;
}

/* People who "gathered" make an event when no event is named right after the verb:
 * "Foreign ministers of the SCO gathered in Beijing". */
static void implicit_event(ctx *c, size_t first, size_t k) {
  csto_recognition *rec = c->out;
  const csto_mention *subject = gathering_subject(rec, first, k);
  if (!subject)
    return;
  csto_mention who = *subject;
  const csto_kb_entity *org = who.kind == CSTO_MENTION_ENTITY ? who.kb : who.titles[0].scope;
  if (gathers_for_event(rec, k)) {
    /* "Leaders of the CSTO met ... for their annual summit": the summit is the CSTO's */
    for (size_t i = k + 1; i < rec->n_mentions; i++)
      if (rec->mentions[i].kind == CSTO_MENTION_EVENT) {
        if (org && !rec->mentions[i].n_orgs && org->type != CSTO_ENTITY_COUNTRY)
          event_add_org(&rec->mentions[i], org);
        break;
      }
    return;
  }
  csto_mention *m = &rec->mentions[k]; /* the verb becomes the event (and keeps its cue) */
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
  csto_mention *m = &c->out->mentions[k];
  if (m->n_orgs)
    return;
  for (size_t i = k; i-- > first;) {
    const csto_mention *p = &c->out->mentions[i];
    int holder = p->type == CSTO_ENTITY_BODY || p->type == CSTO_ENTITY_ORGANIZATION;
    if (p->kind == CSTO_MENTION_ENTITY && holder && p->kb && k - i <= HOLDER_REACH) {
      event_add_org(m, p->kb);
      m->event_class = class_with_bodies(m, m->event_class);
      return;
    }
    if (p->kind != CSTO_MENTION_CUE)
      return;
  }
}

void csto_recognize_implicit_events(ctx *c, size_t first_mention) {
  for (size_t k = first_mention; k < c->out->n_mentions; k++) {
    csto_mention *m = &c->out->mentions[k];
    if (m->kind == CSTO_MENTION_CUE && m->cue == CSTO_CUE_GATHER)
      implicit_event(c, first_mention, k);
    else if (m->kind == CSTO_MENTION_EVENT && m->indefinite)
      holder_org(c, first_mention, k);
  }
}
