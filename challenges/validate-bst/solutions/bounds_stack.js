/**
 * @param {TreeNode} root
 * @return {boolean}
 */
var isValidBst = function(root) {
    // Each entry: a node and the open interval its ancestors allow.
    const stack = root ? [[root, -Infinity, Infinity]] : [];
    while (stack.length > 0) {
        const [node, low, high] = stack.pop();
        if (node.val <= low || node.val >= high) return false;
        if (node.left) stack.push([node.left, low, node.val]);
        if (node.right) stack.push([node.right, node.val, high]);
    }
    return true;
};
