#include "textfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/normalize.h"

/* The first line of text that reaches byte offset at (1-based). */
static size_t line_of(const char *text, size_t at) {
  size_t line = 1;
  for (size_t i = 0; i < at; i++)
    line += text[i] == '\n';
  return line;
}

/* path's bytes into *text, NUL-terminated after its *len bytes; only CSTO_ERR_IO and
 * CSTO_ERR_NOMEM. */
static csto_status read_file(const char *path, char **text, size_t *len, csto_error *err) {
  FILE *fh = fopen(path, "rb");
  if (!fh)
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  for (size_t got; buf && (got = fread(buf + n, 1, cap - n, fh)) > 0;) {
    n += got;
    char *bigger = n == cap ? realloc(buf, (cap *= 2) + 1) : buf;
    if (!bigger)
      free(buf);
    buf = bigger;
  }
  int failed = ferror(fh);
  fclose(fh);
  csto_status st = !buf    ? csto_error_set(err, CSTO_ERR_NOMEM, "out of memory")
                   : failed ? csto_error_set(err, CSTO_ERR_IO, "%s: read failed", path)
                            : CSTO_OK;
  if (st != CSTO_OK) {
    free(buf);
    return st;
  }
  buf[n] = '\0';
  *text = buf;
  *len = n;
  return CSTO_OK;
}

csto_status csto_read_utf8_file(const char *path, char **text, size_t *len, csto_error *err) {
  char *buf = NULL;
  size_t n = 0;
  csto_status st = read_file(path, &buf, &n, err);
  if (st != CSTO_OK)
    return st;
  size_t bad = csto_utf8_first_bad(buf, n);
  if (bad < n) {
    st = csto_error_set(err, CSTO_ERR_DATA, "%s:%zu: invalid UTF-8 or NUL at byte %zu", path,
                        line_of(buf, bad), bad);
    free(buf);
    return st;
  }
  *text = buf;
  *len = n;
  return CSTO_OK;
}
