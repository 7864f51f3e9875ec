/* The world of libcsto-store (see world.h): one librdf world, its logger and blank node
 * labels, the triples source factory that hands each query to its dataset, libcurl. */
#include "csto/query_rdf.h"
#include "csto/http_client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

struct csto_world {
  librdf_world *rdf;
  csto_world_log log;
  unsigned long files;   /* files parsed so far, for blank node labels */
  char prefix[64];       /* the label prefix of the current file's blank nodes */
  unsigned long bnodes;  /* unlabelled blank nodes in the current file */
  int curl;              /* curl_global_init done */
  /* The query running (csto_world_execute): rasqal asks the factory for its source while
   * librdf executes it; the source then keeps what it needs. */
  csto_dataset *running;
  librdf_query *running_query;
};

/* ---- the logger ------------------------------------------------------------------------ */

static void format_log(csto_world_log *lg) {
  if (lg->line > 0)
    snprintf(lg->message, sizeof lg->message, "%d: %s", lg->line, lg->text);
  else
    snprintf(lg->message, sizeof lg->message, "%s", lg->text);
}

/* Keep the first error; raptor sometimes gives its line only with the next one. */
static int log_handler(void *user_data, librdf_log_message *m) {
  csto_world_log *lg = &((csto_world *)user_data)->log;
  if (librdf_log_message_level(m) <= LIBRDF_LOG_WARN)
    return 1;
  raptor_locator *loc = librdf_log_message_locator(m);
  int line = loc ? raptor_locator_line(loc) : -1;
  if (lg->logged) {
    if (lg->line <= 0 && line > 0) {
      lg->line = line;
      format_log(lg);
    }
    return 1;
  }
  const char *text = librdf_log_message_message(m);
  lg->line = line;
  snprintf(lg->text, sizeof lg->text, "%s", text ? text : "error");
  format_log(lg);
  lg->logged = 1;
  return 1;
}

csto_world_log *csto_world_log_of(csto_world *w) { return &w->log; }

/* ---- blank node labels ----------------------------------------------------------------- */

/* raptor asks this for Turtle's labels and anonymous nodes (not for N-Triples/N-Quads
 * labels): keep labels ("u" + label), number the others ("a" + n); the parse then puts
 * the file's prefix on every blank node (query.c). */
static unsigned char *bnode_handler(void *user_data, unsigned char *user_id) {
  csto_world *w = user_data;
  char local[32];
  if (!user_id)
    snprintf(local, sizeof local, "%lu", ++w->bnodes);
  const char *id = user_id ? (const char *)user_id : local;
  size_t n = strlen(id) + 2;
  unsigned char *label = malloc(n);
  if (label)
    snprintf((char *)label, n, "%c%s", user_id ? 'u' : 'a', id);
  raptor_free_memory(user_id);
  return label;
}

void csto_world_next_file(csto_world *w) {
  snprintf(w->prefix, sizeof w->prefix, "f%lxp%ldn%lu", (unsigned long)time(NULL),
           (long)getpid(), ++w->files);
  w->bnodes = 0;
}

const char *csto_world_blank_prefix(const csto_world *w) { return w->prefix; }

/* ---- the triples source factory -------------------------------------------------------- */

static int new_source(rasqal_query *query, void *factory_user_data, void *data,
                      rasqal_triples_source *rts) {
  csto_world *w = factory_user_data;
  /* librdf makes its query the rasqal query's user data: only the query csto_world_execute
   * runs has a dataset to answer it */
  if (!w->running || rasqal_query_get_user_data(query) != w->running_query)
    return 1;
  return csto_query_dataset_source(w->running, query, data, rts);
}

static int register_factory(rasqal_triples_source_factory *factory) {
  factory->version = 1;
  factory->user_data_size = CSTO_SOURCE_DATA_SIZE;
  factory->new_triples_source = new_source;
  return 0;
}

librdf_query_results *csto_world_execute(csto_world *w, csto_dataset *ds, librdf_model *model,
                                         librdf_query *q) {
  w->running = ds;
  w->running_query = q;
  librdf_query_results *r = librdf_model_query_execute(model, q);
  w->running = NULL;
  w->running_query = NULL;
  return r;
}

/* ---- the world ------------------------------------------------------------------------- */

csto_status csto_world_new(csto_world **out, csto_error *err) {
  csto_world *w = calloc(1, sizeof *w);
  if (!w || !(w->rdf = librdf_new_world())) {
    free(w);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  w->log.line = -1;
  librdf_world_set_logger(w->rdf, w, log_handler);
  librdf_world_open(w->rdf);
  raptor_world_set_generate_bnodeid_handler(librdf_world_get_raptor(w->rdf), w, bnode_handler);
  /* after librdf_world_open, which registers librdf's own factory: this one replaces it */
  if (rasqal_set_triples_source_factory(librdf_world_get_rasqal(w->rdf), register_factory, w)) {
    csto_world_free(w);
    return csto_error_set(err, CSTO_ERR_RDF, "rasqal refused csto-kg's triples source");
  }
  csto_world_next_file(w);
  *out = w;
  return CSTO_OK;
}

void csto_world_free(csto_world *w) {
  if (!w)
    return;
  librdf_free_world(w->rdf);
  if (w->curl)
    curl_global_cleanup();
  free(w);
}

librdf_world *csto_world_rdf(csto_world *w) { return w->rdf; }

csto_status csto_world_http(csto_world *w, csto_error *err) {
  if (!w->curl && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
    return csto_error_set(err, CSTO_ERR_NOMEM, "cannot start libcurl");
  w->curl = 1;
  return CSTO_OK;
}
