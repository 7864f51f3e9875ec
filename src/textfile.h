/* Internal: a whole data file (lexicon, knowledge base, an import) that must be UTF-8
 * without NUL, since a Turtle reader takes a bad byte inside a literal and later stages cut
 * or refuse the text there. */
#ifndef CSTO_TEXTFILE_H
#define CSTO_TEXTFILE_H

#include <stddef.h>

#include "csto/error.h"

/* Read path into *text (NUL-terminated, owned by the caller: free) of *len bytes. A byte
 * that is not UTF-8, or a NUL, is CSTO_ERR_DATA "PATH:LINE: invalid UTF-8 or NUL at byte
 * N"; an unreadable file CSTO_ERR_IO. */
csto_status csto_read_utf8_file(const char *path, char **text, size_t *len, csto_error *err);

#endif
