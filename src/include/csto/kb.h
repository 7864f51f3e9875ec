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
#include "csto/pipeline.h" /* csto_kb, csto_kb_load, the namespaces */
#include "csto/reader.h"


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

/* The closed vocabularies below are each declared once, as an X-macro list that makes both
 * the enum (in the list's order) and the names the loader reads in the data. */

/* Roles: X(ID, local name in the ontology, English title for labels). */
#define CSTO_ROLES(X) \
  X(HEAD_OF_STATE, "HeadOfState", "Head of State") \
  X(HEAD_OF_GOVERNMENT, "HeadOfGovernment", "Head of Government") \
  X(FOREIGN_MINISTER, "ForeignMinister", "Foreign Minister") \
  X(DEFENCE_MINISTER, "DefenceMinister", "Defence Minister") \
  X(SECURITY_COUNCIL_SECRETARY, "SecurityCouncilSecretary", "Security Council Secretary") \
  X(SPOKESPERSON, "Spokesperson", "Spokesperson") \
  X(SECRETARY_GENERAL, "SecretaryGeneral", "Secretary General") \
  X(EXECUTIVE_SECRETARY, "ExecutiveSecretary", "Executive Secretary") \
  X(CHAIR, "Chair", "Chair") \
  X(SUPREME_LEADER, "SupremeLeader", "Supreme Leader") /* Iran's: kept apart from its president */

typedef enum {
  CSTO_ROLE_NONE = 0,
#define CSTO_ROLE_ENUM_(id, name, title) CSTO_ROLE_##id,
  CSTO_ROLES(CSTO_ROLE_ENUM_)
#undef CSTO_ROLE_ENUM_
  CSTO_ROLE_COUNT
} csto_role;

/* Event classes: X(ID, local name in the ontology, IRI of its nouns in the lexicon). */
#define CSTO_EVENT_CLASSES(X) \
  X(GENERIC, "Event", CSTO_LEX_NS "GenericEvent") /* "the event": any class */ \
  X(MEETING, "Meeting", CSTO_NS "Meeting") \
  X(SUMMIT, "Summit", CSTO_NS "Summit") \
  X(SESSION, "Session", CSTO_NS "Session") \
  X(CONFERENCE, "Conference", CSTO_NS "Conference") \
  X(TALKS, "Talks", CSTO_NS "Talks") \
  /* "the events": a container for a list, never an event itself */ \
  X(PLURAL, "Event", CSTO_LEX_NS "PluralEvents")

typedef enum {
#define CSTO_EVENT_ENUM_(id, name, lexicon) CSTO_EVENT_##id,
  CSTO_EVENT_CLASSES(CSTO_EVENT_ENUM_)
#undef CSTO_EVENT_ENUM_
  CSTO_EVENT_CLASS_COUNT
} csto_event_class;

/* Attendance modes: X(ID, local name in the ontology). */
#define CSTO_MODES(X) X(IN_PERSON, "InPerson") X(REMOTE, "Remote")

typedef enum {
  CSTO_MODE_UNSPECIFIED = 0,
#define CSTO_MODE_ENUM_(id, name) CSTO_MODE_##id,
  CSTO_MODES(CSTO_MODE_ENUM_)
#undef CSTO_MODE_ENUM_
} csto_mode;

typedef enum { CSTO_GENDER_UNKNOWN = 0, CSTO_GENDER_MALE, CSTO_GENDER_FEMALE } csto_gender;

/* Cue phrases of the lexicon, by what they signal: X(ID, NAME), the phrases of lex:NAME in the
 * lexicon. Their phrases are data. */
