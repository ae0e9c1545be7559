// expect: compile_error
// why: An exponential template instantiation is stopped by the compiler's time or memory limit.

// Bomb<T, N> needs Bomb<L<T>, N-1> and Bomb<R<T>, N-1>: distinct types, so
// nothing is shared and Bomb<void, 64> asks for 2^64 instantiations. The
// nesting is only 64 deep, far below clang's -ftemplate-depth of 1024, so
// the compiler does not stop early by itself.
template <class T> struct L {};
template <class T> struct R {};

template <class T, int N> struct Bomb {
    static constexpr unsigned long long value =
        Bomb<L<T>, N - 1>::value + Bomb<R<T>, N - 1>::value;
};

template <class T> struct Bomb<T, 0> {
    static constexpr unsigned long long value = 1;
};

int main() {
    return static_cast<int>(Bomb<void, 64>::value & 1);
}
