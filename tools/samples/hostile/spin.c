/* spin (hostile, tenant mallory): an infinite loop.
 *
 * Hook: timer (1000 ms). Needs: nothing.
 * Passes the verifier (backward jumps are legal eBPF, and a program may end in an
 * unconditional jump; loops are what budgets are for) and then loops forever, counting
 * in its .bss. The runtime ends every run at the tenant's instructionsPerRun or
 * branchesPerRun budget, and three budget faults within 10 s quarantine the container. */
#include "wasmbox.h"

static volatile uint32_t spins;

int64_t spin(const struct wbx_context *ctx)
{
    (void)ctx;
    for (;;) {
        spins++;
    }
}
