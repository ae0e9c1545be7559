# Accepts equal neighbours in the in-order walk (< instead of <=), so a
# duplicate value passes as a valid tree.
class Solution:
    def isValidBst(self, root: Optional[TreeNode]) -> bool:
        stack, node, previous = [], root, None
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            if previous is not None and node.val < previous:
                return False
            previous = node.val
            node = node.right
        return True
