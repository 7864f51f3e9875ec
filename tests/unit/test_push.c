/* Unit tests for push.c: URLs, options, and PUT requests against a scripted local HTTP
 * server (a child process on 127.0.0.1; no network). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"
#include "csto/push.h"

static char fixture_a[4096];
static char requests_path[600];

static csto_world *world; /* the one world of the tests */

static int setup_all(void **state) {
  (void)state;
  if (test_fixture(fixture_a, sizeof fixture_a, "store-a.ttl") != 0 ||
      test_tmpdir_make() != 0 || csto_world_new(&world, NULL) != CSTO_OK)
    return -1;
  snprintf(requests_path, sizeof requests_path, "%s/requests.txt", test_tmpdir);
  return 0;
}

static int teardown_all(void **state) {
  (void)state;
  csto_world_free(world);
  return test_tmpdir_remove();
}

/* ---- a scripted HTTP server ------------------------------------------------------------
 * The child answers one request per connection with the next canned answer, appends each
 * request (head and body) to requests_path, and exits after the last answer or 10 s. */

typedef struct {
  pid_t pid;
  int port;
} server;

static int listen_any(int *port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 8) ||
      getsockname(fd, (struct sockaddr *)&a, &len))
    return -1;
  *port = ntohs(a.sin_port);
  return fd;
}

/* strcasestr is a GNU extension. */
static const char *find_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; *hay; hay++)
    if (strncasecmp(hay, needle, n) == 0)
      return hay;
  return NULL;
}

/* Read one request: the head, then Content-Length bytes of body. */
static size_t read_request(int fd, char *buf, size_t size) {
  size_t n = 0;
  char *end = NULL;
  while (n + 1 < size && !end) {
    ssize_t r = read(fd, buf + n, size - 1 - n);
    if (r <= 0)
      return n;
    n += (size_t)r;
    buf[n] = '\0';
    end = strstr(buf, "\r\n\r\n");
  }
  if (!end)
    return n;
  size_t want = (size_t)(end + 4 - buf);
  const char *cl = find_ci(buf, "\r\nContent-Length:");
  if (cl && cl < end)
    want += strtoul(cl + 17, NULL, 10);
  while (n < want && n + 1 < size) {
    ssize_t r = read(fd, buf + n, size - 1 - n);
    if (r <= 0)
      break;
    n += (size_t)r;
  }
  buf[n] = '\0';
  return n;
}

static void serve(int lfd, const char *const *answers) {
  static char buf[1 << 20];
  for (; *answers; answers++) {
    struct pollfd p = {lfd, POLLIN, 0};
    if (poll(&p, 1, 10000) <= 0)
      _exit(1);
    int c = accept(lfd, NULL, NULL);
    if (c < 0)
      _exit(1);
    size_t n = read_request(c, buf, sizeof buf);
    FILE *log = fopen(requests_path, "a");
    if (log) {
      fwrite(buf, 1, n, log);
      fputs("\n=====\n", log);
      fclose(log);
    }
    if (write(c, *answers, strlen(*answers)) < 0)
      _exit(1);
    close(c);
  }
  _exit(0);
}

static server start_server(const char *const *answers) {
  server s = {-1, 0};
  unlink(requests_path);
  int lfd = listen_any(&s.port);
  assert_true(lfd >= 0);
  s.pid = fork();
  assert_true(s.pid >= 0);
  if (s.pid == 0)
    serve(lfd, answers);
  close(lfd);
  return s;
}

static void stop_server(server s) {
  int status = 0;
  kill(s.pid, SIGTERM);
  waitpid(s.pid, &status, 0);
}

static char *requests(void) {
  FILE *f = fopen(requests_path, "r");
  if (!f)
    return strdup("");
  static char buf[1 << 20];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return strdup(buf);
}

static char *answer(const char *fmt_status, const char *extra, const char *body) {
  char *a = malloc(4096);
  snprintf(a, 4096, "HTTP/1.1 %s\r\nConnection: close\r\n%sContent-Length: %zu\r\n\r\n%s",
           fmt_status, extra, strlen(body), body);
  return a;
}

static csto_push *new_push(int port, const char *path, const char *user) {
  char endpoint[256];
  snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%d%s", port, path);
  csto_push_options opt = {endpoint, user, user ? "secret" : NULL, 0, 5, 5};
  csto_push *p = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_push_new(world, &opt, &p, &err), CSTO_OK);
  return p;
}

/* ---- tests ------------------------------------------------------------------------------ */

static void test_free_null(void **state) {
  (void)state;
  csto_push_free(NULL);
}

