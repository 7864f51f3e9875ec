/* csto-kg: triples -> compact JSON-LD; see jsonld.h. */
#include "jsonld.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "vocab.h"

#define PREFIX_ENTRY(prefix, ns) {prefix, ns},
static const struct {
  const char *prefix, *ns;
} prefixes[] = {CSTO_VOCAB_PREFIXES(PREFIX_ENTRY)};
#define N_PREFIXES (sizeof prefixes / sizeof prefixes[0])

#define NODE "@id"
/* A term per property: its name in the document, its IRI, and how its values are typed
 * (NODE: an IRI; a datatype IRI: a literal of that type; NULL: as each value says). The
 * csto: terms are the ontology's properties (tests/e2e/test_jsonld.sh checks them against
 * ontology/csto.ttl); the others, the properties the graph's provenance uses. */
#define TERM(ns, name, type) {name, ns name, type},
static const struct {
  const char *name, *iri, *type;
} terms[] = {
    TERM(CSTO_NS, "chairs", NODE) TERM(CSTO_NS, "attends", NODE) TERM(CSTO_NS, "memberOf", NODE)
    TERM(CSTO_NS, "heldIn", NODE) TERM(CSTO_NS, "date", XSD "date")
    TERM(CSTO_NS, "startDate", XSD "date") TERM(CSTO_NS, "endDate", XSD "date")
    TERM(CSTO_NS, "organizer", NODE) TERM(CSTO_NS, "chairCountry", NODE)
    TERM(CSTO_NS, "eventAttendanceMode", NODE)
    TERM(CSTO_NS, "attendee", NODE) TERM(CSTO_NS, "event", NODE) TERM(CSTO_NS, "mode", NODE)
    TERM(CSTO_NS, "holdsPosition", NODE) TERM(CSTO_NS, "role", NODE)
    TERM(CSTO_NS, "postIn", NODE) TERM(CSTO_NS, "positionHeldItem", NODE)
    TERM(CSTO_NS, "demonym", NULL) TERM(CSTO_NS, "capital", NODE)
    TERM(CSTO_NS, "headRole", NODE) TERM(CSTO_NS, "headOfGovernmentLeadsSince", XSD "date")
    TERM(CSTO_NS, "country", NODE) TERM(CSTO_NS, "partOf", NODE)
    TERM(CSTO_NS, "meetingClass", NODE) TERM(CSTO_NS, "memberRole", NODE)
    TERM(CSTO_NS, "member", NODE)
    TERM(CSTO_NS, "organization", NODE) TERM(CSTO_NS, "membershipStatus", NODE)
    TERM(CSTO_NS, "holder", NODE) TERM(CSTO_NS, "gender", NODE) TERM(CSTO_NS, "acting", NULL)
    TERM(CSTO_NS, "wikidataEvidence", NULL)
    TERM(CSTO_NS, "evidence", NODE) TERM(CSTO_NS, "extractionRule", NULL)
    TERM(RDFS, "label", NULL) TERM(SKOS, "altLabel", NULL) TERM(OWL, "sameAs", NODE)
    TERM(SCHEMA, "url", NODE) TERM(SCHEMA, "datePublished", XSD "date")
    TERM(SCHEMA, "publisher", NULL) TERM(SCHEMA, "headline", NULL)
    TERM(NIF, "isString", NULL) TERM(NIF, "beginIndex", XSD "nonNegativeInteger")
    TERM(NIF, "endIndex", XSD "nonNegativeInteger") TERM(NIF, "sourceUrl", NODE)
    TERM(NIF, "referenceContext", NODE) TERM(NIF, "anchorOf", NULL)
    TERM(PROV, "wasDerivedFrom", NODE) TERM(PROV, "used", NODE)
    TERM(PROV, "wasAssociatedWith", NODE) TERM(PROV, "wasGeneratedBy", NODE)
    TERM(RDF, "subject", NODE) TERM(RDF, "predicate", NODE) TERM(RDF, "object", NULL)};
#define N_TERMS (sizeof terms / sizeof terms[0])

/* Where compact IRIs are made. base_ns: the "base" prefix, or NULL. */
typedef struct {
  const char *base_ns;
  char *buf;
  size_t size;
} namer;

/* A JSON-LD 1.1 processor reads "p:local" as a prefixed name only when the namespace of p
 * ends with one of these (a gen-delim). vocab.h's do; a base given by the user may not. */
static const char *prefixable_base(const char *base_ns) {
  size_t n = base_ns ? strlen(base_ns) : 0;
  return n && strchr(":/?#[]@", base_ns[n - 1]) ? base_ns : NULL;
}

/* iri as prefix:local under its longest namespace among the prefixes, else iri itself. A
 * local name starting with "//" is not made: it would read as an absolute IRI. In n->buf,
 * valid until the next call; NULL when out of memory. */
