// expect: compile_error
// why: wasi-libc declares system() but does not implement it, so the program cannot be linked.

#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int status = system("cat /etc/passwd");
    printf("status %d\n", status);
    return 0;
}
