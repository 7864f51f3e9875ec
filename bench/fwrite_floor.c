/* The floor under csto-kg's output cost (bench/throughput.sh): the CPU time of writing
 * the same N-Triples bytes line by line with fwrite, nothing else. The file is read into
 * memory first and only the writing is timed, so the figure is what any program that
 * prints those lines through stdio must spend.
 *
 *   fwrite_floor IN.nt OUT      prints "CPU_SECONDS BYTES LINES"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static double cpu_seconds(void)
{
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* The whole file in one buffer; NULL with a message on failure. */
static char *slurp(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0, got;
  if (!f) {
    perror(path);
    return NULL;
  }
  do {
    if (n == cap) {
      char *grown = realloc(buf, cap = cap ? 2 * cap : 1 << 20);
      if (!grown) {
        fprintf(stderr, "%s: out of memory\n", path);
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = grown;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  if (ferror(f)) {
    perror(path);
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv)
{
  size_t len, lines = 0;
  char *buf, *p, *end;
  FILE *out;
  double t0;
  if (argc != 3) {
    fprintf(stderr, "usage: fwrite_floor IN.nt OUT\n");
    return 2;
  }
  if (!(buf = slurp(argv[1], &len)))
    return 1;
  t0 = cpu_seconds();
  if (!(out = fopen(argv[2], "wb"))) {
    perror(argv[2]);
    return 1;
  }
  for (p = buf, end = buf + len; p < end; lines++) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
    if (fwrite(p, 1, n, out) != n)
      break;
    p += n;
  }
  int failed = ferror(out);
  if (fclose(out) != 0 || failed) {
    perror(argv[2]);
    return 1;
  }
  printf("%.3f %zu %zu\n", cpu_seconds() - t0, len, lines);
  free(buf);
  return 0;
}
