#include "csto/normalize.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Typographic variants news text uses where lexicon entries have ASCII. */
static utf8proc_int32_t ascii_variant(utf8proc_int32_t c) {
  switch (c) {
  case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return '\'';
  case 0x201C: case 0x201D: case 0x201E: return '"';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    return '-';
  case 0x00A0: case 0x2009: case 0x202F: return ' ';
  default: return c;
  }
}

static int all_ascii(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)text[i] >= 0x80)
      return 0;
  return 1;
}

/* ASCII text normalizes to itself with capitals lowered: NFKC, diacritics and the
 * typographic variants leave ASCII alone, and case folding maps only A-Z within it. Most
 * words of news text are ASCII, and utf8proc's decomposition costs far more. out gets
 * len bytes and a NUL. */
static void ascii_lowered(const char *text, size_t len, char *out) {
  for (size_t i = 0; i < len; i++)
    out[i] = text[i] >= 'A' && text[i] <= 'Z' ? (char)(text[i] - 'A' + 'a') : text[i];
  out[len] = '\0';
}

/* The normal form of text that is not all ASCII, in a new string. */
static char *folded(const char *text, size_t len) {
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len,
                                    &mapped,
                                    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                        UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  if (n < 0)
    return NULL;
  /* Re-encode with typographic variants mapped; never longer than the input. */
  char *out = malloc((size_t)n + 1);
  if (!out) {
    free(mapped);
    return NULL;
  }
  size_t o = 0;
  for (utf8proc_ssize_t i = 0; i < n;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(mapped + i, n - i, &c);
    if (k <= 0)
      break;
    o += (size_t)utf8proc_encode_char(ascii_variant(c), (utf8proc_uint8_t *)out + o);
    i += k;
  }
  out[o] = '\0';
  free(mapped);
  return out;
}

char *csto_normalize(const char *text, size_t len) {
  if (!all_ascii(text, len))
    return folded(text, len);
  char *out = malloc(len + 1);
  if (out)
    ascii_lowered(text, len, out);
  return out;
}

size_t csto_normalize_to(const char *text, size_t len, char *out, size_t size) {
  if (all_ascii(text, len)) {
    if (len < size)
      ascii_lowered(text, len, out);
    return len;
  }
  char *form = folded(text, len);
  if (!form)
    return (size_t)-1;
  size_t n = strlen(form);
  if (n < size)
    memcpy(out, form, n + 1);
  free(form);
  return n;
}

char *csto_slug(const char *text, size_t len) {
  /* Keep the original case of ASCII letters so that IRIs read like the name. */
  utf8proc_uint8_t *plain = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len,
                                    &plain,
                                    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                        UTF8PROC_STRIPMARK);
  if (n < 0)
    return NULL;
  char *out = malloc((size_t)n + 2);
  if (!out) {
    free(plain);
    return NULL;
  }
  size_t o = 0;
  int gap = 0;
  for (utf8proc_ssize_t i = 0; i < n;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(plain + i, n - i, &c);
    if (k <= 0)
      break;
    i += k;
    if (c < 0x80 && (isalnum(c) || c == '-')) {
      if (gap && o > 0)
        out[o++] = '_';
      out[o++] = (char)c;
      gap = 0;
    } else if (utf8proc_category(c) != UTF8PROC_CATEGORY_LM) {
      /* a modifier letter belongs to its letter, as a diacritic does ("Oʻtkir" -> Otkir);
       * anything else separates, one '_' per run */
      gap = 1;
    }
  }
  if (o == 0)
    out[o++] = '_';
  out[o] = '\0';
  free(plain);
  return out;
}

