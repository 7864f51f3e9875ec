/* The reader: front matter, validation and every error message, files, stdin, JSON Lines. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "csto/reader.h"

/* ---- helpers -------------------------------------------------------------------------- */

/* A temporary file holding n bytes of data; returns its path (free it, unlink it). */
static char *temp_file(const void *data, size_t n) {
  char *path = strdup("/tmp/csto-reader-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, data, n), (ssize_t)n);
  close(fd);
  return path;
}

static void remove_temp(char *path) {
  unlink(path);
  free(path);
}

static csto_article *read_ok(const char *text) {
  csto_article *a = NULL;
  csto_error err = {0};
  csto_status st = csto_article_from_buffer("a.txt", text, strlen(text), NULL, &a, &err);
  if (st != CSTO_OK)
    fail_msg("unexpected error: %s", err.message);
  assert_non_null(a);
  return a;
}

/* from_buffer must fail with status st and exactly this message. */
static void buffer_fails(const char *data, size_t len, size_t max, csto_status st,
                         const char *message) {
  csto_reader_options o = {.max_bytes = max};
  csto_article *a = (csto_article *)1;
  csto_error err = {0};
  assert_int_equal(csto_article_from_buffer("a.txt", data, len, &o, &a, &err), st);
  assert_null(a);
  assert_int_equal(err.status, st);
  assert_string_equal(err.message, message);
}

static void text_fails(const char *text, const char *message) {
  buffer_fails(text, strlen(text), 0, CSTO_ERR_INPUT, message);
}

/* read_file on path must fail with status st and a message equal to "path" + suffix. */
static void file_fails(const char *path, size_t max, csto_status st, const char *suffix) {
  csto_reader_options o = {.max_bytes = max};
  csto_article *a = NULL;
  csto_error err = {0};
  assert_int_equal(csto_article_read_file(path, &o, &a, &err), st);
  assert_null(a);
  char expected[CSTO_ERROR_MESSAGE_SIZE];
  snprintf(expected, sizeof expected, "%s%s", path, suffix);
  assert_string_equal(err.message, expected);
}

/* Run read_file("-") with standard input coming from a pipe that holds data. */
static csto_status read_stdin(const void *data, size_t n, size_t max, csto_article **a,
                              csto_error *err) {
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  assert_true(n < 60000); /* fits in the pipe buffer: no writer process needed */
  assert_int_equal(write(fds[1], data, n), (ssize_t)n);
  close(fds[1]);
  int saved = dup(STDIN_FILENO);
  dup2(fds[0], STDIN_FILENO);
  close(fds[0]);
  csto_reader_options o = {.max_bytes = max};
  csto_status st = csto_article_read_file("-", &o, a, err);
  dup2(saved, STDIN_FILENO);
  close(saved);
  return st;
}

/* ---- front matter --------------------------------------------------------------------- */

static void test_front_matter(void **state) {
  (void)state;
  csto_article *a = read_ok("---\n"
                            "date: 2021-09-15\n"
                            "url:   https://tass.com/world/1337  \n"
                            "title: \"CSTO: ministers meet\"\n"
                            "outlet: 'TASS'\n"
                            "author: someone\n"
                            "tags:\n"
                            "  - csto\n"
                            "- summit\n"
                            "# a comment\n"
                            "\n"
                            "---\n"
                            "DUSHANBE, September 15.\n");
  assert_string_equal(a->source, "a.txt");
  assert_int_equal(a->date.year, 2021);
  assert_int_equal(a->date.month, 9);
  assert_int_equal(a->date.day, 15);
  assert_string_equal(a->url, "https://tass.com/world/1337");
  assert_string_equal(a->title, "CSTO: ministers meet");
  assert_string_equal(a->outlet, "TASS");
  assert_null(a->id);
  assert_int_equal(a->body_line, 13);
  assert_string_equal(a->body, "DUSHANBE, September 15.\n");
  assert_int_equal(a->body_len, strlen(a->body));
  assert_ptr_equal(a->body, a->text + a->body_offset);
  assert_int_equal(a->text[a->text_len], '\0');
  csto_article_free(a);
}

static void test_no_front_matter(void **state) {
  (void)state;
  csto_article *a = read_ok("Just a body.\nSecond line.");
  assert_int_equal(a->body_offset, 0);
  assert_int_equal(a->body_line, 1);
  assert_string_equal(a->body, "Just a body.\nSecond line.");
  assert_int_equal(a->date.year, 0);
  assert_int_equal(a->date.month, 0);
  assert_int_equal(a->date.day, 0);
  assert_null(a->url);
  assert_null(a->title);
  assert_null(a->outlet);
  csto_article_free(a);
  /* "---" that is not alone on the first line opens nothing. */
  a = read_ok("----\ndate: x\n");
  assert_int_equal(a->body_offset, 0);
  csto_article_free(a);
  a = read_ok("Text\n---\ndate: x\n---\n");
  assert_int_equal(a->body_offset, 0);
  assert_int_equal(a->date.year, 0);
  csto_article_free(a);
}

static void test_bom(void **state) {
  (void)state;
  csto_article *a = read_ok("\xEF\xBB\xBF---\ndate: 2020-01-02\n---\nBody");
  assert_int_equal(a->date.year, 2020);
  assert_string_equal(a->body, "Body");
  assert_int_equal(a->body_line, 4);
  csto_article_free(a);
  /* Without front matter the BOM is still not part of the body. */
  a = read_ok("\xEF\xBB\xBF" "Body");
  assert_int_equal(a->body_offset, 3);
  assert_string_equal(a->body, "Body");
  assert_int_equal(a->text_len, 7);
  csto_article_free(a);
}

static void test_crlf(void **state) {
  (void)state;
  csto_article *a = read_ok("---\r\ndate: 2021-09-15\r\noutlet: TASS\r\n---\r\nBody\r\n");
  assert_string_equal(a->outlet, "TASS");
  assert_int_equal(a->date.day, 15);
  assert_string_equal(a->body, "Body\r\n");
  assert_int_equal(a->body_line, 5);
  csto_article_free(a);
}

static void test_front_matter_never_closed(void **state) {
  (void)state;
  text_fails("---\ndate: 2021-09-15\nBody\n", "a.txt:1: front matter opened here is never closed");
  text_fails("---", "a.txt:1: front matter opened here is never closed");
  text_fails("---\n", "a.txt:1: front matter opened here is never closed");
  /* Reported as unclosed rather than for a bad date inside it. */
  text_fails("\xEF\xBB\xBF---\r\ndate: soon\r\n", "a.txt:1: front matter opened here is never closed");
}

static void test_front_matter_bad_line(void **state) {
  (void)state;
  text_fails("---\ndate 2021-09-15\n---\nBody", "a.txt:2: front matter line is not 'key: value'");
}

/* ---- dates ---------------------------------------------------------------------------- */

static void test_bad_dates(void **state) {
  (void)state;
  text_fails("---\ntitle: t\ndate: 15.09.2021\n---\nBody",
             "a.txt:3: unparseable date '15.09.2021' (expected YYYY-MM-DD)");
  text_fails("---\ndate: 2021-02-29\n---\nBody",
             "a.txt:2: unparseable date '2021-02-29' (expected YYYY-MM-DD)");
  text_fails("---\r\ndate: 1900-02-29\r\n---\r\nBody",
             "a.txt:2: unparseable date '1900-02-29' (expected YYYY-MM-DD)");
  text_fails("---\ndate: \"2021-13-01\"\n---\nBody",
             "a.txt:2: unparseable date '2021-13-01' (expected YYYY-MM-DD)");
  text_fails("---\ndate: 2021-04-31\n---\nBody",
             "a.txt:2: unparseable date '2021-04-31' (expected YYYY-MM-DD)");
  text_fails("---\ndate: 2021-9-15\n---\nBody",
             "a.txt:2: unparseable date '2021-9-15' (expected YYYY-MM-DD)");
  text_fails("---\ndate: 0000-01-01\n---\nBody",
             "a.txt:2: unparseable date '0000-01-01' (expected YYYY-MM-DD)");
  /* A long value is cut short in the message. */
  text_fails("---\ndate: 2021-09-15 and a very long tail of words after it\n---\nBody",
             "a.txt:2: unparseable date '2021-09-15 and a very long tail of words...' "
             "(expected YYYY-MM-DD)");
}

static void test_leap_day(void **state) {
  (void)state;
  csto_article *a = read_ok("---\ndate: 2020-02-29\n---\nBody");
  assert_int_equal(a->date.month, 2);
  assert_int_equal(a->date.day, 29);
  csto_article_free(a);
  csto_date d = {0, 0, 0};
  assert_int_equal(csto_date_parse("2000-02-29", &d, NULL), CSTO_OK);
  assert_int_equal(d.year, 2000);
  assert_int_equal(csto_date_parse("2024-12-31", &d, NULL), CSTO_OK);
  assert_int_equal(d.month, 12);
  csto_error err = {0};
  assert_int_equal(csto_date_parse("2100-02-29", &d, &err), CSTO_ERR_INPUT);
  assert_string_equal(err.message, "unparseable date '2100-02-29' (expected YYYY-MM-DD)");
  assert_int_equal(d.year, 2024); /* untouched on failure */
  assert_int_equal(csto_date_parse("2021-09-15 ", &d, &err), CSTO_ERR_INPUT);
  assert_int_equal(csto_date_parse("", &d, &err), CSTO_ERR_INPUT);
  assert_string_equal(err.message, "unparseable date '' (expected YYYY-MM-DD)");
}

static void test_date_and_url_override(void **state) {
  (void)state;
  csto_article *a = read_ok("---\ndate: 2021-09-15\nurl: https://a.example/\n---\nBody");
  csto_error err = {0};
  assert_int_equal(csto_article_set_date(a, "2021-09-16", &err), CSTO_OK);
  assert_int_equal(a->date.day, 16);
  assert_int_equal(csto_article_set_date(a, "16/09/2021", &err), CSTO_ERR_INPUT);
  assert_string_equal(err.message, "unparseable date '16/09/2021' (expected YYYY-MM-DD)");
  assert_int_equal(a->date.day, 16);
  char url[] = "https://b.example/x";
  assert_int_equal(csto_article_set_url(a, url, &err), CSTO_OK);
  url[0] = 'X'; /* the article has its own copy */
  assert_string_equal(a->url, "https://b.example/x");
  assert_int_equal(csto_article_set_url(a, "https://\xC0\xAF", &err), CSTO_ERR_INPUT);
  assert_string_equal(a->url, "https://b.example/x");
  assert_int_equal(csto_article_set_url(a, NULL, &err), CSTO_OK);
  assert_null(a->url);
  csto_article_free(a);
}

/* ---- content errors ------------------------------------------------------------------- */

static void test_empty(void **state) {
  (void)state;
  buffer_fails("", 0, 0, CSTO_ERR_INPUT, "a.txt: empty file");
  buffer_fails(NULL, 0, 0, CSTO_ERR_INPUT, "a.txt: empty file");
  char *path = temp_file("", 0);
  file_fails(path, 0, CSTO_ERR_INPUT, ": empty file");
  remove_temp(path);
}

static void test_no_body(void **state) {
  (void)state;
  text_fails("---\ndate: 2021-09-15\n---\n", "a.txt:4: article has no body");
  text_fails("---\ndate: 2021-09-15\n---", "a.txt:4: article has no body");
  text_fails("---\r\ndate: 2021-09-15\r\n---\r\n \t\r\n\r\n", "a.txt:4: article has no body");
  text_fails(" \n\t\n", "a.txt:1: article has no body");
  text_fails("\xEF\xBB\xBF", "a.txt:1: article has no body");
  /* Unicode spaces count too: NO-BREAK SPACE, IDEOGRAPHIC SPACE, LINE SEPARATOR. */
  text_fails("\xC2\xA0\xE3\x80\x80\xE2\x80\xA8\n", "a.txt:1: article has no body");
}

static void test_nul_byte(void **state) {
  (void)state;
  buffer_fails("ab\ncd\0ef", 8, 0, CSTO_ERR_INPUT, "a.txt:2: NUL byte at byte 5");
  buffer_fails("\0", 1, 0, CSTO_ERR_INPUT, "a.txt:1: NUL byte at byte 0");
  /* In the front matter too. */
  buffer_fails("---\ntitle: a\0b\n---\nBody", 23, 0, CSTO_ERR_INPUT,
               "a.txt:2: NUL byte at byte 12");
}

static void test_invalid_utf8(void **state) {
  (void)state;
  text_fails("ok\nok\nbad \xFF here", "a.txt:3: invalid UTF-8 at byte 10");
  text_fails("\x80", "a.txt:1: invalid UTF-8 at byte 0");                   /* stray continuation */
  text_fails("ab\xC0\xAF", "a.txt:1: invalid UTF-8 at byte 2");             /* overlong '/' */
  text_fails("x\xED\xA0\x80", "a.txt:1: invalid UTF-8 at byte 1");          /* surrogate */
  text_fails("\xF4\x90\x80\x80", "a.txt:1: invalid UTF-8 at byte 0");       /* past U+10FFFF */
  text_fails("caf\xC3", "a.txt:1: invalid UTF-8 at byte 3");                /* truncated */
  text_fails("\xE2\x82 x", "a.txt:1: invalid UTF-8 at byte 0");             /* cut short */
  text_fails("\xEF\xBB\xBF\xEF\xBB", "a.txt:1: invalid UTF-8 at byte 3");   /* half a BOM */
  csto_article *a = read_ok("Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xD0\x9C\xD0\xB8\xD1\x80");
  csto_article_free(a);
}

static void test_too_large_buffer(void **state) {
  (void)state;
  buffer_fails("0123456789A", 11, 10, CSTO_ERR_INPUT,
               "a.txt: 11 bytes, over the limit of 10 bytes for one article");
  csto_reader_options o = {.max_bytes = 10};
  csto_article *a = NULL;
  assert_int_equal(csto_article_from_buffer("a.txt", "0123456789", 10, &o, &a, NULL), CSTO_OK);
  csto_article_free(a);
}

/* ---- files and standard input --------------------------------------------------------- */

static void test_read_file(void **state) {
  (void)state;
  const char text[] = "---\noutlet: TASS\n---\nBody text.\n";
  char *path = temp_file(text, sizeof text - 1);
  csto_article *a = NULL;
  csto_error err = {0};
  assert_int_equal(csto_article_read_file(path, NULL, &a, &err), CSTO_OK);
  assert_string_equal(a->source, path);
  assert_string_equal(a->text, text);
  assert_int_equal(a->text_len, sizeof text - 1);
  assert_string_equal(a->body, "Body text.\n");
  assert_string_equal(a->outlet, "TASS");
  csto_article_free(a);
  remove_temp(path);
}

static void test_file_errors_name_the_file(void **state) {
  (void)state;
  char *path = temp_file("x\ny\xFE", 4);
  file_fails(path, 0, CSTO_ERR_INPUT, ":2: invalid UTF-8 at byte 3");
  remove_temp(path);
  path = temp_file("ab\0", 3);
  file_fails(path, 0, CSTO_ERR_INPUT, ":1: NUL byte at byte 2");
  remove_temp(path);
  path = temp_file("---\ndate: 2021-02-30\n---\nBody", 29);
  file_fails(path, 0, CSTO_ERR_INPUT,
             ":2: unparseable date '2021-02-30' (expected YYYY-MM-DD)");
  remove_temp(path);
}

static void test_missing_file_and_directory(void **state) {
  (void)state;
  file_fails("/nonexistent/csto/article.txt", 0, CSTO_ERR_IO,
             ": cannot open: No such file or directory");
  char *file = temp_file("Body", 4);
  char below[600];
  snprintf(below, sizeof below, "%s/article.txt", file);
  file_fails(below, 0, CSTO_ERR_IO, ": cannot open: Not a directory");
  remove_temp(file);
  char dir[] = "/tmp/csto-reader-dir-XXXXXX";
  assert_non_null(mkdtemp(dir));
  file_fails(dir, 0, CSTO_ERR_IO, ": is a directory, not an article file");
  csto_jsonl *r = (csto_jsonl *)1;
  csto_error err = {0};
  assert_int_equal(csto_jsonl_open(dir, NULL, &r, &err), CSTO_ERR_IO);
  assert_null(r);
  assert_non_null(strstr(err.message, ": is a directory, not a JSON Lines file"));
  rmdir(dir);
}

static void test_unreadable_file(void **state) {
  (void)state;
  if (geteuid() == 0)
    skip(); /* root reads everything */
  char *path = temp_file("Body", 4);
  chmod(path, 0);
  file_fails(path, 0, CSTO_ERR_IO, ": cannot open: Permission denied");
  remove_temp(path);
}

static void test_too_large_file(void **state) {
  (void)state;
  char *path = temp_file("0123456789A", 11);
  file_fails(path, 10, CSTO_ERR_INPUT, ": 11 bytes, over the limit of 10 bytes for one article");
  /* A sparse 64 GiB file: rejected from its size alone, before any reading. */
  int fd = open(path, O_WRONLY);
  assert_int_equal(ftruncate(fd, (off_t)64 << 30), 0);
  close(fd);
  file_fails(path, 0, CSTO_ERR_INPUT,
             ": 68719476736 bytes, over the limit of 16777216 bytes for one article");
  remove_temp(path);
}

static void test_stdin(void **state) {
  (void)state;
  const char text[] = "---\ndate: 2021-09-15\n---\nFrom a pipe.";
  csto_article *a = NULL;
  csto_error err = {0};
  assert_int_equal(read_stdin(text, sizeof text - 1, 0, &a, &err), CSTO_OK);
  assert_string_equal(a->source, "<stdin>");
  assert_string_equal(a->body, "From a pipe.");
  csto_article_free(a);
  a = NULL;
  assert_int_equal(read_stdin("a\n\xC3(", 4, 0, &a, &err), CSTO_ERR_INPUT);
  assert_string_equal(err.message, "<stdin>:2: invalid UTF-8 at byte 2");
  assert_int_equal(read_stdin("", 0, 0, &a, &err), CSTO_ERR_INPUT);
  assert_string_equal(err.message, "<stdin>: empty file");
  /* A pipe gives no size: reading stops one byte past the limit. */
  char big[5000];
  memset(big, 'x', sizeof big);
  assert_int_equal(read_stdin(big, sizeof big, 100, &a, &err), CSTO_ERR_INPUT);
  assert_string_equal(err.message,
                      "<stdin>: at least 101 bytes, over the limit of 100 bytes for one article");
  assert_null(a);
  assert_int_equal(read_stdin(big, 100, 100, &a, &err), CSTO_OK); /* exactly the limit */
  assert_int_equal(a->text_len, 100);
  csto_article_free(a);
}

static void test_free_null(void **state) {
  (void)state;
  csto_article_free(NULL);
  csto_jsonl_close(NULL);
}

/* ---- JSON Lines ----------------------------------------------------------------------- */

static csto_jsonl *jsonl_open_text(const char *text, size_t max, char **path) {
  *path = temp_file(text, strlen(text));
  csto_reader_options o = {.max_bytes = max};
  csto_jsonl *r = NULL;
  csto_error err = {0};
  if (csto_jsonl_open(*path, &o, &r, &err) != CSTO_OK)
    fail_msg("open: %s", err.message);
  return r;
}

static void test_jsonl_good(void **state) {
  (void)state;
  char *path;
  csto_jsonl *r = jsonl_open_text(
      "\xEF\xBB\xBF{\"text\": \"First.\", \"url\": \"https://a.example/1\", \"date\": "
      "\"2020-02-29\", \"title\": \"T\", \"outlet\": \"TASS\", \"id\": \"a1\"}\n"
      "\n"
      "   \r\n"
      "{\"text\": \"Second \\u00e9.\", \"id\": 7, \"url\": null}\r\n"
      "{\"id\": \"last\", \"text\": \"No newline at the end.\"}",
      0, &path);
  csto_article *a = NULL;
  csto_error err = {0};
  char source[600];

  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  snprintf(source, sizeof source, "%s:1 (id a1)", path); /* the record names its id */
  assert_string_equal(a->source, source);
  assert_string_equal(a->body, "First.");
  assert_ptr_equal(a->body, a->text);
  assert_int_equal(a->body_len, 6);
  assert_int_equal(a->body_line, 1);
  assert_string_equal(a->url, "https://a.example/1");
  assert_string_equal(a->title, "T");
  assert_string_equal(a->outlet, "TASS");
  assert_string_equal(a->id, "a1");
  assert_int_equal(a->date.year, 2020);
  assert_int_equal(a->date.day, 29);
  csto_article_free(a);

  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  snprintf(source, sizeof source, "%s:4 (id 7)", path);
  assert_string_equal(a->source, source);
  assert_string_equal(a->body, "Second \xC3\xA9.");
  assert_string_equal(a->id, "7");
  assert_null(a->url);
  assert_int_equal(a->date.year, 0);
  csto_article_free(a);

  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  assert_string_equal(a->id, "last");
  csto_article_free(a);

  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  assert_null(a);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK); /* end stays the end */
  assert_null(a);
  csto_jsonl_close(r);
  remove_temp(path);
}

