/* WasmBox.Nano hostcall policy API (the board owner's programs).
 *
 * A policy program is a C function compiled with `clang -target bpf` (`wbx build`, like a
 * tenant function). Before a helper call it is attached to runs, the board runs the policy
 * with r1 = a pointer to the read-only struct wbxp_context below. It returns 0 to allow the
 * call, or a negative errno to deny it: the tenant's program then gets that value in r0 and
 * the helper does not run. A positive return, a fault or an exhausted instruction budget
 * denies with -EACCES (fail closed) and is reported as a `policy-fault` event.
 *
 * Policies call only the helpers declared here (ids 0xC0-0xC4; src/WasmBox.Nano.Runtime/
 * Hostcalls/PolicyHelperIds.cs), never a tenant helper. They may read the memory the call's
 * arguments point to (wbxp_arg_read) but never change it, and they have a private store of
 * 16 u32 keys (wbxp_kv_get / wbxp_kv_put) for quotas and windows, kept across calls.
 *
 * Same rules as tenant functions: the entry comes first, other functions are static, no
 * signed division (divide unsigned values).
 */
#ifndef WBX_POLICY_H
#define WBX_POLICY_H

#include "wasmbox.h"

/* ---- the context at r1 (Hostcalls/PolicyContext.cs), little-endian, read-only ----- */
struct wbxp_context {
    uint32_t helper_id;     /*   0: the helper the tenant called (WBX_FUNC_...) */
    uint32_t container_id;  /*   4 */
    uint64_t args[5];       /*   8: r1..r5 of the call */
    uint64_t now_ms;        /*  48: board ms since boot */
    uint64_t wall_s;        /*  56: UTC seconds since 1970; 0 when the board does not know */
    uint32_t helper_calls;  /*  64: the caller's calls of this helper, this one included */
    uint32_t calls_total;   /*  68: the caller's helper calls in total */
    uint32_t runs;          /*  72: the caller's completed runs */
    uint32_t reserved;      /*  76 */
    char tenant[32];        /*  80: NUL-padded */
    char container[32];     /* 112: NUL-padded */
    char device_id[32];     /* 144: NUL-padded */
};

/* ---- policy-only helpers --------------------------------------------------------- */
#define WBXP_FUNC_ARG_READ     0xC0
#define WBXP_FUNC_KV_GET       0xC1
#define WBXP_FUNC_KV_PUT       0xC2
#define WBXP_FUNC_SENSOR_MILLI 0xC3
#define WBXP_FUNC_SENSOR_INDEX 0xC4

#define WBX_EPERM    1
#define WBX_ENOENT   2
#define WBX_EFAULT  14
#define WBX_EBUSY   16
#define WBX_EDQUOT 122

/* Copies len (at most 256) bytes of the caller's memory at caller_addr to dst; returns len,
 * or -WBX_EFAULT when the caller could not read that range itself. */
static int64_t (*wbxp_arg_read)(void *dst, uint64_t caller_addr, uint32_t len) WBX_UNUSED = (void *)WBXP_FUNC_ARG_READ;
/* The value stored under key, 0 when absent. */
static uint32_t (*wbxp_kv_get)(uint32_t key) WBX_UNUSED = (void *)WBXP_FUNC_KV_GET;
/* 0, or -WBX_ENOMEM when the 16-entry store is full. */
static int64_t (*wbxp_kv_put)(uint32_t key, uint32_t value) WBX_UNUSED = (void *)WBXP_FUNC_KV_PUT;
/* Reads the board sensor called name into *milli (thousandths of its unit): 0, -WBX_ENOENT, -WBX_EIO. */
static int64_t (*wbxp_sensor_milli)(const char *name, int32_t *milli) WBX_UNUSED = (void *)WBXP_FUNC_SENSOR_MILLI;
/* The board index of the sensor called name (a tenant's sensor handle is index + 1), or -WBX_ENOENT. */
static int64_t (*wbxp_sensor_index)(const char *name) WBX_UNUSED = (void *)WBXP_FUNC_SENSOR_INDEX;

#endif
