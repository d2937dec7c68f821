/* Native implementations of the WasmBox.Nano helpers over a deterministic simulated world.
 * Each follows the runtime helper of the same name (src/WasmBox.Nano.Runtime/Helpers);
 * where the runtime would end the run (a bad pointer, the helper-call cap) the native
 * world cannot tell, so the samples compared natively never do that. The world's state is
 * in native_world.h, filled in by run_native.c. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "helpers_native.h"
#include "native_world.h"

#define EIO_ 5
#define ENOMEM_ 12
#define EACCES_ 13
#define EINVAL_ 22
#define ENOTCONN_ 107

struct native_world world;

/* ---- memory ------------------------------------------------------------------------ */

void *wbx_native_address(uint32_t vm_address)
{
    if (vm_address >= WBX_NATIVE_PAYLOAD_ADDRESS && vm_address < WBX_NATIVE_PAYLOAD_ADDRESS + sizeof world.payload) {
        return world.payload + (vm_address - WBX_NATIVE_PAYLOAD_ADDRESS);
    }
    return NULL;
}

void *wbx_native_memcpy(void *dest, const void *src, size_t n)
{
    memmove(dest, src, n);
    return dest;
}

/* ---- print and log: one line each, as the board log receives them ---------------------- */

static void add_log_line(const char *text, size_t length)
{
    if (world.log_count < WBX_NATIVE_MAX_LINES) {
        struct native_line *line = &world.log[world.log_count++];
        line->length = length < sizeof line->text ? length : sizeof line->text;
        memcpy(line->text, text, line->length);
    }
}

int wbx_native_print(const char *fmt, ...)
{
    char text[256];
    va_list args;
    va_start(args, fmt);
    int length = vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    if (length < 0) {
        return 0;
    }
    add_log_line(text, strlen(text));
    return (int)strlen(text);
}

int wbx_native_log(uint32_t level, const char *msg, uint32_t len)
{
    if (level > 3) {
        return -EINVAL_;
    }
    add_log_line(msg, len);
    return 0;
}

/* ---- I2C: the native world has no bus, so no device ever answers --------------------- */

int wbx_native_i2c_write(uint32_t dev, const void *buf, uint32_t len)
{
    (void)dev, (void)buf, (void)len;
    return -6; /* -ENXIO */
}

int wbx_native_i2c_read(uint32_t dev, void *buf, uint32_t len)
{
    (void)dev, (void)buf, (void)len;
    return -6;
}

int wbx_native_i2c_write_read(uint32_t dev, const void *wbuf, uint32_t wlen, void *rbuf, uint32_t rlen)
{
    (void)dev, (void)wbuf, (void)wlen, (void)rbuf, (void)rlen;
    return -6;
}

/* ---- SPI, UART, PWM, ADC: the native world has no peripherals to grant --------------- */

int wbx_native_spi_transfer(uint32_t dev, const void *wbuf, void *rbuf, uint32_t len)
{
    (void)dev, (void)wbuf, (void)rbuf, (void)len;
    return -EACCES_;
}

int wbx_native_uart_write(uint32_t port, const void *buf, uint32_t len)
{
    (void)port, (void)buf, (void)len;
    return -EACCES_;
}

int wbx_native_uart_read(uint32_t port, void *buf, uint32_t len, uint32_t timeout_us)
{
    (void)port, (void)buf, (void)len, (void)timeout_us;
    return -EACCES_;
}

int wbx_native_pwm_set(uint32_t channel, uint32_t frequency_hz, uint32_t duty)
{
    (void)channel, (void)frequency_hz, (void)duty;
    return -EACCES_;
}

int wbx_native_adc_read(uint32_t channel)
{
    (void)channel;
    return -EACCES_;
}

/* ---- key-value stores: fixed capacity, 0 for absent keys ------------------------------ */

static int store(struct native_store *s, uint32_t key, uint32_t value)
{
    for (int i = 0; i < s->count; i++) {
        if (s->keys[i] == key) {
            s->values[i] = value;
            return 0;
        }
    }
    if (s->count == s->capacity) {
        return -ENOMEM_;
    }
    s->keys[s->count] = key;
    s->values[s->count++] = value;
    return 0;
}

uint32_t native_fetch(const struct native_store *s, uint32_t key)
{
    for (int i = 0; i < s->count; i++) {
        if (s->keys[i] == key) {
            return s->values[i];
        }
    }
    return 0;
}

int wbx_native_store_local(uint32_t key, uint32_t value) { return store(&world.local, key, value); }
int wbx_native_store_global(uint32_t key, uint32_t value) { return store(&world.global, key, value); }

