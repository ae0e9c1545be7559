// expect: ok
// stdout: blocked
// why: No host file is visible to a run: fopen("/etc/passwd") fails.

#include <stdio.h>

int main(void) {
    FILE *f = fopen("/etc/passwd", "r");
    if (f == NULL) {
        puts("blocked");
        return 0;
    }
    // Only reached if the file really opened: that would be a leak.
    int c;
    while ((c = fgetc(f)) != EOF) {
        putchar(c);
    }
    fclose(f);
    return 0;
}
