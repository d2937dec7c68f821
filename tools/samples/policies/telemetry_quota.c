/* Rule (b): globex may publish at most 200 bytes per minute to its telemetry topic.
 * Attach to mqtt_publish for tenant globex. Minute windows follow the board clock
 * (ms since boot); the store keeps the window number (key 1) and the bytes sent in it (key 2).
 * A publish that would cross 200 bytes is denied whole with -EDQUOT and uses no quota. */
#include "wbx_policy.h"

#define QUOTA_BYTES 200
#define WINDOW_MS 60000

static const char topic[] = "globex/telemetry";

int64_t telemetry_quota(struct wbxp_context *ctx)
{
    char named[sizeof(topic)];
    if (wbxp_arg_read(named, ctx->args[0], sizeof(topic)) != sizeof(topic))
        return 0;                      /* too short to be the telemetry topic */
    for (uint32_t i = 0; i < sizeof(topic); i++)
        if (named[i] != topic[i])
            return 0;                  /* another topic: not rationed */
    uint32_t window = (uint32_t)(ctx->now_ms / WINDOW_MS);
    uint32_t used = wbxp_kv_get(1) == window + 1 ? wbxp_kv_get(2) : 0;  /* window stored + 1: 0 is "never" */
    uint64_t len = ctx->args[2];
    if (used + len > QUOTA_BYTES)
        return -WBX_EDQUOT;
    wbxp_kv_put(1, window + 1);
    wbxp_kv_put(2, used + (uint32_t)len);
    return 0;
}
