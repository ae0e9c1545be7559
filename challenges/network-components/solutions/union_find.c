static int find(int* parent, int x) {
    int root = x;
    while (parent[root] != root) root = parent[root];
    while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }
    return root;
}

int* clustersAfterEachLink(int n, int** links, int linksSize, int* linksColSize, int* returnSize) {
    int* parent = malloc(sizeof(int) * n);
    int* size = malloc(sizeof(int) * n);
    for (int i = 0; i < n; i++) { parent[i] = i; size[i] = 1; }
    int* counts = malloc(sizeof(int) * (linksSize > 0 ? linksSize : 1));
    int clusters = n;
    for (int i = 0; i < linksSize; i++) {
        int a = find(parent, links[i][0]), b = find(parent, links[i][1]);
        if (a != b) {
            if (size[a] < size[b]) { int t = a; a = b; b = t; }
            parent[b] = a;
            size[a] += size[b];
            clusters--;
        }
        counts[i] = clusters;
    }
    free(parent);
    free(size);
    *returnSize = linksSize;
    return counts;
}
