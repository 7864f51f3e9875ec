/* The ordered work queue (see include/csto/parallel.h).
 *
 * A ring of window slots holds the items in flight, by sequence number: head is the
 * oldest not yet delivered, next the first not yet started, tail the next to submit
 * (head <= next <= tail, tail - head <= window). One lock guards them; workers wait on
 * work_ready, the submitting thread on done. Only the submitting thread delivers, so
 * deliver needs no lock of its own and results leave in order.
 *
 * Waking a thread costs more than a small item's work on a machine with as many workers
 * as cores (the submitting thread takes a worker's core each time): once the ring is
 * full, the submitting thread sleeps until half of it is done, then delivers and submits
 * that half in one go, and a worker wakes it only then. */
#include "csto/parallel.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  void *item;
  int done;
} slot;

typedef struct {
  csto_ordered *queue;
  size_t index;
  pthread_t thread;
} worker;

struct csto_ordered {
  csto_ordered_fns fns;
  void *user;
  size_t threads, window;
  slot *slots;
  worker *workers;
  size_t head, next, tail;
  size_t wake_at; /* the submitting thread sleeps until every item before this is done */
  int waiting;    /* it sleeps */
  int closing; /* finish: no more items, workers leave when the ring is worked */
  int failed;  /* a delivery failed: later items are discarded unworked */
  csto_error err; /* that failure; the submitting thread's alone */
  pthread_mutex_t lock;
  pthread_cond_t work_ready, done;
};

/* Whether every item before sequence number end is done. With the lock held. */
static int done_until(const csto_ordered *q, size_t end) {
  for (size_t i = q->head; i < end; i++)
    if (!q->slots[i % q->window].done)
      return 0;
  return 1;
}

static void *work_loop(void *arg) {
  worker *w = arg;
  csto_ordered *q = w->queue;
  pthread_mutex_lock(&q->lock);
  for (;;) {
    while (q->next == q->tail && !q->closing)
      pthread_cond_wait(&q->work_ready, &q->lock);
    if (q->next == q->tail)
      break;
    slot *s = &q->slots[q->next++ % q->window];
    int run = !q->failed;
    pthread_mutex_unlock(&q->lock);
    if (run)
      q->fns.work(q->user, w->index, s->item);
    pthread_mutex_lock(&q->lock);
    s->done = 1;
    if (q->waiting && done_until(q, q->wake_at))
      pthread_cond_signal(&q->done);
  }
  pthread_mutex_unlock(&q->lock);
  return NULL;
}

/* Deliver a worked item, or discard it once the queue has failed. Called without the
 * lock; returns whether this delivery failed. */
static int hand_over(csto_ordered *q, void *item, int failed) {
  if (failed) {
    q->fns.discard(q->user, item);
    return 0;
  }
  csto_status st = q->fns.deliver(q->user, item, &q->err);
  if (st != CSTO_OK)
    q->err.status = st;
  return st != CSTO_OK;
}

/* Hand over the done items at the head, in order, waiting while more than keep are in
 * flight. Called and returns with the lock held. */
static void drain(csto_ordered *q, size_t keep) {
  while (q->head != q->tail) {
    slot *s = &q->slots[q->head % q->window];
    if (!s->done) {
      if (q->tail - q->head <= keep)
        return;
      q->wake_at = q->tail - keep;
      q->waiting = 1;
      while (!done_until(q, q->wake_at))
        pthread_cond_wait(&q->done, &q->lock);
      q->waiting = 0;
      continue;
    }
    void *item = s->item;
    int failed = q->failed;
    s->item = NULL;
    s->done = 0;
    q->head++;
    pthread_mutex_unlock(&q->lock);
    failed = hand_over(q, item, failed);
    pthread_mutex_lock(&q->lock);
    q->failed |= failed;
  }
}

/* Stop and join the first n workers; with the lock not held. */
static void stop_workers(csto_ordered *q, size_t n) {
  pthread_mutex_lock(&q->lock);
  q->closing = 1;
  pthread_cond_broadcast(&q->work_ready);
  drain(q, 0);
  pthread_mutex_unlock(&q->lock);
  for (size_t i = 0; i < n; i++)
    pthread_join(q->workers[i].thread, NULL);
}

static void queue_free(csto_ordered *q) {
  pthread_cond_destroy(&q->done);
  pthread_cond_destroy(&q->work_ready);
  pthread_mutex_destroy(&q->lock);
  free(q->workers);
  free(q->slots);
  free(q);
}

csto_status csto_ordered_new(size_t threads, size_t window, const csto_ordered_fns *fns,
                             void *user, csto_ordered **out, csto_error *err) {
  if (!fns || !fns->work || !fns->deliver || !fns->discard || !out || window == 0)
    return csto_error_set(err, CSTO_ERR_USAGE, "csto_ordered_new: bad argument");
  csto_ordered *q = calloc(1, sizeof *q);
  if (!q)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  *q = (csto_ordered){.fns = *fns, .user = user, .threads = threads, .window = window};
  pthread_mutex_init(&q->lock, NULL);
  pthread_cond_init(&q->work_ready, NULL);
  pthread_cond_init(&q->done, NULL);
  q->slots = calloc(window, sizeof *q->slots);
  q->workers = calloc(threads ? threads : 1, sizeof *q->workers);
  if (!q->slots || !q->workers) {
    queue_free(q);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < threads; i++) {
    q->workers[i] = (worker){.queue = q, .index = i};
    int e = pthread_create(&q->workers[i].thread, NULL, work_loop, &q->workers[i]);
    if (e) {
      stop_workers(q, i);
      queue_free(q);
      return csto_error_set(err, CSTO_ERR_NOMEM, "cannot start thread %zu of %zu: %s", i + 1,
                            threads, strerror(e));
    }
  }
  *out = q;
  return CSTO_OK;
}

/* The queue's outcome so far, into err. */
static csto_status outcome(const csto_ordered *q, csto_error *err) {
  if (!q->failed)
    return CSTO_OK;
  if (err)
    *err = q->err;
  return q->err.status;
}

csto_status csto_ordered_submit(csto_ordered *q, void *item, csto_error *err) {
  if (q->threads == 0) { /* serial: worked and delivered at once */
    if (!q->failed)
      q->fns.work(q->user, 0, item);
    q->failed |= hand_over(q, item, q->failed);
    return outcome(q, err);
  }
  pthread_mutex_lock(&q->lock);
  /* room for one more; when there is none, for half the window */
  drain(q, q->tail - q->head < q->window ? q->window - 1 : q->window / 2);
  int failed = q->failed;
  if (!failed) {
    q->slots[q->tail++ % q->window] = (slot){.item = item};
    pthread_cond_signal(&q->work_ready);
  }
  pthread_mutex_unlock(&q->lock);
  if (failed)
    q->fns.discard(q->user, item);
  return outcome(q, err);
}

csto_status csto_ordered_finish(csto_ordered *q, csto_error *err) {
  if (!q)
    return CSTO_OK;
  stop_workers(q, q->threads);
  csto_status st = outcome(q, err);
  queue_free(q);
  return st;
}
