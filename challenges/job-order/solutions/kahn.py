class Solution:
    def jobOrder(self, numJobs: int, dependencies: List[List[int]]) -> List[int]:
        waiting = [0] * numJobs
        unlocks = [[] for _ in range(numJobs)]
        for job, needs in dependencies:
            waiting[job] += 1
            unlocks[needs].append(job)
        ready = deque(j for j in range(numJobs) if waiting[j] == 0)
        order = []
        while ready:
            job = ready.popleft()
            order.append(job)
            for nxt in unlocks[job]:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    ready.append(nxt)
        return order if len(order) == numJobs else []
