/* The posts titles give people: "Armenian Foreign Minister Ararat Mirzoyan", "Edward
 * Nalbandian, Foreign Minister of Armenia, the Chairman of the CSTO Council of Foreign
 * Ministers", "the Russian leader". Former posts are not current ones. A title alone
 * ("on behalf of the Turkmen president") gives a post only to someone the article has
 * take part in a meeting: otherwise it names an office more than a person. */
#include "csto/extract.h"
#include "csto/resolver.h"

static int takes_part(const csto_doc *doc, int person) {
  for (size_t i = 0; i < doc->n_facts; i++)
    if ((doc->facts[i].kind == CSTO_FACT_CHAIRS || doc->facts[i].kind == CSTO_FACT_ATTENDS) &&
        doc->facts[i].subject == person)
      return 1;
  return 0;
}

void csto_extract_posts(csto_doc *doc) {
  for (size_t k = 0; k < doc->n_mentions; k++) {
    const csto_mention *m = &doc->mentions[k];
    if (m->kind != CSTO_MENTION_PERSON || m->entity < 0 || m->former)
      continue;
    if (m->name_first == m->name_end && !takes_part(doc, m->entity))
      continue;
    for (int i = 0; i < m->n_titles; i++) {
      const csto_title *t = &m->titles[i];
      if (t->plural || !t->scope)
        continue;
      int scope = csto_doc_entity_for_kb(doc, t->scope);
      csto_fact f = {.kind = CSTO_FACT_HOLDS_POSITION, .subject = m->entity, .object = scope,
                     .role = t->role, .sentence = m->sentence};
      if (scope >= 0)
        csto_doc_add_fact(doc, &f);
    }
  }
}
