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

/* Fill doc->entities and doc->events and set each mention's entity / event. */
csto_status csto_resolve(csto_doc *doc, csto_error *err);

/* The document entity for a KB entity, added when new; -1 when out of memory. */
int csto_doc_entity_for_kb(csto_doc *doc, const csto_kb_entity *kb);

/* The document entity for a new name of the given type (same name, same entity). */
int csto_doc_entity_for_name(csto_doc *doc, const char *name, csto_entity_type type);

#endif
