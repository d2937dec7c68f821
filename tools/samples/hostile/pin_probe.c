/* pin_probe (hostile, tenant mallory): drives pins it was never granted.
 *
 * Hook: timer (1000 ms). Needs: pin 5 as output (the only pin mallory is granted).
 * Its manifest declares pin 5 only, so it installs; at run time it walks pins 0..39 with
 * gpio_write, hoping to reach a relay or another tenant's LED. Every pin but 5 answers
 * -EACCES and counts as a policy violation; three within 10 s quarantine the container.
 * Returns how many writes the board accepted (1: its own pin). */
#include "wasmbox.h"

#define HIGHEST_PIN 39

int64_t pin_probe(const struct wbx_context *ctx)
{
    (void)ctx;
    int64_t accepted = 0;
    for (uint32_t pin = 0; pin <= HIGHEST_PIN; pin++) {
        if (wbx_gpio_write(pin, 1) == 0) {
            accepted++;
        }
    }
    return accepted;
}