static void test_jsonl_ids_once(void **state) {
  (void)state;
  char *path;
  csto_jsonl *r = jsonl_open_text("{\"text\": \"A.\", \"id\": 7}\n"
                                  "{\"text\": \"B.\", \"id\": \"8\"}\n"
                                  "{\"text\": \"C.\", \"id\": \"7\"}\n"
                                  "{\"text\": \"D.\", \"id\": \"\"}\n"
                                  "{\"text\": \"E.\", \"id\": \"7 \"}\n",
                                  0, &path);
  csto_article *a = NULL;
  csto_error err = {0};
  char want[600];
  for (int i = 0; i < 2; i++) {
    assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
    csto_article_free(a);
  }
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_ERR_INPUT); /* 7 and "7": one id */
  assert_null(a);
  snprintf(want, sizeof want, "%s:3 (id 7): duplicate id (line 1 gave it first)", path);
  assert_string_equal(err.message, want);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_ERR_INPUT);
  snprintf(want, sizeof want, "%s:4: field \"id\" is empty", path);
  assert_string_equal(err.message, want);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK); /* reading goes on */
  assert_string_equal(a->id, "7 ");
  csto_article_free(a);
  csto_jsonl_close(r);
  remove_temp(path);
}

/* The first article of text must fail with status st and a message "PATH" + suffix. */
static void jsonl_fails(const char *text, size_t max, csto_status st, const char *suffix) {
  char *path;
  csto_jsonl *r = jsonl_open_text(text, max, &path);
  csto_article *a = (csto_article *)1;
  csto_error err = {0};
  if (csto_jsonl_next(r, &a, &err) != st)
    fail_msg("%s: wrong status (%s)", text, err.message);
  assert_null(a);
  char expected[CSTO_ERROR_MESSAGE_SIZE];
  snprintf(expected, sizeof expected, "%s%s", path, suffix);
  assert_string_equal(err.message, expected);
  csto_jsonl_close(r);
  remove_temp(path);
}

