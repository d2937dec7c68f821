/* button_counter: counts presses of a button in the container's key-value store.
 *
 * Hook: gpio edge on pin 0 (the BOOT button, active low, so a press is a falling edge).
 * Needs: pin 0 as input-pullup.
 * A falling edge adds one to the count kept under KEY_PRESSES in the local store, which
 * survives between runs; a rising edge (the release) changes nothing. The count is
 * mirrored into the tenant's global store under KEY_PRESSES so the tenant's other
 * functions can read it. Returns the count. */
#include "wasmbox.h"

#define KEY_PRESSES 0x42

int64_t button_counter(const struct wbx_context *ctx)
{
    uint32_t presses = 0;
    wbx_fetch_local(KEY_PRESSES, &presses);
    if ((ctx->flags & WBX_FLAG_RISING_EDGE) == 0) {
        presses++;
        if (wbx_store_local(KEY_PRESSES, presses) < 0) {
            return -WBX_ENOMEM;
        }
        wbx_store_global(KEY_PRESSES, presses);
    }
    return presses;
}