static const char *compact(namer *n, const char *iri, size_t len) {
  const char *prefix = NULL;
  size_t best = 0;
  for (size_t i = 0; i <= N_PREFIXES; i++) {
    const char *ns = i < N_PREFIXES ? prefixes[i].ns : n->base_ns;
    size_t k = ns ? strlen(ns) : 0;
    if (k > best && k <= len && memcmp(iri, ns, k) == 0 &&
        !(len - k >= 2 && iri[k] == '/' && iri[k + 1] == '/')) {
      best = k;
      prefix = i < N_PREFIXES ? prefixes[i].prefix : "base";
    }
  }
  size_t p = prefix ? strlen(prefix) + 1 : 0, need = p + len - best + 1;
  if (need > n->size) {
    char *buf = realloc(n->buf, need);
    if (!buf)
      return NULL;
    n->buf = buf;
    n->size = need;
  }
  if (prefix)
    snprintf(n->buf, p + 1, "%s:", prefix);
  memcpy(n->buf + p, iri + best, len - best);
  n->buf[need - 1] = '\0';
  return n->buf;
}

static json_t *compact_string(namer *n, const char *iri, size_t len) {
  const char *c = compact(n, iri, len);
  return c ? json_string(c) : NULL;
}

/* ---- the context -------------------------------------------------------------------------- */

static json_t *term_definition(namer *n, size_t i) {
  json_t *id = compact_string(n, terms[i].iri, strlen(terms[i].iri));
  if (!terms[i].type)
    return id;
  json_t *type = strcmp(terms[i].type, NODE) == 0
                     ? json_string(NODE)
                     : compact_string(n, terms[i].type, strlen(terms[i].type));
  return json_pack("{s:o, s:o}", "@id", id, "@type", type);
}

/* The context: a prefix per namespace of vocab.h (and "base"), then the terms. */
static json_t *context(namer *n) {
  json_t *ctx = json_object();
  int failed = !ctx;
  for (size_t i = 0; !failed && i < N_PREFIXES; i++)
    failed = json_object_set_new(ctx, prefixes[i].prefix, json_string(prefixes[i].ns)) != 0;
  if (!failed && n->base_ns)
    failed = json_object_set_new(ctx, "base", json_string(n->base_ns)) != 0;
  for (size_t i = 0; !failed && i < N_TERMS; i++)
    failed = json_object_set_new(ctx, terms[i].name, term_definition(n, i)) != 0;
  if (failed)
    json_decref(ctx);
  return failed ? NULL : ctx;
}

/* ---- nodes and values --------------------------------------------------------------------- */

/* The writer's state while it builds the document. */
typedef struct {
  const csto_triples *t;
  namer names;
  json_t *top; /* what t adds to the document's "@graph": named graphs, default graph's nodes */
  json_t **graphs; /* per term id: the "@graph" of the graph the term names, once made */
  struct {
    uint32_t subject;
    json_t *node;
  } *nodes; /* per graph id (0: the default graph): the node of a subject in that graph */
} writer;

/* The term of predicate p, or -1. */
static int term_of(const csto_term *p) {
  for (size_t i = 0; i < N_TERMS; i++)
    if (strlen(terms[i].iri) == p->len && memcmp(terms[i].iri, p->text, p->len) == 0)
      return (int)i;
  return -1;
}

/* Whether the term's typing fits o, so that the value can be written under the term. */
static int term_fits(int term, const csto_term *o) {
  const char *type = terms[term].type;
  if (!type)
    return 1;
  if (strcmp(type, NODE) == 0)
    return o->kind == CSTO_TERM_IRI;
  return o->kind == CSTO_TERM_LITERAL && o->datatype && strcmp(o->datatype, type) == 0;
}

/* o as a value under a key whose term does not type it. */
static json_t *value(writer *w, const csto_term *o) {
  if (o->kind == CSTO_TERM_IRI)
    return json_pack("{s:o}", "@id", compact_string(&w->names, o->text, o->len));
  json_t *text = json_stringn(o->text, o->len);
  if (o->lang)
    return json_pack("{s:o, s:s}", "@value", text, "@language", o->lang);
  if (o->datatype)
    return json_pack("{s:o, s:o}", "@value", text, "@type",
                     compact_string(&w->names, o->datatype, strlen(o->datatype)));
  return text;
}

/* Add v (stolen) to the values of key: one value alone, several as an array. */
static int add_value(json_t *node, const char *key, json_t *v) {
  json_t *old = json_object_get(node, key);
  if (!old || !v)
    return json_object_set_new(node, key, v);
  if (json_is_array(old))
    return json_array_append_new(old, v);
  return json_object_set_new(node, key, json_pack("[O, o]", old, v));
}

/* The "@graph" array of graph g (0: the document's), made on first use. */
static json_t *graph(writer *w, uint32_t g) {
  if (!g || w->graphs[g])
    return g ? w->graphs[g] : w->top;
  csto_term name = csto_triples_term(w->t, g);
  json_t *container =
      json_pack("{s:o, s:[]}", "@id", compact_string(&w->names, name.text, name.len), "@graph");
  if (!container || json_array_append_new(w->top, container) != 0)
    return NULL;
  return w->graphs[g] = json_object_get(container, "@graph");
}

