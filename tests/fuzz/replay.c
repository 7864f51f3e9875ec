/* Replays inputs through a fuzz target without libFuzzer, so that every build (the
 * sanitizer one included) runs the committed corpus and crash inputs as a test:
 *
 *     fuzz_NAME_replay FILE_OR_FOLDER...
 *
 * A target aborts (or a sanitizer stops it) on a failure; this exits 0 after the last
 * input and prints how many it ran, and exits 2 when an input cannot be read. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return -1;
  size_t cap = 1 << 16, n = 0;
  unsigned char *buf = malloc(cap);
  for (size_t got; buf && (got = fread(buf + n, 1, cap - n, fp)) > 0;) {
    n += got;
    if (n == cap) {
      unsigned char *bigger = realloc(buf, cap *= 2);
      if (!bigger) {
        free(buf);
        buf = NULL;
      }
      buf = bigger;
    }
  }
  fclose(fp);
  if (!buf)
    return -1;
  LLVMFuzzerTestOneInput(buf, n);
  free(buf);
  return 0;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The files of a folder, in name order, so that runs are reproducible. */
static int run_folder(const char *dir, int *count) {
  DIR *d = opendir(dir);
  if (!d)
    return -1;
  char **names = NULL;
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.')
      continue;
    char **more = realloc(names, (n + 1) * sizeof *names);
    if (!more)
      break;
    names = more;
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp);
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    if (names[i] && run_file(path) != 0)
      rc = -1;
    else
      (*count)++;
    free(names[i]);
  }
  free(names);
  return rc;
}

int main(int argc, char **argv) {
  int count = 0, failed = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    int rc = stat(argv[i], &st) != 0 ? -1
             : S_ISDIR(st.st_mode)   ? run_folder(argv[i], &count)
                                     : run_file(argv[i]);
    if (rc != 0) {
      fprintf(stderr, "replay: cannot read %s\n", argv[i]);
      failed = 1;
    } else if (!S_ISDIR(st.st_mode)) {
      count++;
    }
  }
  printf("replayed %d inputs\n", count);
  return failed ? 2 : 0;
}
