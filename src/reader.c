/* csto-kg stage 1, the reader: bytes -> a validated article (see include/csto/reader.h).
 *
 * Every check runs before any later stage sees the text, so the rest of the pipeline may
 * assume valid UTF-8 without NUL bytes and a non-empty body. Byte offsets in messages are
 * 0-based and count from the start of the input file, lines are 1-based. */
#include "csto/reader.h"

#include "csto/normalize.h"

#include "csto/calendar.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#include <zlib.h>

#include "strmap.h"

#define STDIN_NAME "<stdin>"
#define READ_CHUNK ((size_t)64 * 1024)
#define UTF8_BOM "\xEF\xBB\xBF"
#define EXCERPT_BYTES 40

/* ---- small helpers ---------------------------------------------------------------- */

/* The limit in force; clamped so that limit + 2 (the excess byte and a NUL) cannot wrap. */
static size_t max_bytes_of(const csto_reader_options *options) {
  size_t max = options && options->max_bytes ? options->max_bytes : CSTO_DEFAULT_MAX_ARTICLE_BYTES;
  return max < SIZE_MAX / 2 ? max : SIZE_MAX / 2;
}

static bool is_stdin_path(const char *path) { return strcmp(path, "-") == 0; }

static const char *display_name(const char *path) {
  return is_stdin_path(path) ? STDIN_NAME : path;
}

static csto_status nomem(csto_error *err) {
  return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
}

