/* The trivial policy: allows every call (the cost baseline). */
#include "wbx_policy.h"

int64_t allow(struct wbxp_context *ctx)
{
    return 0;
}
