/* `wbx bench hostcalls`: 100 mqtt_publish calls per run of the event's payload on globex/telemetry. */
#include "wasmbox.h"

static const char topic[] = "globex/telemetry";

int64_t publish_calls(const struct wbx_context *ctx)
{
    int64_t r = 0;
    for (int i = 0; i < 100; i++)
        r |= wbx_mqtt_publish(topic, wbx_payload(ctx), ctx->payload_len, 0);
    return r;
}
