/* csto-kg: CSTO_API marks the functions the shared libraries export.
 *
 * The libraries are built with -fvisibility=hidden: a function is part of libcsto's or
 * libcsto-store's interface only when an installed header declares it with CSTO_API. */
#ifndef CSTO_API_H
#define CSTO_API_H

#if defined(__GNUC__) || defined(__clang__)
#define CSTO_API __attribute__((visibility("default")))
#else
#define CSTO_API
#endif

#endif
