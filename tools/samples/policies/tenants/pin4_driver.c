/* acme's function for rule (a)'s test: switches pin 4 on; returns gpio_write's result. */
#include "wasmbox.h"

int64_t pin4_driver(const struct wbx_context *ctx)
{
    return wbx_gpio_write(4, 1);
}