static char *dup_n(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

static bool has_bom(const char *s, size_t n) { return n >= 3 && memcmp(s, UTF8_BOM, 3) == 0; }

/* Bytes of byte order marks at the start: one, or several where a file was converted
 * twice (the front matter after them is still front matter). */
static size_t boms(const char *s, size_t n) {
  size_t k = 0;
  while (has_bom(s + k, n - k))
    k += 3;
  return k;
}

/* Copy at most EXCERPT_BYTES of s into buf for quoting in a message: cut on a code point
 * boundary and replace control characters, so the message stays one valid line. */
static void excerpt(char *buf, size_t size, const char *s, size_t n) {
  size_t keep = n < EXCERPT_BYTES ? n : EXCERPT_BYTES;
  while (keep < n && keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
    keep--;
  size_t room = size - 4; /* leaves space for "..." and the terminator */
  if (keep > room)
    keep = room;
  for (size_t i = 0; i < keep; i++)
    buf[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) ? '?' : s[i];
  strcpy(buf + keep, keep < n ? "..." : "");
}

/* ---- byte-level validation ------------------------------------------------------------ */

/* Offset of the first NUL byte or invalid UTF-8 sequence in s[0..len), or len if none.
 * utf8proc_iterate rejects overlong forms, surrogates and code points past U+10FFFF. */
static const char *bad_byte_kind(char c) { return c == '\0' ? "NUL byte" : "invalid UTF-8"; }

/* 1-based line holding byte off. */
static size_t line_at(const char *s, size_t off) {
  size_t line = 1;
  const char *end = s + off;
  for (const char *p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
    line++;
  return line;
}

static bool is_space_cp(utf8proc_int32_t cp) {
  if ((cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xFEFF)
    return true;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* True when s (valid UTF-8) holds nothing but white space, Unicode's included. */
static bool is_blank_text(const char *s, size_t len) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  size_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0 || !is_space_cp(cp))
      return false;
    i += (size_t)n;
  }
  return true;
}

/* ---- dates ---------------------------------------------------------------------------- */

/* where is "FILE:LINE: " or "" so that the same wording serves every caller. */
static csto_status bad_date(csto_error *err, const char *where, const char *s, size_t n) {
  char quoted[EXCERPT_BYTES + 4];
  excerpt(quoted, sizeof quoted, s, n);
  return csto_error_set(err, CSTO_ERR_INPUT, "%sunparseable date '%s' (expected YYYY-MM-DD)",
                        where, quoted);
}

csto_status csto_date_parse(const char *text, csto_date *date, csto_error *err) {
  if (!text || !date)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_date_parse: NULL argument");
  csto_date d;
  if (!csto_date_from_iso(text, strlen(text), &d))
    return bad_date(err, "", text, strlen(text));
  *date = d;
  return CSTO_OK;
}

/* ---- articles ------------------------------------------------------------------------- */

void csto_article_free(csto_article *article) {
  if (!article)
    return;
  free(article->source);
  free(article->text);
  free(article->url);
  free(article->title);
  free(article->outlet);
  free(article->id);
  free(article);
}

csto_article *csto_article_take(csto_article *article) {
  csto_article *kept = malloc(sizeof *kept);
  if (kept) {
    *kept = *article; /* body points into text, which moves with it */
    *article = (csto_article){0};
  }
  return kept;
}

/* A new article that owns text (len bytes plus a terminating NUL). On failure text is
 * freed too, so callers never have to. */
static csto_article *article_new(const char *source, char *text, size_t len) {
  csto_article *a = calloc(1, sizeof *a);
  char *src = strdup(source);
  if (!a || !src) {
    free(a);
    free(src);
    free(text);
    return NULL;
  }
  a->source = src;
  a->text = text;
  a->text_len = len;
  a->body_line = 1;
  return a;
}

csto_status csto_article_set_date(csto_article *article, const char *iso_date, csto_error *err) {
  if (!article || !iso_date)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_article_set_date: NULL argument");
  return csto_date_parse(iso_date, &article->date, err);
}

/* The URL becomes the article's schema:url and its IRI's seed: a relative one ("x y")
 * would be a relative IRI, which N-Triples and N-Quads readers reject. where prefixes the
 * message ("feed.jsonl:3: "). */
static csto_status check_url(const char *where, const char *url, size_t n, csto_error *err) {
  if (!csto_iri_has_scheme(url, n))
    return csto_error_set(err, CSTO_ERR_INPUT,
                          "%sURL '%.*s' is not absolute: it needs a scheme, such as https:",
                          where, (int)(n > 80 ? 80 : n), url);
  return CSTO_OK;
}

/* NULL removes the URL. The URL ends up in IRIs and messages, hence the UTF-8 check. */
csto_status csto_article_set_url(csto_article *article, const char *url, csto_error *err) {
  if (!article)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_article_set_url: NULL article");
  char *copy = NULL;
  if (url) {
    size_t n = strlen(url);
    if (csto_utf8_first_bad(url, n) != n)
      return csto_error_set(err, CSTO_ERR_INPUT, "URL is not valid UTF-8");
    csto_status st = check_url("", url, n, err);
    if (st != CSTO_OK)
      return st;
    if (!(copy = strdup(url)))
      return nomem(err);
  }
  free(article->url);
  article->url = copy;
  return CSTO_OK;
}

/* ---- front matter --------------------------------------------------------------------- */

typedef struct {
  const char *s;
  size_t len, pos;
  size_t line; /* line number of the line last returned */
} line_cursor;

/* The next line without its "\n" or "\r\n"; false at the end of the text. */
static bool next_line(line_cursor *c, const char **start, size_t *n) {
  if (c->pos >= c->len)
    return false;
  const char *b = c->s + c->pos;
  const char *nl = memchr(b, '\n', c->len - c->pos);
  *start = b;
  *n = nl ? (size_t)(nl - b) : c->len - c->pos;
  c->pos += *n + (nl ? 1 : 0);
  if (*n > 0 && b[*n - 1] == '\r')
    (*n)--;
  c->line++;
  return true;
}

static bool is_fence(const char *l, size_t n) { return n == 3 && memcmp(l, "---", 3) == 0; }

static void trim(const char **s, size_t *n) {
  while (*n > 0 && (**s == ' ' || **s == '\t')) {
    (*s)++;
    (*n)--;
  }
  while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
    (*n)--;
}

static void strip_quotes(const char **s, size_t *n) {
  if (*n >= 2 && (**s == '"' || **s == '\'') && (*s)[*n - 1] == **s) {
    (*s)++;
    *n -= 2;
  }
}

static bool key_is(const char *key, size_t n, const char *name) {
  return n == strlen(name) && strncmp(key, name, n) == 0;
}

/* Store one known key's value; unknown keys are ignored so that richer front matter
 * written for other tools (tags, author, ...) is accepted. */
static csto_status set_field(csto_article *a, const char *key, size_t kn, const char *v,
                             size_t vn, size_t line, csto_error *err) {
  if (key_is(key, kn, "date")) {
    if (csto_date_from_iso(v, vn, &a->date))
      return CSTO_OK;
    char where[CSTO_ERROR_MESSAGE_SIZE];
    snprintf(where, sizeof where, "%s:%zu: ", a->source, line);
    return bad_date(err, where, v, vn);
  }
  char **slot = key_is(key, kn, "url")      ? &a->url
                : key_is(key, kn, "title")  ? &a->title
                : key_is(key, kn, "outlet") ? &a->outlet
                                            : NULL;
  if (!slot)
    return CSTO_OK;
  if (slot == &a->url) {
    char where[CSTO_ERROR_MESSAGE_SIZE];
    snprintf(where, sizeof where, "%s:%zu: ", a->source, line);
    csto_status st = check_url(where, v, vn, err);
    if (st != CSTO_OK)
      return st;
  }
  char *copy = dup_n(v, vn);
  if (!copy)
    return nomem(err);
  free(*slot);
  *slot = copy;
  return CSTO_OK;
}

static csto_status front_matter_line(csto_article *a, const char *l, size_t n, size_t line,
                                     csto_error *err) {
  /* Blank lines, comments, and the indented or "- " lines of YAML lists and blocks that
   * belong to keys we ignore. */
  if (n == 0 || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '-')
    return CSTO_OK;
  const char *colon = memchr(l, ':', n);
  if (!colon)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s:%zu: front matter line is not 'key: value'",
                          a->source, line);
  const char *key = l, *value = colon + 1;
  size_t kn = (size_t)(colon - l), vn = n - kn - 1;
  trim(&key, &kn);
  trim(&value, &vn);
  strip_quotes(&value, &vn);
  if (vn == 0) /* "title:" with nothing after it says nothing */
    return CSTO_OK;
  return set_field(a, key, kn, value, vn, line, err);
}

/* Parse the front matter that starts at byte start (after any BOM), if there is one,
 * and set where the body begins. The closing fence is found first, so that an article
 * that merely starts with "---" is reported as unclosed, not for its second line. */
static csto_status parse_front_matter(csto_article *a, size_t start, csto_error *err) {
  line_cursor c = {a->text, a->text_len, start, 0};
  const char *l;
  size_t n;
  a->body_offset = start;
  a->body_line = 1;
  if (!next_line(&c, &l, &n) || !is_fence(l, n))
    return CSTO_OK;
  line_cursor fm = c;
  bool closed = false;
  while (!closed && next_line(&c, &l, &n))
    closed = is_fence(l, n);
  if (!closed)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s:1: front matter opened here is never closed",
                          a->source);
  size_t close_line = c.line;
  while (next_line(&fm, &l, &n) && fm.line < close_line) {
    csto_status st = front_matter_line(a, l, n, fm.line, err);
    if (st != CSTO_OK)
      return st;
  }
  a->body_offset = c.pos;
  a->body_line = close_line + 1;
  return CSTO_OK;
}

