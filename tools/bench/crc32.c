/* CRC-32 (IEEE 802.3 / zlib): reflected polynomial 0xEDB88320, initial value
 * and final xor 0xffffffff, computed bit by bit (no table, so no .rodata). */
#include "bench.h"

#define POLYNOMIAL 0xEDB88320u

uint64_t bench(const uint8_t *input, uint64_t length)
{
    uint32_t crc = 0xffffffffu;

    for (uint64_t i = 0; i < length; i++) {
        crc ^= input[i];
        for (int bit = 0; bit < 8; bit++) {
            /* -(crc & 1) is all ones when the low bit is set: a branch-free xor. */
            crc = (crc >> 1) ^ (POLYNOMIAL & -(crc & 1u));
        }
    }
    return ~crc;
}
