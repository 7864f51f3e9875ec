/* What the embedded engine (rasqal 0.9.33) cannot run or answers wrongly, found in the
 * query text before rasqal sees it, and the form of a query, read the same way (for a
 * server that rasqal does not parse for). Lexical checks: keywords and operators inside
 * strings, IRIs and comments are not the query's. Internal to the library. */
#ifndef CSTO_QUERY_CHECK_H
#define CSTO_QUERY_CHECK_H

#include "csto/error.h"
#include "csto/query.h"

/* CSTO_OK, or CSTO_ERR_QUERY with a message naming the construct, why it is refused and
 * what to write instead (or where to run it: csto-kg serve and query --endpoint). */
csto_status csto_query_refuse(const char *sparql, csto_error *err);

/* The form of the query by its first SELECT, ASK, CONSTRUCT or DESCRIBE keyword
 * (CSTO_QUERY_SELECT when none: an update, or text that is no query). */
csto_query_kind csto_query_form(const char *sparql);

#endif
