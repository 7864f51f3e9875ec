#define _DEFAULT_SOURCE /* mkdtemp */
/* Fuzz target: SPARQL over a store, through the store's own triples source (store_source.c,
 * store_rows.c). Every query gives results or CSTO_ERR_QUERY, never a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/store.h"
#include "fuzz.h"
#include "fuzz_sparql.h"

/* Two articles' graphs: provenance, merged facts, a blank node, typed and tagged literals. */
static const char quads[] =
    "<https://w3id.org/csto-kg/resource/Sergey_Lavrov> <http://www.w3.org/2000/01/rdf-schema#label> \"Sergey Lavrov\"@en <https://w3id.org/csto-kg/resource/article_00000000000000a1> .\n"
    "<https://w3id.org/csto-kg/resource/Sergey_Lavrov> <https://w3id.org/csto-kg/ontology#attends> <https://w3id.org/csto-kg/resource/e1> <https://w3id.org/csto-kg/resource/article_00000000000000a1> .\n"
    "<https://w3id.org/csto-kg/resource/e1> <https://w3id.org/csto-kg/ontology#date> \"2021-09-15\"^^<http://www.w3.org/2001/XMLSchema#date> <https://w3id.org/csto-kg/resource/article_00000000000000a1> .\n"
    "<https://w3id.org/csto-kg/resource/statement_00000000000000a1_1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://w3id.org/csto-kg/resource/Sergey_Lavrov> <https://w3id.org/csto-kg/resource/article_00000000000000a1> .\n"
    "<https://w3id.org/csto-kg/resource/article_00000000000000a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/csto-kg/ontology#Article> <https://w3id.org/csto-kg/resource/article_00000000000000a1> .\n"
    "<https://w3id.org/csto-kg/resource/Sergey_Lavrov> <http://www.w3.org/2000/01/rdf-schema#label> \"Sergey Lavrov\"@en <https://w3id.org/csto-kg/resource/article_00000000000000b2> .\n"
    "<https://w3id.org/csto-kg/resource/Russia> <https://w3id.org/csto-kg/ontology#memberOf> <https://w3id.org/csto-kg/resource/CSTO> <https://w3id.org/csto-kg/resource/article_00000000000000b2> .\n"
    "_:b1 <http://e/count> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e/other> .\n";

static csto_world *world;
static csto_store *store;
static FILE *sink;

static void make_store(void) {
  if (store)
    return;
  char dir[] = "/tmp/csto-fuzz-store-XXXXXX";
  char path[256], file[256];
  csto_error err = {0};
  FILE *fp = NULL;
  int ok = mkdtemp(dir) != NULL;
  snprintf(path, sizeof path, "%s/kg.sqlite", dir);
  snprintf(file, sizeof file, "%s/in.nq", dir);
  ok = ok && (fp = fopen(file, "w")) && fputs(quads, fp) >= 0 && fclose(fp) == 0;
  ok = ok && csto_world_new(&world, &err) == CSTO_OK &&
       csto_store_open(world, path, CSTO_STORE_WRITE, &store, &err) == CSTO_OK &&
       csto_store_load_file(store, file, NULL, NULL, &err) == CSTO_OK &&
       (sink = fopen("/dev/null", "w"));
  if (!ok) {
    fprintf(stderr, "fuzz: cannot set up the store: %s\n", err.message);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  make_store();
  return fuzz_sparql(csto_store_dataset(store), sink, data, size);
}
