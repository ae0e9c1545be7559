# The right recurrence with a memo, but recursive: with a batch size of 1
# and a large total the call chain is thousands of levels deep and Python
# stops with a RecursionError.
class Solution:
    def fewestBatches(self, batch_sizes: List[int], total: int) -> int:
        memo = {0: 0}

        def fewest(left):
            if left in memo:
                return memo[left]
            best = -1
            for size in batch_sizes:
                if size <= left:
                    sub = fewest(left - size)
                    if sub >= 0 and (best < 0 or sub + 1 < best):
                        best = sub + 1
            memo[left] = best
            return best

        return fewest(total)
