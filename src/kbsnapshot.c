/* The Turtle table of kbload.h, with the phrases the loader derived from it, saved to a file
 * and read back, so that a start neither parses the same Turtle nor normalizes the same
 * phrases again: see kbload.h. The file is this build's memory image of the table
 * (native byte order and sizes, a version in its header), mapped and used in place, checked
 * entry by entry when read, so a stale, foreign or damaged snapshot is parsed around, never
 * trusted. */
#include "kbload.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define SNAPSHOT_MAGIC "csto-kg kb snapshot 4\n"
enum { ARRAY_ALIGN = 8 }; /* each array starts at a multiple of this, as its items need */

/* What identifies a file's content without reading it. */
typedef struct {
  uint64_t size, mtime_sec, mtime_nsec, inode, device;
} file_stamp;

typedef struct {
  char magic[sizeof SNAPSHOT_MAGIC];
  uint64_t triple_size, n_files, n, len, n_terms;
  uint64_t has_phrases, phrase_len, n_ends; /* phrases: one per term when has_phrases */
  uint64_t n_iris;
  uint64_t checksum; /* of every byte after the header */
} header;

static int stamp_of(const char *path, file_stamp *s) {
  struct stat st;
  if (stat(path, &st) != 0)
    return -1;
  *s = (file_stamp){(uint64_t)st.st_size, (uint64_t)st.st_mtim.tv_sec,
                    (uint64_t)st.st_mtim.tv_nsec, (uint64_t)st.st_ino, (uint64_t)st.st_dev};
  return 0;
}

/* FNV-1a over 8 bytes at a time, in four lanes that the processor runs side by side (the
 * tail, then each lane's result, folded in after): each step is a bijection of its running
 * value, so one changed word always changes the result. The structural checks keep a
 * damaged snapshot from being read out of bounds; this keeps a label changed inside it
 * from being trusted, which would be a silent wrong answer. */
static uint64_t checksum(const char *p, size_t n) {
  enum { LANES = 4 };
  const uint64_t prime = 0x100000001b3u;
  uint64_t lane[LANES] = {0xcbf29ce484222325u, 1, 2, 3}, w, h = 0xcbf29ce484222325u;
  size_t i = 0;
  for (; i + sizeof lane <= n; i += sizeof lane)
    for (int k = 0; k < LANES; k++) {
      memcpy(&w, p + i + k * sizeof w, sizeof w);
      lane[k] = (lane[k] ^ w) * prime;
    }
  for (; i < n; i++)
    h = (h ^ (unsigned char)p[i]) * prime;
  for (int k = 0; k < LANES; k++)
    h = (h ^ lane[k]) * prime;
  return h;
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

/* Every derived phrase NUL-terminated inside the phrase text, its token ends inside the
 * ends and each inside the phrase, in order. */
static int consistent_phrases(const csto_ttl *t) {
  if (!t->phrases)
    return 1;
  if (t->phrase_len == 0 || t->phrase_text[t->phrase_len - 1] != '\0')
    return 0;
  for (size_t i = 0; i < t->n_terms; i++) {
    const csto_ttl_phrase *p = &t->phrases[i];
    if (p->n < 0)
      continue;
    if (p->text >= t->phrase_len || p->ends > t->n_ends || (size_t)p->n > t->n_ends - p->ends)
      return 0;
    size_t len = strlen(t->phrase_text + p->text);
    for (int32_t k = 0; k < p->n; k++)
      if (t->phrase_ends[p->ends + k] > len ||
          (k > 0 && t->phrase_ends[p->ends + k] <= t->phrase_ends[p->ends + k - 1]))
        return 0;
  }
  return 1;
}

/* The next count items of size bytes, aligned as the writer padded them (the mapping starts
 * on a page), borrowed from the mapping; NULL for none. -1 when the file ends first. */
static int take_array(cursor *c, const char *base, uint64_t count, size_t item, void **out) {
  size_t pad = (size_t)(-(uintptr_t)(c->at - base) & (ARRAY_ALIGN - 1));
  const void *p = count <= SIZE_MAX / item && take(c, pad) ? take(c, count * item) : NULL;
  if (!p)
    return -1;
  *out = count ? (void *)p : NULL;
  return 0;
}

/* Which terms are IRIs or language tags (the triples say), one byte each; NULL when out of
 * memory. */
static unsigned char *iri_marks(const csto_ttl *t) {
  unsigned char *is_iri = calloc(t->n_terms ? t->n_terms : 1, 1);
  for (size_t i = 0; is_iri && i < t->n; i++) {
    const csto_ttl_triple *x = &t->items[i];
    int iris[] = {x->s, x->p, x->literal ? -1 : x->o, x->lang};
    for (size_t k = 0; k < sizeof iris / sizeof *iris; k++)
      if (iris[k] >= 0)
        is_iri[iris[k]] = 1;
  }
  return is_iri;
}

/* The IRI order lists every IRI term once, in strcmp order: csto_ttl_iri finds them all. */
static int consistent_iris(const csto_ttl *t) {
  unsigned char *is_iri = iri_marks(t);
  size_t n = 0;
  for (size_t i = 0; is_iri && i < t->n_terms; i++)
    n += is_iri[i];
  int ok = is_iri && n == t->n_iris;
  for (size_t i = 0; ok && i < t->n_iris; i++) {
    int id = t->iri_order[i];
    ok = valid_term(t, id, 0) && is_iri[id] &&
         (i == 0 || strcmp(csto_ttl_term(t, t->iri_order[i - 1]), csto_ttl_term(t, id)) < 0);
  }
  free(is_iri);
  return ok;
}

static int fill(csto_ttl *t, cursor *c, const header *h, char *const *paths, size_t n) {
  t->files = calloc(n ? n : 1, sizeof *t->files);
  if (!t->files)
    return -1;
  t->cap_files = n;
  for (; t->n_files < n; t->n_files++)
    if (!(t->files[t->n_files] = strdup(paths[t->n_files])))
      return -1;
  const char *base = t->map;
  if (take_array(c, base, h->n, sizeof *t->items, (void **)&t->items) != 0 ||
      take_array(c, base, h->len, 1, (void **)&t->text) != 0 ||
      take_array(c, base, h->n_terms, sizeof *t->terms, (void **)&t->terms) != 0)
    return -1;
  t->n = h->n, t->len = h->len, t->n_terms = h->n_terms;
  if (h->has_phrases &&
      (take_array(c, base, h->n_terms, sizeof *t->phrases, (void **)&t->phrases) != 0 ||
       take_array(c, base, h->phrase_len, 1, (void **)&t->phrase_text) != 0 ||
       take_array(c, base, h->n_ends, sizeof *t->phrase_ends, (void **)&t->phrase_ends) != 0))
    return -1;
  t->phrase_len = h->phrase_len, t->n_ends = h->n_ends;
  if (take_array(c, base, h->n_iris, sizeof *t->iri_order, (void **)&t->iri_order) != 0)
    return -1;
  t->n_iris = h->n_iris;
  return c->at == c->end && consistent(t) && consistent_phrases(t) && consistent_iris(t) ? 0
                                                                                        : -1;
}

/* The whole file mapped read-only; 0, or -1 when it cannot be. */
static int map_file(const char *path, void **map, size_t *size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0)
    return -1;
  *map = fstat(fd, &st) == 0 && st.st_size > 0
             ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  close(fd);
  if (*map == MAP_FAILED) {
    *map = NULL;
    return -1;
  }
  *size = (size_t)st.st_size;
  return 0;
}

