/* Places named by reference rather than by name: "Kyrgyzstan's capital Bishkek",
 * "Kazakhstan's capital" (its capital), "the Kazakh capital", "the capital of
 * Turkmenistan", and "the capital" or "here" (the dateline's city). Places named by name
 * are atoms that the sentence loop turns into entity mentions. */
#include "recognize/recognize.h"

static size_t emit_place(ctx *c, size_t a0, size_t a1, const csto_kb_entity *place) {
  csto_mention *m = place ? emit(c, CSTO_MENTION_ENTITY, a0, a1) : NULL;
  if (m) {
    m->kb = place;
    m->type = place->type;
  }
  return a1;
}

static int cue_at(const ctx *c, size_t ai, csto_cue cue) {
  return !sentence_end_atom(c, ai) && is_cue(&c->atoms[ai], cue);
}

/* "Kyrgyzstan's capital [of] Bishkek", "Kazakhstan's capital" (atom ai names the country). */
static size_t country_s_capital(ctx *c, size_t ai, const csto_kb_entity *country) {
  size_t i = ai + 3; /* after "Kyrgyzstan" "'s" "capital" */
  const csto_kb_entity *city;
  if (cue_at(c, i, CSTO_CUE_OF))
    i++;
  if (!sentence_end_atom(c, i) && (city = entity_of(&c->atoms[i], T(CITY))))
    return emit_place(c, ai, i + 1, city);
  return emit_place(c, ai, ai + 3, country->capital);
}

/* "the capital of Turkmenistan"; "the capital" alone is the dateline's city. */
static size_t the_capital(ctx *c, size_t ai) {
  const csto_kb_entity *country;
  if (cue_at(c, ai + 2, CSTO_CUE_OF) && !sentence_end_atom(c, ai + 3) &&
      (country = entity_of(&c->atoms[ai + 3], T(COUNTRY))))
    return emit_place(c, ai, ai + 4, country->capital);
  return emit_place(c, ai, ai + 2, c->out->dateline_city);
}

size_t csto_recognize_place(ctx *c, size_t ai) {
  const atom *a = &c->atoms[ai];
  const csto_kb_entity *country = entity_of(a, T(COUNTRY));
  if (is_cue(a, CSTO_CUE_HERE))
    return emit_place(c, ai, ai + 1, c->out->dateline_city);
  if (country && cue_at(c, ai + 1, CSTO_CUE_POSSESSIVE) && cue_at(c, ai + 2, CSTO_CUE_CAPITAL))
    return country_s_capital(c, ai, country);
  const csto_lex_entry *demonym;
  size_t i = is_cue(a, CSTO_CUE_DEFINITE) ? ai + 1 : ai; /* "the Kazakh capital" */
  if (!sentence_end_atom(c, i) && (demonym = meaning(&c->atoms[i], CSTO_LEX_DEMONYM)) &&
      cue_at(c, i + 1, CSTO_CUE_CAPITAL))
    return emit_place(c, ai, i + 2, demonym->entity->capital);
  if (is_cue(a, CSTO_CUE_DEFINITE) && cue_at(c, ai + 1, CSTO_CUE_CAPITAL))
    return the_capital(c, ai);
  return ai;
}
