/* Atoms: the longest phrase the lexicon or the knowledge base knows at each position.
 *
 * The longest match wins, except where a role title starts inside a match and runs past
 * its end: then the match stops before the title. "the Russian Security Council Secretary
 * said" is read as "the" | "Russian" | "Security Council Secretary" | "said", although
 * "Russian Security Council" alone names a body. */
#include "recognize/recognize.h"

#include <stdlib.h>

enum {
  /* A word of three letters or more ending in a single "s" is a plural: "ministers",
   * "heads", but not "as", "us" or "boss". */
  SHORTEST_PLURAL = 3,
};

/* The phrase a match is looked up by, grown a token at a time in one buffer the atoms
 * share: a match of k tokens costs no allocation and no copy of its first k - 1 tokens. */
typedef struct {
  char *text;
  size_t len, cap;
} phrase;

/* Append token t to p (a space before all but the first); -1 when out of memory. */
static int phrase_add(phrase *p, const csto_token *t) {
  size_t n = strlen(t->norm), need = p->len + n + 2;
  if (need > p->cap) {
    size_t cap = need * 2;
    char *text = realloc(p->text, cap);
    if (!text)
      return -1;
    p->text = text;
    p->cap = cap;
  }
  if (p->len)
    p->text[p->len++] = ' ';
  memcpy(p->text + p->len, t->norm, n + 1);
  p->len += n;
  return 0;
}

/* The longest match starting at token i and ending by limit (with roles_only, the
 * longest that may be a role title): its length in tokens, 0 when none; *out gets it. */
static size_t match_at(const csto_doc *doc, phrase *p, size_t i, size_t limit, atom *out,
                       int roles_only) {
  size_t best = 0, max = csto_kb_max_phrase_tokens(doc->kb);
  const csto_lex_entry *entries = csto_kb_entries(doc->kb);
  p->len = 0;
  for (size_t k = 1; k <= max && i + k <= limit; k++) {
    if (phrase_add(p, &doc->tokens[i + k - 1]) != 0)
      break;
    const int *ids;
    int longer;
    size_t n = csto_kb_match(doc->kb, p->text, p->len, &ids, &longer);
    if (n > CSTO_KB_MAX_MEANINGS)
      n = CSTO_KB_MAX_MEANINGS;
    unsigned kinds = 0;
    for (size_t j = 0; j < n; j++)
      kinds |= 1u << entries[ids[j]].kind;
    if (n && (!roles_only || (kinds & (1u << CSTO_LEX_ROLE)))) {
      best = k;
      *out = (atom){.first = i, .end = i + k, .entries = entries, .ids = ids, .n = n,
                    .kinds = kinds};
    }
    if (!longer)
      break;
  }
  return best;
}

/* The atom at token i: the longest match, cut short before a role title that starts
 * inside it and runs past its end. */
static void atom_at(const csto_doc *doc, phrase *p, size_t i, size_t limit, atom *a) {
  *a = (atom){.first = i, .end = i + 1, .entries = csto_kb_entries(doc->kb)};
  size_t len = match_at(doc, p, i, limit, a, 0);
  for (size_t j = i + 1; len > 1 && j < i + len; j++) {
    atom role;
    size_t rl = match_at(doc, p, j, limit, &role, 1);
    if (rl && j + rl > i + len) {
      *a = (atom){.first = i, .end = i + 1, .entries = a->entries};
      match_at(doc, p, i, j, a, 0); /* the longest match that ends before the title, if any */
      return;
    }
  }
}

csto_status csto_atoms_build(ctx *c, csto_error *err) {
  const csto_doc *doc = c->doc;
  c->atoms = malloc((doc->n_tokens + 1) * sizeof *c->atoms);
  if (!c->atoms)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  phrase p = {NULL, 0, 0};
  for (size_t s = 0; s < doc->n_sentences; s++)
    for (size_t i = doc->sentences[s].first_token; i < doc->sentences[s].end_token;) {
      atom *a = &c->atoms[c->n_atoms++];
      atom_at(doc, &p, i, doc->sentences[s].end_token, a);
      i = a->end;
    }
  free(p.text);
  return CSTO_OK;
}

static int plural_word(const char *w) {
  size_t n = strlen(w);
  return n >= SHORTEST_PLURAL && w[n - 1] == 's' && w[n - 2] != 's';
}

static int of_word(const ctx *c, size_t t) {
  const csto_lex_entry *m[CSTO_KB_MAX_MEANINGS];
  size_t n = csto_kb_lookup(c->doc->kb, c->doc->tokens[t].norm, m, CSTO_KB_MAX_MEANINGS);
  for (size_t i = 0; i < n; i++)
    if (m[i]->kind == CSTO_LEX_CUE && m[i]->value == (int)CSTO_CUE_OF)
      return 1;
  return 0;
}

/* The head noun decides: the word before the first "of" ("heads of state", not
 * "minister of foreign affairs"), else the last word ("foreign ministers"). */
int csto_atom_plural_role(const ctx *c, const atom *a) {
  size_t head = a->end - 1;
  for (size_t t = a->first + 1; t < a->end; t++)
    if (of_word(c, t)) {
      head = t - 1;
      break;
    }
  return plural_word(c->doc->tokens[head].norm);
}

int csto_cue_recognizer_only(csto_cue cue) {
  return cue == CSTO_CUE_NOT_A_NAME || cue == CSTO_CUE_NAME_PARTICLE ||
         cue == CSTO_CUE_ABBREVIATION || cue == CSTO_CUE_HONORIFIC ||
         cue == CSTO_CUE_TITLE_MODIFIER || cue == CSTO_CUE_FEMALE_TITLE ||
         cue == CSTO_CUE_FROM || cue == CSTO_CUE_OWNER || cue == CSTO_CUE_MINISTERS ||
         cue == CSTO_CUE_HOW_MANY || cue == CSTO_CUE_STATE_HEADS || cue == CSTO_CUE_VAGUE_TITLE ||
         cue == CSTO_CUE_COUNTERPART ||
         cue == CSTO_CUE_STATES || cue == CSTO_CUE_OFFICE || cue == CSTO_CUE_TIME_OF_DAY ||
         cue == CSTO_CUE_EVENT_COMPOUND;
}

int csto_atom_plain(const atom *a) {
  for (size_t i = 0; i < a->n; i++)
    if (atom_meaning(a, i)->kind != CSTO_LEX_CUE ||
        !csto_cue_recognizer_only((csto_cue)atom_meaning(a, i)->value))
      return 0;
  return 1;
}