static void test_jsonl_errors(void **state) {
  (void)state;
  const csto_status E = CSTO_ERR_INPUT;
  jsonl_fails("\n{\"text\": oops}\n", 0, E, ":2: invalid JSON: invalid token near 'oops' (column 13)");
  jsonl_fails("{\"text\": \"a\"", 0, E,
              ":1: invalid JSON: '}' expected near end of file (column 12)");
  jsonl_fails("{\"text\": \"a\", \"text\": \"b\"}", 0, E,
              ":1: invalid JSON: duplicate object key near '\"text\"' (column 20)");
  /* Columns are those an editor shows: a leading BOM is not counted. */
  jsonl_fails("\xEF\xBB\xBF{\"text\": oops}\n", 0, E,
              ":1: invalid JSON: invalid token near 'oops' (column 13)");
  jsonl_fails("[1, 2]\n", 0, E, ":1: expected a JSON object");
  jsonl_fails("\"text\"\n", 0, E, ":1: expected a JSON object");
  jsonl_fails("{}\n", 0, E, ":1: missing string field \"text\"");
  jsonl_fails("{\"text\": 3}\n", 0, E, ":1: missing string field \"text\"");
  jsonl_fails("{\"text\": \" \\n\\t\"}\n", 0, E, ":1: article has no body");
  jsonl_fails("{\"text\": \"ab\\u0000c\"}\n", 0, E,
              ":1: NUL character (\\u0000) at byte 2 of field \"text\"");
  jsonl_fails("{\"text\": \"a\", \"title\": \"x\\u0000\"}\n", 0, E,
              ":1: NUL character (\\u0000) in field \"title\"");
  jsonl_fails("{\"text\": \"a\", \"url\": 5}\n", 0, E, ":1: field \"url\" is not a string");
  jsonl_fails("\n\n{\"text\": \"a\", \"date\": \"2021-02-29\"}\n", 0, E,
              ":3: unparseable date '2021-02-29' (expected YYYY-MM-DD)");
  jsonl_fails("{\"text\": \"a\", \"date\": \"x\\ny\"}\n", 0, E,
              ":1: unparseable date 'x?y' (expected YYYY-MM-DD)");
  jsonl_fails("\n   \n{\"text\": \"caf\xC3\"}\n", 0, E, ":3: invalid UTF-8 at byte 18");
  char nul[] = "{\"text\": \"a\"}\n{\"text\": \"aXb\"}\n";
  nul[25] = '\0'; /* a raw NUL byte, not \u0000 */
  char *path = temp_file(nul, sizeof nul - 1);
  csto_jsonl *r = NULL;
  csto_article *a = NULL;
  csto_error err = {0};
  assert_int_equal(csto_jsonl_open(path, NULL, &r, &err), CSTO_OK);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  csto_article_free(a);
  assert_int_equal(csto_jsonl_next(r, &a, &err), E);
  assert_non_null(strstr(err.message, ":2: NUL byte at byte 25"));
  csto_jsonl_close(r);
  remove_temp(path);
}

