/* oob_read (hostile, tenant mallory): reads past the end of its payload.
 *
 * Hook: mqtt (mallory/in). Needs: nothing.
 * Sums the payload, but with a loop bound it takes from the payload itself (the first
 * byte times 1024) instead of ctx->payload_len, hoping to read whatever memory follows:
 * another container's data, the runtime's own state. The verifier cannot know the bound,
 * so the function installs; every load is checked at run time and the first one past
 * the payload region ends the run with a memory fault (and three faults within 10 s
 * quarantine the container). */
#include "wasmbox.h"

int64_t oob_read(const struct wbx_context *ctx)
{
    const uint8_t *payload = wbx_payload(ctx);
    if (ctx->payload_len == 0) {
        return 0;
    }
    uint32_t claimed = (uint32_t)payload[0] * 1024;
    uint64_t sum = 0;
    for (uint32_t i = 0; i < claimed; i++) {
        sum += payload[i];
    }
    return (int64_t)sum;
}
