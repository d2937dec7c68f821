/* sensor_reader: a Femto-Containers style periodic sensor reader.
 *
 * Written against the Femto-Containers helper ABI the way its sensor examples are: find a
 * device with bpf_saul_reg_find_nth, read a phydat_t with bpf_saul_reg_read, pace the
 * readings with bpf_ztimer_now / bpf_ztimer_periodic_wakeup, and leave the result in the
 * global store for other functions (a CoAP or MQTT reporter) to pick up.
 *
 * Hook: timer (1000 ms). Needs: sensor hum0 (read).
 * Each run takes SAMPLES readings of the first declared sensor, one per SAMPLE_PERIOD_US,
 * and stores their average under KEY_AVERAGE and the wake-up time of the last reading
 * (microseconds) under KEY_STAMP. On WasmBox.Nano bpf_ztimer_periodic_wakeup advances
 * the wake-up time without sleeping, so the readings come from the same instant; the
 * code is unchanged from what would sleep on RIOT. Returns the average, or 0 when there
 * is no sensor or a read fails. */
#include "bpf/bpfapi/helpers.h"

#define SAMPLES          4
#define SAMPLE_PERIOD_US (10 * 1000)
#define KEY_AVERAGE      0x10
#define KEY_STAMP        0x11

int64_t sensor_reader(void *ctx)
{
    (void)ctx;
    bpf_saul_reg_t *sensor = bpf_saul_reg_find_nth(0);
    if (!sensor) {
        return 0;
    }

    uint32_t last_wakeup = bpf_ztimer_now();
    uint32_t sum = 0;
    for (int i = 0; i < SAMPLES; i++) {
        phydat_t reading;
        if (bpf_saul_reg_read(sensor, &reading) < 0) {
            return 0;
        }
        /* Relative humidity is never negative; unsigned sums also keep clang away
         * from signed division, which eBPF before v4 lacks. */
        sum += (uint16_t)reading.val[0];
        bpf_ztimer_periodic_wakeup(&last_wakeup, SAMPLE_PERIOD_US);
    }

    uint32_t average = sum / SAMPLES;
    bpf_store_global(KEY_AVERAGE, average);
    bpf_store_global(KEY_STAMP, last_wakeup);
    return average;
}
