# Treats "" as an ordinary key, so only the first keyless event is applied.
class Solution:
    def dedupeEvents(self, keys: List[str], payloads: List[str]) -> List[str]:
        seen = set()
        applied = []
        for key, payload in zip(keys, payloads):
            if key in seen:
                continue
            seen.add(key)
            applied.append(payload)
        return applied
