// expect: time_limit
// why: A busy loop in C++ is stopped by the wall-clock or instruction limit.

// A side-effect-free infinite loop is undefined behaviour in C++ and may be
// deleted; a volatile access is a side effect, so this one must stay.
int main() {
    volatile unsigned long long counter = 0;
    for (;;) {
        counter = counter + 1;
    }
}
