/* The dateline that opens a news report: "MINSK, May 12. /TASS/.", "Baku, Sept. 17
 * (Trend) -", "ASTANA —". Its city is what "here" and "the capital" mean in the report;
 * its date is the report's, not an event's, so the sentence loop skips the atoms up to
 * its dash. */
#include "recognize/recognize.h"

enum {
  /* A dateline's dash comes within this many atoms of its city, after a date and an
   * agency ("Baku, Sept. 17 (Trend) -"); a dash further on belongs to the text. */
  DATELINE_MAX_ATOMS = 16,
};

/* A dateline names places and days; a verb or an event ("Minsk hosted the summit -")
 * belongs to the text. */
static int dateline_meaning(const atom *b) {
  return meaning(b, CSTO_LEX_ENTITY) || meaning(b, CSTO_LEX_MONTH) || meaning(b, CSTO_LEX_WEEKDAY) ||
         meaning(b, CSTO_LEX_RELATIVE_DAY);
}

/* Whether the atom may stand in a dateline between the city and the dash: a date, a
 * comma or period, an agency name in capitals. */
static int dateline_atom(const ctx *c, const atom *b) {
  return dateline_meaning(b) || is_punct(c, b, ",") || is_punct(c, b, ".") ||
         (tok(c, b)->flags & (CSTO_TOKEN_DIGITS | CSTO_TOKEN_UPPER));
}

/* Whether the dash at atom i joins two numbers: "June 6-7" is a span of days, not the
 * dateline's dash. */
static int day_span(const ctx *c, size_t i) {
  return i + 1 < c->n_atoms && (tok(c, &c->atoms[i - 1])->flags & CSTO_TOKEN_DIGITS) &&
         (tok(c, &c->atoms[i + 1])->flags & CSTO_TOKEN_DIGITS);
}

size_t csto_recognize_dateline(ctx *c) {
  if (c->n_atoms == 0)
    return 0;
  const atom *a = &c->atoms[0];
  const csto_kb_entity *city = entity_of(a, T(CITY));
  if (!city)
    return 0;
  if (tok(c, a)->flags & CSTO_TOKEN_UPPER)
    c->out->dateline_city = city; /* "MINSK, May 12. /TASS/." has no dash */
  int paren = 0, slash = 0;       /* inside "(Trend)" or "/TASS/" anything goes */
  for (size_t i = 1; i < c->n_atoms && i < DATELINE_MAX_ATOMS; i++) {
    const atom *b = &c->atoms[i];
    if (is_punct(c, b, "("))
      paren++;
    else if (is_punct(c, b, ")"))
      paren -= paren > 0;
    else if (is_punct(c, b, "/"))
      slash = !slash;
    else if (paren || slash)
      continue;
    else if (is_punct(c, b, "-") && !day_span(c, i)) {
      c->out->dateline_city = city;
      return i + 1;
    } else if (!dateline_atom(c, b))
      return 0;
  }
  return 0;
}