/* ---- building an article from bytes --------------------------------------------------- */

static csto_status check_text(const csto_article *a, csto_error *err) {
  if (a->text_len == 0)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: empty file", a->source);
  size_t bad = csto_utf8_first_bad(a->text, a->text_len);
  if (bad != a->text_len)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s:%zu: %s at byte %zu", a->source,
                          line_at(a->text, bad), bad_byte_kind(a->text[bad]), bad);
  return CSTO_OK;
}

static csto_status check_body(const csto_article *a, csto_error *err) {
  if (is_blank_text(a->body, a->body_len))
    return csto_error_set(err, CSTO_ERR_INPUT, "%s:%zu: article has no body", a->source,
                          a->body_line);
  return CSTO_OK;
}

/* Validate text (owned: len bytes and a NUL) and make it an article. */
static csto_status article_from_owned(const char *source, char *text, size_t len,
                                      csto_article **out, csto_error *err) {
  csto_article *a = article_new(source, text, len);
  if (!a)
    return nomem(err);
  csto_status st = check_text(a, err);
  if (st == CSTO_OK)
    st = parse_front_matter(a, boms(text, len), err);
  if (st == CSTO_OK) {
    a->body = a->text + a->body_offset;
    a->body_len = a->text_len - a->body_offset;
    st = check_body(a, err);
  }
  if (st != CSTO_OK) {
    csto_article_free(a);
    return st;
  }
  *out = a;
  return CSTO_OK;
}

