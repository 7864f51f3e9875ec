#include "csto/segmenter.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "array.h"
#include "csto/kb.h"
#include "csto/normalize.h"

/* The tokens, and their normalized forms one after another in one block (a long article
 * has a million tokens: one allocation each would cost more than the strings). While the
 * block grows, norm_at[i] is where token i's form starts; the pointers are set at the end. */
typedef struct {
  csto_token *items;
  size_t count, cap;
  size_t *norm_at;
  size_t cap_norm_at;
  char *norms;
  size_t n_norms, cap_norms;
} token_list;

/* Letters and digits of ASCII answered here: they are most of the text, and utf8proc's
 * lookup costs more than the test. */
static utf8proc_category_t category(utf8proc_int32_t c) {
  if (c >= 'a' && c <= 'z')
    return UTF8PROC_CATEGORY_LL;
  if (c >= 'A' && c <= 'Z')
    return UTF8PROC_CATEGORY_LU;
  if (c >= '0' && c <= '9')
    return UTF8PROC_CATEGORY_ND;
  return utf8proc_category(c);
}

static int is_word_category(utf8proc_category_t cat) {
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
         cat == UTF8PROC_CATEGORY_ND;
}

/* Inline, as it is asked of nearly every byte: ASCII (punctuation too) is answered without
 * utf8proc's table, its word characters being its letters and digits. */
static inline int is_word_char(utf8proc_int32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return is_word_category(utf8proc_category(c));
}

static int is_apostrophe(utf8proc_int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

static utf8proc_int32_t char_at(const char *text, size_t len, size_t i, size_t *width) {
  if ((unsigned char)text[i] < 0x80) { /* what utf8proc_iterate would say, sooner */
    *width = 1;
    return (unsigned char)text[i];
  }
  utf8proc_int32_t c = -1;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                        (utf8proc_ssize_t)(len - i), &c);
  *width = k > 0 ? (size_t)k : 1;
  return c;
}

static unsigned word_flags(const char *text, size_t begin, size_t end) {
  unsigned flags = CSTO_TOKEN_WORD;
  size_t w, letters = 0, upper = 0;
  utf8proc_int32_t first = char_at(text, end, begin, &w);
  if (category(first) == UTF8PROC_CATEGORY_LU)
    flags |= CSTO_TOKEN_CAPITALIZED;
  if (category(first) == UTF8PROC_CATEGORY_ND)
    flags |= CSTO_TOKEN_DIGITS;
  for (size_t i = begin; i < end; i += w) {
    utf8proc_category_t cat = category(char_at(text, end, i, &w));
    letters += cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    upper += cat == UTF8PROC_CATEGORY_LU;
  }
  if (letters >= 2 && upper == letters)
    flags |= CSTO_TOKEN_UPPER;
  return flags;
}

/* The token's normal form appended to the block, written in place: the ASCII of most
 * words needs no allocation of its own. A form longer than the room left (compatibility
 * decomposition can lengthen text) is made again once the block has grown. */
static int push_norm(token_list *list, const char *text, size_t len) {
  size_t need = len + 1;
  for (;;) {
    if (csto_array_reserve_n((void **)&list->norms, &list->cap_norms, list->n_norms, need, 1))
      return -1;
    size_t room = list->cap_norms - list->n_norms;
    size_t n = csto_normalize_to(text, len, list->norms + list->n_norms, room);
    if (n == (size_t)-1)
      return -1;
    if (n < room) {
      list->n_norms += n + 1;
      return 0;
    }
    need = n + 1;
  }
}

static int push(token_list *list, const char *text, size_t begin, size_t end, unsigned flags) {
  if (csto_array_reserve((void **)&list->items, &list->cap, list->count, sizeof *list->items) ||
      csto_array_reserve((void **)&list->norm_at, &list->cap_norm_at, list->count,
                         sizeof *list->norm_at))
    return -1;
  list->norm_at[list->count] = list->n_norms;
  if (push_norm(list, text + begin, end - begin) != 0)
    return -1;
  list->items[list->count++] =
      (csto_token){.begin = (uint32_t)begin, .end = (uint32_t)end, .flags = flags};
  return 0;
}

/* The block is final: each token's norm points into it (the first token's is the block). */
static void point_norms(token_list *list) {
  for (size_t i = 0; i < list->count; i++)
    list->items[i].norm = list->norms + list->norm_at[i];
}

/* Length of a word starting at i: letters and digits, plus '.' or ',' between digits. */
static size_t word_end(const char *text, size_t len, size_t i) {
  size_t w;
  while (i < len) {
    utf8proc_int32_t c = char_at(text, len, i, &w);
    if (is_word_char(c)) {
      i += w;
      continue;
    }
    if ((c == '.' || c == ',') && i > 0 && i + 1 < len && text[i - 1] >= '0' &&
        text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9') {
      i += 1;
      continue;
    }
    break;
  }
  return i;
}

