/* initech's function for rule (c): switches its first declared sensor (the relay) on;
 * returns actuator_write's result. */
#include "wasmbox.h"

int64_t relay_switch(const struct wbx_context *ctx)
{
    return wbx_actuator_write(wbx_saul_reg_find_nth(0), 1);
}