int wbx_native_fetch_local(uint32_t key, uint32_t *value)
{
    *value = native_fetch(&world.local, key);
    return 0;
}

int wbx_native_fetch_global(uint32_t key, uint32_t *value)
{
    *value = native_fetch(&world.global, key);
    return 0;
}

/* ---- time ------------------------------------------------------------------------------ */

uint32_t wbx_native_now_ms(void) { return (uint32_t)world.now_ms; }
uint32_t wbx_native_ztimer_now(void) { return (uint32_t)(world.now_ms * 1000); }

int wbx_native_ztimer_periodic_wakeup(uint32_t *last_wakeup, uint32_t period)
{
    *last_wakeup += period; /* never sleeps, as on the board */
    return 0;
}

/* ---- sensors: handle = board index + 1, only declared devices ----------------------------- */

uint32_t wbx_native_saul_reg_find_nth(int n)
{
    for (int i = 0; i < world.sensor_count; i++) {
        if (world.sensors[i].declared && n-- == 0) {
            return (uint32_t)i + 1;
        }
    }
    return 0;
}

uint32_t wbx_native_saul_reg_find_type(uint8_t type)
{
    for (int i = 0; i < world.sensor_count; i++) {
        if (world.sensors[i].declared && world.sensors[i].type == type) {
            return (uint32_t)i + 1;
        }
    }
    return 0;
}

int wbx_native_saul_reg_read(uint32_t handle, void *phydat)
{
    if (handle == 0 || handle > (uint32_t)world.sensor_count || !world.sensors[handle - 1].declared) {
        return -EACCES_;
    }
    const struct native_sensor *sensor = &world.sensors[handle - 1];
    int value = sensor->values[world.run < sensor->value_count ? world.run : sensor->value_count - 1];
    int scale = sensor->scale;
    /* phydat holds int16 values: drop precision until the value fits (RIOT's phydat_fit). */
    while (value > 32767 || value < -32768) {
        value /= 10;
        scale++;
    }
    struct wbx_phydat_native out = { { (int16_t)value, 0, 0 }, 0, (int8_t)scale };
    memcpy(phydat, &out, sizeof out);
    return 1;
}

int wbx_native_actuator_write(uint32_t handle, int32_t value)
{
    (void)handle;
    (void)value;
    return -EACCES_; /* the native world has no actuators */
}

/* ---- CoAP: the response of the current run ------------------------------------------------- */

int wbx_native_gcoap_resp_init(const void *ctx, unsigned code)
{
    (void)ctx;
    if (code > 0xff) {
        return -EINVAL_;
    }
    world.coap_code = (int)code;
    return 0;
}

int wbx_native_coap_opt_finish(const void *ctx, unsigned flags)
{
    (void)ctx;
    (void)flags;
    return 0; /* the runtime writes header and options; the PDU buffer is payload only */
}

int wbx_native_coap_add_format(const void *ctx, uint32_t format)
{
    (void)ctx;
    if (format > 0xffff) {
        return -EINVAL_;
    }
    world.coap_format = (int)format;
    return 0;
}

uint8_t *wbx_native_coap_get_pdu(const void *ctx)
{
    (void)ctx;
    return world.coap_buffer;
}

/* ---- fmt ---------------------------------------------------------------------------------- */

int wbx_native_fmt_u32_dec(char *out, uint32_t value)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (int i = 0; i < n; i++) {
        out[i] = digits[n - 1 - i];
    }
    return n;
}

int wbx_native_fmt_s16_dfp(char *out, int16_t value, int fp_digits)
{
    if (fp_digits > 7 || fp_digits < -7) {
        return -EINVAL_;
    }
    int magnitude = value < 0 ? -value : value;
    int n = 0;
    if (value < 0) {
        out[n++] = '-';
    }
    if (fp_digits >= 0) {
        n += wbx_native_fmt_u32_dec(out + n, (uint32_t)magnitude);
        for (int i = 0; i < fp_digits; i++) {
            out[n++] = '0';
        }
        return n;
    }
    int divisor = 1;
    for (int i = 0; i < -fp_digits; i++) {
        divisor *= 10;
    }
    n += wbx_native_fmt_u32_dec(out + n, (uint32_t)(magnitude / divisor));
    out[n++] = '.';
    /* the fraction, zero-padded to -fp_digits digits */
    int fraction = magnitude % divisor;
    for (int d = divisor / 10; d > 0; d /= 10) {
        out[n++] = (char)('0' + (fraction / d) % 10);
    }
    return n;
}

