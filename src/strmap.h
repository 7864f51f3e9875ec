/* Internal: a string -> int multimap (open hashing), used for the gazetteer. Keys are
 * copied (into blocks the map frees at once); values are ints the caller interprets
 * (indexes into its own arrays). */
#ifndef CSTO_STRMAP_H
#define CSTO_STRMAP_H

#include <stddef.h>

typedef struct csto_strmap csto_strmap;

csto_strmap *csto_strmap_new(void);
void csto_strmap_free(csto_strmap *map);

/* Add value under key (duplicates of the same pair are kept once). 0 on success. */
int csto_strmap_add(csto_strmap *map, const char *key, int value);

/* Mark the key of len bytes, which is added without values if new: one flag a key may
 * carry besides its values, so that a caller asking two things of a key (the gazetteer:
 * a phrase's meanings, and whether a longer phrase starts with it) looks it up once. */
int csto_strmap_mark_n(csto_strmap *map, const char *key, size_t len);

/* Values stored under key: returns how many and points *values at them (borrowed,
 * valid until the next add). */
size_t csto_strmap_get(const csto_strmap *map, const char *key, const int **values);

/* The same for the key of len bytes (key need not end there); *marked (unless NULL) says
 * whether the key is marked. */
size_t csto_strmap_get_n(const csto_strmap *map, const char *key, size_t len, const int **values,
                         int *marked);

#endif
