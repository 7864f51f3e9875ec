#include "csto/graph.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "csto/document.h"
#include "csto/layout.h"
#include "csto/meeting.h"
#include "csto/normalize.h"
#include "triples.h"
#include "vocab.h"
#include "writer.h"

struct csto_graph {
  csto_triples *triples; /* the articles added since the last write */
  char *base;
  uint32_t context; /* the article being added: the graph its triples are in */
  csto_provenance provenance;
  char *scratch; /* where minted IRIs are formatted before they are interned */
  size_t scratch_size;
  int out_of_memory; /* a term or triple could not be added since the last write */
  struct {
    const char *iri;
    uint32_t id;
  } constants[128]; /* the ids of the constant IRIs used since the last write, by address */
  size_t n_constants;
  int document; /* JSON-LD: where the run's document stands (csto_writer_write_into) */
};

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
  if (!g || !(g->base = strdup(base ? base : CSTO_RES_NS)) || !(g->triples = csto_triples_new())) {
    csto_graph_free(g);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  *out = g;
  return CSTO_OK;
}

void csto_graph_set_provenance(csto_graph *g, csto_provenance provenance) {
  g->provenance = provenance;
}

int csto_provenance_from_name(const char *name) {
  static const char *const names[] = {"full", "compact", "none"};
  for (int i = 0; i < (int)(sizeof names / sizeof *names); i++)
    if (strcmp(name, names[i]) == 0)
      return i;
  return -1;
}

void csto_graph_free(csto_graph *g) {
  if (!g)
    return;
  csto_triples_free(g->triples);
  free(g->base);
  free(g->scratch);
  free(g);
}

/* ---- terms and triples ------------------------------------------------------------------ */

static uint32_t checked(csto_graph *g, uint32_t id) {
  if (!id)
    g->out_of_memory = 1;
  return id;
}

static uint32_t iri(csto_graph *g, const char *text) {
  return checked(g, csto_triples_iri(g->triples, text, strlen(text)));
}

/* The scratch with room for size bytes; NULL when out of memory. */
static char *scratch(csto_graph *g, size_t size) {
  if (g->scratch_size < size) {
    char *grown = realloc(g->scratch, size);
    if (!grown)
      return NULL;
    g->scratch = grown;
    g->scratch_size = size;
  }
  return g->scratch;
}

