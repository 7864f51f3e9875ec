/* csto-kg stage 3, the recognizer: tokens -> mentions (see src/include/csto/recognizer.h).
 *
 * The sentence loop. Each sentence is read atom by atom (atoms.c); at each atom the
 * recognizers are tried in a fixed order, the first that takes something wins and the
 * loop goes on after what it took:
 *   dates.c     "on Friday", "Oct. 8, 2024"
 *   places.c    "the capital of Turkmenistan", "here"
 *   persons.c   "Armenian Foreign Minister Ararat Mirzoyan", "the Russian leader"
 *   events.c    "the Council convened" (a body's session), "a joint CSTO-SCO summit"
 *   names.c     a proper name the knowledge base lacks ("Ivan Petrov", "in Kazan")
 * and otherwise the atom's own meanings: an entity, a mode, cue words, pronouns. After
 * each sentence, events.c adds the events its verbs imply. Before the first sentence,
 * dateline.c finds the dateline ("MINSK, May 12. /TASS/.") and its city. */
#include "clause.h"
#include "recognize/recognize.h"

#include <stdlib.h>

/* What one atom means by itself: an entity ("Minsk", "Russian"), a mode ("via video
 * link"), cues ("attended"), a pronoun ("she"). */
void csto_recognize_meanings(ctx *c, size_t ai) {
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
    if (atom_meaning(a, i)->kind != CSTO_LEX_CUE)
      continue;
    csto_cue cue = (csto_cue)atom_meaning(a, i)->value;
    if (csto_cue_recognizer_only(cue))
      continue;
    int pronoun = cue == CSTO_CUE_PRONOUN_MALE || cue == CSTO_CUE_PRONOUN_FEMALE ||
                  cue == CSTO_CUE_PRONOUN_PLURAL;
    if (!(m = emit(c, pronoun ? CSTO_MENTION_PRONOUN : CSTO_MENTION_CUE, ai, ai + 1)))
      return;
    m->cue = cue;
    if (pronoun && cue != CSTO_CUE_PRONOUN_PLURAL)
      m->gender = cue == CSTO_CUE_PRONOUN_MALE ? CSTO_GENDER_MALE : CSTO_GENDER_FEMALE;
  }
}

/* The mentions of the sentence whose first atom is a0. */
static void recognize_sentence(ctx *c, size_t a0) {
  for (size_t i = a0; !sentence_end_atom(c, i);) {
    size_t next;
    if ((next = csto_recognize_date(c, i)) == i && (next = csto_recognize_place(c, i)) == i &&
        (next = csto_recognize_person(c, i)) == i &&
        (next = csto_recognize_body_session(c, i)) == i &&
        (next = csto_recognize_event(c, i, a0)) == i &&
        (next = csto_recognize_new_name(c, i, a0)) == i) {
      csto_recognize_meanings(c, i);
      next = i + 1;
    }
    i = next;
  }
}

csto_status csto_recognize(const csto_doc *doc, csto_recognition *out, csto_error *err) {
  memset(out, 0, sizeof *out);
  ctx c = {.doc = doc, .out = out};
  csto_status st = csto_atoms_build(&c, err);
  if (st != CSTO_OK)
    return st;
  size_t ai = csto_recognize_dateline(&c);
  for (c.sentence = 0; c.sentence < doc->n_sentences; c.sentence++) {
    while (ai < c.n_atoms && c.atoms[ai].first < doc->sentences[c.sentence].first_token)
      ai++;
    size_t first = out->n_mentions;
    recognize_sentence(&c, ai);
    csto_recognize_implicit_events(&c, first);
  }
  free(c.atoms);
  if (!out->out_of_memory && csto_clause_index(out) != 0)
    out->out_of_memory = 1;
  return out->out_of_memory ? csto_error_set(err, CSTO_ERR_NOMEM, "out of memory") : CSTO_OK;
}
