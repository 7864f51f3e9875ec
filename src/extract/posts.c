/* The posts titles give people: "Armenian Foreign Minister Ararat Mirzoyan", "Edward
 * Nalbandian, Foreign Minister of Armenia, the Chairman of the CSTO Council of Foreign
 * Ministers", "the Russian leader". Former posts are not current ones. A title alone
 * ("on behalf of the Turkmen president") is position.title-only: the holder on the date
 * holds the post whether or not the article has them take part in anything (ANNOTATION.md,
 * title-only mentions). */
#include "csto/extract.h"

void csto_extract_posts(const csto_doc *doc, csto_sink *sink) {
  for (size_t k = 0; k < doc->n_mentions; k++) {
    const csto_mention *m = &doc->mentions[k];
    const csto_link *link = &doc->links[k];
    if (m->kind != CSTO_MENTION_PERSON || link->entity < 0 || m->former)
      continue;
    csto_rule rule = m->name_first == m->name_end ? CSTO_RULE_POSITION_TITLE_ONLY : CSTO_RULE_POSITION_TITLE;
    for (int i = 0; i < m->n_titles; i++) {
      int scope = csto_doc_entity_of(doc, link->title_scope[i]);
      if (m->titles[i].plural || scope < 0)
        continue;
      csto_candidate c = csto_candidate_make(CSTO_FACT_HOLDS_POSITION, rule, m->sentence);
      c.subject = link->entity;
      c.object = scope;
      c.role = m->titles[i].role;
      c.agent = (int)k;
      csto_sink_emit(sink, &c);
    }
  }
}
