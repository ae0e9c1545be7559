// expect: ok
// stdout: slept 20 ms, stdin ready
// why: Short sleeps still work and the program's clock moves on by what it slept, without real waiting; polling stdin finds it ready at once.

#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

int main(void) {
    long long start = now_ms();
    for (int i = 0; i < 20; i++) {
        usleep(1000);
    }
    long long slept = now_ms() - start;
    struct pollfd in = {0, POLLIN, 0};
    int ready = poll(&in, 1, 60000);
    printf("slept %lld ms, %s\n", slept >= 20 && slept < 1000 ? 20LL : slept, ready == 1 ? "stdin ready" : "stdin not ready");
    return 0;
}
