/* Rule (c): nobody actuates the relay between 22:00 and 06:00 (board UTC).
 * Attach to actuator_write for every tenant. A tenant's sensor handle is the board index + 1.
 * Without a wall clock the board cannot tell night from day: it denies (fail closed). */
#include "wbx_policy.h"

int64_t relay_night(struct wbxp_context *ctx)
{
    int64_t relay = wbxp_sensor_index("relay0");
    if (relay < 0 || ctx->args[0] != (uint64_t)relay + 1)
        return 0;
    if (ctx->wall_s == 0)
        return -WBX_EBUSY;
    uint64_t hour = ctx->wall_s % 86400 / 3600;
    return hour >= 22 || hour < 6 ? -WBX_EPERM : 0;
}
