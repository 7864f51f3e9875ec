#include "csto/rules.h"

#include <stddef.h>

#define CSTO_RULE_ROW(id, name) name,
static const char *const names[] = {NULL, CSTO_RULES(CSTO_RULE_ROW)};
#undef CSTO_RULE_ROW

const char *csto_rule_name(csto_rule rule) {
  return rule > CSTO_RULE_NONE && rule < CSTO_RULE_COUNT ? names[rule] : NULL;
}
