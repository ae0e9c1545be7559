class Solution {
public:
    int fewestSteps(vector<string>& floor) {
        int rows = floor.size(), cols = floor[0].size();
        vector<int> dist(rows * cols, -1);
        vector<int> queue;
        queue.reserve(rows * cols);
        int target = -1;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                if (floor[r][c] == 'S') { dist[r * cols + c] = 0; queue.push_back(r * cols + c); }
                if (floor[r][c] == 'T') target = r * cols + c;
            }
        const int dr[] = {-1, 1, 0, 0}, dc[] = {0, 0, -1, 1};
        for (size_t head = 0; head < queue.size(); head++) {
            int cell = queue[head];
            if (cell == target) return dist[cell];
            int r = cell / cols, c = cell % cols;
            for (int k = 0; k < 4; k++) {
                int nr = r + dr[k], nc = c + dc[k];
                if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || floor[nr][nc] == '#') continue;
                int next = nr * cols + nc;
                if (dist[next] >= 0) continue;
                dist[next] = dist[cell] + 1;
                queue.push_back(next);
            }
        }
        return -1;
    }
};
