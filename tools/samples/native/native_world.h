/* The simulated world behind the native helpers: what a run can see and change.
 * run_native.c fills it from its script; helpers_native.c reads and updates it. */
#ifndef WBX_NATIVE_WORLD_H
#define WBX_NATIVE_WORLD_H

#include <stdint.h>

#define WBX_NATIVE_PAYLOAD_ADDRESS 0x10001000u
#define WBX_NATIVE_MAX_PAYLOAD 1024
#define WBX_NATIVE_MAX_LINES 64
#define WBX_NATIVE_MAX_SENSORS 8
#define WBX_NATIVE_MAX_VALUES 32
#define WBX_NATIVE_MAX_PINS 8
#define WBX_NATIVE_MAX_TOPICS 4
#define WBX_NATIVE_MAX_KEYS 64

struct native_store {
    int capacity;
    int count;
    uint32_t keys[WBX_NATIVE_MAX_KEYS];
    uint32_t values[WBX_NATIVE_MAX_KEYS];
};

/* A board sensor; values[i] is what it reads during run i (the last one afterwards). */
struct native_sensor {
    int declared;
    uint8_t type;
    int scale;
    int value_count;
    int values[WBX_NATIVE_MAX_VALUES];
};

/* A pin the container declared. */
struct native_pin {
    uint32_t number;
    int output;
    int level;
};

struct native_line {
    size_t length;
    char text[256];
};

struct native_message {
    char topic[129];
    uint32_t length;
    uint8_t payload[1024];
};

struct native_world {
    long long now_ms;
    int run; /* index of the current run, from 0 */
    uint8_t payload[WBX_NATIVE_MAX_PAYLOAD];
    uint32_t payload_length;
    uint32_t payload_capacity;
    struct native_store local;
    struct native_store global;
    int sensor_count;
    struct native_sensor sensors[WBX_NATIVE_MAX_SENSORS];
    int pin_count;
    struct native_pin pins[WBX_NATIVE_MAX_PINS];
    int topic_count;
    char topics[WBX_NATIVE_MAX_TOPICS][65];
    int coap_code;
    int coap_format;
    uint8_t coap_buffer[WBX_NATIVE_MAX_PAYLOAD];
    int violations;
    /* What the current run printed and published; run_native.c empties them per run. */
    int log_count;
    struct native_line log[WBX_NATIVE_MAX_LINES];
    int publish_count;
    struct native_message published[WBX_NATIVE_MAX_LINES];
};

extern struct native_world world;

uint32_t native_fetch(const struct native_store *s, uint32_t key);

#endif
