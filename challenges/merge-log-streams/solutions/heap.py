import heapq
import sys


def main():
    lines = sys.stdin.read().split("\n")
    k = int(lines[0])
    streams, at = [], 1
    for _ in range(k):
        n = int(lines[at])
        streams.append(lines[at + 1:at + 1 + n])
        at += 1 + n
    heap = []
    for server, stream in enumerate(streams):
        if stream:
            stamp, _, message = stream[0].partition(" ")
            heap.append((int(stamp), server, 0, message))
    heapq.heapify(heap)
    out = []
    while heap:
        stamp, server, index, message = heapq.heappop(heap)
        out.append(f"{stamp} {server} {message}")
        if index + 1 < len(streams[server]):
            nxt, _, text = streams[server][index + 1].partition(" ")
            heapq.heappush(heap, (int(nxt), server, index + 1, text))
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


main()
