/* Loading the knowledge base and lexicon from Turtle with librdf, and the gazetteer that
 * maps normalized phrases to what they can mean. */
#include "csto/kb.h"

#include <dirent.h>
#include <librdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/normalize.h"
#include "csto/segmenter.h"
#include "array.h"
#include "strmap.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define SKOS_ALT "http://www.w3.org/2004/02/skos/core#altLabel"
#define OWL_SAME "http://www.w3.org/2002/07/owl#sameAs"

struct csto_kb {
  csto_kb_entity **entities;
  size_t n_entities, cap_entities;
  csto_kb_holding *holdings;
  size_t n_holdings, cap_holdings;
  csto_lex_entry **entries;
  size_t n_entries, cap_entries;
  csto_strmap *by_iri;     /* entity IRI -> entity index */
  csto_strmap *phrases;    /* normalized phrase -> entry index */
  csto_strmap *prefixes;   /* every proper prefix of a phrase -> 0 */
  csto_strmap *surnames;   /* normalized surname -> person entity index */
  size_t max_tokens;
};

/* The ontology's individuals and the lexicon's categories, by local name. */
static const char *const role_names[CSTO_ROLE_COUNT] = {
    NULL, "HeadOfState", "HeadOfGovernment", "ForeignMinister", "DefenceMinister",
    "SecurityCouncilSecretary", "Spokesperson", "SecretaryGeneral", "ExecutiveSecretary", "Chair"};
static const char *const role_titles[CSTO_ROLE_COUNT] = {
    NULL, "Head of State", "Head of Government", "Foreign Minister", "Defence Minister",
    "Security Council Secretary", "Spokesperson", "Secretary General", "Executive Secretary",
    "Chair"};
static const char *const class_names[CSTO_EVENT_CLASS_COUNT] = {
    "Event", "Meeting", "Summit", "Session", "Conference", "Talks", NULL};
static const char *const cue_names[CSTO_CUE_COUNT] = {
    NULL, "ChairPassive", "ChairActive", "AttendActive", "AttendPassive", "Represent", "Host",
    "Arrive", "Meet", "MemberList", "MembersOf", "NonMember", "Negation", "ClauseBreak",
    "Reporting", "EventPredicate", "Capital", "Here", "Next", "Former", "TitleModifier",
    "Honorific", "NameParticle", "Abbreviation", "PronounMale", "PronounFemale", "FemaleTitle",
    "Future", "NotAName", "Of", "Definite", "Indefinite", "PlacePreposition", "Possessive",
    "ListSeparator", "Joint", "Delegation", "Gather", "Relative", "Previous", "Likewise"};

const char *csto_role_name(csto_role role) {
  return role > CSTO_ROLE_NONE && role < CSTO_ROLE_COUNT ? role_names[role] : "Role";
}
const char *csto_role_title(csto_role role) {
  return role > CSTO_ROLE_NONE && role < CSTO_ROLE_COUNT ? role_titles[role] : "Post";
}
const char *csto_event_class_name(csto_event_class cls) {
  return cls < CSTO_EVENT_PLURAL ? class_names[cls] : "Event";
}
int csto_role_is_national(csto_role role) { return role <= CSTO_ROLE_SECURITY_COUNCIL_SECRETARY; }

static int index_of(const char *const *names, int n, const char *local) {
  for (int i = 0; i < n; i++)
    if (names[i] && strcmp(names[i], local) == 0)
      return i;
  return -1;
}

static const char *local_after(const char *iri, const char *ns) {
  size_t n = strlen(ns);
  return strncmp(iri, ns, n) == 0 ? iri + n : NULL;
}

