/* csto-kg's calendar (see src/include/csto/calendar.h): validating days, counting days, and
 * pinning down "Friday" or "December 26" against the day an article was published.
 *
 * Days are counted from 1970-01-01 with Howard Hinnant's days_from_civil/civil_from_days
 * (http://howardhinnant.github.io/date_algorithms.html), which shift the year to start
 * on March 1 so that the leap day comes last and months have a closed-form length. */
#include "csto/calendar.h"

enum {
  YEAR_MIN = 1,    /* xsd:date has no year 0 */
  YEAR_MAX = 9999, /* four digits, as "YYYY-MM-DD" writes them */
  DAYS_PER_ERA = 146097,         /* 400 Gregorian years: the calendar repeats after them */
  DAYS_0000_03_01_TO_1970 = 719468, /* from the shifted calendar's origin to the epoch */
  EPOCH_WEEKDAY = 3,             /* 1970-01-01 was a Thursday */
  /* "on December 28" in an article of January 2 means last December: a date without a
   * year is taken in the publication's year unless that puts it over a month away on
   * the wrong side (past for a future event, future for a past one). */
  YEARLESS_SLACK_DAYS = 31,
};

static const csto_date none = {0, 0, 0};

static bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

static int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap_year(year) ? 29 : days[month - 1];
}

bool csto_date_valid(csto_date d) {
  return d.year >= YEAR_MIN && d.year <= YEAR_MAX && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

/* Days from 1970-01-01 to y-m-d; any y, m 1-12, d 1-31 (a day past the month's end
 * counts on into the next month). */
static long days_from_civil(int y, int m, int d) {
  long year = y - (m <= 2);
  long era = (year >= 0 ? year : year - 399) / 400;
  long yoe = year - era * 400;                                 /* [0, 399] */
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] from March 1 */
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
  return era * DAYS_PER_ERA + doe - DAYS_0000_03_01_TO_1970;
}

static csto_date civil_from_days(long z) {
  z += DAYS_0000_03_01_TO_1970;
  long era = (z >= 0 ? z : z - (DAYS_PER_ERA - 1)) / DAYS_PER_ERA;
  long doe = z - era * DAYS_PER_ERA;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
  return (csto_date){(int)(yoe + era * 400 + (m <= 2)), m, d};
}

static long days_of(csto_date d) { return days_from_civil(d.year, d.month, d.day); }

csto_date csto_date_add_days(csto_date d, int n) {
  if (!csto_date_valid(d))
    return none;
  long z = days_of(d) + n;
  if (z < days_from_civil(YEAR_MIN, 1, 1) || z > days_from_civil(YEAR_MAX, 12, 31))
    return none;
  return civil_from_days(z);
}

int csto_weekday(csto_date d) {
  long w = (days_of(d) + EPOCH_WEEKDAY) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

static int digits(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool csto_date_from_iso(const char *s, size_t n, csto_date *out) {
  if (n != 10 || s[4] != '-' || s[7] != '-')
    return false;
  csto_date d = {digits(s, 4), digits(s + 5, 2), digits(s + 8, 2)};
  if (!csto_date_valid(d))
    return false;
  *out = d;
  return true;
}

/* The nearest day with the weekday, forward or back; the publication day itself counts. */
static csto_date nearest_weekday(csto_date published, int weekday, int future) {
  int diff = weekday - csto_weekday(published); /* -6 .. 6 */
  if (future)
    return csto_date_add_days(published, (diff + 7) % 7);
  return csto_date_add_days(published, -((7 - diff) % 7));
}

/* month/day in the publication's year, or the year before or after (see
 * YEARLESS_SLACK_DAYS). */
static csto_date near_publication(csto_date published, int month, int day, int future) {
  csto_date d = {published.year, month, day};
  if (!csto_date_valid(d))
    return none;
  long delta = days_of(d) - days_of(published);
  if (future && delta < -YEARLESS_SLACK_DAYS)
    d.year++;
  else if (!future && delta > YEARLESS_SLACK_DAYS)
    d.year--;
  return csto_date_valid(d) ? d : none; /* February 29 in the wrong year */
}

csto_date csto_resolve_date(csto_date published, int year, int month, int day, int weekday,
                            int future) {
  int known = csto_date_valid(published);
  if (weekday >= 0)
    return known ? nearest_weekday(published, weekday, future) : none;
  if (year) {
    csto_date d = {year, month, day};
    return csto_date_valid(d) ? d : none;
  }
  return known ? near_publication(published, month, day, future) : none;
}

int csto_date_compare(csto_date a, csto_date b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  return a.day < b.day ? -1 : a.day > b.day;
}
