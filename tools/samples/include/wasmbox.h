/* WasmBox.Nano tenant function API.
 *
 * A tenant function is a C function compiled with `clang -target bpf` (use `wbx build`).
 * It starts with r1 = a pointer to the read-only struct wbx_context below and returns a
 * 64-bit value in r0. It reaches the board only through the helpers declared here; each is
 * a call to a helper id of the runtime's table (src/WasmBox.Nano.Runtime/README.md,
 * "Helper table", and Helpers/HelperIds.cs). Ids 0x01-0x61 are Femto-Containers' own, so
 * the declarations follow its bpfapi/helpers.h style: a static function pointer whose value
 * is the helper id, which clang turns into `call <id>`.
 *
 * Helpers return negative errno values on refusal (WBX_EACCES for a pin, sensor or topic
 * the tenant was not granted). A bad pointer never returns: the run ends with a fault.
 *
 * Tests build the same sources natively with gcc and -DWBX_NATIVE: the names then point to
 * C implementations with the same semantics (tools/samples/native/helpers_native.c), so
 * the VM's result can be compared with the native one.
 *
 * One rule for the entry function: the runtime starts every run at instruction 0, so the
 * entry must be the only non-static function of the file and come first in it; other
 * functions must be `static` (clang inlines them at -O2).
 *
 * And one of clang's eBPF target (before -mcpu=v4, clang 18): no signed division or
 * modulo. Divide magnitudes as unsigned values and put the sign back.
 */
#ifndef WASMBOX_H
#define WASMBOX_H

#ifdef __bpf__
/* No libc for eBPF: the compiler's own type macros instead of the host's <stdint.h>
 * (which needs glibc's 64-bit headers unless clang runs with -ffreestanding). */
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __UINTPTR_TYPE__ uintptr_t;
#else
#include <stdint.h>
#endif
#include <stddef.h>

/* ---- helper ids (HelperIds.cs) ---------------------------------------------------- */
#define WBX_FUNC_PRINT                  0x01
#define WBX_FUNC_MEMCPY                 0x02
#define WBX_FUNC_STORE_LOCAL            0x10
#define WBX_FUNC_STORE_GLOBAL           0x11
#define WBX_FUNC_FETCH_LOCAL            0x12
#define WBX_FUNC_FETCH_GLOBAL           0x13
#define WBX_FUNC_NOW_MS                 0x20
#define WBX_FUNC_SAUL_REG_FIND_NTH      0x30
#define WBX_FUNC_SAUL_REG_FIND_TYPE     0x31
#define WBX_FUNC_SAUL_REG_READ          0x32
#define WBX_FUNC_GCOAP_RESP_INIT        0x40
#define WBX_FUNC_COAP_OPT_FINISH        0x41
#define WBX_FUNC_COAP_ADD_FORMAT        0x42
#define WBX_FUNC_COAP_GET_PDU           0x43
#define WBX_FUNC_FMT_S16_DFP            0x50
#define WBX_FUNC_FMT_U32_DEC            0x51
#define WBX_FUNC_ZTIMER_NOW             0x60
#define WBX_FUNC_ZTIMER_PERIODIC_WAKEUP 0x61
#define WBX_FUNC_GPIO_READ              0x70
#define WBX_FUNC_GPIO_WRITE             0x71
#define WBX_FUNC_GPIO_TOGGLE            0x72
#define WBX_FUNC_ACTUATOR_WRITE         0x74
#define WBX_FUNC_MQTT_PUBLISH           0x80
#define WBX_FUNC_PAYLOAD_LENGTH         0x90
#define WBX_FUNC_PAYLOAD_READ           0x91
#define WBX_FUNC_LOG                    0xA0
#define WBX_FUNC_I2C_WRITE              0xB0
#define WBX_FUNC_I2C_READ               0xB1
#define WBX_FUNC_I2C_WRITE_READ         0xB2
#define WBX_FUNC_SPI_TRANSFER           0xB3
#define WBX_FUNC_UART_WRITE             0xB4
#define WBX_FUNC_UART_READ              0xB5
#define WBX_FUNC_PWM_SET                0xB6
#define WBX_FUNC_ADC_READ               0xB7

/* ---- errors (negative in r0) ------------------------------------------------------ */
#define WBX_EIO       5
#define WBX_ENXIO     6
#define WBX_EBUSY    16
#define WBX_ENOMEM   12
#define WBX_EACCES   13
#define WBX_EINVAL   22
#define WBX_ENOTCONN 107