static int add_entry(csto_kb *kb, const char *text, csto_lex_kind kind, int value,
                     const csto_kb_entity *entity) {
  csto_token *toks;
  size_t n;
  if (csto_tokenize(text, strlen(text), &toks, &n, NULL) != CSTO_OK)
    return -1;
  if (n == 0) {
    csto_tokens_free(toks, n);
    return 0;
  }
  char *phrase = csto_tokens_phrase(toks, 0, n);
  int rc = phrase ? 0 : -1;
  for (size_t k = 1; rc == 0 && k < n; k++) { /* proper prefixes, for longest match */
    char *prefix = csto_tokens_phrase(toks, 0, k);
    rc = prefix ? csto_strmap_add(kb->prefixes, prefix, 0) : -1;
    free(prefix);
  }
  csto_tokens_free(toks, n);
  csto_lex_entry *e = rc == 0 ? malloc(sizeof *e) : NULL;
  if (!e || csto_array_reserve((void **)&kb->entries, &kb->cap_entries, kb->n_entries, sizeof e) != 0) {
    free(e);
    free(phrase);
    return -1;
  }
  *e = (csto_lex_entry){kind, value, entity};
  kb->entries[kb->n_entries] = e;
  rc = csto_strmap_add(kb->phrases, phrase, (int)kb->n_entries++);
  free(phrase);
  if (n > kb->max_tokens)
    kb->max_tokens = n;
  return rc;
}

/* ---- reading the Turtle files into one librdf model ---------------------------------- */

typedef struct {
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  char *error; /* first error raptor reported, with its line */
} rdf_session;

static int log_error(void *user, librdf_log_message *msg) {
  rdf_session *s = user;
  if (librdf_log_message_level(msg) < LIBRDF_LOG_ERROR)
    return 1;
  if (!s->error) {
    raptor_locator *loc = librdf_log_message_locator(msg);
    const char *m = librdf_log_message_message(msg);
    int line = loc ? raptor_locator_line(loc) : -1;
    size_t n = strlen(m) + 32;
    if ((s->error = malloc(n)))
      snprintf(s->error, n, "%d: %s", line, m);
  }
  return 1;
}

static csto_status parse_file(rdf_session *s, const char *path, csto_error *err) {
  librdf_parser *parser = librdf_new_parser(s->world, "turtle", NULL, NULL);
  unsigned char *uri_text = raptor_uri_filename_to_uri_string(path);
  librdf_uri *uri = uri_text ? librdf_new_uri(s->world, uri_text) : NULL;
  int rc = parser && uri ? librdf_parser_parse_into_model(parser, uri, uri, s->model) : -1;
  librdf_free_uri(uri);
  raptor_free_memory(uri_text);
  librdf_free_parser(parser);
  if (rc != 0 || s->error) {
    csto_status st = csto_error_set(err, CSTO_ERR_DATA, "%s:%s", path,
                                    s->error ? s->error : " cannot be parsed as Turtle");
    free(s->error);
    s->error = NULL;
    return st;
  }
  return CSTO_OK;
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parse dir/lexicon.ttl, then dir/kb/ *.ttl in name order (so loading is deterministic). */
static csto_status parse_all(rdf_session *s, const char *dir, csto_error *err) {
  char path[4096];
  snprintf(path, sizeof path, "%s/lexicon.ttl", dir);
  csto_status st = parse_file(s, path, err);
  snprintf(path, sizeof path, "%s/kb", dir);
  DIR *d = st == CSTO_OK ? opendir(path) : NULL;
  if (st == CSTO_OK && !d)
    return csto_error_set(err, CSTO_ERR_DATA, "%s: knowledge base folder missing", path);
  char **names = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *e; d && (e = readdir(d));) {
    if (!ends_with(e->d_name, ".ttl"))
      continue;
    if (csto_array_reserve((void **)&names, &cap, n, sizeof *names) != 0 || !(names[n] = strdup(e->d_name)))
      break;
    n++;
  }
  if (d)
    closedir(d);
  if (n)
    qsort(names, n, sizeof *names, compare_strings);
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/kb/%s", dir, names[i]);
    if (st == CSTO_OK)
      st = parse_file(s, path, err);
    free(names[i]);
  }
  free(names);
  return st;
}

