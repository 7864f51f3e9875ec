/* Fuzz target: the reader, as an article file and as a JSON Lines stream. Every input must
 * give an article or a clear error (a message naming the source), never a crash. */
#define _GNU_SOURCE /* memfd_create */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "csto/reader.h"
#include "fuzz.h"

static void must_explain(csto_status st, const csto_error *err) {
  if (st != CSTO_OK && !err->message[0]) {
    fprintf(stderr, "fuzz: an error without a message\n");
    abort();
  }
}

static void as_article(const uint8_t *data, size_t size) {
  csto_article *a = NULL;
  csto_error err = {0};
  csto_reader_options opt = {.max_bytes = 1 << 20};
  must_explain(csto_article_from_buffer("fuzz", (const char *)data, size, &opt, &a, &err), &err);
  csto_article_free(a);
}

/* JSON Lines read from a file in memory, record by record to the end or the first error. */
static void as_json_lines(const uint8_t *data, size_t size) {
  int fd = memfd_create("fuzz.jsonl", 0);
  if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
    if (fd >= 0)
      close(fd);
    return;
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  csto_jsonl *r = NULL;
  csto_error err = {0};
  csto_reader_options opt = {.max_bytes = 1 << 20};
  csto_status st = csto_jsonl_open(path, &opt, &r, &err);
  for (csto_article *a = NULL; st == CSTO_OK;) {
    st = csto_jsonl_next(r, &a, &err);
    if (st != CSTO_OK || !a)
      break;
    csto_article_free(a);
    a = NULL;
  }
  must_explain(st, &err);
  csto_jsonl_close(r);
  close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  as_article(data, size);
  as_json_lines(data, size);
  return 0;
}
