#define _DEFAULT_SOURCE /* mkstemps */
/* Fuzz target: SPARQL over a small graph. Every query gives results or CSTO_ERR_QUERY
 * with rasqal's message, never a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/query.h"
#include "fuzz.h"
#include "fuzz_sparql.h"

static const char graph[] =
    "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
    "@prefix res: <https://w3id.org/csto-kg/resource/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "res:Sergey_Lavrov a csto:Person ; rdfs:label \"Sergey Lavrov\"@en ;\n"
    "  csto:attends res:e1 ; csto:holdsPosition res:post_FM_Russia .\n"
    "res:e1 a csto:Event, csto:Meeting ; csto:date \"2021-09-15\" ; csto:heldIn res:Dushanbe .\n"
    "res:Russia csto:memberOf res:CSTO .\n";

static csto_world *world;
static csto_dataset *ds;
static FILE *sink;

static void load_graph(void) {
  if (ds)
    return;
  char path[] = "/tmp/csto-fuzz-query-XXXXXX.ttl";
  csto_error err = {0};
  int fd = mkstemps(path, 4);
  FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!fp || fputs(graph, fp) < 0 || fclose(fp) != 0 ||
      csto_world_new(&world, &err) != CSTO_OK ||
      csto_query_dataset_new(world, &ds, &err) != CSTO_OK ||
      csto_query_dataset_add_file(ds, path, NULL, &err) != CSTO_OK ||
      !(sink = fopen("/dev/null", "w"))) {
    fprintf(stderr, "fuzz: cannot set up the graph: %s\n", err.message);
    abort();
  }
  remove(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  load_graph();
  return fuzz_sparql(ds, sink, data, size);
}
