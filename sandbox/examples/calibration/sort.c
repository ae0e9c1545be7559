#include <stdio.h>
#include <stdlib.h>
static int cmp(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}
int main(void) {
    long n; if (scanf("%ld", &n) != 1) return 1;
    unsigned long long x = 42;
    long long *values = malloc(n * sizeof(long long));
    for (long i = 0; i < n; i++) { x = (x * 1103515245ull + 12345ull) % 2147483648ull; values[i] = (long long)x; }
    qsort(values, n, sizeof(long long), cmp);
    long long checksum = 0;
    for (long i = 0; i < n; i++) checksum = (checksum + values[i] * (i % 7)) % 1000000007;
    printf("%lld\n", checksum);
    return 0;
}
