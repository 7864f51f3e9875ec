/* The progress line (see progress.h). */
#include "cli/progress.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_NS 250000000LL /* four times a second: enough to see it move */

struct cli_progress {
  uint64_t total, bytes;
  size_t articles;
  long long start, drawn; /* CLOCK_MONOTONIC ns; drawn is 0 before the first line */
  int width;              /* of the line on screen, 0 when none is */
};

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The bytes of one input still to read, 0 when unknown or compressed. */
static uint64_t file_size(const char *path) {
  int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  unsigned char magic[2] = {0};
  uint64_t size = 0;
  if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      !(pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b)) {
    off_t at = fd == STDIN_FILENO ? lseek(fd, 0, SEEK_CUR) : 0;
    size = (uint64_t)st.st_size - (uint64_t)(at > 0 ? at : 0);
  }
  if (fd > STDIN_FILENO)
    close(fd);
  return size;
}

/* The bytes of all paths ("-" is standard input), 0 when one is unknown. */
static uint64_t input_size(char **paths, int n) {
  uint64_t total = 0;
  for (int i = 0; i < n; i++) {
    uint64_t size = file_size(paths[i]);
    if (!size)
      return 0;
    total += size;
  }
  return n ? total : file_size("-");
}

cli_progress *cli_progress_new(int on, char **paths, int n) {
  cli_progress *p = on ? calloc(1, sizeof *p) : NULL;
  if (p) {
    p->total = input_size(paths, n);
    p->start = now_ns();
  }
  return p;
}

/* The time left, when the size is known and not yet passed (JSON Lines text is a little
 * smaller than its line, so the figure errs long). */
static void time_left(const cli_progress *p, double rate, char *buf, size_t size) {
  buf[0] = '\0';
  if (!p->total || p->bytes >= p->total || rate <= 0)
    return;
  long s = (long)((double)(p->total - p->bytes) / rate);
  snprintf(buf, size, ", %ld:%02ld left", s / 60, s % 60);
}

static void draw(cli_progress *p, long long now) {
  double seconds = (double)(now - p->start) / 1e9;
  double rate = seconds > 0 ? (double)p->bytes / seconds : 0;
  char left[32], line[128];
  time_left(p, rate, left, sizeof left);
  int n = snprintf(line, sizeof line, "extract: %zu article%s, %.1f MB, %.2f MB/s%s",
                   p->articles, p->articles == 1 ? "" : "s", (double)p->bytes / 1e6,
                   rate / 1e6, left);
  /* from the start of the line, with spaces over the rest of a longer one before */
  fprintf(stderr, "\r%s%*s", line, p->width > n ? p->width - n : 0, "");
  fflush(stderr);
  p->width = n;
  p->drawn = now;
}

void cli_progress_count(cli_progress *p, size_t bytes) {
  if (!p)
    return;
  p->articles++;
  p->bytes += bytes;
  long long now = now_ns();
  if (!p->drawn || now - p->drawn >= REDRAW_NS)
    draw(p, now);
}

void cli_progress_hide(cli_progress *p) {
  if (!p || !p->width)
    return;
  fprintf(stderr, "\r%*s\r", p->width, "");
  p->width = 0;
}

void cli_progress_end(cli_progress *p) {
  cli_progress_hide(p);
  free(p);
}
