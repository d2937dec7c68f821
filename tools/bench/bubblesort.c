/* Bubble sort of up to 64 little-endian 32-bit unsigned ints. The input is
 * read-only, so the values are copied to the stack first; the result is the
 * position-weighted sum of the sorted values (sum of (i + 1) * a[i]), which
 * depends on the order and so catches a wrong sort. A local call computes it. */
#include "bench.h"

#define MAX_ELEMENTS 64

static __attribute__((noinline)) uint64_t weighted_sum(const uint32_t *a, uint64_t n);

uint64_t bench(const uint8_t *input, uint64_t length)
{
    const uint32_t *source = (const uint32_t *)input;
    uint32_t a[MAX_ELEMENTS];
    uint64_t n = length / 4;
    if (n > MAX_ELEMENTS) {
        n = MAX_ELEMENTS;
    }

    for (uint64_t i = 0; i < n; i++) {
        a[i] = source[i];
    }
    for (uint64_t end = n; end > 1; end--) {
        for (uint64_t i = 1; i < end; i++) {
            if (a[i - 1] > a[i]) {
                uint32_t t = a[i - 1];
                a[i - 1] = a[i];
                a[i] = t;
            }
        }
    }
    return weighted_sum(a, n);
}

static __attribute__((noinline)) uint64_t weighted_sum(const uint32_t *a, uint64_t n)
{
    uint64_t sum = 0;
    for (uint64_t i = 0; i < n; i++) {
        sum += (i + 1) * a[i];
    }
    return sum;
}
