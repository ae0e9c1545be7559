#include <algorithm>
#include <cstdio>
#include <vector>
int main() {
    long n; if (scanf("%ld", &n) != 1) return 1;
    unsigned long long x = 42;
    std::vector<long long> values(n);
    for (long i = 0; i < n; i++) { x = (x * 1103515245ull + 12345ull) % 2147483648ull; values[i] = (long long)x; }
    std::sort(values.begin(), values.end());
    long long checksum = 0;
    for (long i = 0; i < n; i++) checksum = (checksum + values[i] * (i % 7)) % 1000000007;
    printf("%lld\n", checksum);
}
