/* Shared by the SPARQL fuzz targets (query, store_query): run the input as a query over a
 * dataset; results or CSTO_ERR_QUERY (a refusal, rasqal's message), never anything else. */
#ifndef CSTO_FUZZ_SPARQL_H
#define CSTO_FUZZ_SPARQL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/query.h"

static inline int fuzz_sparql(csto_dataset *ds, FILE *sink, const uint8_t *data, size_t size) {
  char *sparql = malloc(size + 1);
  if (!sparql)
    return 0;
  memcpy(sparql, data, size);
  sparql[size] = '\0';
  csto_error err = {0};
  csto_query_options opt = {"csv", NULL};
  csto_status st = csto_query_run(ds, sparql, &opt, sink, NULL, &err);
  if (st != CSTO_OK && st != CSTO_ERR_QUERY && st != CSTO_ERR_USAGE) {
    fprintf(stderr, "fuzz: query failed with status %d: %s\n", st, err.message);
    abort();
  }
  free(sparql);
  return 0;
}

#endif
