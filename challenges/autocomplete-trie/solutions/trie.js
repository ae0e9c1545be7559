// A trie of Maps; each node keeps its name count and three smallest names.
class Autocomplete {
    constructor() {
        this.root = { children: new Map(), count: 0, best: [] };
        this.known = new Set();
    }

    static note(node, word) {
        node.count++;
        const best = node.best;
        if (best.length === 3) {
            if (word >= best[2]) return;
            best.pop();
        }
        let i = best.length;
        while (i > 0 && best[i - 1] > word) i--;
        best.splice(i, 0, word);
    }

    insert(word) {
        if (this.known.has(word)) return;
        this.known.add(word);
        let node = this.root;
        Autocomplete.note(node, word);
        for (const ch of word) {
            let child = node.children.get(ch);
            if (child === undefined) {
                child = { children: new Map(), count: 0, best: [] };
                node.children.set(ch, child);
            }
            node = child;
            Autocomplete.note(node, word);
        }
    }

    find(prefix) {
        let node = this.root;
        for (const ch of prefix) {
            node = node.children.get(ch);
            if (node === undefined) return null;
        }
        return node;
    }

    countPrefix(prefix) {
        const node = this.find(prefix);
        return node ? node.count : 0;
    }

    top(prefix) {
        const node = this.find(prefix);
        return node ? node.best.slice() : [];
    }
}
