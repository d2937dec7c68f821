/* Native reference run: feeds an input file to a benchmark's bench() compiled
 * for the host and prints r0 as hex, so expected results are computed rather
 * than typed in. */
#include <stdio.h>
#include <stdlib.h>

#include "../bench.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s INPUT\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    /* 8-byte aligned, like the VM's context region. */
    static uint64_t buffer[1 << 13];
    size_t length = fread(buffer, 1, sizeof(buffer), f);
    if (!feof(f)) {
        fprintf(stderr, "%s: input larger than %zu bytes\n", argv[1], sizeof(buffer));
        return 1;
    }
    fclose(f);
    printf("0x%llx\n", (unsigned long long)bench((const uint8_t *)buffer, length));
    return 0;
}
