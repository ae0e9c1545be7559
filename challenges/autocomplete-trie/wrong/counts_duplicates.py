# Forgets that a name registered twice counts once: duplicates inflate the
# counts and can show the same name twice in the suggestions.
class Autocomplete:

    def __init__(self):
        self.root = [{}, 0, []]

    def insert(self, word: str) -> None:
        node = self.root
        self._note(node, word)
        for ch in word:
            node = node[0].setdefault(ch, [{}, 0, []])
            self._note(node, word)

    @staticmethod
    def _note(node, word):
        node[1] += 1
        node[2] = sorted(node[2] + [word])[:3]

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
