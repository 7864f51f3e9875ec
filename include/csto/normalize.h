/* csto-kg: the one text normalization every matcher uses.
 *
 * Names and cue phrases are compared after NFKC, case folding, removal of diacritics and
 * mapping of typographic apostrophes, quotes and dashes to their ASCII forms, so that
 * "Khürelsükh", "KHURELSUKH" and "Khurelsukh" are one key, and "Ministers’" matches
 * "Ministers'". */
#ifndef CSTO_NORMALIZE_H
#define CSTO_NORMALIZE_H

#include <stddef.h>

/* Normalize len bytes of UTF-8 text. Returns a new NUL-terminated string owned by the
 * caller (free with free()), or NULL when out of memory or the input is not UTF-8. */
char *csto_normalize(const char *text, size_t len);

/* A slug for minting IRIs from a name: normalized, ASCII letters and digits kept,
 * runs of anything else become one '_'. "Sadyr Japarov" -> "Sadyr_Japarov".
 * Returns a new string owned by the caller, or NULL. */
char *csto_slug(const char *text, size_t len);

/* Number of Unicode code points in len bytes of valid UTF-8. */
size_t csto_utf8_codepoints(const char *text, size_t len);

/* Counting code points forward through a text, for offsets met in increasing order (so a
 * text is read once whatever the number of offsets): start at {0, 0}. */
typedef struct {
  size_t byte, codepoints;
} csto_utf8_cursor;

/* The code points of text before byte offset byte, which must not be before the cursor. */
size_t csto_utf8_advance(csto_utf8_cursor *cursor, const char *text, size_t byte);

#endif
