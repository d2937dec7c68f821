/* Writes the generated benchmark inputs (see README.md, "Inputs"). All values
 * come from one 32-bit LCG (Numerical Recipes constants) with fixed seeds, so
 * every run produces the same bytes. */
#include <stdint.h>
#include <stdio.h>

static uint32_t lcg_next(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

static void put_le(FILE *f, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; i++) {
        fputc((int)((value >> (8 * i)) & 0xff), f);
    }
}

static int write_file(const char *path, void (*fill)(FILE *))
{
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    fill(f);
    return fclose(f) != 0;
}

/* crc32.bin: 1024 bytes, the top byte of each LCG step from seed 1. */
static void fill_crc32(FILE *f)
{
    uint32_t state = 1;
    for (int i = 0; i < 1024; i++) {
        fputc((int)(lcg_next(&state) >> 24), f);
    }
}

/* bubblesort.bin: 64 little-endian u32, LCG steps from seed 2. */
static void fill_bubblesort(FILE *f)
{
    uint32_t state = 2;
    for (int i = 0; i < 64; i++) {
        put_le(f, lcg_next(&state), 4);
    }
}

/* arith.bin: u64 seed 0x9E3779B97F4A7C15, u32 iterations 10000, u32 zero pad. */
static void fill_arith(FILE *f)
{
    put_le(f, 0x9E3779B97F4A7C15ull, 8);
    put_le(f, 10000, 4);
    put_le(f, 0, 4);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s INPUT_DIR\n", argv[0]);
        return 2;
    }
    char path[4096];
    int failed = 0;
    snprintf(path, sizeof(path), "%s/crc32.bin", argv[1]);
    failed |= write_file(path, fill_crc32);
    snprintf(path, sizeof(path), "%s/bubblesort.bin", argv[1]);
    failed |= write_file(path, fill_bubblesort);
    snprintf(path, sizeof(path), "%s/arith.bin", argv[1]);
    failed |= write_file(path, fill_arith);
    return failed;
}
