# Off by one: a pair that fills the frame exactly (sum == limit) is left out.
class Solution:
    def countFittingPairs(self, sizes: List[int], limit: int) -> int:
        count = 0
        lo, hi = 0, len(sizes) - 1
        while lo < hi:
            if sizes[lo] + sizes[hi] < limit:
                count += hi - lo
                lo += 1
            else:
                hi -= 1
        return count
