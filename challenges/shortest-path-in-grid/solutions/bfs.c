int fewestSteps(char** floor, int floorSize) {
    int rows = floorSize, cols = (int)strlen(floor[0]);
    int* dist = malloc(sizeof(int) * rows * cols);
    int* queue = malloc(sizeof(int) * rows * cols);
    int head = 0, tail = 0, target = -1, answer = -1;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            dist[r * cols + c] = -1;
            if (floor[r][c] == 'T') target = r * cols + c;
        }
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            if (floor[r][c] == 'S') { dist[r * cols + c] = 0; queue[tail++] = r * cols + c; }
    static const int dr[4] = {-1, 1, 0, 0}, dc[4] = {0, 0, -1, 1};
    while (head < tail) {
        int cell = queue[head++];
        if (cell == target) { answer = dist[cell]; break; }
        int r = cell / cols, c = cell % cols;
        for (int k = 0; k < 4; k++) {
            int nr = r + dr[k], nc = c + dc[k];
            if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || floor[nr][nc] == '#') continue;
            int next = nr * cols + nc;
            if (dist[next] >= 0) continue;
            dist[next] = dist[cell] + 1;
            queue[tail++] = next;
        }
    }
    free(dist);
    free(queue);
    return answer;
}
