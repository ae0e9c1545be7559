// expect: time_limit
// why: A busy loop in C is stopped by the wall-clock or instruction limit.

int main(void) {
    // volatile: every increment is a real memory access the compiler must keep.
    volatile unsigned long counter = 0;
    for (;;) {
        counter++;
    }
}
