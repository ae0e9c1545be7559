// expect: compile_error
// why: The C compiler's jail has no /proc either (issue 11).

#include "/proc/1/environ"

int main(void) { return 0; }