/* ---- the context at r1 (ContextLayout.cs), little-endian, read-only --------------- */
enum wbx_hook_kind {
    WBX_HOOK_TIMER = 1,
    WBX_HOOK_GPIO_EDGE = 2,
    WBX_HOOK_MQTT = 3,
    WBX_HOOK_COAP = 4,
    WBX_HOOK_BOOT = 5,
    WBX_HOOK_INSTALL = 6,
};

#define WBX_FLAG_RISING_EDGE 0x1u /* GPIO edge hook: the pin went high */
#define WBX_FLAG_TRUNCATED   0x2u /* the payload was cut to the tenant's payloadBytes */

struct wbx_context {
    uint32_t hook_kind;     /*  0: enum wbx_hook_kind */
    uint32_t hook_param;    /*  4: timer period ms, GPIO pin, else 0 */
    uint64_t timestamp_ms;  /*  8: board clock at the event */
    uint32_t payload_len;   /* 16: bytes at payload_addr */
    uint32_t original_len;  /* 20: length before cutting */
    uint32_t payload_addr;  /* 24: VM address of the payload (read-only) */
    uint32_t flags;         /* 28: WBX_FLAG_* */
    uint32_t sequence;      /* 32: this container's run number, from 1 */
    uint32_t dropped;       /* 36: events lost to a full queue so far */
};

/* RIOT's phydat_t as saul_reg_read fills it: value = val[0] * 10^scale. */
typedef struct {
    int16_t val[3];
    uint8_t unit;
    int8_t scale;
} wbx_phydat_t;

/* SAUL device classes (RIOT saul.h) for saul_reg_find_type. */
#define WBX_SAUL_SENSE_BTN   0x81
#define WBX_SAUL_SENSE_TEMP  0x82
#define WBX_SAUL_SENSE_HUM   0x83
#define WBX_SAUL_SENSE_LIGHT 0x84

/* CoAP response codes ((class << 5) | detail) and content formats. */
#define WBX_COAP_CODE_CONTENT     0x45 /* 2.05 */
#define WBX_COAP_CODE_BAD_REQUEST 0x80 /* 4.00 */
#define WBX_COAP_FORMAT_TEXT      0
#define WBX_COAP_FORMAT_JSON      50
#define WBX_COAP_OPT_FINISH_PAYLOAD 0x0001

#define WBX_LOG_DEBUG 0
#define WBX_LOG_INFO  1
#define WBX_LOG_WARN  2
#define WBX_LOG_ERROR 3

/* ---- helper declarations ------------------------------------------------------------ */
#ifdef WBX_NATIVE
#include "../native/helpers_native.h"
/* void *: the native signatures take plain pointers where the API has typed ones */
#define WBX_HELPER(id, native) ((void *)(native))
#define WBX_ADDR(vm_address) wbx_native_address(vm_address)
#else
#define WBX_HELPER(id, native) ((void *)(id))
#define WBX_ADDR(vm_address) ((void *)(uintptr_t)(vm_address))
#endif
#define WBX_UNUSED __attribute__((unused))

/* The payload of the current event, mapped read-only at ctx->payload_addr. */
static inline const uint8_t *wbx_payload(const struct wbx_context *ctx)
{
    return (const uint8_t *)WBX_ADDR(ctx->payload_addr);
}

/* stdlib */
static int (*wbx_print)(const char *fmt, ...) WBX_UNUSED = WBX_HELPER(WBX_FUNC_PRINT, wbx_native_print);
static void *(*wbx_memcpy)(void *dest, const void *src, size_t n) WBX_UNUSED = WBX_HELPER(WBX_FUNC_MEMCPY, wbx_native_memcpy);

/* key-value stores: local = this container, global = shared by the tenant's containers */
static int (*wbx_store_local)(uint32_t key, uint32_t value) WBX_UNUSED = WBX_HELPER(WBX_FUNC_STORE_LOCAL, wbx_native_store_local);
static int (*wbx_store_global)(uint32_t key, uint32_t value) WBX_UNUSED = WBX_HELPER(WBX_FUNC_STORE_GLOBAL, wbx_native_store_global);
static int (*wbx_fetch_local)(uint32_t key, uint32_t *value) WBX_UNUSED = WBX_HELPER(WBX_FUNC_FETCH_LOCAL, wbx_native_fetch_local);
static int (*wbx_fetch_global)(uint32_t key, uint32_t *value) WBX_UNUSED = WBX_HELPER(WBX_FUNC_FETCH_GLOBAL, wbx_native_fetch_global);

