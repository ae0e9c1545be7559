class Solution:
    def countFittingPairs(self, sizes: List[int], limit: int) -> int:
        count = 0
        lo, hi = 0, len(sizes) - 1
        while lo < hi:
            if sizes[lo] + sizes[hi] <= limit:
                # sizes[lo] fits with every size from lo + 1 up to hi.
                count += hi - lo
                lo += 1
            else:
                hi -= 1
        return count
