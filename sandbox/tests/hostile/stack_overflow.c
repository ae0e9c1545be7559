// expect: runtime_error
// why: Unbounded recursion in C overflows the stack and traps.

#include <stdio.h>

static unsigned dive(unsigned n) {
    // A volatile local array: the frame cannot be optimized away, and the
    // accesses are side effects the compiler must keep.
    volatile unsigned char pad[512];
    pad[0] = (unsigned char)n;
    pad[511] = (unsigned char)(n >> 8);
    if (n == 0) {
        return pad[0];  // ~4 billion calls away: never reached
    }
    // Using the result after the call keeps it from being a tail call.
    return dive(n - 1) + pad[n % 512];
}

int main(void) {
    printf("%u\n", dive(0xFFFFFFFFu));
    return 0;
}
