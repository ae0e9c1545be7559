# A different approach: a set holds the flags that are currently on.
class Solution:
    def flagLeftOn(self, toggles: List[int]) -> int:
        on = set()
        for flag in toggles:
            if flag in on:
                on.remove(flag)
            else:
                on.add(flag)
        return next(iter(on))
