/* threshold_alarm: watches a temperature sensor and raises an alarm above a threshold.
 *
 * Hook: timer (every 1000 ms). Needs: sensor temp0 (read), pin 4 as output (the alarm
 * LED or buzzer), MQTT publish on initech/alarm.
 * Each run reads the first temperature sensor it declared, converts the reading to
 * hundredths of a degree, and compares it with ALARM_ON_CENTI. The alarm has hysteresis:
 * it goes on above ALARM_ON_CENTI and off again only below ALARM_OFF_CENTI, so a value
 * hovering around the threshold does not flood the broker. On every change it drives
 * the pin and publishes "ALARM 25.43" or "CLEAR 23.90" (QoS 1) on initech/alarm; the state
 * survives between runs in the container's local store.
 * Returns the temperature in hundredths of a degree, or a negative errno when there is
 * no sensor (-ENODEV would be RIOT's; the runtime's table has no such code, so -EIO). */
#include "wasmbox.h"

#define ALARM_ON_CENTI  2500 /* 25.00 °C */
#define ALARM_OFF_CENTI 2400 /* 24.00 °C */
#define ALARM_PIN       4
#define KEY_ALARM_ON    1    /* local store: 1 while the alarm is on */

static const char topic[] = "initech/alarm";

/* value * 10^scale in hundredths (scale -2 is already hundredths). The division works on
 * the magnitude: eBPF before v4 has no signed division, so clang refuses `int / 10`. */
static int32_t to_centi(int32_t value, int scale)
{
    uint32_t magnitude = value < 0 ? (uint32_t)-value : (uint32_t)value;
    for (; scale > -2; scale--) {
        magnitude *= 10;
    }
    for (; scale < -2; scale++) {
        magnitude /= 10;
    }
    return value < 0 ? -(int32_t)magnitude : (int32_t)magnitude;
}

/* "ALARM " or "CLEAR " followed by the temperature with two decimals. */
static uint32_t format_message(char *out, int on, int32_t centi)
{
    static const char on_text[] = "ALARM ";
    static const char off_text[] = "CLEAR ";
    const char *prefix = on ? on_text : off_text;
    uint32_t n = 0;
    for (; n < sizeof(on_text) - 1; n++) {
        out[n] = prefix[n];
    }
    return n + (uint32_t)wbx_fmt_s16_dfp(out + n, (int16_t)centi, -2);
}

int64_t threshold_alarm(const struct wbx_context *ctx)
{
    (void)ctx;
    uint32_t sensor = wbx_saul_reg_find_type(WBX_SAUL_SENSE_TEMP);
    wbx_phydat_t reading;
    if (sensor == 0 || wbx_saul_reg_read(sensor, &reading) < 0) {
        return -WBX_EIO;
    }
    int32_t centi = to_centi(reading.val[0], reading.scale);

    uint32_t was_on = 0;
    wbx_fetch_local(KEY_ALARM_ON, &was_on);
    int on = was_on ? centi >= ALARM_OFF_CENTI : centi > ALARM_ON_CENTI;
    if (on != (int)was_on) {
        char message[24];
        uint32_t length = format_message(message, on, centi);
        wbx_gpio_write(ALARM_PIN, (uint32_t)on);
        wbx_mqtt_publish(topic, message, length, 1);
        wbx_store_local(KEY_ALARM_ON, (uint32_t)on);
    }
    return centi;
}
