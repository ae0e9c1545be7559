class Solution:
    def topEndpoints(self, requests: List[str], k: int) -> List[str]:
        counts = Counter(requests)
        # Bucket the endpoints by count (counts are at most len(requests)),
        # then walk the buckets from the busiest down.
        buckets = defaultdict(list)
        for name, count in counts.items():
            buckets[count].append(name)
        answer = []
        for count in sorted(buckets, reverse=True):
            for name in sorted(buckets[count]):
                if len(answer) == k:
                    return answer
                answer.append(name)
        return answer