static csto_status too_large(csto_error *err, const char *name, const char *qualifier,
                             uintmax_t size, size_t max) {
  return csto_error_set(err, CSTO_ERR_INPUT,
                        "%s: %s%ju bytes, over the limit of %zu bytes for one article", name,
                        qualifier, size, max);
}

csto_status csto_article_from_buffer(const char *source, const char *data, size_t len,
                                     const csto_reader_options *options, csto_article **out,
                                     csto_error *err) {
  if (!source || (!data && len > 0) || !out)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_article_from_buffer: NULL argument");
  *out = NULL;
  size_t max = max_bytes_of(options);
  if (len > max)
    return too_large(err, source, "", len, max);
  char *copy = dup_n(len ? data : "", len);
  if (!copy)
    return nomem(err);
  return article_from_owned(source, copy, len, out, err);
}

/* ---- reading files -------------------------------------------------------------------- */

static csto_status grow(char **buf, size_t *cap, size_t limit, csto_error *err) {
  size_t want = *cap * 2 < limit ? *cap * 2 : limit;
  char *p = realloc(*buf, want);
  if (!p)
    return nomem(err);
  *buf = p;
  *cap = want;
  return CSTO_OK;
}

/* Input through zlib, which reads gzip-compressed files and passes any other as it is. */
static gzFile open_gz(int fd) {
  gzFile gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
  if (!gz && fd >= 0)
    close(fd);
  if (gz)
    gzbuffer(gz, 64 * 1024);
  return gz;
}

/* zlib's state of gz: Z_OK, Z_ERRNO (the system failed), or a data error. */
static int gz_code(gzFile gz) {
  int code;
  gzerror(gz, &code);
  return code;
}

/* Why gz failed: the system's error, or zlib's (a truncated or corrupt gzip stream). */
static const char *gz_why(gzFile gz) {
  int code;
  const char *why = gzerror(gz, &code);
  const char *colon = strstr(why, ": "); /* zlib names the stream "<fd:N>": we name the file */
  return code == Z_ERRNO ? strerror(errno) : colon ? colon + 2 : why;
}

static bool gz_failed(gzFile gz) { return gz_code(gz) != Z_OK; }

/* A corrupt or truncated gzip stream: bad input, not a failing system. */
static bool gz_bad_data(gzFile gz) {
  int code = gz_code(gz);
  return code == Z_DATA_ERROR || code == Z_BUF_ERROR;
}

/* Read all of gz into a new NUL-terminated buffer, but never more than max + 1 bytes:
 * input that does not announce its size (a pipe, a growing file, a compressed file) is
 * cut off as soon as it is known to be too large. hint is the expected size, 0 when
 * unknown. */
static csto_status read_bounded(gzFile gz, const char *name, size_t max, size_t hint, char **out,
                                size_t *out_len, csto_error *err) {
  size_t limit = max + 2; /* max + 1 bytes to notice the excess, plus the NUL */
  size_t cap = hint ? hint + 2 : READ_CHUNK;
  if (cap > limit)
    cap = limit;
  size_t len = 0;
  char *buf = malloc(cap);
  if (!buf)
    return nomem(err);
  csto_status st = CSTO_OK;
  while (st == CSTO_OK && len <= max) {
    if (len + 1 == cap && (st = grow(&buf, &cap, limit, err)) != CSTO_OK)
      break;
    size_t room = cap - 1 - len;
    int n = gzread(gz, buf + len, room > INT_MAX ? INT_MAX : (unsigned)room);
    if (n == 0)
      break;
    if (n > 0)
      len += (size_t)n;
    else
      st = csto_error_set(err, gz_bad_data(gz) ? CSTO_ERR_INPUT : CSTO_ERR_IO,
                          "%s: read failed: %s", name, gz_why(gz));
  }
  if (st == CSTO_OK && len > max)
    st = too_large(err, name, "at least ", len, max);
  if (st != CSTO_OK) {
    free(buf);
    return st;
  }
  buf[len] = '\0';
  *out = buf;
  *out_len = len;
  return CSTO_OK;
}