int csto_ttl_snapshot_load(csto_ttl *t, const char *snapshot, char *const *paths, size_t n) {
  if (map_file(snapshot, &t->map, &t->map_size) != 0)
    return -1;
  cursor c = {t->map, (const char *)t->map + t->map_size};
  header h;
  return read_into(&c, &h, sizeof h) == 0 &&
                 memcmp(h.magic, SNAPSHOT_MAGIC, sizeof h.magic) == 0 &&
                 h.checksum == checksum(c.at, (size_t)(c.end - c.at)) &&
                 h.triple_size == sizeof(csto_ttl_triple) && same_files(&c, &h, paths, n) &&
                 fill(t, &c, &h, paths, n) == 0
             ? 0
             : -1;
}

/* ---- writing: to a temporary beside the snapshot, renamed over it when whole ---- */

static int put(FILE *f, const void *p, size_t size) {
  return size == 0 || fwrite(p, 1, size, f) == size ? 0 : -1;
}

/* An array, after the zeros that align it as take_array expects. */
static int put_array(FILE *f, const void *p, size_t size) {
  static const char zeros[ARRAY_ALIGN];
  long at = ftell(f);
  size_t pad = at < 0 ? 0 : (size_t)(-(unsigned long)at & (ARRAY_ALIGN - 1));
  return at < 0 || put(f, zeros, pad) || put(f, p, size) ? -1 : 0;
}

typedef struct {
  const char *text;
  int32_t id;
} iri_entry;

static int compare_iris(const void *a, const void *b) {
  return strcmp(((const iri_entry *)a)->text, ((const iri_entry *)b)->text);
}

/* The IRI terms in strcmp order, in *order (free it), their count in *n; -1 when out of
 * memory. */
static int sorted_iris(const csto_ttl *t, int32_t **order, size_t *n) {
  unsigned char *is_iri = iri_marks(t);
  iri_entry *e = malloc((t->n_terms ? t->n_terms : 1) * sizeof *e);
  *order = malloc((t->n_terms ? t->n_terms : 1) * sizeof **order);
  *n = 0;
  for (size_t id = 0; is_iri && e && id < t->n_terms; id++)
    if (is_iri[id])
      e[(*n)++] = (iri_entry){csto_ttl_term(t, (int)id), (int32_t)id};
  int rc = is_iri && e && *order ? 0 : -1;
  if (rc == 0)
    qsort(e, *n, sizeof *e, compare_iris);
  for (size_t i = 0; rc == 0 && i < *n; i++)
    (*order)[i] = e[i].id;
  free(is_iri);
  free(e);
  return rc;
}