/* time */
static uint32_t (*wbx_now_ms)(void) WBX_UNUSED = WBX_HELPER(WBX_FUNC_NOW_MS, wbx_native_now_ms);
static uint32_t (*wbx_ztimer_now)(void) WBX_UNUSED = WBX_HELPER(WBX_FUNC_ZTIMER_NOW, wbx_native_ztimer_now);
static int (*wbx_ztimer_periodic_wakeup)(uint32_t *last_wakeup, uint32_t period) WBX_UNUSED =
    WBX_HELPER(WBX_FUNC_ZTIMER_PERIODIC_WAKEUP, wbx_native_ztimer_periodic_wakeup);

/* sensors: handles are 1.. over the sensors the container declared, 0 = none */
static uint32_t (*wbx_saul_reg_find_nth)(int n) WBX_UNUSED = WBX_HELPER(WBX_FUNC_SAUL_REG_FIND_NTH, wbx_native_saul_reg_find_nth);
static uint32_t (*wbx_saul_reg_find_type)(uint8_t type) WBX_UNUSED = WBX_HELPER(WBX_FUNC_SAUL_REG_FIND_TYPE, wbx_native_saul_reg_find_type);
static int (*wbx_saul_reg_read)(uint32_t handle, wbx_phydat_t *out) WBX_UNUSED = WBX_HELPER(WBX_FUNC_SAUL_REG_READ, wbx_native_saul_reg_read);
static int (*wbx_actuator_write)(uint32_t handle, int32_t value) WBX_UNUSED = WBX_HELPER(WBX_FUNC_ACTUATOR_WRITE, wbx_native_actuator_write);

/* CoAP response (ctx is the context pointer the function got) */
static int (*wbx_gcoap_resp_init)(const void *ctx, unsigned code) WBX_UNUSED = WBX_HELPER(WBX_FUNC_GCOAP_RESP_INIT, wbx_native_gcoap_resp_init);
static int (*wbx_coap_opt_finish)(const void *ctx, unsigned flags) WBX_UNUSED = WBX_HELPER(WBX_FUNC_COAP_OPT_FINISH, wbx_native_coap_opt_finish);
static int (*wbx_coap_add_format)(const void *ctx, uint32_t format) WBX_UNUSED = WBX_HELPER(WBX_FUNC_COAP_ADD_FORMAT, wbx_native_coap_add_format);
static uint8_t *(*wbx_coap_get_pdu)(const void *ctx) WBX_UNUSED = WBX_HELPER(WBX_FUNC_COAP_GET_PDU, wbx_native_coap_get_pdu);

/* RIOT fmt: no terminator written, the length is returned */
static int (*wbx_fmt_s16_dfp)(char *out, int16_t value, int fp_digits) WBX_UNUSED = WBX_HELPER(WBX_FUNC_FMT_S16_DFP, wbx_native_fmt_s16_dfp);
static int (*wbx_fmt_u32_dec)(char *out, uint32_t value) WBX_UNUSED = WBX_HELPER(WBX_FUNC_FMT_U32_DEC, wbx_native_fmt_u32_dec);

/* GPIO: only pins the container declared (write/toggle: declared as output) */
static int (*wbx_gpio_read)(uint32_t pin) WBX_UNUSED = WBX_HELPER(WBX_FUNC_GPIO_READ, wbx_native_gpio_read);
static int (*wbx_gpio_write)(uint32_t pin, uint32_t value) WBX_UNUSED = WBX_HELPER(WBX_FUNC_GPIO_WRITE, wbx_native_gpio_write);
static int (*wbx_gpio_toggle)(uint32_t pin) WBX_UNUSED = WBX_HELPER(WBX_FUNC_GPIO_TOGGLE, wbx_native_gpio_toggle);

/* MQTT: topic is a NUL-terminated concrete topic inside the tenant's grants; qos 0 or 1 */
static int (*wbx_mqtt_publish)(const char *topic, const void *payload, uint32_t len, uint32_t qos) WBX_UNUSED =
    WBX_HELPER(WBX_FUNC_MQTT_PUBLISH, wbx_native_mqtt_publish);

/* the payload of the event that woke the container */
static uint32_t (*wbx_payload_length)(void) WBX_UNUSED = WBX_HELPER(WBX_FUNC_PAYLOAD_LENGTH, wbx_native_payload_length);
static uint32_t (*wbx_payload_read)(void *dest, uint32_t offset, uint32_t len) WBX_UNUSED = WBX_HELPER(WBX_FUNC_PAYLOAD_READ, wbx_native_payload_read);

