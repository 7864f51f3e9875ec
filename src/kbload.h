/* Internal: Turtle data files (the lexicon, the knowledge base) read by serd's reader
 * straight into a compact table of triples, without an RDF model: each term's text is kept
 * once, IRIs are interned (one IRI, one id, so ids compare as the IRIs do), and each triple
 * keeps its file and line for error messages. The extractor's loader (kb.c) builds from it;
 * the folder listing below serves kbfile.c too. */
#ifndef CSTO_KBLOAD_H
#define CSTO_KBLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "csto/error.h"
#include "strmap.h"
#include "ttldir.h" /* csto_ttl_list_dir */

typedef struct {
  int s;       /* the subject IRI's term; -1 for a blank node */
  int p;       /* the predicate IRI's term */
  int o;       /* the object's term (an IRI, or a literal's text); -1 for a blank node */
  int lang;    /* a literal's language tag's term; -1 for none */
  int literal; /* whether o is a literal */
  int file;    /* index in files */
  int line;    /* where serd was when it made the triple: the object's line */
} csto_ttl_triple;

/* A literal term's phrase as the loader (kb.c) derives it from the term's text: normalized,
 * token by token. It is kept with the table, and so in its snapshot: a start from the
 * snapshot derives none again. */
typedef struct {
  uint32_t text; /* offset in phrase_text of the phrase, NUL-terminated */
  uint32_t ends; /* index in phrase_ends of where its first token ends */
  int32_t n;     /* its token count; -1 while not derived */
} csto_ttl_phrase;

struct SerdEnvImpl;

typedef struct {
  csto_ttl_triple *items; /* in file order */
  size_t n, cap;
  char *text;            /* every term's text, each NUL-terminated */
  size_t len, cap_text;
  size_t *terms;         /* term id -> offset in text */
  size_t n_terms, cap_terms;
  csto_strmap *iris;     /* IRI -> term id, while parsing */
  const int32_t *iri_order; /* read from a snapshot instead: the IRI terms in strcmp order */
  size_t n_iris;
  char **files;
  size_t n_files, cap_files;
  csto_ttl_phrase *phrases; /* term id -> its phrase; NULL until one is derived */
  char *phrase_text;        /* every phrase's text, each NUL-terminated */
  size_t phrase_len, cap_phrase_text;
  uint32_t *phrase_ends;    /* each phrase's tokens' ends, bytes into the phrase */
  size_t n_ends, cap_ends;
  /* A table read from a snapshot borrows its arrays from the file's mapping (a phrase
   * derived after that copies the phrases first); csto_ttl_free frees only what lies
   * outside it. */
  void *map;
  size_t map_size;
  /* while reading */
  struct SerdEnvImpl *env; /* the file's base and prefixes */
  const char *source;    /* the file's text, handed to serd a byte at a time */
  size_t source_len, at;
  unsigned line;         /* the line of the byte serd reads */
  char *iri;             /* scratch: an expanded IRI */
  size_t cap_iri;
  int last_subject;      /* Turtle repeats a subject over consecutive triples */
  int failed;            /* out of memory, or an IRI that could not be expanded */
  char *error;           /* serd's first error in the current file, with its line */
} csto_ttl;

/* An empty table; csto_ttl_free releases it (also after a failed csto_ttl_init). */
csto_status csto_ttl_init(csto_ttl *t, csto_error *err);
void csto_ttl_free(csto_ttl *t);

/* Append path's triples (it must be UTF-8 without NUL: textfile.h). Errors name the file and
 * line (CSTO_ERR_DATA) or the system error (CSTO_ERR_IO). */
csto_status csto_ttl_read(csto_ttl *t, const char *path, csto_error *err);

/* Append the triples of the files paths[0..n) in order, as csto_ttl_read does, to an empty
 * table. With a snapshot path (not NULL), the table (with its phrases) is read from that file
 * when it was made from these files, unchanged since (path, size, time, inode), and *cached
 * is set; otherwise the files are parsed, *cached is 0, and the caller saves the snapshot
 * once it has derived the phrases it needs. */
csto_status csto_ttl_read_all(csto_ttl *t, char *const *paths, size_t n, const char *snapshot,
                              int *cached, csto_error *err);

/* kbsnapshot.c: 0 when t (empty) was filled from snapshot; -1 leaves t to csto_ttl_free.
 * Saving writes a temporary beside the snapshot and renames it over it when whole: it is a
 * cache, so a failure only means none. A saved snapshot also removes the other snapshots
 * of its folder whose data folders are gone. */
int csto_ttl_snapshot_load(csto_ttl *t, const char *snapshot, char *const *paths, size_t n);
void csto_ttl_snapshot_save(const csto_ttl *t, const char *snapshot);

/* Term id's phrase, its n token ends (valid until the next csto_ttl_phrase_set); 0, or -1
 * when it has not been derived. */
int csto_ttl_phrase_get(const csto_ttl *t, int id, const char **phrase, const uint32_t **ends,
                        size_t *n);

/* Keep the phrase derived from term id: its text and where each of its n tokens ends. 0, or
 * -1 when out of memory. */
int csto_ttl_phrase_set(csto_ttl *t, int id, const char *phrase, const uint32_t *ends, size_t n);

/* A term's text; NULL for -1 (a blank node). */
const char *csto_ttl_term(const csto_ttl *t, int id);

/* The term id of an IRI the files name, or -1 when none does. */
int csto_ttl_iri(const csto_ttl *t, const char *iri);

#endif
