/* Dijkstra's algorithm with an array-based binary heap of (latency, hops, node). */
typedef struct { long long d; int h; int v; } Item;

static int less(const Item* a, const Item* b) {
    return a->d < b->d || (a->d == b->d && a->h < b->h);
}

long long* cheapestRoute(int n, int** links, int linksSize, int* linksColSize, int source, int target, int* returnSize) {
    int* start = calloc(n + 1, sizeof(int));
    for (int i = 0; i < linksSize; i++) start[links[i][0] + 1]++;
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int* fill = malloc(sizeof(int) * (n + 1));
    for (int i = 0; i <= n; i++) fill[i] = start[i];
    int* to = malloc(sizeof(int) * (linksSize + 1));
    long long* w = malloc(sizeof(long long) * (linksSize + 1));
    for (int i = 0; i < linksSize; i++) {
        int e = fill[links[i][0]]++;
        to[e] = links[i][1];
        w[e] = links[i][2];
    }
    long long* dist = malloc(sizeof(long long) * n);
    int* hops = malloc(sizeof(int) * n);
    for (int i = 0; i < n; i++) { dist[i] = -1; hops[i] = 0; }
    Item* heap = malloc(sizeof(Item) * (linksSize + 2));
    int size = 0;
    long long* answer = malloc(sizeof(long long) * 2);
    answer[0] = -1; answer[1] = -1;
    *returnSize = 2;

    dist[source] = 0;
    heap[size++] = (Item){0, 0, source};
    while (size > 0) {
        Item top = heap[0];
        Item last = heap[--size];
        int i = 0;
        for (;;) {  /* sift `last` down from the root */
            int l = 2 * i + 1, r = l + 1, m = -1;
            if (l < size) m = l;
            if (r < size && less(&heap[r], &heap[l])) m = r;
            if (m < 0 || !less(&heap[m], &last)) break;
            heap[i] = heap[m];
            i = m;
        }
        if (size > 0) heap[i] = last;
        if (top.d != dist[top.v] || top.h != hops[top.v]) continue;
        if (top.v == target) { answer[0] = top.d; answer[1] = top.h; break; }
        for (int e = start[top.v]; e < start[top.v + 1]; e++) {
            int v = to[e];
            long long nd = top.d + w[e];
            int nh = top.h + 1;
            if (dist[v] < 0 || nd < dist[v] || (nd == dist[v] && nh < hops[v])) {
                dist[v] = nd;
                hops[v] = nh;
                int j = size++;
                Item it = {nd, nh, v};
                while (j > 0 && less(&it, &heap[(j - 1) / 2])) { heap[j] = heap[(j - 1) / 2]; j = (j - 1) / 2; }
                heap[j] = it;
            }
        }
    }
    free(start); free(fill); free(to); free(w); free(dist); free(hops); free(heap);
    return answer;
}
