/* csto-kg: all-or-nothing output files.
 *
 * An output file is written to a temporary beside its final path and renamed over it
 * only when everything was written, so a failed run never leaves a partial file. A
 * symbolic link is followed: the temporary goes beside the file it points to, which is
 * replaced. What cannot be replaced by a rename (a device such as /dev/null, a FIFO) is
 * written in place. */
#ifndef CSTO_OUTPUT_H
#define CSTO_OUTPUT_H

#include <stdio.h>

#include "csto/api.h"
#include "csto/error.h"

typedef struct csto_output csto_output;

/* Open an output: path "-" or NULL means standard output (written directly).
 * On success *out is owned by the caller and must end with csto_output_commit or
 * csto_output_abort. */
CSTO_API csto_status csto_output_open(const char *path, csto_output **out, csto_error *err);

/* The stream to write to; borrowed, valid until commit or abort. */
CSTO_API FILE *csto_output_stream(csto_output *out);

/* Flush, close and rename into place; frees out in every case. */
CSTO_API csto_status csto_output_commit(csto_output *out, csto_error *err);

/* Close and delete the temporary; frees out. NULL is a no-op. */
CSTO_API void csto_output_abort(csto_output *out);

/* Delete every temporary still open in this process. Async-signal-safe: a program calls
 * it from its SIGTERM or SIGINT handler, so that being stopped leaves no temporary. */
CSTO_API void csto_output_remove_temporaries(void);

#endif