/* base + formatted local name, interned */
static uint32_t minted(csto_graph *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static uint32_t minted(csto_graph *g, const char *fmt, ...) {
  size_t bl = strlen(g->base);
  size_t room = g->scratch_size > bl + 128 ? g->scratch_size - bl : 128;
  for (;;) { /* formatted once, twice when the scratch must grow */
    char *s = scratch(g, bl + room);
    if (!s)
      return checked(g, 0);
    memcpy(s, g->base, bl);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(s + bl, room, fmt, ap);
    va_end(ap);
    if (n < 0)
      return checked(g, 0);
    if ((size_t)n < room)
      return checked(g, csto_triples_iri(g->triples, s, bl + (size_t)n));
    room = (size_t)n + 1;
  }
}

/* n in decimal, written to end at end (no NUL); returns where it starts. */
static char *decimal(size_t n, char *end) {
  do
    *--end = (char)('0' + n % 10);
  while (n /= 10);
  return end;
}

/* The text of a term of the graph; valid until the next term is made. */
static const char *text_of(const csto_graph *g, uint32_t id) {
  return csto_triples_term(g->triples, id).text;
}

/* Predicates and classes are the builder's string constants: each one's id is kept by its
 * address, so that adding a triple hashes no predicate text, nor a class for each node. */
static uint32_t constant(csto_graph *g, const char *text) {
  const size_t size = sizeof g->constants / sizeof g->constants[0];
  size_t i = ((uintptr_t)text >> 4) % size;
  while (g->constants[i].iri && g->constants[i].iri != text)
    i = (i + 1) % size;
  if (g->constants[i].iri)
    return g->constants[i].id;
  uint32_t id = iri(g, text);
  if (id && g->n_constants < size / 2) { /* a half-empty table keeps probes short */
    g->constants[i].iri = text;
    g->constants[i].id = id;
    g->n_constants++;
  }
  return id;
}

/* Add (s, p, o) to the article's graph, once; p is a string constant. */
static void add(csto_graph *g, uint32_t s, const char *p, uint32_t o) {
  uint32_t pid = constant(g, p);
  if (s && pid && o && csto_triples_add(g->triples, s, pid, o, g->context) != 0)
    g->out_of_memory = 1;
}

static void add_iri(csto_graph *g, uint32_t s, const char *p, const char *o) { add(g, s, p, iri(g, o)); }

/* The same where o too is a string constant (a class). */
static void add_const(csto_graph *g, uint32_t s, const char *p, const char *o) {
  add(g, s, p, constant(g, o));
}

/* Every plain literal of the graph is made here, from text every format can carry. */
static uint32_t text_literal(csto_graph *g, const char *text, size_t len, const char *lang) {
  if (csto_text_rdf_ready(text, len))
    return checked(g, csto_triples_literal(g->triples, text, len, NULL, lang));
  char *clean = csto_text_for_rdf(text, len);
  uint32_t id = clean ? csto_triples_literal(g->triples, clean, strlen(clean), NULL, lang) : 0;
  free(clean);
  return checked(g, id);
}

static void add_text(csto_graph *g, uint32_t s, const char *p, const char *text, const char *lang) {
  add(g, s, p, text_literal(g, text, strlen(text), lang));
}

static uint32_t typed(csto_graph *g, const char *text, const char *type) {
  return checked(g, csto_triples_literal(g->triples, text, strlen(text), type, NULL));
}

/* Counts are many (two for each sentence cited): written without printf. */
static void add_count(csto_graph *g, uint32_t s, const char *p, size_t n) {
  char buf[24], *end = buf + sizeof buf, *digits = decimal(n, end);
  uint32_t id = csto_triples_literal(g->triples, digits, (size_t)(end - digits),
                                     XSD "nonNegativeInteger", NULL);
  add(g, s, p, checked(g, id));
}

static void date_text(csto_date d, char buf[16]) {
  snprintf(buf, 16, "%04d-%02d-%02d", d.year, d.month, d.day); /* the calendar keeps 1-9999 */
}

/* ---- the article -------------------------------------------------------------------------- */

/* FNV-1a with 128 bits (the offset basis and prime of the FNV specification): among a
 * billion articles, two share a hash with a chance of about 1e-21. h[0] holds the high
 * 64 bits. */
static void fnv1a_128(const char *s, size_t n, uint64_t h[2]) {
  uint64_t hi = 0x6c62272e07bb0142ULL, lo = 0x62b821756295c58dULL;
  for (size_t i = 0; i < n; i++) {
    lo ^= (unsigned char)s[i];
    /* times the prime 2^88 + 0x13B, modulo 2^128, in 64-bit words */
    uint64_t low = (lo & 0xFFFFFFFFu) * 0x13B, high = (lo >> 32) * 0x13B;
    uint64_t next_lo = low + (high << 32);
    hi = hi * 0x13B + (high >> 32) + (next_lo < low) + (lo << 24);
    lo = next_lo;
  }
  h[0] = hi;
  h[1] = lo;
}

/* Whether a code point may stand in an IRI as it is (RFC 3987's ucschar). */
static int iri_ucschar(int32_t c) {
  if (c < 0x10000)
    return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
           (c >= 0xFDF0 && c <= 0xFFEF);
  return c <= 0xEFFFD && (c & 0xFFFF) <= 0xFFFD && (c < 0xE0000 || c >= 0xE1000);
}

/* The id as a local name: letters, digits, "-", "." and "~" and the code points an IRI
 * allows stay; every other byte is percent-encoded ("_" too, which separates the names
 * derived from the article's, and "%", so that two ids never give one name). */
static char *id_local_name(const char *id) {
  size_t n = strlen(id);
  char *out = malloc(3 * n + 1), *p = out;
  for (size_t i = 0; out && i < n;) {
    utf8proc_int32_t c = (unsigned char)id[i];
    utf8proc_ssize_t len = 1;
    if (c >= 0x80)
      len = utf8proc_iterate((const utf8proc_uint8_t *)id + i, (utf8proc_ssize_t)(n - i), &c);
    int keep = len <= 0 ? 0 /* not UTF-8 (the reader lets none through): encoded */
               : c < 0x80 ? isalnum(c) || (c && strchr("-.~", c))
                          : iri_ucschar(c);
    for (utf8proc_ssize_t k = 0; k < (len > 0 ? len : 1); k++, i++) {
      if (keep)
        *p++ = id[i];
      else
        p += sprintf(p, "%%%02X", (unsigned char)id[i]);
    }
  }
  if (p)
    *p = '\0';
  return out;
}

char *csto_article_iri(const char *base, const csto_article *a) {
  char *local;
  if (a->id && *a->id) {
    local = id_local_name(a->id);
  } else {
    const char *key = a->url ? a->url : a->body;
    uint64_t h[2];
    fnv1a_128(key, a->url ? strlen(a->url) : a->body_len, h);
    if ((local = malloc(33)))
      snprintf(local, 33, "%016llx%016llx", (unsigned long long)h[0], (unsigned long long)h[1]);
  }
  size_t n = strlen(base) + strlen(CSTO_IRI_ARTICLE) + (local ? strlen(local) : 0) + 1;
  char *s = local ? malloc(n) : NULL;
  if (s)
    snprintf(s, n, "%s" CSTO_IRI_ARTICLE "%s", base, local);
  free(local);
  return s;
}

typedef struct {
  csto_graph *g;
  const csto_doc *doc;
  char *article_text; /* the article's IRI */
  const char *id;     /* its local name */
  uint32_t article, activity;
  uint32_t *entity_iris; /* per doc entity, 0 until used */
  uint32_t *event_iris;
  csto_meeting_facts *event_facts; /* per event, its date and place facts */
  const csto_mention **event_phrases; /* per event, its longest noun phrase or NULL */
  uint32_t *sentence_iris; /* per sentence, 0 until a fact cites it */
  size_t *sentence_cp;     /* per sentence, code points before it (one pass over the body) */
  uint32_t context;        /* the nif:Context of the body */
  size_t statements;
} builder;

/* A URL from the input as an IRI: characters an IRI may not hold (space, quotes, angle
 * brackets, controls) are percent-encoded, so that every parser reads it back. */
static uint32_t url_iri(csto_graph *g, const char *url) {
  size_t n = strlen(url);
  char *clean = malloc(3 * n + 1), *p = clean;
  if (!clean)
    return checked(g, 0);
  for (const unsigned char *u = (const unsigned char *)url; *u; u++) {
    if (csto_iri_char_forbidden(*u))
      p += sprintf(p, "%%%02X", *u);
    else
      *p++ = (char)*u;
  }
  *p = '\0';
  uint32_t id = iri(g, clean);
  free(clean);
  return id;
}

static void article_node(builder *b) {
  csto_graph *g = b->g;
  const csto_article *a = b->doc->article;
  char date[16];
  add_const(g, b->article, RDF "type", CSTO_NS "Article");
  add_const(g, b->article, RDF "type", SCHEMA "NewsArticle");
  add_const(g, b->article, RDF "type", PROV "Entity");
  if (a->url)
    add(g, b->article, SCHEMA "url", url_iri(g, a->url));
  if (a->date.year) {
    date_text(a->date, date);
    add(g, b->article, SCHEMA "datePublished", typed(g, date, XSD "date"));
  }
  if (a->outlet)
    add_text(g, b->article, SCHEMA "publisher", a->outlet, NULL);
  if (a->title)
    add_text(g, b->article, SCHEMA "headline", a->title, "en");
  if (g->provenance == CSTO_PROVENANCE_NONE)
    return;
  size_t n = csto_utf8_codepoints(a->body, a->body_len);
  uint32_t ctx = b->context = minted(g, "%s_char_0_%zu", b->id, n);
  add_const(g, ctx, RDF "type", NIF "Context");
  add_text(g, ctx, NIF "isString", a->body, NULL);
  add_count(g, ctx, NIF "beginIndex", 0);
  add_count(g, ctx, NIF "endIndex", n);
  if (a->url)
    add(g, ctx, NIF "sourceUrl", url_iri(g, a->url));
  add(g, ctx, PROV "wasDerivedFrom", b->article);
  uint32_t agent = minted(g, "csto-kg_%s", CSTO_VERSION);
  b->activity = minted(g, CSTO_IRI_EXTRACTION "%s", b->id + strlen(CSTO_IRI_ARTICLE));
  add_const(g, b->activity, RDF "type", PROV "Activity");
  add(g, b->activity, PROV "used", b->article);
  add(g, b->activity, PROV "wasAssociatedWith", agent);
  add_const(g, agent, RDF "type", PROV "SoftwareAgent");
  add_text(g, agent, RDFS "label", "csto-kg " CSTO_VERSION, "en");
}

/* Code points before each sentence, counted in one pass over the body. */
static size_t *sentence_offsets(const csto_doc *doc) {
  size_t *cp = malloc((doc->n_sentences + 1) * sizeof *cp);
  csto_utf8_cursor at = {0, 0};
  for (size_t s = 0; cp && s < doc->n_sentences; s++)
    cp[s] = csto_utf8_advance(&at, doc->article->body, doc->sentences[s].begin);
  return cp;
}

/* The sentence node (NIF offsets in code points of the body), made once. */
static uint32_t sentence_node(builder *b, size_t s) {
  const csto_doc *doc = b->doc;
  const csto_sentence *sen = &doc->sentences[s];
  if (b->sentence_iris[s])
    return b->sentence_iris[s];
  size_t begin = b->sentence_cp[s];
  size_t end = begin + csto_utf8_codepoints(doc->article->body + sen->begin, sen->end - sen->begin);
  uint32_t node = minted(b->g, "%s_char_%zu_%zu", b->id, begin, end);
  if (node) {
    add_const(b->g, node, RDF "type", NIF "Sentence");
    add(b->g, node, NIF "referenceContext", b->context);
    add_count(b->g, node, NIF "beginIndex", begin);
    add_count(b->g, node, NIF "endIndex", end);
    if (b->g->provenance == CSTO_PROVENANCE_FULL)
      add(b->g, node, NIF "anchorOf",
          text_literal(b->g, doc->article->body + sen->begin, sen->end - sen->begin, NULL));
  }
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

static uint32_t entity(builder *b, int i) {
  if (b->entity_iris[i])
    return b->entity_iris[i];
  const csto_doc_entity *e = &b->doc->entities[i];
  uint32_t node = e->kb ? iri(b->g, e->kb->iri) : minted(b->g, "%s", e->local);
  if (!node)
    return 0;
  const char *super, *cls = entity_classes(e->type, &super);
  add_const(b->g, node, RDF "type", cls);
  if (super)
    add_const(b->g, node, RDF "type", super);
  add_text(b->g, node, RDFS "label", e->label, "en");
  for (size_t k = 0; k < e->n_aliases; k++)
    add_text(b->g, node, SKOS "altLabel", e->aliases[k], "en");
  if (e->kb && e->kb->wikidata)
    add_iri(b->g, node, OWL "sameAs", e->kb->wikidata);
  return b->entity_iris[i] = node;
}

/* The node of a meeting is shared across articles when who meets and the day are known
 * (meeting.h); else it is the article's own. */
static uint32_t event_iri(builder *b, int i, const csto_date *day) {
  char *name = csto_meeting_name(&b->doc->events[i], day);
  uint32_t node = name ? minted(b->g, "%s", name)
                       : minted(b->g, CSTO_IRI_EVENT "%s_%d", b->id + strlen(CSTO_IRI_ARTICLE), i + 1);
  free(name);
  return node;
}

/* Each event's longest noun phrase, found in one pass over the mentions (NULL where none). */
static const csto_mention **event_phrases(const csto_doc *doc) {
  const csto_mention **best = calloc(doc->n_events + 1, sizeof *best);
  for (size_t k = 0; best && k < doc->n_mentions; k++) {
    const csto_mention *m = &doc->mentions[k];
    int e = doc->links[k].event;
    if (m->kind == CSTO_MENTION_EVENT && m->phrase && e >= 0 && (size_t)e < doc->n_events &&
        (!best[e] || m->end - m->first > best[e]->end - best[e]->first))
      best[e] = m;
  }
  return best;
}

/* The article's own words for the event, its longest noun phrase without "the" or "a"
 * ("SCO summit"): an alternative label, since every article names the meeting its way. */
static void event_phrase(builder *b, uint32_t node, int i) {
  const csto_doc *doc = b->doc;
  const csto_mention *best = b->event_phrases[i];
  if (!best)
    return;
  size_t first = best->first;
  const csto_lex_entry *meant[CSTO_KB_MAX_MEANINGS];
  size_t n = best->end - first > 1
                 ? csto_kb_lookup(doc->kb, doc->tokens[first].norm, meant, CSTO_KB_MAX_MEANINGS)
                 : 0;
  for (size_t j = 0; j < n; j++)
    if (meant[j]->kind == CSTO_LEX_CUE &&
        (meant[j]->value == CSTO_CUE_DEFINITE || meant[j]->value == CSTO_CUE_INDEFINITE)) {
      first++;
      break;
    }
  size_t last = best->end - 1;
  for (size_t t = last; t > first; t--) /* "... Organization (CSTO": not its parenthesis */
    if (strcmp(doc->tokens[t].norm, ")") == 0)
      break;
    else if (strcmp(doc->tokens[t].norm, "(") == 0)
      last = t - 1;
  size_t begin = doc->tokens[first].begin, end = doc->tokens[last].end;
  add(b->g, node, SKOS "altLabel",
      text_literal(b->g, doc->article->body + begin, end - begin, "en"));
}

/* Who meets organizes the meeting, and so does each one's organization. */
static void organizers(builder *b, uint32_t node, const csto_doc_event *e) {
  for (int k = 0; k < e->n_meets; k++) {
    add_iri(b->g, node, CSTO_NS "organizer", e->meets[k]->iri);
    if (e->meets[k]->part_of)
      add_iri(b->g, node, CSTO_NS "organizer", e->meets[k]->part_of->iri);
  }
}

static uint32_t event(builder *b, int i) {
  if (b->event_iris[i])
    return b->event_iris[i];
  const csto_doc_event *e = &b->doc->events[i];
  const csto_date *day = csto_meeting_day(b->doc, i, &b->event_facts[i]);
  uint32_t node = event_iri(b, i, day);
  char *label = csto_meeting_label(e, day);
  if (!node || !label) {
    free(label);
    return checked(b->g, 0);
  }
  int from_bodies;
  char class_iri[128];
  snprintf(class_iri, sizeof class_iri, "%s%s", CSTO_NS,
           csto_event_class_name(csto_meeting_class(e, &from_bodies)));
  add_const(b->g, node, RDF "type", CSTO_NS "Event");
  add_iri(b->g, node, RDF "type", class_iri);
  add_text(b->g, node, RDFS "label", label, "en");
  free(label);
  event_phrase(b, node, i);
  organizers(b, node, e);
  return b->event_iris[i] = node;
}

/* ---- facts ---------------------------------------------------------------------------------- */

static const char *mode_iri(csto_mode m) {
  return m == CSTO_MODE_IN_PERSON ? CSTO_NS "InPerson"
         : m == CSTO_MODE_REMOTE  ? CSTO_NS "Remote"
                                  : CSTO_NS "UnspecifiedMode";
}

/* The node of the article's next statement: what minted would make of CSTO_IRI_STATEMENT
 * "%s_%zu" with the article's name and the count, made without printf, as every fact has one. */
static uint32_t statement_node(builder *b) {
  csto_graph *g = b->g;
  const char *name = b->id + strlen(CSTO_IRI_ARTICLE);
  char count[24], *end = count + sizeof count, *digits = decimal(++b->statements, end);
  size_t bl = strlen(g->base), nl = strlen(name), dl = (size_t)(end - digits);
  size_t sl = strlen(CSTO_IRI_STATEMENT);
  char *s = scratch(g, bl + sl + nl + 1 + dl);
  if (!s)
    return checked(g, 0);
  memcpy(s, g->base, bl);
  memcpy(s + bl, CSTO_IRI_STATEMENT, sl);
  memcpy(s + bl + sl, name, nl);
  s[bl + sl + nl] = '_';
  memcpy(s + bl + sl + nl + 1, digits, dl);
  return checked(g, csto_triples_iri(g->triples, s, bl + sl + nl + 1 + dl));
}

/* The statement node: which triple, from which sentence, by which rule and extraction. */
static void provenance(builder *b, uint32_t s, const char *p, uint32_t o, const csto_evidence *ev) {
  csto_graph *g = b->g;
  int full = g->provenance == CSTO_PROVENANCE_FULL;
  if (g->provenance == CSTO_PROVENANCE_NONE)
    return;
  uint32_t node = statement_node(b);
  uint32_t evidence = sentence_node(b, ev->sentence);
  if (!node || !evidence)
    return;
  if (full)
    add_const(g, node, RDF "type", RDF "Statement");
  add(g, node, RDF "subject", s);
  add_const(g, node, RDF "predicate", p);
  add(g, node, RDF "object", o);
  add(g, node, CSTO_NS "evidence", evidence);
  add_text(g, node, CSTO_NS "extractionRule", csto_rule_name(ev->rule), NULL);
  if (full) {
    add(g, node, PROV "wasDerivedFrom", b->article);
    add(g, node, PROV "wasGeneratedBy", b->activity);
  }
}

static void fact_triple(builder *b, uint32_t s, const char *p, uint32_t o, const csto_evidence *ev) {
  if (!s || !o)
    return;
  add(b->g, s, p, o);
  provenance(b, s, p, o, ev);
}

static void attendance(builder *b, uint32_t agent, uint32_t ev, const csto_fact *f) {
  const char *a = text_of(b->g, agent), *e = text_of(b->g, ev);
  const char *al = strrchr(a, '/'), *el = strrchr(e, '/');
  uint32_t node = minted(b->g, "attendance_%s__%s", el ? el + 1 : e, al ? al + 1 : a);
  if (!node)
    return;
  add_const(b->g, node, RDF "type", CSTO_NS "Attendance");
  add(b->g, node, CSTO_NS "attendee", agent);
  add(b->g, node, CSTO_NS "event", ev);
  /* The mode's statement cites what gave the mode; an unspecified one, the attendance's. */
  const csto_evidence *said = f->mode_evidence.rule ? &f->mode_evidence : &f->evidence;
  fact_triple(b, node, CSTO_NS "mode", constant(b->g, mode_iri(f->mode)), said);
}

static void position(builder *b, uint32_t person, const csto_fact *f) {
  const csto_doc_entity *scope = &b->doc->entities[f->object];
  uint32_t scope_iri = entity(b, f->object);
  uint32_t post = minted(b->g, "post_%s_%s", csto_role_name(f->role), scope->local);
  char label[512], role[128];
  if (post && scope_iri) {
    snprintf(label, sizeof label, "%s of %s", csto_role_title(f->role), scope->label);
    snprintf(role, sizeof role, "%s%s", CSTO_NS, csto_role_name(f->role));
    add_const(b->g, post, RDF "type", CSTO_NS "Post");
    add_text(b->g, post, RDFS "label", label, "en");
    add_iri(b->g, post, CSTO_NS "role", role);
    add(b->g, post, CSTO_NS "postIn", scope_iri);
    fact_triple(b, person, CSTO_NS "holdsPosition", post, &f->evidence);
  }
}

static void date_facts(builder *b, const csto_fact *f) {
  char date[16];
  int span = f->date_end.year != 0; /* one day: csto:date; a span: csto:startDate and csto:endDate */
  uint32_t ev = event(b, f->subject);
  date_text(f->date, date);
  fact_triple(b, ev, span ? CSTO_NS "startDate" : CSTO_NS "date", typed(b->g, date, XSD "date"),
              &f->evidence);
  if (span) {
    date_text(f->date_end, date);
    fact_triple(b, ev, CSTO_NS "endDate", typed(b->g, date, XSD "date"), &f->evidence);
  }
}

static void add_fact(builder *b, const csto_fact *f) {
  switch (f->kind) {
  case CSTO_FACT_CHAIRS:
    fact_triple(b, entity(b, f->subject), CSTO_NS "chairs", event(b, f->object), &f->evidence);
    break;
  case CSTO_FACT_ATTENDS: {
    uint32_t agent = entity(b, f->subject), ev = event(b, f->object);
    if (!agent || !ev)
      break;
    fact_triple(b, agent, CSTO_NS "attends", ev, &f->evidence);
    attendance(b, agent, ev, f);
    break;
  }
  case CSTO_FACT_MEMBER_OF:
    fact_triple(b, entity(b, f->subject), CSTO_NS "memberOf", entity(b, f->object), &f->evidence);
    break;
  case CSTO_FACT_HELD_IN:
    fact_triple(b, event(b, f->subject), CSTO_NS "heldIn", entity(b, f->object), &f->evidence);
    break;
  case CSTO_FACT_DATE:
    date_facts(b, f);
    break;
  case CSTO_FACT_HOLDS_POSITION: {
    uint32_t person = entity(b, f->subject);
    if (person)
      position(b, person, f);
    break;
  }
  }
}

csto_status csto_graph_add_doc(csto_graph *g, const csto_doc *doc, csto_error *err) {
  builder b = {.g = g,
               .doc = doc,
               .article_text = csto_article_iri(g->base, doc->article),
               .entity_iris = calloc(doc->n_entities + 1, sizeof(uint32_t)),
               .event_iris = calloc(doc->n_events + 1, sizeof(uint32_t)),
               .event_facts = csto_meeting_facts_of(doc),
               .event_phrases = event_phrases(doc),
               .sentence_iris = calloc(doc->n_sentences + 1, sizeof(uint32_t)),
               .sentence_cp = sentence_offsets(doc)};
  csto_status st = CSTO_OK;
  if (!b.article_text || !b.entity_iris || !b.event_iris || !b.event_facts ||
      !b.event_phrases || !b.sentence_iris || !b.sentence_cp) {
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  } else {
    b.id = b.article_text + strlen(g->base);
    g->context = b.article = iri(g, b.article_text);
    article_node(&b);
    for (size_t i = 0; i < doc->n_facts; i++)
      add_fact(&b, &doc->facts[i]);
    if (g->out_of_memory)
      st = csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", doc->article->source);
  }
  free(b.entity_iris);
  free(b.event_iris);
  free(b.event_facts);
  free(b.event_phrases);
  free(b.sentence_iris);
  free(b.sentence_cp);
  free(b.article_text);
  return st;
}

/* ---- writing -------------------------------------------------------------------------------- */

int csto_graph_format_known(const char *format) { return csto_writer_format_known(format); }

const char *csto_graph_format_names(void) { return csto_writer_format_names(); }

/* Every format libcsto writes streams; one it does not know (libcsto-store's RDF/XML, RDF/JSON
 * and dot) is one document. */
int csto_graph_format_streams(const char *format) { return csto_writer_format_known(format); }

/* Forget what was added, so that the next article starts afresh and memory stays bounded. */
static void empty(csto_graph *g) {
  csto_triples_clear(g->triples);
  memset(g->constants, 0, sizeof g->constants);
  g->n_constants = 0;
  g->context = 0;
  g->out_of_memory = 0;
}

void csto_graph_clear(csto_graph *g) { empty(g); }

csto_status csto_graph_write(csto_graph *g, const char *format, FILE *out, csto_error *err) {
  csto_status st = csto_writer_write_into(g->triples, format, g->base, &g->document, out, err);
  if (st == CSTO_OK && ferror(out))
    st = csto_error_set(err, CSTO_ERR_IO, "cannot write %s", format);
  empty(g);
  return st;
}

csto_status csto_graph_finish(csto_graph *g, const char *format, FILE *out, csto_error *err) {
  csto_status st = csto_writer_end(format, g->base, g->document, out, err);
  g->document = 0;
  if (st == CSTO_OK && ferror(out))
    st = csto_error_set(err, CSTO_ERR_IO, "cannot write %s", format);
  return st;
}

/* ---- the triples, for writers outside libcsto ---------------------------------------------- */

const char *csto_graph_base(const csto_graph *g) { return g->base; }

size_t csto_graph_term_count(const csto_graph *g) { return csto_triples_terms(g->triples); }

static csto_graph_term public_term(const csto_graph *g, uint32_t id) {
  csto_term t = csto_triples_term(g->triples, id);
  return (csto_graph_term){id, t.kind == CSTO_TERM_LITERAL, t.text, t.len, t.datatype, t.lang};
}

csto_status csto_graph_each_triple(const csto_graph *g, csto_graph_triple_fn fn, void *user,
                                   csto_error *err) {
  size_t *order = csto_triples_order(g->triples);
  csto_status st = order ? CSTO_OK : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  for (size_t i = 0; st == CSTO_OK && i < csto_triples_count(g->triples); i++) {
    const csto_triple *x = csto_triples_at(g->triples, order[i]);
    csto_graph_term s = public_term(g, x->s), p = public_term(g, x->p),
                    o = public_term(g, x->o), c = {0};
    if (x->g)
      c = public_term(g, x->g);
    st = fn(user, &s, &p, &o, x->g ? &c : NULL, err);
  }
  free(order);
  return st;
}
