/* Internal: the rows a triple pattern's lookup returns (store_source.c), read out of
 * sqlite, and the complete answers kept for the rest of a query: rasqal evaluates the
 * group of an OPTIONAL or a UNION once per row to its left, each time with the same
 * lookups, which the store then answers from memory. */
#ifndef CSTO_STORE_ROWS_H
#define CSTO_STORE_ROWS_H

#include <stddef.h>

#include <sqlite3.h>

enum { CSTO_ROW_IDS = 7, CSTO_ROW_TEXTS = 9 };

/* A row: the ids of its columns (0 for NULL: ids start at 1) and the text columns after
 * them (NULL when NULL), all in one allocation: free(). */
typedef struct {
  sqlite3_int64 id[CSTO_ROW_IDS];
  const unsigned char *text[CSTO_ROW_TEXTS];
  int len[CSTO_ROW_TEXTS];
} csto_row;

/* The current row of q (CSTO_ROW_IDS id columns, then CSTO_ROW_TEXTS text columns), or
 * NULL when out of memory. */
csto_row *csto_row_read(sqlite3_stmt *q);

typedef struct {
  csto_row **rows;
  size_t n, cap;
} csto_rows;

/* Add row (taken) to rows: 0, or -1 when out of memory (row freed). */
int csto_rows_add(csto_rows *rows, csto_row *row);
void csto_rows_clear(csto_rows *rows);

/* What a lookup asked: the kind of each part (subject, predicate, object, graph) and the
 * id of each bound one. */
typedef struct {
  int kinds[4];
  sqlite3_int64 ids[4];
} csto_row_key;

typedef struct csto_row_cache csto_row_cache;

csto_row_cache *csto_row_cache_new(void);
void csto_row_cache_free(csto_row_cache *cache);

/* Forget every answer (a new query begins: the store may have changed). */
void csto_row_cache_clear(csto_row_cache *cache);

/* The complete answer kept for key (borrowed until the next clear), or NULL. */
const csto_rows *csto_row_cache_get(const csto_row_cache *cache, const csto_row_key *key);

/* Keep rows as the complete answer for key: the cache takes them (rows is emptied) and
 * returns them, or returns NULL and leaves rows to the caller when the cache is full. */
const csto_rows *csto_row_cache_put(csto_row_cache *cache, const csto_row_key *key,
                                    csto_rows *rows);

#endif