static void test_graph_url(void **state) {
  (void)state;
  char *url = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_push_graph_url("http://h:8890/sparql-graph-crud-auth",
                                       "https://w3id.org/csto-kg/resource/article_1#x", &url,
                                       &err),
                   CSTO_OK);
  assert_string_equal(url, "http://h:8890/sparql-graph-crud-auth?graph="
                           "https%3A%2F%2Fw3id.org%2Fcsto-kg%2Fresource%2Farticle_1%23x");
  free(url);
  assert_int_equal(csto_push_graph_url("https://h/gsp?x=1", "urn:a:b~c.d-e_f", &url, &err),
                   CSTO_OK);
  assert_string_equal(url, "https://h/gsp?x=1&graph=urn%3Aa%3Ab~c.d-e_f");
  free(url);
  assert_int_equal(csto_push_graph_url("http://h/g", "http://e/\xc3\xa9", &url, &err), CSTO_OK);
  assert_string_equal(url, "http://h/g?graph=http%3A%2F%2Fe%2F%C3%A9");
  free(url);
}

static void test_graph_url_rejects(void **state) {
  (void)state;
  static const char *const bad[][2] = {
      {NULL, "urn:x"},         {"", "urn:x"},           {"ftp://h/x", "urn:x"},
      {"h:8890/x", "urn:x"},   {"http://h/a b", "urn:x"}, {"http://h/x#f", "urn:x"},
      {"http://h/x", NULL},    {"http://h/x", ""},      {"http://h/x", "relative/path"},
      {"http://h/x", ":x"},    {"http://h/x", "1a:b"},  {"http://h/x", "urn:a b"},
      {"http://h/x", "urn:<a>"}, {"http://h/x", "urn:"}, {"http://h/x", "urn:a\"b"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char *url = NULL;
    csto_error err = {CSTO_OK, ""};
    if (csto_push_graph_url(bad[i][0], bad[i][1], &url, &err) != CSTO_ERR_USAGE)
      fail_msg("accepted endpoint '%s' graph '%s'", bad[i][0] ? bad[i][0] : "(null)",
               bad[i][1] ? bad[i][1] : "(null)");
    assert_null(url);
    assert_true(err.message[0] != '\0');
  }
}

static void test_options_from_env(void **state) {
  (void)state;
  csto_push_options opt = {"http://h/x", NULL, NULL, 0, 0, 0};
  unsetenv("CSTO_KG_USER");
  unsetenv("CSTO_KG_PASSWORD");
  csto_push_options_from_env(&opt);
  assert_null(opt.user);
  assert_null(opt.password);
  assert_int_equal(opt.use_netrc, 1);
  setenv("CSTO_KG_USER", "dba", 1);
  setenv("CSTO_KG_PASSWORD", "pw", 1);
  csto_push_options_from_env(&opt);
  assert_string_equal(opt.user, "dba");
  assert_string_equal(opt.password, "pw");
  unsetenv("CSTO_KG_USER");
  unsetenv("CSTO_KG_PASSWORD");
}

static void test_new_rejects_bad_endpoint(void **state) {
  (void)state;
  csto_push_options opt = {"mailto:x@y", NULL, NULL, 0, 0, 0};
  csto_push *p = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_push_new(world, &opt, &p, &err), CSTO_ERR_USAGE);
  assert_null(p);
  assert_int_equal(csto_push_new(world, NULL, &p, &err), CSTO_ERR_USAGE);
}

static void test_connection_refused(void **state) {
  (void)state;
  int port = 0;
  int fd = listen_any(&port); /* a port that was free a moment ago, then closed */
  assert_true(fd >= 0);
  close(fd);
  csto_push *p = new_push(port, "/gsp", NULL);
  long status = -1;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_push_put(p, "urn:x:g", "", 0, &status, &err), CSTO_ERR_HTTP);
  assert_int_equal(status, 0);
  assert_non_null(strstr(err.message, "127.0.0.1"));
  csto_push_free(p);
}

static void test_put_request(void **state) {
  (void)state;
  char *a = answer("201 Created", "", "");
  const char *const answers[] = {a, NULL};
  server s = start_server(answers);
  csto_push *p = new_push(s.port, "/gsp", NULL);
  const char *body = "<urn:a> <urn:b> <urn:c> .\n";
  long status = 0;
  csto_error err = {CSTO_OK, ""};
  csto_status st = csto_push_put(p, "urn:x:g", body, strlen(body), &status, &err);
  csto_push_free(p);
  stop_server(s);
  free(a);
  if (st != CSTO_OK)
    fail_msg("%s", err.message);
  assert_int_equal(status, 201);
  char *req = requests();
  assert_non_null(strstr(req, "PUT /gsp?graph=urn%3Ax%3Ag HTTP/1.1\r\n"));
  assert_non_null(find_ci(req, "\r\nContent-Type: text/turtle"));
  assert_non_null(strstr(req, "\r\n\r\n<urn:a> <urn:b> <urn:c> .\n"));
  assert_null(find_ci(req, "Authorization:"));
  free(req);
}

