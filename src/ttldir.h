/* Internal: the knowledge base's Turtle files in a folder, listed in one order for both
 * libraries (kb.c loads them, kbfile.c counts and rewrites them). */
#ifndef CSTO_TTLDIR_H
#define CSTO_TTLDIR_H

#include <stddef.h>

#include "csto/error.h"

/* The "*.ttl" names directly in dir (no hidden files), sorted by strcmp, so that loading
 * order (and error order) is stable; free with csto_ttl_names_free. A missing folder is
 * CSTO_ERR_IO naming it. */
csto_status csto_ttl_list_dir(const char *dir, char ***names, size_t *count, csto_error *err);
void csto_ttl_names_free(char **names, size_t n);

/* strcmp order of two char * array elements, for qsort. */
int csto_ttl_compare_names(const void *a, const void *b);

#endif
