class Solution:
    def split(self, total: int) -> List[int]:
        return [total // 2, total - total // 2]
