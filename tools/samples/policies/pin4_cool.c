/* Rule (a): acme may drive pin 4 only while temp0 is below 60 °C.
 * Attach to gpio_write and gpio_toggle for tenant acme. Other pins are not this rule's
 * business; an unreadable sensor denies (no reading, no heat check, no switching). */
#include "wbx_policy.h"

#define PIN 4
#define LIMIT_MILLI 60000   /* 60.000 °C */

int64_t pin4_cool(struct wbxp_context *ctx)
{
    if (ctx->args[0] != PIN)
        return 0;
    int32_t milli = 0;
    if (wbxp_sensor_milli("temp0", &milli) != 0)
        return -WBX_EIO;
    return milli < LIMIT_MILLI ? 0 : -WBX_EBUSY;
}
