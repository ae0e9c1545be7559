// One bucket per client; every value stays below 2^53, so plain numbers are exact.
class RateLimiter {
    constructor(capacity, refillPerSecond) {
        this.full = capacity * 1000;
        this.rate = refillPerSecond;
        this.level = new Map();
        this.last = new Map();
    }

    refill(client, now) {
        const level = this.level.get(client);
        let next = this.full;
        if (level !== undefined) {
            next = Math.min(this.full, level + (now - this.last.get(client)) * this.rate);
        }
        this.level.set(client, next);
        this.last.set(client, now);
        return next;
    }

    allow(client, timestampMs) {
        const level = this.refill(client, timestampMs);
        if (level < 1000) return false;
        this.level.set(client, level - 1000);
        return true;
    }

    available(client, timestampMs) {
        return Math.floor(this.refill(client, timestampMs) / 1000);
    }
}
