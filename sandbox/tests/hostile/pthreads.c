// expect: compile_error
// why: wasi-libc (2022) has no threads: pthread_create does not exist, so the program cannot be linked.

#include <stdio.h>

// The wasm32-wasi sysroot has no <pthread.h> (clang would fall through to the
// host's glibc header and fail on that instead), so the declarations are made
// by hand, and only the linker can refuse them: no pthread_create exists.
typedef unsigned long pthread_t;
int pthread_create(pthread_t *thread, const void *attr, void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **result);

static void *worker(void *arg) {
    return arg;
}

int main(void) {
    pthread_t thread;
    if (pthread_create(&thread, NULL, worker, NULL) != 0) {
        puts("blocked");
        return 0;
    }
    pthread_join(thread, NULL);
    puts("spawned");
    return 0;
}
