/* csto-kg: where the ontology and knowledge base are read from; see csto/pipeline.h. */
#include "csto/pipeline.h"

#include <stdlib.h>
#include <unistd.h>

const char *csto_kbfile_data_dir(const char *dir) {
  if (dir && *dir)
    return dir;
  const char *env = getenv("CSTO_DATA_DIR");
  if (env && *env)
    return env;
  /* Installed (cmake --install), csto-kg reads the data installed with it; else the data
   * of the source tree it was built from. */
  return access(CSTO_INSTALLED_DATA_DIR "/lexicon.ttl", R_OK) == 0 ? CSTO_INSTALLED_DATA_DIR
                                                                    : CSTO_DEFAULT_DATA_DIR;
}
