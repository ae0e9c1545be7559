class Solution:
    def waitForSlower(self, latencies: List[int]) -> List[int]:
        answer = [0] * len(latencies)
        waiting = []  # positions still waiting; their latencies never rise
        for i, value in enumerate(latencies):
            while waiting and latencies[waiting[-1]] < value:
                j = waiting.pop()
                answer[j] = i - j
            waiting.append(i)
        return answer
