#define _GNU_SOURCE /* fopencookie, sync_file_range; realpath */
#include "csto/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

struct csto_output {
  FILE *stream;
  char *path;     /* final path; NULL for standard output */
  char *tmp_path; /* the temporary being written; NULL when written in place */
  int fd;                  /* the temporary's */
  uint64_t written, begun; /* bytes written to it; bytes whose writeback has begun */
};

/* The commit's fsync, which a run waits for, was an eighth of a two-thread run's wall
 * time; starting the writeback of each few megabytes as they are written leaves it
 * little to wait for. */
enum { WRITEBACK_STEP = 8 << 20, TEMPORARY_BUFFER = 64 << 10 };

/* The temporaries open now, for csto_output_remove_temporaries; a slot is set after the
 * temporary exists and cleared before its name is freed. */
enum { MAX_OPEN_OUTPUTS = 16 };
static char *volatile open_temporaries[MAX_OPEN_OUTPUTS];

static void remember(char *tmp_path) {
  for (int i = 0; i < MAX_OPEN_OUTPUTS; i++)
    if (!open_temporaries[i]) {
      open_temporaries[i] = tmp_path;
      return;
    }
}

static void forget(const char *tmp_path) {
  for (int i = 0; i < MAX_OPEN_OUTPUTS; i++)
    if (open_temporaries[i] == tmp_path)
      open_temporaries[i] = NULL;
}

void csto_output_remove_temporaries(void) {
  for (int i = 0; i < MAX_OPEN_OUTPUTS; i++) {
    char *p = open_temporaries[i];
    if (p)
      unlink(p);
  }
}

/* A device or a FIFO: opened and written as it is. */
static csto_status open_in_place(csto_output *o, const char *path, csto_error *err) {
  if (!(o->path = strdup(path)) || !(o->stream = fopen(path, "w"))) {
    csto_status st = o->path ? csto_error_set(err, CSTO_ERR_IO, "%s: cannot open output: %s", path,
                                              strerror(errno))
                             : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
    csto_output_abort(o);
    return st;
  }
  return CSTO_OK;
}

/* The temporary under a name no file has, created as open(2) creates files: 0666 less the
 * umask, the rights the output gets (mkstemp would make it private, and reading the umask
 * means setting it, for the whole process). */
static int create_temporary(char *tmp_path, size_t n, const char *path) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  uint64_t x = (uint64_t)now.tv_nsec ^ ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)tmp_path;
  for (int attempt = 0; attempt < 100; attempt++) {
    x = x * 6364136223846793005u + 1442695040888963407u; /* Knuth's MMIX generator */
    snprintf(tmp_path, n, "%s.tmp.%06x", path, (unsigned)(x >> 40) & 0xffffffu);
    int fd = open(tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  return -1;
}

static ssize_t temporary_write(void *cookie, const char *buf, size_t n) {
  csto_output *o = cookie;
  for (size_t done = 0; done < n;) {
    ssize_t w = write(o->fd, buf + done, n - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return done > 0 ? (ssize_t)done : -1;
    done += (size_t)w;
  }
  o->written += n;
  if (o->written - o->begun >= WRITEBACK_STEP) {
    sync_file_range(o->fd, (off64_t)o->begun, (off64_t)(o->written - o->begun),
                    SYNC_FILE_RANGE_WRITE); /* a hint: the commit's fsync is what counts */
    o->begun = o->written;
  }
  return (ssize_t)n;
}

static int temporary_close(void *cookie) { return close(((csto_output *)cookie)->fd); }

/* The stream over the temporary fd, or NULL (fd is then still open). */
static FILE *temporary_stream(csto_output *o, int fd) {
  o->fd = fd;
  FILE *f = fopencookie(o, "w", (cookie_io_functions_t){.write = temporary_write,
                                                        .close = temporary_close});
  if (f)
    setvbuf(f, NULL, _IOFBF, TEMPORARY_BUFFER); /* else stdio's own size: only slower */
  return f;
}

/* A regular file (or one to create): a temporary beside it, renamed over it on commit. */
static csto_status open_temporary(csto_output *o, const char *path, csto_error *err) {
  size_t n = strlen(path) + sizeof ".tmp.XXXXXX";
  o->path = strdup(path);
  o->tmp_path = malloc(n);
  if (!o->path || !o->tmp_path) {
    csto_output_abort(o);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  int fd = create_temporary(o->tmp_path, n, path);
  if (fd < 0 || !(o->stream = temporary_stream(o, fd))) {
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
  remember(o->tmp_path);
  return CSTO_OK;
}

csto_status csto_output_open(const char *path, csto_output **out, csto_error *err) {
  csto_output *o = calloc(1, sizeof *o);
  if (!o)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  if (!path || strcmp(path, "-") == 0) {
    o->stream = stdout;
    *out = o;
    return CSTO_OK;
  }
  struct stat info;
  int exists = stat(path, &info) == 0;
  if (exists && S_ISDIR(info.st_mode)) {
    free(o);
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot write output: it is a directory", path);
  }
  csto_status st;
  if (exists && !S_ISREG(info.st_mode)) {
    st = open_in_place(o, path, err);
  } else {
    char *target = exists ? realpath(path, NULL) : NULL; /* through a symbolic link */
    st = open_temporary(o, target ? target : path, err);
    free(target);
  }
  if (st == CSTO_OK)
    *out = o;
  return st;
}

FILE *csto_output_stream(csto_output *out) { return out->stream; }

static void output_free(csto_output *o) {
  forget(o->tmp_path);
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
  if (!o->tmp_path) {
    if (fclose(o->stream) != 0)
      st = csto_error_set(err, CSTO_ERR_IO, "%s: write failed: %s", o->path, strerror(errno));
    output_free(o);
    return st;
  }
  if (fflush(o->stream) != 0 || ferror(o->stream) || fsync(o->fd) != 0)
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
    if (o->tmp_path)
      unlink(o->tmp_path);
  }
  output_free(o);
}
