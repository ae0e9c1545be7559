# A depth-first search with Python recursion: the deep chain is too deep.
class Solution:
    def jobOrder(self, numJobs: int, dependencies: List[List[int]]) -> List[int]:
        needs = [[] for _ in range(numJobs)]
        for job, need in dependencies:
            needs[job].append(need)
        state = [0] * numJobs  # 0 new, 1 in progress, 2 done
        order = []

        def visit(job):
            if state[job] == 1:
                return False
            if state[job] == 2:
                return True
            state[job] = 1
            for need in needs[job]:
                if not visit(need):
                    return False
            state[job] = 2
            order.append(job)
            return True

        for job in range(numJobs):
            if not visit(job):
                return []
        return order
