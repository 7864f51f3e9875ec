#include "csto/extract.h"

csto_status csto_extract(csto_doc *doc, csto_error *err) {
  (void)err;
  csto_extract_chairs(doc);
  csto_extract_attends(doc);
  csto_extract_membership(doc);
  csto_extract_location(doc);
  csto_extract_dates(doc);
  csto_extract_posts(doc);
  return CSTO_OK;
}
