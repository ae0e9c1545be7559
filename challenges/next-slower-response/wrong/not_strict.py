# Pops on "at least as slow" instead of "strictly slower": a request
# followed by an equal latency gets an answer when it should get 0 or wait
# for a truly slower one.
class Solution:
    def waitForSlower(self, latencies: List[int]) -> List[int]:
        answer = [0] * len(latencies)
        waiting = []
        for i, value in enumerate(latencies):
            while waiting and latencies[waiting[-1]] <= value:
                j = waiting.pop()
                answer[j] = i - j
            waiting.append(i)
        return answer
