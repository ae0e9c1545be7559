# Uses `if` where a `while` is needed: a slow request resolves only the most
# recent waiting request, and older faster ones keep waiting for nothing.
class Solution:
    def waitForSlower(self, latencies: List[int]) -> List[int]:
        answer = [0] * len(latencies)
        waiting = []
        for i, value in enumerate(latencies):
            if waiting and latencies[waiting[-1]] < value:
                j = waiting.pop()
                answer[j] = i - j
            waiting.append(i)
        return answer
