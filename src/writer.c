/* csto-kg: triples -> serialized RDF; see writer.h. */
#include "writer.h"

#include <stdlib.h>
#include <string.h>

#include <serd/serd.h>

#include "jsonld.h"
#include "vocab.h"

/* alias: the short name users also type. serd: the serd syntax, or 0 when jsonld.c writes
 * the format. Every format streams: documents written one after another in it make one
 * document (JSON-LD: parts of one, which csto_writer_end closes). */
static const struct {
  const char *name, *alias;
  SerdSyntax serd;
} formats[] = {{"turtle", "ttl", SERD_TURTLE},
               {"ntriples", "nt", SERD_NTRIPLES},
               {"nquads", "nq", SERD_NQUADS},
               {"trig", NULL, SERD_TRIG},
               {"jsonld", "json-ld", 0}};

#define PREFIX_ENTRY(prefix, ns) {prefix, ns, sizeof prefix - 1, sizeof ns - 1},
static const struct {
  const char *prefix, *ns;
  size_t prefix_len, ns_len; /* asked for every IRI a Turtle document writes */
} prefixes[] = {CSTO_VOCAB_PREFIXES(PREFIX_ENTRY)};
#define N_PREFIXES (sizeof prefixes / sizeof prefixes[0])

static int format_index(const char *name) {
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(formats[i].name, name) == 0 ||
        (formats[i].alias && strcmp(formats[i].alias, name) == 0))
      return (int)i;
  return -1;
}

const char *csto_writer_format_names(void) {
  return "turtle (ttl), ntriples (nt), nquads (nq), trig, jsonld (json-ld)";
}

int csto_writer_format_known(const char *format) { return format_index(format) >= 0; }

/* The base gets the prefix "base" when it is not a namespace already declared. */
static int base_needs_prefix(const char *base) { return base && strcmp(base, CSTO_RES_NS) != 0; }

/* ---- serd: Turtle, TriG, N-Triples, N-Quads ----------------------------------------------- */

/* The length of the namespace of iri among the document's prefixes (the base's too), or 0. */
static size_t namespace_length(const char *iri, size_t len, const char *base, const char **prefix,
                               size_t *prefix_len) {
  for (size_t i = 0; i < N_PREFIXES; i++) {
    size_t n = prefixes[i].ns_len;
    if (n < len && memcmp(iri, prefixes[i].ns, n) == 0) {
      *prefix = prefixes[i].prefix;
      *prefix_len = prefixes[i].prefix_len;
      return n;
    }
  }
  size_t n = base_needs_prefix(base) ? strlen(base) : 0;
  *prefix = "base";
  *prefix_len = 4;
  return n && n < len && memcmp(iri, base, n) == 0 ? n : 0;
}

/* Whether a local name holds '_' or '-' and otherwise only ASCII letters and digits, and
 * starts with neither '-' nor a digit: always a valid Turtle local name, which serd 0.30
 * does not abbreviate itself (it abbreviates letters and digits alone). */
static int plain_local_name(const char *local, size_t len) {
  int joined = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)local[i];
    if (c == '_' || c == '-')
      joined = 1;
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return 0;
  }
  return joined && local[0] != '-' && !(local[0] >= '0' && local[0] <= '9');
}

/* A node over len bytes of text (no NUL among them: the graph's text is checked), made
 * without serd_node_from_substring, which counts characters one by one and is a fifth of a
 * large run's time. serd reads only the flags, to choose Turtle's long quotes for a literal;
 * memchr finds them far faster. n_chars is only copied by the writer. */
static SerdNode serd_span(SerdType type, const char *text, size_t len) {
  SerdNodeFlags flags = 0;
  if (type == SERD_LITERAL) {
    if (memchr(text, '\n', len) || memchr(text, '\r', len))
      flags |= SERD_HAS_NEWLINE;
    if (memchr(text, '"', len))
      flags |= SERD_HAS_QUOTE;
  }
  return (SerdNode){(const uint8_t *)text, len, len, flags, type};
}

/* Every term of a document as serd's node, made once: a term is written in many triples.
 * Turtle and TriG (curies != NULL) name an IRI by a prefix where one fits; those names are
 * written into curies, which has room for every term's text plus a prefix and a NUL. */
typedef struct {
  SerdNode *node; /* by term id; node[0] unused */
  char *curies;
} serd_terms;

static SerdNode serd_term(const csto_term *term, const char *base, char **curies) {
  const char *prefix;
  size_t ns, n_prefix;
  if (term->kind == CSTO_TERM_LITERAL)
    return serd_span(SERD_LITERAL, term->text, term->len);
  if (curies && (ns = namespace_length(term->text, term->len, base, &prefix, &n_prefix)) &&
      plain_local_name(term->text + ns, term->len - ns)) {
    /* built by hand: snprintf and serd_node_from_string were a fifth of a Turtle run; the
     * name is ASCII (plain_local_name), so it has as many characters as bytes */
    char *name = *curies;
    size_t n = n_prefix + 1 + term->len - ns;
    memcpy(name, prefix, n_prefix);
    name[n_prefix] = ':';
    memcpy(name + n_prefix + 1, term->text + ns, term->len - ns);
    name[n] = '\0';
    *curies += n + 1;
    return (SerdNode){(const uint8_t *)name, n, n, 0, SERD_CURIE};
  }
  return serd_span(SERD_URI, term->text, term->len);
}

