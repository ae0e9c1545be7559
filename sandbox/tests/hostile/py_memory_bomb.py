# expect: memory_limit
# wall-ms: 5000
# why: Hoarding big strings hits the memory limit (MemoryError or an abort), never the host.

hoard = []
while True:
    hoard.append("x" * (1 << 20) + str(len(hoard)))
