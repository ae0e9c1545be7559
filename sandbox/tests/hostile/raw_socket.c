// expect: compile_error
// why: wasi-libc (2022) has no socket(), so a program that opens one cannot be linked.

#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>

// <sys/socket.h> hides socket() on WASI; declare it by hand so that only the
// linker can refuse it.
int socket(int domain, int type, int protocol);

int main(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        puts("blocked");
        return 0;
    }
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(80);
    addr.sin_addr.s_addr = htonl(0x7f000001);  // 127.0.0.1
    printf("socket %d\n", fd);
    return 0;
}
