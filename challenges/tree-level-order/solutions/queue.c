int** levelOrder(struct TreeNode* root, int* returnSize, int** returnColumnSizes) {
    *returnSize = 0;
    *returnColumnSizes = NULL;
    if (!root) return NULL;
    int capacity = 1024, head = 0, tail = 0;
    struct TreeNode** queue = malloc(sizeof(struct TreeNode*) * capacity);
    int levelCapacity = 64;
    int** levels = malloc(sizeof(int*) * levelCapacity);
    int* sizes = malloc(sizeof(int) * levelCapacity);
    queue[tail++] = root;
    while (head < tail) {
        int count = tail - head;
        if (*returnSize == levelCapacity) {
            levelCapacity *= 2;
            levels = realloc(levels, sizeof(int*) * levelCapacity);
            sizes = realloc(sizes, sizeof(int) * levelCapacity);
        }
        int* level = malloc(sizeof(int) * count);
        for (int i = 0; i < count; i++) {
            struct TreeNode* node = queue[head++];
            level[i] = node->val;
            if (tail + 2 > capacity) {
                capacity *= 2;
                queue = realloc(queue, sizeof(struct TreeNode*) * capacity);
            }
            if (node->left) queue[tail++] = node->left;
            if (node->right) queue[tail++] = node->right;
        }
        levels[*returnSize] = level;
        sizes[*returnSize] = count;
        (*returnSize)++;
    }
    free(queue);
    *returnColumnSizes = sizes;
    return levels;
}
