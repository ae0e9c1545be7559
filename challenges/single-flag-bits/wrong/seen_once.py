# Looks for the flag that appears exactly once instead of an odd number of
# times: misses a flag flipped three times.
class Solution:
    def flagLeftOn(self, toggles: List[int]) -> int:
        counts = Counter(toggles)
        for flag, count in counts.items():
            if count == 1:
                return flag
        return 0
