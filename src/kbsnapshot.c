/* The Turtle table of kbload.h saved to a file and read back, so that a start does not parse
 * the same Turtle again: see kbload.h. The file is this build's memory image of the table
 * (native byte order and sizes, a version in its header), checked entry by entry when read,
 * so a stale, foreign or damaged snapshot is parsed around, never trusted. */
#include "kbload.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "textfile.h"

#define SNAPSHOT_MAGIC "csto-kg kb snapshot 1\n"

/* What identifies a file's content without reading it. */
typedef struct {
  uint64_t size, mtime_sec, mtime_nsec, inode, device;
} file_stamp;

typedef struct {
  char magic[sizeof SNAPSHOT_MAGIC];
  uint64_t triple_size, n_files, n, len, n_terms;
} header;

static int stamp_of(const char *path, file_stamp *s) {
  struct stat st;
  if (stat(path, &st) != 0)
    return -1;
  *s = (file_stamp){(uint64_t)st.st_size, (uint64_t)st.st_mtim.tv_sec,
                    (uint64_t)st.st_mtim.tv_nsec, (uint64_t)st.st_ino, (uint64_t)st.st_dev};
  return 0;
}

/* ---- reading: every count and index checked against what the file holds ---- */

typedef struct {
  const char *at, *end;
} cursor;

/* The next size bytes, or NULL when the file ends first. They may sit at any address (a
 * path's length decides where the next entry starts): copy them out with read_into. */
static const void *take(cursor *c, uint64_t size) {
  if (size > (uint64_t)(c->end - c->at))
    return NULL;
  const char *p = c->at;
  c->at += size;
  return p;
}

static int read_into(cursor *c, void *out, size_t size) {
  const void *p = take(c, size);
  if (p)
    memcpy(out, p, size);
  return p ? 0 : -1;
}

/* The snapshot's file list is paths, in order, unchanged since it was made. */
static int same_files(cursor *c, const header *h, char *const *paths, size_t n) {
  if (h->n_files != n)
    return 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t len;
    const char *path = read_into(c, &len, sizeof len) == 0 ? take(c, len) : NULL;
    file_stamp saved, now;
    if (!path || read_into(c, &saved, sizeof saved) != 0 || len != strlen(paths[i]) ||
        memcmp(path, paths[i], len) != 0 || stamp_of(paths[i], &now) != 0 ||
        memcmp(&saved, &now, sizeof now) != 0)
      return 0;
  }
  return 1;
}

static int valid_term(const csto_ttl *t, int id, int blank_ok) {
  return (blank_ok && id == -1) || (id >= 0 && (size_t)id < t->n_terms);
}

/* Every index in range and every term NUL-terminated inside the text. */
static int consistent(const csto_ttl *t) {
  if (t->len == 0 || t->text[t->len - 1] != '\0')
    return 0;
  for (size_t i = 0; i < t->n_terms; i++)
    if (t->terms[i] >= t->len)
      return 0;
  for (size_t i = 0; i < t->n; i++) {
    const csto_ttl_triple *x = &t->items[i];
    if (!valid_term(t, x->s, 1) || !valid_term(t, x->p, 0) || !valid_term(t, x->o, 1) ||
        !valid_term(t, x->lang, 1) || x->file < 0 || (size_t)x->file >= t->n_files)
      return 0;
  }
  return 1;
}

/* Copy size bytes from the cursor into a new array at *out; 0 on success. */
static int copy_array(cursor *c, uint64_t count, size_t item, void **out, size_t *cap) {
  if (count > SIZE_MAX / item)
    return -1;
  const void *p = take(c, count * item);
  if (!p || !(*out = malloc(count ? count * item : 1)))
    return -1;
  memcpy(*out, p, count * item);
  *cap = count;
  return 0;
}

