/* Fuzz target: bytes -> article -> the whole pipeline -> Turtle, TriG and N-Triples, with an
 * oracle: each output must parse back with raptor, without an error or a warning, to the
 * same number of triples. Inputs the reader refuses are fine (a clear error is the
 * expected answer to bad input); a crash, a sanitizer report or output that does not parse
 * back is a finding. */
#define _POSIX_C_SOURCE 200809L
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>

#include "csto/graph.h"
#include "csto/kb.h"
#include "csto/pipeline.h"
#include "fuzz.h"

/* Made once: loading the knowledge base and starting librdf and raptor cost far more
 * than one input. */
static csto_kb *kb;
static csto_graph *graph;
static raptor_world *world;

static void set_up(void) {
  csto_error err = {0};
  if (kb)
    return;
  if (csto_kb_load(csto_kb_default_dir(), &kb, &err) != CSTO_OK ||
      csto_graph_new(NULL, &graph, &err) != CSTO_OK || !(world = raptor_new_world())) {
    fprintf(stderr, "fuzz: cannot set up: %s\n", err.message);
    abort();
  }
}

typedef struct {
  long triples;
  int complaints;
} parsed;

static void count_triple(void *user, raptor_statement *st) {
  (void)st;
  ((parsed *)user)->triples++;
}

static void complain(void *user, raptor_log_message *msg) {
  if (msg->level >= RAPTOR_LOG_LEVEL_WARN) {
    fprintf(stderr, "fuzz: output does not parse back: %s\n", msg->text);
    ((parsed *)user)->complaints++;
  }
}

/* The triples raptor reads from text in syntax; aborts when it complains. */
static long parse_back(const char *syntax, const char *text, size_t len) {
  parsed p = {0, 0};
  raptor_world *w = world;
  raptor_world_set_log_handler(w, &p, complain);
  raptor_parser *parser = raptor_new_parser(w, syntax);
  raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"http://example.org/fuzz/");
  raptor_parser_set_statement_handler(parser, &p, count_triple);
  raptor_parser_parse_start(parser, base);
  raptor_parser_parse_chunk(parser, (const unsigned char *)text, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(parser);
  if (p.complaints)
    abort();
  return p.triples;
}

/* The document's graph in format, as text (owned by the caller). */
static char *written(const csto_doc *doc, const char *format, size_t *len) {
  char *text = NULL;
  FILE *out = open_memstream(&text, len);
  csto_error err = {0};
  if (!out || csto_graph_add_doc(graph, doc, &err) != CSTO_OK ||
      csto_graph_write(graph, format, out, &err) != CSTO_OK) { /* writing empties the graph */
    fprintf(stderr, "fuzz: cannot write %s: %s\n", format, err.message);
    abort();
  }
  fclose(out);
  return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  set_up();
  csto_article *a = NULL;
  csto_doc *doc = NULL;
  csto_error err = {0};
  if (csto_article_from_buffer("fuzz", (const char *)data, size, NULL, &a, &err) != CSTO_OK)
    return 0;
  if (csto_pipeline_run(kb, a, &doc, &err) != CSTO_OK) {
    fprintf(stderr, "fuzz: the pipeline failed on a valid article: %s\n", err.message);
    abort();
  }
  size_t tn, nn, gn;
  char *turtle = written(doc, "turtle", &tn), *ntriples = written(doc, "ntriples", &nn);
  char *trig = written(doc, "trig", &gn);
  long triples = parse_back("ntriples", ntriples, nn);
  if (parse_back("turtle", turtle, tn) != triples || parse_back("trig", trig, gn) != triples) {
    fprintf(stderr, "fuzz: Turtle, TriG and N-Triples hold different triples\n");
    abort();
  }
  free(turtle);
  free(ntriples);
  free(trig);
  csto_doc_free(doc);
  csto_article_free(a);
  return 0;
}
