/* csto-kg extract: articles -> their knowledge graph. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "csto/explain.h"
#include "csto/graph.h"
#include "csto/output.h"
#include "csto/pipeline.h"

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
    "      --max-bytes N   largest article accepted (default 16 MiB)\n"
    "  -k, --keep-going    skip a bad record or file (one message each) and go on; the\n"
    "                      status is 1 when any was skipped\n"
    "      --trace         list each sentence's mentions and what they resolved to (stderr)\n"
    "      --explain       list each fact with the rule and the mentions that made it (stderr)\n"
    "      --provenance P  full (default), compact (leaves out what other triples say),\n"
    "                      none (facts only)\n"
    "      --no-provenance\n"
    "                      the same as --provenance none\n";

typedef struct {
  const char *output, *format, *date, *url, *base, *data;
  int jsonl, trace, explain, keep_going;
  csto_provenance provenance;
  csto_reader_options reader;
} options;

static int parse(int argc, char **argv, options *o) {
  static const struct option longs[] = {
      {"output", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
      {"date", required_argument, 0, 'd'},   {"url", required_argument, 0, 'u'},
      {"base", required_argument, 0, 'b'},   {"data", required_argument, 0, 'D'},
      {"jsonl", no_argument, 0, 'j'},        {"max-bytes", required_argument, 0, 'm'},
      {"trace", no_argument, 0, 't'},        {"help", no_argument, 0, 'h'},
      {"no-provenance", no_argument, 0, 'P'}, {"explain", no_argument, 0, 'x'},
      {"provenance", required_argument, 0, 'p'}, {"keep-going", no_argument, 0, 'k'},
      {0, 0, 0, 0}};
  int c;
  unsigned long long number;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:f:hk", longs, NULL)) != -1) {
    switch (c) {
    case 'o': o->output = optarg; break;
    case 'f': o->format = optarg; break;
    case 'd': o->date = optarg; break;
    case 'u': o->url = optarg; break;
    case 'b': o->base = optarg; break;
    case 'D': o->data = optarg; break;
    case 'j': o->jsonl = 1; break;
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
    case 'h': fputs(usage, stdout); exit(0);
    default: fputs(usage, stderr); return 2;
    }
  }
  if (optind >= argc && isatty(STDIN_FILENO)) { /* no file and no pipe: say how */
    fputs(usage, stderr);
    return 2;
  }
  if (!csto_graph_format_known(o->format)) {
    csto_cli_error("extract: unknown format '%s' (formats: %s)", o->format,
                   csto_graph_format_names());
    return 2;
  }
  return 0;
}

/* --trace and --explain: how the pipeline read the article, on standard error. */
static void show(char *(*explain)(const csto_doc *), const csto_doc *doc) {
  char *text = explain(doc);
  if (text)
    fputs(text, stderr);
  else
    csto_cli_error("extract: out of memory");
  free(text);
}

typedef struct {
  const options *o;
  const csto_kb *kb;
  csto_graph *g;
  FILE *out;
  size_t skipped; /* --keep-going: records left out */
} run;

/* --keep-going: the record's error, then on to the next. */
static void skip(void *user, const csto_error *err) {
  run *r = user;
  r->skipped++;
  csto_cli_error("extract: skipped: %s", err->message);
}

/* One article: overrides, pipeline, graph, written at once. */
static csto_status process(void *user, csto_article *a, csto_error *err) {
  const run *r = user;
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
    show(csto_explain_mentions, doc);
  if (st == CSTO_OK && o->explain)
    show(csto_explain_facts, doc);
  if (st == CSTO_OK)
    st = csto_graph_add_doc(r->g, doc, err);
  if (st == CSTO_OK && csto_graph_format_streams(o->format) &&
      (st = csto_graph_write(r->g, o->format, r->out, err)) != CSTO_OK) {
    char why[sizeof err->message]; /* the writer's words, after the article's name */
    snprintf(why, sizeof why, "%s", err->message);
    csto_error_set(err, st, "%s: %s", a->source, why);
  }
  /* A record skipped as bad input failed before its graph was made: the graph holds
   * only whole articles (RDF/XML, JSON and dot keep every earlier one until the end). */
  csto_doc_free(doc);
  return st;
}

int csto_cmd_extract(int argc, char **argv) {
  options o = {.format = "turtle"};
  int rc = parse(argc, argv, &o);
  if (rc)
    return rc;
  csto_error err = {0};
  csto_kb *kb = NULL;
  csto_graph *g = NULL;
  csto_output *out = NULL;
  csto_status st = csto_cli_load_kb(o.data, &kb, &err);
  if (st == CSTO_OK)
    st = csto_graph_new(o.base, &g, &err);
  if (st == CSTO_OK) {
    csto_graph_set_provenance(g, o.provenance);
    st = csto_output_open(o.output, &out, &err);
  }
  run r = {&o, kb, g, out ? csto_output_stream(out) : NULL, 0};
  if (o.keep_going)
    o.reader.skip = skip;
  for (int i = optind; st == CSTO_OK && i < argc; i++)
    st = csto_read_articles(argv[i], &o.reader, o.jsonl, process, &r, &err);
  if (st == CSTO_OK && optind >= argc) /* no file: standard input */
    st = csto_read_articles("-", &o.reader, o.jsonl, process, &r, &err);
  if (st == CSTO_OK) /* the one document of a format that does not stream, or its end */
    st = csto_graph_finish(g, o.format, csto_output_stream(out), &err);
  if (st == CSTO_OK)
    st = csto_output_commit(out, &err);
  else
    csto_output_abort(out);
  csto_graph_free(g);
  csto_kb_free(kb);
  if (st != CSTO_OK) {
    csto_cli_error("%s", err.message);
    return 1;
  }
  if (r.skipped) /* the output holds every good article; the status says some were not */
    csto_cli_error("extract: %zu record%s skipped", r.skipped, r.skipped == 1 ? "" : "s");
  return r.skipped ? 1 : 0;
}
