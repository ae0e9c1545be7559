// expect: memory_limit
// wall-ms: 5000
// why: Allocating and touching memory until malloc fails ends as memory_limit.

#include <stdlib.h>
#include <string.h>

// Storing each block here lets it escape: without that, clang may drop the
// malloc, fold the NULL check to false and leave an endless loop.
static void *volatile sink;

int main(void) {
    void *chain = NULL;
    for (;;) {
        void **block = malloc(1 << 20);
        if (block == NULL) {
            abort();  // a trap, right after linear memory refused to grow
        }
        memset(block, 0xA5, 1 << 20);  // touch every page
        block[0] = chain;               // keep all blocks reachable
        chain = block;
        sink = chain;
    }
}
