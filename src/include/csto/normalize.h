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

/* The same into out (size bytes), for callers that keep many forms in one block: returns
 * the form's length (without its NUL), written with its NUL only when less than size;
 * (size_t)-1 when out of memory or the input is not UTF-8. */
size_t csto_normalize_to(const char *text, size_t len, char *out, size_t size);

/* A slug for minting IRIs from a name: compatibility decomposition, combining marks and
 * modifier letters (category Lm) dropped, ASCII letters, digits and '-' kept, every other
 * run of characters one '_', none at either end ("_" when nothing is left).
 * "Sadyr Japarov" -> "Sadyr_Japarov", "Oʻtkir Sultonov" -> "Otkir_Sultonov". The
 * knowledge-base generator (scripts/kb/build_kb.py) mints IRIs by the same rule; both are
 * held to tests/fixtures/slugs.tsv. Returns a new string owned by the caller, or NULL. */
char *csto_slug(const char *text, size_t len);

/* Text as every RDF format can carry it: valid UTF-8 in, a new string out (owned by the
 * caller; NULL when out of memory) where each code point RDF writers cannot write as it
 * is becomes another single code point, so offsets counted in code points still hold:
 * noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two of every plane, which
 * raptor's writers cut a literal at) and C0 controls other than tab, LF and CR (which
 * XML 1.0 cannot hold) become U+FFFD; a CR not followed by LF becomes LF (raptor's Turtle
 * writer would put it raw inside a one-line string). */
char *csto_text_for_rdf(const char *text, size_t len);

/* Whether text needs none of csto_text_for_rdf's changes (so it can be used as it is):
 * tab and LF are its only controls, and it holds no noncharacter. */
int csto_text_rdf_ready(const char *text, size_t len);

/* Whether len bytes of text start with an IRI scheme and its colon ("https:", "urn:"),
 * as an absolute IRI must (RFC 3987: a letter, then letters, digits, "+", "-", "."). */
int csto_iri_has_scheme(const char *text, size_t len);

/* Whether no IRI may hold the byte as it is (RFC 3987): white space, controls, quotes,
 * angle brackets, braces, "|", "\\", "^", "`". */
int csto_iri_char_forbidden(unsigned char c);

/* Offset of the first byte of text that is not valid UTF-8 or is a NUL, or len when all
 * are good. */
size_t csto_utf8_first_bad(const char *text, size_t len);

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
