#define _POSIX_C_SOURCE 200809L
#include "csto/explain.h"

#include <stdio.h>
#include <stdlib.h>

#include "csto/document.h"
#include "csto/normalize.h"

typedef struct {
  const csto_doc *doc;
  FILE *out;
  size_t *cp; /* code points before each token */
} writer;

/* Code points before each token, in one pass over the body. */
static size_t *token_offsets(const csto_doc *doc) {
  size_t *cp = malloc((doc->n_tokens + 1) * sizeof *cp);
  csto_utf8_cursor at = {0, 0};
  for (size_t t = 0; cp && t < doc->n_tokens; t++)
    cp[t] = csto_utf8_advance(&at, doc->article->body, doc->tokens[t].begin);
  return cp;
}

static void mention(writer *w, const char *role, int k) {
  if (k < 0)
    return;
  const csto_mention *m = &w->doc->mentions[k];
  const csto_token *last = &w->doc->tokens[m->end - 1];
  size_t end = w->cp[m->end - 1] + csto_utf8_codepoints(w->doc->article->body + last->begin,
                                                        last->end - last->begin);
  char *text = csto_doc_text(w->doc, m->first, m->end);
  fprintf(w->out, " %s \"%s\" [%zu,%zu]", role, text ? text : "", w->cp[m->first], end);
  free(text);
}

static void entity(writer *w, int e) { fputs(e >= 0 ? w->doc->entities[e].label : "?", w->out); }

static void event(writer *w, int e) {
  fprintf(w->out, "E%d %s", e + 1, csto_event_class_name(w->doc->events[e].event_class));
}

static const char *const relations[] = {"chairs", "attends", "memberOf", "heldIn", "date", "position"};
static const char *const modes[] = {"unspecified", "in person", "remote"};

static void statement(writer *w, const csto_fact *f) {
  fprintf(w->out, "%s ", relations[f->kind]);
  switch (f->kind) {
  case CSTO_FACT_CHAIRS:
  case CSTO_FACT_ATTENDS: entity(w, f->subject); fputs(" → ", w->out); event(w, f->object); break;
  case CSTO_FACT_MEMBER_OF: entity(w, f->subject); fputs(" → ", w->out); entity(w, f->object); break;
  case CSTO_FACT_HELD_IN: event(w, f->subject); fputs(" → ", w->out); entity(w, f->object); break;
  case CSTO_FACT_DATE:
    event(w, f->subject);
    fprintf(w->out, " → %04d-%02d-%02d", f->date.year, f->date.month, f->date.day);
    if (f->date_end.year)
      fprintf(w->out, "/%04d-%02d-%02d", f->date_end.year, f->date_end.month, f->date_end.day);
    break;
  case CSTO_FACT_HOLDS_POSITION:
    entity(w, f->subject);
    fprintf(w->out, " → %s of ", csto_role_name(f->role));
    entity(w, f->object);
    break;
  }
  if (f->kind == CSTO_FACT_ATTENDS)
    fprintf(w->out, " (%s)", modes[f->mode]);
}

static void fact(writer *w, const csto_fact *f) {
  statement(w, f);
  const csto_candidate *c = &w->doc->candidates[f->evidence.candidate];
  fprintf(w->out, " ← %s s%zu", csto_rule_name(f->evidence.rule), f->evidence.sentence + 1);
  mention(w, "cue", c->cue);
  mention(w, "agent", c->agent);
  mention(w, "event", c->event);
  mention(w, f->kind == CSTO_FACT_DATE ? "date" : "place", c->object_mention);
  if (f->mode_evidence.rule) {
    fprintf(w->out, "; mode ← %s s%zu", csto_rule_name(f->mode_evidence.rule),
            f->mode_evidence.sentence + 1);
    mention(w, "by", f->mode_evidence.mention);
  }
  fputc('\n', w->out);
}

/* Run body with a memory stream and the token offsets; the text, or NULL. */
static char *written(const csto_doc *doc, void (*body)(writer *)) {
  char *text = NULL;
  size_t size = 0;
  writer w = {doc, open_memstream(&text, &size), token_offsets(doc)};
  if (w.out && w.cp)
    body(&w);
  int failed = !w.out || !w.cp;
  if (w.out && fclose(w.out) != 0)
    failed = 1;
  free(w.cp);
  if (failed) {
    free(text);
    return NULL;
  }
  return text;
}

static void facts(writer *w) {
  for (size_t i = 0; i < w->doc->n_facts; i++)
    fact(w, &w->doc->facts[i]);
}

char *csto_explain_facts(const csto_doc *doc) { return written(doc, facts); }

static const char *const kinds[] = {"entity", "person", "pronoun", "event", "date", "mode", "cue"};

static void mentions(writer *w) {
  const csto_doc *doc = w->doc;
  for (size_t k = 0; k < doc->n_mentions; k++) {
    const csto_mention *m = &doc->mentions[k];
    const csto_link *link = &doc->links[k];
    fprintf(w->out, "s%zu %-7s", (size_t)m->sentence + 1, kinds[m->kind]);
    mention(w, "", (int)k);
    if (link->entity >= 0)
      fprintf(w->out, " -> %s", doc->entities[link->entity].local);
    if (link->event >= 0)
      fprintf(w->out, " -> E%d (%s, %d orgs)", link->event + 1,
              csto_event_class_name(doc->events[link->event].event_class),
              m->kind == CSTO_MENTION_EVENT ? m->n_orgs : 0);
    for (int i = 0; m->kind == CSTO_MENTION_PERSON && i < m->n_titles; i++)
      fprintf(w->out, " [%s of %s]", csto_role_name(m->titles[i].role),
              link->title_scope[i] ? link->title_scope[i]->local : "?");
    if (m->kind == CSTO_MENTION_DATE && m->date.year)
      fprintf(w->out, " = %04d-%02d-%02d", m->date.year, m->date.month, m->date.day);
    fputc('\n', w->out);
  }
}

char *csto_explain_mentions(const csto_doc *doc) { return written(doc, mentions); }
