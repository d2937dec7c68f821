/* adc_pwm: reads a voltage on an ADC input and drives a PWM output in proportion (a dimmer
 * that follows a potentiometer), publishing the voltage.
 *
 * Hook: timer (every 1000 ms). Needs: ADC channel 6 on pin 34 (wbx pack --adc 6:34), PWM
 * channel 0 on pin 25 (--pwm 0:25), MQTT publish on acme/adc.
 * The ESP32's ADC reads 12 bits over 0-3300 mV: mV = raw * 3300 / 4095, rounded. The PWM runs
 * at 1 kHz with duty = raw * 10000 / 4095 (in 1/10,000: 0 V dark, 3.3 V fully on).
 * Publishes "mv=1234" (QoS 0) and returns the millivolts, or a negative errno. */
#include "wasmbox.h"

#define ADC_CHANNEL 6
#define PWM_CHANNEL 0
#define PWM_HZ 1000
#define FULL_SCALE 4095
#define REFERENCE_MV 3300

static const char topic[] = "acme/adc";

int64_t adc_pwm(const struct wbx_context *ctx)
{
    (void)ctx;
    int raw = wbx_adc_read(ADC_CHANNEL);
    if (raw < 0) {
        return raw;
    }
    uint32_t mv = ((uint32_t)raw * REFERENCE_MV + FULL_SCALE / 2) / FULL_SCALE;
    uint32_t duty = ((uint32_t)raw * WBX_PWM_FULL_DUTY + FULL_SCALE / 2) / FULL_SCALE;
    int rc = wbx_pwm_set(PWM_CHANNEL, PWM_HZ, duty);
    if (rc < 0) {
        return rc;
    }
    char message[16] = "mv=";
    uint32_t n = 3 + (uint32_t)wbx_fmt_u32_dec(message + 3, mv);
    wbx_mqtt_publish(topic, message, n, 0);
    return mv;
}
