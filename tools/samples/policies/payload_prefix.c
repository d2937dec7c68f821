/* Rule (d): a tenant's payloads must start with the device id of the board it runs on.
 * Attach to mqtt_publish for every tenant (or the named ones). */
#include "wbx_policy.h"

int64_t payload_prefix(struct wbxp_context *ctx)
{
    uint32_t n = 0;
    while (n < sizeof(ctx->device_id) && ctx->device_id[n] != 0)
        n++;
    if (ctx->args[2] < n)
        return -WBX_EPERM;
    char head[sizeof(ctx->device_id)];
    if (wbxp_arg_read(head, ctx->args[1], n) != n)
        return -WBX_EPERM;
    for (uint32_t i = 0; i < n; i++)
        if (head[i] != ctx->device_id[i])
            return -WBX_EPERM;
    return 0;
}
