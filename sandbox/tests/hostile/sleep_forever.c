// expect: time_limit
// why: Sleeping never blocks a grading thread: clock waits are virtual and cost instructions, so an endless sleep ends at the budget, at once (issue 11).

#include <unistd.h>

int main(void) {
    for (;;) {
        sleep(3600);
    }
}
