#include "csto/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct csto_output {
  FILE *stream;
  char *path;     /* final path; NULL for standard output */
  char *tmp_path; /* the temporary being written */
};

csto_status csto_output_open(const char *path, csto_output **out, csto_error *err) {
  csto_output *o = calloc(1, sizeof *o);
  if (!o)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  if (!path || strcmp(path, "-") == 0) {
    o->stream = stdout;
    *out = o;
    return CSTO_OK;
  }
  size_t n = strlen(path) + sizeof ".tmp.XXXXXX";
  o->path = strdup(path);
  o->tmp_path = malloc(n);
  if (!o->path || !o->tmp_path) {
    csto_output_abort(o);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  snprintf(o->tmp_path, n, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(o->tmp_path);
  if (fd < 0 || !(o->stream = fdopen(fd, "w"))) {
    csto_status st = csto_error_set(err, CSTO_ERR_IO, "%s: cannot create output: %s", path,
                                    strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp_path);
    }
    free(o->tmp_path);
    o->tmp_path = NULL;
    csto_output_abort(o);
    return st;
  }
  *out = o;
  return CSTO_OK;
}

FILE *csto_output_stream(csto_output *out) { return out->stream; }

static void output_free(csto_output *o) {
  free(o->path);
  free(o->tmp_path);
  free(o);
}

csto_status csto_output_commit(csto_output *o, csto_error *err) {
  csto_status st = CSTO_OK;
  if (!o->path) {
    if (fflush(o->stream) != 0 || ferror(o->stream))
      st = csto_error_set(err, CSTO_ERR_IO, "standard output: write failed: %s", strerror(errno));
    output_free(o);
    return st;
  }
  /* mkstemp makes the temporary private; the output gets the usual rights instead */
  mode_t mask = umask(0);
  umask(mask);
  if (fflush(o->stream) != 0 || ferror(o->stream) || fsync(fileno(o->stream)) != 0 ||
      fchmod(fileno(o->stream), 0666 & ~mask) != 0)
    st = csto_error_set(err, CSTO_ERR_IO, "%s: write failed: %s", o->path, strerror(errno));
  if (fclose(o->stream) != 0 && st == CSTO_OK)
    st = csto_error_set(err, CSTO_ERR_IO, "%s: write failed: %s", o->path, strerror(errno));
  if (st == CSTO_OK && rename(o->tmp_path, o->path) != 0)
    st = csto_error_set(err, CSTO_ERR_IO, "%s: cannot rename output into place: %s", o->path,
                        strerror(errno));
  if (st != CSTO_OK)
    unlink(o->tmp_path);
  output_free(o);
  return st;
}

void csto_output_abort(csto_output *o) {
  if (!o)
    return;
  if (o->path && o->stream) {
    fclose(o->stream);
    unlink(o->tmp_path);
  }
  output_free(o);
}
