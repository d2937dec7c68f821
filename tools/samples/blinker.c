/* blinker: blinks the board LED from a timer hook.
 *
 * Hook: timer (every 500 ms). Needs: pin 2 (led0) as output.
 * Every run toggles the LED, so it blinks at 1 Hz. Every 8th run (ctx->sequence counts
 * runs from 1) it also logs how many times it has switched the LED on, which it counts
 * in its local store. Returns the LED's new level (0 or 1). */
#include "wasmbox.h"

#define LED_PIN     2
#define KEY_ON_COUNT 1

int64_t blinker(const struct wbx_context *ctx)
{
    int level = wbx_gpio_toggle(LED_PIN);
    if (level < 0) {
        return level; /* pin not declared: -EACCES */
    }
    if (level == 1) {
        uint32_t count = 0;
        wbx_fetch_local(KEY_ON_COUNT, &count);
        wbx_store_local(KEY_ON_COUNT, count + 1);
    }
    if (ctx->sequence % 8 == 0) {
        uint32_t count = 0;
        wbx_fetch_local(KEY_ON_COUNT, &count);
        wbx_print("led on %u times", count);
    }
    return level;
}