static void test_error_status_and_body(void **state) {
  (void)state;
  char *a = answer("500 Request Failed", "Content-Type: text/html\r\n",
                   "<html><head><title>SPARQL Graph Protocol request failed</title></head>\n"
                   "<body><h3>Error 22023</h3><xmp>The PUT request is rejected</xmp></body>"
                   "</html>\n");
  char *b = answer("404 Not Found", "", "no such service\nsecond line\n");
  const char *const answers[] = {a, b, NULL};
  server s = start_server(answers);
  csto_push *p = new_push(s.port, "/gsp", NULL);
  long status = 0;
  csto_error err = {CSTO_OK, ""};
  csto_status st1 = csto_push_put(p, "urn:x:g", "x", 1, &status, &err);
  csto_error err1 = err;
  long status1 = status;
  csto_status st2 = csto_push_put(p, "urn:x:g", "x", 1, &status, &err);
  csto_push_free(p);
  stop_server(s);
  free(a);
  free(b);
  assert_int_equal(st1, CSTO_ERR_HTTP);
  assert_int_equal(status1, 500);
  assert_non_null(strstr(err1.message, "HTTP 500: SPARQL Graph Protocol request failed"));
  assert_non_null(strstr(err1.message, "The PUT request is rejected"));
  assert_int_equal(st2, CSTO_ERR_HTTP);
  assert_int_equal(status, 404);
  assert_non_null(strstr(err.message, "HTTP 404: no such service"));
  assert_null(strstr(err.message, "second line"));
}

/* Over plain http the password never goes out in clear: a server that asks for Basic gets
 * no credentials (digest, which Virtuoso uses, is tested against a real Virtuoso). */
static void test_no_basic_over_http(void **state) {
  (void)state;
  char *a = answer("401 Unauthorized", "WWW-Authenticate: Basic realm=\"x\"\r\n", "");
  char *b = answer("200 OK", "", "");
  const char *const answers[] = {a, b, NULL};
  server s = start_server(answers);
  csto_push *p = new_push(s.port, "/gsp", "dba");
  long status = 0;
  csto_error err = {CSTO_OK, ""};
  csto_status st = csto_push_put(p, "urn:x:g", "x", 1, &status, &err);
  csto_push_free(p);
  stop_server(s);
  free(a);
  free(b);
  assert_int_equal(st, CSTO_ERR_HTTP);
  assert_int_equal(status, 401);
  char *req = requests();
  assert_null(strstr(req, "Authorization: Basic"));
  assert_null(strstr(req, "ZGJhOnNlY3JldA=="));
  free(req);
}

/* Credentials written into the endpoint are refused, and the refusal does not repeat them. */
static void test_no_credentials_in_the_url(void **state) {
  (void)state;
  csto_push_options opt = {"http://dba:secret@127.0.0.1:9/gsp", NULL, NULL, 0, 5, 5};
  csto_push *p = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_push_new(world, &opt, &p, &err), CSTO_ERR_USAGE);
  assert_null(p);
  assert_null(strstr(err.message, "secret"));
  assert_non_null(strstr(err.message, "CSTO_KG_USER"));
}

/* An answer's control characters (an escape sequence) never reach a message. */
static void test_answer_controls_dropped(void **state) {
  (void)state;
  char *a = answer("500 Oops", "", "bad \x1b[31mred\x1b[0m thing\n");
  const char *const answers[] = {a, NULL};
  server s = start_server(answers);
  csto_push *p = new_push(s.port, "/gsp", NULL);
  long status = 0;
  csto_error err = {CSTO_OK, ""};
  csto_push_put(p, "urn:x:g", "x", 1, &status, &err);
  csto_push_free(p);
  stop_server(s);
  free(a);
  assert_null(strchr(err.message, '\x1b'));
  assert_non_null(strstr(err.message, "HTTP 500: bad [31mred [0m thing"));
}

static void test_unauthorized_hint(void **state) {
  (void)state;
  char *a = answer("401 Unauthorized", "", "");
  const char *const answers[] = {a, NULL};
  server s = start_server(answers);
  csto_push *p = new_push(s.port, "/gsp", NULL);
  csto_error err = {CSTO_OK, ""};
  csto_status st = csto_push_put(p, "urn:x:g", "x", 1, NULL, &err);
  csto_push_free(p);
  stop_server(s);
  free(a);
  assert_int_equal(st, CSTO_ERR_HTTP);
  assert_non_null(strstr(err.message, "HTTP 401"));
  assert_non_null(strstr(err.message, "CSTO_KG_USER"));
}

