/* A broken policy: reads past its context. The board denies every call it decides (fail closed). */
#include "wbx_policy.h"

int64_t fault(struct wbxp_context *ctx)
{
    return ((volatile uint8_t *)ctx)[4096];
}
