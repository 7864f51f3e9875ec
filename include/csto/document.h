/* csto-kg: one article as it moves down the pipeline.
 *
 * Each stage fills its part: the segmenter tokens and sentences, the recognizer mentions,
 * the resolver entities and events (and each mention's link to them), the extractors
 * facts. Everything is owned by the document (csto_doc_free). */
#ifndef CSTO_DOCUMENT_H
#define CSTO_DOCUMENT_H

#include <stddef.h>

#include "csto/kb.h"
#include "csto/reader.h"
#include "csto/segmenter.h"

typedef enum {
  CSTO_MENTION_ENTITY,  /* a place, organization or body (known, or a new proper name) */
  CSTO_MENTION_PERSON,  /* a person: titles and a name, a name alone, or a title alone */
  CSTO_MENTION_PRONOUN,
  CSTO_MENTION_EVENT,
  CSTO_MENTION_DATE,
  CSTO_MENTION_MODE,
  CSTO_MENTION_CUE
} csto_mention_kind;

enum { CSTO_MAX_TITLES = 3, CSTO_MAX_EVENT_ORGS = 3 };

typedef struct {
  csto_role role;
  const csto_kb_entity *scope; /* the country, organization or body the title names */
  int plural;                  /* "foreign ministers", "leaders" */
} csto_title;

typedef struct {
  csto_mention_kind kind;
  size_t sentence;
  size_t first, end; /* tokens [first, end) */

  /* ENTITY and PERSON: a KB entity, or a new name in tokens [name_first, name_end). */
  const csto_kb_entity *kb;
  csto_entity_type type;
  size_t name_first, name_end;
  int demonym; /* ENTITY given by an adjective ("Russian") */

  /* PERSON */
  csto_title titles[CSTO_MAX_TITLES];
  int n_titles;
  int former;
  csto_gender gender;

  /* EVENT */
  csto_event_class event_class;
  const csto_kb_entity *orgs[CSTO_MAX_EVENT_ORGS]; /* organizations and bodies named */
  int n_orgs;
  const csto_kb_entity *place; /* "the Qingdao summit" */
  unsigned participants;        /* bit per csto_role: "meeting of foreign ministers" */
  int definite, indefinite, next, joint;

  /* DATE */
  csto_date date;     /* zeros when only a month or a year is known */
  csto_date date_end; /* the last day of a span ("December 26-27"), else zeros */
  int year_given;     /* the text states the year */

  /* MODE, CUE */
  csto_mode mode;
  csto_cue cue;

  /* Set by the resolver: indexes into the document's entities / events, or -1. */
  int entity;
  int event;
} csto_mention;

typedef struct {
  const csto_kb_entity *kb; /* NULL for a new entity */
  csto_entity_type type;
  char *label;              /* English label */
  char *local;              /* IRI local name under the resource namespace */
  char **aliases;           /* other surface forms seen in the article */
  size_t n_aliases;
  csto_gender gender;
} csto_doc_entity;

typedef struct {
  csto_event_class event_class;
  const csto_kb_entity *orgs[CSTO_MAX_EVENT_ORGS];
  int n_orgs;
  unsigned participants;
  int next;
  int place;          /* entity index, -1 */
  csto_mode mode;     /* event-wide ("will take place as a video conference") */
  size_t last_mention; /* mention index of the latest reference, for coreference */
  char *local;        /* IRI local name, set by the graph builder */
} csto_doc_event;

typedef enum {
  CSTO_FACT_CHAIRS,
  CSTO_FACT_ATTENDS,
  CSTO_FACT_MEMBER_OF,
  CSTO_FACT_HELD_IN,
  CSTO_FACT_DATE,
  CSTO_FACT_HOLDS_POSITION
} csto_fact_kind;

typedef struct {
  csto_fact_kind kind;
  int subject;  /* entity index, or event index for HELD_IN and DATE */
  int object;   /* event index (CHAIRS, ATTENDS), entity index (MEMBER_OF, HELD_IN, post's
                 * scope for HOLDS_POSITION) */
  csto_mode mode;
  csto_role role;
  csto_date date;     /* DATE: the day, or the first day of a span */
  csto_date date_end; /* DATE: the last day of a span, else zeros */
  size_t sentence; /* the sentence that states it */
} csto_fact;

typedef struct csto_doc {
  const csto_article *article;
  const csto_kb *kb;
  csto_token *tokens;
  size_t n_tokens;
  csto_sentence *sentences;
  size_t n_sentences;
  csto_mention *mentions;
  size_t n_mentions, cap_mentions;
  csto_doc_entity *entities;
  size_t n_entities, cap_entities;
  csto_doc_event *events;
  size_t n_events, cap_events;
  csto_fact *facts;
  size_t n_facts, cap_facts;
  const csto_kb_entity *dateline_city; /* "MINSK, May 12" */
} csto_doc;

/* A document for article (borrowed, as is kb; both must outlive the document). */
csto_doc *csto_doc_new(const csto_article *article, const csto_kb *kb);
void csto_doc_free(csto_doc *doc);

/* Append helpers used by the stages; they return NULL / -1 when out of memory. */
csto_mention *csto_doc_add_mention(csto_doc *doc, csto_mention_kind kind, size_t sentence,
                                   size_t first, size_t end);
int csto_doc_add_fact(csto_doc *doc, const csto_fact *fact);
/* A new event of a class, last referred to by mention last_mention; its index or -1. */
int csto_doc_add_event(csto_doc *doc, csto_event_class cls, size_t last_mention);

/* Text of tokens [first, end) as written (owned by caller). */
char *csto_doc_text(const csto_doc *doc, size_t first, size_t end);

#endif
