/* event_counter: a Femto-Containers style event counter in the global key-value store.
 *
 * Written against the Femto-Containers helper ABI, as its examples count scheduler or
 * network events: read a counter with bpf_fetch_global, add one, write it back with
 * bpf_store_global. Here the event is whatever hook woke the container; the counter's key
 * is the hook kind (the context's first word), so one function attached to several hooks
 * keeps one counter per kind, and every tenant function can read them.
 *
 * Hooks: timer (1000 ms) and gpio edge on pin 0. Needs: pin 0 as input-pullup.
 * Returns the updated count of the current kind; every 10th event of a kind it prints
 * the count with bpf_printf. */
#include "bpf/bpfapi/helpers.h"

#define COUNTER_KEY_BASE 0x100

/* The start of the context the runtime passes; the rest is not needed here. */
typedef struct {
    uint32_t event_kind;
    uint32_t event_param;
} event_ctx_t;

int64_t event_counter(void *ctx)
{
    const event_ctx_t *event = (const event_ctx_t *)ctx;
    uint32_t key = COUNTER_KEY_BASE + event->event_kind;

    uint32_t count = 0;
    bpf_fetch_global(key, &count);
    count++;
    bpf_store_global(key, count);

    if (count % 10 == 0) {
        bpf_printf("event %u seen %u times\n", event->event_kind, count);
    }
    return count;
}
