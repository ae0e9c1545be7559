class Solution:
    def sumList(self, nums: List[int]) -> int:
        return sum(nums)
