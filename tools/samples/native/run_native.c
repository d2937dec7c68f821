/* Runs one sample natively against the simulated world and prints a trace, the same
 * trace the tests build from a run of the clang-built sample in the runtime.
 *
 * Build (the sample is compiled into this file, so its entry is called with its own type):
 *   gcc -DWBX_NATIVE -DWBX_SAMPLE='"tools/samples/fletcher32.c"' -DWBX_ENTRY=fletcher32_main \
 *       -I tools/samples/include tools/samples/native/run_native.c \
 *       tools/samples/native/helpers_native.c -o run_fletcher32
 *
 * Script on stdin, one directive a line (numbers in decimal or 0x hex):
 *   payload_bytes N            payload cut to N bytes (the tenant's payloadBytes; default 128)
 *   stores LOCAL GLOBAL        store capacities (default 16 32)
 *   topic FILTER               a granted MQTT filter (repeatable)
 *   sensor DECLARED TYPE SCALE V0 [V1 ...]   a board sensor, in board order; Vi is read in run i
 *   pin NUMBER OUTPUT LEVEL    a declared pin (OUTPUT 0 for an input) and its initial level
 *   key local|global KEY       a store key to report at the end (repeatable)
 *   hook KIND PARAM            the hook kind and parameter every run gets
 *   clock MS                   board time before the first run (default 0)
 *   run ADVANCE FLAGS HEX|-    advance the clock, then run once with these flags and payload
 *                              (on a GPIO edge hook the hook's pin takes the edge's level)
 *
 * Trace on stdout, per run: "run N r0=V", then "print TEXT" for each line printed,
 * "publish TOPIC HEX" for each message, "coap CODE FORMAT HEX" when it answered CoAP; at
 * the end "pin P=L" for each declared pin and "local K=V" / "global K=V" for each key. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "native_world.h"

#if !defined(WBX_SAMPLE) || !defined(WBX_ENTRY)
#error "define WBX_SAMPLE as the sample's path (a string) and WBX_ENTRY as its entry function"
#endif
#include WBX_SAMPLE

#define MAX_KEYS 16

struct report_key {
    int global;
    uint32_t key;
};

static struct report_key report_keys[MAX_KEYS];
static int report_key_count;
static struct wbx_context context;

static void fail(const char *message, const char *line)
{
    fprintf(stderr, "run_native: %s: %s\n", message, line);
    exit(2);
}

static void print_hex(const uint8_t *bytes, size_t length)
{
    if (length == 0) {
        printf("-");
    }
    for (size_t i = 0; i < length; i++) {
        printf("%02x", bytes[i]);
    }
}

/* Escapes what would break the line-based trace. */
static void print_text(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (text[i] == '\n') {
            printf("\\n");
        } else if (text[i] == '\\') {
            printf("\\\\");
        } else {
            putchar(text[i]);
        }
    }
}

static uint32_t parse_hex_payload(const char *hex, uint8_t *out, uint32_t capacity)
{
    if (strcmp(hex, "-") == 0) {
        return 0;
    }
    size_t length = strlen(hex) / 2;
    if (length > capacity) {
        fail("payload too long", hex);
    }
    for (size_t i = 0; i < length; i++) {
        unsigned byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1) {
            fail("bad hex payload", hex);
        }
        out[i] = (uint8_t)byte;
    }
    return (uint32_t)length;
}

static void run_once(long long advance, uint32_t flags, const char *hex)
{
    static uint8_t incoming[WBX_NATIVE_MAX_PAYLOAD];
    uint32_t original = parse_hex_payload(hex, incoming, sizeof incoming);
    uint32_t kept = original < world.payload_capacity ? original : world.payload_capacity;

    world.now_ms += advance;
    if (context.hook_kind == WBX_HOOK_GPIO_EDGE) {
        /* The edge has already changed the pin's level when the function runs. */
        for (int i = 0; i < world.pin_count; i++) {
            if (world.pins[i].number == context.hook_param) {
                world.pins[i].level = (flags & WBX_FLAG_RISING_EDGE) != 0;
            }
        }
    }
    memcpy(world.payload, incoming, kept);
    world.payload_length = kept;
    world.log_count = 0;
    world.publish_count = 0;
    world.coap_code = 0;
    world.coap_format = -1;

    context.timestamp_ms = (uint64_t)world.now_ms;
    context.payload_len = kept;
    context.original_len = original;
    context.payload_addr = WBX_NATIVE_PAYLOAD_ADDRESS;
    context.flags = flags | (kept < original ? WBX_FLAG_TRUNCATED : 0);
    context.sequence = (uint32_t)world.run + 1;

    int64_t r0 = (int64_t)WBX_ENTRY((void *)&context);

    printf("run %d r0=%" PRId64 "\n", world.run + 1, r0);
    for (int i = 0; i < world.log_count; i++) {
        printf("print ");
        print_text(world.log[i].text, world.log[i].length);
        printf("\n");
    }
    for (int i = 0; i < world.publish_count; i++) {
        printf("publish %s ", world.published[i].topic);
        print_hex(world.published[i].payload, world.published[i].length);
        printf("\n");
    }
    if (world.coap_code != 0) {
        size_t length = r0 < 0 ? 0 : (size_t)r0 > world.payload_capacity ? world.payload_capacity : (size_t)r0;
        printf("coap %d %d ", world.coap_code, world.coap_format);
        print_hex(world.coap_buffer, length);
        printf("\n");
    }
    world.run++;
}