static int noncharacter(utf8proc_int32_t c) {
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* What RDF text holds for code point c (lf_next: a LF follows it): c itself, or what
 * replaces it. The one rule csto_text_for_rdf applies and csto_text_rdf_ready checks. */
static utf8proc_int32_t rdf_char(utf8proc_int32_t c, int lf_next) {
  if (c == '\r' && !lf_next)
    return '\n';
  if (noncharacter(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
    return 0xFFFD;
  return c;
}

char *csto_text_for_rdf(const char *text, size_t len) {
  char *out = malloc(len * 3 + 1), *p = out; /* U+FFFD is 3 bytes; nothing replaced is shorter than 1 */
  if (!out)
    return NULL;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
    if (n <= 0) { /* not valid UTF-8: the reader lets none through; stay safe anyway */
      n = 1;
      c = 0xFFFD;
    }
    c = rdf_char(c, i + 1 < len && text[i + 1] == '\n');
    p += utf8proc_encode_char(c, (utf8proc_uint8_t *)p);
    i += (size_t)n;
  }
  *p = '\0';
  return out;
}

/* A CR always counts as a change (even in CRLF, which the rule keeps): text with one
 * takes the copying path, which is rare and always right. */
/* Eight bytes at a time (word) of text. */
static uint64_t word_at(const char *text) {
  uint64_t w;
  memcpy(&w, text, sizeof w);
  return w;
}

static const uint64_t HIGH_BITS = 0x8080808080808080ULL;

/* How many of text's first bytes, a multiple of eight, are printable ASCII (or DEL), which
 * is most of any text and RDF keeps as it is: a byte below 0x20 borrows into its high
 * bit (the borrow may mark the byte after it too, which only ends the run sooner), one
 * from 0x80 has it. */
static size_t printable_ascii_run(const char *text, size_t len) {
  size_t i = 0;
  while (i + 8 <= len && !(((word_at(text + i) - 0x2020202020202020ULL) | word_at(text + i)) &
                           HIGH_BITS))
    i += 8;
  return i;
}

int csto_text_rdf_ready(const char *text, size_t len) {
  for (size_t i = 0; i < len;) {
    i += printable_ascii_run(text + i, len - i);
    if (i == len)
      break;
    utf8proc_int32_t c = (unsigned char)text[i];
    utf8proc_ssize_t n = 1;
    if (c >= 0x80 && (n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                           (utf8proc_ssize_t)(len - i), &c)) <= 0)
      return 0;
    if (c == '\r' || rdf_char(c, 0) != c)
      return 0;
    i += (size_t)n;
  }
  return 1;
}

int csto_iri_has_scheme(const char *text, size_t len) {
  if (len == 0 || !isalpha((unsigned char)text[0]))
    return 0;
  for (size_t i = 1; i < len; i++)
    if (text[i] == ':')
      return 1;
    else if (!isalnum((unsigned char)text[i]) && !strchr("+-.", text[i]))
      return 0;
  return 0;
}

int csto_iri_char_forbidden(unsigned char c) {
  return c <= 0x20 || c == 0x7F || (c && strchr("<>\"{}|^`\\", c) != NULL);
}

size_t csto_utf8_first_bad(const char *text, size_t len) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
  size_t i = 0;
  while (i < len) {
    if (p[i] == 0)
      return i;
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0)
      return i;
    i += (size_t)n;
  }
  return len;
}

/* Every byte but a continuation byte (10xxxxxx) starts a code point. Eight bytes at a
 * time: the high bit of each continuation byte is kept, then the bytes' bits summed by a
 * multiply. */
size_t csto_utf8_codepoints(const char *text, size_t len) {
  size_t continuations = 0, i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w = word_at(text + i);
    continuations += (((w & ~(w << 1) & HIGH_BITS) >> 7) * 0x0101010101010101ULL) >> 56;
  }
  for (; i < len; i++)
    continuations += ((unsigned char)text[i] & 0xC0) == 0x80;
  return len - continuations;
}

size_t csto_utf8_advance(csto_utf8_cursor *cursor, const char *text, size_t byte) {
  cursor->codepoints += csto_utf8_codepoints(text + cursor->byte, byte - cursor->byte);
  cursor->byte = byte;
  return cursor->codepoints;
}
