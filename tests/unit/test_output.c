#include "support.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csto/output.h"

static char dir[] = "/tmp/csto-output-XXXXXX";

static size_t files_in_dir(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", dir);
  FILE *p = popen(cmd, "r");
  size_t n = 0;
  if (fscanf(p, "%zu", &n) != 1)
    n = 999;
  pclose(p);
  return n;
}

static void commit_renames_into_place(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "%s/out.ttl", dir);
  csto_output *o;
  assert_int_equal(csto_output_open(path, &o, NULL), CSTO_OK);
  fputs("hello", csto_output_stream(o));
  assert_int_equal(access(path, F_OK), -1); /* nothing at the final path yet */
  assert_int_equal(csto_output_commit(o, NULL), CSTO_OK);
  FILE *f = fopen(path, "r");
  char buf[16] = {0};
  assert_non_null(fgets(buf, sizeof buf, f));
  fclose(f);
  assert_string_equal(buf, "hello");
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_true(st.st_mode & S_IRGRP); /* not the temporary's private 0600 */
  unlink(path);
}

/* The output gets the rights any new file gets (0666 less the umask), never the
 * temporary's private ones, and the library leaves the umask as it found it. */
static void output_rights_follow_the_umask(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "%s/rights.ttl", dir);
  mode_t before = umask(027);
  csto_output *o;
  assert_int_equal(csto_output_open(path, &o, NULL), CSTO_OK);
  assert_int_equal(csto_output_commit(o, NULL), CSTO_OK);
  assert_int_equal(umask(before), 027);
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0640);
  unlink(path);
}

static void abort_leaves_nothing(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "%s/never.ttl", dir);
  csto_output *o;
  assert_int_equal(csto_output_open(path, &o, NULL), CSTO_OK);
  fputs("partial", csto_output_stream(o));
  csto_output_abort(o);
  assert_int_equal(files_in_dir(), 0);
  csto_output_abort(NULL);
}

/* Output far past the step at which its writeback begins arrives whole, in order. */
static void a_large_output_arrives_whole(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "%s/large.nt", dir);
  csto_output *o;
  assert_int_equal(csto_output_open(path, &o, NULL), CSTO_OK);
  for (unsigned i = 0; i < 1500000; i++) /* 21 MB */
    fprintf(csto_output_stream(o), "line %08u\n", i);
  assert_int_equal(csto_output_commit(o, NULL), CSTO_OK);
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  char line[32];
  unsigned n = 0, bad = 0;
  while (fgets(line, sizeof line, f)) {
    char want[32];
    snprintf(want, sizeof want, "line %08u\n", n++);
    bad += strcmp(line, want) != 0;
  }
  fclose(f);
  assert_int_equal(n, 1500000);
  assert_int_equal(bad, 0);
  unlink(path);
}

/* A write the system refuses (here: past the process's file size limit) fails the commit,
 * which names the file, and leaves nothing behind. */
static void a_refused_write_fails_the_commit(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "%s/limited.nt", dir);
  struct rlimit old, small = {1 << 20, 0};
  assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
  small.rlim_max = old.rlim_max;
  void (*was)(int) = signal(SIGXFSZ, SIG_IGN); /* the write fails with EFBIG instead */
  csto_output *o;
  csto_error err = {0};
  assert_int_equal(csto_output_open(path, &o, NULL), CSTO_OK);
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
  for (int i = 0; i < 300000; i++)
    fputs("0123456789\n", csto_output_stream(o));
  csto_status st = csto_output_commit(o, &err);
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
  signal(SIGXFSZ, was);
  assert_int_equal(st, CSTO_ERR_IO);
  assert_non_null(strstr(err.message, "limited.nt"));
  assert_int_equal(files_in_dir(), 0);
}

static void unwritable_directory_is_an_error(void **state) {
  (void)state;
  csto_output *o = NULL;
  csto_error err = {0};
  assert_int_equal(csto_output_open("/nonexistent-dir/x.ttl", &o, &err), CSTO_ERR_IO);
  assert_non_null(strstr(err.message, "/nonexistent-dir/x.ttl"));
}

int main(void) {
  if (!mkdtemp(dir))
    return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(commit_renames_into_place),
      cmocka_unit_test(output_rights_follow_the_umask),
      cmocka_unit_test(abort_leaves_nothing),
      cmocka_unit_test(a_large_output_arrives_whole),
      cmocka_unit_test(a_refused_write_fails_the_commit),
      cmocka_unit_test(unwritable_directory_is_an_error),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  rmdir(dir);
  return rc;
}