/* Reject what cannot be an article before reading it: a directory, or a regular file
 * whose size is already over the limit. Sets *hint to the size when it is known. */
static csto_status check_fd(int fd, const char *name, size_t max, size_t *hint,
                            csto_error *err) {
  struct stat st;
  *hint = 0;
  if (fstat(fd, &st) != 0)
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot read: %s", name, strerror(errno));
  if (S_ISDIR(st.st_mode))
    return csto_error_set(err, CSTO_ERR_IO, "%s: is a directory, not an article file", name);
  if (S_ISREG(st.st_mode)) {
    if ((uintmax_t)st.st_size > max)
      return too_large(err, name, "", (uintmax_t)st.st_size, max);
    *hint = (size_t)st.st_size;
  }
  return CSTO_OK;
}

csto_status csto_article_read_file(const char *path, const csto_reader_options *options,
                                   csto_article **out, csto_error *err) {
  if (!path || !out)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_article_read_file: NULL argument");
  *out = NULL;
  const char *name = display_name(path);
  size_t max = max_bytes_of(options), hint, len = 0;
  int fd = is_stdin_path(path) ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot open: %s", name, strerror(errno));
  char *text = NULL;
  csto_status st = check_fd(fd, name, max, &hint, err);
  gzFile gz = st == CSTO_OK ? open_gz(fd == STDIN_FILENO ? dup(fd) : fd) : NULL;
  if (st == CSTO_OK && !gz)
    st = csto_error_set(err, CSTO_ERR_IO, "%s: cannot read: %s", name, strerror(errno));
  else if (st != CSTO_OK && fd != STDIN_FILENO)
    close(fd);
  if (st == CSTO_OK)
    st = read_bounded(gz, name, max, hint, &text, &len, err);
  if (gz)
    gzclose(gz);
  if (st != CSTO_OK)
    return st;
  return article_from_owned(name, text, len, out, err);
}

/* ---- JSON Lines ----------------------------------------------------------------------- */

struct csto_jsonl {
  gzFile in;         /* plain or gzip-compressed (standard input through a copy of its fd) */
  char *name;        /* for messages */
  size_t max;        /* longest line accepted */
  size_t line;       /* number of the line last read */
  size_t offset;     /* bytes consumed so far: the file offset of the next line */
  bool skip_rest;    /* the last line was too long; its tail is still unread */
  bool broken;       /* reading failed: nothing after it can be read */
  char *buf;         /* the current line, NUL-terminated */
  size_t cap;
  char *block;       /* input read ahead (READ_CHUNK bytes): block[pos..end) is unconsumed */
  size_t pos, end;
  csto_strmap *ids;  /* the ids given so far, each with its line */
};

csto_status csto_jsonl_open(const char *path, const csto_reader_options *options,
                            csto_jsonl **out, csto_error *err) {
  if (!path || !out)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_jsonl_open: NULL argument");
  *out = NULL;
  const char *name = display_name(path);
  csto_jsonl *r = calloc(1, sizeof *r);
  if (!r || !(r->name = strdup(name))) {
    free(r);
    return nomem(err);
  }
  r->max = max_bytes_of(options);
  if (!(r->ids = csto_strmap_new()) || !(r->block = malloc(READ_CHUNK))) {
    csto_jsonl_close(r);
    return nomem(err);
  }
  int fd = is_stdin_path(path) ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    csto_jsonl_close(r);
    return csto_error_set(err, CSTO_ERR_IO, "%s: is a directory, not a JSON Lines file", name);
  }
  if (!(r->in = open_gz(fd))) {
    csto_status status =
        csto_error_set(err, CSTO_ERR_IO, "%s: cannot open: %s", name, strerror(errno));
    csto_jsonl_close(r);
    return status;
  }
  *out = r;
  return CSTO_OK;
}

