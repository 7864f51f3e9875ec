/* csto-kg stage 1, the reader: bytes -> a validated article.
 *
 * An article is UTF-8 text, optionally starting with front matter:
 *
 *     ---
 *     date: 2021-09-15
 *     url: https://...
 *     title: ...
 *     outlet: TASS
 *     ---
 *     BODY...
 *
 * The reader rejects, with a message naming the file and the line or byte: a file that
 * cannot be read, an empty file or empty body, a NUL byte, invalid UTF-8, front matter
 * that never closes, an unparseable date, and an article over the size limit. Articles
 * can also come as JSON Lines (one object per line, see csto_jsonl_next).
 *
 * Messages look like "FILE:LINE: invalid UTF-8 at byte N": lines are 1-based, byte
 * offsets 0-based from the start of the file, standard input is "<stdin>". */
#ifndef CSTO_READER_H
#define CSTO_READER_H

#include <stddef.h>

#include "csto/api.h"
#include "csto/error.h"

/* Largest article accepted by default (bytes); see csto_reader_options. */
#define CSTO_DEFAULT_MAX_ARTICLE_BYTES ((size_t)16 * 1024 * 1024)

typedef struct {
  int year, month, day; /* all 0 when unknown */
} csto_date;

typedef struct {
  char *source;       /* file name for messages ("-" is shown as "<stdin>") */
  char *text;         /* the whole input, NUL-terminated, valid UTF-8, no NUL inside */
  size_t text_len;
  const char *body;   /* points into text: the article body after any front matter */
  size_t body_len;
  size_t body_offset; /* byte offset of body in text */
  size_t body_line;   /* 1-based line of text where the body starts */
  char *url;          /* NULL when absent */
  char *title;        /* NULL when absent */
  char *outlet;       /* NULL when absent */
  char *id;           /* optional identifier from JSON Lines input, NULL when absent */
  csto_date date;     /* publication date; zeros when unknown */
} csto_article;

typedef struct {
  size_t max_bytes; /* 0 means CSTO_DEFAULT_MAX_ARTICLE_BYTES */
  /* csto_read_articles only. NULL: the first error stops the file. Else a record refused
   * as bad input (CSTO_ERR_INPUT, from the reader or from fn: bad JSON or UTF-8, a field
   * of the wrong kind, an article file that cannot be read as one) goes to skip, with the
   * user of fn and the error naming it, and reading goes on; other errors still stop. */
  void (*skip)(void *user, const csto_error *err);
} csto_reader_options;

/* Read and validate one article file ("-" reads standard input). On success *out is a
 * new article owned by the caller (free with csto_article_free). options may be NULL. */
CSTO_API csto_status csto_article_read_file(const char *path, const csto_reader_options *options,
                                            csto_article **out, csto_error *err);

/* The same from a buffer in memory; source names it in messages. The buffer is copied. */
CSTO_API csto_status csto_article_from_buffer(const char *source, const char *data, size_t len,
                                              const csto_reader_options *options,
                                              csto_article **out,
                                              csto_error *err);

/* Parse "YYYY-MM-DD" (a real calendar day) into *date. */
CSTO_API csto_status csto_date_parse(const char *text, csto_date *date, csto_error *err);

/* Override metadata (command-line --date / --url). Values are copied. */
CSTO_API csto_status csto_article_set_date(csto_article *article, const char *iso_date,
                                           csto_error *err);
CSTO_API csto_status csto_article_set_url(csto_article *article, const char *url, csto_error *err);

/* A new article holding what article held, which is left empty (freeing it stays right):
 * how a csto_read_articles callback keeps its article past the call without copying the
 * text. NULL when out of memory (article is then unchanged). */
CSTO_API csto_article *csto_article_take(csto_article *article);

/* Free an article; NULL is a no-op. */
CSTO_API void csto_article_free(csto_article *article);

/* JSON Lines input: each line is an object with "text" (required) and optional "url",
 * "date", "title", "outlet", "id" (a string or an integer). The id names the article's
 * IRI (csto_article_iri): an empty id, or one an earlier line of the file gave, is bad
 * input. Lines are read one at a time, so memory stays bounded by the longest line and
 * the ids seen. */
typedef struct csto_jsonl csto_jsonl;

CSTO_API csto_status csto_jsonl_open(const char *path, const csto_reader_options *options,
                                     csto_jsonl **out, csto_error *err);

/* Next article: CSTO_OK with *article set (owned by the caller), or CSTO_OK with *article
 * NULL at end of input. Errors name the file and line ("feed.jsonl:7: ..."). Blank lines
 * are skipped. After an error for one line, the next call goes on with the line after it. */
CSTO_API csto_status csto_jsonl_next(csto_jsonl *reader, csto_article **article, csto_error *err);

CSTO_API void csto_jsonl_close(csto_jsonl *reader);

/* Hand each article of path to fn in order: the one article of an article file, or each
 * line of a JSON Lines file (jsonl). The article is the caller's during the call (fn may
 * change it, or keep it with csto_article_take) and freed after. The first error (reading, or from fn) stops the file,
 * unless options->skip takes it. A JSON Lines record's source is "FILE:LINE", with
 * " (id ID)" when it has an id. */
typedef csto_status (*csto_article_fn)(void *user, csto_article *article, csto_error *err);
CSTO_API csto_status csto_read_articles(const char *path, const csto_reader_options *options,
                                        int jsonl,
                                        csto_article_fn fn, void *user, csto_error *err);

#endif
