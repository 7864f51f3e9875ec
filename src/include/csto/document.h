/* csto-kg: one article as it moves down the pipeline, in layers.
 *
 * Each stage makes one layer from the layers before it and never writes into them:
 *
 *   segment      tokens, sentences
 *   recognize    mentions (and the dateline's city)
 *   resolve      entities, events, and a link per mention (csto_resolution)
 *   extract      candidate facts, each with its rule and the mentions it used
 *   consolidate  facts: candidates deduplicated, attributes chosen by precedence
 *
 * Once the pipeline has attached a layer to the document it is const: later stages
 * receive `const csto_doc *`. Everything is owned by the document (csto_doc_free). */
#ifndef CSTO_DOCUMENT_H
#define CSTO_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "csto/kb.h"
#include "csto/pipeline.h" /* csto_doc_free */
#include "csto/reader.h"
#include "csto/rules.h"
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
  const csto_kb_entity *scope; /* the country, organization or body the title names */
  csto_role role;
  /* flags, kept small: a long article holds hundreds of thousands of mentions */
  signed char plural; /* "foreign ministers", "leaders" */
  signed char vague;  /* "leader": which post it means depends on the country */
  signed char owned;  /* "Shoigu's press secretary": the person named before owns it */
} csto_title;

/* A long article holds hundreds of thousands of mentions (most of them cues), so their size is
 * most of the article's memory: token and sentence indexes are 32 bits (csto_tokenize refuses
 * a text past 4 GiB), small enums and flags are bytes, and the fields of one kind share
 * their storage with those of the others. Read a kind's fields only on a mention of that
 * kind: on another they hold its own data, not zeros. CUE and MODE mentions leave them zeros,
 * so a verb that becomes an EVENT (the recognizer's implicit events) starts from none. */
typedef struct {
  uint32_t sentence;
  uint32_t first, end; /* tokens [first, end) */
  unsigned char kind;  /* csto_mention_kind */
  unsigned char type;  /* csto_entity_type: ENTITY, PERSON */
  unsigned char mode;  /* csto_mode: MODE, EVENT */
  unsigned char cue;   /* csto_cue: CUE, PRONOUN, and an EVENT a cue became */
  /* ENTITY and PERSON: a KB entity, or a new name in tokens [name_first, name_end). */
  const csto_kb_entity *kb;
  uint32_t name_first, name_end;
  union {
    struct { /* ENTITY, PERSON, PRONOUN */
      signed char demonym; /* ENTITY given by an adjective ("Russian") */
      signed char n_titles;
      signed char former;
      unsigned char gender; /* csto_gender */
      csto_title titles[CSTO_MAX_TITLES];
    };
    struct { /* EVENT */
      csto_event_class event_class;
      unsigned participants; /* bit per csto_role: "meeting of foreign ministers" */
      const csto_kb_entity *orgs[CSTO_MAX_EVENT_ORGS]; /* organizations and bodies named */
      const csto_kb_entity *place;                      /* "the Qingdao summit" */
      signed char n_orgs;
      signed char definite, indefinite, joint;
      signed char next; /* another event than the one reported: "the next summit", "last year's
                         * summit", "the meeting of the Non-Aligned Movement" */
      signed char when; /* the phrase itself dates the occurrence against the report: 1 a later
                         * one ("the upcoming summit", "the next summit"), -1 an earlier one
                         * ("last year's summit"), else 0 (csto_meeting_session) */
      signed char format;   /* "a narrow-format meeting": a session of an event already spoken
                             * of */
      signed char modifier; /* the noun modifies another ("a meeting resolution"): the event
                             * spoken of */
      signed char plural;   /* the noun is plural: "the next meetings" may stand for several
                             * events */
      signed char phrase;   /* a noun phrase ("the SCO summit"), not a body or a verb standing
                             * for it */
    };
    struct { /* DATE */
      csto_date date;     /* zeros when only a month or a year is known */
      csto_date date_end; /* the last day of a span ("December 26-27"), else zeros */
      signed char year_given; /* the text states the year */
    };
  };
} csto_mention;

