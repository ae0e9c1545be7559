# A trie whose every node keeps how many names pass through it and the (at
# most) three smallest of them, updated on insert: each call walks one path.
class Autocomplete:

    def __init__(self):
        # node = [children, count, smallest three names below]
        self.root = [{}, 0, []]
        self.known = set()

    def insert(self, word: str) -> None:
        if word in self.known:
            return
        self.known.add(word)
        node = self.root
        self._note(node, word)
        for ch in word:
            children = node[0]
            child = children.get(ch)
            if child is None:
                child = children[ch] = [{}, 0, []]
            node = child
            self._note(node, word)

    @staticmethod
    def _note(node, word):
        node[1] += 1
        best = node[2]
        if len(best) < 3:
            best.append(word)
            best.sort()
        elif word < best[2]:
            best[2] = word
            best.sort()

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node[0].get(ch)
            if node is None:
                return None
        return node

    def countPrefix(self, prefix: str) -> int:
        node = self._find(prefix)
        return node[1] if node else 0

    def top(self, prefix: str) -> List[str]:
        node = self._find(prefix)
        return list(node[2]) if node else []
