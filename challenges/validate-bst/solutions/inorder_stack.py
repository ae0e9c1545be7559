# In-order traversal visits a search tree's values in increasing order:
# the tree is valid exactly when each visited value beats the previous one.
# An explicit stack keeps deep chains within Python's recursion limit.
class Solution:
    def isValidBst(self, root: Optional[TreeNode]) -> bool:
        stack = []
        node = root
        previous = None
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            if previous is not None and node.val <= previous:
                return False
            previous = node.val
            node = node.right
        return True