_Static_assert(CSTO_CUE_COUNT <= 256, "csto_mention.cue is a byte");

/* What the resolver made of a mention: indexes into the document's entities / events,
 * or -1, and for a PERSON the scope of each title once the knowledge base completed it
 * ("President Tokayev": Kazakhstan on the article's date). */
typedef struct {
  int entity;
  int event;
  int group; /* a plural reference ("the heads of state", "they"): the group it means, -1 */
  /* PERSON: CSTO_MAX_TITLES entries of the resolution's title_scopes, else NULL (one
   * link per mention, and few mentions are persons) */
  const csto_kb_entity **title_scope;
} csto_link;

/* People the text lists in one place ("the leaders of A, B and C", "X, Y and Z") and
 * refers to as a whole in another ("The heads of state arrived", "they will take part"):
 * the list's mentions [first, end), whose persons are the members. */
typedef struct {
  size_t first, end;
} csto_doc_group;

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
  int place;          /* entity index a description gave ("the Qingdao summit"), -1 */
  int place_mention;  /* the mention that gave it, -1 */
  csto_mode mode;     /* event-wide ("will take place as a video conference") */
  int mode_mention;   /* the mention that said so, -1 */
  size_t last_mention; /* mention index of the latest reference, for coreference */
  int series; /* events one plural description stands for ("meetings in A and in B") share
               * the index of the first, and follow it, one index each; -1 */
  /* Who meets, whatever the article calls the meeting: the bodies named, with the council
   * of their organization whose members are participants no named body seats ("the
   * Council of Defence Ministers and the Council of Foreign Ministers of the CSTO"); and
   * for each organization named without one of its bodies, its one body whose members the
   * participants are ("a meeting of SCO foreign ministers": its Council of Foreign
   * Ministers) or, no participants named, whose sessions are of the event's class ("the
   * SCO summit": the SCO Council of Heads of State), else the organization itself; sorted
   * by IRI. With the day, the meeting's identity (graph.c). */
  const csto_kb_entity *meets[CSTO_MAX_EVENT_ORGS];
  int n_meets;
} csto_doc_event;

/* The resolver's layer. */
typedef struct {
  csto_doc_entity *entities;
  size_t n_entities, cap_entities;
  csto_doc_event *events;
  size_t n_events, cap_events;
  csto_doc_group *groups;
  size_t n_groups, cap_groups;
  csto_link *links; /* one per mention */
  const csto_kb_entity **title_scopes; /* what the persons' links point into */
  int *by_kb;       /* the entities that are KB entities, by KB entity (csto_doc_entity_of) */
  size_t n_by_kb;
  int out_of_memory; /* an entity, alias or event could not be added: the stage fails */
  struct csto_name_index *names; /* the resolver's lookups while it works; NULL after */
} csto_resolution;

typedef enum {
  CSTO_FACT_CHAIRS,
  CSTO_FACT_ATTENDS,
  CSTO_FACT_MEMBER_OF,
  CSTO_FACT_HELD_IN,
  CSTO_FACT_DATE,
  CSTO_FACT_HOLDS_POSITION
} csto_fact_kind;

/* A fact as one rule read it from one sentence, with the mentions it used (-1: none).
 * Several candidates may state one fact; consolidation makes them one. */
typedef struct {
  csto_fact_kind kind;
  csto_rule rule;
  int subject;  /* entity index, or event index for HELD_IN and DATE */
  int object;   /* event index (CHAIRS, ATTENDS), entity index (MEMBER_OF, HELD_IN, post's
                 * scope for HOLDS_POSITION) */
  csto_role role;
  csto_date date;     /* DATE: the day, or the first day of a span */
  csto_date date_end; /* DATE: the last day of a span, else zeros */
  csto_mode mode;     /* ATTENDS: the mode the clause states or the cue implies */
  csto_rule mode_rule;
  int mode_mention;
  size_t sentence; /* the sentence that states it */
  int cue, agent, event, object_mention;
} csto_candidate;

