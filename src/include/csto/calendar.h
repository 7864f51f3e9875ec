/* csto-kg's calendar: every computation on dates, in one place.
 *
 * Dates are days of the proleptic Gregorian calendar with years 1-9999, the years an
 * xsd:date in the output can hold. Every function here returns either such a date or
 * the zero date {0, 0, 0}, which means "unknown" throughout csto-kg. Weekdays count
 * from Monday (0) to Sunday (6), as the lexicon's weekday names do. */
#ifndef CSTO_CALENDAR_H
#define CSTO_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "csto/reader.h" /* csto_date */

/* Whether d is a real day in years 1-9999 ("2021-02-30" is not). */
bool csto_date_valid(csto_date d);

/* Strict "YYYY-MM-DD" in exactly n bytes, naming a valid day; false leaves *out alone. */
bool csto_date_from_iso(const char *s, size_t n, csto_date *out);

/* The day n days after d (before it when n < 0); zero when d is not valid or the sum
 * falls outside years 1-9999. */
csto_date csto_date_add_days(csto_date d, int n);

/* -1, 0 or 1 as a is before, the same day as, or after b (field by field, so zero dates
 * come first). */
int csto_date_compare(csto_date a, csto_date b);

/* The weekday of a valid date, 0 (Monday) to 6 (Sunday). */
int csto_weekday(csto_date d);

/* Resolve a date mention's parts against the publication date: day/month/year of which
 * year may be 0 (then chosen near the publication date, forward when future is set);
 * weekday 0-6 or -1 (then the nearest such day, the publication day itself included,
 * forward or back). Returns a zero date when it cannot be pinned down. */
csto_date csto_resolve_date(csto_date published, int year, int month, int day, int weekday,
                            int future);

#endif
