/* csto-kg: the knowledge base and lexicon, loaded at run time from ontology/.
 *
 * Everything the extractor knows about the world and about English comes from Turtle
 * files: entities with labels, aliases, demonyms and Wikidata ids (ontology/kb/NAME.ttl),
 * post holdings with dates (for "the Kazakh President" in 2018 vs 2020), and the lexicon
 * (ontology/lexicon.ttl): role titles, event nouns, attendance modes, dates, and cue
 * phrases such as "chaired by" or "took part in". The C code holds no names or phrases. */
#ifndef CSTO_KB_H
#define CSTO_KB_H

#include <stddef.h>

#include "csto/error.h"
#include "csto/reader.h"

#define CSTO_NS "https://w3id.org/csto-kg/ontology#"
#define CSTO_RES_NS "https://w3id.org/csto-kg/resource/"
#define CSTO_LEX_NS "https://w3id.org/csto-kg/lexicon#"
#define CSTO_WD_NS "http://www.wikidata.org/entity/"

typedef enum {
  CSTO_ENTITY_OTHER = 0,
  CSTO_ENTITY_PERSON,
  CSTO_ENTITY_COUNTRY,
  CSTO_ENTITY_CITY,
  CSTO_ENTITY_VENUE,
  CSTO_ENTITY_ORGANIZATION, /* international organization */
  CSTO_ENTITY_BODY,         /* a body of an international organization */
  CSTO_ENTITY_GOVBODY       /* a national government body */
} csto_entity_type;

typedef enum {
  CSTO_ROLE_NONE = 0,
  CSTO_ROLE_HEAD_OF_STATE,
  CSTO_ROLE_HEAD_OF_GOVERNMENT,
  CSTO_ROLE_FOREIGN_MINISTER,
  CSTO_ROLE_DEFENCE_MINISTER,
  CSTO_ROLE_SECURITY_COUNCIL_SECRETARY,
  CSTO_ROLE_SPOKESPERSON,
  CSTO_ROLE_SECRETARY_GENERAL,
  CSTO_ROLE_EXECUTIVE_SECRETARY,
  CSTO_ROLE_CHAIR,
  CSTO_ROLE_COUNT
} csto_role;

typedef enum {
  CSTO_EVENT_GENERIC = 0, /* "the event": any class */
  CSTO_EVENT_MEETING,
  CSTO_EVENT_SUMMIT,
  CSTO_EVENT_SESSION,
  CSTO_EVENT_CONFERENCE,
  CSTO_EVENT_TALKS,
  CSTO_EVENT_PLURAL, /* "the events": a container for a list, never an event itself */
  CSTO_EVENT_CLASS_COUNT
} csto_event_class;

typedef enum { CSTO_MODE_UNSPECIFIED = 0, CSTO_MODE_IN_PERSON, CSTO_MODE_REMOTE } csto_mode;

typedef enum { CSTO_GENDER_UNKNOWN = 0, CSTO_GENDER_MALE, CSTO_GENDER_FEMALE } csto_gender;

/* Cue phrases of the lexicon, by what they signal. Their phrases are data. */
typedef enum {
  CSTO_CUE_NONE = 0,
  CSTO_CUE_CHAIR_PASSIVE,   /* "chaired by", "under the chairmanship of" */
  CSTO_CUE_CHAIR_ACTIVE,    /* "chaired", "presided over" */
  CSTO_CUE_ATTEND_ACTIVE,   /* "attend", "took part in" */
  CSTO_CUE_ATTEND_PASSIVE,  /* "was attended by" */
  CSTO_CUE_REPRESENT,       /* "represented" (X represented Russia at E) */
  CSTO_CUE_HOST,            /* "hosted": guests attend, the host does not chair */
  CSTO_CUE_ARRIVE,          /* "arrived in" */
  CSTO_CUE_MEET,            /* "met with", "held talks with" */
  CSTO_CUE_MEMBER_LIST,     /* "comprises", "member states are", "six members -" */
  CSTO_CUE_MEMBERS_OF,      /* "are members of", "as a full member of" */
  CSTO_CUE_NON_MEMBER,      /* "observer", "dialogue partner", "associate member" */
  CSTO_CUE_NEGATION,        /* "not", "declined to", "absence of" */
  CSTO_CUE_CLAUSE_BREAK,    /* "after", "while", ";": facts do not cross it */
  CSTO_CUE_REPORTING,       /* "said", "told": a date after it dates the saying */
  CSTO_CUE_EVENT_PREDICATE, /* "will be held", "took place", "convened", "began" */
  CSTO_CUE_CAPITAL,         /* "capital" */
  CSTO_CUE_HERE,            /* "here": the dateline city */
  CSTO_CUE_NEXT,            /* "next": a further event of the same kind */
  CSTO_CUE_FORMER,          /* "former", "deputy": not the post itself */
  CSTO_CUE_TITLE_MODIFIER,  /* "official", "acting": may stand inside a title */
  CSTO_CUE_HONORIFIC,       /* "Sheikh", "Mr": dropped from names */
  CSTO_CUE_NAME_PARTICLE,   /* "bin", "al", "de": lower-case words inside names */
  CSTO_CUE_ABBREVIATION,    /* "Mr.", "Oct.": a period that does not end a sentence */
  CSTO_CUE_PRONOUN_MALE,
  CSTO_CUE_PRONOUN_FEMALE,
  CSTO_CUE_FEMALE_TITLE,    /* "spokeswoman": tells the gender of who holds it */
  CSTO_CUE_FUTURE,          /* "will", "due", "scheduled": dates point forward */
  CSTO_CUE_NOT_A_NAME,      /* capitalized words that never start a name */
  CSTO_CUE_OF,              /* "of": "President of Azerbaijan" */
  CSTO_CUE_DEFINITE,        /* "the", "this": refers back to a known event */
  CSTO_CUE_INDEFINITE,      /* "a": introduces a new event */
  CSTO_CUE_PLACE_PREP,      /* "in", "at" */
  CSTO_CUE_POSSESSIVE,      /* "'s" */
  CSTO_CUE_LIST_SEPARATOR,  /* ",", "and" */
  CSTO_CUE_JOINT,           /* "joint": an event of several organizations */
  CSTO_CUE_DELEGATION,      /* "delegation": a country's delegation attends */
  CSTO_CUE_GATHER,          /* "gathered", "met": people make an event by meeting */
  CSTO_CUE_RELATIVE,        /* "who": a clause about the person just named */
  CSTO_CUE_PREVIOUS,        /* "last year's": an earlier occurrence of an event */
  CSTO_CUE_LIKEWISE,        /* "as did": the people after it did the same */
  CSTO_CUE_COUNT
} csto_cue;

