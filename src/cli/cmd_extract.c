/* csto-kg extract: articles -> their knowledge graph. */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "csto/explain.h"
#include "csto/graph.h"
#include "csto/output.h"
#include "csto/parallel.h"
#include "csto/pipeline.h"

#define MAX_JOBS 256

static const char usage[] =
    "usage: csto-kg extract [OPTIONS] [FILE...]   (none, or '-', reads standard input)\n"
    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n"
    "  -f, --format FMT    turtle (default; ttl), ntriples (nt), nquads (nq), trig,\n"
    "                      rdfxml (rdf), json, dot, jsonld (json-ld)\n"
    "      --date YYYY-MM-DD  publication date (overrides the front matter)\n"
    "      --url URL       article URL (overrides the front matter)\n"
    "      --base IRI      namespace for minted resources\n"
    "      --data DIR      ontology and knowledge base folder\n"
    "      --jsonl         inputs are JSON Lines, one article per line\n"
    "  -j, --jobs N        extract on N threads (default 1); the same output, in input\n"
    "                      order (rdfxml, json and dot: one thread whatever N)\n"
    "      --max-bytes N   largest article accepted (default 16 MiB)\n"
    "  -k, --keep-going    skip a bad record or file (one message each) and go on; the\n"
    "                      status is 1 when any was skipped\n"
    "      --trace         list each sentence's mentions and what they resolved to (stderr)\n"
    "      --explain       list each fact with the rule and the mentions that made it (stderr)\n"
    "      --progress      articles done, MB/s and time left on standard error (the\n"
    "                      default when it is a terminal); --no-progress: never\n"
    "      --provenance P  full (default), compact (leaves out what other triples say),\n"
    "                      none (facts only)\n"
    "      --no-provenance\n"
    "                      the same as --provenance none\n";

typedef struct {
  const char *output, *format, *date, *url, *base, *data;
  int jsonl, trace, explain, keep_going;
  int progress; /* -1: when standard error is a terminal */
  size_t jobs;
  csto_provenance provenance;
  csto_reader_options reader;
} options;

static int parse(int argc, char **argv, options *o) {
  static const struct option longs[] = {
      {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
      {"date", required_argument, 0, 'd'},   {"url", required_argument, 0, 'u'},
      {"base", required_argument, 0, 'b'},   {"data", required_argument, 0, 'D'},
      {"jsonl", no_argument, 0, 'J'},        {"max-bytes", required_argument, 0, 'm'},
      {"jobs", required_argument, 0, 'j'},   {"progress", no_argument, 0, 'g'},
      {"no-progress", no_argument, 0, 'G'},
      {"trace", no_argument, 0, 't'},        {"help", no_argument, 0, 'h'},
      {"no-provenance", no_argument, 0, 'P'}, {"explain", no_argument, 0, 'x'},
      {"provenance", required_argument, 0, 'p'}, {"keep-going", no_argument, 0, 'k'},
      {0, 0, 0, 0}};
  int c;
  unsigned long long number;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:f:hkj:", longs, NULL)) != -1) {
    switch (c) {
    case 'o': o->output = optarg; break;
    case 'f': o->format = optarg; break;
    case 'd': o->date = optarg; break;
    case 'u': o->url = optarg; break;
    case 'b': o->base = optarg; break;
    case 'D': o->data = optarg; break;
    case 'J': o->jsonl = 1; break;
    case 'g': o->progress = 1; break;
    case 'G': o->progress = 0; break;
    case 't': o->trace = 1; break;
    case 'x': o->explain = 1; break;
    case 'k': o->keep_going = 1; break;
    case 'P': o->provenance = CSTO_PROVENANCE_NONE; break;
    case 'p':
      if (csto_provenance_from_name(optarg) < 0) {
        csto_cli_error("extract: unknown provenance '%s' (full, compact or none)", optarg);
        return 2;
      }
      o->provenance = (csto_provenance)csto_provenance_from_name(optarg);
      break;
    case 'm':
      if (csto_cli_number("--max-bytes", optarg, 1, SIZE_MAX, &number) != 0)
        return 2;
      o->reader.max_bytes = (size_t)number;
      break;
    case 'j':
      if (csto_cli_number("--jobs", optarg, 1, MAX_JOBS, &number) != 0)
        return 2;
      o->jobs = (size_t)number;
      break;
    case 'h': fputs(usage, stdout); exit(0);
    default: fputs(usage, stderr); return 2;
    }
  }
  if (optind >= argc && isatty(STDIN_FILENO)) { /* no file and no pipe: say how */
    fputs(usage, stderr);
    return 2;
  }
  return csto_cli_format_known(o->format) ? 0 : csto_cli_format_elsewhere(o->format);
}

