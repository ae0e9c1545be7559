# Assumes every other flag appears exactly twice and the answer once:
# 2 * sum(distinct) - sum(all) breaks when flags are toggled 3+ times.
class Solution:
    def flagLeftOn(self, toggles: List[int]) -> int:
        return 2 * sum(set(toggles)) - sum(toggles)
