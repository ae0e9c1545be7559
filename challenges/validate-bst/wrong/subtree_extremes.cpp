// Correct but slow: for every node, walks its whole left subtree for the
// maximum and its whole right subtree for the minimum. That is n times the
// height, quadratic on the deep chains.
class Solution {
    static void extremes(TreeNode* root, long long& low, long long& high) {
        vector<TreeNode*> stack{root};
        while (!stack.empty()) {
            TreeNode* node = stack.back();
            stack.pop_back();
            low = min(low, (long long)node->val);
            high = max(high, (long long)node->val);
            if (node->left) stack.push_back(node->left);
            if (node->right) stack.push_back(node->right);
        }
    }
public:
    bool isValidBst(TreeNode* root) {
        vector<TreeNode*> stack;
        if (root) stack.push_back(root);
        while (!stack.empty()) {
            TreeNode* node = stack.back();
            stack.pop_back();
            if (node->left) {
                long long low = LLONG_MAX, high = LLONG_MIN;
                extremes(node->left, low, high);
                if (high >= node->val) return false;
                stack.push_back(node->left);
            }
            if (node->right) {
                long long low = LLONG_MAX, high = LLONG_MIN;
                extremes(node->right, low, high);
                if (low <= node->val) return false;
                stack.push_back(node->right);
            }
        }
        return true;
    }
};
