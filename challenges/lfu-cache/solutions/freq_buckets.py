# One insertion-ordered dict of keys per use count (oldest use first), plus
# the smallest use count present: every step is O(1) on average.
from collections import OrderedDict, defaultdict


class LFUCache:

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries = {}                      # key -> [value, count]
        self.buckets = defaultdict(OrderedDict)  # count -> keys, oldest use first
        self.min_count = 0

    def _touch(self, key, entry):
        count = entry[1]
        bucket = self.buckets[count]
        del bucket[key]
        if not bucket:
            del self.buckets[count]
            if self.min_count == count:
                self.min_count = count + 1
        entry[1] = count + 1
        self.buckets[count + 1][key] = None

    def get(self, key: int) -> int:
        entry = self.entries.get(key)
        if entry is None:
            return -1
        self._touch(key, entry)
        return entry[0]

    def put(self, key: int, value: int) -> None:
        entry = self.entries.get(key)
        if entry is not None:
            entry[0] = value
            self._touch(key, entry)
            return
        if len(self.entries) == self.capacity:
            bucket = self.buckets[self.min_count]
            victim, _ = bucket.popitem(last=False)
            if not bucket:
                del self.buckets[self.min_count]
            del self.entries[victim]
        self.entries[key] = [value, 1]
        self.buckets[1][key] = None
        self.min_count = 1
