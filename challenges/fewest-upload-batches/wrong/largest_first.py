# Greedy: fill with the largest size that still fits, then the next one.
# Wrong on [1, 3, 4] with total 6 (4 + 1 + 1 instead of 3 + 3), and it
# gives up on [5, 3] with total 9 although 3 + 3 + 3 works.
class Solution:
    def fewestBatches(self, batch_sizes: List[int], total: int) -> int:
        count, left = 0, total
        for size in sorted(set(batch_sizes), reverse=True):
            count += left // size
            left %= size
        return count if left == 0 else -1
