/* csto-kg, libcsto-store: knowledge-base files as RDF (what `csto-kg kb` works on).
 *
 * A csto_kbfile is an in-memory RDF graph (librdf, storage "hashes" with
 * hash-type='memory') into which Turtle or N-Triples files are loaded. It can count what the
 * knowledge base holds (the .ttl files in ontology/kb; schema in docs/ARCHITECTURE.md), convert a
 * Wikidata extract into that schema, and write itself back as Turtle.
 *
 * The extractor's own lexicon is built by kb.h; this module only reads and writes the
 * files. Every function reports failures through csto_error and never prints.
 *
 * Each csto_kbfile has a librdf world of its own (not the csto_world of the store and
 * queries): it may be open beside a csto_world, its stores and datasets, made before or
 * after them. Where the files are, csto_kbfile_data_dir, is libcsto's (csto/pipeline.h). */
#ifndef CSTO_KBFILE_H
#define CSTO_KBFILE_H

#include <stddef.h>

#include "csto/api.h"
#include "csto/error.h"

#define CSTO_KBFILE_NS_CSTO "https://w3id.org/csto-kg/ontology#"
#define CSTO_KBFILE_NS_RES "https://w3id.org/csto-kg/resource/"
#define CSTO_KBFILE_NS_WD "http://www.wikidata.org/entity/"
#define CSTO_KBFILE_NS_WDT "http://www.wikidata.org/prop/direct/"

typedef struct csto_kbfile csto_kbfile;

/* The entity classes of the knowledge base, in the order stats report them. */
typedef enum {
  CSTO_KBFILE_COUNTRY,
  CSTO_KBFILE_CITY,
  CSTO_KBFILE_INTERNATIONAL_ORGANIZATION,
  CSTO_KBFILE_ORGANIZATION_BODY,
  CSTO_KBFILE_GOVERNMENT_BODY,
  CSTO_KBFILE_PERSON,
  CSTO_KBFILE_TYPE_COUNT
} csto_kbfile_type;

/* The local name of a class in the csto: namespace ("Country"); static. */
CSTO_API const char *csto_kbfile_type_name(csto_kbfile_type type);

typedef struct {
  size_t triples;
  size_t entities;                         /* subjects with one of the entity classes */
  size_t by_type[CSTO_KBFILE_TYPE_COUNT];  /* an entity with two classes counts in both */
  size_t with_sameas;                      /* entities with at least one owl:sameAs */
  size_t without_sameas;
  size_t post_holdings;                    /* subjects typed csto:PostHolding */
  size_t memberships;                      /* subjects typed csto:Membership */
  size_t meetings;                         /* subjects typed csto:Event (sessions): not entities,
                                              so outside entities and the owl:sameAs counts */
  size_t meetings_with_sameas;             /* of those, with at least one owl:sameAs */
  size_t labels_en;                        /* rdfs:label "..."@en on entities */
  size_t labels_ru;                        /* rdfs:label "..."@ru on entities */
  size_t alt_labels;                       /* skos:altLabel on entities */
  size_t entities_without_en_label;        /* should be 0 */
  size_t entities_with_several_en_labels;  /* should be 0 */
} csto_kbfile_stats;

typedef struct {
  size_t items;      /* distinct wd:Q... subjects in the extract */
  size_t imported;   /* items converted (they have an English label) */
  size_t skipped;    /* items without an English label, left out */
  size_t reused;     /* items whose wd id the known knowledge base already links to an IRI */
  size_t typed;      /* imported items that got an rdf:type from wdt:P31 */
  size_t holdings;   /* csto:PostHolding nodes made from dated p:P39 statements */
  size_t added;      /* triples that the target did not hold before */
} csto_kbfile_import_report;

/* A new, empty graph. On success *out is owned by the caller (csto_kbfile_free). */
CSTO_API csto_status csto_kbfile_new(csto_kbfile **out, csto_error *err);

/* Free kb and its librdf world. NULL is a no-op. */
CSTO_API void csto_kbfile_free(csto_kbfile *kb);

/* Parse one file into kb: N-Triples when the name ends in ".nt", Turtle otherwise.
 * Errors name the file and line (CSTO_ERR_DATA) or the system error (CSTO_ERR_IO). After a
 * parse error kb may hold part of the file: discard it. */
CSTO_API csto_status csto_kbfile_load(csto_kbfile *kb, const char *path, csto_error *err);

/* Load every "*.ttl" directly in dir, in name order; *files (may be NULL) gets how many.
 * A directory without any is not an error (*files is 0). */
CSTO_API csto_status csto_kbfile_load_dir(csto_kbfile *kb, const char *dir, size_t *files,
                                          csto_error *err);

/* Number of triples in kb. */
CSTO_API size_t csto_kbfile_size(csto_kbfile *kb);

/* Count what kb holds (see csto_kbfile_stats). */
CSTO_API csto_status csto_kbfile_stats_get(csto_kbfile *kb, csto_kbfile_stats *out,
                                           csto_error *err);

/* Whether kb holds the triple <s> <p> <o> with o an IRI, or with o a literal when lang is not
 * NULL ("" for a plain literal). For tests and checks. */
CSTO_API int csto_kbfile_has(csto_kbfile *kb, const char *s, const char *p, const char *o,
                             const char *lang);

/* Convert a Wikidata extract (rdfs:label, skos:altLabel, wdt:P31, wdt:P39 on wd:Q... items)
 * into the knowledge-base schema and add it to target:
 *   res:<slug of the English label> (csto_slug in normalize.h, the same IRI the extractor
 *   mints for that name) with rdfs:label / skos:altLabel (English only),
 *   owl:sameAs the item, rdf:type from P31 (Q5 csto:Person, Q6256 and Q3624078
 *   csto:Country, Q515 and Q5119 csto:City, Q484652 csto:InternationalOrganization; other
 *   classes give no type), csto:positionHeldItem for each P39 item;
 *   a csto:PostHolding res:holding_<holder>_<Role>_<state>_<start day> for each full P39
 *   statement (item p:P39 s; s ps:P39 office, pq:P580 start[, pq:P582 end]) whose office
 *   a state in the extract names as its wdt:P1906 (csto:HeadOfState) or wdt:P1313
 *   (csto:HeadOfGovernment) office, when that state is imported or known and the start
 *   is a day; csto:startDate/csto:endDate are the days of those times.
 * known (may be NULL; may be target) is the knowledge base already in use: an item it links
 * with owl:sameAs keeps that IRI, and a label is written as skos:altLabel when the IRI
 * already has a different English label there or in target. extract is only read.
 * report (may be NULL) is filled in. */
CSTO_API csto_status csto_kbfile_import_wikidata(csto_kbfile *target, csto_kbfile *extract,
                                                 csto_kbfile *known,
                                                 csto_kbfile_import_report *report,
                                                 csto_error *err);

/* Write kb as Turtle (raptor's serializer, with the csto, res, wd, owl, rdfs, skos, xsd
 * prefixes) to path through output.h: a temporary renamed into place, so a failure leaves
 * any existing file untouched. "-" is standard output. */
CSTO_API csto_status csto_kbfile_write(csto_kbfile *kb, const char *path, csto_error *err);

#endif
