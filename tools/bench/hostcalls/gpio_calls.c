/* `wbx bench hostcalls`: 100 gpio_write calls per run (pin 4, level 1); returns the OR of the results. */
#include "wasmbox.h"

int64_t gpio_calls(const struct wbx_context *ctx)
{
    int64_t r = 0;
    for (int i = 0; i < 100; i++)
        r |= wbx_gpio_write(4, 1);
    return r;
}
