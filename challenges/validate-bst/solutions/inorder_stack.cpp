class Solution {
public:
    bool isValidBst(TreeNode* root) {
        vector<TreeNode*> stack;
        TreeNode* node = root;
        bool havePrevious = false;
        long long previous = 0;
        while (node || !stack.empty()) {
            while (node) {
                stack.push_back(node);
                node = node->left;
            }
            node = stack.back();
            stack.pop_back();
            if (havePrevious && node->val <= previous) return false;
            havePrevious = true;
            previous = node->val;
            node = node->right;
        }
        return true;
    }
};