/* ---- from triples to entities, holdings and lexicon entries --------------------------- */

typedef void (*triple_fn)(csto_kb *kb, const char *s, librdf_node *o, void *user);

static const char *node_uri(librdf_node *n) {
  return librdf_node_is_resource(n) ? (const char *)librdf_uri_as_string(librdf_node_get_uri(n))
                                    : NULL;
}

typedef struct {
  const char *predicate;
  triple_fn fn;
  void *user;
} handler;

/* One pass over every triple, each handed to the handlers of its predicate. (librdf's
 * hashes storage has no predicate index, so one scan beats one per predicate.) */
static void dispatch(csto_kb *kb, rdf_session *s, const handler *handlers, size_t n) {
  librdf_stream *stream = librdf_model_as_stream(s->model);
  for (; stream && !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *st = librdf_stream_get_object(stream);
    const char *subject = node_uri(librdf_statement_get_subject(st));
    const char *predicate = node_uri(librdf_statement_get_predicate(st));
    for (size_t i = 0; subject && predicate && i < n; i++)
      if (strcmp(predicate, handlers[i].predicate) == 0)
        handlers[i].fn(kb, subject, librdf_statement_get_object(st), handlers[i].user);
  }
  librdf_free_stream(stream);
}

static csto_kb_entity *entity(const csto_kb *kb, const char *iri) {
  const int *v;
  return csto_strmap_get(kb->by_iri, iri, &v) ? kb->entities[v[0]] : NULL;
}

static const struct {
  const char *cls;
  csto_entity_type type;
} entity_classes[] = {
    {CSTO_NS "Person", CSTO_ENTITY_PERSON},
    {CSTO_NS "Country", CSTO_ENTITY_COUNTRY},
    {CSTO_NS "City", CSTO_ENTITY_CITY},
    {CSTO_NS "Venue", CSTO_ENTITY_VENUE},
    {CSTO_NS "InternationalOrganization", CSTO_ENTITY_ORGANIZATION},
    {CSTO_NS "OrganizationBody", CSTO_ENTITY_BODY},
    {CSTO_NS "GovernmentBody", CSTO_ENTITY_GOVBODY},
};

static void on_type(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  int *failed = user;
  const char *cls = node_uri(o);
  for (size_t i = 0; cls && i < sizeof entity_classes / sizeof entity_classes[0]; i++) {
    if (strcmp(cls, entity_classes[i].cls) != 0 || entity(kb, s))
      continue;
    csto_kb_entity *e = calloc(1, sizeof *e);
    if (!e || !(e->iri = strdup(s)) ||
        csto_array_reserve((void **)&kb->entities, &kb->cap_entities, kb->n_entities, sizeof e) != 0 ||
        csto_strmap_add(kb->by_iri, s, (int)kb->n_entities) != 0) {
      if (e)
        free(e->iri);
      free(e);
      *failed = 1;
      return;
    }
    const char *local = local_after(e->iri, CSTO_RES_NS);
    e->local = local ? local : e->iri;
    e->type = entity_classes[i].type;
    kb->entities[kb->n_entities++] = e;
  }
}

static const char *literal(librdf_node *o, const char **lang) {
  if (!librdf_node_is_literal(o))
    return NULL;
  *lang = librdf_node_get_literal_value_language(o);
  return (const char *)librdf_node_get_literal_value(o);
}

static void on_label(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  int *failed = user;
  csto_kb_entity *e = entity(kb, s);
  const char *lang = NULL, *text = literal(o, &lang);
  if (!e || !text)
    return;
  if (lang && strcmp(lang, "en") == 0 && !e->label && !(e->label = strdup(text)))
    *failed = 1;
  if (add_entry(kb, text, CSTO_LEX_ENTITY, 0, e) != 0)
    *failed = 1;
}

static void on_demonym(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  csto_kb_entity *e = entity(kb, s);
  const char *lang, *text = literal(o, &lang);
  if (e && text && add_entry(kb, text, CSTO_LEX_DEMONYM, 0, e) != 0)
    *(int *)user = 1;
}

