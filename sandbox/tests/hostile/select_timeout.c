// expect: time_limit
// why: select() and poll() with a timeout and nothing to wait for are clock waits too (issue 11).

#include <poll.h>
#include <sys/select.h>

int main(void) {
    struct timeval tv = {10, 0};
    for (;;) {
        select(0, 0, 0, 0, &tv);
        poll(0, 0, 10000);
    }
}
