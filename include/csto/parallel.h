/* csto-kg: an ordered work queue, for extracting articles on several threads.
 *
 * One thread submits items in order; worker threads run work on them in any order; the
 * results come back in the order submitted, each item handed to deliver on the thread
 * that submits (inside csto_ordered_submit or csto_ordered_finish). At most window items
 * are in flight: submit blocks while the window is full, so memory stays bounded
 * whatever the input.
 *
 * With threads 0 there are no threads: submit runs work and deliver at once, so one code
 * path serves a serial run and a parallel one.
 *
 * The first delivery that fails stops the queue: its error is kept, the items after it
 * (in flight or submitted later) go to discard instead, unworked when not yet started. */
#ifndef CSTO_PARALLEL_H
#define CSTO_PARALLEL_H

#include <stddef.h>

#include "csto/api.h"
#include "csto/error.h"

typedef struct csto_ordered csto_ordered;

typedef struct {
  /* On worker number worker (0 .. threads-1; 0 when threads is 0). Keeps its outcome in
   * the item. Any state it writes besides the item must be the worker's own. */
  void (*work)(void *user, size_t worker, void *item);
  /* In submission order, on the submitting thread; takes the item (frees it). A status
   * other than CSTO_OK, with err set, stops the queue. */
  csto_status (*deliver)(void *user, void *item, csto_error *err);
  /* An item that will not be delivered (after a failure); takes it. */
  void (*discard)(void *user, void *item);
} csto_ordered_fns;

/* A queue of threads workers (0: none, see above) and window items in flight (at least
 * 1). Once the window is full, submit waits until half of it is delivered, so that the
 * threads hand over items in batches rather than waking each other for every one: 4 per
 * worker keeps every worker busy meanwhile, and while the oldest item is slow. fns is
 * copied. */
CSTO_API csto_status csto_ordered_new(size_t threads, size_t window,
                                      const csto_ordered_fns *fns, void *user,
                                      csto_ordered **out, csto_error *err);

/* Hand item to the queue, which takes it in every case. Delivers what is done in order,
 * waiting while the window is full. Returns the failure that stopped the queue, if any
 * (the caller then stops submitting, then finishes). */
CSTO_API csto_status csto_ordered_submit(csto_ordered *queue, void *item, csto_error *err);

/* Wait for every item, deliver (or discard) the rest in order, stop the threads, free the
 * queue. Returns the first failed delivery's status and error, else CSTO_OK. NULL is a
 * no-op. */
CSTO_API csto_status csto_ordered_finish(csto_ordered *queue, csto_error *err);

#endif