typedef struct {
  int calls;
  char graph[256];
  csto_push_sent sent;
} sent_log;

static void on_sent(void *user, const char *path, const csto_push_sent *sent) {
  sent_log *log = user;
  (void)path;
  log->calls++;
  snprintf(log->graph, sizeof log->graph, "%s", sent->graph);
  log->sent = *sent;
}

static void test_push_file(void **state) {
  (void)state;
  char *a = answer("201 Created", "", ""), *b = answer("204 No Content", "", "");
  const char *const answers[] = {a, b, NULL};
  server s = start_server(answers);
  csto_push *p = new_push(s.port, "/gsp", NULL);
  csto_dataset *ds = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_dataset_new(world, &ds, &err), CSTO_OK);
  sent_log log = {0, "", {NULL, 0, 0, 0, 0}};
  csto_status st = csto_push_file(p, ds, fixture_a, on_sent, &log, &err);
  csto_query_dataset_free(ds);
  csto_push_free(p);
  stop_server(s);
  free(a);
  free(b);
  if (st != CSTO_OK)
    fail_msg("%s", err.message);
  assert_int_equal(log.calls, 1);
  assert_string_equal(log.graph, "https://w3id.org/csto-kg/resource/article_00000000000000a1");
  assert_int_equal(log.sent.own, 24);
  assert_int_equal(log.sent.merged, 20);
  assert_int_equal(log.sent.status, 201);
  assert_int_equal(log.sent.merged_status, 204);
  char *req = requests();
  /* the provenance replaces the article's graph, the facts are added to the merged one */
  char *put = strstr(req, "PUT /gsp?graph=https%3A%2F%2Fw3id.org%2Fcsto-kg%2Fresource%2F"
                          "article_00000000000000a1 HTTP/1.1");
  char *post = strstr(req, "POST /gsp?graph=https%3A%2F%2Fw3id.org%2Fcsto-kg%2Fgraph%2F"
                           "merged HTTP/1.1");
  assert_non_null(put);
  assert_non_null(post);
  assert_true(put < post);
  assert_non_null(strstr(req, "@prefix csto: <https://w3id.org/csto-kg/ontology#> ."));
  /* the fact's first mention after the PUT is in the POST's body */
  char *fact = strstr(put, "csto:attends res:event_CSTO_2021-09-15");
  assert_non_null(fact);
  assert_true(fact > post);
  free(req);
}

/* A file that does not parse sends nothing: the error is the parser's, not HTTP's. */
static void test_push_bad_file_sends_nothing(void **state) {
  (void)state;
  char bad[700];
  snprintf(bad, sizeof bad, "%s/bad.ttl", test_tmpdir);
  FILE *f = fopen(bad, "w");
  assert_non_null(f);
  fputs("<urn:a> <urn:b> .\n", f);
  fclose(f);
  int port = 0;
  int fd = listen_any(&port);
  assert_true(fd >= 0);
  csto_push *p = new_push(port, "/gsp", NULL);
  csto_dataset *ds = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_dataset_new(world, &ds, &err), CSTO_OK);
  sent_log log = {0, "", {NULL, 0, 0, 0, 0}};
  csto_status st = csto_push_file(p, ds, bad, on_sent, &log, &err);
  struct pollfd pfd = {fd, POLLIN, 0};
  int pending = poll(&pfd, 1, 0);
  close(fd);
  csto_query_dataset_free(ds);
  csto_push_free(p);
  assert_int_equal(st, CSTO_ERR_RDF);
  assert_non_null(strstr(err.message, "bad.ttl:1:"));
  assert_int_equal(log.calls, 0);
  assert_int_equal(pending, 0); /* nobody connected */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_free_null),
      cmocka_unit_test(test_graph_url),
      cmocka_unit_test(test_graph_url_rejects),
      cmocka_unit_test(test_options_from_env),
      cmocka_unit_test(test_new_rejects_bad_endpoint),
      cmocka_unit_test(test_connection_refused),
      cmocka_unit_test(test_put_request),
      cmocka_unit_test(test_error_status_and_body),
      cmocka_unit_test(test_no_basic_over_http),
      cmocka_unit_test(test_no_credentials_in_the_url),
      cmocka_unit_test(test_answer_controls_dropped),
      cmocka_unit_test(test_unauthorized_hint),
      cmocka_unit_test(test_push_file),
      cmocka_unit_test(test_push_bad_file_sends_nothing),
  };
  return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
