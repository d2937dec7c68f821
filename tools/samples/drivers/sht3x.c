/* sht3x: a driver for Sensirion's SHT3x-DIS humidity and temperature sensor, written from its
 * datasheet and running inside the sandbox: the board has no driver for the part, the tenant
 * brings it.
 *
 * Hook: timer (every 1000 ms). Needs: I2C device 0x44 on bus 0 (wbx pack --i2c
 * 0:0x44:100000:21:22), MQTT publish on acme/sht3x.
 * A run must stay short, and a high-repeatability measurement takes up to 15 ms, so the driver
 * never waits for one: each run collects the measurement the previous run started, then starts
 * the next one (single shot, clock stretching disabled: command 0x2400). A read before the part
 * is done is not acknowledged (-ENXIO), as on the first run, when the driver reads the status
 * register (0xF32D) instead. Every 16-bit word the part sends is followed by a CRC-8
 * (polynomial 0x31, init 0xFF); a word that does not match is refused. The raw values convert
 * as the datasheet gives them, in integer hundredths:
 *   T  = -45 + 175 * S_T / (2^16 - 1)  °C
 *   RH = 100 * S_RH / (2^16 - 1)       %RH
 * and are published as "t=23.45 rh=40.12" (QoS 0).
 * Returns the temperature in hundredths of a degree (negative below 0 °C), the status word
 * after the first run, or a negative errno (-EIO for a CRC mismatch); wbx sim shows it as r0. */
#include "wasmbox.h"

#define SHT3X WBX_I2C_DEV(0, 0x44)

static const char topic[] = "acme/sht3x";

/* CRC-8 of the datasheet (section 4.12): polynomial 0x31, initial value 0xFF, no final XOR. */
static uint8_t crc8(const uint8_t *data)
{
    uint8_t crc = 0xFF;
    for (int i = 0; i < 2; i++) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 0x80) ? (uint8_t)((crc << 1) ^ 0x31) : (uint8_t)(crc << 1);
        }
    }
    return crc;
}

/* The 16-bit word at data[0..1] if data[2] is its CRC, else -1. */
static int32_t checked_word(const uint8_t *data)
{
    return crc8(data) == data[2] ? (int32_t)((uint32_t)data[0] << 8 | data[1]) : -1;
}

/* round(scale * raw / 65535) in unsigned arithmetic (clang's eBPF target has no signed division). */
static uint32_t scaled(uint32_t scale, uint32_t raw)
{
    return (scale * raw + 32767) / 65535;
}

static int64_t read_status(void)
{
    static const uint8_t command[2] = {0xF3, 0x2D};
    uint8_t reply[3];
    int rc = wbx_i2c_write_read(SHT3X, command, 2, reply, 3);
    if (rc < 0) {
        return rc;
    }
    int32_t status = checked_word(reply);
    return status < 0 ? -WBX_EIO : status;
}

/* Publishes the measurement in data[0..5]; 0 and the temperature in *centi_t, or -EIO. */
static int publish_measurement(const uint8_t *data, int32_t *centi_t_out)
{
    int32_t raw_t = checked_word(data);
    int32_t raw_rh = checked_word(data + 3);
    if (raw_t < 0 || raw_rh < 0) {
        return -WBX_EIO;
    }
    int32_t centi_t = (int32_t)scaled(17500, (uint32_t)raw_t) - 4500;
    int32_t centi_rh = (int32_t)scaled(10000, (uint32_t)raw_rh);

    char message[32];
    uint32_t n = 0;
    message[n++] = 't';
    message[n++] = '=';
    n += (uint32_t)wbx_fmt_s16_dfp(message + n, (int16_t)centi_t, -2);
    message[n++] = ' ';
    message[n++] = 'r';
    message[n++] = 'h';
    message[n++] = '=';
    n += (uint32_t)wbx_fmt_s16_dfp(message + n, (int16_t)centi_rh, -2);
    wbx_mqtt_publish(topic, message, n, 0);
    *centi_t_out = centi_t;
    return 0;
}

int64_t sht3x(const struct wbx_context *ctx)
{
    (void)ctx;
    static const uint8_t measure[2] = {0x24, 0x00}; /* single shot, high repeatability, no stretching */
    uint8_t data[6];
    int64_t result;
    int rc = wbx_i2c_read(SHT3X, data, 6);
    if (rc == -WBX_ENXIO) {
        /* nothing measured yet: check the part answers, with a valid CRC */
        result = read_status();
        if (result < 0) {
            return result;
        }
    } else if (rc < 0) {
        return rc;
    } else {
        int32_t centi_t = 0;
        rc = publish_measurement(data, &centi_t);
        if (rc < 0) {
            return rc;
        }
        result = centi_t; /* may be negative: below 0 °C */
    }
    rc = wbx_i2c_write(SHT3X, measure, 2);
    return rc < 0 ? rc : result;
}
