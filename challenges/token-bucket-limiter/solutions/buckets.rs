use std::collections::HashMap;

// One bucket per client: (level in millitokens, last refill time).
struct RateLimiter {
    full: i64,
    rate: i64,
    buckets: HashMap<String, (i64, i64)>,
}

impl RateLimiter {
    fn new(capacity: i32, refill_per_second: i32) -> Self {
        RateLimiter {
            full: capacity as i64 * 1000,
            rate: refill_per_second as i64,
            buckets: HashMap::new(),
        }
    }

    fn refill(&mut self, client: String, now: i64) -> &mut (i64, i64) {
        let (full, rate) = (self.full, self.rate);
        let bucket = self.buckets.entry(client).or_insert((full, now));
        let gained = (now - bucket.1).saturating_mul(rate);
        bucket.0 = full.min(bucket.0.saturating_add(gained));
        bucket.1 = now;
        bucket
    }

    fn allow(&mut self, client: String, timestamp_ms: i64) -> bool {
        let bucket = self.refill(client, timestamp_ms);
        if bucket.0 >= 1000 {
            bucket.0 -= 1000;
            true
        } else {
            false
        }
    }

    fn available(&mut self, client: String, timestamp_ms: i64) -> i32 {
        (self.refill(client, timestamp_ms).0 / 1000) as i32
    }
}