static long long number(const char *text, const char *line)
{
    char *end;
    long long value = strtoll(text, &end, 0);
    if (end == text || *end != 0) {
        fail("bad number", line);
    }
    return value;
}

static void directive(char *line)
{
    char copy[2300];
    snprintf(copy, sizeof copy, "%s", line);
    char *words[40];
    int count = 0;
    for (char *w = strtok(line, " \t\r\n"); w != NULL && count < 40; w = strtok(NULL, " \t\r\n")) {
        words[count++] = w;
    }
    if (count == 0) {
        return;
    }
    const char *name = words[0];
    if (strcmp(name, "payload_bytes") == 0 && count == 2) {
        world.payload_capacity = (uint32_t)number(words[1], copy);
        if (world.payload_capacity > WBX_NATIVE_MAX_PAYLOAD) {
            fail("payload_bytes too large", copy);
        }
    } else if (strcmp(name, "stores") == 0 && count == 3) {
        world.local.capacity = (int)number(words[1], copy);
        world.global.capacity = (int)number(words[2], copy);
        if (world.local.capacity > WBX_NATIVE_MAX_KEYS || world.global.capacity > WBX_NATIVE_MAX_KEYS) {
            fail("store too large", copy);
        }
    } else if (strcmp(name, "topic") == 0 && count == 2 && world.topic_count < WBX_NATIVE_MAX_TOPICS) {
        snprintf(world.topics[world.topic_count++], sizeof world.topics[0], "%s", words[1]);
    } else if (strcmp(name, "sensor") == 0 && count >= 5 && world.sensor_count < WBX_NATIVE_MAX_SENSORS
               && count - 4 <= WBX_NATIVE_MAX_VALUES) {
        struct native_sensor *s = &world.sensors[world.sensor_count++];
        s->declared = (int)number(words[1], copy);
        s->type = (uint8_t)number(words[2], copy);
        s->scale = (int)number(words[3], copy);
        for (int i = 4; i < count; i++) {
            s->values[s->value_count++] = (int)number(words[i], copy);
        }
    } else if (strcmp(name, "pin") == 0 && count == 4 && world.pin_count < WBX_NATIVE_MAX_PINS) {
        struct native_pin *p = &world.pins[world.pin_count++];
        p->number = (uint32_t)number(words[1], copy);
        p->output = (int)number(words[2], copy);
        p->level = (int)number(words[3], copy);
    } else if (strcmp(name, "key") == 0 && count == 3 && report_key_count < MAX_KEYS) {
        report_keys[report_key_count].global = strcmp(words[1], "global") == 0;
        report_keys[report_key_count++].key = (uint32_t)number(words[2], copy);
    } else if (strcmp(name, "hook") == 0 && count == 3) {
        context.hook_kind = (uint32_t)number(words[1], copy);
        context.hook_param = (uint32_t)number(words[2], copy);
    } else if (strcmp(name, "clock") == 0 && count == 2) {
        world.now_ms = number(words[1], copy);
    } else if (strcmp(name, "run") == 0 && count == 4) {
        run_once(number(words[1], copy), (uint32_t)number(words[2], copy), words[3]);
    } else {
        fail("unknown or malformed directive", copy);
    }
}

int main(void)
{
    static char line[2300];
    world.payload_capacity = 128;
    world.local.capacity = 16;
    world.global.capacity = 32;
    while (fgets(line, sizeof line, stdin) != NULL) {
        directive(line);
    }
    for (int i = 0; i < world.pin_count; i++) {
        printf("pin %u=%d\n", world.pins[i].number, world.pins[i].level);
    }
    for (int i = 0; i < report_key_count; i++) {
        const struct native_store *s = report_keys[i].global ? &world.global : &world.local;
        printf("%s %u=%u\n", report_keys[i].global ? "global" : "local", report_keys[i].key,
               native_fetch(s, report_keys[i].key));
    }
    return 0;
}
