// Every string here is ASCII, so each UTF-16 code unit is one byte.
// The loop stays in signed 32-bit integers; `>>> 0` reads the bits as unsigned.
function fnv1a(text) {
    let h = -2128831035; // 2166136261 as a signed 32-bit integer
    for (let i = 0; i < text.length; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    }
    return h >>> 0;
}

// The ring as two parallel arrays sorted by (position, name): lookups
// binary-search the positions; a new server's virtual nodes are merged in.
class ConsistentHashRing {
    constructor(replicas) {
        this.replicas = replicas;
        this.nodes = new Set();
        this.pos = [];
        this.name = [];
    }

    // First index whose (position, name) is not smaller than (p, n).
    seek(p, n) {
        const pos = this.pos, name = this.name;
        let lo = 0, hi = pos.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (pos[mid] < p || (pos[mid] === p && name[mid] < n)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    addNode(name) {
        if (this.nodes.has(name)) return;
        this.nodes.add(name);
        const fresh = [];
        for (let i = 0; i < this.replicas; i++) fresh.push(fnv1a(name + "#" + i));
        fresh.sort((a, b) => a - b);
        // Merge the new positions into the ring; ties go to the smaller name.
        const pos = this.pos, names = this.name, n = pos.length, m = fresh.length;
        const mergedPos = new Array(n + m), mergedName = new Array(n + m);
        let i = 0, j = 0, k = 0;
        while (j < m) {
            const p = fresh[j];
            while (i < n && (pos[i] < p || (pos[i] === p && names[i] < name))) {
                mergedPos[k] = pos[i];
                mergedName[k++] = names[i++];
            }
            mergedPos[k] = p;
            mergedName[k++] = name;
            j++;
        }
        while (i < n) {
            mergedPos[k] = pos[i];
            mergedName[k++] = names[i++];
        }
        this.pos = mergedPos;
        this.name = mergedName;
    }

    removeNode(name) {
        if (!this.nodes.delete(name)) return;
        const pos = this.pos, names = this.name;
        let kept = 0;
        for (let i = 0; i < pos.length; i++) {
            if (names[i] !== name) {
                pos[kept] = pos[i];
                names[kept] = names[i];
                kept++;
            }
        }
        pos.length = kept;
        names.length = kept;
    }

    lookup(key) {
        if (this.pos.length === 0) return "";
        const at = this.seek(fnv1a(key), "");
        return this.name[at === this.pos.length ? 0 : at];
    }
}
