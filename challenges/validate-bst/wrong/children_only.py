# Checks each node against its own children only: misses a grandchild that
# breaks an ancestor's bound (example 2).
class Solution:
    def isValidBst(self, root: Optional[TreeNode]) -> bool:
        stack = [root] if root else []
        while stack:
            node = stack.pop()
            if node.left:
                if node.left.val >= node.val:
                    return False
                stack.append(node.left)
            if node.right:
                if node.right.val <= node.val:
                    return False
                stack.append(node.right)
        return True
