/* Internal: the namespaces of the graphs csto-kg writes, and their prefixes. */
#ifndef CSTO_VOCAB_H
#define CSTO_VOCAB_H

#include "csto/kb.h" /* CSTO_NS, CSTO_RES_NS, CSTO_WD_NS */

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define PROV "http://www.w3.org/ns/prov#"
#define SCHEMA "http://schema.org/"

/* prefix, namespace: the prefixes every Turtle, RDF/XML and dot document declares */
#define CSTO_VOCAB_PREFIXES(X)                                                              \
  X("csto", CSTO_NS) X("res", CSTO_RES_NS) X("wd", CSTO_WD_NS) X("rdf", RDF) X("rdfs", RDFS) \
  X("owl", OWL) X("skos", SKOS) X("xsd", XSD) X("nif", NIF) X("prov", PROV)                  \
  X("schema", SCHEMA)

#endif