static int fill(csto_ttl *t, cursor *c, const header *h, char *const *paths, size_t n) {
  t->files = calloc(n ? n : 1, sizeof *t->files);
  if (!t->files)
    return -1;
  t->cap_files = n;
  for (; t->n_files < n; t->n_files++)
    if (!(t->files[t->n_files] = strdup(paths[t->n_files])))
      return -1;
  if (copy_array(c, h->n, sizeof *t->items, (void **)&t->items, &t->cap) != 0 ||
      copy_array(c, h->len, 1, (void **)&t->text, &t->cap_text) != 0 ||
      copy_array(c, h->n_terms, sizeof *t->terms, (void **)&t->terms, &t->cap_terms) != 0)
    return -1;
  t->n = h->n, t->len = h->len, t->n_terms = h->n_terms;
  if (c->at != c->end || !consistent(t))
    return -1;
  /* The IRI index: every term that is an IRI or a language tag (marked from the triples),
   * added once each, in term order. */
  unsigned char *is_iri = calloc(t->n_terms ? t->n_terms : 1, 1);
  if (!is_iri)
    return -1;
  for (size_t i = 0; i < t->n; i++) {
    const csto_ttl_triple *x = &t->items[i];
    int iris[] = {x->s, x->p, x->literal ? -1 : x->o, x->lang};
    for (size_t k = 0; k < sizeof iris / sizeof *iris; k++)
      if (iris[k] >= 0)
        is_iri[iris[k]] = 1;
  }
  int rc = 0;
  for (size_t id = 0; rc == 0 && id < t->n_terms; id++)
    if (is_iri[id])
      rc = csto_strmap_add(t->iris, csto_ttl_term(t, (int)id), (int)id);
  free(is_iri);
  if (rc != 0)
    return -1;
  return 0;
}

int csto_ttl_snapshot_load(csto_ttl *t, const char *snapshot, char *const *paths, size_t n) {
  char *data = NULL;
  size_t size = 0;
  csto_error ignored;
  if (csto_read_file(snapshot, &data, &size, &ignored) != CSTO_OK)
    return -1;
  cursor c = {data, data + size};
  header h;
  int ok = read_into(&c, &h, sizeof h) == 0 &&
           memcmp(h.magic, SNAPSHOT_MAGIC, sizeof h.magic) == 0 &&
           h.triple_size == sizeof(csto_ttl_triple) && same_files(&c, &h, paths, n) &&
           fill(t, &c, &h, paths, n) == 0;
  free(data);
  return ok ? 0 : -1;
}

/* ---- writing: to a temporary beside the snapshot, renamed over it when whole ---- */

static int put(FILE *f, const void *p, size_t size) {
  return size == 0 || fwrite(p, 1, size, f) == size ? 0 : -1;
}

static int write_all(FILE *f, const csto_ttl *t) {
  header h = {SNAPSHOT_MAGIC, sizeof(csto_ttl_triple), t->n_files, t->n, t->len, t->n_terms};
  if (put(f, &h, sizeof h) != 0)
    return -1;
  for (size_t i = 0; i < t->n_files; i++) {
    uint64_t len = strlen(t->files[i]);
    file_stamp s;
    if (stamp_of(t->files[i], &s) != 0 || put(f, &len, sizeof len) != 0 ||
        put(f, t->files[i], len) != 0 || put(f, &s, sizeof s) != 0)
      return -1;
  }
  return put(f, t->items, t->n * sizeof *t->items) || put(f, t->text, t->len) ||
                 put(f, t->terms, t->n_terms * sizeof *t->terms)
             ? -1
             : 0;
}

void csto_ttl_snapshot_save(const csto_ttl *t, const char *snapshot) {
  size_t n = strlen(snapshot) + sizeof ".tmp.XXXXXX";
  char *tmp = malloc(n);
  if (!tmp)
    return;
  snprintf(tmp, n, "%s.tmp.XXXXXX", snapshot);
  int fd = mkstemp(tmp);
  FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
  int rc = f ? write_all(f, t) : -1;
  if (f)
    rc |= fclose(f);
  else if (fd >= 0)
    close(fd);
  if (fd >= 0 && (rc != 0 || rename(tmp, snapshot) != 0))
    unlink(tmp);
  free(tmp);
}