/* The node of subject s in graph g, made on the subject's first triple there. */
static json_t *node(writer *w, uint32_t s, uint32_t g) {
  if (w->nodes[g].node && w->nodes[g].subject == s)
    return w->nodes[g].node;
  csto_term subject = csto_triples_term(w->t, s);
  json_t *nodes = graph(w, g);
  json_t *n = nodes ? json_pack("{s:o}", "@id",
                                compact_string(&w->names, subject.text, subject.len))
                    : NULL;
  if (!n || json_array_append_new(nodes, n) != 0)
    return NULL;
  w->nodes[g].subject = s;
  return w->nodes[g].node = n;
}

/* Add one triple: rdf:type with a node as "@type", a property under its term when the term
 * types the value as it is, else under the property's compact IRI. */
static int add_triple(writer *w, const csto_triple *x) {
  json_t *n = node(w, x->s, x->g);
  csto_term p = csto_triples_term(w->t, x->p), o = csto_triples_term(w->t, x->o);
  if (!n)
    return -1;
  if (o.kind == CSTO_TERM_IRI && p.len == strlen(RDF "type") &&
      memcmp(p.text, RDF "type", p.len) == 0)
    return add_value(n, "@type", compact_string(&w->names, o.text, o.len));
  int term = term_of(&p);
  if (term >= 0 && term_fits(term, &o)) {
    json_t *v = !terms[term].type ? value(w, &o)
                : o.kind == CSTO_TERM_IRI ? compact_string(&w->names, o.text, o.len)
                                          : json_stringn(o.text, o.len);
    return add_value(n, terms[term].name, v);
  }
  json_t *v = value(w, &o); /* before the key: both use the namer's buffer */
  const char *key = compact(&w->names, p.text, p.len);
  if (!key) {
    json_decref(v);
    return -1;
  }
  return add_value(n, key, v);
}

/* ---- the document ------------------------------------------------------------------------- */

/* The items t adds to the document's "@graph": its named graphs, its default graph's
 * nodes. NULL when out of memory. */
static json_t *items(writer *w) {
  size_t *order = csto_triples_order(w->t);
  w->top = order ? json_array() : NULL;
  for (size_t i = 0; w->top && i < csto_triples_count(w->t); i++)
    if (add_triple(w, csto_triples_at(w->t, order[i])) != 0) {
      json_decref(w->top);
      w->top = NULL;
    }
  free(order);
  return w->top;
}

/* The document is written in pieces so that a run's articles stream into it: jansson
 * writes every value, with its strings escaped; only the punctuation around the values
 * is written here. */
static csto_status begin(namer *n, int *doc, FILE *out, csto_error *err) {
  json_t *ctx = context(n);
  int failed = !ctx || fputs("{\n\"@context\": ", out) == EOF ||
               json_dumpf(ctx, out, JSON_INDENT(2)) != 0 || fputs(",\n\"@graph\": [", out) == EOF;
  json_decref(ctx);
  *doc = 1;
  if (!ctx)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  return failed ? csto_error_set(err, CSTO_ERR_IO, "cannot write the JSON-LD document") : CSTO_OK;
}

static csto_status put_items(namer *n, json_t *top, int *doc, FILE *out, csto_error *err) {
  csto_status st = *doc ? CSTO_OK : begin(n, doc, out, err);
  for (size_t i = 0; st == CSTO_OK && i < json_array_size(top); i++) {
    if (fputs(*doc == 2 ? ",\n" : "\n", out) == EOF ||
        json_dumpf(json_array_get(top, i), out, JSON_INDENT(2)) != 0)
      st = csto_error_set(err, CSTO_ERR_IO, "cannot write the JSON-LD document");
    *doc = 2;
  }
  return st;
}

csto_status csto_jsonld_write(const csto_triples *t, const char *base_ns, int *doc, FILE *out,
                              csto_error *err) {
  size_t n_terms = csto_triples_terms(t);
  writer w = {.t = t,
              .names = {prefixable_base(base_ns), NULL, 0},
              .graphs = calloc(n_terms + 1, sizeof *w.graphs),
              .nodes = calloc(n_terms + 1, sizeof *w.nodes)};
  json_t *top = w.graphs && w.nodes ? items(&w) : NULL;
  csto_status st = top ? put_items(&w.names, top, doc, out, err)
                       : csto_error_set(err, CSTO_ERR_NOMEM,
                                        "out of memory (or a term that is not UTF-8)");
  json_decref(top);
  free(w.graphs);
  free(w.nodes);
  free(w.names.buf);
  return st;
}

csto_status csto_jsonld_end(const char *base_ns, int doc, FILE *out, csto_error *err) {
  namer n = {prefixable_base(base_ns), NULL, 0};
  csto_status st = doc ? CSTO_OK : begin(&n, &doc, out, err);
  free(n.buf);
  if (st == CSTO_OK && fputs("\n]\n}\n", out) == EOF)
    st = csto_error_set(err, CSTO_ERR_IO, "cannot write the JSON-LD document");
  return st;
}