/* Where a fact or one of its attributes comes from. */
typedef struct {
  csto_rule rule;
  size_t sentence;
  int candidate; /* index into the document's candidates, -1 (an event-wide mode) */
  int mention;   /* the mention that states the attribute, -1 */
} csto_evidence;

typedef struct {
  csto_fact_kind kind;
  int subject, object; /* as in csto_candidate */
  csto_role role;
  csto_date date, date_end;
  csto_mode mode;
  csto_evidence evidence;      /* the first candidate that states the fact */
  csto_evidence mode_evidence; /* ATTENDS with a mode: what gave it */
} csto_fact;

/* The recognizer's layer. */
typedef struct {
  csto_mention *mentions;
  size_t n_mentions, cap_mentions;
  const csto_kb_entity *dateline_city; /* "MINSK, May 12" */
  int out_of_memory; /* a mention could not be added: the stage fails */
  /* Made once the mentions are final, so that finding a mention's clause or a negation in
   * a range takes constant time however long the sentence: per mention, the index after
   * the last clause break before it and the first clause break after it; per index, the
   * negation cues before it (n_mentions + 1 entries), in 32 bits (see
   * csto_recognition_add). */
  uint32_t *clause_from, *clause_to, *negations_before;
  /* Per sentence up to the one after the last mention's, its first mention (or the next
   * sentence's): csto_sentence_mentions in constant time. */
  uint32_t *sentence_first;
  size_t n_sentence_first;
} csto_recognition;

typedef struct csto_doc {
  const csto_article *article;
  const csto_kb *kb;
  /* segment */
  csto_token *tokens;
  size_t n_tokens;
  csto_sentence *sentences;
  size_t n_sentences;
  /* recognize */
  const csto_mention *mentions;
  size_t n_mentions;
  const csto_kb_entity *dateline_city;
  const uint32_t *clause_from, *clause_to, *negations_before; /* see csto_recognition */
  const uint32_t *sentence_first; /* see csto_recognition */
  size_t n_sentence_first;
  /* resolve */
  const csto_doc_entity *entities;
  size_t n_entities;
  const csto_doc_event *events;
  size_t n_events;
  const csto_doc_group *groups;
  size_t n_groups;
  const csto_link *links; /* one per mention */
  const csto_kb_entity *const *title_scopes; /* see csto_resolution */
  const int *by_kb;       /* see csto_resolution */
  size_t n_by_kb;
  /* extract */
  const csto_candidate *candidates;
  size_t n_candidates;
  /* consolidate */
  const csto_fact *facts;
  size_t n_facts;
} csto_doc;

/* A document for article (borrowed, as is kb; both must outlive the document). */
csto_doc *csto_doc_new(const csto_article *article, const csto_kb *kb);

/* The recognizer appends a mention to its layer; NULL when out of memory, or at INT_MAX
 * mentions, as the later layers index them by int. */
csto_mention *csto_recognition_add(csto_recognition *rec, csto_mention_kind kind, size_t sentence,
                                   size_t first, size_t end);

/* Hand a finished layer to the document, which owns it from then on. */
void csto_doc_attach_recognition(csto_doc *doc, csto_recognition *rec);
void csto_doc_attach_resolution(csto_doc *doc, csto_resolution *res);
void csto_doc_attach_candidates(csto_doc *doc, csto_candidate *candidates, size_t n);
void csto_doc_attach_facts(csto_doc *doc, csto_fact *facts, size_t n);

/* Free a layer that was never attached. */
void csto_recognition_free(csto_recognition *rec);
void csto_resolution_free(csto_resolution *res);

/* The document entity of a KB entity, or -1 (the resolver makes one for every KB entity
 * a mention, a title, an event or an organization's body brings in). */
int csto_doc_entity_of(const csto_doc *doc, const csto_kb_entity *kb);

/* Text of tokens [first, end) as written (owned by caller). */
char *csto_doc_text(const csto_doc *doc, size_t first, size_t end);

#endif