void csto_jsonl_close(csto_jsonl *r) {
  if (!r)
    return;
  if (r->in)
    gzclose(r->in);
  free(r->name);
  free(r->buf);
  free(r->block);
  csto_strmap_free(r->ids);
  free(r);
}

/* Unconsumed input, reading the next block when none is left: > 0 when there is some, 0 at
 * the end, -1 when reading failed. Reading in blocks and scanning them with memchr costs
 * a fraction of reading byte by byte. */
static int refill(csto_jsonl *r) {
  if (r->pos < r->end)
    return 1;
  int n = gzread(r->in, r->block, (unsigned)READ_CHUNK);
  r->pos = 0;
  r->end = n > 0 ? (size_t)n : 0;
  if (n == 0 && gz_failed(r->in)) /* zlib reads ahead: an error counts once the data ends */
    return -1;
  return n;
}

/* The unconsumed input up to and without the next "\n" (or all of it): its start, its
 * length in *n, and in *nl whether the newline follows. */
static const char *line_part(const csto_jsonl *r, size_t *n, bool *nl) {
  const char *b = r->block + r->pos;
  const char *end = memchr(b, '\n', r->end - r->pos);
  *nl = end != NULL;
  *n = end ? (size_t)(end - b) : r->end - r->pos;
  return b;
}

static void consume(csto_jsonl *r, size_t n) {
  r->pos += n;
  r->offset += n;
}

/* Consume the rest of an over-long line. Done lazily, on the next call, so that the
 * error for the long line comes back at once even when the line never ends. */
static void skip_rest_of_line(csto_jsonl *r) {
  bool nl = false;
  while (!nl && refill(r) > 0) {
    size_t n;
    line_part(r, &n, &nl);
    consume(r, n + nl);
  }
  r->skip_rest = false;
}

enum line_result { LINE_OK, LINE_EOF, LINE_TOO_LONG, LINE_READ_ERROR };

/* Room in r->buf for len bytes and a NUL. */
static bool reserve(csto_jsonl *r, size_t len) {
  if (len + 1 <= r->cap)
    return true;
  size_t cap = r->cap ? r->cap * 2 : 4096;
  if (cap < len + 1)
    cap = len + 1;
  if (cap > r->max + 2) /* a line never needs more than max bytes and a NUL */
    cap = r->max + 2;
  char *p = realloc(r->buf, cap);
  if (!p)
    return false;
  r->buf = p;
  r->cap = cap;
  return true;
}

/* Read one line, without its "\n", into r->buf; never buffers more than max bytes
 * (getline would hold a whole line however long it is). */
static enum line_result read_line(csto_jsonl *r, size_t *len_out) {
  size_t len = 0;
  bool any = false, nl = false;
  int got = 0;
  if (!reserve(r, 0))
    return LINE_READ_ERROR;
  while (!nl && (got = refill(r)) > 0) {
    size_t n;
    const char *part = line_part(r, &n, &nl);
    any = true;
    if (n > r->max - len) {
      r->skip_rest = true;
      return LINE_TOO_LONG;
    }
    if (!reserve(r, len + n))
      return LINE_READ_ERROR;
    memcpy(r->buf + len, part, n);
    len += n;
    consume(r, n + nl);
  }
  if (got < 0)
    return LINE_READ_ERROR;
  if (!any)
    return LINE_EOF;
  r->buf[len] = '\0';
  *len_out = len;
  return LINE_OK;
}

static bool is_blank_line(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
      return false;
  return true;
}

/* Optional string member: absent or null leaves *value NULL. A number is accepted for
 * "id" only, since feeds often number their records. */