static void on_same_as(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  csto_kb_entity *e = entity(kb, s);
  const char *iri = node_uri(o);
  if (e && iri && !e->wikidata && local_after(iri, CSTO_WD_NS) && !(e->wikidata = strdup(iri)))
    *(int *)user = 1;
}

enum link { LINK_COUNTRY, LINK_CAPITAL, LINK_PART_OF };

static void on_link(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  const enum link *which = user;
  csto_kb_entity *e = entity(kb, s);
  const char *iri = node_uri(o);
  const csto_kb_entity *target = iri ? entity(kb, iri) : NULL;
  if (!e || !target)
    return;
  if (*which == LINK_COUNTRY)
    e->country = target;
  else if (*which == LINK_CAPITAL)
    e->capital = target;
  else
    e->part_of = target;
}

static void on_meeting_class(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  (void)user;
  csto_kb_entity *e = entity(kb, s);
  const char *iri = node_uri(o), *local = iri ? local_after(iri, CSTO_NS) : NULL;
  int cls = local ? index_of(class_names, CSTO_EVENT_PLURAL, local) : -1;
  if (e && cls > 0)
    e->meeting_class = (csto_event_class)cls;
}

static void on_gender(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  (void)user;
  csto_kb_entity *e = entity(kb, s);
  const char *iri = node_uri(o), *local = iri ? local_after(iri, CSTO_NS) : NULL;
  if (e && local)
    e->gender = strcmp(local, "Female") == 0 ? CSTO_GENDER_FEMALE
                : strcmp(local, "Male") == 0 ? CSTO_GENDER_MALE : CSTO_GENDER_UNKNOWN;
}

/* Lexicon phrases: the subject says what the phrase means. */
typedef struct {
  rdf_session *session;
  int failed;
} phrase_ctx;

static int int_property(rdf_session *s, const char *subject, const char *predicate, int *value) {
  librdf_node *sn = librdf_new_node_from_uri_string(s->world, (const unsigned char *)subject);
  librdf_node *pn = librdf_new_node_from_uri_string(s->world, (const unsigned char *)predicate);
  librdf_node *v = librdf_model_get_target(s->model, sn, pn);
  int ok = v && librdf_node_is_literal(v);
  if (ok)
    *value = atoi((const char *)librdf_node_get_literal_value(v));
  librdf_free_node(v);
  librdf_free_node(sn);
  librdf_free_node(pn);
  return ok;
}

static int lexicon_meaning(rdf_session *s, const char *subject, csto_lex_kind *kind, int *value) {
  const char *local;
  int i;
  if ((local = local_after(subject, CSTO_NS))) {
    if ((i = index_of(role_names, CSTO_ROLE_COUNT, local)) > 0)
      return *kind = CSTO_LEX_ROLE, *value = i, 1;
    if ((i = index_of(class_names, CSTO_EVENT_PLURAL, local)) > 0)
      return *kind = CSTO_LEX_EVENT_NOUN, *value = i, 1;
    if (strcmp(local, "InPerson") == 0 || strcmp(local, "Remote") == 0)
      return *kind = CSTO_LEX_MODE,
             *value = local[0] == 'I' ? CSTO_MODE_IN_PERSON : CSTO_MODE_REMOTE, 1;
    return 0;
  }
  if (!(local = local_after(subject, CSTO_LEX_NS)))
    return 0;
  if (strcmp(local, "GenericEvent") == 0)
    return *kind = CSTO_LEX_EVENT_NOUN, *value = CSTO_EVENT_GENERIC, 1;
  if (strcmp(local, "PluralEvents") == 0)
    return *kind = CSTO_LEX_EVENT_NOUN, *value = CSTO_EVENT_PLURAL, 1;
  if ((i = index_of(cue_names, CSTO_CUE_COUNT, local)) > 0)
    return *kind = CSTO_LEX_CUE, *value = i, 1;
  if (!int_property(s, subject, CSTO_LEX_NS "value", value))
    return 0;
  librdf_node *sn = librdf_new_node_from_uri_string(s->world, (const unsigned char *)subject);
  librdf_node *tn = librdf_new_node_from_uri_string(s->world, (const unsigned char *)RDF_TYPE);
  librdf_node *t = librdf_model_get_target(s->model, sn, tn);
  const char *type = t ? node_uri(t) : NULL, *tl = type ? local_after(type, CSTO_LEX_NS) : NULL;
  int found = 1;
  if (tl && strcmp(tl, "Month") == 0)
    *kind = CSTO_LEX_MONTH;
  else if (tl && strcmp(tl, "Weekday") == 0)
    *kind = CSTO_LEX_WEEKDAY;
  else if (tl && strcmp(tl, "RelativeDay") == 0)
    *kind = CSTO_LEX_RELATIVE_DAY;
  else
    found = 0;
  librdf_free_node(t);
  librdf_free_node(sn);
  librdf_free_node(tn);
  return found;
}