/* --trace and --explain: how the pipeline read the article, into its log. */
static csto_status show(char *(*explain)(const csto_doc *), const csto_doc *doc, FILE *log,
                        csto_error *err) {
  char *text = explain(doc);
  if (!text)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  fputs(text, log);
  free(text);
  return CSTO_OK;
}

typedef struct {
  const options *o;
  const csto_kb *kb;
  csto_graph **graphs; /* one per worker (one for a serial run): each its own articles */
  size_t n_graphs;
  csto_ordered *queue;
  FILE *out;
  const char *out_name;
  cli_progress *progress;
  int serial;     /* no worker threads: each article is written as it is done */
  size_t skipped; /* --keep-going: records left out */
} run;

/* Text kept in memory until its turn to be written out. */
typedef struct {
  char *data;
  size_t len, cap;
} buffer;

static ssize_t buffer_write(void *cookie, const char *data, size_t n) {
  buffer *b = cookie;
  if (n > b->cap - b->len) {
    size_t cap = b->cap ? b->cap : 64 * 1024;
    while (cap - b->len < n)
      cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
      return 0; /* a short write: the stream's error, which fclose reports */
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, n);
  b->len += n;
  return (ssize_t)n;
}

/* A stream that appends to b. Not open_memstream: glibc's zeroes and copies its buffer
 * each time it grows, 8% of a -j run's instructions. The stream's buffer is as
 * large as the serd writer's pages, which stdio then hands to b uncopied. */
static FILE *buffer_open(buffer *b) {
  FILE *f = fopencookie(b, "w", (cookie_io_functions_t){.write = buffer_write});
  if (f && setvbuf(f, NULL, _IOFBF, 4096) != 0) {
    fclose(f);
    return NULL;
  }
  return f;
}

/* One record on its way: read, worked on by some worker, then written out in input order. */
typedef struct {
  csto_article *article; /* the worker frees it once done */
  size_t bytes;          /* its text, for the progress line */
  csto_status st;        /* set from the start for a record the reader refused */
  csto_error err;
  buffer out, log; /* its RDF, and its --trace and --explain text */
} job;

static void job_free(void *user, void *item) {
  (void)user;
  job *j = item;
  csto_article_free(j->article);
  free(j->out.data);
  free(j->log.data);
  free(j);
}

/* One article: overrides, pipeline, graph g, written to out (a streaming format) at once. */
static csto_status process(const run *r, csto_graph *g, csto_article *a, FILE *out, FILE *log,
                           csto_error *err) {
  const options *o = r->o;
  csto_status st = CSTO_OK;
  if (o->date)
    st = csto_article_set_date(a, o->date, err);
  if (st == CSTO_OK && o->url)
    st = csto_article_set_url(a, o->url, err);
  csto_doc *doc = NULL;
  if (st == CSTO_OK)
    st = csto_pipeline_run(r->kb, a, &doc, err);
  if (st == CSTO_OK && o->trace)
    st = show(csto_explain_mentions, doc, log, err);
  if (st == CSTO_OK && o->explain)
    st = show(csto_explain_facts, doc, log, err);
  if (st == CSTO_OK)
    st = csto_graph_add_doc(g, doc, err);
  csto_doc_free(doc); /* the graph holds all it needs: a large article's layers go first */
  if (st == CSTO_OK && csto_graph_format_streams(o->format) &&
      (st = csto_graph_write(g, o->format, out, err)) != CSTO_OK) {
    char why[sizeof err->message]; /* the writer's words, after the article's name */
    snprintf(why, sizeof why, "%s", err->message);
    csto_error_set(err, st, "%s: %s", a->source, why);
  }
  /* A record skipped as bad input failed before its graph was made: the graph holds
   * only whole articles (RDF/XML, JSON and dot keep every earlier one until the end). */
  return st;
}

