/* globex's function for rules (b) and (d): publishes the message it got on globex/telemetry;
 * returns mqtt_publish's result. */
#include "wasmbox.h"

static const char topic[] = "globex/telemetry";

int64_t telemetry_publisher(const struct wbx_context *ctx)
{
    return wbx_mqtt_publish(topic, wbx_payload(ctx), ctx->payload_len, 0);
}
