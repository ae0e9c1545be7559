// expect: memory_limit
// wall-ms: 5000
// why: Growing a vector of 1 MiB vectors, each touched, ends as memory_limit.

#include <cstdlib>
#include <new>
#include <vector>

int main() {
    // This wasm build of libc++abi has no exceptions: when malloc fails,
    // operator new returns nullptr instead of throwing, and clang assumes it
    // never does, so the program would silently write through a null pointer
    // (address 0 is valid wasm memory) and spin. A new-handler that aborts
    // makes the failure the trap it is everywhere else.
    std::set_new_handler([] { std::abort(); });

    std::vector<std::vector<char>> hoard;
    for (unsigned i = 0;; ++i) {
        // vector(n, value) fills every byte: all pages are touched.
        hoard.emplace_back(1 << 20, static_cast<char>('a' + i % 26));
    }
}