typedef struct csto_kb_entity {
  char *iri;
  const char *local; /* points into iri, after the resource namespace when it has it */
  char *label;       /* the English rdfs:label */
  csto_entity_type type;
  char *wikidata;    /* full Wikidata IRI, or NULL */
  const struct csto_kb_entity *country; /* city or national body -> its country */
  const struct csto_kb_entity *capital; /* country -> capital */
  const struct csto_kb_entity *part_of; /* body -> organization */
  csto_event_class meeting_class;       /* body -> what its sessions are */
  csto_gender gender;
} csto_kb_entity;

typedef struct {
  const csto_kb_entity *holder;
  csto_role role;
  const csto_kb_entity *post_in;
  csto_date start, end; /* end all zero while the post is held */
} csto_kb_holding;

/* What a lexicon phrase or name can mean. A phrase may mean several things. */
typedef enum {
  CSTO_LEX_ENTITY,       /* entity: a label or alias of a KB entity */
  CSTO_LEX_DEMONYM,      /* entity: the country of "Russian", "Tajik" */
  CSTO_LEX_ROLE,         /* value: csto_role */
  CSTO_LEX_EVENT_NOUN,   /* value: csto_event_class */
  CSTO_LEX_MODE,         /* value: csto_mode */
  CSTO_LEX_MONTH,        /* value: 1..12 */
  CSTO_LEX_WEEKDAY,      /* value: 0 Monday .. 6 Sunday */
  CSTO_LEX_RELATIVE_DAY, /* value: days from the publication date */
  CSTO_LEX_CUE           /* value: csto_cue */
} csto_lex_kind;

typedef struct {
  csto_lex_kind kind;
  int value;
  const csto_kb_entity *entity;
} csto_lex_entry;

typedef struct csto_kb csto_kb;

/* Load data_dir/lexicon.ttl and every data_dir/kb/NAME.ttl. On success *out is owned by the
 * caller (csto_kb_free). Errors name the file and line. */
csto_status csto_kb_load(const char *data_dir, csto_kb **out, csto_error *err);

void csto_kb_free(csto_kb *kb);

/* The data directory to use: $CSTO_DATA_DIR, else the one csto-kg was built with. */
const char *csto_kb_default_dir(void);

/* What a normalized phrase (csto_normalize, tokens joined by one space) can mean: fills
 * out with up to max borrowed entries and returns how many. */
enum { CSTO_KB_MAX_MEANINGS = 16 };
size_t csto_kb_lookup(const csto_kb *kb, const char *phrase, const csto_lex_entry **out,
                      size_t max);

/* Whether some phrase starts with this normalized phrase followed by a space. */
int csto_kb_has_longer(const csto_kb *kb, const char *phrase);

/* Longest phrase, in tokens. */
size_t csto_kb_max_phrase_tokens(const csto_kb *kb);

/* Who held role in post_in on date (NULL when the KB does not say). */
const csto_kb_holding *csto_kb_holder(const csto_kb *kb, csto_role role,
                                      const csto_kb_entity *post_in, csto_date date);

/* A post person held on date, preferring role when not CSTO_ROLE_NONE; NULL if none. */
const csto_kb_holding *csto_kb_post_of(const csto_kb *kb, const csto_kb_entity *person,
                                       csto_role role, csto_date date);

/* The KB person whose surname (last word of the label or an alias) is this normalized
 * word and who held a post on date, or NULL (also when two such people exist). */
const csto_kb_entity *csto_kb_person_by_surname(const csto_kb *kb, const char *surname,
                                                csto_date date);

/* Local name of a role or event class in the ontology ("ForeignMinister", "Summit"). */
const char *csto_role_name(csto_role role);
const char *csto_event_class_name(csto_event_class cls);
/* English title of a role for labels ("Foreign Minister"). */
const char *csto_role_title(csto_role role);
/* Whether a role's post belongs to a country even when the title names a body of it
 * (a foreign minister is in Russia; a ministry's spokesperson is in the ministry). */
int csto_role_is_national(csto_role role);

#endif