/* ---- GPIO: declared pins only; write and toggle need an output ------------------------------ */

static struct native_pin *find_pin(uint32_t pin)
{
    for (int i = 0; i < world.pin_count; i++) {
        if (world.pins[i].number == pin) {
            return &world.pins[i];
        }
    }
    return NULL;
}

int wbx_native_gpio_read(uint32_t pin)
{
    struct native_pin *p = find_pin(pin);
    if (p == NULL) {
        world.violations++;
        return -EACCES_;
    }
    return p->level;
}

int wbx_native_gpio_write(uint32_t pin, uint32_t value)
{
    struct native_pin *p = find_pin(pin);
    if (p == NULL || !p->output) {
        world.violations++;
        return -EACCES_;
    }
    p->level = value != 0;
    return 0;
}

int wbx_native_gpio_toggle(uint32_t pin)
{
    struct native_pin *p = find_pin(pin);
    if (p == NULL || !p->output) {
        world.violations++;
        return -EACCES_;
    }
    p->level = !p->level;
    return p->level;
}

/* ---- MQTT: concrete topics inside the granted filters --------------------------------------- */

/* MQTT filter match ('+' one level, '#' the rest; "a/#" also matches "a"), as TopicFilter.cs. */
static int topic_matches(const char *filter, const char *topic)
{
    while (*filter) {
        if (*filter == '#') {
            return 1;
        }
        if (*filter == '+') {
            while (*topic && *topic != '/') {
                topic++;
            }
            filter++;
            continue;
        }
        if (*topic != *filter) {
            return *topic == 0 && filter[0] == '/' && filter[1] == '#' && filter[2] == 0;
        }
        filter++;
        topic++;
    }
    return *topic == 0;
}

int wbx_native_mqtt_publish(const char *topic, const void *payload, uint32_t len, uint32_t qos)
{
    if (qos > 1 || topic[0] == 0 || strpbrk(topic, "+#") != NULL) {
        return -EINVAL_;
    }
    int granted = 0;
    for (int i = 0; i < world.topic_count; i++) {
        granted |= topic_matches(world.topics[i], topic);
    }
    if (!granted) {
        world.violations++;
        return -EACCES_;
    }
    if (world.publish_count < WBX_NATIVE_MAX_LINES) {
        struct native_message *m = &world.published[world.publish_count++];
        snprintf(m->topic, sizeof m->topic, "%s", topic);
        m->length = len < sizeof m->payload ? len : sizeof m->payload;
        memcpy(m->payload, payload, m->length);
    }
    return 0;
}

/* ---- payload ---------------------------------------------------------------------------------- */

uint32_t wbx_native_payload_length(void) { return world.payload_length; }

uint32_t wbx_native_payload_read(void *dest, uint32_t offset, uint32_t len)
{
    uint32_t count = offset >= world.payload_length ? 0 : world.payload_length - offset;
    if (len < count) {
        count = len;
    }
    memcpy(dest, world.payload + (count == 0 ? 0 : offset), count);
    return count;
}

/* ---- Femto-Containers signatures ----------------------------------------------------------------- */

void *fc_native_printf(const char *fmt, ...)
{
    char text[256];
    va_list args;
    va_start(args, fmt);
    vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    add_log_line(text, strlen(text));
    return NULL;
}

void *fc_native_saul_reg_find_nth(int pos) { return (void *)(uintptr_t)wbx_native_saul_reg_find_nth(pos); }
void *fc_native_saul_reg_find_type(uint8_t type) { return (void *)(uintptr_t)wbx_native_saul_reg_find_type(type); }
int fc_native_saul_reg_read(void *dev, void *data) { return wbx_native_saul_reg_read((uint32_t)(uintptr_t)dev, data); }
void fc_native_gcoap_resp_init(void *ctx, unsigned code) { wbx_native_gcoap_resp_init(ctx, code); }
long fc_native_coap_opt_finish(void *ctx, unsigned opt) { return wbx_native_coap_opt_finish(ctx, opt); }
void fc_native_coap_add_format(void *ctx, uint32_t format) { wbx_native_coap_add_format(ctx, format); }
size_t fc_native_fmt_s16_dfp(char *out, int16_t val, int fp_digits) { return (size_t)wbx_native_fmt_s16_dfp(out, val, fp_digits); }
size_t fc_native_fmt_u32_dec(char *out, uint32_t val) { return (size_t)wbx_native_fmt_u32_dec(out, val); }
void fc_native_ztimer_periodic_wakeup(uint32_t *last_wakeup, uint32_t period) { wbx_native_ztimer_periodic_wakeup(last_wakeup, period); }
