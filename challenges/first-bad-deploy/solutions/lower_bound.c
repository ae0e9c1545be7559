int* firstSlowBuilds(int* p99_ms, int p99_msSize, int* thresholds, int thresholdsSize, int* returnSize) {
    int* answers = malloc(sizeof(int) * (thresholdsSize > 0 ? thresholdsSize : 1));
    for (int k = 0; k < thresholdsSize; k++) {
        int lo = 0, hi = p99_msSize;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (p99_ms[mid] >= thresholds[k]) hi = mid; else lo = mid + 1;
        }
        answers[k] = lo < p99_msSize ? lo : -1;
    }
    *returnSize = thresholdsSize;
    return answers;
}
