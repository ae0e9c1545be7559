# Forgets that the ring wraps around: a key past the last virtual node goes
# to the last one instead of the first.
from bisect import bisect_left, insort


def fnv1a(text):
    h = 2166136261
    for b in text.encode():
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


class ConsistentHashRing:

    def __init__(self, replicas: int):
        self.replicas = replicas
        self.nodes = set()
        self.ring = []

    def addNode(self, name: str) -> None:
        if name in self.nodes:
            return
        self.nodes.add(name)
        for i in range(self.replicas):
            insort(self.ring, (fnv1a(f"{name}#{i}"), name))

    def removeNode(self, name: str) -> None:
        if name not in self.nodes:
            return
        self.nodes.remove(name)
        self.ring = [p for p in self.ring if p[1] != name]

    def lookup(self, key: str) -> str:
        if not self.ring:
            return ""
        i = bisect_left(self.ring, (fnv1a(key), ""))
        return self.ring[min(i, len(self.ring) - 1)][1]
