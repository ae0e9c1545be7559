#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>
unsigned long long x = 42;
std::string text(long n) {
    std::string out;
    for (long i = 0; i < n; i++) { x = (x * 1103515245ull + 12345ull) % 2147483648ull; out += "abcd"[(x >> 16) % 4]; }
    return out;
}
int main() {
    long n; if (scanf("%ld", &n) != 1) return 1;
    std::string a = text(n), b = text(n);
    std::vector<int> previous(n + 1, 0), current(n + 1, 0);
    for (long i = 1; i <= n; i++) {
        current[0] = 0;
        for (long j = 1; j <= n; j++)
            current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
        std::swap(previous, current);
    }
    printf("%d\n", previous[n]);
}
