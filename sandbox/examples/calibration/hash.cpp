#include <cstdio>
#include <unordered_set>
int main() {
    long n; if (scanf("%ld", &n) != 1) return 1;
    unsigned long long x = 42;
    std::unordered_set<long> seen;
    long repeats = 0, pairs = 0;
    for (long i = 0; i < n; i++) {
        x = (x * 1103515245ull + 12345ull) % 2147483648ull;
        long v = (long)(x % 1000000);
        if (seen.count(v)) repeats++;
        if (seen.count(1000000 - v)) pairs++;
        seen.insert(v);
    }
    printf("%ld %ld\n", repeats, pairs);
}
