/* csto-kg: what makes the meetings two articles report one node.
 *
 * A meeting is who meets (csto_doc_event.meets: the bodies the knowledge base gives, the
 * resolver's choice) and the day it starts. Its node's name, class and label come from
 * those alone, never from the article's wording, so that "the SCO summit" and "the meeting
 * of the Council of Heads of State" on one day are one node with one label; the article's
 * noun phrase is only an alternative label (graph.c). */
#ifndef CSTO_MEETING_H
#define CSTO_MEETING_H

#include <stddef.h>

#include "csto/document.h"

/* The class the event's node is typed with: the bodies' (a summit when one of them meets
 * in summits), else the article's. *from_bodies says which. */
csto_event_class csto_meeting_class(const csto_doc_event *e, int *from_bodies);

/* The local name (under the resource namespace) of an event that starts on *day:
 * "event_<who meets, sorted, joined by '-'>_<YYYY-MM-DD>", with the class before the day when
 * only organizations meet (their class is the article's word). NULL when the event is the
 * article's own (no day, or no one the knowledge base knows meets) or out of memory.
 * The caller frees it. */
char *csto_meeting_name(const csto_doc_event *e, const csto_date *day);

/* The English label: "<who meets, joined by ' and '> <Class>[, <YYYY-MM-DD>]" (day may be
 * NULL). The caller frees it; NULL when out of memory. */
char *csto_meeting_label(const csto_doc_event *e, const csto_date *day);

/* What names each event's node, found in one pass over the document's facts: its first date
 * fact, and its first heldIn fact naming a knowledge-base city when no fact names another
 * (else NULL). An array of n_events, owned by the caller (free); NULL when out of memory. */
typedef struct {
  const csto_fact *date, *place;
} csto_meeting_facts;
csto_meeting_facts *csto_meeting_facts_of(const csto_doc *doc);

/* The knowledge base's session (ontology/kb/meetings.ttl) that event e of the document is,
 * when who meets is one body and place (csto_meeting_facts_of) puts the meeting in a city: of that body's
 * sessions in that city, the one whose first day lies in the year before the publication
 * date (a report), or in the year after it (a preview: the phrase says "upcoming" or
 * "next", or a future cue stands in the clause of the event mention that places it), or in
 * the calendar year before the publication's ("last year's summit"). NULL unless exactly
 * one session qualifies, or without a publication date. */
const csto_kb_session *csto_meeting_session(const csto_doc *doc, int e,
                                             const csto_fact *place);

/* The day that names event e's node (of: its entry of csto_meeting_facts_of): the day of
 * its date fact, else the first day of its session (csto_meeting_session), else NULL. A
 * session's day names the node only: it is no date fact, since the text does not state it. */
const csto_date *csto_meeting_day(const csto_doc *doc, int e, const csto_meeting_facts *of);

#endif