static void on_phrase(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  phrase_ctx *ctx = user;
  const char *lang, *text = literal(o, &lang);
  csto_lex_kind kind;
  int value;
  if (text && lexicon_meaning(ctx->session, s, &kind, &value) &&
      add_entry(kb, text, kind, value, NULL) != 0)
    ctx->failed = 1;
}

/* Post holdings: gather each holding node's fields. */
typedef struct {
  csto_kb *kb;
  csto_strmap *index; /* holding node IRI -> holdings index */
  int failed;
} holding_ctx;

static csto_kb_holding *holding(holding_ctx *h, const char *s) {
  const int *v;
  if (csto_strmap_get(h->index, s, &v))
    return &h->kb->holdings[v[0]];
  csto_kb *kb = h->kb;
  if (csto_array_reserve((void **)&kb->holdings, &kb->cap_holdings, kb->n_holdings, sizeof *kb->holdings) ||
      csto_strmap_add(h->index, s, (int)kb->n_holdings) != 0) {
    h->failed = 1;
    return NULL;
  }
  kb->holdings[kb->n_holdings] = (csto_kb_holding){0};
  return &kb->holdings[kb->n_holdings++];
}

static void on_holder(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  const char *iri = node_uri(o);
  csto_kb_holding *h = iri ? holding(user, s) : NULL;
  if (h)
    h->holder = entity(kb, iri);
}
static void on_role(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  (void)kb;
  const char *iri = node_uri(o), *local = iri ? local_after(iri, CSTO_NS) : NULL;
  int r = local ? index_of(role_names, CSTO_ROLE_COUNT, local) : -1;
  csto_kb_holding *h = r > 0 ? holding(user, s) : NULL;
  if (h)
    h->role = (csto_role)r;
}
static void on_post_in(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  const char *iri = node_uri(o);
  csto_kb_holding *h = iri ? holding(user, s) : NULL;
  if (h)
    h->post_in = entity(kb, iri);
}
static void on_holding_date(csto_kb *kb, const char *s, librdf_node *o, void *user, int end) {
  (void)kb;
  const char *lang, *text = literal(o, &lang);
  holding_ctx *ctx = user;
  const int *v;
  if (!text || !csto_strmap_get(ctx->index, s, &v)) /* only nodes already known as holdings */
    return;
  csto_date d;
  if (csto_date_parse(text, &d, NULL) == CSTO_OK)
    *(end ? &ctx->kb->holdings[v[0]].end : &ctx->kb->holdings[v[0]].start) = d;
}
static void on_start(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  on_holding_date(kb, s, o, user, 0);
}
static void on_end(csto_kb *kb, const char *s, librdf_node *o, void *user) {
  on_holding_date(kb, s, o, user, 1);
}

