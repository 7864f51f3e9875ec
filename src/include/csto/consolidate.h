/* csto-kg stage 6, consolidation: candidate facts -> facts.
 *
 * Several candidates may state one fact, and the text may give one event several places
 * or dates. This is the one place that decides, by stated precedence:
 *
 *   chairs, attends, memberOf, holdsPosition   one fact per (subject, object, role); its
 *                                              evidence is the first candidate in text order
 *   attends mode      a mode the attendance's own clause states (mode.clause), else one
 *                     its cue implies (mode.arrival), else the event's (mode.event), else
 *                     unspecified; the first of the kind that wins, with its sentence
 *   heldIn            the most specific place (venue, city, country); the first of those
 *   date              the first date the text gives the event
 *
 * Facts come out in the order of their first candidates, so the same text gives the same
 * facts in the same order. */
#ifndef CSTO_CONSOLIDATE_H
#define CSTO_CONSOLIDATE_H

#include "csto/document.h"

/* Consolidate doc->candidates. On success *out (owned by the caller) holds *n facts. */
csto_status csto_consolidate(const csto_doc *doc, csto_fact **out, size_t *n, csto_error *err);

#endif
