// Uses a stack instead of a queue and fixes that by re-visiting a cell
// whenever a shorter distance to it turns up. The answer is right, but
// cells are re-visited over and over: far too slow on large open halls.
class Solution {
public:
    int fewestSteps(vector<string>& floor) {
        int rows = floor.size(), cols = floor[0].size();
        vector<int> dist(rows * cols, INT_MAX);
        vector<int> stack;
        int target = -1;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                if (floor[r][c] == 'S') { dist[r * cols + c] = 0; stack.push_back(r * cols + c); }
                if (floor[r][c] == 'T') target = r * cols + c;
            }
        const int dr[] = {-1, 1, 0, 0}, dc[] = {0, 0, -1, 1};
        while (!stack.empty()) {
            int cell = stack.back();
            stack.pop_back();
            int r = cell / cols, c = cell % cols;
            for (int k = 0; k < 4; k++) {
                int nr = r + dr[k], nc = c + dc[k];
                if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || floor[nr][nc] == '#') continue;
                int next = nr * cols + nc;
                if (dist[cell] + 1 < dist[next]) {
                    dist[next] = dist[cell] + 1;
                    stack.push_back(next);
                }
            }
        }
        return dist[target] == INT_MAX ? -1 : dist[target];
    }
};
