// expect: compile_error
// why: wasi-libc has no fork, so a fork bomb cannot even be linked.

#include <stdio.h>
#include <sys/types.h>

// wasi-libc's <unistd.h> hides fork; declare it by hand, as a determined
// program would, so that only the linker can refuse it.
pid_t fork(void);

int main(void) {
    for (;;) {
        if (fork() < 0) {
            puts("fork failed");
        }
    }
}
