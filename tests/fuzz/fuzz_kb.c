/* Fuzz target: the knowledge-base and lexicon loader, with the input as lexicon.ttl beside
 * an empty kb/ folder. Every input loads, or fails with a message naming the file. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csto/kb.h"
#include "fuzz.h"

static char dir[] = "/tmp/csto-fuzz-kb-XXXXXX";
static char lexicon[sizeof dir + 16];

static void make_dir(void) {
  if (lexicon[0])
    return;
  char kb_dir[sizeof dir + 8];
  if (!mkdtemp(dir))
    abort();
  snprintf(kb_dir, sizeof kb_dir, "%s/kb", dir);
  snprintf(lexicon, sizeof lexicon, "%s/lexicon.ttl", dir);
  if (mkdir(kb_dir, 0700) != 0)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  make_dir();
  FILE *fp = fopen(lexicon, "wb");
  if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
    abort();
  csto_kb *kb = NULL;
  csto_error err = {0};
  csto_status st = csto_kb_load(dir, &kb, &err);
  if (st != CSTO_OK && !strstr(err.message, "lexicon.ttl")) {
    fprintf(stderr, "fuzz: a loader error that names no file: %s\n", err.message);
    abort();
  }
  csto_kb_free(kb);
  return 0;
}