/* On worker number worker: the article through the pipeline and the worker's own graph,
 * its output and log kept in memory until its turn. The knowledge base is shared: the
 * pipeline only reads it. A serial run's turn is now: it writes straight out, so that a
 * large article's output is never held whole in memory. */
static void work(void *user, size_t worker, void *item) {
  const run *r = user;
  job *j = item;
  if (j->st != CSTO_OK)
    return;
  if (r->serial) {
    if (r->o->trace || r->o->explain)
      cli_progress_hide(r->progress);
    j->st = process(r, r->graphs[0], j->article, r->out, stderr, &j->err);
    csto_article_free(j->article);
    j->article = NULL;
    return;
  }
  FILE *out = buffer_open(&j->out);
  FILE *log = buffer_open(&j->log);
  j->st = out && log ? process(r, r->graphs[worker], j->article, out, log, &j->err)
                     : csto_error_set(&j->err, CSTO_ERR_NOMEM, "out of memory");
  int closed = (!out || fclose(out) == 0) & (!log || fclose(log) == 0);
  if (!closed && j->st == CSTO_OK)
    j->st = csto_error_set(&j->err, CSTO_ERR_NOMEM, "out of memory");
  csto_article_free(j->article);
  j->article = NULL;
}

/* In input order: the record's log, then its RDF; a bad record is skipped (--keep-going)
 * or stops the run. */
static csto_status deliver(void *user, void *item, csto_error *err) {
  run *r = user;
  job *j = item;
  csto_status st = j->st;
  if (j->log.len) {
    cli_progress_hide(r->progress);
    fwrite(j->log.data, 1, j->log.len, stderr);
  }
  if (st == CSTO_OK && j->out.len &&
      fwrite(j->out.data, 1, j->out.len, r->out) != j->out.len) {
    st = csto_error_set(err, CSTO_ERR_IO, "%s: write failed: %s", r->out_name, strerror(errno));
  } else if (st == CSTO_ERR_INPUT && r->o->keep_going) {
    cli_progress_hide(r->progress);
    csto_cli_error("extract: skipped: %s", j->err.message);
    r->skipped++;
    st = CSTO_OK;
  } else if (st != CSTO_OK) {
    *err = j->err;
  }
  if (st == CSTO_OK)
    cli_progress_count(r->progress, j->bytes);
  job_free(r, j);
  return st;
}

