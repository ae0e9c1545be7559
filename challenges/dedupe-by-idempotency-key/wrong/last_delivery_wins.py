# Keeps each key's last delivery (a dict overwritten on every retry), in the
# position of its first arrival: wrong whenever a retry's payload differs.
class Solution:
    def dedupeEvents(self, keys: List[str], payloads: List[str]) -> List[str]:
        latest = {}
        order = []
        for i, (key, payload) in enumerate(zip(keys, payloads)):
            if not key:
                order.append(i)
                continue
            if key not in latest:
                order.append(key)
            latest[key] = payload
        return [payloads[item] if isinstance(item, int) else latest[item] for item in order]
