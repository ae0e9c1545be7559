// Uses INT_MIN and INT_MAX as "no bound" with strict comparisons, so a node
// holding one of the extremes is rejected although the tree is valid.
class Solution {
public:
    bool isValidBst(TreeNode* root) {
        vector<tuple<TreeNode*, int, int>> stack;
        if (root) stack.push_back({root, INT_MIN, INT_MAX});
        while (!stack.empty()) {
            auto [node, low, high] = stack.back();
            stack.pop_back();
            if (node->val <= low || node->val >= high) return false;
            if (node->left) stack.push_back({node->left, low, node->val});
            if (node->right) stack.push_back({node->right, node->val, high});
        }
        return true;
    }
};
