/* The identity of a meeting across articles: who meets and the day (meeting.h). */
#include "csto/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

csto_event_class csto_meeting_class(const csto_doc_event *e, int *from_bodies) {
  csto_event_class cls = CSTO_EVENT_GENERIC;
  for (int k = 0; k < e->n_meets; k++) {
    if (e->meets[k]->type != CSTO_ENTITY_BODY)
      continue;
    if (cls != CSTO_EVENT_SUMMIT)
      cls = e->meets[k]->meeting_class ? e->meets[k]->meeting_class : CSTO_EVENT_MEETING;
  }
  *from_bodies = cls != CSTO_EVENT_GENERIC;
  return *from_bodies ? cls : e->event_class;
}

/* The names of who meets (local names or labels) joined by sep, then tail; NULL when out
 * of memory. */
static char *joined(const csto_doc_event *e, int labels, const char *sep, const char *tail) {
  size_t n = strlen(tail) + 1;
  for (int k = 0; k < e->n_meets; k++)
    n += strlen(labels ? e->meets[k]->label : e->meets[k]->local) + strlen(sep);
  char *s = malloc(n), *p = s;
  for (int k = 0; s && k < e->n_meets; k++)
    p += sprintf(p, "%s%s", k ? sep : "", labels ? e->meets[k]->label : e->meets[k]->local);
  if (s)
    strcpy(p, tail);
  return s;
}

static void day_text(const csto_date *d, char buf[16]) {
  snprintf(buf, 16, "%04d-%02d-%02d", d->year, d->month, d->day);
}

char *csto_meeting_name(const csto_doc_event *e, const csto_date *day) {
  if (!day || !day->day || e->n_meets == 0)
    return NULL;
  int from_bodies;
  csto_event_class cls = csto_meeting_class(e, &from_bodies);
  char tail[64], date[16];
  day_text(day, date);
  snprintf(tail, sizeof tail, "%s%s_%s", from_bodies ? "" : "_",
           from_bodies ? "" : csto_event_class_name(cls), date);
  char *who = joined(e, 0, "-", tail), *name = who ? malloc(strlen(who) + 7) : NULL;
  if (name)
    sprintf(name, "event_%s", who);
  free(who);
  return name;
}

char *csto_meeting_label(const csto_doc_event *e, const csto_date *day) {
  int from_bodies;
  char tail[64], date[16] = "";
  if (day && day->day)
    day_text(day, date);
  snprintf(tail, sizeof tail, "%s%s%s%s", e->n_meets ? " " : "",
           csto_event_class_name(csto_meeting_class(e, &from_bodies)), *date ? ", " : "", date);
  return joined(e, 1, " and ", tail);
}
