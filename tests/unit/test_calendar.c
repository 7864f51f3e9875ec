#include "support.h"

#include "csto/calendar.h"

/* Compare as text, so that a failure shows both dates whole. */
static void assert_date(csto_date got, const char *want) {
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", got.year, got.month, got.day);
  assert_string_equal(buf, want);
}

static csto_date iso(const char *s) {
  csto_date d = {0, 0, 0};
  if (!csto_date_from_iso(s, strlen(s), &d))
    fail_msg("not a date: %s", s);
  return d;
}

static void leap_years_follow_the_gregorian_rule(void **state) {
  (void)state;
  assert_true(csto_date_valid((csto_date){2024, 2, 29}));
  assert_true(csto_date_valid((csto_date){2000, 2, 29}));  /* divisible by 400 */
  assert_false(csto_date_valid((csto_date){1900, 2, 29})); /* by 100 only */
  assert_false(csto_date_valid((csto_date){2023, 2, 29}));
  assert_date(csto_date_add_days(iso("2024-02-28"), 1), "2024-02-29");
  assert_date(csto_date_add_days(iso("2023-02-28"), 1), "2023-03-01");
  assert_date(csto_date_add_days(iso("2100-02-28"), 1), "2100-03-01");
}

static void impossible_days_are_rejected(void **state) {
  (void)state;
  csto_date d = {1, 2, 3};
  assert_false(csto_date_valid((csto_date){2021, 2, 30}));
  assert_false(csto_date_valid((csto_date){2021, 4, 31}));
  assert_false(csto_date_valid((csto_date){2021, 13, 1}));
  assert_false(csto_date_valid((csto_date){2021, 0, 1}));
  assert_false(csto_date_valid((csto_date){2021, 1, 0}));
  assert_false(csto_date_valid((csto_date){0, 1, 1})); /* xsd:date has no year 0 */
  assert_false(csto_date_from_iso("2021-02-30", 10, &d));
  assert_false(csto_date_from_iso("2021-9-15", 9, &d));
  assert_false(csto_date_from_iso("2021/09/15", 10, &d));
  assert_false(csto_date_from_iso("2021-09-1x", 10, &d));
  assert_date(d, "0001-02-03"); /* untouched on failure */
  assert_date(csto_resolve_date(iso("2021-09-15"), 2021, 2, 30, -1, 0), "0000-00-00");
  assert_date(csto_resolve_date(iso("2021-09-15"), 0, 2, 30, -1, 0), "0000-00-00");
  assert_date(csto_resolve_date(iso("2021-09-15"), 0, 13, 1, -1, 0), "0000-00-00");
}

static void days_cross_month_and_year_boundaries(void **state) {
  (void)state;
  assert_date(csto_date_add_days(iso("2021-12-31"), 1), "2022-01-01");
  assert_date(csto_date_add_days(iso("2022-01-01"), -1), "2021-12-31");
  assert_date(csto_date_add_days(iso("2021-03-01"), -1), "2021-02-28");
  assert_date(csto_date_add_days(iso("1970-01-01"), -1), "1969-12-31");
  assert_date(csto_date_add_days(iso("2021-09-15"), 365), "2022-09-15");
  assert_date(csto_date_add_days(iso("2021-09-15"), 0), "2021-09-15");
  assert_date(csto_date_add_days((csto_date){0, 0, 0}, 1), "0000-00-00");
}

static void the_edges_of_four_digit_years(void **state) {
  (void)state;
  csto_date d;
  assert_date(iso("9999-12-31"), "9999-12-31");
  assert_date(iso("0001-01-01"), "0001-01-01");
  assert_false(csto_date_from_iso("10000-01-01", 11, &d));
  assert_false(csto_date_from_iso("0000-12-31", 10, &d));
  assert_false(csto_date_valid((csto_date){10000, 1, 1}));
  assert_date(csto_date_add_days(iso("9999-12-30"), 1), "9999-12-31");
  assert_date(csto_date_add_days(iso("9999-12-31"), 1), "0000-00-00");
  assert_date(csto_date_add_days(iso("0001-01-01"), -1), "0000-00-00");
  /* the Saturday after Friday 9999-12-31 */
  assert_date(csto_resolve_date(iso("9999-12-31"), 0, 0, 0, 5, 1), "0000-00-00");
  assert_date(csto_resolve_date(iso("9999-12-20"), 0, 1, 10, -1, 1), "0000-00-00");
  assert_date(csto_resolve_date(iso("0001-01-05"), 0, 12, 28, -1, 0), "0000-00-00");
}

