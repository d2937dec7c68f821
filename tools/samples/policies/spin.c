/* A policy that never decides: it loops until its instruction budget ends the run (fail closed). */
#include "wbx_policy.h"

int64_t spin(struct wbxp_context *ctx)
{
    volatile uint32_t n = 0;
    while (ctx->helper_id != 0)
        n++;
    return 0;
}