static int write_all(FILE *f, const csto_ttl *t, const int32_t *iris, size_t n_iris) {
  header h;
  memset(&h, 0, sizeof h); /* the padding after the magic too: the file is all written bytes */
  memcpy(h.magic, SNAPSHOT_MAGIC, sizeof h.magic);
  h.triple_size = sizeof(csto_ttl_triple), h.n_files = t->n_files, h.n = t->n, h.len = t->len;
  h.n_terms = t->n_terms, h.has_phrases = t->phrases != NULL, h.phrase_len = t->phrase_len;
  h.n_ends = t->n_ends, h.n_iris = n_iris;
  if (put(f, &h, sizeof h) != 0)
    return -1;
  for (size_t i = 0; i < t->n_files; i++) {
    uint64_t len = strlen(t->files[i]);
    file_stamp s;
    if (stamp_of(t->files[i], &s) != 0 || put(f, &len, sizeof len) != 0 ||
        put(f, t->files[i], len) != 0 || put(f, &s, sizeof s) != 0)
      return -1;
  }
  if (put_array(f, t->items, t->n * sizeof *t->items) || put_array(f, t->text, t->len) ||
      put_array(f, t->terms, t->n_terms * sizeof *t->terms))
    return -1;
  if (t->phrases && (put_array(f, t->phrases, t->n_terms * sizeof *t->phrases) ||
                     put_array(f, t->phrase_text, t->phrase_len) ||
                     put_array(f, t->phrase_ends, t->n_ends * sizeof *t->phrase_ends)))
    return -1;
  return put_array(f, iris, n_iris * sizeof *iris);
}

/* ---- pruning: a snapshot whose data folder is gone is never read again ---- */

/* Whether the snapshot at path is of this version and lists a first file, named from the
 * root, that no longer exists (snapshots of other versions are left to them, and a relative
 * name may stand for a file under another working folder). */
static int orphaned(const char *path) {
  FILE *f = fopen(path, "rb");
  header h;
  uint64_t len;
  char file[PATH_MAX];
  int gone = f && fread(&h, sizeof h, 1, f) == 1 &&
             memcmp(h.magic, SNAPSHOT_MAGIC, sizeof h.magic) == 0 && h.n_files > 0 &&
             fread(&len, sizeof len, 1, f) == 1 && len < sizeof file &&
             fread(file, 1, (size_t)len, f) == len;
  if (f)
    fclose(f);
  if (!gone)
    return 0;
  file[len] = '\0';
  struct stat st;
  return file[0] == '/' && stat(file, &st) != 0 && errno == ENOENT;
}

/* Remove the other snapshots in the folder of snapshot whose data folders are gone, such
 * as a test's or a script's temporary one: a cache folder otherwise only grows. */
static void prune(const char *snapshot) {
  const char *slash = strrchr(snapshot, '/');
  if (!slash)
    return;
  size_t n = (size_t)(slash - snapshot);
  char dir[PATH_MAX], path[PATH_MAX];
  if (n >= sizeof dir)
    return;
  memcpy(dir, snapshot, n);
  dir[n] = '\0';
  DIR *d = opendir(n ? dir : "/");
  for (struct dirent *e; d && (e = readdir(d));) {
    size_t len = strlen(e->d_name);
    if (strncmp(e->d_name, "kb-", 3) != 0 || len < 9 ||
        strcmp(e->d_name + len - 9, ".snapshot") != 0 ||
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
        strcmp(path, snapshot) == 0)
      continue;
    if (orphaned(path))
      unlink(path);
  }
  if (d)
    closedir(d);
}

/* Put the checksum of what f, written to path, holds after its header into the header. */
static int seal(FILE *f, const char *path) {
  void *map;
  size_t size;
  if (fflush(f) != 0 || map_file(path, &map, &size) != 0)
    return -1;
  uint64_t sum = size >= sizeof(header) ? checksum((const char *)map + sizeof(header),
                                                   size - sizeof(header))
                                        : 0;
  munmap(map, size);
  return size >= sizeof(header) &&
                 pwrite(fileno(f), &sum, sizeof sum, offsetof(header, checksum)) ==
                     (ssize_t)sizeof sum
             ? 0
             : -1;
}

void csto_ttl_snapshot_save(const csto_ttl *t, const char *snapshot) {
  size_t n = strlen(snapshot) + sizeof ".tmp.XXXXXX", n_iris;
  char *tmp = malloc(n);
  int32_t *iris = NULL;
  if (!tmp || sorted_iris(t, &iris, &n_iris) != 0) {
    free(tmp);
    free(iris);
    return;
  }
  snprintf(tmp, n, "%s.tmp.XXXXXX", snapshot);
  int fd = mkstemp(tmp);
  FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
  int rc = f && write_all(f, t, iris, n_iris) == 0 ? seal(f, tmp) : -1;
  if (f)
    rc |= fclose(f);
  else if (fd >= 0)
    close(fd);
  if (fd >= 0 && (rc != 0 || rename(tmp, snapshot) != 0))
    unlink(tmp);
  else if (fd >= 0)
    prune(snapshot);
  free(tmp);
  free(iris);
}
