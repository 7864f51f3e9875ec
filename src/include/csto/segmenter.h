/* csto-kg stage 2, the segmenter: text -> tokens and sentences, with byte offsets.
 *
 * Tokens are words (letters and digits), single punctuation marks, and the possessive
 * "'s"; hyphens and apostrophes split words ("Kassym-Jomart" is three tokens), so that
 * names and lexicon phrases, tokenized the same way, line up. Sentences end at . ! ? when
 * the next token starts a new sentence and the period does not close an abbreviation or
 * an initial, and at line breaks (headlines, datelines and paragraphs). */
#ifndef CSTO_SEGMENTER_H
#define CSTO_SEGMENTER_H

#include <stddef.h>
#include <stdint.h>

#include "csto/error.h"

struct csto_kb;

enum {
  CSTO_TOKEN_WORD = 1 << 0,        /* letters or digits */
  CSTO_TOKEN_CAPITALIZED = 1 << 1, /* starts with an upper-case letter */
  CSTO_TOKEN_UPPER = 1 << 2,       /* two or more letters, all upper case */
  CSTO_TOKEN_DIGITS = 1 << 3,      /* starts with a digit */
  CSTO_TOKEN_LINE_BEFORE = 1 << 4  /* a line break precedes it */
};

/* A long article holds a million tokens: offsets are 32 bits (csto_tokenize refuses a longer
 * text), so token and mention indexes fit 32 bits too. */
typedef struct {
  uint32_t begin, end; /* byte offsets in the text */
  unsigned flags;
  char *norm; /* csto_normalize of the token, owned by the token array */
} csto_token;

typedef struct {
  size_t begin, end;       /* byte offsets in the text, trimmed of white space */
  size_t first_token, end_token; /* token index range [first_token, end_token) */
} csto_sentence;

/* Split text into tokens. On success *tokens (owned; free with csto_tokens_free) holds
 * *count tokens. A text of more than UINT32_MAX bytes is refused (CSTO_ERR_INPUT). */
csto_status csto_tokenize(const char *text, size_t len, csto_token **tokens, size_t *count,
                          csto_error *err);

void csto_tokens_free(csto_token *tokens, size_t count);

/* Group tokens into sentences; kb supplies abbreviations (may be NULL). On success
 * *sentences is owned by the caller (free()). */
csto_status csto_segment(const struct csto_kb *kb, const char *text, const csto_token *tokens,
                         size_t count, csto_sentence **sentences, size_t *n_sentences,
                         csto_error *err);

/* Normalized phrase of tokens [from, to), words joined by one space; owned by caller. */
char *csto_tokens_phrase(const csto_token *tokens, size_t from, size_t to);

#endif
