int* waitForSlower(int* latencies, int latenciesSize, int* returnSize) {
    int* answer = calloc(latenciesSize, sizeof(int));
    int* waiting = malloc(sizeof(int) * latenciesSize);
    int top = 0;
    for (int i = 0; i < latenciesSize; i++) {
        while (top > 0 && latencies[waiting[top - 1]] < latencies[i]) {
            top--;
            answer[waiting[top]] = i - waiting[top];
        }
        waiting[top++] = i;
    }
    free(waiting);
    *returnSize = latenciesSize;
    return answer;
}
