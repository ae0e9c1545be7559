class Solution {
public:
    vector<vector<int>> levelOrder(TreeNode* root) {
        vector<vector<int>> levels;
        queue<TreeNode*> q;
        if (root) q.push(root);
        while (!q.empty()) {
            levels.emplace_back();
            for (size_t n = q.size(); n > 0; n--) {
                TreeNode* node = q.front();
                q.pop();
                levels.back().push_back(node->val);
                if (node->left) q.push(node->left);
                if (node->right) q.push(node->right);
            }
        }
        return levels;
    }
};
