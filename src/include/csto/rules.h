/* csto-kg: the extraction rules, by id.
 *
 * Every fact the extractors state, and every attribute consolidation chooses for it (an
 * attendance's mode), carries the id of the rule that made it, so that `csto-kg extract
 * --explain` and the graph's statement nodes (csto:extractionRule) can say why a fact is
 * there. The list is declared once here; the enum and the names come from it. */
#ifndef CSTO_RULES_H
#define CSTO_RULES_H

/* X(ENUM, "id"), with an example sentence the rule reads (docs/ARCHITECTURE.md has more). */
#define CSTO_RULES(X)                                                                              \
  X(CHAIRS_PASSIVE, "chairs.passive") /* The session, chaired by Kazakh President Tokayev, opened. */ \
  X(CHAIRS_ACTIVE, "chairs.active") /* Tokayev presided over the CSTO summit. */ \
  X(ATTENDS_ACTIVE, "attends.active") /* Lavrov took part in the meeting, as did Shoigu. */ \
  X(ATTENDS_PASSIVE, "attends.passive") /* The summit was attended by Putin and Lukashenko. */ \
  X(ATTENDS_FRONTED, "attends.fronted") /* Attending the summit were Putin and Xi. */ \
  X(ATTENDS_SPEAK, "attends.speak") /* Modi addressed the SCO summit. */ \
  X(ATTENDS_REPRESENT, "attends.represent") /* Mirzoyan represented Armenia at the meeting. */ \
  X(ATTENDS_HOST, "attends.host") /* Rahmon welcomed Putin and Tokayev to the summit. */ \
  X(ATTENDS_ARRIVE, "attends.arrive") /* Pashinyan arrived in Minsk for the summit. */ \
  X(ATTENDS_MEET, "attends.meet") /* On the sidelines, Putin met with Tokayev. */ \
  X(ATTENDS_TALKS, "attends.talks") /* Putin will hold bilateral talks with Mirziyoyev. */ \
  X(MEMBER_LIST, "memberOf.list") /* The CSTO comprises Armenia, Belarus and Russia. */ \
  X(MEMBER_OF, "memberOf.member") /* Iran was admitted as a full member of the SCO. */ \
  X(HELD_IN_NAMED, "heldIn.named") /* Leaders left the Qingdao summit. */ \
  X(HELD_IN_AFTER_EVENT, "heldIn.after-event") /* The summit in Ashgabat ended. */ \
  X(HELD_IN_LISTED, "heldIn.listed") /* Events in Tajikistan - the summit and the forum. */ \
  X(HELD_IN_SERIES, "heldIn.series") /* Next meetings will be held in Kazan and in Minsk. */ \
  X(HELD_IN_PREDICATE, "heldIn.predicate") /* The meeting was held in Bishkek. */ \
  X(HELD_IN_HOST_CITY, "heldIn.host-city") /* Minsk hosted the CSTO summit. */ \
  X(DATE_CLAUSE, "date.clause") /* The meeting will be held on Wednesday. */ \
  X(DATE_PRESENT, "date.present") /* The CSTO summit has opened in Moscow. */ \
  X(DATE_HEADER, "date.header") /* May 25, 2023, The Kremlin, Moscow. The meeting took place. */ \
  X(POSITION_TITLE, "position.title") /* Russian Foreign Minister Sergei Lavrov spoke. */ \
  X(POSITION_TITLE_ONLY, "position.title-only") /* The Kazakh President attended the summit. */ \
  X(MODE_CLAUSE, "mode.clause") /* Putin took part via video link. */ \
  X(MODE_EVENT, "mode.event") /* The summit will take place as a video conference. */ \
  X(MODE_ARRIVAL, "mode.arrival") /* Lukashenko arrived in Dushanbe for the summit. */

typedef enum {
  CSTO_RULE_NONE = 0,
#define CSTO_RULE_ENUM(id, name) CSTO_RULE_##id,
  CSTO_RULES(CSTO_RULE_ENUM)
#undef CSTO_RULE_ENUM
  CSTO_RULE_COUNT
} csto_rule;

/* The rule's id ("attends.active"); NULL for CSTO_RULE_NONE or out of range. Static. */
const char *csto_rule_name(csto_rule rule);

#endif