static void test_jsonl_line_too_long(void **state) {
  (void)state;
  char *path;
  /* Line 2 has 40 bytes, over a limit of 30; reading goes on after it. */
  csto_jsonl *r = jsonl_open_text("{\"text\": \"short\"}\n"
                                  "{\"text\": \"a line that is far too long\"}\n"
                                  "{\"text\": \"after\"}\n",
                                  30, &path);
  csto_article *a = NULL;
  csto_error err = {0};
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  csto_article_free(a);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_ERR_INPUT);
  assert_null(a);
  char expected[CSTO_ERROR_MESSAGE_SIZE];
  snprintf(expected, sizeof expected, "%s:2: line over the limit of 30 bytes for one article",
           path);
  assert_string_equal(err.message, expected);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  assert_string_equal(a->body, "after");
  char source[600];
  snprintf(source, sizeof source, "%s:3", path);
  assert_string_equal(a->source, source);
  csto_article_free(a);
  csto_jsonl_close(r);
  remove_temp(path);
}

/* Lines are read in blocks: a line longer than a block, one split between two gzip
 * members (zlib reads the concatenation as one stream), and byte offsets counted across
 * both. */
static void test_jsonl_blocks_and_gzip_members(void **state) {
  (void)state;
  enum { LONG = 150000 };
  char *line1 = malloc(LONG + 64);
  assert_non_null(line1);
  int n1 = snprintf(line1, 64, "{\"id\": \"long\", \"text\": \"");
  memset(line1 + n1, 'a', LONG);
  strcpy(line1 + n1 + LONG, "\"}\n");
  const char *line2 = "{\"text\": \"split between two members\"}\n";
  const char *line3 = "{\"text\": \"caf\xC3\"}\n";
  char *path = temp_file("", 0);
  gzFile gz = gzopen(path, "wb");
  assert_non_null(gz);
  assert_true(gzputs(gz, line1) > 0 && gzwrite(gz, line2, 20) == 20 && gzclose(gz) == Z_OK);
  assert_non_null(gz = gzopen(path, "ab"));
  assert_true(gzputs(gz, line2 + 20) > 0 && gzputs(gz, line3) > 0 && gzclose(gz) == Z_OK);
  csto_jsonl *r = NULL;
  csto_article *a = NULL;
  csto_error err = {0};
  assert_int_equal(csto_jsonl_open(path, NULL, &r, &err), CSTO_OK);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  assert_int_equal(a->body_len, LONG);
  assert_string_equal(a->id, "long");
  csto_article_free(a);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  assert_string_equal(a->body, "split between two members");
  csto_article_free(a);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_ERR_INPUT);
  char expected[CSTO_ERROR_MESSAGE_SIZE];
  snprintf(expected, sizeof expected, "%s:3: invalid UTF-8 at byte %zu", path,
           strlen(line1) + strlen(line2) + 13);
  assert_string_equal(err.message, expected);
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  assert_null(a);
  csto_jsonl_close(r);
  free(line1);
  remove_temp(path);
}

