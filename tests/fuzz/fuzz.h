/* Shared by the fuzz targets: the libFuzzer entry point each defines, and the data folder
 * they load the knowledge base from (CSTO_DATA_DIR, else the one csto-kg was built with). */
#ifndef CSTO_FUZZ_H
#define CSTO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
