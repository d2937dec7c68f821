/* flood (hostile, tenant mallory): calls helpers as fast as it can.
 *
 * Hook: timer (1000 ms). Needs: nothing.
 * Each run calls now_ms in a loop of CALLS iterations, cheap instructions each, to load
 * the board's helper path rather than the interpreter. The tenant's helperCallsPerSecond
 * caps it: the call beyond the cap ends the run with HelperDenied and quarantines the
 * container. Returns the sum of the times (never reached under the demo policy). */
#include "wasmbox.h"

#define CALLS 5000

int64_t flood(const struct wbx_context *ctx)
{
    (void)ctx;
    uint64_t sum = 0;
    for (uint32_t i = 0; i < CALLS; i++) {
        sum += wbx_now_ms();
    }
    return (int64_t)sum;
}
