/* Fletcher-32 over the input read as little-endian 16-bit words; an odd
 * trailing byte is ignored. Both sums start at 0xffff and are folded back
 * into 16 bits every 359 words, before they can overflow 32 bits. This is the
 * variant of RIOT's checksum module that the Femto-Containers benchmark runs. */
#include "bench.h"

#define WORDS_PER_FOLD 359

uint64_t bench(const uint8_t *input, uint64_t length)
{
    const uint16_t *word = (const uint16_t *)input;
    uint64_t words = length / 2;
    uint32_t sum1 = 0xffff;
    uint32_t sum2 = 0xffff;

    while (words > 0) {
        uint64_t block = words > WORDS_PER_FOLD ? WORDS_PER_FOLD : words;
        words -= block;
        for (; block > 0; block--) {
            sum1 += *word++;
            sum2 += sum1;
        }
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    /* A second fold brings a carry out of the first one back in. */
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    return (sum2 << 16) | sum1;
}
