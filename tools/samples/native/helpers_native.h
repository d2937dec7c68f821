/* Native (gcc) implementations of the WasmBox.Nano helpers, for tests only.
 *
 * With -DWBX_NATIVE, wasmbox.h and the Femto-Containers shim point their helper names at
 * these functions instead of helper ids, so a sample's C compiles and runs on the host.
 * They keep the runtime's semantics (the C# helpers in src/WasmBox.Nano.Runtime/Helpers) over a small,
 * deterministic simulated world (a clock, sensors, pins, stores, a message log) that
 * run_native.c sets up from a script. Helper results that the runtime sign-extends to 64
 * bits are plain ints here. */
#ifndef WBX_HELPERS_NATIVE_H
#define WBX_HELPERS_NATIVE_H

#include <stddef.h>
#include <stdint.h>

struct wbx_phydat_native {
    int16_t val[3];
    uint8_t unit;
    int8_t scale;
};

/* VM address -> host pointer, for the regions the world maps (the payload). */
void *wbx_native_address(uint32_t vm_address);

int wbx_native_print(const char *fmt, ...);
void *wbx_native_memcpy(void *dest, const void *src, size_t n);
int wbx_native_store_local(uint32_t key, uint32_t value);
int wbx_native_store_global(uint32_t key, uint32_t value);
int wbx_native_fetch_local(uint32_t key, uint32_t *value);
int wbx_native_fetch_global(uint32_t key, uint32_t *value);
uint32_t wbx_native_now_ms(void);
uint32_t wbx_native_ztimer_now(void);
int wbx_native_ztimer_periodic_wakeup(uint32_t *last_wakeup, uint32_t period);
uint32_t wbx_native_saul_reg_find_nth(int n);
uint32_t wbx_native_saul_reg_find_type(uint8_t type);
int wbx_native_saul_reg_read(uint32_t handle, void *phydat);
int wbx_native_actuator_write(uint32_t handle, int32_t value);
int wbx_native_gcoap_resp_init(const void *ctx, unsigned code);
int wbx_native_coap_opt_finish(const void *ctx, unsigned flags);
int wbx_native_coap_add_format(const void *ctx, uint32_t format);
uint8_t *wbx_native_coap_get_pdu(const void *ctx);
int wbx_native_fmt_s16_dfp(char *out, int16_t value, int fp_digits);
int wbx_native_fmt_u32_dec(char *out, uint32_t value);
int wbx_native_gpio_read(uint32_t pin);
int wbx_native_gpio_write(uint32_t pin, uint32_t value);
int wbx_native_gpio_toggle(uint32_t pin);
int wbx_native_mqtt_publish(const char *topic, const void *payload, uint32_t len, uint32_t qos);
uint32_t wbx_native_payload_length(void);
uint32_t wbx_native_payload_read(void *dest, uint32_t offset, uint32_t len);
int wbx_native_log(uint32_t level, const char *msg, uint32_t len);
int wbx_native_i2c_write(uint32_t dev, const void *buf, uint32_t len);
int wbx_native_i2c_read(uint32_t dev, void *buf, uint32_t len);
int wbx_native_i2c_write_read(uint32_t dev, const void *wbuf, uint32_t wlen, void *rbuf, uint32_t rlen);
int wbx_native_spi_transfer(uint32_t dev, const void *wbuf, void *rbuf, uint32_t len);
int wbx_native_uart_write(uint32_t port, const void *buf, uint32_t len);
int wbx_native_uart_read(uint32_t port, void *buf, uint32_t len, uint32_t timeout_us);
int wbx_native_pwm_set(uint32_t channel, uint32_t frequency_hz, uint32_t duty);
int wbx_native_adc_read(uint32_t channel);

/* The Femto-Containers signatures where they differ from WasmBox.Nano's (pointer-typed
 * SAUL handles, void CoAP setters, size_t fmt results). */
void *fc_native_printf(const char *fmt, ...);
void *fc_native_saul_reg_find_nth(int pos);
void *fc_native_saul_reg_find_type(uint8_t type);
int fc_native_saul_reg_read(void *dev, void *data);
void fc_native_gcoap_resp_init(void *ctx, unsigned code);
long fc_native_coap_opt_finish(void *ctx, unsigned opt);
void fc_native_coap_add_format(void *ctx, uint32_t format);
size_t fc_native_fmt_s16_dfp(char *out, int16_t val, int fp_digits);
size_t fc_native_fmt_u32_dec(char *out, uint32_t val);
void fc_native_ztimer_periodic_wakeup(uint32_t *last_wakeup, uint32_t period);

#endif
