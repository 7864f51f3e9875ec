/* The posts titles give people: "Russian Foreign Minister Sergey Lavrov", "Edward
 * Nalbandian, Foreign Minister of Armenia, the Chairman of the CSTO Council of Foreign
 * Ministers", "the Russian leader". Former posts are not current ones. */
#include "csto/extract.h"
#include "csto/resolver.h"

void csto_extract_posts(csto_doc *doc) {
  for (size_t k = 0; k < doc->n_mentions; k++) {
    const csto_mention *m = &doc->mentions[k];
    if (m->kind != CSTO_MENTION_PERSON || m->entity < 0 || m->former)
      continue;
    for (int i = 0; i < m->n_titles; i++) {
      const csto_title *t = &m->titles[i];
      if (t->plural || !t->scope)
        continue;
      int scope = csto_doc_entity_for_kb(doc, t->scope);
      csto_fact f = {CSTO_FACT_HOLDS_POSITION, m->entity, scope, CSTO_MODE_UNSPECIFIED, t->role,
                     {0, 0, 0}, m->sentence};
      if (scope >= 0)
        csto_doc_add_fact(doc, &f);
    }
  }
}
