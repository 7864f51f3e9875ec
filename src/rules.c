#include "csto/rules.h"

#include <stddef.h>

#define CSTO_RULE_ROW(id, name, example) {name, example},
static const struct {
  const char *name, *example;
} rules[] = {{NULL, NULL}, CSTO_RULES(CSTO_RULE_ROW)};
#undef CSTO_RULE_ROW

const char *csto_rule_name(csto_rule rule) {
  return rule > CSTO_RULE_NONE && rule < CSTO_RULE_COUNT ? rules[rule].name : NULL;
}

const char *csto_rule_example(csto_rule rule) {
  return rule > CSTO_RULE_NONE && rule < CSTO_RULE_COUNT ? rules[rule].example : NULL;
}