static csto_status optional_string(const char *where, json_t *obj, const char *key,
                                   char **value, csto_error *err) {
  json_t *v = json_object_get(obj, key);
  *value = NULL;
  if (!v || json_is_null(v))
    return CSTO_OK;
  if (json_is_integer(v) && strcmp(key, "id") == 0) {
    char num[32];
    snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return (*value = strdup(num)) ? CSTO_OK : nomem(err);
  }
  if (!json_is_string(v))
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: field \"%s\" is not a string", where, key);
  const char *s = json_string_value(v);
  size_t n = json_string_length(v);
  const char *nul = memchr(s, '\0', n);
  if (nul)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: NUL character (\\u0000) in field \"%s\"",
                          where, key);
  return (*value = dup_n(s, n)) ? CSTO_OK : nomem(err);
}

static csto_status jsonl_metadata(csto_article *a, json_t *obj, csto_error *err) {
  char *date = NULL;
  csto_status st = optional_string(a->source, obj, "url", &a->url, err);
  if (st == CSTO_OK && a->url) {
    char where[CSTO_ERROR_MESSAGE_SIZE];
    snprintf(where, sizeof where, "%s: ", a->source);
    st = check_url(where, a->url, strlen(a->url), err);
  }
  if (st == CSTO_OK)
    st = optional_string(a->source, obj, "title", &a->title, err);
  if (st == CSTO_OK)
    st = optional_string(a->source, obj, "outlet", &a->outlet, err);
  if (st == CSTO_OK)
    st = optional_string(a->source, obj, "id", &a->id, err);
  if (st == CSTO_OK && a->id && !*a->id)
    st = csto_error_set(err, CSTO_ERR_INPUT, "%s: field \"id\" is empty", a->source);
  if (st == CSTO_OK)
    st = optional_string(a->source, obj, "date", &date, err);
  if (st == CSTO_OK && date && !csto_date_from_iso(date, strlen(date), &a->date)) {
    char where[CSTO_ERROR_MESSAGE_SIZE];
    snprintf(where, sizeof where, "%s: ", a->source);
    st = bad_date(err, where, date, strlen(date));
  }
  free(date);
  return st;
}

/* The article of one parsed line; where is "FILE:LINE". */
static csto_status jsonl_article(const char *where, json_t *obj, csto_article **out,
                                 csto_error *err) {
  if (!json_is_object(obj))
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: expected a JSON object", where);
  json_t *text = json_object_get(obj, "text");
  if (!json_is_string(text))
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: missing string field \"text\"", where);
  const char *s = json_string_value(text);
  size_t n = json_string_length(text);
  const char *nul = memchr(s, '\0', n);
  if (nul)
    return csto_error_set(err, CSTO_ERR_INPUT,
                          "%s: NUL character (\\u0000) at byte %zu of field \"text\"", where,
                          (size_t)(nul - s));
  char *copy = dup_n(s, n);
  csto_article *a = copy ? article_new(where, copy, n) : NULL;
  if (!a)
    return nomem(err);
  a->body = a->text;
  a->body_len = a->text_len;
  /* Not check_body: where already names the line, the text has no lines of its own. */
  csto_status st = is_blank_text(a->body, a->body_len)
                       ? csto_error_set(err, CSTO_ERR_INPUT, "%s: article has no body", where)
                       : jsonl_metadata(a, obj, err);
  if (st != CSTO_OK) {
    csto_article_free(a);
    return st;
  }
  *out = a;
  return CSTO_OK;
}

/* "FILE:LINE" becomes "FILE:LINE (id ID)" when the record has an id that is short
 * printable ASCII (an id is the feed's data: nothing else reaches a terminal). */
static void name_record(char *where, size_t size, json_t *obj) {
  json_t *id = json_is_object(obj) ? json_object_get(obj, "id") : NULL;
  char text[72];
  if (json_is_integer(id))
    snprintf(text, sizeof text, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
  else if (json_is_string(id) && json_string_length(id) > 0 && json_string_length(id) <= 64)
    snprintf(text, sizeof text, "%s", json_string_value(id));
  else
    return;
  for (const char *c = text; *c; c++)
    if (*c < 0x20 || *c > 0x7E)
      return;
  size_t used = strlen(where);
  snprintf(where + used, size - used, " (id %s)", text);
}

/* An id names its article's IRI: a second record with an id the file gave before is
 * refused (the two would be one article). */
static csto_status new_id(csto_jsonl *r, const char *where, const csto_article *a,
                          csto_error *err) {
  const int *lines;
  if (!a->id)
    return CSTO_OK;
  if (csto_strmap_get(r->ids, a->id, &lines) > 0)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: duplicate id (line %d gave it first)", where,
                          lines[0]);
  int line = r->line < INT_MAX ? (int)r->line : INT_MAX;
  return csto_strmap_add(r->ids, a->id, line) == 0 ? CSTO_OK : nomem(err);
}

