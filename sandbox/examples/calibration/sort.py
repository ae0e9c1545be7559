import sys
n = int(sys.stdin.read())
x = 42
values = []
for _ in range(n):
    x = (x * 1103515245 + 12345) % 2147483648
    values.append(x)
values.sort()
checksum = 0
for i, v in enumerate(values):
    checksum = (checksum + v * (i % 7)) % 1000000007
print(checksum)