static void test_jsonl_open_errors(void **state) {
  (void)state;
  csto_jsonl *r = (csto_jsonl *)1;
  csto_error err = {0};
  assert_int_equal(csto_jsonl_open("/nonexistent/feed.jsonl", NULL, &r, &err), CSTO_ERR_IO);
  assert_null(r);
  assert_string_equal(err.message,
                      "/nonexistent/feed.jsonl: cannot open: No such file or directory");
  /* An empty feed is no error: it holds no articles. */
  char *path;
  r = jsonl_open_text("", 0, &path);
  csto_article *a = (csto_article *)1;
  assert_int_equal(csto_jsonl_next(r, &a, &err), CSTO_OK);
  assert_null(a);
  csto_jsonl_close(r);
  remove_temp(path);
}

/* With a skip function, bad records go to it and reading goes on; fn's own bad input too;
 * without one, the first stops the file. */
typedef struct {
  int read, skipped;
  char last[CSTO_ERROR_MESSAGE_SIZE];
} tally;

static csto_status count_article(void *user, csto_article *a, csto_error *err) {
  tally *t = user;
  if (strcmp(a->body, "refuse") == 0) /* fn may refuse an article as bad input */
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: refused", a->source);
  t->read++;
  return CSTO_OK;
}

static void count_skip(void *user, const csto_error *err) {
  tally *t = user;
  t->skipped++;
  snprintf(t->last, sizeof t->last, "%s", err->message);
}