static int index_surnames(csto_kb *kb) {
  for (size_t i = 0; i < kb->n_entities; i++) {
    const csto_kb_entity *e = kb->entities[i];
    if (e->type != CSTO_ENTITY_PERSON || !e->label)
      continue;
    /* The last word, and the first, which is the surname in Chinese and Korean names;
     * a first name shared by several people is ambiguous and resolves to no one. */
    const char *last = strrchr(e->label, ' '), *space = strchr(e->label, ' ');
    char *surname = csto_normalize(last ? last + 1 : e->label, strlen(last ? last + 1 : e->label));
    char *given = space ? csto_normalize(e->label, (size_t)(space - e->label)) : NULL;
    int rc = surname ? csto_strmap_add(kb->surnames, surname, (int)i) : -1;
    if (rc == 0 && given)
      rc = csto_strmap_add(kb->surnames, given, (int)i);
    free(surname);
    free(given);
    if (rc != 0)
      return -1;
  }
  return 0;
}

static csto_status build(csto_kb *kb, rdf_session *s, csto_error *err) {
  int failed = 0;
  enum link links[] = {LINK_COUNTRY, LINK_CAPITAL, LINK_PART_OF};
  phrase_ctx pc = {s, 0};
  holding_ctx hc = {kb, csto_strmap_new(), 0};
  /* Entities first; then what names and links them (labels before aliases, so that the
   * English rdfs:label is the label); holdings' dates once the holdings exist. */
  const handler types[] = {{RDF_TYPE, on_type, &failed}};
  const handler fields[] = {
      {RDFS_LABEL, on_label, &failed},
      {CSTO_NS "demonym", on_demonym, &failed},
      {OWL_SAME, on_same_as, &failed},
      {CSTO_NS "country", on_link, &links[0]},
      {CSTO_NS "capital", on_link, &links[1]},
      {CSTO_NS "partOf", on_link, &links[2]},
      {CSTO_NS "meetingClass", on_meeting_class, NULL},
      {CSTO_NS "gender", on_gender, NULL},
      {CSTO_LEX_NS "phrase", on_phrase, &pc},
      {CSTO_NS "holder", on_holder, &hc},
      {CSTO_NS "role", on_role, &hc},
      {CSTO_NS "postIn", on_post_in, &hc},
  };
  const handler late[] = {
      {SKOS_ALT, on_label, &failed},
      {CSTO_NS "startDate", on_start, &hc},
      {CSTO_NS "endDate", on_end, &hc},
  };
  if (hc.index) {
    dispatch(kb, s, types, sizeof types / sizeof types[0]);
    dispatch(kb, s, fields, sizeof fields / sizeof fields[0]);
    dispatch(kb, s, late, sizeof late / sizeof late[0]);
  }
  csto_strmap_free(hc.index);
  if (failed || pc.failed || hc.failed || !hc.index || index_surnames(kb) != 0)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while loading the knowledge base");
  for (size_t i = 0; i < kb->n_entities; i++)
    if (!kb->entities[i]->label)
      return csto_error_set(err, CSTO_ERR_DATA, "knowledge base: %s has no English rdfs:label",
                            kb->entities[i]->iri);
  return CSTO_OK;
}

