# One bucket per client, refilled lazily when the client is seen: the level
# in millitokens and the time it was last brought up to date.
class RateLimiter:

    def __init__(self, capacity: int, refill_per_second: int):
        self.full = capacity * 1000
        self.rate = refill_per_second
        self.buckets = {}

    def _refill(self, client, now):
        bucket = self.buckets.get(client)
        if bucket is None:
            bucket = self.buckets[client] = [self.full, now]
        else:
            level = bucket[0] + (now - bucket[1]) * self.rate
            bucket[0] = level if level < self.full else self.full
            bucket[1] = now
        return bucket

    def allow(self, client: str, timestamp_ms: int) -> bool:
        bucket = self._refill(client, timestamp_ms)
        if bucket[0] >= 1000:
            bucket[0] -= 1000
            return True
        return False

    def available(self, client: str, timestamp_ms: int) -> int:
        return self._refill(client, timestamp_ms)[0] // 1000
