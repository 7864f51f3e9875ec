/* Internal to the recognizer (src/recognize/): the atoms a sentence is read in, and what
 * the recognizers of each kind of mention share.
 *
 * An atom is the longest phrase of the lexicon or the knowledge base at a position ("the
 * Collective Security Council" gives one atom for the council), or one token that means
 * nothing. Each csto_recognize_X(c, ai) looks at atom ai, emits the mentions it finds,
 * and returns the atom after what it took, or ai itself when no X starts there. */
#ifndef CSTO_RECOGNIZE_H
#define CSTO_RECOGNIZE_H

#include <string.h>

#include "csto/recognizer.h"

/* An atom's meanings are borrowed from the knowledge base (an atom per token of the
 * article, so each stays small): meaning i is entries[ids[i]] (csto_kb_entries). */
typedef struct {
  size_t first, end; /* tokens */
  const csto_lex_entry *entries;
  const int *ids;
  size_t n;
  unsigned kinds; /* 1 << the kind of each meaning: most atoms have no meaning of the kind a
                     recognizer asks for, and are told so without reading their meanings */
} atom;

static inline const csto_lex_entry *atom_meaning(const atom *a, size_t i) {
  return &a->entries[a->ids[i]];
}

/* The recognizer's state: the document it reads, the layer it makes, its atoms, and the
 * sentence being read. */
typedef struct {
  const csto_doc *doc;
  csto_recognition *out;
  atom *atoms;
  size_t n_atoms;
  size_t sentence;
  /* "seven prime ministers": the last counted plural title without a scope, and its
   * sentence; role NONE while there is none. Names with a state in brackets after it
   * ("X (Belarus)") are its holders. */
  csto_title counted;
  size_t counted_sentence;
} ctx;

/* A mask of entity types for entity_of: T(CITY) | T(COUNTRY). */
#define T(x) (1u << CSTO_ENTITY_##x)

/* ---- looking at one atom ---------------------------------------------------------------- */

static inline const csto_lex_entry *meaning(const atom *a, csto_lex_kind kind) {
  if (!(a->kinds & (1u << kind)))
    return NULL;
  for (size_t i = 0; i < a->n; i++)
    if (atom_meaning(a, i)->kind == kind)
      return atom_meaning(a, i);
  return NULL;
}

static inline int is_cue(const atom *a, csto_cue cue) {
  if (!(a->kinds & (1u << CSTO_LEX_CUE)))
    return 0;
  for (size_t i = 0; i < a->n; i++)
    if (atom_meaning(a, i)->kind == CSTO_LEX_CUE && atom_meaning(a, i)->value == (int)cue)
      return 1;
  return 0;
}

/* The knowledge-base entity the atom names, if its type is in type_mask. */
static inline const csto_kb_entity *entity_of(const atom *a, unsigned type_mask) {
  if (!(a->kinds & (1u << CSTO_LEX_ENTITY)))
    return NULL;
  for (size_t i = 0; i < a->n; i++) {
    const csto_lex_entry *e = atom_meaning(a, i);
    if (e->kind == CSTO_LEX_ENTITY && (type_mask & (1u << e->entity->type)))
      return e->entity;
  }
  return NULL;
}

/* The atom's first token. */
static inline const csto_token *tok(const ctx *c, const atom *a) {
  return &c->doc->tokens[a->first];
}

static inline int is_punct(const ctx *c, const atom *a, const char *p) {
  return a->end == a->first + 1 && strcmp(tok(c, a)->norm, p) == 0;
}

/* Whether atom ai lies past the current sentence (or past the last atom). */
static inline int sentence_end_atom(const ctx *c, size_t ai) {
  return ai >= c->n_atoms || c->atoms[ai].first >= c->doc->sentences[c->sentence].end_token;
}

/* A mention of atoms [a0, a1) in the current sentence; NULL when out of memory. */
static inline csto_mention *emit(ctx *c, csto_mention_kind kind, size_t a0, size_t a1) {
  return csto_recognition_add(c->out, kind, c->sentence, c->atoms[a0].first,
                              c->atoms[a1 - 1].end);
}

/* ---- atoms.c: building atoms; what an atom is ---------------------------------------------- */

/* Fill c->atoms for every sentence of c->doc (free them with free(c->atoms)). */
csto_status csto_atoms_build(ctx *c, csto_error *err);

/* Whether a role title is plural: "heads of state", "foreign ministers". */
int csto_atom_plural_role(const ctx *c, const atom *a);

/* Cues that only shape names and phrases in the recognizer; no mention is made of them. */
int csto_cue_recognizer_only(csto_cue cue);

/* An atom that means nothing the extractors use: a plain word. */
int csto_atom_plain(const atom *a);

/* ---- names.c ------------------------------------------------------------------------------ */

/* A word that may be part of a name: capitalized, with no meaning beyond name parts. */
int csto_name_word(const ctx *c, const atom *a);

/* The atom after a name starting at ai, or ai when none starts there; *has_of tells
 * whether the name holds an "of" ("Palace of Independence"). */
size_t csto_name_end(const ctx *c, size_t ai, int *has_of);

/* A proper name not in the knowledge base; first is the sentence's first atom. */
size_t csto_recognize_new_name(ctx *c, size_t ai, size_t first);

/* ---- persons.c ---------------------------------------------------------------------------- */

/* Make m the person named by atoms [name_at, name_stop); kb when the name is known. */
void csto_person_set_name(ctx *c, csto_mention *m, size_t name_at, size_t name_stop,
                          const csto_kb_entity *kb);

/* Titles after a person's name, from atom i (", Foreign Minister of Armenia"); returns
 * the atom after them. */
size_t csto_person_appositive_titles(ctx *c, csto_mention *m, size_t i);

/* A person with titles, a title alone, or a known person's name. */
size_t csto_recognize_person(ctx *c, size_t ai);

/* ---- recognizer.c ------------------------------------------------------------------------- */

/* What atom ai means by itself: an entity, a mode, cue words, a pronoun. */
void csto_recognize_meanings(ctx *c, size_t ai);

/* ---- dates.c, places.c, events.c, dateline.c ------------------------------------------------ */

size_t csto_recognize_date(ctx *c, size_t ai);
size_t csto_recognize_place(ctx *c, size_t ai);

/* An event phrase around an event noun; first is the sentence's first atom. */
size_t csto_recognize_event(ctx *c, size_t ai, size_t first);

/* A body named as the subject of an event predicate: its session. */
size_t csto_recognize_body_session(ctx *c, size_t ai);

/* After a sentence (its mentions start at first_mention): events that people "gathered"
 * for, and the organizers of events a body "is to hold". */
void csto_recognize_implicit_events(ctx *c, size_t first_mention);

/* The dateline's city goes into c->out->dateline_city; returns the first atom after the
 * dateline, 0 when there is none. */
size_t csto_recognize_dateline(ctx *c);

#endif
