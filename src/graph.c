#include "csto/graph.h"

#include <librdf.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csto/layout.h"
#include "csto/normalize.h"
#include "strmap.h"

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define PROV "http://www.w3.org/ns/prov#"
#define SCHEMA "http://schema.org/"

struct csto_graph {
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  char *base;
  librdf_node *context; /* the article being added */
  csto_strmap *added;   /* triples in the model, so that each goes in once */
  int no_provenance;
  char *error;
};

static const struct {
  const char *prefix, *ns;
} namespaces[] = {{"csto", CSTO_NS}, {"res", CSTO_RES_NS}, {"wd", CSTO_WD_NS}, {"rdf", RDF},
                  {"rdfs", RDFS},    {"owl", OWL},         {"skos", SKOS},      {"xsd", XSD},
                  {"nif", NIF},      {"prov", PROV},       {"schema", SCHEMA}};

static int log_error(void *user, librdf_log_message *msg) {
  csto_graph *g = user;
  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR && !g->error)
    g->error = strdup(librdf_log_message_message(msg));
  return 1;
}

/* Minted IRIs are the base followed by a local name: the base must be an absolute IRI
 * that every format can write as it is. */
static csto_status check_base(const char *base, csto_error *err) {
  size_t n = strlen(base);
  if (!csto_iri_has_scheme(base, n))
    return csto_error_set(err, CSTO_ERR_USAGE,
                          "base IRI '%s' is not absolute: it needs a scheme, such as https:", base);
  for (const unsigned char *c = (const unsigned char *)base; *c; c++)
    if (csto_iri_char_forbidden(*c))
      return csto_error_set(err, CSTO_ERR_USAGE,
                            "base IRI '%s' holds a character an IRI cannot (byte %zu)", base,
                            (size_t)(c - (const unsigned char *)base) + 1);
  return CSTO_OK;
}

