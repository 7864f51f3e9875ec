#include "source_bind.h"

static const rasqal_triple_parts part_flag[4] = {RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE,
                                                 RASQAL_TRIPLE_OBJECT, RASQAL_TRIPLE_ORIGIN};

rasqal_triple_parts csto_source_bind(rasqal_variable *bindings[4], rasqal_triple_parts parts,
                                     const csto_source_parts *read, void *match) {
  rasqal_triple_parts bound = 0;
  for (int part = 0; part < 4; part++) {
    if (!bindings[part] || !(parts & part_flag[part]))
      continue;
    int first = 1;
    for (int earlier = 0; earlier < part; earlier++) {
      if (bindings[earlier] != bindings[part])
        continue;
      if (!read->same(match, earlier, part))
        return 0;
      first = 0;
    }
    if (first) {
      rasqal_variable_set_value(bindings[part], read->value(match, part));
      bound |= part_flag[part];
    }
  }
  return bound;
}
