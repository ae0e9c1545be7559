bool isValidBst(struct TreeNode* root) {
    int capacity = 1024, size = 0;
    struct TreeNode** stack = malloc(sizeof(struct TreeNode*) * capacity);
    struct TreeNode* node = root;
    bool havePrevious = false, valid = true;
    long long previous = 0;
    while (node || size > 0) {
        while (node) {
            if (size == capacity) {
                capacity *= 2;
                stack = realloc(stack, sizeof(struct TreeNode*) * capacity);
            }
            stack[size++] = node;
            node = node->left;
        }
        node = stack[--size];
        if (havePrevious && node->val <= previous) { valid = false; break; }
        havePrevious = true;
        previous = node->val;
        node = node->right;
    }
    free(stack);
    return valid;
}