csto_status csto_tokenize(const char *text, size_t len, csto_token **tokens, size_t *count,
                          csto_error *err) {
  if (len > UINT32_MAX)
    return csto_error_set(err, CSTO_ERR_INPUT, "a text of %zu bytes: more than a document holds",
                          len);
  token_list list = {0};
  unsigned pending = 0;
  size_t i = 0, w;
  while (i < len) {
    utf8proc_int32_t c = char_at(text, len, i, &w);
    if (c == '\n' || c == '\r') {
      pending |= CSTO_TOKEN_LINE_BEFORE;
      i += w;
      continue;
    }
    if (c == ' ' || c == '\t' || (c >= 0x80 && utf8proc_category(c) == UTF8PROC_CATEGORY_ZS) ||
        c == 0xFEFF) {
      i += w;
      continue;
    }
    size_t end = i + w;
    unsigned flags = 0;
    if (is_word_char(c)) {
      end = word_end(text, len, i);
      flags = word_flags(text, i, end);
    } else if (is_apostrophe(c) && i + w < len && (text[i + w] == 's' || text[i + w] == 'S') &&
               (i + w + 1 >= len || !is_word_char(char_at(text, len, i + w + 1, &(size_t){0})))) {
      end = i + w + 1; /* the possessive 's */
    }
    if (push(&list, text, i, end, flags | pending) != 0) {
      free(list.items);
      free(list.norm_at);
      free(list.norms);
      return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while tokenizing");
    }
    pending = 0;
    i = end;
  }
  point_norms(&list);
  free(list.norm_at);
  if (!list.count)
    free(list.norms);
  *tokens = list.items;
  *count = list.count;
  return CSTO_OK;
}

void csto_tokens_free(csto_token *tokens, size_t count) {
  if (!tokens)
    return;
  if (count)
    free(tokens[0].norm); /* the block of every token's form */
  free(tokens);
}

char *csto_tokens_phrase(const csto_token *tokens, size_t from, size_t to) {
  size_t n = 1;
  for (size_t i = from; i < to; i++)
    n += strlen(tokens[i].norm) + 1;
  char *s = malloc(n), *p = s;
  if (!s)
    return NULL;
  for (size_t i = from; i < to; i++) {
    if (i > from)
      *p++ = ' ';
    size_t k = strlen(tokens[i].norm);
    memcpy(p, tokens[i].norm, k);
    p += k;
  }
  *p = '\0';
  return s;
}

static int is_terminal(const csto_token *t) {
  return strcmp(t->norm, ".") == 0 || strcmp(t->norm, "!") == 0 || strcmp(t->norm, "?") == 0;
}

static int is_closer(const csto_token *t) {
  return strcmp(t->norm, "\"") == 0 || strcmp(t->norm, ")") == 0 || strcmp(t->norm, "'") == 0;
}

static int is_abbreviation(const struct csto_kb *kb, const csto_token *word) {
  if (!(word->flags & CSTO_TOKEN_WORD))
    return 0;
  /* A single capital letter is an initial ("S. Jaishankar"). */
  if ((word->flags & CSTO_TOKEN_CAPITALIZED) && word->end - word->begin == 1)
    return 1;
  if (!kb)
    return 0;
  const csto_lex_entry *entries[CSTO_KB_MAX_MEANINGS];
  size_t n = csto_kb_lookup(kb, word->norm, entries, CSTO_KB_MAX_MEANINGS);
  for (size_t i = 0; i < n; i++)
    if (entries[i]->kind == CSTO_LEX_CUE && entries[i]->value == CSTO_CUE_ABBREVIATION)
      return 1;
  return 0;
}

/* Whether a sentence ends after token i (a terminal mark, maybe followed by closers). */
static size_t sentence_end_after(const struct csto_kb *kb, const csto_token *t, size_t count,
                                 size_t i) {
  if (!is_terminal(&t[i]))
    return 0;
  if (strcmp(t[i].norm, ".") == 0 && i > 0 && t[i - 1].end == t[i].begin &&
      is_abbreviation(kb, &t[i - 1]))
    return 0;
  size_t j = i + 1;
  while (j < count && is_closer(&t[j]) && !(t[j].flags & CSTO_TOKEN_LINE_BEFORE))
    j++;
  if (j >= count)
    return j;
  if (t[j].flags & (CSTO_TOKEN_CAPITALIZED | CSTO_TOKEN_DIGITS | CSTO_TOKEN_LINE_BEFORE) ||
      strcmp(t[j].norm, "\"") == 0)
    return j;
  return 0;
}

csto_status csto_segment(const struct csto_kb *kb, const char *text, const csto_token *tokens,
                         size_t count, csto_sentence **sentences, size_t *n_sentences,
                         csto_error *err) {
  (void)text;
  csto_sentence *out = NULL;
  size_t n = 0, cap = 0, start = 0;
  for (size_t i = 0; i < count; i++) {
    size_t end = 0;
    if (i + 1 < count && (tokens[i + 1].flags & CSTO_TOKEN_LINE_BEFORE))
      end = i + 1;
    else if (i + 1 == count)
      end = count;
    else if ((end = sentence_end_after(kb, tokens, count, i)) != 0 && end < i + 1)
      end = 0;
    if (!end)
      continue;
    if (csto_array_reserve((void **)&out, &cap, n, sizeof *out) != 0) {
      free(out);
      return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while segmenting");
    }
    out[n++] = (csto_sentence){tokens[start].begin, tokens[end - 1].end, start, end};
    start = end;
    i = end - 1;
  }
  *sentences = out;
  *n_sentences = n;
  return CSTO_OK;
}
