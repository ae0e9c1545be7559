// expect: output_limit
// why: Flooding std::cout is cut off at the stdout cap and reported as output_limit.

#include <iostream>
#include <string>

int main() {
    const std::string chunk(4095, '#');
    // The loop stops only when a write fails (the stream goes bad once the
    // sandbox refuses more output); a program that ignored the failure and
    // went on would run into the time limit instead.
    while (std::cout << chunk << '\n') {
    }
    return 1;
}