static void weekdays_count_from_monday(void **state) {
  (void)state;
  assert_int_equal(csto_weekday(iso("1970-01-01")), 3); /* a Thursday */
  assert_int_equal(csto_weekday(iso("2021-09-15")), 2); /* a Wednesday */
  assert_int_equal(csto_weekday(iso("1969-12-29")), 0); /* a Monday, before the epoch */
  assert_int_equal(csto_weekday(iso("2000-01-02")), 6); /* a Sunday */
}

static void weekdays_resolve_forward_and_back(void **state) {
  (void)state;
  csto_date pub = iso("2021-09-15"); /* a Wednesday */
  assert_date(csto_resolve_date(pub, 0, 0, 0, 2, 1), "2021-09-15");
  assert_date(csto_resolve_date(pub, 0, 0, 0, 2, 0), "2021-09-15");
  assert_date(csto_resolve_date(pub, 0, 0, 0, 4, 1), "2021-09-17");
  assert_date(csto_resolve_date(pub, 0, 0, 0, 4, 0), "2021-09-10");
  assert_date(csto_resolve_date(pub, 0, 0, 0, 0, 0), "2021-09-13");
  assert_date(csto_resolve_date(pub, 0, 0, 0, 0, 1), "2021-09-20");
  /* across a year */
  assert_date(csto_resolve_date(iso("2021-12-30"), 0, 0, 0, 0, 1), "2022-01-03");
  assert_date(csto_resolve_date(iso("2022-01-01"), 0, 0, 0, 4, 0), "2021-12-31");
  /* without a publication date no weekday can be placed */
  assert_date(csto_resolve_date((csto_date){0, 0, 0}, 0, 0, 0, 4, 1), "0000-00-00");
}

static void yearless_dates_land_near_publication(void **state) {
  (void)state;
  assert_date(csto_resolve_date(iso("2021-12-20"), 0, 1, 10, -1, 1), "2022-01-10");
  assert_date(csto_resolve_date(iso("2022-01-02"), 0, 12, 28, -1, 0), "2021-12-28");
  csto_date pub = iso("2021-09-15");
  assert_date(csto_resolve_date(pub, 0, 9, 1, -1, 1), "2021-09-01");   /* within a month */
  assert_date(csto_resolve_date(pub, 0, 10, 10, -1, 0), "2021-10-10"); /* 25 days on */
  assert_date(csto_resolve_date(pub, 0, 10, 20, -1, 0), "2020-10-20"); /* 35 days on */
  assert_date(csto_resolve_date(iso("2021-09-15"), 0, 10, 20, -1, 1), "2021-10-20");
  assert_date(csto_resolve_date(iso("2021-09-15"), 2019, 3, 4, -1, 1), "2019-03-04");
  /* February 29 exists this year but not the next */
  assert_date(csto_resolve_date(iso("2024-02-20"), 0, 2, 29, -1, 1), "2024-02-29");
  assert_date(csto_resolve_date(iso("2024-12-20"), 0, 2, 29, -1, 1), "0000-00-00");
  /* a year given needs no publication date; none given, the date cannot be placed */
  assert_date(csto_resolve_date((csto_date){0, 0, 0}, 2015, 12, 3, -1, 0), "2015-12-03");
  assert_date(csto_resolve_date((csto_date){0, 0, 0}, 0, 12, 3, -1, 0), "0000-00-00");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(leap_years_follow_the_gregorian_rule),
      cmocka_unit_test(impossible_days_are_rejected),
      cmocka_unit_test(days_cross_month_and_year_boundaries),
      cmocka_unit_test(the_edges_of_four_digit_years),
      cmocka_unit_test(weekdays_count_from_monday),
      cmocka_unit_test(weekdays_resolve_forward_and_back),
      cmocka_unit_test(yearless_dates_land_near_publication),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
