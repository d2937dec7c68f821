/* Shared entry-point contract of the wbx benchmarks.
 *
 * The VM maps the input bytes at its context base and calls the program with
 * r1 = address of the input and r2 = its length; r0 at exit is the result.
 * Every benchmark defines exactly this function, first in its file, so that it
 * starts at offset 0 of .text. No globals, no constant tables: the program must
 * assemble to a self-contained .text section without relocations. */
#ifndef WBX_BENCH_H
#define WBX_BENCH_H

#include <stdint.h>

uint64_t bench(const uint8_t *input, uint64_t length);

#endif
