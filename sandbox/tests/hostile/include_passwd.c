// expect: compile_error
// why: The compiler jail has no /etc, so #include cannot read host files.

#include <stdio.h>

static const char leaked[] = {
#include "/etc/passwd"
};

int main(void) {
    fputs(leaked, stdout);
    return 0;
}