static void test_read_articles_skips_bad_records(void **state) {
  (void)state;
  const char feed[] = "{\"text\": \"one\"}\n{\"text\": \n{\"id\": \"x-1\", \"text\": \"refuse\"}\n"
                      "{\"text\": \"two\"}\n";
  char *path = temp_file(feed, sizeof feed - 1);
  csto_error err = {0};
  tally t = {0, 0, ""};
  csto_reader_options keep = {.skip = count_skip}, stop = {0};
  assert_int_equal(csto_read_articles(path, &keep, 1, count_article, &t, &err), CSTO_OK);
  assert_int_equal(t.read, 2);
  assert_int_equal(t.skipped, 2);
  assert_non_null(strstr(t.last, ":3 (id x-1): refused"));
  t = (tally){0, 0, ""};
  assert_int_equal(csto_read_articles(path, &stop, 1, count_article, &t, &err), CSTO_ERR_INPUT);
  assert_int_equal(t.read, 1);
  assert_int_equal(t.skipped, 0);
  assert_non_null(strstr(err.message, ":2: invalid JSON"));
  remove_temp(path);
}

/* csto_article_take: a callback keeps each article past the call, whole, and the
 * reader's own free after the call frees nothing twice (ASan would say). */
static csto_status keep_article(void *user, csto_article *a, csto_error *err) {
  csto_article **kept = user;
  size_t n = 0;
  while (kept[n])
    n++;
  if (!(kept[n] = csto_article_take(a)))
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  assert_null(a->text);
  return CSTO_OK;
}

