int fewestBatches(int* batch_sizes, int batch_sizesSize, int total) {
    int unreachable = total + 1;
    int* best = malloc(sizeof(int) * (total + 1));
    best[0] = 0;
    for (int t = 1; t <= total; t++) best[t] = unreachable;
    for (int k = 0; k < batch_sizesSize; k++)
        for (int t = batch_sizes[k]; t <= total; t++)
            if (best[t - batch_sizes[k]] + 1 < best[t]) best[t] = best[t - batch_sizes[k]] + 1;
    int answer = best[total] >= unreachable ? -1 : best[total];
    free(best);
    return answer;
}
