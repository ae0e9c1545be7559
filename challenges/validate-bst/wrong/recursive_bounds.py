# Correct logic, but one recursive call per level: the deep chains exceed
# Python's recursion limit.
class Solution:
    def isValidBst(self, root: Optional[TreeNode]) -> bool:
        def check(node, low, high):
            if node is None:
                return True
            if not low < node.val < high:
                return False
            return check(node.left, low, node.val) and check(node.right, node.val, high)

        return check(root, -inf, inf)
