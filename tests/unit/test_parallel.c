/* The ordered work queue: results in submission order whatever order the workers finish
 * in, at most window items in flight, the first failed delivery stops it, every item is
 * handed back once (delivered or discarded; ASan sees any that is not). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <time.h>

#include "csto/parallel.h"

typedef struct {
  size_t index;
  size_t worker;
  int worked;
} item;

typedef struct {
  size_t threads;
  size_t fail_at; /* deliver fails on this index; SIZE_MAX: never */
  size_t delivered, discarded, submitted;
  size_t next; /* the index deliver expects */
} state;

static void work(void *user, size_t worker, void *p) {
  const state *s = user;
  item *it = p;
  /* Early items take longest, so later ones finish first and must wait their turn. */
  struct timespec t = {0, (long)((it->index % 7) * 200000)};
  if (s->threads)
    nanosleep(&t, NULL);
  it->worker = worker;
  it->worked = 1;
}

static csto_status deliver(void *user, void *p, csto_error *err) {
  state *s = user;
  item *it = p;
  assert_int_equal(it->index, s->next);
  assert_true(it->worked);
  assert_true(it->worker < (s->threads ? s->threads : 1));
  s->next++;
  s->delivered++;
  size_t index = it->index;
  free(it);
  if (index == s->fail_at)
    return csto_error_set(err, CSTO_ERR_IO, "item %zu failed", index);
  return CSTO_OK;
}

static void discard(void *user, void *p) {
  state *s = user;
  s->discarded++;
  free(p);
}

static const csto_ordered_fns fns = {work, deliver, discard};

/* Submit n items to a queue of threads and window; the status of the last submit. */
static csto_status run(state *s, size_t window, size_t n, csto_ordered **q) {
  csto_error err;
  assert_int_equal(csto_ordered_new(s->threads, window, &fns, s, q, &err), CSTO_OK);
  csto_status st = CSTO_OK;
  for (size_t i = 0; i < n && st == CSTO_OK; i++) {
    item *it = calloc(1, sizeof *it);
    assert_non_null(it);
    it->index = i;
    s->submitted++;
    st = csto_ordered_submit(*q, it, &err);
    /* never more than window in flight: the rest are handed back already */
    assert_true(s->submitted - s->delivered - s->discarded <= (s->threads ? window : 0));
  }
  return st;
}

static void in_order_with_threads(void **unused) {
  (void)unused;
  state s = {.threads = 3, .fail_at = SIZE_MAX};
  csto_ordered *q;
  assert_int_equal(run(&s, 6, 300, &q), CSTO_OK);
  csto_error err;
  assert_int_equal(csto_ordered_finish(q, &err), CSTO_OK);
  assert_int_equal(s.delivered, 300);
  assert_int_equal(s.discarded, 0);
}

static void window_of_one(void **unused) {
  (void)unused;
  state s = {.threads = 2, .fail_at = SIZE_MAX};
  csto_ordered *q;
  assert_int_equal(run(&s, 1, 50, &q), CSTO_OK);
  assert_int_equal(csto_ordered_finish(q, NULL), CSTO_OK);
  assert_int_equal(s.delivered, 50);
}

static void serial_delivers_at_once(void **unused) {
  (void)unused;
  state s = {.threads = 0, .fail_at = SIZE_MAX};
  csto_ordered *q;
  assert_int_equal(run(&s, 1, 20, &q), CSTO_OK);
  assert_int_equal(s.delivered, 20); /* before finishing: each inside its submit */
  assert_int_equal(csto_ordered_finish(q, NULL), CSTO_OK);
}

/* The failure at item 10 comes back (from a later submit, or from finish), nothing after
 * it is delivered, and each item is handed back once. */
static void first_failure_stops(size_t threads) {
  state s = {.threads = threads, .fail_at = 10};
  csto_ordered *q;
  csto_status st = run(&s, 4, 100, &q);
  csto_error err = {0};
  assert_int_equal(csto_ordered_finish(q, &err), CSTO_ERR_IO);
  assert_string_equal(err.message, "item 10 failed");
  assert_true(st == CSTO_OK || st == CSTO_ERR_IO);
  assert_int_equal(s.delivered, 11);
  assert_int_equal(s.delivered + s.discarded, s.submitted);
  assert_true(s.submitted <= 11 + (threads ? 4 : 0)); /* the caller stopped at the error */
}

static void failure_with_threads(void **unused) {
  (void)unused;
  first_failure_stops(2);
}

static void failure_serial(void **unused) {
  (void)unused;
  first_failure_stops(0);
}

static void bad_arguments(void **unused) {
  (void)unused;
  csto_ordered *q = NULL;
  csto_error err;
  assert_int_equal(csto_ordered_new(2, 0, &fns, NULL, &q, &err), CSTO_ERR_USAGE);
  csto_ordered_fns none = {NULL, deliver, discard};
  assert_int_equal(csto_ordered_new(2, 4, &none, NULL, &q, &err), CSTO_ERR_USAGE);
  assert_null(q);
  assert_int_equal(csto_ordered_finish(NULL, &err), CSTO_OK);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(in_order_with_threads), cmocka_unit_test(window_of_one),
      cmocka_unit_test(serial_delivers_at_once), cmocka_unit_test(failure_with_threads),
      cmocka_unit_test(failure_serial), cmocka_unit_test(bad_arguments),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