static int serd_terms_make(serd_terms *terms, const csto_triples *t, const char *base, int terse) {
  size_t n = csto_triples_terms(t), room = 0;
  for (uint32_t id = 1; terse && id <= n; id++)
    room += csto_triples_term(t, id).len + 8; /* the longest prefix is "schema" (or "base") */
  terms->node = malloc((n + 1) * sizeof *terms->node);
  terms->curies = terse ? malloc(room + 1) : NULL;
  if (!terms->node || (terse && !terms->curies))
    return -1;
  char *curies = terms->curies;
  for (uint32_t id = 1; id <= n; id++) {
    csto_term term = csto_triples_term(t, id);
    terms->node[id] = serd_term(&term, base, terse ? &curies : NULL);
  }
  return 0;
}

static void serd_terms_free(serd_terms *terms) {
  free(terms->node);
  free(terms->curies);
}

static SerdStatus serd_prefix(SerdWriter *w, const char *prefix, const char *ns) {
  SerdNode name = serd_node_from_string(SERD_LITERAL, (const uint8_t *)prefix);
  SerdNode uri = serd_node_from_string(SERD_URI, (const uint8_t *)ns);
  return serd_writer_set_prefix(w, &name, &uri);
}

static SerdStatus serd_triple(SerdWriter *w, const csto_triples *t, const serd_terms *terms,
                              const csto_triple *x, SerdSyntax syntax) {
  const SerdNode *g = NULL;
  if ((syntax == SERD_NQUADS || syntax == SERD_TRIG) && x->g)
    g = &terms->node[x->g];
  csto_term o = csto_triples_term(t, x->o);
  SerdNode dn = {0}, ln = {0};
  /* made as the terms are: serd_node_from_string reads them a character at a time */
  if (o.datatype)
    dn = serd_span(SERD_URI, o.datatype, strlen(o.datatype));
  if (o.lang)
    ln = serd_span(SERD_LITERAL, o.lang, strlen(o.lang));
  return serd_writer_write_statement(w, 0, g, &terms->node[x->s], &terms->node[x->p],
                                     &terms->node[x->o], dn.buf ? &dn : NULL,
                                     ln.buf ? &ln : NULL);
}

static csto_status write_serd(const csto_triples *t, SerdSyntax syntax, const char *base,
                              FILE *out, csto_error *err) {
  int terse = syntax == SERD_TURTLE || syntax == SERD_TRIG;
  serd_terms terms;
  size_t *order = serd_terms_make(&terms, t, base, terse) == 0 ? csto_triples_order(t) : NULL;
  SerdEnv *env = order ? serd_env_new(NULL) : NULL;
  SerdStyle style = SERD_STYLE_BULK;
  if (terse)
    style |= SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED;
  SerdWriter *w = env ? serd_writer_new(syntax, style, env, NULL, serd_file_sink, out) : NULL;
  SerdStatus st = w ? SERD_SUCCESS : SERD_ERR_UNKNOWN;
  for (size_t i = 0; terse && st == SERD_SUCCESS && i < N_PREFIXES; i++)
    st = serd_prefix(w, prefixes[i].prefix, prefixes[i].ns);
  if (terse && st == SERD_SUCCESS && base_needs_prefix(base))
    st = serd_prefix(w, "base", base);
  for (size_t i = 0; st == SERD_SUCCESS && i < csto_triples_count(t); i++)
    st = serd_triple(w, t, &terms, csto_triples_at(t, order[i]), syntax);
  if (w && serd_writer_finish(w) != SERD_SUCCESS && st == SERD_SUCCESS)
    st = SERD_ERR_UNKNOWN;
  if (w)
    serd_writer_free(w);
  if (env)
    serd_env_free(env);
  free(order);
  serd_terms_free(&terms);
  if (!order || !w)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  if (st != SERD_SUCCESS)
    return csto_error_set(err, CSTO_ERR_RDF, "cannot write a statement (serd status %d)", (int)st);
  return CSTO_OK;
}

csto_status csto_writer_write_into(const csto_triples *t, const char *format, const char *base,
                                   int *doc, FILE *out, csto_error *err) {
  int i = format_index(format);
  if (i < 0)
    return csto_error_set(err, CSTO_ERR_USAGE, "unknown format '%s'", format);
  if (!formats[i].serd)
    return csto_jsonld_write(t, base_needs_prefix(base) ? base : NULL, doc, out, err);
  return write_serd(t, formats[i].serd, base, out, err);
}

csto_status csto_writer_end(const char *format, const char *base, int doc, FILE *out,
                            csto_error *err) {
  int i = format_index(format);
  if (i < 0 || formats[i].serd)
    return CSTO_OK;
  return csto_jsonld_end(base_needs_prefix(base) ? base : NULL, doc, out, err);
}

csto_status csto_writer_write(const csto_triples *t, const char *format, const char *base,
                              FILE *out, csto_error *err) {
  int doc = 0;
  csto_status st = csto_writer_write_into(t, format, base, &doc, out, err);
  return st == CSTO_OK ? csto_writer_end(format, base, doc, out, err) : st;
}
