/* `wbx bench hostcalls`: 100 actuator_write calls per run on the first declared sensor (relay0). */
#include "wasmbox.h"

int64_t actuator_calls(const struct wbx_context *ctx)
{
    uint32_t relay = wbx_saul_reg_find_nth(0);
    int64_t r = 0;
    for (int i = 0; i < 100; i++)
        r |= wbx_actuator_write(relay, 1);
    return r;
}
