#include <stdio.h>
#include <stdlib.h>
static unsigned long long x = 42;
static char *text(long n) {
    char *out = malloc(n + 1);
    for (long i = 0; i < n; i++) { x = (x * 1103515245ull + 12345ull) % 2147483648ull; out[i] = "abcd"[(x >> 16) % 4]; }
    out[n] = 0;
    return out;
}
int main(void) {
    long n; if (scanf("%ld", &n) != 1) return 1;
    char *a = text(n), *b = text(n);
    int *previous = calloc(n + 1, sizeof(int)), *current = calloc(n + 1, sizeof(int));
    for (long i = 1; i <= n; i++) {
        current[0] = 0;
        for (long j = 1; j <= n; j++) {
            int skip = previous[j] > current[j - 1] ? previous[j] : current[j - 1];
            current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : skip;
        }
        int *t = previous; previous = current; current = t;
    }
    printf("%d\n", previous[n]);
    return 0;
}