csto_status csto_graph_new(const char *base, csto_graph **out, csto_error *err) {
  csto_status st = base ? check_base(base, err) : CSTO_OK;
  if (st != CSTO_OK)
    return st;
  csto_graph *g = calloc(1, sizeof *g);
  if (!g || !(g->base = strdup(base ? base : CSTO_RES_NS))) {
    free(g);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  g->world = librdf_new_world();
  librdf_world_set_logger(g->world, g, log_error);
  librdf_world_open(g->world);
  g->storage = librdf_new_storage(g->world, "hashes", "graph", "hash-type='memory',contexts='yes'");
  g->model = g->storage ? librdf_new_model(g->world, g->storage, NULL) : NULL;
  g->added = csto_strmap_new();
  if (!g->model || !g->added) {
    csto_graph_free(g);
    return csto_error_set(err, CSTO_ERR_RDF, "cannot create an RDF model");
  }
  *out = g;
  return CSTO_OK;
}

void csto_graph_set_provenance(csto_graph *g, int keep) { g->no_provenance = !keep; }

void csto_graph_free(csto_graph *g) {
  if (!g)
    return;
  librdf_free_node(g->context);
  librdf_free_model(g->model);
  librdf_free_storage(g->storage);
  librdf_free_world(g->world);
  csto_strmap_free(g->added);
  free(g->base);
  free(g->error);
  free(g);
}

/* ---- nodes and triples ------------------------------------------------------------------ */

static librdf_node *iri(csto_graph *g, const char *text) {
  return librdf_new_node_from_uri_string(g->world, (const unsigned char *)text);
}

/* base + formatted local name */
static char *minted(const csto_graph *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *minted(const csto_graph *g, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  size_t bl = strlen(g->base);
  char *s = malloc(bl + (size_t)n + 1);
  if (!s)
    return NULL;
  memcpy(s, g->base, bl);
  va_start(ap, fmt);
  vsnprintf(s + bl, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

/* Add (s, p, o) to the article's graph; takes ownership of o. */
static void add(csto_graph *g, const char *s, const char *p, librdf_node *o) {
  librdf_node *sn = iri(g, s), *pn = iri(g, p);
  if (sn && pn && o) {
    /* A store with contexts keeps duplicates, and asking it scans: the graph remembers
     * what it holds. */
    const char *text = NULL, *tail = "";
    if (librdf_node_is_resource(o)) {
      text = (const char *)librdf_uri_as_string(librdf_node_get_uri(o));
    } else if (librdf_node_is_literal(o)) {
      librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(o);
      text = (const char *)librdf_node_get_literal_value(o);
      tail = dt ? (const char *)librdf_uri_as_string(dt) : librdf_node_get_literal_value_language(o);
    }
    /* the key need not be RDF: NUL-free strings joined by separators no IRI holds */
    size_t n = strlen(s) + strlen(p) + (text ? strlen(text) : 0) + (tail ? strlen(tail) : 0) + 8;
    char *key = malloc(n);
    const int *seen;
    if (key)
      snprintf(key, n, "%s>%s>%c%s<%s", s, p, librdf_node_is_literal(o) ? '"' : '<',
               text ? text : "", tail ? tail : "");
    librdf_statement *st = librdf_new_statement_from_nodes(g->world, sn, pn, o);
    if (st && key && !csto_strmap_get(g->added, key, &seen) && csto_strmap_add(g->added, key, 0) == 0)
      librdf_model_context_add_statement(g->model, g->context, st);
    librdf_free_statement(st);
    free(key);
    return;
  }
  librdf_free_node(sn);
  librdf_free_node(pn);
  librdf_free_node(o);
}

static void add_iri(csto_graph *g, const char *s, const char *p, const char *o) { add(g, s, p, iri(g, o)); }

/* Every literal of the graph is made here, from text every format can carry. */
static void add_text(csto_graph *g, const char *s, const char *p, const char *text, const char *lang) {
  char *clean = csto_text_for_rdf(text, strlen(text));
  add(g, s, p, clean ? librdf_new_node_from_literal(g->world, (const unsigned char *)clean, lang, 0) : NULL);
  free(clean);
}

static void add_typed(csto_graph *g, const char *s, const char *p, const char *text, const char *type) {
  librdf_uri *dt = librdf_new_uri(g->world, (const unsigned char *)type);
  add(g, s, p, librdf_new_node_from_typed_literal(g->world, (const unsigned char *)text, NULL, dt));
  librdf_free_uri(dt);
}

static void add_count(csto_graph *g, const char *s, const char *p, size_t n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", n);
  add_typed(g, s, p, buf, XSD "nonNegativeInteger");
}

static void date_text(csto_date d, char buf[16]) {
  snprintf(buf, 16, "%04d-%02d-%02d", d.year, d.month, d.day); /* the calendar keeps 1-9999 */
}

/* ---- the article -------------------------------------------------------------------------- */

char *csto_article_iri(const char *base, const csto_article *a) {
  const char *key = a->url ? a->url : a->body;
  size_t len = a->url ? strlen(a->url) : a->body_len;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
  size_t n = strlen(base) + 32;
  char *s = malloc(n);
  if (s)
    snprintf(s, n, "%s" CSTO_IRI_ARTICLE "%016llx", base, (unsigned long long)h);
  return s;
}

typedef struct {
  csto_graph *g;
  const csto_doc *doc;
  char *article;  /* article IRI */
  const char *id; /* its local name */
  char *activity;
  char **entity_iris; /* per doc entity, NULL until used */
  char **event_iris;
  char **sentence_iris; /* per sentence, NULL until a fact cites it */
  size_t *sentence_cp;  /* per sentence, code points before it (one pass over the body) */
  char *context;        /* the nif:Context of the body */
  size_t statements;
} builder;

/* A URL from the input as an IRI node: characters an IRI may not hold (space, quotes,
 * angle brackets, controls) are percent-encoded, so that every parser reads it back. */
static librdf_node *url_node(csto_graph *g, const char *url) {
  size_t n = strlen(url);
  char *clean = malloc(3 * n + 1), *p = clean;
  if (!clean)
    return NULL;
  for (const unsigned char *u = (const unsigned char *)url; *u; u++) {
    if (csto_iri_char_forbidden(*u))
      p += sprintf(p, "%%%02X", *u);
    else
      *p++ = (char)*u;
  }
  *p = '\0';
  librdf_node *node = iri(g, clean);
  free(clean);
  return node;
}

static void article_node(builder *b) {
  csto_graph *g = b->g;
  const csto_article *a = b->doc->article;
  char date[16];
  add_iri(g, b->article, RDF "type", CSTO_NS "Article");
  add_iri(g, b->article, RDF "type", SCHEMA "NewsArticle");
  add_iri(g, b->article, RDF "type", PROV "Entity");
  if (a->url)
    add(g, b->article, SCHEMA "url", url_node(g, a->url));
  if (a->date.year) {
    date_text(a->date, date);
    add_typed(g, b->article, SCHEMA "datePublished", date, XSD "date");
  }
  if (a->outlet)
    add_text(g, b->article, SCHEMA "publisher", a->outlet, NULL);
  if (a->title)
    add_text(g, b->article, SCHEMA "headline", a->title, "en");
  size_t n = csto_utf8_codepoints(a->body, a->body_len);
  char *ctx = b->context = minted(g, "%s_char_0_%zu", b->id, n);
  if (ctx && !g->no_provenance) {
    add_iri(g, ctx, RDF "type", NIF "Context");
    add_text(g, ctx, NIF "isString", a->body, NULL);
    add_count(g, ctx, NIF "beginIndex", 0);
    add_count(g, ctx, NIF "endIndex", n);
    if (a->url)
      add(g, ctx, NIF "sourceUrl", url_node(g, a->url));
    add_iri(g, ctx, PROV "wasDerivedFrom", b->article);
  }
  char *agent = minted(g, "csto-kg_%s", CSTO_VERSION);
  b->activity = minted(g, CSTO_IRI_EXTRACTION "%s", b->id + strlen(CSTO_IRI_ARTICLE));
  if (agent && b->activity && !g->no_provenance) {
    add_iri(g, b->activity, RDF "type", PROV "Activity");
    add_iri(g, b->activity, PROV "used", b->article);
    add_iri(g, b->activity, PROV "wasAssociatedWith", agent);
    add_iri(g, agent, RDF "type", PROV "SoftwareAgent");
    add_text(g, agent, RDFS "label", "csto-kg " CSTO_VERSION, "en");
  }
  free(agent);
}

/* Code points before each sentence, counted in one pass over the body. */
static size_t *sentence_offsets(const csto_doc *doc) {
  size_t *cp = malloc((doc->n_sentences + 1) * sizeof *cp);
  csto_utf8_cursor at = {0, 0};
  for (size_t s = 0; cp && s < doc->n_sentences; s++)
    cp[s] = csto_utf8_advance(&at, doc->article->body, doc->sentences[s].begin);
  return cp;
}

/* The sentence node (NIF offsets in code points of the body), made once; borrowed. */
static const char *sentence_node(builder *b, size_t s) {
  const csto_doc *doc = b->doc;
  const csto_sentence *sen = &doc->sentences[s];
  if (b->sentence_iris[s])
    return b->sentence_iris[s];
  size_t begin = b->sentence_cp[s];
  size_t end = begin + csto_utf8_codepoints(doc->article->body + sen->begin, sen->end - sen->begin);
  char *node = minted(b->g, "%s_char_%zu_%zu", b->id, begin, end);
  char *text = malloc(sen->end - sen->begin + 1);
  if (node && text && b->context) {
    memcpy(text, doc->article->body + sen->begin, sen->end - sen->begin);
    text[sen->end - sen->begin] = '\0';
    add_iri(b->g, node, RDF "type", NIF "Sentence");
    add_iri(b->g, node, NIF "referenceContext", b->context);
    add_count(b->g, node, NIF "beginIndex", begin);
    add_count(b->g, node, NIF "endIndex", end);
    add_text(b->g, node, NIF "anchorOf", text, NULL);
  }
  free(text);
  return b->sentence_iris[s] = node;
}

/* ---- entities and events ------------------------------------------------------------------ */

static const char *entity_classes(csto_entity_type t, const char **super) {
  *super = CSTO_NS "Organization";
  switch (t) {
  case CSTO_ENTITY_PERSON: *super = NULL; return CSTO_NS "Person";
  case CSTO_ENTITY_COUNTRY: *super = CSTO_NS "Place"; return CSTO_NS "Country";
  case CSTO_ENTITY_CITY: *super = CSTO_NS "Place"; return CSTO_NS "City";
  case CSTO_ENTITY_VENUE: *super = CSTO_NS "Place"; return CSTO_NS "Venue";
  case CSTO_ENTITY_ORGANIZATION: return CSTO_NS "InternationalOrganization";
  case CSTO_ENTITY_BODY: return CSTO_NS "OrganizationBody";
  case CSTO_ENTITY_GOVBODY: return CSTO_NS "GovernmentBody";
  default: return CSTO_NS "Organization";
  }
}

static const char *entity(builder *b, int i) {
  if (b->entity_iris[i])
    return b->entity_iris[i];
  const csto_doc_entity *e = &b->doc->entities[i];
  char *node = e->kb ? strdup(e->kb->iri) : minted(b->g, "%s", e->local);
  if (!node)
    return NULL;
  const char *super, *cls = entity_classes(e->type, &super);
  add_iri(b->g, node, RDF "type", cls);
  if (super)
    add_iri(b->g, node, RDF "type", super);
  add_text(b->g, node, RDFS "label", e->label, "en");
  for (size_t k = 0; k < e->n_aliases; k++)
    add_text(b->g, node, SKOS "altLabel", e->aliases[k], "en");
  if (e->kb && e->kb->wikidata)
    add_iri(b->g, node, OWL "sameAs", e->kb->wikidata);
  return b->entity_iris[i] = node;
}

static const csto_fact *date_fact(const csto_doc *doc, int event) {
  for (size_t i = 0; i < doc->n_facts; i++)
    if (doc->facts[i].kind == CSTO_FACT_DATE && doc->facts[i].subject == event)
      return &doc->facts[i];
  return NULL;
}

/* An event's IRI is shared across articles when its organizers and day are known. */
static char *event_iri(builder *b, int i) {
  const csto_doc_event *e = &b->doc->events[i];
  const csto_fact *d = date_fact(b->doc, i);
  if (!d || e->n_orgs == 0)
    return minted(b->g, "event_%s_%d", b->id + strlen(CSTO_IRI_ARTICLE), i + 1);
  char orgs[256] = "", date[16];
  for (int k = 0; k < e->n_orgs; k++) {
    size_t used = strlen(orgs);
    snprintf(orgs + used, sizeof orgs - used, "%s%s", k ? "-" : "", e->orgs[k]->local);
  }
  date_text(d->date, date);
  return minted(b->g, "event_%s_%s_%s", orgs, csto_event_class_name(e->event_class), date);
}

static const char *event(builder *b, int i) {
  if (b->event_iris[i])
    return b->event_iris[i];
  const csto_doc_event *e = &b->doc->events[i];
  char *node = event_iri(b, i);
  if (!node)
    return NULL;
  const char *cls = csto_event_class_name(e->event_class);
  char label[512], date[16] = "";
  const csto_fact *d = date_fact(b->doc, i);
  if (d)
    date_text(d->date, date);
  size_t used = 0;
  label[0] = '\0';
  for (int k = 0; k < e->n_orgs && used < sizeof label; k++)
    used += (size_t)snprintf(label + used, sizeof label - used, "%s%s", k ? " and " : "",
                             e->orgs[k]->label);
  if (used < sizeof label)
    snprintf(label + used, sizeof label - used, "%s%s%s%s", e->n_orgs ? " " : "", cls,
             d ? ", " : "", date);
  char class_iri[128];
  snprintf(class_iri, sizeof class_iri, "%s%s", CSTO_NS, cls);
  add_iri(b->g, node, RDF "type", CSTO_NS "Event");
  add_iri(b->g, node, RDF "type", class_iri);
  add_text(b->g, node, RDFS "label", label, "en");
  for (int k = 0; k < e->n_orgs; k++)
    add_iri(b->g, node, CSTO_NS "organizer", e->orgs[k]->iri);
  return b->event_iris[i] = node;
}

/* ---- facts ---------------------------------------------------------------------------------- */

static const char *mode_iri(csto_mode m) {
  return m == CSTO_MODE_IN_PERSON ? CSTO_NS "InPerson"
         : m == CSTO_MODE_REMOTE  ? CSTO_NS "Remote"
                                  : CSTO_NS "UnspecifiedMode";
}

/* The statement node: which triple, from which sentence, by which rule and extraction. */
static void provenance(builder *b, const char *s, const char *p, librdf_node *o,
                       const csto_evidence *ev) {
  if (b->g->no_provenance) {
    librdf_free_node(o);
    return;
  }
  char *node = minted(b->g, CSTO_IRI_STATEMENT "%s_%zu", b->id + strlen(CSTO_IRI_ARTICLE), ++b->statements);
  const char *evidence = sentence_node(b, ev->sentence);
  if (node && evidence) {
    add_iri(b->g, node, RDF "type", RDF "Statement");
    add_iri(b->g, node, RDF "subject", s);
    add_iri(b->g, node, RDF "predicate", p);
    add(b->g, node, RDF "object", o);
    o = NULL;
    add_iri(b->g, node, CSTO_NS "evidence", evidence);
    add_text(b->g, node, CSTO_NS "extractionRule", csto_rule_name(ev->rule), NULL);
    add_iri(b->g, node, PROV "wasDerivedFrom", b->article);
    add_iri(b->g, node, PROV "wasGeneratedBy", b->activity);
  }
  librdf_free_node(o);
  free(node);
}

static void fact_triple(builder *b, const char *s, const char *p, librdf_node *o,
                        const csto_evidence *ev) {
  if (!s || !o) {
    librdf_free_node(o);
    return;
  }
  add(b->g, s, p, librdf_new_node_from_node(o));
  provenance(b, s, p, o, ev);
}

static void attendance(builder *b, const char *agent, const char *ev, const csto_fact *f) {
  const char *al = strrchr(agent, '/'), *el = strrchr(ev, '/');
  char *node = minted(b->g, "attendance_%s__%s", el ? el + 1 : ev, al ? al + 1 : agent);
  if (!node)
    return;
  add_iri(b->g, node, RDF "type", CSTO_NS "Attendance");
  add_iri(b->g, node, CSTO_NS "attendee", agent);
  add_iri(b->g, node, CSTO_NS "event", ev);
  /* The mode's statement cites what gave the mode; an unspecified one, the attendance's. */
  const csto_evidence *said = f->mode_evidence.rule ? &f->mode_evidence : &f->evidence;
  fact_triple(b, node, CSTO_NS "mode", iri(b->g, mode_iri(f->mode)), said);
  free(node);
}

static void position(builder *b, const char *person, const csto_fact *f) {
  const csto_doc_entity *scope = &b->doc->entities[f->object];
  const char *scope_iri = entity(b, f->object);
  char *post = minted(b->g, "post_%s_%s", csto_role_name(f->role), scope->local);
  char label[512], role[128];
  if (post && scope_iri) {
    snprintf(label, sizeof label, "%s of %s", csto_role_title(f->role), scope->label);
    snprintf(role, sizeof role, "%s%s", CSTO_NS, csto_role_name(f->role));
    add_iri(b->g, post, RDF "type", CSTO_NS "Post");
    add_text(b->g, post, RDFS "label", label, "en");
    add_iri(b->g, post, CSTO_NS "role", role);
    add_iri(b->g, post, CSTO_NS "postIn", scope_iri);
    fact_triple(b, person, CSTO_NS "holdsPosition", iri(b->g, post), &f->evidence);
  }
  free(post);
}

static void add_fact(builder *b, const csto_fact *f) {
  char date[16];
  switch (f->kind) {
  case CSTO_FACT_CHAIRS:
    fact_triple(b, entity(b, f->subject), CSTO_NS "chairs", iri(b->g, event(b, f->object)), &f->evidence);
    break;
  case CSTO_FACT_ATTENDS: {
    const char *agent = entity(b, f->subject), *ev = event(b, f->object);
    if (!agent || !ev)
      break;
    fact_triple(b, agent, CSTO_NS "attends", iri(b->g, ev), &f->evidence);
    attendance(b, agent, ev, f);
    break;
  }
  case CSTO_FACT_MEMBER_OF:
    fact_triple(b, entity(b, f->subject), CSTO_NS "memberOf", iri(b->g, entity(b, f->object)),
                &f->evidence);
    break;
  case CSTO_FACT_HELD_IN:
    fact_triple(b, event(b, f->subject), CSTO_NS "heldIn", iri(b->g, entity(b, f->object)), &f->evidence);
    break;
  case CSTO_FACT_DATE: { /* one day: csto:date; a span: csto:startDate and csto:endDate */
    librdf_uri *dt = librdf_new_uri(b->g->world, (const unsigned char *)XSD "date");
    int span = f->date_end.year != 0;
    date_text(f->date, date);
    fact_triple(b, event(b, f->subject), span ? CSTO_NS "startDate" : CSTO_NS "date",
                librdf_new_node_from_typed_literal(b->g->world, (const unsigned char *)date, NULL, dt),
                &f->evidence);
    if (span) {
      date_text(f->date_end, date);
      fact_triple(b, event(b, f->subject), CSTO_NS "endDate",
                  librdf_new_node_from_typed_literal(b->g->world, (const unsigned char *)date, NULL, dt),
                  &f->evidence);
    }
    librdf_free_uri(dt);
    break;
  }
  case CSTO_FACT_HOLDS_POSITION: {
    const char *person = entity(b, f->subject);
    if (person)
      position(b, person, f);
    break;
  }
  }
}

csto_status csto_graph_add_doc(csto_graph *g, const csto_doc *doc, csto_error *err) {
  builder b = {g,
               doc,
               csto_article_iri(g->base, doc->article),
               NULL,
               NULL,
               calloc(doc->n_entities + 1, sizeof(char *)),
               calloc(doc->n_events + 1, sizeof(char *)),
               calloc(doc->n_sentences + 1, sizeof(char *)),
               sentence_offsets(doc),
               NULL,
               0};
  csto_status st = CSTO_OK;
  if (!b.article || !b.entity_iris || !b.event_iris || !b.sentence_iris || !b.sentence_cp) {
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  } else {
    b.id = b.article + strlen(g->base);
    librdf_free_node(g->context);
    g->context = iri(g, b.article);
    article_node(&b);
    for (size_t i = 0; i < doc->n_facts; i++)
      add_fact(&b, &doc->facts[i]);
    if (g->error)
      st = csto_error_set(err, CSTO_ERR_RDF, "%s: %s", doc->article->source, g->error);
  }
  for (size_t i = 0; b.entity_iris && i < doc->n_entities; i++)
    free(b.entity_iris[i]);
  for (size_t i = 0; b.event_iris && i < doc->n_events; i++)
    free(b.event_iris[i]);
  for (size_t i = 0; b.sentence_iris && i < doc->n_sentences; i++)
    free(b.sentence_iris[i]);
  free(b.entity_iris);
  free(b.event_iris);
  free(b.sentence_iris);
  free(b.sentence_cp);
  free(b.context);
  free(b.article);
  free(b.activity);
  return st;
}

/* ---- writing -------------------------------------------------------------------------------- */

/* streams: documents written one after another in the format make one document. */
static const struct {
  const char *name, *raptor;
  int streams;
} formats[] = {{"turtle", "turtle", 1}, {"ntriples", "ntriples", 1}, {"nquads", "nquads", 1},
               {"rdfxml", "rdfxml-abbrev", 0}, {"json", "json", 0}, {"dot", "dot", 0}};

static int format_index(const char *name) {
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(formats[i].name, name) == 0)
      return (int)i;
  return -1;
}

static const char *raptor_format(const char *name) {
  int i = format_index(name);
  return i >= 0 ? formats[i].raptor : NULL;
}

int csto_graph_format_known(const char *format) { return format_index(format) >= 0; }

int csto_graph_format_streams(const char *format) {
  int i = format_index(format);
  return i >= 0 && formats[i].streams;
}

/* Empty the model: the next article starts afresh, so memory stays bounded. 0, or -1 when
 * out of memory. */
static int empty(csto_graph *g) {
  librdf_free_model(g->model);
  librdf_free_storage(g->storage);
  g->storage = librdf_new_storage(g->world, "hashes", "graph", "hash-type='memory',contexts='yes'");
  g->model = g->storage ? librdf_new_model(g->world, g->storage, NULL) : NULL;
  csto_strmap_free(g->added);
  g->added = csto_strmap_new();
  return g->model && g->added ? 0 : -1;
}

csto_status csto_graph_write(csto_graph *g, const char *format, FILE *out, csto_error *err) {
  const char *name = raptor_format(format);
  if (!name)
    return csto_error_set(err, CSTO_ERR_USAGE, "unknown format '%s'", format);
  librdf_serializer *ser = librdf_new_serializer(g->world, name, NULL, NULL);
  if (!ser)
    return csto_error_set(err, CSTO_ERR_RDF, "no %s serializer", format);
  for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++) {
    librdf_uri *ns = librdf_new_uri(g->world, (const unsigned char *)namespaces[i].ns);
    librdf_serializer_set_namespace(ser, ns, namespaces[i].prefix);
    librdf_free_uri(ns);
  }
  if (strcmp(g->base, CSTO_RES_NS) != 0) {
    librdf_uri *ns = librdf_new_uri(g->world, (const unsigned char *)g->base);
    librdf_serializer_set_namespace(ser, ns, "base");
    librdf_free_uri(ns);
  }
  int rc = librdf_serializer_serialize_model_to_file_handle(ser, out, NULL, g->model);
  librdf_free_serializer(ser);
  if (empty(g) || rc != 0 || g->error)
    return csto_error_set(err, CSTO_ERR_RDF, "cannot write %s: %s", format,
                          g->error ? g->error : "serializer failed");
  return CSTO_OK;
}

csto_status csto_graph_drain(csto_graph *g, csto_statement_fn fn, void *user,
                             csto_error *err) {
  csto_status st = CSTO_OK;
  librdf_stream *s = librdf_model_as_stream(g->model);
  if (!s)
    st = csto_error_set(err, CSTO_ERR_RDF, "cannot read the graph");
  for (; st == CSTO_OK && !librdf_stream_end(s); librdf_stream_next(s))
    st = fn(user, librdf_stream_get_object(s), err);
  if (s)
    librdf_free_stream(s);
  if (empty(g) && st == CSTO_OK)
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  return st;
}
