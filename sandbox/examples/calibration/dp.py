import sys
n = int(sys.stdin.read())
x = 42
def text():
    global x
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append("abcd"[(x >> 16) % 4])
    return "".join(out)
a, b = text(), text()
previous = [0] * (n + 1)
for i in range(1, n + 1):
    current = [0] * (n + 1)
    ai = a[i - 1]
    for j in range(1, n + 1):
        if ai == b[j - 1]:
            current[j] = previous[j - 1] + 1
        else:
            current[j] = max(previous[j], current[j - 1])
    previous = current
print(previous[n])
