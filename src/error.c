#include "csto/error.h"

#include <stdarg.h>
#include <stdio.h>

csto_status csto_error_set(csto_error *err, csto_status st, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    err->status = st;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
  }
  return st;
}

const char *csto_strerror(csto_status st) {
  switch (st) {
  case CSTO_OK: return "success";
  case CSTO_ERR_USAGE: return "bad usage";
  case CSTO_ERR_IO: return "input/output error";
  case CSTO_ERR_INPUT: return "invalid input";
  case CSTO_ERR_DATA: return "broken ontology or knowledge base data";
  case CSTO_ERR_RDF: return "RDF error";
  case CSTO_ERR_QUERY: return "SPARQL query error";
  case CSTO_ERR_STORE: return "store error";
  case CSTO_ERR_HTTP: return "HTTP error";
  case CSTO_ERR_NOMEM: return "out of memory";
  }
  return "unknown error";
}