#define CSTO_CUES(X) \
  X(CHAIR_PASSIVE, "ChairPassive")     /* "chaired by", "under the chairmanship of" */ \
  X(CHAIR_ACTIVE, "ChairActive")       /* "chaired", "presided over" */ \
  X(ATTEND_ACTIVE, "AttendActive")     /* "attend", "took part in" */ \
  X(ATTEND_PASSIVE, "AttendPassive")   /* "was attended by" */ \
  X(SPEAK, "Speak")                    /* "addressed", "said at": speaking at E is attending */ \
  X(REPRESENT, "Represent")            /* "represented" (X represented Russia at E) */ \
  X(HOST, "Host")                      /* "hosted": guests attend, the host does not chair */ \
  X(ARRIVE, "Arrive")                  /* "arrived in" */ \
  X(MEET, "Meet")                      /* "met with", "held talks with" */ \
  X(MEMBER_LIST, "MemberList")         /* "comprises", "member states are", "six members -" */ \
  X(MEMBERS_OF, "MembersOf")           /* "are members of", "as a full member of" */ \
  X(NON_MEMBER, "NonMember")           /* "observer", "dialogue partner", "associate member" */ \
  X(NEGATION, "Negation")              /* "not", "declined to", "absence of" */ \
  X(CLAUSE_BREAK, "ClauseBreak")       /* "after", "while", ";": facts do not cross it */ \
  X(REPORTING, "Reporting")            /* "said", "told": a date after it dates the saying */ \
  X(OTHER_ACT, "OtherAct")             /* "signed", "founded": a date after it dates that act */ \
  X(EVENT_PREDICATE, "EventPredicate") /* "will be held", "took place", "convened", "began" */ \
  X(CAPITAL, "Capital")                /* "capital" */ \
  X(HERE, "Here")                      /* "here": the dateline city */ \
  X(NEXT, "Next")                      /* "next": a further event of the same kind */ \
  X(PREPARATION, "Preparation")        /* "preparations for": the event after it is another */ \
  X(FORMER, "Former")                  /* "former", "deputy": not the post itself */ \
  X(TITLE_MODIFIER, "TitleModifier")   /* "official", "acting": may stand inside a title */ \
  X(HONORIFIC, "Honorific")            /* "Sheikh", "Mr": dropped from names */ \
  X(NAME_PARTICLE, "NameParticle")     /* "bin", "al", "de": lower-case words inside names */ \
  X(ABBREVIATION, "Abbreviation")      /* "Mr.", "Oct.": a period that does not end a sentence */ \
  X(PRONOUN_MALE, "PronounMale") \
  X(PRONOUN_FEMALE, "PronounFemale") \
  X(PRONOUN_PLURAL, "PronounPlural")   /* "they": a group named before */ \
  X(STATE_HEADS, "StateHeads")         /* "heads" of states: "the heads of the CIS states" */ \
  X(STATES, "States")                  /* "states", "member countries": whose heads they are */ \
  X(FEMALE_TITLE, "FemaleTitle")       /* "spokeswoman": tells the gender of who holds it */ \
  X(VAGUE_TITLE, "VagueTitle")         /* "leader": the head of state, unless the government leads */ \
  X(COUNTERPART, "Counterpart")        /* "his Russian counterpart": the same post, another state */ \
  X(FUTURE, "Future")                  /* "will", "due", "scheduled": dates point forward */ \
  X(PRESENT, "Present")                /* "has opened", "is under way": on the report's day */ \
  X(NOT_A_NAME, "NotAName")            /* capitalized words that never start a name */ \
  X(OF, "Of")                          /* "of": "President of Azerbaijan" */ \
  X(FROM, "From")                      /* "from": "ministers from the member states" */ \
  X(OWNER, "Owner")                    /* "their": the states just named hold the post */ \
  X(MINISTERS, "Ministers")            /* a bare "ministers": of the kind spoken of before */ \
  X(HOW_MANY, "HowMany")               /* "seven": how many title holders there are */ \
  X(DEFINITE, "Definite")              /* "the", "this": refers back to a known event */ \
  X(INDEFINITE, "Indefinite")          /* "a": introduces a new event */ \
  X(PLACE_PREP, "PlacePreposition")    /* "in", "at" */ \
  X(ORIGIN, "Origin")                  /* "from": where someone is, not where a meeting is */ \
  X(POSSESSIVE, "Possessive")          /* "'s" */ \
  X(LIST_SEPARATOR, "ListSeparator")   /* ",", "and" */ \
  X(JOINT, "Joint")                    /* "joint": an event of several organizations */ \
  X(FORMAT, "Format")                  /* "narrow-format", "enlarged": a session of one event */ \
  X(EVENT_COMPOUND, "EventCompound")   /* "resolution": an event noun before it modifies it */ \
  X(DELEGATION, "Delegation")          /* "delegation": a country's delegation attends */ \
  X(GATHER, "Gather")                  /* "gathered", "met": people make an event by meeting */ \
  X(RELATIVE, "Relative")              /* "who": a clause about the person just named */ \
  X(PREVIOUS, "Previous")              /* "last year's": an earlier occurrence of an event */ \
  X(LIKEWISE, "Likewise")              /* "as did": the people after it did the same */ \
  X(IN_CAPACITY, "InCapacity")         /* "as" before a title: the post of the person named */ \
  X(AGENTIVE, "Agentive")              /* "by": the agent of a passive verb follows */ \
  X(SEND, "Send")                      /* "sent": who sends someone to E does not attend */ \
  X(OFFICE, "Office")                  /* "the press service of": a title after it is an office */ \
  X(TIME_OF_DAY, "TimeOfDay")          /* "pm": after a number a time, not a title */

