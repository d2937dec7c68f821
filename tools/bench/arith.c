/* A tight arithmetic loop: a 64-bit xorshift generator and a 32-bit linear
 * congruential generator mixed into a rotating accumulator. Input: a 64-bit
 * seed followed by a 32-bit iteration count, both little-endian. */
#include "bench.h"

uint64_t bench(const uint8_t *input, uint64_t length)
{
    if (length < 12) {
        return 0;
    }
    uint64_t x = *(const uint64_t *)input;
    uint32_t iterations = *(const uint32_t *)(input + 8);
    uint32_t lcg = (uint32_t)x;
    uint64_t acc = 0;

    for (uint32_t i = 0; i < iterations; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        lcg = lcg * 1103515245u + 12345u;
        acc += (x >> 11) ^ lcg;
        acc = (acc << 5) | (acc >> 59);
    }
    return acc;
}
