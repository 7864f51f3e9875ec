/* Proper names the knowledge base does not know, typed by where they stand.
 *
 * A name is a run of capitalized words with particles, hyphens and initials inside:
 * "Abdulaziz bin Nasser", "Jean-Pierre", "Ali A. Mammadov". After a place preposition it
 * is a place ("held in Kazan": a city; "at the Palace of Independence": a venue); after
 * a determiner a thing ("this FSU republic"); elsewhere a person ("Olga Petrova, Deputy
 * Foreign Minister"), whom the resolver keeps only if the sentence shows it is one. */
#include "recognize/recognize.h"

static int capitalized(const ctx *c, const atom *a) {
  return (tok(c, a)->flags & CSTO_TOKEN_CAPITALIZED) && !(tok(c, a)->flags & CSTO_TOKEN_DIGITS);
}

int csto_name_word(const ctx *c, const atom *a) {
  if (!capitalized(c, a) || is_cue(a, CSTO_CUE_NOT_A_NAME))
    return 0;
  for (size_t i = 0; i < a->n; i++)
    if (atom_meaning(a, i)->kind != CSTO_LEX_CUE ||
        (atom_meaning(a, i)->value != CSTO_CUE_NAME_PARTICLE &&
         atom_meaning(a, i)->value != CSTO_CUE_ABBREVIATION))
      return 0;
  return 1;
}

/* Whether atoms ai and bi touch, with no space between them. */
static int adjacent(const ctx *c, size_t ai, size_t bi) {
  return c->doc->tokens[c->atoms[ai].end - 1].end == c->doc->tokens[c->atoms[bi].first].begin;
}

/* "-" or "." joining two words of a name: "Jean-Pierre", "A. Mammadov" (a hyphen
 * touches both words, a period only the one before). */
static int name_joint(const ctx *c, size_t e) {
  const atom *a = &c->atoms[e];
  int hyphen = is_punct(c, a, "-");
  return (hyphen || is_punct(c, a, ".")) && adjacent(c, e - 1, e) && !sentence_end_atom(c, e + 1) &&
         csto_name_word(c, &c->atoms[e + 1]) && (!hyphen || adjacent(c, e, e + 1));
}

size_t csto_name_end(const ctx *c, size_t ai, int *has_of) {
  *has_of = 0;
  if (sentence_end_atom(c, ai) || !csto_name_word(c, &c->atoms[ai]))
    return ai;
  size_t e = ai + 1;
  while (!sentence_end_atom(c, e)) {
    const atom *a = &c->atoms[e];
    if (csto_name_word(c, a) || (capitalized(c, a) && is_cue(a, CSTO_CUE_NAME_PARTICLE))) {
      e++;
    } else if (name_joint(c, e)) {
      e += 2;
    } else if ((is_cue(a, CSTO_CUE_NAME_PARTICLE) || is_cue(a, CSTO_CUE_OF)) &&
               !sentence_end_atom(c, e + 1) && csto_name_word(c, &c->atoms[e + 1])) {
      *has_of |= is_cue(a, CSTO_CUE_OF);
      e += 2;
    } else {
      break;
    }
  }
  return e;
}

/* Whether a place preposition stands before atom ai: "in Sochi", "at the Kremlin". */
static int after_place_prep(const ctx *c, size_t ai, size_t first) {
  size_t i = ai;
  if (i > first && is_cue(&c->atoms[i - 1], CSTO_CUE_DEFINITE))
    i--;
  return i > first && is_cue(&c->atoms[i - 1], CSTO_CUE_PLACE_PREP);
}

/* "this FSU republic", "on the Red Square": a determiner stands before a thing's name, not
 * a person's. */
static int after_determiner(const ctx *c, size_t ai, size_t first) {
  return ai > first &&
         (is_cue(&c->atoms[ai - 1], CSTO_CUE_DEFINITE) || is_cue(&c->atoms[ai - 1], CSTO_CUE_INDEFINITE));
}

/* A place's name may hold a known name inside it: "the Grand | Kremlin | Palace". Returns
 * the atom after the whole name that ends at e. */
static size_t place_name_end(const ctx *c, size_t e, int *has_of) {
  int of;
  size_t more;
  while (!sentence_end_atom(c, e + 1) && capitalized(c, &c->atoms[e]) &&
         entity_of(&c->atoms[e], ~T(PERSON)) && (more = csto_name_end(c, e + 1, &of)) > e + 1) {
    *has_of |= of;
    e = more;
  }
  return e;
}

size_t csto_recognize_new_name(ctx *c, size_t ai, size_t first) {
  int has_of;
  size_t e = csto_name_end(c, ai, &has_of);
  if (e == ai)
    return ai;
  csto_mention *m;
  if (after_place_prep(c, ai, first)) {
    e = place_name_end(c, e, &has_of);
    /* one atom is a city ("in Kazan"), more a venue ("at the Palace of Independence") */
    if ((m = emit(c, CSTO_MENTION_ENTITY, ai, e)))
      m->type = e - ai > 1 || has_of ? CSTO_ENTITY_VENUE : CSTO_ENTITY_CITY;
  } else if (!has_of && !after_determiner(c, ai, first) &&
             (m = emit(c, CSTO_MENTION_PERSON, ai, e))) {
    /* a name alone; the resolver keeps it only if it is one */
    csto_person_set_name(c, m, ai, e, NULL);
    return csto_person_appositive_titles(c, m, e);
  } else {
    return e;
  }
  if (m) {
    m->name_first = m->first;
    m->name_end = m->end;
  }
  return e;
}
