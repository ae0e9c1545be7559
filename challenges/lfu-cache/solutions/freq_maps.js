// One insertion-ordered Map of keys per use count, plus the smallest count.
class LFUCache {
    constructor(capacity) {
        this.capacity = capacity;
        this.entries = new Map(); // key -> {value, count}
        this.buckets = new Map(); // count -> Set of keys, oldest use first
        this.minCount = 0;
    }

    bucket(count) {
        let b = this.buckets.get(count);
        if (b === undefined) {
            b = new Set();
            this.buckets.set(count, b);
        }
        return b;
    }

    touch(key, entry) {
        const from = this.buckets.get(entry.count);
        from.delete(key);
        if (from.size === 0) {
            this.buckets.delete(entry.count);
            if (this.minCount === entry.count) this.minCount++;
        }
        entry.count++;
        this.bucket(entry.count).add(key);
    }

    get(key) {
        const entry = this.entries.get(key);
        if (entry === undefined) return -1;
        this.touch(key, entry);
        return entry.value;
    }

    put(key, value) {
        const entry = this.entries.get(key);
        if (entry !== undefined) {
            entry.value = value;
            this.touch(key, entry);
            return;
        }
        if (this.entries.size === this.capacity) {
            const b = this.buckets.get(this.minCount);
            const victim = b.values().next().value;
            b.delete(victim);
            if (b.size === 0) this.buckets.delete(this.minCount);
            this.entries.delete(victim);
        }
        this.entries.set(key, { value, count: 1 });
        this.bucket(1).add(key);
        this.minCount = 1;
    }
}
