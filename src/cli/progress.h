/* csto-kg extract's progress line on standard error: articles done, MB/s, and the time
 * left when the input's size is known. Counted by the CLI as results come out, so the
 * library's hot path knows nothing of it. */
#ifndef CSTO_CLI_PROGRESS_H
#define CSTO_CLI_PROGRESS_H

#include <stddef.h>

typedef struct cli_progress cli_progress;

/* A progress line for reading paths (n of them; none: standard input), NULL when off or
 * out of memory (every function takes NULL). The time left is shown when every input is
 * a regular file not gzip-compressed (whose articles would be larger than the file). */
cli_progress *cli_progress_new(int on, char **paths, int n);

/* One article of bytes done; redraws the line at most four times a second. */
void cli_progress_count(cli_progress *p, size_t bytes);

/* Clear the line before something else goes to standard error (the next count redraws). */
void cli_progress_hide(cli_progress *p);

/* Clear the line and free p. */
void cli_progress_end(cli_progress *p);

#endif