static void test_article_take(void **state) {
  (void)state;
  const char feed[] = "{\"id\": \"a\", \"text\": \"one\", \"url\": \"https://x.org/1\"}\n"
                      "{\"text\": \"two\"}\n";
  char *path = temp_file(feed, sizeof feed - 1);
  csto_article *kept[3] = {NULL, NULL, NULL};
  csto_error err = {0};
  assert_int_equal(csto_read_articles(path, NULL, 1, keep_article, kept, &err), CSTO_OK);
  assert_string_equal(kept[0]->body, "one");
  assert_ptr_equal(kept[0]->body, kept[0]->text);
  assert_string_equal(kept[0]->url, "https://x.org/1");
  assert_string_equal(kept[0]->id, "a");
  assert_string_equal(kept[1]->body, "two");
  assert_non_null(strstr(kept[1]->source, ":2"));
  csto_article_free(kept[0]);
  csto_article_free(kept[1]);
  remove_temp(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_read_articles_skips_bad_records),
      cmocka_unit_test(test_article_take),
      cmocka_unit_test(test_front_matter),
      cmocka_unit_test(test_no_front_matter),
      cmocka_unit_test(test_bom),
      cmocka_unit_test(test_crlf),
      cmocka_unit_test(test_front_matter_never_closed),
      cmocka_unit_test(test_front_matter_bad_line),
      cmocka_unit_test(test_bad_dates),
      cmocka_unit_test(test_leap_day),
      cmocka_unit_test(test_date_and_url_override),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_no_body),
      cmocka_unit_test(test_nul_byte),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_too_large_buffer),
      cmocka_unit_test(test_read_file),
      cmocka_unit_test(test_file_errors_name_the_file),
      cmocka_unit_test(test_missing_file_and_directory),
      cmocka_unit_test(test_unreadable_file),
      cmocka_unit_test(test_too_large_file),
      cmocka_unit_test(test_stdin),
      cmocka_unit_test(test_free_null),
      cmocka_unit_test(test_jsonl_good),
      cmocka_unit_test(test_jsonl_ids_once),
      cmocka_unit_test(test_jsonl_errors),
      cmocka_unit_test(test_jsonl_line_too_long),
      cmocka_unit_test(test_jsonl_blocks_and_gzip_members),
      cmocka_unit_test(test_jsonl_open_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
