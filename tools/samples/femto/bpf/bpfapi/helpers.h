/* Femto-Containers helper names for WasmBox.Nano.
 *
 * Sources written for Femto-Containers include "bpf/bpfapi/helpers.h" and call bpf_printf,
 * bpf_store_global, bpf_saul_reg_read and the rest with the helper ids and argument
 * conventions of RIOT's sys/include/bpf/shared.h. WasmBox.Nano keeps those ids
 * (0x01-0x61), so this shim only declares the same names, types and ids; put its folder
 * (tools/samples/femto) on the include path and such sources compile unmodified in their
 * helper calls. Written for WasmBox.Nano, not copied from RIOT.
 *
 * Differences the runtime documents (src/WasmBox.Nano.Runtime/README.md): a SAUL
 * "registry pointer" is a small handle (never dereference it), bpf_ztimer_periodic_wakeup
 * advances *last_wakeup but does not sleep, and the CoAP PDU buffer holds the payload only.
 * There is no libc: no <stdio.h>, <string.h> or signed division (see wasmbox.h).
 */
#ifndef BPF_BPFAPI_HELPERS_H
#define BPF_BPFAPI_HELPERS_H

#include "wasmbox.h"

/* RIOT's helper ids (bpf/shared.h), equal to the runtime's WBX_FUNC_* */
enum {
    BPF_FUNC_BPF_PRINTF = WBX_FUNC_PRINT,
    BPF_FUNC_BPF_MEMCPY = WBX_FUNC_MEMCPY,
    BPF_FUNC_BPF_STORE_LOCAL = WBX_FUNC_STORE_LOCAL,
    BPF_FUNC_BPF_STORE_GLOBAL = WBX_FUNC_STORE_GLOBAL,
    BPF_FUNC_BPF_FETCH_LOCAL = WBX_FUNC_FETCH_LOCAL,
    BPF_FUNC_BPF_FETCH_GLOBAL = WBX_FUNC_FETCH_GLOBAL,
    BPF_FUNC_BPF_NOW_MS = WBX_FUNC_NOW_MS,
    BPF_FUNC_BPF_SAUL_REG_FIND_NTH = WBX_FUNC_SAUL_REG_FIND_NTH,
    BPF_FUNC_BPF_SAUL_REG_FIND_TYPE = WBX_FUNC_SAUL_REG_FIND_TYPE,
    BPF_FUNC_BPF_SAUL_REG_READ = WBX_FUNC_SAUL_REG_READ,
    BPF_FUNC_BPF_GCOAP_RESP_INIT = WBX_FUNC_GCOAP_RESP_INIT,
    BPF_FUNC_BPF_COAP_OPT_FINISH = WBX_FUNC_COAP_OPT_FINISH,
    BPF_FUNC_BPF_COAP_ADD_FORMAT = WBX_FUNC_COAP_ADD_FORMAT,
    BPF_FUNC_BPF_COAP_GET_PDU = WBX_FUNC_COAP_GET_PDU,
    BPF_FUNC_BPF_FMT_S16_DFP = WBX_FUNC_FMT_S16_DFP,
    BPF_FUNC_BPF_FMT_U32_DEC = WBX_FUNC_FMT_U32_DEC,
    BPF_FUNC_BPF_ZTIMER_NOW = WBX_FUNC_ZTIMER_NOW,
    BPF_FUNC_BPF_ZTIMER_PERIODIC_WAKEUP = WBX_FUNC_ZTIMER_PERIODIC_WAKEUP,
};

/* RIOT's phydat_t and SAUL classes, as femto-container sources use them */
typedef wbx_phydat_t phydat_t;
#define SAUL_SENSE_TEMP WBX_SAUL_SENSE_TEMP
#define SAUL_SENSE_HUM  WBX_SAUL_SENSE_HUM

/* Opaque SAUL registration and gcoap context */
typedef void bpf_saul_reg_t;
typedef struct wbx_context bpf_coap_ctx_t;

#ifndef __bpf__
typedef long ssize_t;
#else
typedef __INT64_TYPE__ ssize_t;
#endif

/* In the eBPF build each name is its helper id; in the native test build (WBX_NATIVE) a
 * Femto-Containers flavoured wrapper of the native helpers (helpers_native.c). */
#ifdef WBX_NATIVE
#define FC_HELPER(id, native) ((void *)(native))
#else
#define FC_HELPER(id, native) ((void *)(id))
#endif

static void *(*bpf_printf)(const char *fmt, ...) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_PRINTF, fc_native_printf);

static int (*bpf_store_global)(uint32_t key, uint32_t value) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_STORE_GLOBAL, wbx_native_store_global);
static int (*bpf_store_local)(uint32_t key, uint32_t value) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_STORE_LOCAL, wbx_native_store_local);
static int (*bpf_fetch_global)(uint32_t key, uint32_t *value) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_FETCH_GLOBAL, wbx_native_fetch_global);
static int (*bpf_fetch_local)(uint32_t key, uint32_t *value) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_FETCH_LOCAL, wbx_native_fetch_local);
static uint32_t (*bpf_now_ms)(void) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_NOW_MS, wbx_native_now_ms);

static void *(*bpf_memcpy)(void *dest, const void *src, size_t n) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_MEMCPY, wbx_native_memcpy);

static bpf_saul_reg_t *(*bpf_saul_reg_find_nth)(int pos) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_SAUL_REG_FIND_NTH, fc_native_saul_reg_find_nth);
static bpf_saul_reg_t *(*bpf_saul_reg_find_type)(uint8_t type) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_SAUL_REG_FIND_TYPE, fc_native_saul_reg_find_type);
static int (*bpf_saul_reg_read)(bpf_saul_reg_t *dev, phydat_t *data) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_SAUL_REG_READ, fc_native_saul_reg_read);

static void (*bpf_gcoap_resp_init)(bpf_coap_ctx_t *ctx, unsigned resp_code) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_GCOAP_RESP_INIT, fc_native_gcoap_resp_init);
static ssize_t (*bpf_coap_opt_finish)(bpf_coap_ctx_t *ctx, unsigned opt) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_COAP_OPT_FINISH, fc_native_coap_opt_finish);
static void (*bpf_coap_add_format)(bpf_coap_ctx_t *ctx, uint32_t format) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_COAP_ADD_FORMAT, fc_native_coap_add_format);
static uint8_t *(*bpf_coap_get_pdu)(bpf_coap_ctx_t *ctx) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_COAP_GET_PDU, wbx_native_coap_get_pdu);

static size_t (*bpf_fmt_s16_dfp)(char *out, int16_t val, int fp_digits) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_FMT_S16_DFP, fc_native_fmt_s16_dfp);
static size_t (*bpf_fmt_u32_dec)(char *out, uint32_t val) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_FMT_U32_DEC, fc_native_fmt_u32_dec);

static uint32_t (*bpf_ztimer_now)(void) WBX_UNUSED = FC_HELPER(BPF_FUNC_BPF_ZTIMER_NOW, wbx_native_ztimer_now);
static void (*bpf_ztimer_periodic_wakeup)(uint32_t *last_wakeup, uint32_t period) WBX_UNUSED =
    FC_HELPER(BPF_FUNC_BPF_ZTIMER_PERIODIC_WAKEUP, fc_native_ztimer_periodic_wakeup);

#endif /* BPF_BPFAPI_HELPERS_H */
