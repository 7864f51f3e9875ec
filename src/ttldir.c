/* csto-kg: the *.ttl files of a folder; see ttldir.h. */
#include "ttldir.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"

static int is_ttl_name(const char *name) {
  size_t n = strlen(name);
  return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".ttl") == 0;
}

int csto_ttl_compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void csto_ttl_names_free(char **names, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
}

csto_status csto_ttl_list_dir(const char *dir, char ***names, size_t *count, csto_error *err) {
  *names = NULL;
  *count = 0;
  DIR *d = opendir(dir);
  if (!d)
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot open directory: %s", dir,
                          strerror(errno));
  size_t cap = 0;
  csto_status st = CSTO_OK;
  for (struct dirent *e; st == CSTO_OK && (e = readdir(d));) {
    if (!is_ttl_name(e->d_name))
      continue;
    if (csto_array_reserve((void **)names, &cap, *count, sizeof **names) != 0 ||
        !((*names)[*count] = strdup(e->d_name)))
      st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
    else
      (*count)++;
  }
  closedir(d);
  if (st != CSTO_OK) {
    csto_ttl_names_free(*names, *count);
    *names = NULL;
    *count = 0;
  } else if (*count) {
    qsort(*names, *count, sizeof **names, csto_ttl_compare_names);
  }
  return st;
}
