int* jobOrder(int numJobs, int** dependencies, int dependenciesSize, int* dependenciesColSize, int* returnSize) {
    int* waiting = calloc(numJobs, sizeof(int));
    int* start = calloc(numJobs + 1, sizeof(int));
    int* unlocks = malloc(sizeof(int) * (dependenciesSize + 1));
    for (int i = 0; i < dependenciesSize; i++) { waiting[dependencies[i][0]]++; start[dependencies[i][1] + 1]++; }
    for (int j = 0; j < numJobs; j++) start[j + 1] += start[j];
    int* fill = malloc(sizeof(int) * (numJobs + 1));
    for (int j = 0; j <= numJobs; j++) fill[j] = start[j];
    for (int i = 0; i < dependenciesSize; i++) unlocks[fill[dependencies[i][1]]++] = dependencies[i][0];
    int* order = malloc(sizeof(int) * numJobs);
    int count = 0;
    for (int j = 0; j < numJobs; j++) if (waiting[j] == 0) order[count++] = j;
    for (int i = 0; i < count; i++)
        for (int e = start[order[i]]; e < start[order[i] + 1]; e++)
            if (--waiting[unlocks[e]] == 0) order[count++] = unlocks[e];
    *returnSize = count == numJobs ? count : 0;
    free(waiting); free(start); free(unlocks); free(fill);
    return order;
}
