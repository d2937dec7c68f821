/* fletcher32: the Fletcher-32 checksum of the event's payload.
 *
 * Hook: mqtt (e.g. acme/data/#) or coap. Needs: nothing but its payload.
 * Returns the checksum in r0 (the payload read as little-endian 16-bit words; an odd
 * trailing byte is ignored), the algorithm of RIOT's checksum module that the
 * Femto-Containers benchmark runs. It reads the payload where the runtime maps it
 * (ctx->payload_addr), so it calls no helper at all. */
#include "wasmbox.h"

/* Fold the sums every 359 words, before they can overflow 32 bits. */
#define WORDS_PER_FOLD 359

static uint32_t fletcher32(const uint8_t *bytes, uint32_t words)
{
    uint32_t sum1 = 0xffff;
    uint32_t sum2 = 0xffff;

    while (words > 0) {
        uint32_t block = words > WORDS_PER_FOLD ? WORDS_PER_FOLD : words;
        words -= block;
        for (; block > 0; block--) {
            /* Byte by byte: the payload need not be 2-byte aligned. */
            sum1 += (uint32_t)bytes[0] | ((uint32_t)bytes[1] << 8);
            sum2 += sum1;
            bytes += 2;
        }
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    /* A second fold brings a carry out of the first one back in. */
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    return (sum2 << 16) | sum1;
}

uint64_t fletcher32_main(const struct wbx_context *ctx)
{
    return fletcher32(wbx_payload(ctx), ctx->payload_len / 2);
}
