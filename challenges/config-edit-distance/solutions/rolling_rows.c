static int min2(int x, int y) { return x < y ? x : y; }

int typoDistance(char* current, char* target) {
    int n = (int)strlen(current), m = (int)strlen(target);
    int* older = malloc(sizeof(int) * (m + 1));
    int* prev = malloc(sizeof(int) * (m + 1));
    int* row = malloc(sizeof(int) * (m + 1));
    for (int j = 0; j <= m; j++) prev[j] = j;
    for (int i = 1; i <= n; i++) {
        row[0] = i;
        char a = current[i - 1];
        for (int j = 1; j <= m; j++) {
            char b = target[j - 1];
            int best = prev[j - 1] + (a != b);
            best = min2(best, prev[j] + 1);
            best = min2(best, row[j - 1] + 1);
            if (i >= 2 && j >= 2 && a == target[j - 2] && current[i - 2] == b)
                best = min2(best, older[j - 2] + 1);
            row[j] = best;
        }
        int* t = older; older = prev; prev = row; row = t;
    }
    int answer = prev[m];
    free(older);
    free(prev);
    free(row);
    return answer;
}