csto_status csto_kb_load(const char *data_dir, csto_kb **out, csto_error *err) {
  csto_kb *kb = calloc(1, sizeof *kb);
  rdf_session s = {0};
  if (!kb || !(kb->by_iri = csto_strmap_new()) || !(kb->phrases = csto_strmap_new()) ||
      !(kb->prefixes = csto_strmap_new()) || !(kb->surnames = csto_strmap_new())) {
    csto_kb_free(kb);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  s.world = librdf_new_world();
  librdf_world_set_logger(s.world, &s, log_error);
  librdf_world_open(s.world);
  s.storage = librdf_new_storage(s.world, "hashes", "kb", "hash-type='memory'");
  s.model = s.storage ? librdf_new_model(s.world, s.storage, NULL) : NULL;
  csto_status st = s.model ? parse_all(&s, data_dir, err)
                           : csto_error_set(err, CSTO_ERR_RDF, "cannot create an RDF model");
  if (st == CSTO_OK)
    st = build(kb, &s, err);
  librdf_free_model(s.model);
  librdf_free_storage(s.storage);
  librdf_free_world(s.world);
  free(s.error);
  if (st != CSTO_OK) {
    csto_kb_free(kb);
    return st;
  }
  *out = kb;
  return CSTO_OK;
}

void csto_kb_free(csto_kb *kb) {
  if (!kb)
    return;
  for (size_t i = 0; i < kb->n_entities; i++) {
    free(kb->entities[i]->iri);
    free(kb->entities[i]->label);
    free(kb->entities[i]->wikidata);
    free(kb->entities[i]);
  }
  for (size_t i = 0; i < kb->n_entries; i++)
    free(kb->entries[i]);
  free(kb->entities);
  free(kb->entries);
  free(kb->holdings);
  csto_strmap_free(kb->by_iri);
  csto_strmap_free(kb->phrases);
  csto_strmap_free(kb->prefixes);
  csto_strmap_free(kb->surnames);
  free(kb);
}

const char *csto_kb_default_dir(void) {
  const char *dir = getenv("CSTO_DATA_DIR");
  return dir && *dir ? dir : CSTO_DEFAULT_DATA_DIR;
}

size_t csto_kb_lookup(const csto_kb *kb, const char *phrase, const csto_lex_entry **out,
                      size_t max) {
  const int *v;
  size_t n = csto_strmap_get(kb->phrases, phrase, &v);
  if (n > max)
    n = max;
  for (size_t i = 0; i < n; i++)
    out[i] = kb->entries[v[i]];
  return n;
}

int csto_kb_has_longer(const csto_kb *kb, const char *phrase) {
  const int *v;
  return csto_strmap_get(kb->prefixes, phrase, &v) > 0;
}

size_t csto_kb_max_phrase_tokens(const csto_kb *kb) { return kb->max_tokens; }

static int date_cmp(csto_date a, csto_date b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  return a.day < b.day ? -1 : a.day > b.day;
}

static int holding_covers(const csto_kb_holding *h, csto_date date) {
  if (date.year == 0)
    return h->end.year == 0; /* no date: the current holder */
  return (h->start.year == 0 || date_cmp(h->start, date) <= 0) &&
         (h->end.year == 0 || date_cmp(date, h->end) < 0);
}

const csto_kb_holding *csto_kb_holder(const csto_kb *kb, csto_role role,
                                      const csto_kb_entity *post_in, csto_date date) {
  for (size_t i = 0; i < kb->n_holdings; i++) {
    const csto_kb_holding *h = &kb->holdings[i];
    if (h->holder && h->role == role && h->post_in == post_in && holding_covers(h, date))
      return h;
  }
  return NULL;
}

const csto_kb_holding *csto_kb_post_of(const csto_kb *kb, const csto_kb_entity *person,
                                       csto_role role, csto_date date) {
  const csto_kb_holding *any = NULL;
  for (size_t i = 0; i < kb->n_holdings; i++) {
    const csto_kb_holding *h = &kb->holdings[i];
    if (h->holder != person || !holding_covers(h, date))
      continue;
    if (role == CSTO_ROLE_NONE || h->role == role)
      return h;
    if (!any)
      any = h;
  }
  return role == CSTO_ROLE_NONE ? any : NULL;
}

const csto_kb_entity *csto_kb_person_by_surname(const csto_kb *kb, const char *surname,
                                                csto_date date) {
  const int *v;
  size_t n = csto_strmap_get(kb->surnames, surname, &v);
  const csto_kb_entity *found = NULL;
  for (size_t i = 0; i < n; i++) {
    const csto_kb_entity *e = kb->entities[v[i]];
    if (!csto_kb_post_of(kb, e, CSTO_ROLE_NONE, date))
      continue;
    if (found && found != e)
      return NULL; /* ambiguous */
    found = e;
  }
  return found;
}
