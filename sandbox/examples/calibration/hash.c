#include <stdio.h>
#include <stdlib.h>
/* Open addressing over a power-of-two table: C has no hash set. */
int main(void) {
    long n; if (scanf("%ld", &n) != 1) return 1;
    unsigned long cap = 1; while (cap < (unsigned long)n * 2) cap <<= 1;
    long *table = malloc(cap * sizeof(long));
    for (unsigned long i = 0; i < cap; i++) table[i] = -1;
    unsigned long long x = 42;
    long repeats = 0, pairs = 0;
    for (long i = 0; i < n; i++) {
        x = (x * 1103515245ull + 12345ull) % 2147483648ull;
        long v = (long)(x % 1000000);
        long w = 1000000 - v;
        int found_v = 0, found_w = 0;
        unsigned long h = ((unsigned long)w * 2654435761u) & (cap - 1);
        while (table[h] != -1) { if (table[h] == w) { found_w = 1; break; } h = (h + 1) & (cap - 1); }
        h = ((unsigned long)v * 2654435761u) & (cap - 1);
        while (table[h] != -1) { if (table[h] == v) { found_v = 1; break; } h = (h + 1) & (cap - 1); }
        if (found_v) repeats++; else table[h] = v;
        if (found_w) pairs++;
    }
    printf("%ld %ld\n", repeats, pairs);
    return 0;
}
