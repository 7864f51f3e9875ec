/* csto-kg stage 4, the resolver: mentions -> the article's entities and events.
 *
 * Names resolve to knowledge-base entities (by any label or alias), surnames to a person
 * named before ("Mirzoyan" after "Ararat Mirzoyan"), titles alone to whoever held that
 * post on the article's date ("the Russian leader"), pronouns to the latest person of a
 * matching gender, and event descriptions to events: "the summit" to the latest summit,
 * "the CSTO Collective Security Council meeting" to that council's session, "the next
 * meeting" to a new one. */
#ifndef CSTO_RESOLVER_H
#define CSTO_RESOLVER_H

#include "csto/document.h"

/* Resolve the mentions of doc (segmented and recognized) into out: entities, events
 * (the only place that makes events and sets their class, organizers, mode and place),
 * a link per mention, and a document entity for every KB entity a fact may name. On
 * success out is owned by the caller (csto_doc_attach_resolution, or
 * csto_resolution_free). */
csto_status csto_resolve(const csto_doc *doc, csto_resolution *out, csto_error *err);

#endif