/* Validate and parse the line in r->buf (len bytes starting at file offset start). */
static csto_status jsonl_line(csto_jsonl *r, size_t len, size_t start, csto_article **out,
                              csto_error *err) {
  char where[CSTO_ERROR_MESSAGE_SIZE];
  snprintf(where, sizeof where, "%s:%zu", r->name, r->line);
  const char *s = r->buf;
  size_t bom = r->line == 1 ? boms(s, len) : 0;
  size_t bad = csto_utf8_first_bad(s, len);
  if (bad != len)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: %s at byte %zu", where,
                          bad_byte_kind(s[bad]), start + bad);
  json_error_t je;
  json_t *obj = json_loadb(s + bom, len - bom,
                           JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
  if (!obj)
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: invalid JSON: %s (column %d)", where,
                          je.text, je.column);
  name_record(where, sizeof where, obj);
  csto_status st = jsonl_article(where, obj, out, err);
  json_decref(obj);
  if (st == CSTO_OK && (st = new_id(r, where, *out, err)) != CSTO_OK) {
    csto_article_free(*out);
    *out = NULL;
  }
  return st;
}

csto_status csto_jsonl_next(csto_jsonl *r, csto_article **article, csto_error *err) {
  if (!r || !article)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_jsonl_next: NULL argument");
  *article = NULL;
  if (r->skip_rest)
    skip_rest_of_line(r);
  if (r->broken)
    return CSTO_OK; /* the end: the failure was reported once */
  for (;;) {
    size_t start = r->offset, len = 0;
    enum line_result res = read_line(r, &len);
    if (res == LINE_EOF)
      return CSTO_OK;
    r->line++;
    if (res == LINE_TOO_LONG)
      return csto_error_set(err, CSTO_ERR_INPUT,
                            "%s:%zu: line over the limit of %zu bytes for one article",
                            r->name, r->line, r->max);
    if (res == LINE_READ_ERROR) {
      r->broken = true; /* a failed stream cannot be read past */
      return csto_error_set(err, gz_bad_data(r->in) ? CSTO_ERR_INPUT : CSTO_ERR_IO,
                            "%s:%zu: read failed: %s", r->name, r->line,
                            gz_failed(r->in) ? gz_why(r->in) : "out of memory");
    }
    if (!is_blank_line(r->buf, len))
      return jsonl_line(r, len, start, article, err);
  }
}

/* With options->skip, bad input is reported and read past; any other error stops. */
static csto_status skipped(const csto_reader_options *options, void *user, csto_status st,
                           const csto_error *err) {
  if (st != CSTO_ERR_INPUT || !options || !options->skip)
    return st;
  options->skip(user, err);
  return CSTO_OK;
}

csto_status csto_read_articles(const char *path, const csto_reader_options *options, int jsonl,
                               csto_article_fn fn, void *user, csto_error *err) {
  csto_article *a = NULL;
  if (!jsonl) {
    csto_status st = csto_article_read_file(path, options, &a, err);
    if (st == CSTO_OK)
      st = fn(user, a, err);
    csto_article_free(a);
    return skipped(options, user, st, err);
  }
  csto_jsonl *r = NULL;
  csto_status st = csto_jsonl_open(path, options, &r, err);
  while (st == CSTO_OK) {
    if ((st = csto_jsonl_next(r, &a, err)) == CSTO_OK && !a)
      break;
    if (st == CSTO_OK)
      st = fn(user, a, err);
    csto_article_free(a);
    a = NULL;
    st = skipped(options, user, st, err);
  }
  csto_jsonl_close(r);
  return r ? st : skipped(options, user, st, err);
}
