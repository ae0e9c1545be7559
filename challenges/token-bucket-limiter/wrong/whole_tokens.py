# Refills in whole tokens only (rounding down) and restarts the clock at
# every call, so fractions of a token earned between calls are lost.
class RateLimiter:

    def __init__(self, capacity: int, refill_per_second: int):
        self.capacity = capacity
        self.rate = refill_per_second
        self.buckets = {}

    def _refill(self, client, now):
        bucket = self.buckets.setdefault(client, [self.capacity, now])
        gained = (now - bucket[1]) * self.rate // 1000
        bucket[0] = min(self.capacity, bucket[0] + gained)
        bucket[1] = now
        return bucket

    def allow(self, client: str, timestamp_ms: int) -> bool:
        bucket = self._refill(client, timestamp_ms)
        if bucket[0] >= 1:
            bucket[0] -= 1
            return True
        return False

    def available(self, client: str, timestamp_ms: int) -> int:
        return self._refill(client, timestamp_ms)[0]