/* log: level WBX_LOG_*, msg of len bytes (no terminator needed) */
static int (*wbx_log)(uint32_t level, const char *msg, uint32_t len) WBX_UNUSED = WBX_HELPER(WBX_FUNC_LOG, wbx_native_log);

/* I2C: dev = WBX_I2C_DEV(bus, address), a device the manifest declares (wbx pack --i2c);
 * buffers of 1-32 bytes. 0, or -WBX_ENXIO no acknowledge (absent, or busy measuring),
 * -WBX_EIO a byte refused, -WBX_EBUSY the bus stayed busy, -WBX_EINVAL a length, -WBX_EACCES
 * an undeclared device. Bus time counts against the run's instruction budget. */
#define WBX_I2C_DEV(bus, address) (((uint32_t)(bus) << 8) | (uint32_t)(address))
static int (*wbx_i2c_write)(uint32_t dev, const void *buf, uint32_t len) WBX_UNUSED = WBX_HELPER(WBX_FUNC_I2C_WRITE, wbx_native_i2c_write);
static int (*wbx_i2c_read)(uint32_t dev, void *buf, uint32_t len) WBX_UNUSED = WBX_HELPER(WBX_FUNC_I2C_READ, wbx_native_i2c_read);
static int (*wbx_i2c_write_read)(uint32_t dev, const void *wbuf, uint32_t wlen, void *rbuf, uint32_t rlen) WBX_UNUSED =
    WBX_HELPER(WBX_FUNC_I2C_WRITE_READ, wbx_native_i2c_write_read);

/* SPI: dev = WBX_SPI_DEV(bus, chip-select pin), a device the manifest declares (wbx pack --spi);
 * full duplex: len bytes (1-64) of wbuf go out while len bytes come into rbuf (may be wbuf).
 * 0, or -WBX_EIO, -WBX_EBUSY the bus stayed busy, -WBX_EINVAL a length, -WBX_EACCES an
 * undeclared device. Bus time counts against the run's instruction budget. */
#define WBX_SPI_DEV(bus, cs) (((uint32_t)(bus) << 16) | (uint32_t)(cs))
static int (*wbx_spi_transfer)(uint32_t dev, const void *wbuf, void *rbuf, uint32_t len) WBX_UNUSED =
    WBX_HELPER(WBX_FUNC_SPI_TRANSFER, wbx_native_spi_transfer);

/* UART: port as declared (wbx pack --uart), at its declared baud, 8N1; buffers of 1-64 bytes.
 * uart_write returns 0; uart_read the count read (0: nothing within timeout_us, at most
 * 1,000,000 µs). The whole timeout must fit the run's budget (else the run ends before
 * reading) and the time waited is charged. -WBX_EINVAL, -WBX_EACCES, -WBX_EBUSY, -WBX_EIO. */
static int (*wbx_uart_write)(uint32_t port, const void *buf, uint32_t len) WBX_UNUSED = WBX_HELPER(WBX_FUNC_UART_WRITE, wbx_native_uart_write);
static int (*wbx_uart_read)(uint32_t port, void *buf, uint32_t len, uint32_t timeout_us) WBX_UNUSED =
    WBX_HELPER(WBX_FUNC_UART_READ, wbx_native_uart_read);

/* PWM: a declared channel (wbx pack --pwm) at frequency_hz (1-40,000,000) with duty in
 * 1/10,000 (0 holds it low, 10,000 high). 0, or -WBX_EINVAL, -WBX_EACCES, -WBX_EBUSY. */
#define WBX_PWM_FULL_DUTY 10000
static int (*wbx_pwm_set)(uint32_t channel, uint32_t frequency_hz, uint32_t duty) WBX_UNUSED = WBX_HELPER(WBX_FUNC_PWM_SET, wbx_native_pwm_set);

/* ADC: one conversion on a declared channel (wbx pack --adc): the raw reading, 0 to
 * 2^bits - 1 (the board's resolution, 12 bits on ESP32), or -WBX_EACCES, -WBX_EBUSY. */
static int (*wbx_adc_read)(uint32_t channel) WBX_UNUSED = WBX_HELPER(WBX_FUNC_ADC_READ, wbx_native_adc_read);

#endif /* WASMBOX_H */