typedef enum {
  CSTO_CUE_NONE = 0,
#define CSTO_CUE_ENUM_(id, name) CSTO_CUE_##id,
  CSTO_CUES(CSTO_CUE_ENUM_)
#undef CSTO_CUE_ENUM_
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
  csto_role member_role;                /* body -> the post its members hold, or NONE */
  csto_gender gender;
  csto_role head_role;        /* national body: the post whose office it is (a ministry's
                                 minister, the presidential administration's president) */
  csto_date government_leads; /* country: its head of government leads it from this date
                                 (a parliamentary republic); year 0: its head of state does */
} csto_kb_entity;

typedef struct {
  const csto_kb_entity *holder;
  csto_role role;
  const csto_kb_entity *post_in;
  csto_date start, end; /* end all zero while the post is held */
} csto_kb_holding;

/* A session of a body that meets (ontology/kb/meetings.ttl: a csto:Event with one body among
 * its csto:organizer, and its first day): the node extraction mints for that body's meeting
 * on that day (meeting.h), so that an article naming the meeting without its day can name
 * it too. */
typedef struct {
  char *iri;
  const char *local;                /* points into iri, as for an entity */
  char *label;                      /* the English rdfs:label, or NULL */
  const csto_kb_entity *body, *city; /* city NULL: a videoconference, or not known */
  csto_date start;
} csto_kb_session;

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

/* What a normalized phrase (csto_normalize, tokens joined by one space) can mean: fills
 * out with up to max borrowed entries and returns how many. The meanings come in the order
 * the data gives them: the lexicon's, then labels and demonyms, then aliases, each in file and
 * triple order; never in an order that depends on the size of the data. */
enum { CSTO_KB_MAX_MEANINGS = 16 };
size_t csto_kb_lookup(const csto_kb *kb, const char *phrase, const csto_lex_entry **out,
                      size_t max);

/* The same meanings without a copy, for a caller that keeps many (the recognizer's atoms),
 * for the phrase's first len bytes: *ids points at its entry ids, borrowed from kb (valid
 * while it lives), in the same order; returns how many. *longer (unless NULL) says whether
 * some phrase starts with this one followed by a space: the recognizer asks both of every
 * phrase it grows, in one look-up. Id i's entry is csto_kb_entries(kb)[i]: the recognizer
 * reads millions, too many for a call each. */
size_t csto_kb_match(const csto_kb *kb, const char *phrase, size_t len, const int **ids,
                     int *longer);
const csto_lex_entry *csto_kb_entries(const csto_kb *kb);

/* Longest phrase, in tokens. */
size_t csto_kb_max_phrase_tokens(const csto_kb *kb);

/* Who held role in post_in on date (NULL when the KB does not say). */
const csto_kb_holding *csto_kb_holder(const csto_kb *kb, csto_role role,
                                      const csto_kb_entity *post_in, csto_date date);

/* The sessions of body held in city, in date order: *out points at the first (borrowed from
 * kb); returns how many. */
size_t csto_kb_sessions_in(const csto_kb *kb, const csto_kb_entity *body,
                           const csto_kb_entity *city, const csto_kb_session *const **out);

/* Every session, by body, city and day: *out as above; returns how many. */
size_t csto_kb_sessions(const csto_kb *kb, const csto_kb_session *const **out);

/* The body of organization org whose English label ends with the normalized words
 * ("Executive Committee": the CIS Executive Committee); NULL when none. */
const csto_kb_entity *csto_kb_body_named(const csto_kb *kb, const csto_kb_entity *org,
                                         const char *words);

/* The one body of organization org that meets: when participants (a bit per csto_role)
 * name any, the one whose members hold one of those posts ("a meeting of SCO foreign
 * ministers": its Council of Foreign Ministers), else the one whose sessions are of class
 * cls (a summit of the SCO is a session of its Council of Heads of State); NULL when none
 * or several are. */
const csto_kb_entity *csto_kb_meeting_body(const csto_kb *kb, const csto_kb_entity *org,
                                           csto_event_class cls, unsigned participants);

/* The national body of country that is the office of role's holder ("Shoigu's press
 * secretary" speaks for the defence ministry); NULL when the KB names none. */
const csto_kb_entity *csto_kb_office_of(const csto_kb *kb, const csto_kb_entity *country,
                                        csto_role role);

/* Whether country's head of government, not its head of state, leads it on date: then
 * "the leader of" the country names no one post. */
int csto_kb_led_by_government(const csto_kb_entity *country, csto_date date);

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