/* From the reader: the article, kept for a worker. */
static csto_status submit(void *user, csto_article *a, csto_error *err) {
  run *r = user;
  job *j = calloc(1, sizeof *j);
  if (!j || !(j->article = csto_article_take(a))) {
    free(j);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  j->bytes = j->article->text_len;
  return csto_ordered_submit(r->queue, j, err);
}

/* --keep-going: a record the reader refused takes its place in line too, so that its
 * message comes out in input order. A failure is the queue's, which finishing reports. */
static void skip(void *user, const csto_error *err) {
  run *r = user;
  job *j = calloc(1, sizeof *j);
  if (!j) { /* out of memory: the message at once rather than never */
    r->skipped++;
    csto_cli_error("extract: skipped: %s", err->message);
    return;
  }
  j->st = err->status;
  j->err = *err;
  csto_ordered_submit(r->queue, j, NULL);
}

/* Every input through the queue; the first failure in input order wins: one the queue
 * met comes from a record read before the reader's own. */
static csto_status read_all(run *r, options *o, int argc, char **argv, csto_error *err) {
  csto_status st = CSTO_OK;
  if (o->keep_going)
    o->reader.skip = skip;
  for (int i = optind; st == CSTO_OK && i < argc; i++)
    st = csto_read_articles(argv[i], &o->reader, o->jsonl, submit, r, err);
  if (st == CSTO_OK && optind >= argc) /* no file: standard input */
    st = csto_read_articles("-", &o->reader, o->jsonl, submit, r, err);
  csto_error queued;
  csto_status first = csto_ordered_finish(r->queue, &queued);
  r->queue = NULL;
  if (first != CSTO_OK)
    *err = queued;
  return first != CSTO_OK ? first : st;
}

/* Worker threads for -j: none for a serial run, and none for a format that is one
 * document (its graph holds every article, so one thread builds it). */
static size_t threads_for(const options *o) {
  if (o->jobs <= 1)
    return 0;
  if (!csto_graph_format_streams(o->format)) {
    csto_cli_error("extract: %s is one document: extracting on one thread, not %zu", o->format,
                   o->jobs);
    return 0;
  }
  return o->jobs;
}

/* Worker threads allocate from arenas of their own, which glibc shrinks as soon as an
 * article's memory is freed and maps again for the next one: page faults took a quarter of
 * a -j run's CPU time. Freed memory is kept for reuse instead (up to the trim threshold),
 * and large blocks come from the arenas rather than from mappings of their own. */
static void keep_freed_memory(void) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

static csto_status make_graphs(run *r, size_t threads, csto_error *err) {
  r->n_graphs = threads ? threads : 1;
  r->graphs = calloc(r->n_graphs, sizeof *r->graphs);
  if (!r->graphs)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  csto_status st = CSTO_OK;
  for (size_t i = 0; st == CSTO_OK && i < r->n_graphs; i++)
    if ((st = csto_graph_new(r->o->base, &r->graphs[i], err)) == CSTO_OK)
      csto_graph_set_provenance(r->graphs[i], r->o->provenance);
  return st;
}

static void free_graphs(run *r) {
  for (size_t i = 0; r->graphs && i < r->n_graphs; i++)
    csto_graph_free(r->graphs[i]);
  free(r->graphs);
}

int csto_cmd_extract(int argc, char **argv) {
  options o = {.format = "turtle", .progress = -1, .jobs = 1};
  int rc = parse(argc, argv, &o);
  if (rc)
    return rc;
  static const csto_ordered_fns fns = {work, deliver, job_free};
  size_t threads = threads_for(&o);
  if (threads)
    keep_freed_memory();
  run r = {.o = &o, .out_name = o.output && strcmp(o.output, "-") ? o.output : "standard output",
           .serial = threads == 0};
  csto_error err = {0};
  csto_kb *kb = NULL;
  csto_output *out = NULL;
  csto_status st = csto_cli_load_kb(o.data, &kb, &err);
  if (st == CSTO_OK)
    st = make_graphs(&r, threads, &err);
  if (st == CSTO_OK)
    st = csto_output_open(o.output, &out, &err);
  if (st == CSTO_OK) /* four records per worker in flight: see csto_ordered_new */
    st = csto_ordered_new(threads, 4 * r.n_graphs, &fns, &r, &r.queue, &err);
  if (st == CSTO_OK) {
    r.kb = kb;
    r.out = csto_output_stream(out);
    r.progress = cli_progress_new(o.progress < 0 ? isatty(STDERR_FILENO) : o.progress,
                                  argv + optind, argc - optind);
    st = read_all(&r, &o, argc, argv, &err);
    cli_progress_end(r.progress);
  }
  if (st == CSTO_OK) /* the one document of a format that does not stream, or its end */
    st = csto_cli_graph_finish(r.graphs[0], o.format, r.out, &err);
  if (st == CSTO_OK)
    st = csto_output_commit(out, &err);
  else
    csto_output_abort(out);
  free_graphs(&r);
  csto_kb_free(kb);
  if (st != CSTO_OK) {
    csto_cli_error("%s", err.message);
    return 1;
  }
  if (r.skipped) /* the output holds every good article; the status says some were not */
    csto_cli_error("extract: %zu record%s skipped", r.skipped, r.skipped == 1 ? "" : "s");
  return r.skipped ? 1 : 0;
}
