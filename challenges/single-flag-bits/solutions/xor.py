class Solution:
    def flagLeftOn(self, toggles: List[int]) -> int:
        # x ^ x == 0 and x ^ 0 == x: flags flipped an even number of times
        # cancel out, leaving the one flipped an odd number of times.
        acc = 0
        for flag in toggles:
            acc ^= flag
        return acc
